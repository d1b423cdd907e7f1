import { createHash, randomBytes } from 'node:crypto';
import type { AccessLink } from '@portico/contract';
import type { StaffHandlers } from '../context.js';
import type { Queryable, Row } from '../db/db.js';
import { bindOrg } from '../db/tenant.js';
import { badRequest, notFound, validationFailed } from '../errors.js';
import { iso, isoReq, newId } from '../ids.js';
import { listPage, type Sort } from '../routes/common.js';

/** The stored form of a link token: its sha256, hex (the token itself is never stored). */
export const hashLinkToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function mapLink(r: Row): AccessLink {
  return {
    id: r.id,
    org: r.org_external_id,
    projectId: r.project_id ?? null,
    kind: r.kind,
    label: r.label,
    allowApprove: (r.extra_roles ?? []).includes('approver'),
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    usedAt: iso(r.used_at),
    lastUsedAt: iso(r.last_used_at),
    useCount: Number(r.use_count),
    createdAt: isoReq(r.created_at),
  };
}

const LINK_COLUMNS = `l.*, (SELECT external_id FROM organizations o WHERE o.id = l.org_id) AS org_external_id`;

async function orgByExternalId(db: Queryable, externalId: string): Promise<string> {
  const [org] = await db.query<{ id: string }>('SELECT id FROM organizations WHERE external_id = $1', [externalId]);
  if (!org) throw notFound('organization');
  return org.id;
}

export const staffAccessLinks: StaffHandlers['accessLinks'] = {
  async create({ db, body, c }) {
    // A replay would answer the token from the Idempotency-Key record: the token would be stored.
    if (c.req.header('idempotency-key') !== undefined) {
      throw badRequest(
        'POST /access-links takes no Idempotency-Key: its answer holds the link token, which is never stored. If an answer was lost, revoke that link (see the list) and make another.',
      );
    }
    const orgId = await orgByExternalId(db, body.org);
    if (body.projectId) {
      const [p] = await db.query('SELECT 1 FROM projects WHERE id = $1 AND org_id = $2', [body.projectId, orgId]);
      if (!p) throw notFound('project');
    }
    if (body.kind === 'expiring') {
      if (!body.expiresAt) throw validationFailed([{ path: 'expires_at', message: 'An expiring link needs expires_at.' }]);
      if (Date.parse(body.expiresAt) <= Date.now()) throw validationFailed([{ path: 'expires_at', message: 'expires_at is in the past.' }]);
    } else if (body.expiresAt) {
      throw validationFailed([{ path: 'expires_at', message: `A ${body.kind} link has no expiry (use kind "expiring").` }]);
    }
    // 256 bits from the operating system's CSPRNG; only the hash is kept.
    const token = randomBytes(32).toString('base64url');
    const [row] = await db.query(
      `INSERT INTO access_links (id, org_id, project_id, kind, label, extra_roles, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *, $9::text AS org_external_id`,
      [
        newId('lnk'),
        orgId,
        body.projectId ?? null,
        body.kind,
        body.label,
        body.allowApprove ? ['approver'] : [],
        hashLinkToken(token),
        body.expiresAt ?? null,
        body.org,
      ],
    );
    const url = body.pageUrl ? `${body.pageUrl.replace(/#.*$/, '')}#link=${token}` : null;
    return { ...mapLink(row!), token, url };
  },

  async list({ db, params, query }) {
    const orgId = await orgByExternalId(db, params.org);
    const sql = `SELECT ${LINK_COLUMNS}, l.created_at AS _sk FROM access_links l WHERE ${query.projectId ? 'l.project_id = $1' : 'true'}`;
    const sort: Sort = { name: '-created_at', expr: 'l.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(bindOrg(db, orgId), { sql, params: query.projectId ? [query.projectId] : [], sort, idCol: 'l.id' }, query, (rows) =>
      rows.map(mapLink),
    );
  },

  async revoke({ db, params }) {
    const [row] = await db.query(
      `UPDATE access_links l SET revoked_at = COALESCE(l.revoked_at, now()) WHERE l.id = $1 RETURNING ${LINK_COLUMNS}`,
      [params.id],
    );
    if (!row) throw notFound('link');
    return mapLink(row);
  },
};
