/**
 * The staff API's `billing` group: a company's billing system writes invoices in full, what was
 * applied to them, payment methods, auto-pay, the subscription and usage into the database
 * provider's tables. Acts as the server's own role and binds each write to the organization
 * (`bindOrg`), like the rest of the staff API; every change appends a live event.
 */
import { simplePdf } from '../assets.js';
import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg, type OrgDb } from '../db/tenant.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';
import { newId } from '../ids.js';
import { insertFile } from '../routes/files.js';
import { invoiceDetail, mapPaymentMethod, mapSubscription, usageOf } from './database.js';

/** The organization's bound handle, the organization created on first sight (routes/staff.ts imports this module: loaded late). */
const orgDb = async (raw: Queryable, externalId: string) => {
  const { ensureOrg } = await import('../routes/staff.js');
  return bindOrg(raw, (await ensureOrg(raw, externalId)).id);
};
/**
 * A timestamp as the database should store it: through Date, which keeps milliseconds, so that
 * timestamptz(3) stores it exactly (PostgreSQL would round "9999-12-31T23:59:59.9999Z" into year 10000).
 */
const ts = (s: string | null | undefined) => (s == null ? null : new Date(s));
const money = (n: number, cur: string) => `${(n / 100).toFixed(2)} ${cur}`;
const event = (db: OrgDb, type: 'payment_method' | 'subscription' | 'usage', id: string) =>
  appendEvents(db, [{ type: `${type}.updated`, kind: type, id, adminOnly: true }]);

export const billingStaff: StaffHandlers['billing'] = {
  async issueInvoice({ svc, db: raw, body, fileUrl }) {
    const db = await orgDb(raw, body.org);
    const lines = body.lines.map((l, i) => {
      const gross = Math.round(l.quantity * l.unitAmount);
      const amount = gross - (l.discountAmount ?? 0);
      const taxAmount = l.taxRate ? Math.round((amount * l.taxRate) / 100) : 0;
      return { ...l, position: i + 1, amount, taxAmount };
    });
    const subtotal = lines.reduce((s, l) => s + l.amount, 0);
    const discount = body.discount ?? 0;
    const tax = lines.reduce((s, l) => s + l.taxAmount, 0);
    const total = subtotal - discount + tax;
    if (![...lines.map((l) => l.amount), subtotal, tax, total].every(Number.isSafeInteger))
      throw validationFailed([{ path: 'lines', message: 'the amounts add up to more than can be represented exactly' }]);
    const [dup] = await db.query('SELECT id FROM invoices WHERE number = $1', [body.number]);
    if (dup) throw conflict('conflict', `Invoice ${body.number} exists already.`);
    const status = body.status ?? 'open';
    const issuedAt = body.issuedAt ? new Date(body.issuedAt) : new Date();
    const pdf = simplePdf(
      [
        `Invoice ${body.number}`,
        body.customer?.name ?? '',
        `Issued ${issuedAt.toISOString().slice(0, 10)}${body.dueAt ? `, due ${body.dueAt.slice(0, 10)}` : ''}`,
        '',
        ...lines.map((l) => `${l.description}  x${l.quantity}  ${money(l.amount, body.currency)}`),
        '',
        `Subtotal ${money(subtotal, body.currency)}`,
        ...(discount ? [`Discount -${money(discount, body.currency)}`] : []),
        `Tax ${money(tax, body.currency)}`,
        `Total ${money(total, body.currency)}`,
      ],
      `Invoice ${body.number}`,
    );
    const file = await insertFile(svc, db, 'staff', `invoice-${body.number}.pdf`.replace(/[^\w.-]/g, '_'), 'application/pdf', pdf);
    const id = newId('inv');
    const c = body.customer;
    await db.query(
      `INSERT INTO invoices (id, number, status, currency, subtotal, tax, total, amount_paid, issued_at, due_at, paid_at, pdf_file_id,
         pay_url, customer_name, customer_email, customer_address, customer_tax_id, discount, memo)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
      [
        id,
        body.number,
        status,
        body.currency,
        subtotal,
        tax,
        total,
        status === 'paid' ? total : 0,
        issuedAt,
        ts(body.dueAt),
        status === 'paid' ? issuedAt : null,
        file.id,
        body.payUrl ?? null,
        c?.name ?? null,
        c?.email ?? null,
        c?.address ?? null,
        c?.taxId ?? null,
        discount,
        body.memo ?? null,
      ],
    );
    for (const l of lines) {
      await db.query(
        `INSERT INTO invoice_lines (id, invoice_id, position, description, quantity, unit_amount, amount, discount_amount, tax_rate,
           tax_amount, period_start, period_end) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [
          newId('inl'),
          id,
          l.position,
          l.description,
          l.quantity,
          l.unitAmount,
          l.amount,
          l.discountAmount ?? 0,
          l.taxRate ?? null,
          l.taxAmount,
          ts(l.periodStart),
          ts(l.periodEnd),
        ],
      );
    }
    await appendEvents(db, [{ type: 'invoice.updated', kind: 'invoice', id, adminOnly: true }]);
    return invoiceDetail({ db, fileUrl }, id, true);
  },

  async applyToInvoice({ db: raw, params, body, fileUrl }) {
    const [inv] = await raw.query('SELECT id, org_id, status, total, amount_paid FROM invoices WHERE id = $1 FOR UPDATE', [params.id]);
    if (!inv) throw notFound('invoice');
    const db = bindOrg(raw, inv.org_id);
    const paid = Number(inv.amount_paid);
    if (body.kind === 'refund' && body.amount > paid)
      throw conflict('conflict', 'A refund cannot be more than what was paid on the invoice.');
    const settled = body.kind === 'refund' ? paid - body.amount : paid + body.amount;
    if (!Number.isSafeInteger(settled)) throw validationFailed([{ path: 'amount', message: 'too large' }]);
    await db.query(
      'INSERT INTO invoice_applications (id, invoice_id, kind, number, amount, description, applied_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [newId('iap'), inv.id, body.kind, body.number ?? null, body.amount, body.description ?? null, ts(body.appliedAt) ?? new Date()],
    );
    // Fully settled open invoices become paid.
    const status = inv.status === 'open' && settled >= Number(inv.total) ? 'paid' : inv.status;
    await db.query(
      `UPDATE invoices SET amount_paid = $2, status = $3, paid_at = CASE WHEN $3 = 'paid' THEN COALESCE(paid_at, now()) ELSE paid_at END WHERE id = $1`,
      [inv.id, settled, status],
    );
    await appendEvents(db, [{ type: 'invoice.updated', kind: 'invoice', id: inv.id, adminOnly: true }]);
    return invoiceDetail({ db, fileUrl }, inv.id, true);
  },

  async upsertPaymentMethod({ db: raw, params, body }) {
    const db = await orgDb(raw, params.org);
    if (body.kind === 'card' && (body.expMonth == null || body.expYear == null))
      throw validationFailed([{ path: 'exp_month', message: 'a card needs exp_month and exp_year' }]);
    if (body.isDefault)
      await db.query('UPDATE payment_methods SET is_default = false WHERE is_default AND external_id <> $1', [params.externalId]);
    const [row] = await db.query(
      `INSERT INTO payment_methods (id, external_id, kind, brand, last4, exp_month, exp_year, holder_name, is_default)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (org_id, external_id) DO UPDATE SET kind = EXCLUDED.kind, brand = EXCLUDED.brand, last4 = EXCLUDED.last4,
         exp_month = EXCLUDED.exp_month, exp_year = EXCLUDED.exp_year, holder_name = EXCLUDED.holder_name,
         is_default = COALESCE($10, payment_methods.is_default)
       RETURNING *`,
      [
        newId('pm'),
        params.externalId,
        body.kind,
        body.brand,
        body.last4,
        body.kind === 'card' ? body.expMonth : null,
        body.kind === 'card' ? body.expYear : null,
        body.holderName ?? null,
        body.isDefault ?? false,
        body.isDefault ?? null,
      ],
    );
    await event(db, 'payment_method', row!.id);
    return mapPaymentMethod(row!);
  },

  async deletePaymentMethod({ db: raw, params }) {
    const db = await orgDb(raw, params.org);
    const rows = await db.query('DELETE FROM payment_methods WHERE external_id = $1 RETURNING id', [params.externalId]);
    if (rows[0]) await event(db, 'payment_method', rows[0].id);
    return { deleted: rows.length > 0 };
  },

  async setAccount({ db: raw, params, body }) {
    const db = await orgDb(raw, params.org);
    await db.query('INSERT INTO billing_accounts (auto_pay) VALUES ($1) ON CONFLICT (org_id) DO UPDATE SET auto_pay = EXCLUDED.auto_pay', [
      body.autoPay,
    ]);
    await event(db, 'payment_method', db.orgId);
    return { autoPay: body.autoPay };
  },

  async setSubscription({ db: raw, params, body }) {
    const db = await orgDb(raw, params.org);
    if (Date.parse(body.currentPeriodEnd) <= Date.parse(body.currentPeriodStart))
      throw validationFailed([{ path: 'current_period_end', message: 'must be after current_period_start' }]);
    const [row] = await db.query(
      `INSERT INTO subscriptions (id, status, plan, quantity, current_period_start, current_period_end, trial_end, cancel_at, canceled_at,
         scheduled_change, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, now())
       ON CONFLICT (org_id) DO UPDATE SET status = EXCLUDED.status, plan = EXCLUDED.plan, quantity = EXCLUDED.quantity,
         current_period_start = EXCLUDED.current_period_start, current_period_end = EXCLUDED.current_period_end,
         trial_end = EXCLUDED.trial_end, cancel_at = EXCLUDED.cancel_at, canceled_at = EXCLUDED.canceled_at,
         scheduled_change = EXCLUDED.scheduled_change, updated_at = now()
       RETURNING *`,
      [
        newId('sub'),
        body.status,
        JSON.stringify(body.plan),
        body.quantity,
        ts(body.currentPeriodStart),
        ts(body.currentPeriodEnd),
        ts(body.trialEnd),
        ts(body.cancelAt),
        ts(body.canceledAt),
        body.scheduledChange ? JSON.stringify(body.scheduledChange) : null,
      ],
    );
    await event(db, 'subscription', row!.id);
    return mapSubscription(row!);
  },

  async upsertMeter({ db: raw, params, body }) {
    const db = await orgDb(raw, params.org);
    if (Date.parse(body.periodEnd) <= Date.parse(body.periodStart))
      throw validationFailed([{ path: 'period_end', message: 'must be after period_start' }]);
    const [row] = await db.query(
      `INSERT INTO usage_meters (id, key, name, unit, unit_label, usage_limit, soft_limit, warning_threshold, reset_interval, period_start,
         period_end, position) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
       ON CONFLICT (org_id, key) DO UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit, unit_label = EXCLUDED.unit_label,
         usage_limit = EXCLUDED.usage_limit, soft_limit = EXCLUDED.soft_limit, warning_threshold = EXCLUDED.warning_threshold,
         reset_interval = EXCLUDED.reset_interval, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
         position = EXCLUDED.position
       RETURNING id`,
      [
        newId('mtr'),
        params.key,
        body.name,
        body.unit,
        body.unitLabel ?? null,
        body.limit ?? null,
        body.softLimit ?? false,
        body.warningThreshold ?? 0.8,
        body.resetInterval,
        ts(body.periodStart),
        ts(body.periodEnd),
        body.position ?? 0,
      ],
    );
    await event(db, 'usage', row!.id);
    return meterOf(db, row!.id);
  },

  async recordUsage({ db: raw, params, body }) {
    const db = await orgDb(raw, params.org);
    const [m] = await db.query('SELECT id FROM usage_meters WHERE key = $1', [params.key]);
    if (!m) throw notFound('meter');
    const rows = body.records.map((r) => [newId('use'), m.id, ts(r.at), r.quantity]);
    await db.query(
      `INSERT INTO usage_records (id, meter_id, at, quantity) VALUES ${rows.map((_, i) => `($${i * 4 + 1},$${i * 4 + 2},$${i * 4 + 3},$${i * 4 + 4})`).join(',')}`,
      rows.flat(),
    );
    await event(db, 'usage', m.id);
    return meterOf(db, m.id);
  },
};

async function meterOf(db: OrgDb, id: string) {
  const { data } = await usageOf({ db, fileUrl: () => '' }, new Date(), id);
  return data[0]!;
}
