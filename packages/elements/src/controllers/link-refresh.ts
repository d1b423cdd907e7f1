import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';

/**
 * Signed file links (`…/files/{id}?exp=<seconds>&sig=…`, the server's `storage.ts` signer) live
 * 15 minutes by default. A page left open keeps them on screen longer: this controller keeps them
 * working, once for every component that shows them (deliverable viewer, ticket attachments,
 * invoice PDFs):
 * - a click on a link that expires within `MARGIN_MS` (or has) waits for a fresh link to the same
 *   file and follows that one instead — never the server's "link expired" JSON;
 * - an image, video or audio whose signed `src` fails near its expiry reloads the resource (once
 *   per 10 s), which gives it a fresh `src`;
 * - `fetch(url)` (previews read by script: PDF, text) retries once with a fresh link on a 403;
 * - with `ahead`, the resource is reloaded a minute before its earliest link expires.
 * A link without `exp` is left alone.
 */
export interface LinkRefreshOptions {
  /** Loads the resource again (its value then carries fresh links). */
  refresh: () => Promise<unknown>;
  /** The loaded value, searched for the fresh link to the same file after `refresh()`. */
  value: () => unknown;
  /** Reload ahead of the earliest expiry (a single resource; a paged list would lose its pages). */
  ahead?: boolean;
  /** The fresh URL for a clicked link, when reloading the value would not hold it (a row of a later page). */
  fresh?: (link: HTMLAnchorElement) => Promise<string | null | undefined>;
}

export const MARGIN_MS = 60_000;

/** When a signed link expires (ms since the epoch), or undefined for a link that doesn't. */
export const linkExpiry = (url: string): number | undefined => {
  const m = /[?&]exp=(\d{1,12})(?:&|#|$)/.exec(url);
  return m ? Number(m[1]) * 1000 : undefined;
};

/** The file a link points at, whatever its signature and whether relative or absolute: its path and query without `exp` and `sig`. */
export const linkKey = (url: string): string => {
  const u = new URL(url, 'https://portico.invalid');
  u.searchParams.delete('exp');
  u.searchParams.delete('sig');
  return u.pathname + u.search;
};

const expiring = (url: string, now = Date.now()) => {
  const exp = linkExpiry(url);
  return exp !== undefined && exp - now < MARGIN_MS;
};

/** The first string in `value` (deeply) that links to the file of `key`. */
function findLink(value: unknown, key: string, depth = 0): string | undefined {
  if (typeof value === 'string') return linkExpiry(value) !== undefined && linkKey(value) === key ? value : undefined;
  if (!value || typeof value !== 'object' || depth > 8) return undefined;
  for (const v of Object.values(value)) {
    const found = findLink(v, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The earliest expiry of any link in `value`. */
function earliest(value: unknown, depth = 0): number {
  if (typeof value === 'string') return linkExpiry(value) ?? Infinity;
  if (!value || typeof value !== 'object' || depth > 8) return Infinity;
  let min = Infinity;
  for (const v of Object.values(value)) min = Math.min(min, earliest(v, depth + 1));
  return min;
}

export class LinkRefreshController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  private timerFor?: number;
  private lastReload = 0;
  private reloading?: Promise<unknown>;
  /** Set while the fresh click is dispatched: not intercepted again. */
  private passing = false;

  constructor(
    private readonly host: PorticoElement,
    private readonly options: LinkRefreshOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('click', this.onClick as EventListener, true);
    this.host.renderRoot.addEventListener('error', this.onError, true);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('click', this.onClick as EventListener, true);
    this.host.renderRoot.removeEventListener('error', this.onError, true);
    clearTimeout(this.timer);
    this.timerFor = undefined;
  }

  hostUpdated(): void {
    if (!this.options.ahead) return;
    const at = earliest(this.options.value());
    if (at === this.timerFor) return;
    clearTimeout(this.timer);
    this.timerFor = at;
    // Nothing to refresh, or links that are stale as loaded (a clock ahead of the server's): no reload loop.
    if (at === Infinity || at - MARGIN_MS <= Date.now()) return;
    // At most ~24 days ahead (setTimeout's range); never sooner than a second from now.
    const delay = Math.min(Math.max(at - MARGIN_MS - Date.now(), 1000), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timerFor = undefined;
      void this.reload();
    }, delay);
  }

  /** `fetch` of a signed link that retries once with a fresh link when the server answers 403. */
  async fetch(url: string, init: RequestInit, fetcher: typeof fetch = fetch): Promise<Response> {
    const res = await fetcher(url, init);
    if (res.status !== 403 || linkExpiry(url) === undefined) return res;
    const fresh = await this.freshLink(url);
    return fresh && fresh !== url ? fetcher(fresh, init) : res;
  }

  /** Reloads the resource (one reload at a time) and returns the fresh link to the file of `url`. */
  private async freshLink(url: string): Promise<string | undefined> {
    await this.reload();
    await this.host.updateComplete;
    const found = findLink(this.options.value(), linkKey(url));
    return found && new URL(found, url).href;
  }

  private reload(): Promise<unknown> {
    this.lastReload = Date.now();
    this.reloading ??= this.options.refresh().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private readonly onError = (e: Event) => {
    const src = (e.target as HTMLImageElement | HTMLMediaElement | null)?.src;
    // Once per 10 s at most: a file that is gone for good must not reload the resource in a loop.
    if (src && expiring(src) && Date.now() - this.lastReload > 10_000) void this.reload();
  };

  private readonly onClick = (e: MouseEvent) => {
    if (this.passing || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a?.href || !expiring(a.href)) return;
    // Not this one: the same click again with a fresh link (the component's own handlers see that one).
    e.preventDefault();
    e.stopPropagation();
    void this.follow(a);
  };

  private async follow(a: HTMLAnchorElement): Promise<void> {
    const stale = a.href;
    const fresh = (await this.options.fresh?.(a).catch(() => undefined)) ?? (await this.freshLink(stale).catch(() => undefined));
    const url = fresh ? new URL(fresh, stale).href : stale;
    // The anchor may have been re-rendered with the fresh link already; else it gets it here.
    const key = linkKey(stale);
    const target = a.isConnected ? a : [...this.host.renderRoot.querySelectorAll('a')].find((x) => x.href && linkKey(x.href) === key);
    if (!target) return;
    if (fresh && target.href !== url && !expiring(url)) target.setAttribute('href', fresh);
    // Still "expiring" after a reload means this clock runs ahead of the server's: the link is good there.
    this.passing = true;
    try {
      target.click();
    } finally {
      this.passing = false;
    }
  }
}
