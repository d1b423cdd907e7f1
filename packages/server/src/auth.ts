import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '@portico/contract';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { GUEST_KID, guestKey, verifyGuestToken } from './access-links/guest-token.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { unauthorized } from './errors.js';
import { newId } from './ids.js';

/** Who is calling: the contact and organization behind a verified portal token. */
export interface Principal {
  orgId: string;
  orgExternalId: string;
  orgName: string;
  contactId: string;
  externalId: string;
  name: string;
  email: string | null;
  roles: Role[];
  features: string[];
  /** When the token this request came with expires (ms since the epoch): an event stream ends then. */
  tokenExpiresAt?: number;
  /** Set for a guest token (a private client link): what it may reach (access-links/guard.ts). */
  guest?: GuestScope;
}

/** A guest's reach: the link it came from and its project (null: every project of its organization). */
export interface GuestScope {
  link: string;
  project: string | null;
}

/** Roles a host's token may carry; `guest` comes only with the server's own guest tokens. */
const ROLES = new Set<Role>(['member', 'admin', 'approver', 'reviewer']);

export interface TokenClaims {
  sub: string;
  org: string;
  roles: Role[];
  features: string[];
  name?: string;
  email?: string;
  /** `exp` of the token, seconds since the epoch. */
  exp?: number;
  guest?: GuestScope;
}

export type TokenVerifier = (token: string) => Promise<TokenClaims>;

export interface TokenVerifierOptions {
  /** Verified tokens remembered by their exact string (default 10 000; 0 disables). */
  cacheSize?: number;
  /** Longest time a verified token is trusted without verifying it again, ms (default 5 min). */
  cacheMaxAgeMs?: number;
}

/** How far the clocks of the token's minter and this server may differ, seconds (`exp`, `nbf`, `iat`). */
const CLOCK_TOLERANCE = 30;

const isClaimId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128 && !v.includes('\u0000');

/**
 * Verifies portal tokens: HS256 with the shared secret, or any asymmetric algorithm from the JWKS.
 * `exp` is required; an `iat` later than now (beyond the clock tolerance) is refused; the lifetime
 * (exp − iat, or exp − now without iat) may not exceed the configured maximum (24 h by default), so
 * no token is good for longer than that from now on; `alg: none` and algorithm confusion are refused by jose's allow-list.
 *
 * A token that verified is remembered by its exact string until it expires (as jose would judge
 * it, with the same clock tolerance) or for `cacheMaxAgeMs` at most, so a client that sends the
 * same token on every request pays for one signature check, not one per request. Only the
 * byte-identical string hits the cache; failures are never cached.
 */
export function createTokenVerifier(config: Config, opts: TokenVerifierOptions = {}): TokenVerifier {
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const common = {
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE,
    ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
    ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
  };
  const cacheSize = opts.cacheSize ?? 10000;
  const maxAge = opts.cacheMaxAgeMs ?? 5 * 60_000;
  const cache = new Map<string, { claims: TokenClaims; until: number }>();
  const guestSecret = guestKey(config);

  /** A guest token (the server's own, `kid` portico-guest): roles `guest` and at most `approver`, never `member`. */
  const verifyGuest = async (token: string): Promise<{ claims: TokenClaims; exp: number }> => {
    let payload: JWTPayload;
    try {
      payload = await verifyGuestToken(guestSecret, token, CLOCK_TOLERANCE);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('The guest token has expired.', 'token_expired');
      if (err instanceof joseErrors.JOSEError) throw unauthorized(`The guest token is not valid (${err.code}).`);
      throw err;
    }
    const { sub, org, link, project } = payload as JWTPayload & { org?: unknown; link?: unknown; project?: unknown };
    if (!isClaimId(sub) || !isClaimId(org) || !isClaimId(link) || !(project === null || isClaimId(project))) {
      throw unauthorized('The guest token is malformed.');
    }
    const exp = payload.exp as number;
    const roles: Role[] = ['guest'];
    if (Array.isArray(payload.roles) && payload.roles.includes('approver')) roles.push('approver');
    const claims: TokenClaims = { sub, org, roles, features: [], exp, guest: { link, project } };
    if (typeof payload.name === 'string' && payload.name && !payload.name.includes('\u0000')) claims.name = payload.name.slice(0, 200);
    return { claims, exp };
  };

  const verify = async (token: string): Promise<{ claims: TokenClaims; exp: number }> => {
    let payload: JWTPayload | undefined;
    try {
      let header: { alg?: string; kid?: string } = {};
      try {
        header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
      } catch {
        throw unauthorized('The token is malformed.');
      }
      if (header.kid === GUEST_KID) return await verifyGuest(token);
      if (header.alg === 'HS256' && secret) {
        payload = (await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] })).payload;
      } else if (jwks && header.alg && header.alg !== 'HS256' && header.alg !== 'none') {
        payload = (await jwtVerify(token, jwks, { ...common, algorithms: ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'] })).payload;
      } else {
        throw unauthorized('The token is signed with an algorithm this server does not accept.');
      }
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('The token has expired.', 'token_expired');
      if (err instanceof joseErrors.JOSEError) throw unauthorized(`The token is not valid (${err.code}).`);
      throw err;
    }
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp as number;
    const iat = typeof payload.iat === 'number' ? payload.iat : undefined;
    // Issued in the future (beyond the clocks' difference): its lifetime would count from then.
    if (iat !== undefined && iat > now + CLOCK_TOLERANCE) throw unauthorized('The token is issued in the future (iat).');
    // The lifetime it declares (exp − iat), or what is left of it (exp − now) without iat. With iat at
    // most `now + tolerance`, the time left from now never exceeds the limit by more than the tolerance.
    const lifetime = exp - (iat ?? now);
    if (lifetime > config.maxTokenLifetimeSeconds) throw unauthorized('The token lives longer than this server accepts.');
    const { sub } = payload;
    const org = payload.org;
    // The ids are stored (PostgreSQL's text holds no NUL).
    if (!isClaimId(sub)) throw unauthorized('The token has no valid sub claim.');
    if (!isClaimId(org)) throw unauthorized('The token has no valid org claim.');
    const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = rawRoles.filter((r): r is Role => typeof r === 'string' && ROLES.has(r as Role));
    if (!roles.includes('member')) roles.unshift('member');
    const features = Array.isArray(payload.features)
      ? payload.features.filter((f): f is string => typeof f === 'string').slice(0, 100)
      : [];
    const claims: TokenClaims = { sub, org, roles, features, exp };
    // Kept on the contact's row: dropped (like a missing claim) when it cannot be stored.
    if (typeof payload.name === 'string' && payload.name && !payload.name.includes('\u0000')) claims.name = payload.name.slice(0, 200);
    if (typeof payload.email === 'string' && payload.email && !payload.email.includes('\u0000')) claims.email = payload.email.slice(0, 320);
    return { claims, exp };
  };

  return async (token) => {
    const hit = cache.get(token);
    if (hit) {
      if (Date.now() < hit.until) return hit.claims;
      cache.delete(token);
    }
    const { claims, exp } = await verify(token);
    if (cacheSize > 0) {
      // Claims are shared between requests from here on: make that safe.
      Object.freeze(claims.roles);
      Object.freeze(claims.features);
      Object.freeze(claims);
      if (cache.size >= cacheSize) {
        // Drop expired entries first, then the oldest.
        const now = Date.now();
        for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
      }
      cache.set(token, { claims, until: Math.min((exp + CLOCK_TOLERANCE) * 1000, Date.now() + maxAge) });
    }
    return claims;
  };
}

export function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? (m[1] ?? null) : null;
}

/** Constant-time comparison of the staff key (hashes first so lengths never leak). */
export function staffKeyMatches(given: string | null, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

interface Ids {
  orgId: string;
  orgName: string;
  contactId: string;
  name: string;
  email: string | null;
}

export interface PrincipalResolverOptions {
  maxEntries?: number;
  /** How long a resolved principal is trusted before the database is read again, ms (default 30 s). */
  ttlMs?: number;
}

const sameRoles = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && a.every((r, i) => r === b[i]);

/**
 * Maps verified claims to the organization and contact rows, creating unknown ones on first sight.
 *
 * The database is read first and written only when the rows are missing or differ from the claims
 * (name, email, roles), so a steady stream of requests from known contacts costs no write. The
 * result is cached per process for `ttlMs`, keyed by every claim that feeds the rows, and
 * concurrent misses for the same key share one lookup. The cache only ever skips writes that
 * would change nothing: a changed claim is a different key (checked against the database), and
 * after the TTL the rows are read again, so changes made by other processes or the staff API are
 * picked up and a contact's stored name/email/roles converge to what its tokens say.
 */
export function createPrincipalResolver(db: Db, opts: PrincipalResolverOptions | number = {}) {
  const { maxEntries = 10000, ttlMs = 30_000 } = typeof opts === 'number' ? { maxEntries: opts } : opts;
  const cache = new Map<string, { ids: Ids; until: number }>();
  const pending = new Map<string, Promise<Ids>>();

  async function load(claims: TokenClaims): Promise<Ids> {
    const [row] = await db.query<{
      org_id: string;
      org_name: string;
      contact_id: string | null;
      name: string | null;
      email: string | null;
      roles: unknown;
    }>(
      `SELECT o.id AS org_id, o.name AS org_name, c.id AS contact_id, c.name, c.email, c.roles
       FROM organizations o LEFT JOIN contacts c ON c.org_id = o.id AND c.external_id = $2
       WHERE o.external_id = $1`,
      [claims.org, claims.sub],
    );
    if (
      row?.contact_id &&
      row.name !== null &&
      (claims.name === undefined || row.name === claims.name) &&
      (claims.email === undefined || row.email === claims.email) &&
      sameRoles(row.roles, claims.roles)
    ) {
      return { orgId: row.org_id, orgName: row.org_name, contactId: row.contact_id, name: row.name, email: row.email };
    }
    // A guest's organization exists (the link names it): never create one from a guest token.
    if (claims.guest && !row) throw unauthorized('The guest token names an unknown organization.');
    return db.transaction(async (tx) => {
      const [org] = await tx.query<{ id: string; name: string }>(
        `INSERT INTO organizations (id, external_id, name) VALUES ($1, $2, $2)
         ON CONFLICT (external_id) DO UPDATE SET external_id = EXCLUDED.external_id
         RETURNING id, name`,
        [newId('org'), claims.org],
      );
      const [contact] = await tx.query<{ id: string; name: string; email: string | null }>(
        `INSERT INTO contacts (id, org_id, external_id, name, email, roles) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (org_id, external_id) DO UPDATE SET
           name = COALESCE($7, contacts.name), email = COALESCE($5, contacts.email), roles = EXCLUDED.roles
         RETURNING id, name, email`,
        [newId('con'), org!.id, claims.sub, claims.name ?? claims.sub, claims.email ?? null, claims.roles, claims.name ?? null],
      );
      return { orgId: org!.id, orgName: org!.name, contactId: contact!.id, name: contact!.name, email: contact!.email };
    });
  }

  return {
    async resolve(claims: TokenClaims): Promise<Principal> {
      const key = JSON.stringify([claims.org, claims.sub, claims.name ?? null, claims.email ?? null, claims.roles]);
      const now = Date.now();
      const entry = cache.get(key);
      let resolved: Ids;
      if (entry && now < entry.until) {
        resolved = entry.ids;
      } else {
        let p = pending.get(key);
        if (!p) {
          p = load(claims).finally(() => pending.delete(key));
          pending.set(key, p);
        }
        resolved = await p;
        if (!cache.has(key) && cache.size >= maxEntries) {
          for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
          if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        }
        cache.set(key, { ids: resolved, until: Date.now() + ttlMs });
      }
      return {
        orgId: resolved.orgId,
        orgExternalId: claims.org,
        orgName: resolved.orgName,
        contactId: resolved.contactId,
        externalId: claims.sub,
        name: resolved.name,
        email: resolved.email,
        roles: claims.roles,
        features: claims.features,
        ...(claims.exp !== undefined ? { tokenExpiresAt: claims.exp * 1000 } : {}),
        ...(claims.guest ? { guest: claims.guest } : {}),
      };
    },
    clear() {
      cache.clear();
    },
  };
}
