import type { DocumentFile, DocumentItem, DocumentRequest, DocumentReview } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';
import { payloadTooLarge, unsupportedMediaType } from '../http/body.js';
import { isoReq, newId } from '../ids.js';
import type { Disposition } from '../storage.js';
import { listPage, num, type Sort } from './common.js';
import { type StoredFile, storeUpload } from './files.js';

export type FileUrl = (id: string, org: string, d: Disposition) => string;

const iso = (d: Date | string | null) => (d === null ? null : isoReq(d));

/** Maps request rows to requests with their items and current files (three statements for a page). */
export async function mapRequests(db: OrgDb, rows: Row[], fileUrl: FileUrl): Promise<DocumentRequest[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const items = await db.query('SELECT * FROM document_request_items WHERE request_id = ANY($1::text[]) ORDER BY position', [ids]);
  const files = items.length
    ? await db.query(
        `SELECT d.*, f.file_name, f.media_type, f.size, f.sha256 FROM document_request_files d JOIN files f ON f.id = d.file_id
         WHERE d.item_id = ANY($1::text[]) AND d.superseded_at IS NULL ORDER BY d.created_at, d.id`,
        [items.map((i) => i.id)],
      )
    : [];
  const filesOf = (itemId: string): DocumentFile[] =>
    files
      .filter((f) => f.item_id === itemId)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: num(f.size),
        checksum: f.sha256,
        uploadedBy: { id: f.uploaded_by_id, name: f.uploaded_by_name },
        createdAt: isoReq(f.created_at),
        downloadUrl: fileUrl(f.file_id, f.org_id, 'attachment'),
      }));
  const mapItem = (i: Row): DocumentItem => ({
    id: i.id,
    label: i.label,
    required: i.required,
    acceptedTypes: i.accepted_types ?? [],
    maxBytes: num(i.max_bytes),
    status: i.status,
    reason: i.reason,
    decidedBy: i.decided_by_name,
    decidedAt: iso(i.decided_at),
    files: filesOf(i.id),
  });
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    title: r.title,
    instructions: r.instructions,
    dueAt: iso(r.due_at),
    reminderOffsets: (r.reminder_offsets ?? []).map(num),
    status: r.status,
    createdBy: r.created_by_name,
    createdAt: isoReq(r.created_at),
    updatedAt: isoReq(r.updated_at),
    closedAt: iso(r.closed_at),
    items: items.filter((i) => i.request_id === r.id).map(mapItem),
  }));
}

export async function requestById(db: OrgDb, id: string, fileUrl: FileUrl): Promise<DocumentRequest> {
  const rows = await db.query('SELECT * FROM document_requests WHERE id = $1', [id]);
  if (!rows.length) throw notFound('document request');
  return (await mapRequests(db, rows, fileUrl))[0]!;
}

async function itemById(db: OrgDb, requestId: string, itemId: string, fileUrl: FileUrl): Promise<DocumentItem> {
  const r = await requestById(db, requestId, fileUrl);
  return r.items.find((i) => i.id === itemId)!;
}

/** The project, in the handle's organization (the same check as a project's deliverables): 404 otherwise. */
export async function checkProject(db: OrgDb, projectId: string): Promise<void> {
  const [proj] = await db.query('SELECT id FROM projects WHERE id = $1', [projectId]);
  if (!proj) throw notFound('project');
}

export interface ItemTarget {
  projectId: string;
  requestId: string;
  itemId: string;
}

/**
 * The item of the request of the project, locked for the rest of the transaction (concurrent
 * uploads and reviews of one item are serialised), or 404 when any of the three does not match.
 */
export async function lockItem(db: OrgDb, t: ItemTarget): Promise<{ request: Row; item: Row }> {
  await checkProject(db, t.projectId);
  const [request] = await db.query('SELECT * FROM document_requests WHERE id = $1 AND project_id = $2', [t.requestId, t.projectId]);
  if (!request) throw notFound('document request');
  const [item] = await db.query('SELECT * FROM document_request_items WHERE id = $1 AND request_id = $2 FOR UPDATE', [
    t.itemId,
    t.requestId,
  ]);
  if (!item) throw notFound('document request item');
  return { request, item };
}

/** Whether a media type is one the item takes (`image/*` matches `image/png`; no list: any). */
export function acceptsType(accepted: readonly string[], mediaType: string): boolean {
  if (!accepted.length) return true;
  return accepted.some((a) => a === mediaType || (a.endsWith('/*') && mediaType.startsWith(a.slice(0, -1))));
}

/** Refuses an upload the item cannot take now, before or after its bytes are in. */
export function checkUploadable(request: Row, item: Row, file?: { size: number; mediaType?: string }): void {
  if (request.status !== 'open') throw conflict('conflict', 'This document request is closed: it takes no more uploads.');
  if (item.status === 'accepted') throw conflict('conflict', 'This item was accepted: its files can no longer be replaced.');
  if (item.status === 'not_applicable') throw conflict('conflict', 'This item was marked not applicable: it takes no upload.');
  if (file && file.size > num(item.max_bytes))
    throw payloadTooLarge(`This item takes files up to ${num(item.max_bytes)} bytes; this one has ${file.size}.`);
  if (file?.mediaType && !acceptsType(item.accepted_types ?? [], file.mediaType))
    throw unsupportedMediaType(`This item takes ${(item.accepted_types ?? []).join(', ')}; the file is ${file.mediaType}.`);
}

async function touched(db: OrgDb, request: Row): Promise<void> {
  await db.query('UPDATE document_requests SET updated_at = now() WHERE id = $1', [request.id]);
  await appendEvents(db, [{ type: 'document_request.updated', kind: 'document_request', id: request.id, parentId: request.project_id }]);
}

/**
 * Records a stored file as an answer to the item (in the caller's transaction): after a rejection
 * or with `replace` the item's earlier files are superseded; the item is `uploaded` again.
 */
export async function attachToItem(
  db: OrgDb,
  request: Row,
  item: Row,
  file: StoredFile,
  by: { id: string; name: string },
  replace: boolean,
): Promise<void> {
  if (replace || item.status === 'rejected')
    await db.query('UPDATE document_request_files SET superseded_at = now() WHERE item_id = $1 AND superseded_at IS NULL', [item.id]);
  await db.query(`INSERT INTO document_request_files (id, item_id, file_id, uploaded_by_id, uploaded_by_name) VALUES ($1,$2,$3,$4,$5)`, [
    newId('drf'),
    item.id,
    file.id,
    by.id,
    by.name,
  ]);
  await db.query(
    `UPDATE document_request_items SET status = 'uploaded', reason = NULL, decided_by_name = NULL, decided_at = NULL, updated_at = now()
     WHERE id = $1`,
    [item.id],
  );
  await touched(db, request);
}

/** A decision on an item, by a reviewer of the portal or the staff API. */
export async function reviewItem(db: OrgDb, request: Row, item: Row, review: DocumentReview, by: string): Promise<void> {
  const reason = review.reason ? review.reason : null;
  if (request.status !== 'open') throw conflict('conflict', 'This document request is closed.');
  if (review.decision === 'rejected' && !reason)
    throw validationFailed([{ path: 'reason', message: 'Say why the document is rejected: the client sees the reason.' }]);
  if (review.decision !== 'not_applicable' && item.status !== 'uploaded' && item.status !== review.decision)
    throw conflict('conflict', `Only an uploaded item can be ${review.decision} (this one is ${item.status.replace('_', ' ')}).`);
  await db.query(
    'UPDATE document_request_items SET status = $2, reason = $3, decided_by_name = $4, decided_at = now(), updated_at = now() WHERE id = $1',
    [item.id, review.decision, reason, by],
  );
  await touched(db, request);
}

export const documentRequests: PortalHandlers['documentRequests'] = {
  async list({ db, params, query, fileUrl }) {
    await checkProject(db, params.projectId);
    const qp: unknown[] = [params.projectId];
    let sql = 'SELECT r.*, r.created_at AS _sk FROM document_requests r WHERE r.project_id = $1';
    if (query.status) {
      qp.push(query.status);
      sql += ` AND r.status = $${qp.length}`;
    }
    const sort: Sort = { name: '-created_at', expr: 'r.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params: qp, sort, idCol: 'r.id' }, query, (rows) => mapRequests(db, rows, fileUrl));
  },
  async get({ db, params, fileUrl }) {
    await checkProject(db, params.projectId);
    const r = await requestById(db, params.requestId, fileUrl);
    if (r.projectId !== params.projectId) throw notFound('document request');
    return r;
  },
  async upload({ db, principal: p, params, body, fileUrl }) {
    const { request, item } = await lockItem(db, params);
    checkUploadable(request, item, { size: body.file.size, mediaType: body.file.type });
    const f = await storeUpload(db, p.contactId, body.file);
    await attachToItem(db, request, item, f, { id: p.contactId, name: p.name }, body.replace === 'true');
    return itemById(db, request.id, item.id, fileUrl);
  },
  async review({ db, principal: p, params, body, fileUrl }) {
    const { request, item } = await lockItem(db, params);
    await reviewItem(db, request, item, body, p.name);
    return itemById(db, request.id, item.id, fileUrl);
  },
};
