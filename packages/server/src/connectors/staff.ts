/**
 * `/staff/v1/orgs/{org}/external-accounts`: the staff API's side of the mapping (accounts.ts).
 * The organization is created on first sight like everywhere in the staff API; a contact must
 * exist. A change invalidates the organization's cached connector answers in every process.
 */
import type { ExternalAccount } from '@portico/contract/staff';
import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg, type OrgDb } from '../db/tenant.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import { EXTERNAL_KINDS, type ExternalKind, type ExternalSystem, removeExternalAccount, setExternalAccount } from './accounts.js';

const orgOf = async (raw: Queryable, externalId: string, create: boolean): Promise<OrgDb> => {
  if (create) {
    const { ensureOrg } = await import('../routes/staff.js');
    return bindOrg(raw, (await ensureOrg(raw, externalId)).id);
  }
  const [o] = await raw.query<{ id: string }>('SELECT id FROM organizations WHERE external_id = $1', [externalId]);
  if (!o) throw notFound('organization');
  return bindOrg(raw, o.id);
};

/** The local side of a mapping: the organization itself, or the contact named by the host's id. */
async function localSide(db: OrgDb, system: ExternalSystem, kind: ExternalKind, contact: string | undefined): Promise<string> {
  const side = EXTERNAL_KINDS[system][kind];
  if (!side) throw validationFailed([{ path: 'kind', message: `${system} has no ${kind} accounts` }]);
  if (side === 'organization') {
    if (contact !== undefined)
      throw validationFailed([{ path: 'contact', message: `a ${system} ${kind} belongs to the organization, not a contact` }]);
    return db.orgId;
  }
  if (contact === undefined) throw validationFailed([{ path: 'contact', message: `a ${system} ${kind} needs the contact` }]);
  const [c] = await db.query<{ id: string }>('SELECT id FROM contacts WHERE external_id = $1', [contact]);
  if (!c) throw notFound('contact');
  return c.id;
}

async function listOf(db: OrgDb): Promise<ExternalAccount[]> {
  const rows = await db.query(
    `SELECT a.system, a.kind, a.external_id, a.updated_at, c.external_id AS contact
     FROM external_accounts a LEFT JOIN contacts c ON a.kind = 'user' AND c.id = a.local_id
     ORDER BY a.system, a.kind, a.local_id`,
  );
  return rows.map((r) => ({
    system: r.system,
    kind: r.kind,
    contact: r.contact ?? null,
    externalId: r.external_id,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export const externalAccountsStaff: StaffHandlers['externalAccounts'] = {
  async list({ db: raw, params }) {
    return { data: await listOf(await orgOf(raw, params.org, false)) };
  },
  async set({ db: raw, params, body, svc }) {
    const db = await orgOf(raw, params.org, true);
    const local = await localSide(db, body.system, body.kind, body.contact);
    if (!(await setExternalAccount(raw, db, body.system, body.kind, local, body.externalId)))
      throw conflict(
        'conflict',
        `That ${body.system} ${body.kind} is mapped to another ${body.kind === 'user' ? 'contact' : 'organization'} already.`,
      );
    await svc.connectors.cache.publish(raw, db.orgId);
    const row = (await listOf(db)).find(
      (a) => a.system === body.system && a.kind === body.kind && (body.contact === undefined || a.contact === body.contact),
    );
    return row!;
  },
  async remove({ db: raw, params, query, svc }) {
    const db = await orgOf(raw, params.org, false);
    const local = await localSide(db, params.system, params.kind, query.contact);
    if (!(await removeExternalAccount(db, params.system, params.kind, local))) throw notFound('external account');
    await svc.connectors.cache.publish(raw, db.orgId);
    return {};
  },
};
