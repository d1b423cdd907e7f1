/**
 * A project's conversation (`/projects/{project_id}/messages`): one thread per project between the
 * client's contacts and the firm's staff, and each contact's read marker. Project access is the
 * deliverables' (the project must be the handle's organization's); the staff API posts through
 * `addProjectMessage` with an organization bound to the project's.
 */
import type { ProjectMessage, ProjectMessageReadState } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';
import { isoReq, newId } from '../ids.js';
import { type Disposition, PREVIEWABLE } from '../storage.js';
import { listPage, num, type PageQuery, type Sort } from './common.js';

type FileUrl = (id: string, org: string, d: Disposition) => string;

/** The project, if it is the handle's organization's: the same check as its deliverables'. */
export async function findProject(db: OrgDb, id: string): Promise<void> {
  const [p] = await db.query('SELECT id FROM projects WHERE id = $1', [id]);
  if (!p) throw notFound('project');
}

export async function mapProjectMessages(db: OrgDb, rows: Row[], fileUrl: FileUrl): Promise<ProjectMessage[]> {
  const files = rows.length
    ? await db.query(
        'SELECT id, message_id, file_name, media_type, size FROM files WHERE message_id = ANY($1::text[]) ORDER BY created_at, id',
        [rows.map((r) => r.id)],
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    author: { kind: r.author_kind, id: r.author_id, name: r.author_name },
    body: r.body,
    bodyFormat: r.body_format,
    attachments: files
      .filter((f) => f.message_id === r.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: num(f.size),
        url: fileUrl(f.id, db.orgId, PREVIEWABLE.has(f.media_type) ? 'inline' : 'attachment'),
      })),
    createdAt: isoReq(r.created_at),
  }));
}

/** Newest page first, the cursor going back in time; each page in reading order (oldest first). */
export async function listProjectMessages(db: OrgDb, projectId: string, query: PageQuery, fileUrl: FileUrl) {
  await findProject(db, projectId);
  const sort: Sort = { name: '-created_at', expr: 'm.created_at', cast: 'timestamptz', dir: 'desc' };
  const sql = 'SELECT m.*, m.created_at AS _sk FROM project_messages m WHERE m.project_id = $1';
  const page = await listPage(db, { sql, params: [projectId], sort, idCol: 'm.id' }, query, (rows) =>
    mapProjectMessages(db, rows.reverse(), fileUrl),
  );
  return page;
}

export interface NewProjectMessage {
  projectId: string;
  author: { kind: 'contact' | 'agent'; id: string; name: string };
  body: string;
  bodyFormat: 'text' | 'markdown';
  attachmentIds?: string[];
  /** Who uploaded the attachments (a contact id, or 'staff'): only their own unattached uploads attach. */
  uploader: string;
  at?: Date;
}

/** Adds a message, attaches the uploads and appends the live event, inside the caller's transaction. */
export async function addProjectMessage(db: OrgDb, m: NewProjectMessage): Promise<Row> {
  const id = newId('pmsg');
  const [row] = await db.query(
    `INSERT INTO project_messages (id, project_id, author_kind, author_id, author_name, body, body_format, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
    [id, m.projectId, m.author.kind, m.author.id, m.author.name, m.body, m.bodyFormat, m.at ?? new Date()],
  );
  const ids = [...new Set(m.attachmentIds ?? [])];
  if (ids.length) {
    const attached = await db.query(
      'UPDATE files SET message_id = $1 WHERE id = ANY($2::text[]) AND uploaded_by = $3 AND message_id IS NULL RETURNING id',
      [id, ids, m.uploader],
    );
    if (attached.length !== ids.length) {
      const ok = new Set(attached.map((a) => a.id));
      throw validationFailed(
        (m.attachmentIds ?? []).flatMap((a, i) =>
          ok.has(a) ? [] : [{ path: `attachment_ids.${i}`, message: 'No such unattached upload of yours.' }],
        ),
      );
    }
  }
  await appendEvents(db, [{ type: 'project.message_added', kind: 'project_message', id, parentId: m.projectId }]);
  return row!;
}

/** Moves a contact's marker forward to the message `row` (never back). */
async function advanceMarker(db: OrgDb, projectId: string, contactId: string, row: Row): Promise<boolean> {
  const moved = await db.query(
    `INSERT INTO project_message_reads (project_id, contact_id, last_message_id, last_created_at, read_at)
     VALUES ($1,$2,$3,$4,now())
     ON CONFLICT (project_id, contact_id) DO UPDATE
       SET last_message_id = EXCLUDED.last_message_id, last_created_at = EXCLUDED.last_created_at, read_at = now()
       WHERE (project_message_reads.last_created_at, project_message_reads.last_message_id)
           < (EXCLUDED.last_created_at, EXCLUDED.last_message_id)
     RETURNING contact_id`,
    [projectId, contactId, row.id, row.created_at],
  );
  return moved.length > 0;
}

/** The contact's marker and what is unread after it (messages of others only). */
export async function readState(db: OrgDb, projectId: string, contactId: string): Promise<ProjectMessageReadState> {
  const [marker] = await db.query('SELECT last_message_id, read_at FROM project_message_reads WHERE project_id = $1 AND contact_id = $2', [
    projectId,
    contactId,
  ]);
  const [unread] = await db.query(
    `SELECT count(*)::int AS n, (array_agg(m.id ORDER BY m.created_at, m.id))[1] AS first
     FROM project_messages m
     LEFT JOIN project_message_reads r ON r.project_id = m.project_id AND r.contact_id = $2
     WHERE m.project_id = $1 AND m.author_id <> $2
       AND (r.contact_id IS NULL OR (m.created_at, m.id) > (r.last_created_at, r.last_message_id))`,
    [projectId, contactId],
  );
  return {
    contactId,
    lastReadMessageId: marker?.last_message_id ?? null,
    lastReadAt: marker ? isoReq(marker.read_at) : null,
    unreadCount: num(unread?.n ?? 0),
    firstUnreadMessageId: unread?.first ?? null,
  };
}

export const messages: PortalHandlers['messages'] = {
  async list({ db, params, query, fileUrl }) {
    return listProjectMessages(db, params.projectId, query, fileUrl);
  },
  async create({ db, principal: p, params, body, fileUrl }) {
    await findProject(db, params.projectId);
    const row = await addProjectMessage(db, {
      projectId: params.projectId,
      author: { kind: 'contact', id: p.contactId, name: p.name },
      body: body.body,
      bodyFormat: body.bodyFormat ?? 'markdown',
      attachmentIds: body.attachmentIds,
      uploader: p.contactId,
    });
    // What one writes, one has read: the author's marker moves past their own message.
    await advanceMarker(db, params.projectId, p.contactId, row);
    const [m] = await mapProjectMessages(db, [row], fileUrl);
    return m!;
  },
  async readState({ db, principal: p, params }) {
    await findProject(db, params.projectId);
    return readState(db, params.projectId, p.contactId);
  },
  async markRead({ db, principal: p, params, body }) {
    await findProject(db, params.projectId);
    const [row] = await db.query('SELECT id, created_at FROM project_messages WHERE id = $1 AND project_id = $2', [
      body.messageId,
      params.projectId,
    ]);
    if (!row) throw notFound('message');
    if (await advanceMarker(db, params.projectId, p.contactId, row)) {
      await appendEvents(db, [
        {
          type: 'project.messages_read',
          kind: 'project_message',
          id: row.id,
          parentId: params.projectId,
          contactId: p.contactId,
          private: true,
        },
      ]);
    }
    return readState(db, params.projectId, p.contactId);
  },
};
