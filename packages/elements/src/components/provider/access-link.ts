/**
 * The browser side of a private client link (docs/client-links.md): the link's token travels in
 * the URL fragment (`#link=…`), which browsers never send to a server nor put in a `Referer`. It is
 * taken out of the address bar at once (`history.replaceState`) and exchanged by POST for a
 * short-lived guest token; a GET never redeems anything.
 */

/** Why a link gives no access: each is a message of its own (`provider.link.<reason>`). */
export type LinkFailure = 'missing' | 'invalid' | 'revoked' | 'expired' | 'used' | 'ended' | 'rateLimited' | 'failed';

export class AccessLinkError extends Error {
  constructor(readonly reason: LinkFailure) {
    super(`Private link: ${reason}`);
    this.name = 'AccessLinkError';
  }
}

const STORAGE_KEY = 'portico-access-link';

/**
 * The link token of this page: from `#link=…` (then removed from the address bar, the rest of the
 * fragment kept), else the one taken earlier in this tab (sessionStorage: a reload keeps working;
 * closing the tab forgets it).
 */
export function takeLinkToken(win: Window = window): string | undefined {
  const hash = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const fromHash = hash.get('link') ?? undefined;
  if (fromHash) {
    hash.delete('link');
    const rest = hash.toString();
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`);
    try {
      win.sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage disabled: the link works until the page is reloaded.
    }
    return fromHash;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, LinkFailure> = {
  link_invalid: 'invalid',
  link_revoked: 'revoked',
  link_expired: 'expired',
  link_used: 'used',
  rate_limited: 'rateLimited',
};

/** The redemption endpoint under a base URL given as an origin or as origin + `/portal/v1`. */
export const redeemUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '').replace(/\/portal\/v1$/, '')}/portal/v1/access-links/redeem`;

export interface GuestTokenResult {
  token: string;
  expiresAt: number;
  renewable: boolean;
}

/** POSTs the link token; a guest token, or an `AccessLinkError` saying why not. */
export async function redeemLink(baseUrl: string, linkToken: string, fetchFn: typeof fetch = fetch): Promise<GuestTokenResult> {
  let res: Response;
  try {
    res = await fetchFn(redeemUrl(baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: linkToken }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new AccessLinkError('failed');
  }
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) throw new AccessLinkError(REASONS[String(body?.code)] ?? (res.status === 429 ? 'rateLimited' : 'failed'));
  const expiresAt = Date.parse(String(body?.expires_at));
  if (typeof body?.token !== 'string' || !Number.isFinite(expiresAt)) throw new AccessLinkError('failed');
  return { token: body.token, expiresAt, renewable: body.renewable !== false };
}
