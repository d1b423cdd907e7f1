import type { Page } from '@portico/contract';
import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';
import type { PorticoClientLike } from '../context/client.js';
import { errorCode, isAbort, ResourceController, type ResourceOptions, reportInvalidLinks } from './resource-controller.js';

/**
 * - `more`: "Show more" (or scrolling near the end) adds the next page after the loaded ones.
 * - `older`: the next page goes before the loaded ones — a history that grows upward, like a chat
 *   whose older messages load as you scroll up (each page in display order, the cursor going back).
 * - `pages`: one page at a time, with next and previous (a stack of the previous cursors): use
 *   `PagesController` (pages-controller.ts), which adds the navigation.
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

  protected readonly host: PorticoElement;
  private readonly options: PageOptions<T, A, X>;
  /** The pages added since the first, in the order loaded, and the cursor after the last of them. */
  private more: T[][] = [];
  private moreNext: string | null = null;
  /** `pages`: the current page's cursor and those of the pages before it (`PagesController` moves them). */
  protected cursor?: string;
  protected previous: Array<string | undefined> = [];
  /** The inputs seen last, and those of the first page on screen. */
  private last?: string;
  private loaded?: string;
  private abort?: AbortController;
  private memo?: [first: readonly T[], more: T[][], items: readonly T[]];

  constructor(host: PorticoElement, options: PageOptions<T, A, X>) {
    this.host = host;
    this.options = options;
    // Added before the resource: hostUpdate() sees changed inputs before the resource's task reads them.
    host.addController(this);
    this.resource = new ResourceController(host, {
      ...options,
      args: () => [...options.args(), this.cursor] as const,
      load: async (client, args, o) => {
        const key = argsKey(args);
        const inputs = args.slice(0, -1) as unknown as A;
        // A new first page: a "Show more" on its way belongs to the old one.
        this.stop();
        let page = await options.load(client, inputs, args.at(-1) as string | undefined, o);
        for (let n = 1; n < (options.follow ?? 1) && page.nextCursor; n++) {
          const next = await options.load(client, inputs, page.nextCursor, o);
          page = { ...page, data: [...page.data, ...next.data], nextCursor: next.nextCursor };
        }
        if (key !== this.loaded || !options.keep) this.more = [];
        this.loaded = key;
        return page;
      },
    });
  }

  /** Every item on screen: the first page and the pages added since, in display order (the same array until they change). */
  get items(): readonly T[] {
    const first = this.resource.value?.data ?? [];
    const { more, memo } = this;
    if (!more.length) return first;
    if (memo?.[0] !== first || memo[1] !== more) {
      // The first page is the freshest: its copy of an item wins, and an item shows once.
      const key = this.options.key;
      const seen = new Set(key ? first.map(key) : []);
      const added = more.map((page) => (key ? page.filter((item) => !seen.has(key(item)) && seen.add(key(item))) : page));
      this.memo = [first, more, this.options.mode === 'older' ? [...added.reverse().flat(), ...first] : [...first, ...added.flat()]];
    }
    return this.memo![2];
  }

  /** The cursor of the next page to add, or null when there is none. */
  private get next(): string | null {
    return this.more.length ? this.moreNext : (this.resource.value?.nextCursor ?? null);
  }

  /** Whether "Show more" has something to load. */
  get hasMore(): boolean {
    return this.options.mode !== 'pages' && this.resource.state !== 'error' && !!this.next;
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
    this.abort = abort;
    this.set('loading');
    reportInvalidLinks(this.host, abort.signal);
    try {
      const page = await this.options.load(client, this.options.args(), cursor, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.more = [...this.more, page.data];
      this.moreNext = page.nextCursor;
      this.set('idle');
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.set('error', error);
      this.host.emit('portico-error', { error, code: errorCode(error) });
    }
  }

  hostUpdate(): void {
    const key = argsKey(this.options.args());
    // New inputs: from the first page again.
    if (this.last !== undefined && key !== this.last) {
      this.stop();
      this.previous = this.more = [];
      this.cursor = undefined;
    }
    this.last = key;
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.abort?.abort();
    if (this.moreState !== 'idle') this.set('idle');
  }

  private set(state: More, error?: unknown): void {
    this.moreState = state;
    this.moreError = error;
    this.host.requestUpdate();
  }
}
