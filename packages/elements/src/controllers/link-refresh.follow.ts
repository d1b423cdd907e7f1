// The rare path of `link-refresh.ts`, loaded when a signed link is clicked near its expiry or a
// preview's link answers 403: finding the fresh link to the same file and following it.
// It imports no value from `link-refresh.ts` (it uses the controller's `expiry` and `expiring`): a bundler then
// keeps that module in its importer's chunk instead of splitting it into a chunk of its own.
import type { LinkRefreshController } from './link-refresh.js';

/** The file a link points at, whatever its signature and whether relative or absolute: its path and query without `exp` and `sig`. */
export const linkKey = (url: string): string => {
  const u = new URL(url, 'https://portico.invalid');
  u.searchParams.delete('exp');
  u.searchParams.delete('sig');
  return u.pathname + u.search;
};

/** The first string in `value` (deeply) that links to the file of `key`. */
function findLink(value: unknown, key: string, linkExpiry: LinkRefreshController['expiry'], depth = 0): string | undefined {
  if (typeof value === 'string') return linkExpiry(value) !== undefined && linkKey(value) === key ? value : undefined;
  if (!value || typeof value !== 'object' || depth > 8) return undefined;
  for (const v of Object.values(value)) {
    const found = findLink(v, key, linkExpiry, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Reloads the resource and returns the fresh link to the file of `url` (absolute). */
export async function freshLink(c: LinkRefreshController, url: string): Promise<string | undefined> {
  await c.reload();
  await c.host.updateComplete;
  const found = findLink(c.options.value(), linkKey(url), c.expiry);
  return found && new URL(found, url).href;
}

/** Follows a clicked link with a fresh link to the same file (or, when none is to be had, as it is). */
export async function follow(c: LinkRefreshController, a: HTMLAnchorElement): Promise<void> {
  const stale = a.href;
  const fresh = (await c.options.fresh?.(a).catch(() => undefined)) ?? (await freshLink(c, stale).catch(() => undefined));
  const url = fresh ? new URL(fresh, stale).href : stale;
  // The anchor may have been re-rendered with the fresh link already; else it gets it here.
  const key = linkKey(stale);
  const target = a.isConnected ? a : [...c.host.renderRoot.querySelectorAll('a')].find((x) => x.href && linkKey(x.href) === key);
  if (!target) return;
  if (fresh && target.href !== url && !c.expiring(url)) target.setAttribute('href', fresh);
  // Still "expiring" after a reload means this clock runs ahead of the server's: the link is good there.
  // The same click again, not intercepted this time.
  c.passing = true;
  try {
    target.click();
  } finally {
    c.passing = false;
  }
}
