import type { EndpointDef } from '@portico/contract';
import type { Context } from 'hono';
import { bearer, type Principal, staffKeyMatches } from '../auth.js';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { forbidden, HttpError, unauthorized } from '../errors.js';
import { authorization } from './headers.js';

/**
 * The portal caller: a verified portal token (cached by its exact string, auth.ts), its principal
 * (organization and contact, created on first sight), and the endpoint's roles.
 */
export async function portalPrincipal(c: Context, e: EndpointDef, svc: Pick<Services, 'verify' | 'principals'>): Promise<Principal> {
  const token = bearer(authorization(c));
  if (!token) throw unauthorized('Send Authorization: Bearer <portal token>.');
  const principal = await svc.principals.resolve(await svc.verify(token));
  if (e.roles && !e.roles.some((r) => principal.roles.includes(r))) {
    throw forbidden(`This needs the ${e.roles.join(' or ')} role.`);
  }
  return principal;
}

/** The staff API: enabled by PORTICO_STAFF_KEY, which the request must send as its Bearer token. */
export function checkStaffKey(c: Context, config: Pick<Config, 'staffKey'>): void {
  if (!config.staffKey) throw new HttpError(404, 'not_found', 'Not found', 'The staff API is disabled (PORTICO_STAFF_KEY is not set).');
  if (!staffKeyMatches(bearer(authorization(c)), config.staffKey)) throw unauthorized('A valid staff key is required.');
}
