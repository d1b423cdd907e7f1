import type { Notification } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { iso, isoReq, newId } from '../ids.js';
import { listPage, type Sort } from './common.js';

export const mapNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: isoReq(r.created_at),
  readAt: iso(r.read_at),
});

export interface NewNotification {
  kind: Notification['kind'];
  title: string;
  body: string;
  link?: string | null;
}

/** Creates one notification per contact (and their events) inside the caller's transaction. */
export async function notifyContacts(db: OrgDb, contactIds: string[], n: NewNotification): Promise<number> {
  if (contactIds.length === 0) return 0;
  const ids = contactIds.map(() => newId('ntf'));
  const params: unknown[] = [n.kind, n.title, n.body, n.link ?? null];
  const values = contactIds.map((c, i) => {
    params.push(ids[i], c);
    return `($${params.length - 1}, $${params.length}, $1, $2, $3, $4, now())`;
  });
  await db.query(`INSERT INTO notifications (id, contact_id, kind, title, body, link, created_at) VALUES ${values.join(',')}`, params);
  await appendEvents(
    db,
    contactIds.map((c, i) => ({ type: 'notification.created' as const, kind: 'notification' as const, id: ids[i]!, contactId: c })),
  );
  return contactIds.length;
}

export const notifications: PortalHandlers['notifications'] = {
  async list({ db, principal: p, query }) {
    let sql = 'SELECT n.*, n.created_at AS _sk FROM notifications n WHERE n.contact_id = $1';
    if (query.unread === 'true') sql += ' AND n.read_at IS NULL';
    if (query.unread === 'false') sql += ' AND n.read_at IS NOT NULL';
    const sort: Sort = { name: '-created_at', expr: 'n.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params: [p.contactId], sort, idCol: 'n.id' }, query, (rows) => rows.map(mapNotification));
  },
  async read({ db, principal: p, params }) {
    const [row] = await db.query(
      'UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND contact_id = $2 RETURNING *',
      [params.id, p.contactId],
    );
    if (!row) throw notFound('notification');
    return mapNotification(row);
  },
  async readAll({ db, principal: p }) {
    const rows = await db.query('UPDATE notifications SET read_at = now() WHERE contact_id = $1 AND read_at IS NULL RETURNING id', [
      p.contactId,
    ]);
    return { updated: rows.length };
  },
};
