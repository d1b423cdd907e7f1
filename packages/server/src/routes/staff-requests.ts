import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { isoReq, newId } from '../ids.js';
import { mapRequests, requestById, reviewItem } from './document-requests.js';

const DEFAULT_ITEM_BYTES = 25 * 1024 * 1024;
const DAY_MS = 86_400_000;

/** The item and its request, locked, and the organization-bound handle to act on them. */
async function lockItem(db: Queryable, itemId: string) {
  const [item] = await db.query('SELECT * FROM document_request_items WHERE id = $1 FOR UPDATE', [itemId]);
  if (!item) throw notFound('document request item');
  const org = bindOrg(db, item.org_id);
  const [request] = await org.query('SELECT * FROM document_requests WHERE id = $1', [item.request_id]);
  return { org, item, request: request! };
}

export const staffDocumentRequests: StaffHandlers['documentRequests'] = {
  async create({ db, params, body, fileUrl }) {
    const [project] = await db.query('SELECT id, org_id FROM projects WHERE id = $1', [params.projectId]);
    if (!project) throw notFound('project');
    const org = bindOrg(db, project.org_id);
    const id = newId('dreq');
    const offsets = [...new Set(body.reminderOffsets ?? [])].sort((a, b) => a - b);
    await org.query(
      `INSERT INTO document_requests (id, project_id, title, instructions, due_at, reminder_offsets, created_by_name)
       VALUES ($1,$2,$3,$4,$5,$6::integer[],$7)`,
      [id, project.id, body.title, body.instructions ?? '', body.dueAt ?? null, offsets, body.createdBy ?? 'Staff'],
    );
    for (const [i, item] of body.items.entries()) {
      await org.query(
        `INSERT INTO document_request_items (id, request_id, position, label, required, accepted_types, max_bytes)
         VALUES ($1,$2,$3,$4,$5,$6::text[],$7)`,
        [newId('ditm'), id, i + 1, item.label, item.required ?? true, item.acceptedTypes ?? [], item.maxBytes ?? DEFAULT_ITEM_BYTES],
      );
    }
    await appendEvents(org, [{ type: 'document_request.updated', kind: 'document_request', id, parentId: project.id }]);
    return requestById(org, id, fileUrl);
  },
  async review({ db, params, body, fileUrl }) {
    const { org, item, request } = await lockItem(db, params.id);
    await reviewItem(org, request, item, body, body.reviewerName);
    return (await requestById(org, request.id, fileUrl)).items.find((i) => i.id === item.id)!;
  },
  async close({ db, params, fileUrl }) {
    const [r] = await db.query('SELECT * FROM document_requests WHERE id = $1 FOR UPDATE', [params.id]);
    if (!r) throw notFound('document request');
    const org = bindOrg(db, r.org_id);
    if (r.status !== 'closed') {
      await org.query("UPDATE document_requests SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1", [r.id]);
      await appendEvents(org, [{ type: 'document_request.updated', kind: 'document_request', id: r.id, parentId: r.project_id }]);
    }
    const [row] = await org.query('SELECT * FROM document_requests WHERE id = $1', [r.id]);
    return (await mapRequests(org, [row!], fileUrl))[0]!;
  },
  /**
   * Every open request with a due date, an offset whose moment (due date + offset days) has passed
   * and not been reported, and a required item still missing or rejected. Each (request, offset)
   * is recorded in the same transaction, so a second call (or a concurrent one: the primary key)
   * reports it no more. Only the latest passed offset of a request is reported; earlier ones it
   * skipped (the mailer was not called then) are recorded as well, without a second mail.
   */
  async dueReminders({ db, query }) {
    const now = query.now ? new Date(query.now) : new Date();
    const candidates = await db.query(
      `SELECT r.*, o.external_id AS org_external_id FROM document_requests r JOIN organizations o ON o.id = r.org_id
       WHERE r.status = 'open' AND r.due_at IS NOT NULL AND cardinality(r.reminder_offsets) > 0
         AND EXISTS (SELECT 1 FROM document_request_items i WHERE i.request_id = r.id AND i.required AND i.status IN ('missing', 'rejected'))
       ORDER BY r.due_at, r.id FOR UPDATE OF r`,
    );
    const reminders = [];
    for (const r of candidates) {
      const due = new Date(r.due_at).getTime();
      const passed = (r.reminder_offsets as number[]).map(Number).filter((o) => due + o * DAY_MS <= now.getTime());
      if (!passed.length) continue;
      const org = bindOrg(db, r.org_id);
      const inserted = await org.query<{ offset_days: number }>(
        `INSERT INTO document_request_reminders (request_id, offset_days) VALUES ${passed.map((_, i) => `($1, $${i + 2}::integer)`).join(',')}
         ON CONFLICT DO NOTHING RETURNING offset_days`,
        [r.id, ...passed],
      );
      if (!inserted.length) continue;
      const offset = Math.max(...inserted.map((x) => Number(x.offset_days)));
      const missing = await org.query(
        `SELECT id, label, status FROM document_request_items WHERE request_id = $1 AND required AND status IN ('missing', 'rejected') ORDER BY position`,
        [r.id],
      );
      const recipients = await org.query('SELECT external_id, name, email FROM contacts WHERE email IS NOT NULL ORDER BY external_id');
      reminders.push({
        requestId: r.id,
        projectId: r.project_id,
        org: r.org_external_id,
        title: r.title,
        dueAt: isoReq(r.due_at),
        offsetDays: offset,
        overdue: due < now.getTime(),
        missing: missing.map((m) => ({ id: m.id, label: m.label, status: m.status })),
        recipients: recipients.map((c) => ({ externalId: c.external_id, name: c.name, email: c.email })),
      });
    }
    return { reminders };
  },
};
