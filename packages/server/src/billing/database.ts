/**
 * The default billing provider: Portico's own tables (migrations/040_billing.sql), filled by the
 * staff API (staff.ts) from the company's billing system. Every statement runs through the
 * caller's organization-bound handle. Hosted sessions only when PORTICO_BILLING_PORTAL_URL names
 * the company's billing page.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { InvoiceDetail, PaymentMethod, PaymentMethods, Subscription, UsageMeter } from '@portico/contract';
import type { Config } from '../config.js';
import type { Row } from '../db/db.js';
import { conflict, notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { iso, isoReq } from '../ids.js';
import { num } from '../routes/common.js';
import { INVOICE_SELECT, invoices as invoiceRoutes, mapInvoice } from '../routes/invoices.js';
import type { BillingCapabilities, BillingCtx, BillingProvider } from './provider.js';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * The invoice with customer, lines, discounts, tax and what was applied to it. A draft only for
 * the staff API (`drafts`): the portal never sees one (found by the provider suite).
 */
export async function invoiceDetail(ctx: BillingCtx, id: string, drafts = false): Promise<InvoiceDetail> {
  const { db } = ctx;
  const [[row], lines, apps, [org]] = await Promise.all([
    db.query(`${INVOICE_SELECT} WHERE i.id = $1${drafts ? '' : " AND i.status <> 'draft'"}`, [id]),
    db.query('SELECT * FROM invoice_lines WHERE invoice_id = $1 ORDER BY position, id', [id]),
    db.query('SELECT * FROM invoice_applications WHERE invoice_id = $1 ORDER BY applied_at, id', [id]),
    db.query('SELECT name FROM organizations'),
  ]);
  if (!row) throw notFound('invoice');
  const base = mapInvoice(row, ctx.fileUrl);
  const sum = (kind: string) => apps.filter((a) => a.kind === kind).reduce((s, a) => s + num(a.amount), 0);
  const credited = sum('credit_note');
  const refunded = sum('refund');
  return {
    id: base.id,
    number: base.number,
    status: base.status,
    currency: base.currency,
    customer: {
      name: row.customer_name ?? org?.name ?? '',
      email: row.customer_email ?? null,
      address: row.customer_address ?? null,
      taxId: row.customer_tax_id ?? null,
    },
    lines: lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: num(l.quantity),
      unitAmount: num(l.unit_amount),
      discountAmount: num(l.discount_amount),
      taxRate: l.tax_rate == null ? null : num(l.tax_rate),
      taxAmount: num(l.tax_amount),
      amount: num(l.amount),
      periodStart: iso(l.period_start),
      periodEnd: iso(l.period_end),
    })),
    subtotal: base.subtotal,
    discount: num(row.discount),
    tax: base.tax,
    total: base.total,
    // amount_paid is what settles the invoice (payments + credit notes − refunds): gross payments are the rest.
    amountPaid: num(row.amount_paid) - credited + refunded,
    amountCredited: credited,
    amountRefunded: refunded,
    amountDue: base.amountDue,
    applications: apps.map((a) => ({
      id: a.id,
      kind: a.kind,
      number: a.number ?? null,
      amount: num(a.amount),
      description: a.description ?? null,
      appliedAt: isoReq(a.applied_at),
    })),
    issuedAt: base.issuedAt,
    dueAt: base.dueAt,
    paidAt: base.paidAt,
    overdue: base.overdue,
    pdfUrl: base.pdfUrl,
    payUrl: base.payUrl,
    memo: row.memo ?? null,
  };
}

/** Month index (year × 12 + month − 1) of a date in UTC. */
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

export function mapPaymentMethod(r: Row, now = new Date()): PaymentMethod {
  const card = r.exp_month != null && r.exp_year != null;
  const left = card ? num(r.exp_year) * 12 + num(r.exp_month) - 1 - monthIndex(now) : Number.POSITIVE_INFINITY;
  return {
    id: r.id,
    kind: r.kind,
    brand: r.brand,
    last4: r.last4,
    expMonth: r.exp_month == null ? null : num(r.exp_month),
    expYear: r.exp_year == null ? null : num(r.exp_year),
    holderName: r.holder_name ?? null,
    isDefault: Boolean(r.is_default),
    expired: left < 0,
    expiringSoon: left >= 0 && left <= 2,
  };
}

export function mapSubscription(r: Row): Subscription {
  const plan = json<Subscription['plan']>(r.plan);
  const change = json<{ plan: Subscription['plan']; quantity: number; effectiveAt: string } | null>(r.scheduled_change);
  return {
    id: r.id,
    status: r.status,
    plan,
    quantity: num(r.quantity),
    currentPeriodStart: isoReq(r.current_period_start),
    currentPeriodEnd: isoReq(r.current_period_end),
    trialEnd: iso(r.trial_end),
    cancelAt: iso(r.cancel_at),
    canceledAt: iso(r.canceled_at),
    scheduledChange: change ? { plan: change.plan, quantity: change.quantity, effectiveAt: isoReq(change.effectiveAt) } : null,
  };
}

const STEP: Record<string, (d: Date) => Date> = {
  day: (d) => new Date(d.getTime() + 86_400_000),
  month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes())),
  year: (d) => new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes())),
};

/** The meter's period that contains `now`: the stored one, rolled forward by its reset interval (at most 1000 steps). */
export function currentPeriod(start: Date, end: Date, interval: string, now: Date): [Date, Date] {
  const step = STEP[interval];
  if (!step) return [start, end];
  let [s, e] = [start, end];
  for (let i = 0; i < 1000 && e <= now; i++) [s, e] = [e, step(e)];
  return [s, e];
}

/** Meters with the running total of their current period, in buckets (an hour for daily meters, a day otherwise). */
export async function usageOf(ctx: BillingCtx, now = new Date(), only?: string): Promise<{ data: UsageMeter[]; asOf: string }> {
  const meters = only
    ? await ctx.db.query('SELECT * FROM usage_meters WHERE id = $1', [only])
    : await ctx.db.query('SELECT * FROM usage_meters ORDER BY position, key');
  const periods = new Map(
    meters.map((m) => [m.id as string, currentPeriod(new Date(m.period_start), new Date(m.period_end), m.reset_interval, now)]),
  );
  const from = Math.min(...[...periods.values()].map(([s]) => s.getTime()));
  const buckets = meters.length
    ? await ctx.db.query(
        `SELECT meter_id, date_trunc('hour', at) AS b, sum(quantity) AS q FROM usage_records
         WHERE at >= $1 AND at <= $2 AND ($3::text IS NULL OR meter_id = $3) GROUP BY 1, 2 ORDER BY 1, 2`,
        [new Date(from), now, only ?? null],
      )
    : [];
  const byMeter = new Map<string, Row[]>();
  for (const b of buckets) byMeter.set(b.meter_id, [...(byMeter.get(b.meter_id) ?? []), b]);
  const data = meters.map((m): UsageMeter => {
    const [start, end] = periods.get(m.id)!;
    const width = m.reset_interval === 'day' ? 3_600_000 : 86_400_000;
    const series: Array<{ at: string; used: number }> = [];
    let used = 0;
    let slot = -1;
    for (const b of byMeter.get(m.id) ?? []) {
      const t = new Date(b.b).getTime();
      if (t < start.getTime() || t >= end.getTime()) continue;
      used += num(b.q);
      const s = Math.floor((t - start.getTime()) / width);
      const at = new Date(Math.min(start.getTime() + (s + 1) * width, now.getTime())).toISOString();
      if (s === slot) series[series.length - 1]!.used = used;
      else series.push({ at, used });
      slot = s;
    }
    return {
      id: m.id,
      key: m.key,
      name: m.name,
      unit: m.unit,
      unitLabel: m.unit_label ?? null,
      used,
      limit: m.usage_limit == null ? null : num(m.usage_limit),
      softLimit: Boolean(m.soft_limit),
      warningThreshold: num(m.warning_threshold),
      resetInterval: m.reset_interval,
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
      series,
    };
  });
  return { data, asOf: now.toISOString() };
}

export function databaseBilling(config: Pick<Config, 'billingPortalUrl' | 'staffKey' | 'fileUrlSecret'>): BillingProvider {
  const capabilities: BillingCapabilities = {
    removePaymentMethod: true,
    setDefaultPaymentMethod: true,
    autoPay: true,
    hostedSessions: Boolean(config.billingPortalUrl),
  };
  const methodCaps = {
    remove: capabilities.removePaymentMethod,
    setDefault: capabilities.setDefaultPaymentMethod,
    autoPay: capabilities.autoPay,
    hostedSessions: capabilities.hostedSessions,
  };

  const listMethods = async ({ db }: BillingCtx): Promise<PaymentMethods> => {
    const [rows, [account]] = await Promise.all([
      db.query('SELECT * FROM payment_methods ORDER BY is_default DESC, created_at, id'),
      db.query('SELECT auto_pay FROM billing_accounts'),
    ]);
    const now = new Date();
    return { data: rows.map((r) => mapPaymentMethod(r, now)), autoPay: Boolean(account?.auto_pay), capabilities: methodCaps };
  };
  const changed = async (ctx: BillingCtx, id: string) => {
    await appendEvents(ctx.db, [{ type: 'payment_method.updated', kind: 'payment_method', id, adminOnly: true }]);
    return listMethods(ctx);
  };
  /** The organization's methods, locked, and its auto-pay (a mutation's transaction). */
  const locked = async ({ db }: BillingCtx) => {
    const rows = await db.query('SELECT * FROM payment_methods ORDER BY created_at, id FOR UPDATE');
    const [account] = await db.query('SELECT auto_pay FROM billing_accounts');
    return { rows, autoPay: Boolean(account?.auto_pay) };
  };

  return {
    name: 'database',
    capabilities,
    invoices: {
      // The invoice list's own queries (routes/invoices.ts), given the provider's context.
      list: (ctx, query) => invoiceRoutes.list({ ...ctx, query } as never),
      totals: (ctx, query) => invoiceRoutes.totals({ ...ctx, query } as never) as never,
      get: (ctx, id) => invoiceRoutes.get({ ...ctx, params: { id } } as never) as never,
      detail: (ctx, id) => invoiceDetail(ctx, id),
    },
    paymentMethods: {
      list: listMethods,
      async remove(ctx, id) {
        const { rows, autoPay } = await locked(ctx);
        const target = rows.find((r) => r.id === id);
        if (!target) throw notFound('payment method');
        if (autoPay && rows.length === 1)
          throw conflict('conflict', 'This is the only payment method and auto-pay is on: turn auto-pay off or add another method first.');
        if (autoPay && target.is_default)
          throw conflict('conflict', 'Auto-pay charges the default payment method: make another method the default first.');
        await ctx.db.query('DELETE FROM payment_methods WHERE id = $1', [id]);
        return changed(ctx, id);
      },
      async setDefault(ctx, id) {
        const { rows } = await locked(ctx);
        const target = rows.find((r) => r.id === id);
        if (!target) throw notFound('payment method');
        if (mapPaymentMethod(target).expired) throw conflict('conflict', 'An expired card cannot be the default payment method.');
        await ctx.db.query('UPDATE payment_methods SET is_default = false WHERE is_default AND id <> $1', [id]);
        await ctx.db.query('UPDATE payment_methods SET is_default = true WHERE id = $1', [id]);
        return changed(ctx, id);
      },
      async setAutoPay(ctx, enabled) {
        const { rows } = await locked(ctx);
        if (enabled) {
          const def = rows.find((r) => r.is_default);
          if (!def || mapPaymentMethod(def).expired)
            throw conflict('conflict', 'Auto-pay needs a default payment method that has not expired.');
        }
        await ctx.db.query(
          'INSERT INTO billing_accounts (auto_pay) VALUES ($1) ON CONFLICT (org_id) DO UPDATE SET auto_pay = EXCLUDED.auto_pay',
          [enabled],
        );
        return changed(ctx, ctx.db.orgId);
      },
    },
    subscription: {
      async get({ db }) {
        const [row] = await db.query('SELECT * FROM subscriptions');
        return { subscription: row ? mapSubscription(row) : null, capabilities: { hostedSessions: capabilities.hostedSessions } };
      },
    },
    usage: { get: (ctx) => usageOf(ctx) },
    sessions: {
      async create(ctx, input) {
        if (!config.billingPortalUrl)
          throw conflict('conflict', 'No billing page is configured on the server: the host application handles this action.');
        if (input.methodId) {
          const [m] = await ctx.db.query('SELECT id FROM payment_methods WHERE id = $1', [input.methodId]);
          if (!m) throw notFound('payment method');
        }
        // A link for this organization and purpose, valid 10 minutes, signed with the staff key:
        // the company's billing page (which has the key) verifies it before acting.
        const exp = Math.floor(Date.now() / 1000) + 600;
        const url = new URL(config.billingPortalUrl);
        const fields: Record<string, string> = {
          purpose: input.purpose,
          org: ctx.db.orgId,
          exp: String(exp),
          nonce: randomBytes(12).toString('base64url'),
        };
        if (input.methodId) fields.method = input.methodId;
        if (input.returnUrl) fields.return = input.returnUrl;
        const canonical = Object.keys(fields)
          .sort()
          .map((k) => `${k}=${fields[k]}`)
          .join('&');
        fields.sig = createHmac('sha256', config.staffKey ?? config.fileUrlSecret)
          .update(canonical)
          .digest('base64url');
        for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v);
        return { url: url.toString(), expiresAt: new Date(exp * 1000).toISOString() };
      },
    },
  };
}
