import { createHash } from 'node:crypto';
import { staffAccessLinks } from '../access-links/staff.js';
import { simplePdf } from '../assets.js';
import { billingStaff } from '../billing/staff.js';
import { externalAccountsStaff } from '../connectors/staff.js';
import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg } from '../db/tenant.js';
import { notFound, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';
import { newId } from '../ids.js';
import { articleById } from './articles.js';
import { addVersion, deliverableById } from './deliverables.js';
import { insertFile, storeUpload } from './files.js';
import { invoiceWithLines } from './invoices.js';
import { notifyContacts } from './notifications.js';
import { projectById } from './projects.js';
import { staffContacts } from './staff-contacts.js';
import { staffMessages } from './staff-messages.js';
import { staffDocumentRequests } from './staff-requests.js';
import { addMessage, mapMessages, PRIORITY_RANK, ticketById } from './tickets.js';

/** The organization with this external id, created on first sight (as tokens do). */
export async function ensureOrg(db: Queryable, externalId: string, name?: string): Promise<{ id: string; name: string }> {
  const [row] = await db.query<{ id: string; name: string }>(
    `INSERT INTO organizations (id, external_id, name) VALUES ($1, $2, $3)
     ON CONFLICT (external_id) DO UPDATE SET name = COALESCE($4, organizations.name)
     RETURNING id, name`,
    [newId('org'), externalId, name ?? externalId, name ?? null],
  );
  return row!;
}

/** A stable id for an agent, derived from the name the staff system sends. */
export const agentId = (name: string) => `agt_${createHash('sha256').update(name).digest('hex').slice(0, 20)}`;

const money = (n: number, cur: string) => `${(n / 100).toFixed(2)} ${cur}`;

export const staffHandlers: StaffHandlers = {
  orgs: {
    async upsert({ db, body }) {
      const o = await ensureOrg(db, body.externalId, body.name);
      return { id: o.id, externalId: body.externalId, name: o.name };
    },
    async upsertContact({ db, params, body }) {
      const org = await ensureOrg(db, params.org);
      const roles = [...new Set(['member', ...(body.roles ?? [])])];
      const [c] = await db.query(
        `INSERT INTO contacts (id, org_id, external_id, name, email, roles) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (org_id, external_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, roles = EXCLUDED.roles
         RETURNING *`,
        [newId('con'), org.id, body.externalId, body.name, body.email ?? null, roles],
      );
      return { id: c!.id, externalId: c!.external_id, name: c!.name, email: c!.email, roles: c!.roles };
    },
    async uploadFile({ db, params, body }) {
      const org = await ensureOrg(db, params.org);
      const f = await storeUpload(bindOrg(db, org.id), 'staff', body.file);
      return { id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size, checksum: f.sha256 };
    },
  },

  tickets: {
    async reply({ db, params, body, fileUrl }) {
      const [t] = await db.query('SELECT id, org_id, requester_id, number, subject FROM tickets WHERE id = $1 FOR UPDATE', [params.id]);
      if (!t) throw notFound('ticket');
      const org = bindOrg(db, t.org_id);
      const row = await addMessage(org, {
        ticketId: t.id,
        requesterId: t.requester_id,
        author: { kind: 'agent', id: agentId(body.agentName), name: body.agentName },
        body: body.body,
        bodyFormat: body.bodyFormat ?? 'text',
        attachmentIds: body.attachmentIds,
        uploader: 'staff',
        bump: true,
      });
      await notifyContacts(org, [t.requester_id], {
        kind: 'ticket_reply',
        title: `New reply on #${t.number}`,
        body: t.subject,
        link: null,
      });
      const [m] = await mapMessages(org, [row], fileUrl);
      return m!;
    },
    async update({ db, params, body }) {
      const [t] = await db.query('SELECT * FROM tickets WHERE id = $1 FOR UPDATE', [params.id]);
      if (!t) throw notFound('ticket');
      const org = bindOrg(db, t.org_id);
      const status = body.status ?? t.status;
      const priority = body.priority ?? t.priority;
      const resolved = status === 'solved' || status === 'closed';
      await org.query(
        `UPDATE tickets SET status = $2, priority = $3, priority_rank = $4, assignee_name = $5, tags = $6,
           resolved_at = CASE WHEN $7 THEN COALESCE(resolved_at, now()) ELSE NULL END, updated_at = now() WHERE id = $1`,
        [
          t.id,
          status,
          priority,
          PRIORITY_RANK[priority as keyof typeof PRIORITY_RANK],
          body.assigneeName === undefined ? t.assignee_name : body.assigneeName,
          body.tags ?? t.tags,
          resolved,
        ],
      );
      await appendEvents(org, [{ type: 'ticket.updated', kind: 'ticket', id: t.id, contactId: t.requester_id }]);
      if (status !== t.status) {
        await notifyContacts(org, [t.requester_id], {
          kind: 'ticket_status',
          title: `#${t.number} is now ${status.replace('_', ' ')}`,
          body: t.subject,
          link: null,
        });
      }
      return ticketById(org, t.id);
    },
  },

  articles: {
    async publish({ db, body }) {
      const org = body.org ? await ensureOrg(db, body.org) : null;
      let categoryId: string | null = null;
      if (body.category) {
        const [cat] = await db.query(
          `INSERT INTO article_categories (id, slug, name) VALUES ($1,$2,$3)
           ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [newId('cat'), body.category.slug, body.category.name],
        );
        categoryId = cat!.id;
      }
      const [a] = await db.query(
        `INSERT INTO articles (id, org_id, slug, title, summary, body, body_format, category_id, tags, lang, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,now(),now())
         ON CONFLICT ((coalesce(org_id, '')), slug) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary,
           body = EXCLUDED.body, body_format = EXCLUDED.body_format, category_id = EXCLUDED.category_id, tags = EXCLUDED.tags,
           lang = EXCLUDED.lang, updated_at = now()
         RETURNING id`,
        [
          newId('art'),
          org?.id ?? null,
          body.slug,
          body.title,
          body.summary,
          body.body,
          body.bodyFormat,
          categoryId,
          body.tags ?? [],
          body.lang ?? 'en',
        ],
      );
      const orgs = org ? [org.id] : (await db.query('SELECT id FROM organizations')).map((r) => r.id as string);
      for (const o of orgs) await appendEvents(bindOrg(db, o), [{ type: 'article.updated', kind: 'article', id: a!.id }]);
      return articleById(db, a!.id);
    },
  },

  invoices: {
    async issue({ svc, db: raw, body, fileUrl }) {
      const db = bindOrg(raw, (await ensureOrg(raw, body.org)).id);
      const lines = body.lines.map((l, i) => ({ ...l, position: i + 1, amount: Math.round(l.quantity * l.unitAmount) }));
      const subtotal = lines.reduce((s, l) => s + l.amount, 0);
      const tax = body.tax ?? 0;
      const total = subtotal + tax;
      // Each value fits; their products and sums may not (a 500 from the bigint columns, or rounding).
      if (![...lines.map((l) => l.amount), subtotal, total].every(Number.isSafeInteger))
        throw validationFailed([{ path: 'lines', message: 'the amounts add up to more than can be represented exactly' }]);
      const status = body.status ?? 'open';
      const amountPaid = body.amountPaid ?? (status === 'paid' ? total : 0);
      const issuedAt = body.issuedAt ? new Date(body.issuedAt) : new Date();
      const pdf = simplePdf(
        [
          `Invoice ${body.number}`,
          `Issued ${issuedAt.toISOString().slice(0, 10)}${body.dueAt ? `, due ${body.dueAt.slice(0, 10)}` : ''}`,
          '',
          ...lines.map((l) => `${l.description}  x${l.quantity}  ${money(l.amount, body.currency)}`),
          '',
          `Subtotal ${money(subtotal, body.currency)}`,
          `Tax ${money(tax, body.currency)}`,
          `Total ${money(total, body.currency)}`,
        ],
        `Invoice ${body.number}`,
      );
      const file = await insertFile(svc, db, 'staff', `invoice-${body.number}.pdf`.replace(/[^\w.-]/g, '_'), 'application/pdf', pdf);
      const id = newId('inv');
      await db.query(
        `INSERT INTO invoices (id, number, status, currency, subtotal, tax, total, amount_paid, issued_at, due_at, paid_at, pdf_file_id, pay_url)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [
          id,
          body.number,
          status,
          body.currency,
          subtotal,
          tax,
          total,
          amountPaid,
          issuedAt,
          body.dueAt ?? null,
          status === 'paid' ? issuedAt : null,
          file.id,
          body.payUrl ?? null,
        ],
      );
      for (const l of lines) {
        await db.query(
          'INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_amount, amount) VALUES ($1,$2,$3,$4,$5,$6,$7)',
          [newId('inl'), id, l.position, l.description, l.quantity, l.unitAmount, l.amount],
        );
      }
      await appendEvents(db, [{ type: 'invoice.updated', kind: 'invoice', id, adminOnly: true }]);
      if (status !== 'draft') {
        const admins = await db.query("SELECT id FROM contacts WHERE 'admin' = ANY(roles)");
        await notifyContacts(
          db,
          admins.map((a) => a.id),
          { kind: 'invoice_issued', title: `Invoice ${body.number}`, body: `${money(total, body.currency)} due`, link: null },
        );
      }
      return invoiceWithLines(db, id, fileUrl, true);
    },
    async update({ db: raw, params, body, fileUrl }) {
      const [inv] = await raw.query('SELECT * FROM invoices WHERE id = $1 FOR UPDATE', [params.id]);
      if (!inv) throw notFound('invoice');
      const db = bindOrg(raw, inv.org_id);
      const status = body.status ?? inv.status;
      const amountPaid = body.amountPaid ?? (status === 'paid' ? Number(inv.total) : Number(inv.amount_paid));
      await db.query(
        `UPDATE invoices SET status = $2, amount_paid = $3, paid_at = CASE WHEN $2 = 'paid' THEN COALESCE(paid_at, now()) ELSE NULL END WHERE id = $1`,
        [inv.id, status, amountPaid],
      );
      await appendEvents(db, [{ type: 'invoice.updated', kind: 'invoice', id: inv.id, adminOnly: true }]);
      return invoiceWithLines(db, inv.id, fileUrl, true);
    },
  },

  projects: {
    async create({ db: raw, body }) {
      const db = bindOrg(raw, (await ensureOrg(raw, body.org)).id);
      const id = newId('prj');
      await db.query('INSERT INTO projects (id, name, description, status, created_at, updated_at) VALUES ($1,$2,$3,$4,now(),now())', [
        id,
        body.name,
        body.description ?? '',
        body.status ?? 'active',
      ]);
      let pos = 0;
      for (const m of body.milestones ?? []) {
        await db.query(
          `INSERT INTO milestones (id, project_id, position, title, due_on, status, completed_at)
           VALUES ($1,$2,$3,$4,$5::date,$6, CASE WHEN $6 = 'done' THEN now() END)`,
          [newId('mil'), id, ++pos, m.title, m.dueOn ?? null, m.status ?? 'planned'],
        );
      }
      return projectById(db, id);
    },
    async addMilestone({ db: raw, params, body }) {
      const [p] = await raw.query('SELECT id, org_id FROM projects WHERE id = $1 FOR UPDATE', [params.id]);
      if (!p) throw notFound('project');
      const db = bindOrg(raw, p.org_id);
      await db.query(
        `INSERT INTO milestones (id, project_id, position, title, due_on, status, completed_at)
         VALUES ($1,$2,(SELECT COALESCE(max(position), 0) + 1 FROM milestones WHERE project_id = $2),$3,$4::date,$5, CASE WHEN $5 = 'done' THEN now() END)`,
        [newId('mil'), p.id, body.title, body.dueOn ?? null, body.status ?? 'planned'],
      );
      await db.query('UPDATE projects SET updated_at = now() WHERE id = $1', [p.id]);
      return projectById(db, p.id);
    },
  },

  deliverables: {
    async create({ db: raw, params, body, fileUrl }) {
      const [p] = await raw.query('SELECT id, org_id FROM projects WHERE id = $1', [params.projectId]);
      if (!p) throw notFound('project');
      const db = bindOrg(raw, p.org_id);
      const id = newId('dlv');
      await db.query(
        'INSERT INTO deliverables (id, project_id, title, description, created_at, updated_at) VALUES ($1,$2,$3,$4,now(),now())',
        [id, p.id, body.title, body.description ?? ''],
      );
      const by = body.uploadedBy ?? 'Studio';
      await addVersion(db, id, body.file, { id: agentId(by), name: by });
      return deliverableById(db, id, fileUrl);
    },
    async uploadVersion({ db: raw, params, body, fileUrl }) {
      const [d] = await raw.query('SELECT id, org_id FROM deliverables WHERE id = $1 FOR UPDATE', [params.id]);
      if (!d) throw notFound('deliverable');
      const db = bindOrg(raw, d.org_id);
      const by = body.uploadedBy ?? 'Studio';
      await addVersion(db, d.id, body.file, { id: agentId(by), name: by });
      return deliverableById(db, d.id, fileUrl);
    },
  },

  notifications: {
    async post({ db: raw, body }) {
      const db = bindOrg(raw, (await ensureOrg(raw, body.org)).id);
      let ids: string[];
      if (body.contact) {
        const [c] = await db.query('SELECT id FROM contacts WHERE external_id = $1', [body.contact]);
        if (!c) throw notFound('contact');
        ids = [c.id];
      } else {
        // Not the guests of private client links: they read no notifications.
        ids = (await db.query("SELECT id FROM contacts WHERE NOT 'guest' = ANY(roles) ORDER BY id")).map((r) => r.id);
      }
      const created = await notifyContacts(db, ids, {
        kind: body.kind,
        title: body.title,
        body: body.body,
        link: body.link ?? null,
      });
      return { created };
    },
  },
  contacts: staffContacts,
  messages: staffMessages,
  billing: billingStaff,
  accessLinks: staffAccessLinks,
  externalAccounts: externalAccountsStaff,
  documentRequests: staffDocumentRequests,
};
