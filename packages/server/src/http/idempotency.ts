import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { OrgDb } from '../db/tenant.js';
import { badRequest, HttpError } from '../errors.js';

/** The Idempotency-Key scope of the staff API (an organization's id for portal requests). */
export const STAFF_SCOPE = '';

export interface MutationResult {
  replayed: boolean;
  status: number;
  /** The response body ('' for 204). */
  body: string;
}

/**
 * Runs a mutation's work inside its transaction together with its `Idempotency-Key` record.
 * `keys` is the transaction bound to the key's scope (idempotency_keys.scope: the organization, or
 * STAFF_SCOPE), `principal` who sent it. The key row is inserted first (`INSERT … ON CONFLICT DO
 * UPDATE … WHERE older than 24 h`), so a concurrent duplicate blocks on the unique index and then
 * replays; the same key with another request → 409 `idempotency_conflict`; a failed request
 * stores nothing (the transaction rolls back).
 */
export async function idempotent(
  c: Context,
  keys: OrgDb,
  principal: string,
  fingerprint: string,
  status: number,
  work: () => Promise<string>,
): Promise<MutationResult> {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) throw badRequest('Idempotency-Key must be 1–255 visible ASCII characters.');
  if (key !== undefined) {
    const fp = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${fingerprint}`).digest('hex');
    const fresh = await keys.query(
      `INSERT INTO idempotency_keys (principal, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (scope, principal, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - interval '24 hours'
       RETURNING key`,
      [principal, key, fp],
    );
    if (fresh.length === 0) {
      const [prev] = await keys.query<{ fingerprint: string; status: number; body: string }>(
        'SELECT fingerprint, status, body FROM idempotency_keys WHERE principal = $1 AND key = $2',
        [principal, key],
      );
      if (!prev || prev.fingerprint !== fp) {
        throw new HttpError(409, 'idempotency_conflict', 'Conflict', 'This Idempotency-Key was used with a different request.');
      }
      return { replayed: true, status: Number(prev.status), body: prev.body };
    }
  }
  const body = await work();
  if (key !== undefined) {
    await keys.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE principal = $1 AND key = $2', [
      principal,
      key,
      status,
      body,
    ]);
  }
  return { replayed: false, status, body };
}
