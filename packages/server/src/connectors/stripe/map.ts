/**
 * Stripe objects → the contract's billing shapes (pure functions; the provider fetches).
 *
 * Money: Stripe gives amounts in its own smallest unit of each currency; Portico's minor units
 * are the currency's `Intl` fraction digits (what the components divide by). They agree for most
 * currencies (USD cents, JPY yen); where Stripe keeps two decimals for a currency that has none in
 * practice (ISK) the amount is scaled. Drafts never reach the portal (filtered by the provider).
 */
import type { InvoiceDetail, InvoiceSummary, PaymentMethod, Subscription, SubscriptionPlan } from '@portico/contract';
import type Stripe from 'stripe';

/** Stripe's zero-decimal currencies (docs.stripe.com/currencies#zero-decimal). */
const STRIPE_ZERO = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
/** Three-decimal currencies (Stripe's amounts keep three digits for them). */
const STRIPE_THREE = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
const digits = new Map<string, number>();

const stripeDigits = (cur: string) => (STRIPE_ZERO.has(cur) ? 0 : STRIPE_THREE.has(cur) ? 3 : 2);
const intlDigits = (cur: string): number => {
  let d = digits.get(cur);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: cur.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digits.set(cur, d);
  }
  return d;
};

/** A Stripe amount as Portico minor units of the same currency. */
export function minor(amount: number | null | undefined, currency: string): number {
  if (amount == null) return 0;
  const cur = currency.toLowerCase();
  const shift = stripeDigits(cur) - intlDigits(cur);
  if (shift === 0) return Math.round(amount);
  return shift > 0 ? Math.round(amount / 10 ** shift) : Math.round(amount * 10 ** -shift);
}

/** Unix seconds → RFC 3339 (null stays null). */
export const ts = (s: number | null | undefined): string | null => (s == null ? null : new Date(s * 1000).toISOString());
const tsReq = (s: number | null | undefined): string => ts(s) ?? new Date(0).toISOString();

export const idOf = (v: string | { id: string } | null | undefined): string | null => (v == null ? null : typeof v === 'string' ? v : v.id);

/** What the portal may see of an invoice's status (drafts are filtered out before). */
const STATUSES = new Set(['open', 'paid', 'void', 'uncollectible']);

export function mapInvoice(inv: Stripe.Invoice, now = Date.now()): InvoiceSummary {
  const cur = inv.currency;
  const m = (n: number | null | undefined) => minor(n, cur);
  const status = (STATUSES.has(inv.status ?? '') ? inv.status : 'open') as InvoiceSummary['status'];
  const remaining = status === 'open' || status === 'uncollectible' ? m(inv.amount_remaining) : 0;
  const tax = inv.total_excluding_tax == null ? 0 : m(inv.total) - m(inv.total_excluding_tax);
  return {
    id: inv.id as string,
    number: inv.number ?? (inv.id as string),
    status,
    currency: cur.toUpperCase(),
    subtotal: m(inv.subtotal),
    tax,
    total: m(inv.total),
    amountPaid: m(inv.amount_paid),
    amountDue: remaining,
    issuedAt: tsReq(inv.status_transitions?.finalized_at ?? inv.effective_at ?? inv.created),
    dueAt: ts(inv.due_date),
    paidAt: ts(inv.status_transitions?.paid_at),
    overdue: status === 'open' && remaining > 0 && inv.due_date != null && inv.due_date * 1000 < now,
    pdfUrl: inv.invoice_pdf ?? null,
    // Stripe's hosted page pays an open invoice; for a settled one it is a receipt, not a "pay" link.
    payUrl: status === 'open' && remaining > 0 ? (inv.hosted_invoice_url ?? null) : null,
  };
}

const sum = (xs: Array<{ amount: number }> | null | undefined) => (xs ?? []).reduce((s, x) => s + x.amount, 0);

export function mapLine(l: Stripe.InvoiceLineItem, cur: string): InvoiceDetail['lines'][number] {
  const m = (n: number | null | undefined) => minor(n, cur);
  const quantity = l.quantity ?? 1;
  const unitDecimal = l.pricing?.unit_amount_decimal;
  const gross = m(l.amount);
  const unitAmount = unitDecimal != null ? m(Number(unitDecimal)) : quantity ? Math.round(gross / quantity) : gross;
  const discountAmount = m(sum(l.discount_amounts));
  const taxes = (l.taxes ?? []) as Array<{ amount: number; taxable_amount?: number | null }>;
  const taxAmount = m(sum(taxes));
  const taxable = taxes.reduce((s, t) => s + (t.taxable_amount ?? 0), 0);
  return {
    id: l.id,
    description: l.description ?? '',
    quantity,
    unitAmount,
    discountAmount,
    // Stripe gives each tax's amount and taxable amount; the rate is their quotient.
    taxRate: taxes.length && taxable > 0 ? Math.round((sum(taxes) / taxable) * 10000) / 100 : null,
    taxAmount,
    amount: gross - discountAmount,
    periodStart: ts(l.period?.start),
    periodEnd: ts(l.period?.end),
  };
}

const addressText = (a: Stripe.Address | null | undefined): string | null => {
  if (!a) return null;
  const lines = [a.line1, a.line2, [a.postal_code, a.city].filter(Boolean).join(' '), a.state, a.country].filter(
    (s) => s && String(s).trim(),
  );
  return lines.length ? lines.join('\n') : null;
};

export function mapDetail(
  inv: Stripe.Invoice,
  lines: Stripe.InvoiceLineItem[],
  creditNotes: Stripe.CreditNote[],
  methodLabel: (pmId: string | null) => string | null,
  refunds: Stripe.Refund[] = [],
  now = Date.now(),
): InvoiceDetail {
  const base = mapInvoice(inv, now);
  const cur = inv.currency;
  const m = (n: number | null | undefined) => minor(n, cur);
  const customer =
    typeof inv.customer === 'object' && inv.customer && !('deleted' in inv.customer && inv.customer.deleted) ? inv.customer : null;
  const mapped = lines.map((l) => mapLine(l, cur));
  const payments: InvoiceDetail['applications'] = (inv.payments?.data ?? [])
    .filter((p) => p.status === 'paid' && (p.amount_paid ?? 0) > 0)
    .map((p) => {
      const pi = p.payment?.payment_intent;
      const pm = typeof pi === 'object' && pi ? idOf(pi.payment_method as string | { id: string } | null) : null;
      return {
        id: p.id,
        kind: 'payment' as const,
        number: null,
        amount: m(p.amount_paid),
        description: methodLabel(pm),
        appliedAt: tsReq(p.status_transitions?.paid_at ?? p.created),
      };
    });
  const credits = creditNotes
    .filter((c) => c.status !== 'void')
    .map((c) => ({
      id: c.id,
      kind: 'credit_note' as const,
      number: c.number ?? null,
      amount: m(c.total),
      description: c.memo ?? null,
      appliedAt: tsReq(c.effective_at ?? c.created),
    }));
  const credited = credits.reduce((s, c) => s + c.amount, 0);
  const refunded = refunds
    .filter((r) => r.status === 'succeeded' || r.status === 'pending')
    .map((r) => ({
      id: r.id,
      kind: 'refund' as const,
      number: r.receipt_number ?? null,
      amount: m(r.amount),
      description: r.reason ?? null,
      appliedAt: tsReq(r.created),
    }));
  return {
    id: base.id,
    number: base.number,
    status: base.status,
    currency: base.currency,
    customer: {
      name: inv.customer_name ?? customer?.name ?? '',
      email: inv.customer_email ?? customer?.email ?? null,
      address: addressText(inv.customer_address ?? customer?.address),
      taxId: inv.customer_tax_ids?.[0]?.value ?? null,
    },
    lines: mapped,
    subtotal: mapped.reduce((s, l) => s + l.amount, 0),
    discount: Math.max(0, m(sum(inv.total_discount_amounts)) - mapped.reduce((s, l) => s + l.discountAmount, 0)),
    tax: base.tax,
    total: base.total,
    amountPaid: payments.reduce((s, p) => s + p.amount, 0) || base.amountPaid,
    amountCredited: credited,
    amountRefunded: refunded.reduce((s, r) => s + r.amount, 0),
    amountDue: base.amountDue,
    applications: [...payments, ...credits, ...refunded].sort((a, b) => a.appliedAt.localeCompare(b.appliedAt)),
    issuedAt: base.issuedAt,
    dueAt: base.dueAt,
    paidAt: base.paidAt,
    overdue: base.overdue,
    pdfUrl: base.pdfUrl,
    payUrl: base.payUrl,
    memo: inv.description ?? null,
  };
}

const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** A card or a bank debit the portal can show; other types (wallet-only, crypto…) are left out. */
export function mapPaymentMethod(pm: Stripe.PaymentMethod, defaultId: string | null, now = new Date()): PaymentMethod | null {
  let base: Omit<PaymentMethod, 'isDefault' | 'expired' | 'expiringSoon' | 'id' | 'holderName'>;
  if (pm.type === 'card' && pm.card) {
    base = {
      kind: 'card',
      brand: pm.card.display_brand ?? pm.card.brand,
      last4: pm.card.last4,
      expMonth: pm.card.exp_month,
      expYear: pm.card.exp_year,
    };
  } else if (pm.type === 'us_bank_account' && pm.us_bank_account) {
    base = {
      kind: 'bank_account',
      brand: pm.us_bank_account.bank_name ?? 'bank',
      last4: pm.us_bank_account.last4 ?? '',
      expMonth: null,
      expYear: null,
    };
  } else if (pm.type === 'sepa_debit' && pm.sepa_debit) {
    base = { kind: 'bank_account', brand: 'sepa_debit', last4: pm.sepa_debit.last4 ?? '', expMonth: null, expYear: null };
  } else return null;
  const left =
    base.expMonth != null && base.expYear != null ? base.expYear * 12 + base.expMonth - 1 - monthIndex(now) : Number.POSITIVE_INFINITY;
  return {
    id: pm.id,
    ...base,
    holderName: pm.billing_details?.name ?? null,
    isDefault: pm.id === defaultId,
    expired: left < 0,
    expiringSoon: left >= 0 && left <= 2,
  };
}

/** "Visa •••• 4242" for a payment's description. */
export const methodLabel = (pm: PaymentMethod): string => `${pm.brand.charAt(0).toUpperCase()}${pm.brand.slice(1)} •••• ${pm.last4}`;

const SUB_STATUS: Record<string, Subscription['status']> = {
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  canceled: 'canceled',
  incomplete: 'incomplete',
  incomplete_expired: 'canceled',
  paused: 'paused',
};

export function mapPlan(price: Stripe.Price, productName: string | null): SubscriptionPlan {
  return {
    id: price.id,
    name: productName ?? price.nickname ?? price.id,
    unitAmount: minor(price.unit_amount ?? Number(price.unit_amount_decimal ?? 0), price.currency),
    currency: price.currency.toUpperCase(),
    interval: price.recurring?.interval === 'year' ? 'year' : 'month',
  };
}

const productName = (p: string | Stripe.Product | Stripe.DeletedProduct | null | undefined): string | null =>
  p && typeof p === 'object' && !('deleted' in p && p.deleted) ? (p as Stripe.Product).name : null;

/**
 * The subscription with its first item's price as the plan (expanded `items.data.price.product`),
 * and the schedule's next phase as the scheduled change (expanded `schedule.phases.items.price`).
 */
export function mapSubscription(sub: Stripe.Subscription, names: Map<string, string>, now = Date.now()): Subscription {
  const item = sub.items.data[0];
  if (!item) throw new Error(`subscription ${sub.id} has no items`);
  const name = (price: Stripe.Price) => productName(price.product) ?? names.get(idOf(price.product as string) ?? '') ?? null;
  const legacy = sub as unknown as { current_period_start?: number; current_period_end?: number };
  let scheduledChange: Subscription['scheduledChange'] = null;
  const schedule = typeof sub.schedule === 'object' ? sub.schedule : null;
  const next = schedule?.phases.find((p) => p.start_date * 1000 > now);
  const nextItem = next?.items[0];
  if (next && nextItem && typeof nextItem.price === 'object' && !('deleted' in nextItem.price && nextItem.price.deleted)) {
    const price = nextItem.price as Stripe.Price;
    scheduledChange = { plan: mapPlan(price, name(price)), quantity: nextItem.quantity ?? 1, effectiveAt: tsReq(next.start_date) };
  }
  return {
    id: sub.id,
    status: SUB_STATUS[sub.status] ?? 'active',
    plan: mapPlan(item.price, name(item.price)),
    quantity: item.quantity ?? 1,
    currentPeriodStart: tsReq(item.current_period_start ?? legacy.current_period_start),
    currentPeriodEnd: tsReq(item.current_period_end ?? legacy.current_period_end),
    trialEnd: ts(sub.trial_end),
    cancelAt: ts(sub.cancel_at),
    canceledAt: ts(sub.canceled_at),
    scheduledChange,
  };
}
