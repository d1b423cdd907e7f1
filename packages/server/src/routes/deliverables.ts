import {
  type Approval,
  type Comment,
  type Deliverable,
  type DeliverableSummary,
  type DeliverableVersion,
  MAX_VERSIONS,
} from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { conflict, type HttpError, notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { isoReq, newId } from '../ids.js';
import { type Disposition, PREVIEWABLE } from '../storage.js';
import { listPage, num, type Sort } from './common.js';
import { storeUpload } from './files.js';
import { notifyContacts } from './notifications.js';

type FileUrl = (id: string, org: string, d: Disposition) => string;

const VERSIONS = `SELECT v.*, f.file_name, f.media_type, f.size, f.sha256 FROM deliverable_versions v JOIN files f ON f.id = v.file_id`;

const mapVersion = (v: Row, fileUrl: FileUrl): DeliverableVersion => ({
  id: v.id,
  number: num(v.number),
  fileName: v.file_name,
  mediaType: v.media_type,
  size: num(v.size),
  checksum: v.sha256,
  uploadedBy: { id: v.uploaded_by_id, name: v.uploaded_by_name },
  createdAt: isoReq(v.created_at),
  processing: 'ready',
  previewUrl: PREVIEWABLE.has(v.media_type) ? fileUrl(v.file_id, v.org_id, 'inline') : null,
  downloadUrl: fileUrl(v.file_id, v.org_id, 'attachment'),
});

async function mapDeliverables(
  db: OrgDb,
  rows: Row[],
  fileUrl: FileUrl,
  allVersions: boolean,
): Promise<Array<Deliverable | DeliverableSummary>> {
  if (!rows.length) return [];
  const versions = allVersions
    ? // The newest MAX_VERSIONS of each, and the current one wherever it is (the summary's `currentVersion`).
      await db.query(
        `SELECT y.* FROM (
           SELECT x.*, row_number() OVER (PARTITION BY x.deliverable_id ORDER BY x.number DESC) AS n,
             count(*) OVER (PARTITION BY x.deliverable_id) AS total
           FROM (${VERSIONS} WHERE v.deliverable_id = ANY($1::text[])) x
         ) y JOIN deliverables d ON d.id = y.deliverable_id
         WHERE y.n <= ${MAX_VERSIONS} OR y.number = d.current_version ORDER BY y.number DESC`,
        [rows.map((r) => r.id)],
      )
    : await db.query(
        `${VERSIONS} JOIN deliverables d ON d.id = v.deliverable_id AND d.current_version = v.number WHERE v.deliverable_id = ANY($1::text[])`,
        [rows.map((r) => r.id)],
      );
  return rows.map((r) => {
    const mine = versions.filter((v) => v.deliverable_id === r.id).map((v) => mapVersion(v, fileUrl));
    const current = mine.find((v) => v.number === num(r.current_version))!;
    const base: DeliverableSummary = {
      id: r.id,
      projectId: r.project_id,
      title: r.title,
      description: r.description,
      reviewStatus: r.review_status,
      currentVersion: current,
      lastAction: r.last_action ?? null,
      createdAt: isoReq(r.created_at),
      updatedAt: isoReq(r.updated_at),
    };
    if (!allVersions) return base;
    const newest = versions.find((v) => v.deliverable_id === r.id);
    return { ...base, versions: mine.slice(0, MAX_VERSIONS), versionCount: newest ? num(newest.total) : mine.length };
  });
}

/** The deliverable with every version, in the handle's organization. */
export async function deliverableById(db: OrgDb, id: string, fileUrl: FileUrl): Promise<Deliverable> {
  const rows = await db.query('SELECT * FROM deliverables WHERE id = $1', [id]);
  if (!rows.length) throw notFound('deliverable');
  return (await mapDeliverables(db, rows, fileUrl, true))[0] as Deliverable;
}

async function findDeliverable(db: OrgDb, id: string, lock = false): Promise<Row> {
  const [row] = await db.query(`SELECT * FROM deliverables WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!row) throw notFound('deliverable');
  return row;
}

/** Adds a version (the first one too) inside the caller's transaction; used by the staff API. */
export async function addVersion(db: OrgDb, deliverableId: string, file: File, uploadedBy: { id: string; name: string }): Promise<number> {
  const f = await storeUpload(db, 'staff', file);
  const [row] = await db.query(
    `UPDATE deliverables SET current_version = current_version + 1, review_status = 'pending', updated_at = now(),
       last_action = jsonb_build_object('kind', 'uploaded', 'by', jsonb_build_object('id', $2::text, 'name', $3::text),
         'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', current_version + 1)
     WHERE id = $1 RETURNING current_version, project_id`,
    [deliverableId, uploadedBy.id, uploadedBy.name],
  );
  const number = num(row!.current_version);
  await db.query(
    `INSERT INTO deliverable_versions (id, deliverable_id, number, file_id, uploaded_by_id, uploaded_by_name, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,now())`,
    [newId('ver'), deliverableId, number, f.id, uploadedBy.id, uploadedBy.name],
  );
  // The project as the event's parent: a guest of that project's private link sees the event.
  await appendEvents(db, [{ type: 'deliverable.version_added', kind: 'deliverable', id: deliverableId, parentId: row!.project_id }]);
  // Guests (private client links) read no notifications: none is made for them.
  const approvers = await db.query("SELECT id FROM contacts WHERE 'approver' = ANY(roles) AND NOT 'guest' = ANY(roles)");
  await notifyContacts(
    db,
    approvers.map((a) => a.id),
    { kind: 'deliverable_version', title: `New version ${number} to review`, body: f.fileName, link: null },
  );
  return number;
}

const mapComment = (r: Row): Comment => ({
  id: r.id,
  deliverableId: r.deliverable_id,
  version: num(r.version),
  body: r.body,
  author: { kind: r.author_kind, id: r.author_id, name: r.author_name },
  anchor: r.anchor ?? null,
  createdAt: isoReq(r.created_at),
});

const mapApproval = (r: Row): Approval => ({
  id: r.id,
  deliverableId: r.deliverable_id,
  version: num(r.version),
  decision: r.decision,
  comment: r.comment,
  decidedBy: { id: r.decided_by_id, name: r.decided_by_name },
  decidedAt: isoReq(r.decided_at),
  supersedes: r.supersedes ?? null,
  supersededBy: r.superseded_by ?? null,
});

/** The constraint (migrations/010) a refused insert into the trail ran into, as the 409 it means. */
function decisionConflict(err: unknown, version: number): HttpError | undefined {
  const e = err as { code?: string; constraint?: string } | null;
  if (e?.code === '23505' && e.constraint === 'approvals_first_decision') return alreadyDecided(version);
  if ((e?.code === '23505' && e.constraint === 'approvals_superseded_once') || e?.constraint === 'approvals_supersedes_same_approver')
    return supersedeConflict(version);
  return undefined;
}
const alreadyDecided = (version: number, current?: string) =>
  conflict(
    'already_decided',
    `You already decided on version ${version}${current ? ` (${current})` : ''}; to change your decision, send it with supersedes set to that decision's id.`,
  );
const supersedeConflict = (version: number, current?: string) =>
  conflict(
    'supersede_conflict',
    current
      ? `Only your current decision on version ${version} can be superseded: ${current}.`
      : `You have no current decision on version ${version} that this one could supersede.`,
  );

const nowIso = () => new Date().toISOString();

export const deliverables: PortalHandlers['deliverables'] = {
  async list({ db, params, query, fileUrl }) {
    const [proj] = await db.query('SELECT id FROM projects WHERE id = $1', [params.projectId]);
    if (!proj) throw notFound('project');
    const qp: unknown[] = [params.projectId];
    let sql = 'SELECT d.*, d.created_at AS _sk FROM deliverables d WHERE d.project_id = $1 AND d.current_version > 0';
    if (query.reviewStatus) {
      qp.push(query.reviewStatus);
      sql += ` AND d.review_status = $${qp.length}`;
    }
    const sort: Sort = { name: '-created_at', expr: 'd.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(
      db,
      { sql, params: qp, sort, idCol: 'd.id' },
      query,
      (rows) => mapDeliverables(db, rows, fileUrl, false) as Promise<DeliverableSummary[]>,
    );
  },
  async get({ db, params, fileUrl }) {
    return deliverableById(db, params.id, fileUrl);
  },
};

async function findVersion(db: OrgDb, id: string, version: number): Promise<Row> {
  const d = await findDeliverable(db, id);
  const [v] = await db.query('SELECT id FROM deliverable_versions WHERE deliverable_id = $1 AND number = $2', [id, version]);
  if (!v) throw notFound('version');
  return d;
}

export const comments: PortalHandlers['comments'] = {
  async list({ db, params, query }) {
    await findVersion(db, params.id, params.version);
    const sql = 'SELECT c.*, c.created_at AS _sk FROM comments c WHERE c.deliverable_id = $1 AND c.version = $2';
    const sort: Sort = { name: 'created_at', expr: 'c.created_at', cast: 'timestamptz', dir: 'asc' };
    return listPage(db, { sql, params: [params.id, params.version], sort, idCol: 'c.id' }, query, (rows) => rows.map(mapComment));
  },
  async create({ db, principal: p, params, body }) {
    const d = await findVersion(db, params.id, params.version);
    const [row] = await db.query(
      `INSERT INTO comments (id, deliverable_id, version, body, author_kind, author_id, author_name, anchor, created_at)
       VALUES ($1,$2,$3,$4,'contact',$5,$6,$7,now()) RETURNING *`,
      [newId('cmt'), d.id, params.version, body.body, p.contactId, p.name, body.anchor ? JSON.stringify(body.anchor) : null],
    );
    await db.query('UPDATE deliverables SET last_action = $2, updated_at = now() WHERE id = $1', [
      d.id,
      JSON.stringify({ kind: 'commented', by: { id: p.contactId, name: p.name }, at: nowIso(), version: params.version }),
    ]);
    await appendEvents(db, [{ type: 'deliverable.comment_added', kind: 'deliverable', id: d.id, parentId: d.project_id }]);
    return mapComment(row!);
  },
};

export const approvals: PortalHandlers['approvals'] = {
  async list({ db, params, query }) {
    await findDeliverable(db, params.id);
    // Each decision with the later one that superseded it (the index on supersedes finds it).
    const sql = `SELECT a.*, s.id AS superseded_by, a.decided_at AS _sk
      FROM approvals a LEFT JOIN approvals s ON s.supersedes = a.id WHERE a.deliverable_id = $1`;
    const sort: Sort = { name: '-decided_at', expr: 'a.decided_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params: [params.id], sort, idCol: 'a.id' }, query, (rows) => rows.map(mapApproval));
  },
  async create({ db, principal: p, params, body }) {
    // The row lock serialises concurrent decisions and uploads on one deliverable.
    const d = await findDeliverable(db, params.id, true);
    if (body.version !== num(d.current_version)) {
      throw conflict(
        'version_conflict',
        `Version ${body.version} is not the current version (${num(d.current_version)}); review the latest version.`,
      );
    }
    // One decision per approver per version: a second one must supersede the current one. The
    // lock above makes this check exact; the unique indexes of the trail hold without it.
    const [current] = await db.query<{ id: string }>(
      `SELECT a.id FROM approvals a WHERE a.deliverable_id = $1 AND a.version = $2 AND a.decided_by_id = $3
         AND NOT EXISTS (SELECT 1 FROM approvals s WHERE s.supersedes = a.id)`,
      [d.id, body.version, p.contactId],
    );
    const supersedes = body.supersedes ?? null;
    if (current && supersedes === null) throw alreadyDecided(body.version, current.id);
    if (supersedes !== (current?.id ?? null)) throw supersedeConflict(body.version, current?.id);
    let row: Row | undefined;
    try {
      [row] = await db.query(
        `INSERT INTO approvals (id, deliverable_id, version, decision, comment, decided_by_id, decided_by_name, decided_at, supersedes)
         VALUES ($1,$2,$3,$4,$5,$6,$7,now(),$8) RETURNING *`,
        [newId('apr'), d.id, body.version, body.decision, body.comment ? body.comment : null, p.contactId, p.name, supersedes],
      );
    } catch (err) {
      throw decisionConflict(err, body.version) ?? err;
    }
    await db.query('UPDATE deliverables SET review_status = $2, last_action = $3, updated_at = now() WHERE id = $1', [
      d.id,
      body.decision,
      JSON.stringify({ kind: body.decision, by: { id: p.contactId, name: p.name }, at: nowIso(), version: body.version }),
    ]);
    await appendEvents(db, [{ type: 'deliverable.decision_recorded', kind: 'deliverable', id: d.id, parentId: d.project_id }]);
    return mapApproval(row!);
  },
};
