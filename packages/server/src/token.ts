/**
 * Minting portal tokens, for the host's backend. Depends on jose only: importing
 * `@portico/server/token` does not load the server.
 */
import { SignJWT } from 'jose';

export type PortalRole = 'member' | 'admin' | 'approver' | 'reviewer';

export interface MintPortalTokenOptions {
  /** The shared HS256 secret (PORTICO_JWT_SECRET of the server). */
  secret: string | Uint8Array;
  /** The contact's id in the host's system. */
  sub: string;
  /** The organization's id in the host's system. */
  org: string;
  roles: readonly PortalRole[];
  features?: readonly string[];
  name?: string;
  email?: string;
  /** Lifetime in seconds (e.g. 900); the server refuses tokens that live longer than 24 h. */
  ttl: number;
  issuer?: string;
  audience?: string;
}

/** Signs a portal token (HS256 JWT with sub, org, roles, features, iat, exp). */
export async function mintPortalToken(opts: MintPortalTokenOptions): Promise<string> {
  if (!opts.sub || !opts.org) throw new TypeError('sub and org are required');
  if (!(opts.ttl > 0)) throw new TypeError('ttl must be a positive number of seconds');
  const key = typeof opts.secret === 'string' ? new TextEncoder().encode(opts.secret) : opts.secret;
  const claims: Record<string, unknown> = { org: opts.org, roles: [...opts.roles], features: [...(opts.features ?? [])] };
  if (opts.name !== undefined) claims.name = opts.name;
  if (opts.email !== undefined) claims.email = opts.email;
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.floor(opts.ttl));
  if (opts.issuer) jwt = jwt.setIssuer(opts.issuer);
  if (opts.audience) jwt = jwt.setAudience(opts.audience);
  return jwt.sign(key);
}
