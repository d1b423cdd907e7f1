/**
 * The Stripe billing provider (docs/connectors.md, "Stripe"): invoices, invoice detail, payment
 * methods, the subscription and usage of the organization's mapped Stripe customer, read with the
 * official client and cached per organization (keys `invoices…`, `payment_methods`,
 * `subscription`, `usage`; the webhook drops them). Adding or updating a card and changing or
 * cancelling the plan happen on Stripe's billing portal: a session URL made per click.
 *
 * Invoices: Stripe lists newest first only, so the organization's non-draft invoices are read
 * once (every page: `has_more` / `starting_after`, up to MAX_INVOICES) and filtered, sorted,
 * totalled and paged here; the cache keeps that read for the TTL.
 */
import type { InvoiceListQuery, InvoiceSummary, PaymentMethod, PaymentMethods, UsageMeter } from '@portico/contract';
import type Stripe from 'stripe';
import type { BillingCapabilities, BillingCtx, BillingProvider } from '../../billing/provider.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { externalIdOf } from '../accounts.js';
import type { ConnectorShared } from '../index.js';
import { call } from './client.js';
import { idOf, mapDetail, mapInvoice, mapLine, mapPaymentMethod, mapSubscription, methodLabel, ts } from './map.js';

/** Most invoices read per organization (newest first); older ones are not listed. */
export const MAX_INVOICES = 1000;

const CAPS: BillingCapabilities = { removePaymentMethod: false, setDefaultPaymentMethod: true, autoPay: false, hostedSessions: true };
const METHOD_CAPS = { remove: false, setDefault: true, autoPay: false, hostedSessions: true };

type Dir = 1 | -1;
const SORT_KEYS: Record<string, (i: InvoiceSummary) => string | number> = {
  issued_at: (i) => i.issuedAt,
  due_at: (i) => i.dueAt ?? '9999',
  total: (i) => `${i.currency}${String(i.total + 2 ** 52).padStart(17, '0')}`,
};

const cursorOf = (n: number) => Buffer.from(`o:${n}`).toString('base64url');
const offsetOf = (c: string | undefined): number => {
  if (!c) return 0;
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(c, 'base64url').toString());
  if (!m) throw validationFailed([{ path: 'cursor', message: 'not a cursor of this list' }]);
  return Number(m[1]);
};

export function stripeBilling(stripe: Stripe, shared: ConnectorShared): BillingProvider {
  const { cache } = shared;
  const opts = shared.backoff('Stripe');
  const run = <T>(fn: () => Promise<T>) => call(opts, fn);
  const customerOf = (ctx: BillingCtx) => externalIdOf(ctx.db, 'stripe', 'customer');

  /** Every non-draft invoice of the customer, newest first (all pages). */
  const allInvoices = (ctx: BillingCtx, customer: string) =>
    cache.get(ctx.db.orgId, 'invoices:all', async () => {
      const out: Stripe.Invoice[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await run(() => stripe.invoices.list({ customer, limit: 100, ...(after ? { starting_after: after } : {}) }));
        out.push(...page.data.filter((i) => i.status !== 'draft'));
        const last = page.data.at(-1);
        if (!page.has_more || !last || out.length >= MAX_INVOICES) break;
        after = last.id;
      }
      return out;
    });

  const filtered = async (ctx: BillingCtx, query: { status?: string; overdue?: string }) => {
    const customer = await customerOf(ctx);
    if (!customer) return [];
    const now = Date.now();
    return (await allInvoices(ctx, customer))
      .map((i) => mapInvoice(i, now))
      .filter((i) => (!query.status || i.status === query.status) && (!query.overdue || String(i.overdue) === query.overdue));
  };

  /** One invoice of this customer (never a draft, never another customer's), with the detail's expansions. */
  const invoiceOf = (ctx: BillingCtx, id: string) =>
    cache.get(ctx.db.orgId, `invoices:one:${id}`, async () => {
      const customer = await customerOf(ctx);
      if (!customer || !/^in_[A-Za-z0-9]+$/.test(id)) throw notFound('invoice');
      const inv = await run(() => stripe.invoices.retrieve(id, { expand: ['customer', 'payments.data.payment.payment_intent'] }));
      if (idOf(inv.customer as string) !== customer || inv.status === 'draft') throw notFound('invoice');
      const lines = [...inv.lines.data];
      let more = inv.lines.has_more;
      while (more && lines.length < 1000) {
        const page = await run(() => stripe.invoices.listLineItems(id, { limit: 100, starting_after: lines.at(-1)!.id }));
        lines.push(...page.data);
        more = page.has_more;
      }
      return { inv, lines };
    });

  const methods = (ctx: BillingCtx, customer: string) =>
    cache.get(ctx.db.orgId, 'payment_methods', async () => {
      const cus = await run(() => stripe.customers.retrieve(customer));
      if ('deleted' in cus && cus.deleted) return { data: [] as PaymentMethod[], deleted: true };
      const defaultId = idOf(cus.invoice_settings?.default_payment_method as string | null);
      const list: Stripe.PaymentMethod[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await run(() =>
          stripe.customers.listPaymentMethods(customer, { limit: 100, ...(after ? { starting_after: after } : {}) }),
        );
        list.push(...page.data);
        if (!page.has_more || !page.data.length || list.length >= 500) break;
        after = page.data.at(-1)!.id;
      }
      const now = new Date();
      const data = list.map((pm) => mapPaymentMethod(pm, defaultId, now)).filter((m): m is PaymentMethod => m !== null);
      data.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
      return { data, deleted: false };
    });

  const listMethods = async (ctx: BillingCtx): Promise<PaymentMethods> => {
    const customer = await customerOf(ctx);
    const data = customer ? (await methods(ctx, customer)).data : [];
    return { data, autoPay: false, capabilities: METHOD_CAPS };
  };

  /** The customer's current subscription (the newest live one, else the newest), expanded. */
  const subscription = (ctx: BillingCtx, customer: string) =>
    cache.get(ctx.db.orgId, 'subscription', async () => {
      const list = await run(() => stripe.subscriptions.list({ customer, status: 'all', limit: 20 }));
      const live = ['active', 'trialing', 'past_due', 'unpaid', 'paused', 'incomplete'];
      const pick = list.data.find((s) => live.includes(s.status)) ?? list.data[0];
      if (!pick) return null;
      const sub = await run(() =>
        stripe.subscriptions.retrieve(pick.id, { expand: ['items.data.price.product', 'schedule.phases.items.price'] }),
      );
      // The scheduled phase's price names its product by id only (expansion depth): read those names.
      const names = new Map<string, string>();
      const schedule = typeof sub.schedule === 'object' ? sub.schedule : null;
      for (const phase of schedule?.phases ?? []) {
        for (const it of phase.items) {
          const pid = typeof it.price === 'object' && 'product' in it.price ? idOf(it.price.product as string) : null;
          if (pid && !names.has(pid)) {
            const p = await run(() => stripe.products.retrieve(pid));
            if (!('deleted' in p && p.deleted)) names.set(pid, p.name);
          }
        }
      }
      return mapSubscription(sub, names);
    });

  return {
    name: 'stripe',
    capabilities: CAPS,
    invoices: {
      async list(ctx, query: InvoiceListQuery) {
        const rows = await filtered(ctx, query);
        const [name, dir] = (query.sort ?? '-issued_at').startsWith('-')
          ? [(query.sort ?? '-issued_at').slice(1), -1 as Dir]
          : [query.sort as string, 1 as Dir];
        const key = SORT_KEYS[name] ?? SORT_KEYS.issued_at!;
        rows.sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * dir;
        });
        const limit = Number(query.limit ?? 20);
        const from = offsetOf(query.cursor);
        const data = rows.slice(from, from + limit);
        return { data, nextCursor: from + limit < rows.length ? cursorOf(from + limit) : null };
      },
      async totals(ctx, query) {
        const by = new Map<string, { currency: string; count: number; total: number; amountDue: number }>();
        for (const i of await filtered(ctx, query)) {
          const t = by.get(i.currency) ?? { currency: i.currency, count: 0, total: 0, amountDue: 0 };
          t.count++;
          t.total += i.total;
          t.amountDue += i.amountDue;
          by.set(i.currency, t);
        }
        return { data: [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
      },
      async get(ctx, id) {
        const { inv, lines } = await invoiceOf(ctx, id);
        const cur = inv.currency;
        return {
          ...mapInvoice(inv),
          lines: lines.map((l) => {
            const d = mapLine(l, cur);
            return { id: d.id, description: d.description, quantity: d.quantity, unitAmount: d.unitAmount, amount: d.amount };
          }),
        };
      },
      async detail(ctx, id) {
        const { inv, lines } = await invoiceOf(ctx, id);
        const notes = await cache.get(ctx.db.orgId, `invoices:credit_notes:${id}`, () =>
          run(() => stripe.creditNotes.list({ invoice: id, limit: 100 })),
        );
        const customer = await customerOf(ctx);
        const pms = customer ? (await methods(ctx, customer)).data : [];
        const label = (pm: string | null) => {
          const m = pm ? pms.find((x) => x.id === pm) : undefined;
          return m ? methodLabel(m) : null;
        };
        // Refunds of the invoice's payments (each paid payment intent's).
        const intents = (inv.payments?.data ?? [])
          .filter((p) => p.status === 'paid')
          .map((p) => idOf(p.payment?.payment_intent as string | { id: string } | null))
          .filter((x): x is string => x !== null);
        const refunds = await cache.get(ctx.db.orgId, `invoices:refunds:${id}`, async () => {
          const out: Stripe.Refund[] = [];
          for (const pi of intents) out.push(...(await run(() => stripe.refunds.list({ payment_intent: pi, limit: 100 }))).data);
          return out;
        });
        return mapDetail(inv, lines, notes.data, label, refunds);
      },
    },
    paymentMethods: {
      list: listMethods,
      async remove() {
        throw conflict('conflict', 'Payment methods are removed on Stripe’s billing page (POST /billing/sessions).');
      },
      async setDefault(ctx, id) {
        const customer = await customerOf(ctx);
        if (!customer) throw notFound('payment method');
        const target = (await methods(ctx, customer)).data.find((m) => m.id === id);
        if (!target) throw notFound('payment method');
        if (target.expired) throw conflict('conflict', 'An expired card cannot be the default payment method.');
        await run(() => stripe.customers.update(customer, { invoice_settings: { default_payment_method: id } }));
        await cache.publish(ctx.db, ctx.db.orgId, ['payment_methods']);
        return listMethods(ctx);
      },
      async setAutoPay() {
        throw conflict('conflict', 'Auto-pay is a setting of the Stripe subscription (its collection method), not of the portal.');
      },
    },
    subscription: {
      async get(ctx) {
        const customer = await customerOf(ctx);
        return { subscription: customer ? await subscription(ctx, customer) : null, capabilities: { hostedSessions: true } };
      },
    },
    usage: {
      async get(ctx) {
        const now = new Date();
        const customer = await customerOf(ctx);
        if (!customer) return { data: [], asOf: now.toISOString() };
        const data = await cache.get(ctx.db.orgId, 'usage', async () => {
          const sub = await subscription(ctx, customer);
          const start = sub ? new Date(sub.currentPeriodStart) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
          const end = sub ? new Date(sub.currentPeriodEnd) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
          // Summaries by day need day-aligned bounds (UTC midnight).
          const day = 86_400;
          const from = Math.floor(start.getTime() / 1000 / day) * day;
          const to = Math.ceil(Math.min(end.getTime(), now.getTime() + 1000) / 1000 / day) * day;
          const meters = await run(() => stripe.billing.meters.list({ status: 'active', limit: 100 }));
          const out: UsageMeter[] = [];
          for (const meter of meters.data) {
            const sums = await run(() =>
              stripe.billing.meters.listEventSummaries(meter.id, {
                customer,
                start_time: from,
                end_time: to,
                value_grouping_window: 'day',
                limit: 100,
              }),
            );
            let used = 0;
            const series = [...sums.data]
              .sort((a, b) => a.start_time - b.start_time)
              .map((s) => {
                used += s.aggregated_value;
                return { at: ts(Math.min(s.end_time, Math.floor(now.getTime() / 1000)))!, used };
              });
            out.push({
              id: meter.id,
              key: meter.event_name,
              name: meter.display_name,
              unit: 'count',
              unitLabel: meter.display_name,
              used,
              limit: null,
              softLimit: true,
              warningThreshold: 0.8,
              resetInterval: sub?.plan.interval ?? 'month',
              periodStart: start.toISOString(),
              periodEnd: end.toISOString(),
              series,
            });
          }
          return out;
        });
        return { data, asOf: now.toISOString() };
      },
    },
    sessions: {
      async create(ctx, input) {
        const customer = await customerOf(ctx);
        if (!customer)
          throw conflict('conflict', 'This organization has no Stripe customer yet: the host application handles this action.');
        let flow: Stripe.BillingPortal.SessionCreateParams.FlowData | undefined;
        if (input.purpose === 'payment_method.add' || input.purpose === 'payment_method.update') {
          if (input.methodId && !(await methods(ctx, customer)).data.some((m) => m.id === input.methodId)) throw notFound('payment method');
          flow = { type: 'payment_method_update' };
        } else {
          const sub = await subscription(ctx, customer);
          if (!sub) throw conflict('conflict', 'There is no subscription to change.');
          flow =
            input.purpose === 'subscription.cancel'
              ? { type: 'subscription_cancel', subscription_cancel: { subscription: sub.id } }
              : { type: 'subscription_update', subscription_update: { subscription: sub.id } };
        }
        // Made per click, never cached: a portal session is single-use and short-lived.
        const s = await run(() =>
          stripe.billingPortal.sessions.create({ customer, flow_data: flow, ...(input.returnUrl ? { return_url: input.returnUrl } : {}) }),
        );
        return { url: s.url, expiresAt: new Date(Date.now() + 5 * 60_000).toISOString() };
      },
    },
  };
}
