import type { Notification, NotificationCategory } from '@portico/contract';
import { CATEGORY_OF_KIND } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { iso, isoReq, newId } from '../ids.js';
import { loadPreferences, savePreferences } from './account.js';
import { listPage, type Sort } from './common.js';

export const mapNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  category: r.category,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: isoReq(r.created_at),
  readAt: iso(r.read_at),
  archivedAt: iso(r.archived_at),
});

export interface NewNotification {
  kind: Notification['kind'];
  title: string;
  body: string;
  link?: string | null;
}

/**
 * Creates one notification per contact (and their events) inside the caller's transaction, except
 * for contacts who switched the category's in-portal notifications off. Answers how many it created.
 */
export async function notifyContacts(db: OrgDb, contactIds: string[], n: NewNotification): Promise<number> {
  if (contactIds.length === 0) return 0;
  const off = await db.query<{ contact_id: string }>(
    `SELECT contact_id FROM notification_preferences
     WHERE contact_id = ANY($1::text[]) AND category = $2 AND channel = 'inPortal' AND NOT enabled`,
    [contactIds, CATEGORY_OF_KIND[n.kind]],
  );
  const muted = new Set(off.map((r) => r.contact_id));
  const to = contactIds.filter((c) => !muted.has(c));
  if (to.length === 0) return 0;
  const ids = to.map(() => newId('ntf'));
  const params: unknown[] = [n.kind, n.title, n.body, n.link ?? null];
  const values = to.map((c, i) => {
    params.push(ids[i], c);
    return `($${params.length - 1}, $${params.length}, $1, $2, $3, $4, now())`;
  });
  await db.query(`INSERT INTO notifications (id, contact_id, kind, title, body, link, created_at) VALUES ${values.join(',')}`, params);
  await appendEvents(
    db,
    to.map((c, i) => ({ type: 'notification.created' as const, kind: 'notification' as const, id: ids[i]!, contactId: c, private: true })),
  );
  return to.length;
}

/** Sets `read_at` (and `archived_at` when archiving) of the caller's notification; an event when it changed. */
async function touch(db: OrgDb, contactId: string, id: string, archive: boolean): Promise<Notification> {
  const [before] = await db.query('SELECT read_at, archived_at FROM notifications WHERE id = $1 AND contact_id = $2 FOR UPDATE', [
    id,
    contactId,
  ]);
  if (!before) throw notFound('notification');
  const [row] = await db.query(
    `UPDATE notifications SET read_at = COALESCE(read_at, now()),
       archived_at = CASE WHEN $3 THEN COALESCE(archived_at, now()) ELSE archived_at END
     WHERE id = $1 AND contact_id = $2 RETURNING *`,
    [id, contactId, archive],
  );
  if (before.read_at === null || (archive && before.archived_at === null)) {
    await appendEvents(db, [{ type: 'notification.updated', kind: 'notification', id, contactId, private: true }]);
  }
  return mapNotification(row!);
}

export const notifications: PortalHandlers['notifications'] = {
  async list({ db, principal: p, query }) {
    let sql = 'SELECT n.*, n.created_at AS _sk FROM notifications n WHERE n.contact_id = $1';
    const params: unknown[] = [p.contactId];
    if (query.unread === 'true') sql += ' AND n.read_at IS NULL';
    if (query.unread === 'false') sql += ' AND n.read_at IS NOT NULL';
    sql += query.archived === 'true' ? ' AND n.archived_at IS NOT NULL' : ' AND n.archived_at IS NULL';
    if (query.category) {
      params.push(query.category);
      sql += ` AND n.category = $${params.length}`;
    }
    const sort: Sort = { name: '-created_at', expr: 'n.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params, sort, idCol: 'n.id' }, query, (rows) => rows.map(mapNotification));
  },
  async summary({ db, principal: p }) {
    const [r] = await db.query(
      'SELECT count(*)::int AS n FROM notifications WHERE contact_id = $1 AND read_at IS NULL AND archived_at IS NULL',
      [p.contactId],
    );
    return { unread: Number(r!.n) };
  },
  read: ({ db, principal: p, params }) => touch(db, p.contactId, params.id, false),
  archive: ({ db, principal: p, params }) => touch(db, p.contactId, params.id, true),
  async readAll({ db, principal: p, query }) {
    // One statement however many there are (no batches, no cap); one event for all of them.
    const category: NotificationCategory | null = query.category ?? null;
    const rows = await db.query(
      `UPDATE notifications SET read_at = now()
       WHERE contact_id = $1 AND read_at IS NULL AND archived_at IS NULL AND ($2::text IS NULL OR category = $2) RETURNING 1 AS x`,
      [p.contactId, category],
    );
    if (rows.length > 0) {
      await appendEvents(db, [{ type: 'notification.read_all', kind: 'contact', id: p.contactId, contactId: p.contactId, private: true }]);
    }
    return { updated: rows.length };
  },
  preferences: ({ db, principal: p }) => loadPreferences(db, p.contactId),
  updatePreferences: ({ db, principal: p, body }) => savePreferences(db, p.contactId, body),
};
