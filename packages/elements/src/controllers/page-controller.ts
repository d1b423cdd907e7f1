import type { Page } from '@portico/contract';
import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import type { PorticoClientLike } from '../context/client.js';
import { errorCode, isAbort, ResourceController, type ResourceOptions } from './resource-controller.js';

/**
 * - `more`: "Show more" (or scrolling near the end) adds the next page after the loaded ones.
 * - `older`: the next page goes before the loaded ones — a history that grows upward, like a chat
 *   whose older messages load as you scroll up (each page in display order, the cursor going back).
 * - `pages`: one page at a time, with next and previous (a stack of the previous cursors).
 */
export type PageMode = 'more' | 'older' | 'pages';

export interface PageOptions<T, A extends readonly unknown[], X = unknown> extends Omit<ResourceOptions<Page<T> & X, A>, 'load'> {
  /**
   * Loads one page: the first with `cursor` undefined. Pass `signal` to the client. The first page
   * may carry more than the items (e.g. the record the list belongs to), read from `resource.value`.
   */
  load: (client: PorticoClientLike, args: A, cursor: string | undefined, options: { signal: AbortSignal }) => Promise<Page<T> & X>;
  mode?: PageMode;
  /**
   * Keep the pages added by "Show more" when the first page loads again with the same inputs
   * (refresh, live event) — a conversation keeps the history the reader opened. By default they
   * are dropped then; they always are when an input (`args`) changes.
   */
  keep?: boolean;
  /** Identity of an item: an item met in two pages shows once (the first page's copy). */
  key?: (item: T) => string;
  /**
   * Pages to follow before the list shows (default 1): for a list that is read as a whole, like
   * an audit trail grouped by version. "Show more" takes over beyond them.
   */
  follow?: number;
}

type More = 'idle' | 'loading' | 'error';

/** Stable text of a list of inputs, to see whether any changed. */
const argsKey = (args: readonly unknown[]) => JSON.stringify(args);

/**
 * Cursor paging for every list, on a `ResourceController` for the first (or current) page: its
 * states, refresh and live updates are the resource's, rendered by `renderState`. Any change of
 * `args` (a filter, the record shown) starts again from the first page. `renderMore` draws the
 * "Show more" button, or the status line of a list that loads as it scrolls.
 */
export class PageController<T, A extends readonly unknown[] = readonly unknown[], X = unknown> implements ReactiveController {
  /** The first page (`more`, `older`) or the current page (`pages`). */
  readonly resource: ResourceController<Page<T> & X, readonly [...A, string | undefined]>;
  /** Loading the next page: `idle`, `loading` or `error` (then `moreError`). */
  moreState: More = 'idle';
  moreError: unknown;

  private readonly host: PorticoElement;
  private readonly options: PageOptions<T, A, X>;
  private readonly mode: PageMode;
  private extra: T[][] = [];
  private extraCursor: string | null = null;
  private cursor?: string;
  private previous: Array<string | undefined> = [];
  private last?: string;
  /** The inputs (with the cursor) of the first page on screen. */
  private loaded?: string;
  private moreAbort?: AbortController;

  constructor(host: PorticoElement, options: PageOptions<T, A, X>) {
    this.host = host;
    this.options = options;
    this.mode = options.mode ?? 'more';
    // Added before the resource: hostUpdate() sees changed inputs before the resource's task reads them.
    host.addController(this);
    this.resource = new ResourceController(host, {
      ...options,
      args: () => [...options.args(), this.cursor] as const,
      load: async (client, args, o) => {
        const key = argsKey(args);
        // A new first page: a "Show more" on its way belongs to the old one.
        if (this.mode !== 'pages') this.stopMore();
        const inputs = args.slice(0, -1) as unknown as A;
        let page = await options.load(client, inputs, args.at(-1) as string | undefined, o);
        for (let n = 1; n < (options.follow ?? 1) && page.nextCursor; n++) {
          const next = await options.load(client, inputs, page.nextCursor, o);
          page = { ...page, data: [...page.data, ...next.data], nextCursor: next.nextCursor };
        }
        if (!o.signal.aborted && (key !== this.loaded || !options.keep)) {
          this.extra = [];
          this.extraCursor = null;
        }
        this.loaded = key;
        return page;
      },
    });
  }

  /** Every item on screen: the first page and the pages added since, in display order (the same array until they change). */
  get items(): readonly T[] {
    const first = this.resource.value?.data ?? [];
    if (!this.extra.length) return first;
    const memo = this.memo;
    if (memo?.first === first && memo.extra === this.extra) return memo.items;
    const items = this.merge(first);
    this.memo = { first, extra: this.extra, items };
    return items;
  }

  private memo?: { first: readonly T[]; extra: T[][]; items: readonly T[] };

  private merge(first: readonly T[]): readonly T[] {
    const pages = this.mode === 'older' ? [...this.extra].reverse().concat([first as T[]]) : [first, ...this.extra];
    const key = this.options.key;
    if (!key) return pages.flat();
    const seen = new Map<string, T>();
    // The first page is the freshest: its copy of an item wins.
    for (const item of first) seen.set(key(item), item);
    const out: T[] = [];
    for (const page of pages) for (const item of page) if (page === first || !seen.has(key(item))) out.push(item);
    return out;
  }

  /** The cursor of the next page to add, or null when there is none. */
  private get next(): string | null {
    return this.extra.length ? this.extraCursor : (this.resource.value?.nextCursor ?? null);
  }

  /** Whether "Show more" has something to load. */
  get hasMore(): boolean {
    return this.mode !== 'pages' && this.resource.state !== 'error' && !!this.next;
  }

  /** `pages`: the 1-based number of the page on screen. */
  get page(): number {
    return this.previous.length + 1;
  }

  get hasPrevious(): boolean {
    return this.previous.length > 0;
  }

  get hasNext(): boolean {
    return !!this.resource.value?.nextCursor;
  }

  /** Loads the first (or current) page again; the list stays on screen meanwhile. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  /** Adds the next page (`more`, `older`). Does nothing while one loads, before the first page, or at the end. */
  async loadMore(): Promise<void> {
    const client = this.host.effectiveClient;
    const cursor = this.next;
    if (!client || !cursor || this.moreState === 'loading' || this.resource.state !== 'complete') return;
    const abort = new AbortController();
    this.moreAbort = abort;
    this.setMore('loading');
    try {
      const page = await this.options.load(client, this.options.args(), cursor, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.extra = [...this.extra, page.data];
      this.extraCursor = page.nextCursor;
      this.setMore('idle');
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.setMore('error', error);
      this.host.emit('portico-error', { error, code: errorCode(error) });
    }
  }

  /** `pages`: shows the next page. */
  nextPage(): void {
    const next = this.resource.value?.nextCursor;
    if (!next) return;
    this.previous = [...this.previous, this.cursor];
    this.go(next);
  }

  /** `pages`: shows the page before. */
  previousPage(): void {
    if (!this.previous.length) return;
    const previous = [...this.previous];
    this.go(previous.pop());
    this.previous = previous;
  }

  hostUpdate(): void {
    const key = argsKey(this.options.args());
    if (this.last !== undefined && key !== this.last) {
      // New inputs: from the first page again.
      this.previous = [];
      this.cursor = undefined;
      this.stopMore();
      this.extra = [];
    }
    this.last = key;
  }

  hostDisconnected(): void {
    this.stopMore();
  }

  private go(cursor: string | undefined): void {
    this.cursor = cursor;
    this.host.requestUpdate();
  }

  private stopMore(): void {
    this.moreAbort?.abort();
    this.moreAbort = undefined;
    if (this.moreState !== 'idle') this.setMore('idle');
  }

  private setMore(state: More, error?: unknown): void {
    this.moreState = state;
    this.moreError = error;
    this.host.requestUpdate();
  }
}
