import { PorticoError } from './errors.js';

/** What the host's token provider resolves to. `expiresAt` is in ms since the epoch (like `Date.now()`). */
export type TokenResult = string | { token: string; expiresAt?: number };
export type TokenProvider = () => Promise<TokenResult>;

export interface TokenCache {
  /** The cached token, or a fresh one when none is cached or it expires within the skew. */
  get(): Promise<string>;
  /** Fetches a new token, unless the cache already holds one other than `stale`. One refresh at a time. */
  refresh(stale?: string): Promise<string>;
}

/** `exp` of a JWT payload in ms, or undefined when the token is not a readable JWT. */
export function jwtExpiry(token: string): number | undefined {
  try {
    const b64 = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(b64)).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lazy, in-memory only token cache: nothing is written to storage or cookies. A token without
 * a known expiry is kept until the server answers 401.
 */
export function createTokenCache(getToken: TokenProvider, onRefresh?: (reason: string) => void, skewMs = 30_000): TokenCache {
  let token: string | undefined;
  let expiresAt: number | undefined;
  let pending: Promise<string> | undefined;

  const refresh = (stale?: string): Promise<string> => {
    if (token !== undefined && stale !== undefined && token !== stale) return Promise.resolve(token);
    onRefresh?.(token === undefined ? 'initial' : stale !== undefined ? 'unauthorized' : 'expiring');
    token = undefined;
    pending ??= (async () => {
      try {
        const r = await getToken();
        const t = typeof r === 'string' ? r : r?.token;
        if (typeof t !== 'string' || !t) throw new TypeError('no token');
        expiresAt = (typeof r === 'object' && r.expiresAt) || jwtExpiry(t);
        token = t;
        return t;
      } catch (e) {
        throw e instanceof PorticoError ? e : new PorticoError('token_unavailable', 'Could not get an access token', false, e);
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  return {
    get: () =>
      pending ?? (token !== undefined && (expiresAt === undefined || Date.now() < expiresAt - skewMs) ? Promise.resolve(token) : refresh()),
    refresh: (stale) => pending ?? refresh(stale),
  };
}
