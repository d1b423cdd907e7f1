// The seed's notification centre: notifications of every category for each contact (the newest
// unread), pointing at the demo host's pages for real tickets, invoices and deliverables; one
// contact's changed preferences and profile. Called by seed.ts inside its transaction.
import { CATEGORY_OF_KIND } from '@portico/contract';
import { insertMany, type Queryable } from './db/db.js';
import { newId } from './ids.js';

const day = 86400e3;

export interface SeedRefs {
  orgId: string;
  contacts: Array<{ id: string; name: string; roles: readonly string[] }>;
  /** Rows as seed.ts inserts them: [id, org, number, subject, status, …, requester at 7]. */
  tickets: unknown[][];
  /** [id, org, number, status, currency, subtotal, tax, total, …]. */
  invoices: unknown[][];
  deliverables: Array<{ id: string; projectId: string; title: string }>;
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(currency === 'JPY' ? minor / 100 : minor / 100);

export async function seedNotifications(tx: Queryable, r: SeedRefs, now: number): Promise<number> {
  const rows: unknown[][] = [];
  const openInvoices = r.invoices.filter((i) => i[3] === 'open');
  for (const [ci, c] of r.contacts.entries()) {
    const own = r.tickets.filter((t) => t[7] === c.id).slice(-3);
    const items: Array<[string, string, string, string | null]> = [];
    for (const t of own) {
      items.push(['ticket_reply', `New reply on #${t[2]}`, `Support answered “${t[3]}”.`, `/support/tickets/${t[0]}`]);
      if (t[4] === 'solved' || t[4] === 'pending') {
        items.push(['ticket_status', `#${t[2]} is now ${t[4]}`, String(t[3]), `/support/tickets/${t[0]}`]);
      }
    }
    if (c.roles.includes('admin')) {
      for (const i of openInvoices.slice(-2)) {
        items.push(['invoice_issued', `Invoice ${i[2]}`, `${money(Number(i[7]), String(i[4]))} due in 30 days.`, '/billing']);
      }
    }
    for (const d of r.deliverables.slice(0, 2)) {
      items.push([
        'deliverable_version',
        `${d.title}: a new version is ready`,
        'The studio uploaded a new version for your review.',
        `/projects/${d.projectId}/deliverables/${d.id}`,
      ]);
    }
    if (c.roles.includes('approver') && r.deliverables[0]) {
      const d = r.deliverables[0];
      items.push([
        'decision_recorded',
        `${d.title} was approved`,
        'Your decision was recorded in the audit trail.',
        `/projects/${d.projectId}/deliverables/${d.id}`,
      ]);
    }
    items.push(['announcement', 'Scheduled maintenance on Sunday', 'The portal is read-only from 06:00 to 06:30 UTC.', null]);
    items.push([
      'announcement',
      'New: notification preferences',
      'Choose which notifications reach you in the portal and by email.',
      '/account',
    ]);
    // Newest first in time; the newest of each category unread, the oldest archived.
    const seen = new Set<string>();
    items.forEach(([kind, title, body, link], k) => {
      const created = now - (k * 19 + ci * 3 + 1) * 3600e3;
      const category = CATEGORY_OF_KIND[kind as keyof typeof CATEGORY_OF_KIND];
      const read = seen.has(category) ? new Date(created + 2 * 3600e3) : null;
      seen.add(category);
      const archived = k === items.length - 1 ? new Date(created + 3 * day) : null;
      rows.push([newId('ntf'), r.orgId, c.id, kind, title, body, link, new Date(created), read, archived]);
    });
  }
  await insertMany(
    tx,
    'notifications',
    ['id', 'org_id', 'contact_id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at', 'archived_at'],
    rows,
  );
  // One contact's own choices (kept if the contact already made some: the seed may meet existing contacts).
  const first = r.contacts[0];
  if (first) {
    await tx.query(
      `INSERT INTO notification_preferences (org_id, contact_id, category, channel, enabled)
       VALUES ($1, $2, 'announcements', 'email', false), ($1, $2, 'billing', 'email', false) ON CONFLICT DO NOTHING`,
      [r.orgId, first.id],
    );
    await tx.query(
      `INSERT INTO contact_settings (org_id, contact_id, language, time_zone) VALUES ($1, $2, 'en', 'Europe/Berlin') ON CONFLICT DO NOTHING`,
      [r.orgId, first.id],
    );
  }
  return rows.length;
}
