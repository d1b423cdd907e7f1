/**
 * Organization ↔ external account mapping (migrations/090_connectors.sql): an organization's
 * Stripe customer (`stripe`/`customer`), its Zendesk organization (`zendesk`/`organization`), a
 * contact's Zendesk user (`zendesk`/`user`). Written by the staff API only; connectors read it
 * through the caller's organization handle, webhooks (no organization yet) as the server's role.
 */
import type { Queryable } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';

export type ExternalSystem = 'stripe' | 'zendesk';
export type ExternalKind = 'organization' | 'customer' | 'user';

/** Which kinds each system has, and whether the local side is the organization or a contact. */
export const EXTERNAL_KINDS: Readonly<Record<ExternalSystem, Partial<Record<ExternalKind, 'organization' | 'contact'>>>> = {
  stripe: { customer: 'organization' },
  zendesk: { organization: 'organization', user: 'contact' },
};

export interface ExternalAccountRow {
  org_id: string;
  system: ExternalSystem;
  kind: ExternalKind;
  local_id: string;
  external_id: string;
  created_at: Date;
  updated_at: Date;
}

/**
 * The external id of the caller's organization (`localId` omitted) or of one of its contacts;
 * undefined when none is mapped.
 */
export async function externalIdOf(db: OrgDb, system: ExternalSystem, kind: ExternalKind, localId = db.orgId): Promise<string | undefined> {
  const [r] = await db.query<{ external_id: string }>(
    'SELECT external_id FROM external_accounts WHERE system = $1 AND kind = $2 AND local_id = $3',
    [system, kind, localId],
  );
  return r?.external_id;
}

/** Whose an external account is (a webhook's lookup, as the server's own role). */
export async function ownerOfExternal(
  raw: Pick<Queryable, 'query'>,
  system: ExternalSystem,
  kind: ExternalKind,
  externalId: string,
): Promise<{ orgId: string; localId: string } | undefined> {
  const [r] = await raw.query<{ org_id: string; local_id: string }>(
    'SELECT org_id, local_id FROM external_accounts WHERE system = $1 AND kind = $2 AND external_id = $3',
    [system, kind, externalId],
  );
  return r ? { orgId: r.org_id, localId: r.local_id } : undefined;
}

/** Every mapping of an organization (the staff API's list). */
export async function externalAccountsOf(db: OrgDb): Promise<ExternalAccountRow[]> {
  return db.query<ExternalAccountRow>(
    `SELECT org_id, system, kind, local_id, external_id, created_at, updated_at FROM external_accounts
     ORDER BY system, kind, local_id`,
  );
}

/**
 * Maps (or re-maps) one local side to an external account: `raw` is the server's role (the staff
 * API's transaction), which sees every organization's mappings, `db` the organization's bound
 * handle. Returns false when the external account is another local side's already (the caller
 * answers 409).
 */
export async function setExternalAccount(
  raw: Pick<Queryable, 'query'>,
  db: OrgDb,
  system: ExternalSystem,
  kind: ExternalKind,
  localId: string,
  externalId: string,
): Promise<boolean> {
  const owner = await ownerOfExternal(raw, system, kind, externalId);
  if (owner && (owner.orgId !== db.orgId || owner.localId !== localId)) return false;
  await db.query(
    `INSERT INTO external_accounts (system, kind, local_id, external_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (system, kind, local_id) DO UPDATE SET external_id = EXCLUDED.external_id, updated_at = now()`,
    [system, kind, localId, externalId],
  );
  return true;
}

export async function removeExternalAccount(db: OrgDb, system: ExternalSystem, kind: ExternalKind, localId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM external_accounts WHERE system = $1 AND kind = $2 AND local_id = $3 RETURNING local_id', [
    system,
    kind,
    localId,
  ]);
  return rows.length > 0;
}
