import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '@portico/contract';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
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
}

const ROLES = new Set<Role>(['member', 'admin', 'approver']);

export interface TokenClaims {
  sub: string;
  org: string;
  roles: Role[];
  features: string[];
  name?: string;
  email?: string;
}

export type TokenVerifier = (token: string) => Promise<TokenClaims>;

/**
 * Verifies portal tokens: HS256 with the shared secret, or any asymmetric algorithm from the JWKS.
 * `exp` is required and the lifetime (exp − iat, or exp − now) may not exceed the configured
 * maximum (24 h by default); `alg: none` and algorithm confusion are refused by jose's allow-list.
 */
export function createTokenVerifier(config: Config): TokenVerifier {
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const common = {
    requiredClaims: ['exp', 'sub'],
    clockTolerance: 30,
    ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
    ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
  };
  return async (token) => {
    let payload: JWTPayload | undefined;
    try {
      let header: { alg?: string } = {};
      try {
        header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
      } catch {
        throw unauthorized('The token is malformed.');
      }
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
    const start = typeof payload.iat === 'number' ? payload.iat : now;
    if (exp - start > config.maxTokenLifetimeSeconds) throw unauthorized('The token lives longer than this server accepts.');
    const { sub } = payload;
    const org = payload.org;
    if (typeof sub !== 'string' || !sub || sub.length > 128) throw unauthorized('The token has no valid sub claim.');
    if (typeof org !== 'string' || !org || org.length > 128) throw unauthorized('The token has no valid org claim.');
    const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = rawRoles.filter((r): r is Role => typeof r === 'string' && ROLES.has(r as Role));
    if (!roles.includes('member')) roles.unshift('member');
    const features = Array.isArray(payload.features)
      ? payload.features.filter((f): f is string => typeof f === 'string').slice(0, 100)
      : [];
    const claims: TokenClaims = { sub, org, roles, features };
    if (typeof payload.name === 'string' && payload.name) claims.name = payload.name.slice(0, 200);
    if (typeof payload.email === 'string' && payload.email) claims.email = payload.email.slice(0, 320);
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

/**
 * Creates unknown organizations and contacts on first sight (upsert) and remembers the mapping
 * in a small per-process cache, so a steady stream of requests costs no write.
 */
export function createPrincipalResolver(db: Db, maxEntries = 10000) {
  const cache = new Map<string, Ids>();
  return {
    async resolve(claims: TokenClaims): Promise<Principal> {
      const key = JSON.stringify([claims.org, claims.sub, claims.name ?? null, claims.email ?? null, claims.roles]);
      let ids = cache.get(key);
      if (!ids) {
        ids = await db.transaction(async (tx) => {
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
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(key, ids);
      }
      return {
        orgId: ids.orgId,
        orgExternalId: claims.org,
        orgName: ids.orgName,
        contactId: ids.contactId,
        externalId: claims.sub,
        name: ids.name,
        email: ids.email,
        roles: claims.roles,
        features: claims.features,
      };
    },
    clear() {
      cache.clear();
    },
  };
}
