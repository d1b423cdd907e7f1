import type { ArticleSummary, Highlighted } from '@portico/contract';
import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import { ResourceController } from './resource-controller.js';

/** One result: a search hit, or a popular article shown with its summary. */
export interface KbSearchOption {
  article: ArticleSummary;
  title: Highlighted;
  snippet: Highlighted;
}

/** What the search holds: nothing to show (no query), popular articles, or the hits of `query`. */
export type KbSearchResult =
  | { kind: 'idle' }
  | { kind: 'popular'; options: KbSearchOption[] }
  | { kind: 'results'; query: string; options: KbSearchOption[] };

export interface SearchOptions {
  /** Milliseconds between the last keystroke and the request. */
  debounce: () => number;
  /** Shorter queries (after trimming) don't search. */
  minLength: () => number;
  /** Results per search (1–20). */
  limit: () => number;
  /** A category slug to search in, or empty. */
  category?: () => string;
  /** With no query, offer popular articles. */
  popular?: () => boolean;
  /** The query when the host keeps it (e.g. a public `query` property): read and written through these. */
  query?: { get(): string; set(query: string): void };
  /** Whether to search at all (default: always). */
  enabled?: () => boolean;
  /** Don't fire `portico-error` when a search fails (suggestions a form can do without). */
  quiet?: boolean;
}

const plain = (text: string): Highlighted => [{ text, highlight: false }];

/**
 * Knowledge-base search as you type, shared by `<portico-kb-search>` and the ticket form's
 * suggestions: `type(text)` searches once typing pauses (`debounce`), `now(text)` at once; the
 * search itself is a `ResourceController` (`resource`), so a newer query aborts the older request,
 * whose late answer is dropped, and the previous results stay, marked busy, while new ones load.
 */
export class SearchController implements ReactiveController {
  readonly resource: ResourceController<KbSearchResult, readonly [string, string, number, boolean]>;
  private readonly host: PorticoElement;
  private readonly options: SearchOptions;
  private own = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: PorticoElement, options: SearchOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    this.resource = new ResourceController(host, {
      args: () => [this.effectiveQuery, options.category?.() ?? '', this.limit, !!options.popular?.()] as const,
      load: async (client, [q, category, limit, popular], { signal }): Promise<KbSearchResult> => {
        if (q) {
          const { data } = await client.articles.search({ q, category: category || undefined, limit, signal });
          return { kind: 'results', query: q, options: data.map(({ article, title, snippet }) => ({ article, title, snippet })) };
        }
        if (!popular) return { kind: 'idle' };
        const { data } = await client.articles.list({ category: category || undefined, limit, signal });
        return {
          kind: 'popular',
          options: data.map((article) => ({ article, title: plain(article.title), snippet: plain(article.summary) })),
        };
      },
      enabled: options.enabled,
      quiet: options.quiet,
    });
  }

  /** The query searched for (what was typed, once the debounce passed). */
  get query(): string {
    return this.options.query?.get() ?? this.own;
  }

  /** The query as sent: trimmed, at most 200 characters, empty when shorter than `minLength`. */
  get effectiveQuery(): string {
    const q = this.query.trim().slice(0, 200).trim();
    return q.length >= Math.max(1, this.options.minLength()) ? q : '';
  }

  /** Whether typed text waits for its debounce. */
  get typing(): boolean {
    return this.timer !== undefined;
  }

  /** The current hits (or popular articles); `[]` when idle. */
  get results(): readonly KbSearchOption[] {
    const value = this.resource.value;
    return value && value.kind !== 'idle' ? value.options : [];
  }

  /** Searches for `text` once typing pauses. */
  type(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(text), this.options.debounce());
  }

  /** Searches for `text` at once (Enter, or a query set from outside). */
  now(text: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.options.query) this.options.query.set(text);
    else {
      this.own = text;
      this.host.requestUpdate();
    }
  }

  /** Searches again with the same query. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private get limit(): number {
    return Math.min(20, Math.max(1, Math.trunc(this.options.limit()) || 8));
  }
}
