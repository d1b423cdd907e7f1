import type { ReactiveController } from 'lit';
import type { PorticoElement } from '../base/portico-element.js';

/**
 * Signed file links (`…/files/{id}?exp=<seconds>&sig=…`, the server's `storage.ts` signer) live
 * 15 minutes by default. A page left open keeps them on screen longer: this controller keeps them
 * working, once for every component that shows them (deliverable viewer, ticket attachments,
 * invoice PDFs):
 * - a click on a link that expires within `MARGIN_MS` (or has) waits for a fresh link to the same
 *   file and follows that one instead — never the server's "link expired" JSON;
 * - `fetchLink(controller, url)` (previews read by script: PDF, text) retries once with a fresh
 *   link on a 403 (a function, not a method, so that a component that reads no file by script
 *   carries none of it);
 * - an image, video or audio whose signed `src` fails near its expiry reloads the resource (once
 *   per 10 s), which gives it a fresh `src`.
 * Finding and following the fresh link is loaded on first use (`link-refresh.follow.ts`). A link
 * without `exp` is left alone.
 */
export interface LinkRefreshOptions {
  /** Loads the resource again (its value then carries fresh links). */
  refresh: () => Promise<unknown>;
  /** The loaded value, searched for the fresh link to the same file after `refresh()`. */
  value: () => unknown;
  /** The fresh URL for a clicked link, when reloading the value would not hold it (a row of a later page). */
  fresh?: (link: HTMLAnchorElement) => Promise<string | null | undefined>;
}

export const MARGIN_MS = 60_000;

/** When a signed link expires (ms since the epoch), or undefined for a link that doesn't. */
export const linkExpiry = (url: string): number | undefined => {
  const m = /[?&]exp=(\d{1,12})(?:&|#|$)/.exec(url);
  return m ? Number(m[1]) * 1000 : undefined;
};

/** Whether a signed link expires within `MARGIN_MS`. */
export const expiring = (url: string): boolean => (linkExpiry(url) ?? Infinity) - Date.now() < MARGIN_MS;

const rare = () => import('./link-refresh.follow.js');

export class LinkRefreshController implements ReactiveController {
  private lastReload = 0;
  private reloading?: Promise<unknown>;
  /** Set while the fresh click is dispatched (by `link-refresh.follow.ts`): not intercepted again. */
  passing = false;
  /** `linkExpiry` and `expiring`, for the rare path (which imports no value from this module). */
  readonly expiry = linkExpiry;
  readonly expiring = expiring;

  constructor(
    readonly host: PorticoElement,
    readonly options: LinkRefreshOptions,
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
  }

  /** Reloads the resource, one reload at a time. */
  reload(): Promise<unknown> {
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
    if (this.passing || e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a?.href || !expiring(a.href)) return;
    // Not this click: the same click again with a fresh link (the component's own handlers see that one).
    e.preventDefault();
    e.stopPropagation();
    void rare().then((m) => m.follow(this, a));
  };
}

/** `fetch` of a signed link that retries once with a fresh link (from `links`) when the server answers 403. */
export async function fetchLink(
  links: LinkRefreshController,
  url: string,
  init: RequestInit,
  fetcher: typeof fetch = fetch,
): Promise<Response> {
  const res = await fetcher(url, init);
  if (res.status !== 403 || linkExpiry(url) === undefined) return res;
  const fresh = await (await rare()).freshLink(links, url);
  return fresh && fresh !== url ? fetcher(fresh, init) : res;
}
