/**
 * Guest tokens: short-lived portal tokens the server mints itself when a private client link is
 * redeemed (docs/client-links.md). They are HS256 JWTs under the server's own guest key, told apart
 * from the host's tokens by their `kid`, and verified only with that key: a host's shared secret
 * never signs a guest token, and a guest key never signs a host's token.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';

/** The `kid` of every guest token. */
export const GUEST_KID = 'portico-guest';
/** Their `iss`. */
export const GUEST_ISSUER = 'portico-guest';

/**
 * The guest key: PORTICO_GUEST_TOKEN_SECRET, else derived (HMAC) from the JWT secret and the
 * staff key, so every process behind a load balancer derives the same one; with neither, a random
 * key (one process only; no link can be made without a staff key anyway).
 */
export function guestKey(config: Pick<Config, 'guestTokenSecret' | 'jwtSecret' | 'staffKey'>): Uint8Array {
  if (config.guestTokenSecret) return new TextEncoder().encode(config.guestTokenSecret);
  if (config.jwtSecret || config.staffKey) {
    return createHmac('sha256', `${config.jwtSecret ?? ''}\u0000${config.staffKey ?? ''}`)
      .update('portico guest tokens')
      .digest();
  }
  return randomBytes(32);
}

export interface GuestClaims {
  /** `guest:<link id>`: the guest's contact in the organization. */
  sub: string;
  /** The organization's external id. */
  org: string;
  link: string;
  /** The project; null for a client space. */
  project: string | null;
  roles: Array<'guest' | 'approver'>;
  name: string;
}

export async function mintGuestToken(key: Uint8Array, claims: GuestClaims, exp: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ org: claims.org, roles: claims.roles, features: [], name: claims.name, link: claims.link, project: claims.project })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: GUEST_KID })
    .setSubject(claims.sub)
    .setIssuer(GUEST_ISSUER)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(key);
}

/** Verifies a guest token's signature, `exp` and `iss` (jose errors propagate to the caller). */
export async function verifyGuestToken(key: Uint8Array, token: string, clockTolerance: number) {
  const { payload } = await jwtVerify(token, key, {
    algorithms: ['HS256'],
    issuer: GUEST_ISSUER,
    requiredClaims: ['exp', 'sub', 'link'],
    clockTolerance,
  });
  return payload;
}
