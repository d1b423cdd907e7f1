/**
 * Billing beyond the invoice list: an invoice in full (lines with tax and discounts, what was
 * applied to it), payment methods, the subscription and metered usage. Admins only. Each response
 * says what the server's billing provider can do (`capabilities`), so a component shows only the
 * actions that work; adding or changing a payment method, changing the plan and cancelling never
 * happen inside Portico: they are the host's (an event) or the provider's hosted page (a URL the
 * server makes per request: `POST /billing/sessions`).
 */
import * as z from 'zod/mini';
import { Currency, Id, MinorUnits, SafeUrl, Timestamp } from './common.js';
import { InvoiceStatus } from './invoice.js';

export const InvoiceDetailLine = z.object({
  id: Id,
  description: z.string(),
  quantity: z.number(),
  unitAmount: MinorUnits,
  /** Discount on this line (minor units, positive: taken off). */
  discountAmount: MinorUnits,
  /** Tax rate in percent (e.g. 19), or null when the line is untaxed. */
  taxRate: z.nullable(z.number()),
  taxAmount: MinorUnits,
  /** Quantity × unit amount − discount, before tax. Negative for a credit line. */
  amount: MinorUnits,
  periodStart: z.nullable(Timestamp),
  periodEnd: z.nullable(Timestamp),
});
export type InvoiceDetailLine = z.infer<typeof InvoiceDetailLine>;

export const InvoiceApplicationKind = z.enum(['payment', 'refund', 'credit_note']);
/** Money applied to an invoice after it was issued: a payment, a refund of one, or a credit note. */
export const InvoiceApplication = z.object({
  id: Id,
  kind: InvoiceApplicationKind,
  /** Credit note or receipt number, when there is one. */
  number: z.nullable(z.string()),
  /** Positive minor units; a refund gives money back, a payment and a credit note reduce what is due. */
  amount: MinorUnits,
  /** How it was paid, e.g. "Visa •••• 4242" (free text of the billing system). */
  description: z.nullable(z.string()),
  appliedAt: Timestamp,
});
export type InvoiceApplication = z.infer<typeof InvoiceApplication>;

export const InvoiceCustomer = z.object({
  name: z.string(),
  email: z.nullable(z.string()),
  /** Postal address, lines separated by `\n`. */
  address: z.nullable(z.string()),
  taxId: z.nullable(z.string()),
});
export type InvoiceCustomer = z.infer<typeof InvoiceCustomer>;

export const InvoiceDetail = z.object({
  id: Id,
  number: z.string(),
  status: InvoiceStatus,
  currency: Currency,
  customer: InvoiceCustomer,
  lines: z.array(InvoiceDetailLine),
  /** Sum of the lines' amounts (after line discounts, before tax). */
  subtotal: MinorUnits,
  /** Discount on the whole invoice (positive: taken off). */
  discount: MinorUnits,
  tax: MinorUnits,
  total: MinorUnits,
  amountPaid: MinorUnits,
  amountCredited: MinorUnits,
  amountRefunded: MinorUnits,
  /** What is still to pay: total − paid − credited + refunded, never below 0. */
  amountDue: MinorUnits,
  applications: z.array(InvoiceApplication),
  issuedAt: Timestamp,
  dueAt: z.nullable(Timestamp),
  paidAt: z.nullable(Timestamp),
  overdue: z.boolean(),
  pdfUrl: z.nullable(SafeUrl),
  payUrl: z.nullable(SafeUrl),
  memo: z.nullable(z.string()),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const PaymentMethodKind = z.enum(['card', 'bank_account']);
export const PaymentMethod = z.object({
  id: Id,
  kind: PaymentMethodKind,
  /** Card brand (`visa`, `mastercard`, `amex`, …) or bank name. */
  brand: z.string(),
  last4: z.string(),
  /** Cards: expiry month (1–12) and year; bank accounts: null. */
  expMonth: z.nullable(z.int()),
  expYear: z.nullable(z.int()),
  holderName: z.nullable(z.string()),
  isDefault: z.boolean(),
  /** Derived by the server: the card's last valid month has passed. */
  expired: z.boolean(),
  /** Derived by the server: expires this month or within the next two. */
  expiringSoon: z.boolean(),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** What the billing provider offers for payment methods. */
export const PaymentMethodCapabilities = z.object({
  remove: z.boolean(),
  setDefault: z.boolean(),
  autoPay: z.boolean(),
  /** Adding or updating a method goes through a page of the provider (`POST /billing/sessions`); otherwise the host handles it. */
  hostedSessions: z.boolean(),
});
export const PaymentMethods = z.object({
  data: z.array(PaymentMethod),
  autoPay: z.boolean(),
  capabilities: PaymentMethodCapabilities,
});
export type PaymentMethods = z.infer<typeof PaymentMethods>;

export const PaymentMethodParams = z.object({ methodId: Id });
export const AutoPayBody = z.object({ enabled: z.boolean() });

export const SubscriptionStatus = z.enum(['trialing', 'active', 'past_due', 'canceled', 'incomplete', 'paused']);
export const BillingInterval = z.enum(['month', 'year']);
export const SubscriptionPlan = z.object({
  id: Id,
  name: z.string(),
  /** Price per unit (seat) per interval, minor units. */
  unitAmount: MinorUnits,
  currency: Currency,
  interval: BillingInterval,
});
export type SubscriptionPlan = z.infer<typeof SubscriptionPlan>;
export const Subscription = z.object({
  id: Id,
  status: SubscriptionStatus,
  plan: SubscriptionPlan,
  quantity: z.int(),
  currentPeriodStart: Timestamp,
  currentPeriodEnd: Timestamp,
  trialEnd: z.nullable(Timestamp),
  /** Set when the subscription ends at that time (cancelled at period end) or ended. */
  cancelAt: z.nullable(Timestamp),
  canceledAt: z.nullable(Timestamp),
  /** A change that takes effect later (e.g. a downgrade at renewal). */
  scheduledChange: z.nullable(z.object({ plan: SubscriptionPlan, quantity: z.int(), effectiveAt: Timestamp })),
});
export type Subscription = z.infer<typeof Subscription>;
export const SubscriptionCapabilities = z.object({ hostedSessions: z.boolean() });
/** The organization's subscription (`subscription` null when it has none). */
export const SubscriptionState = z.object({ subscription: z.nullable(Subscription), capabilities: SubscriptionCapabilities });
export type SubscriptionState = z.infer<typeof SubscriptionState>;

/** Units `Intl.NumberFormat` formats itself; `count` is a plain number with the meter's `unitLabel`. */
export const MeterUnit = z.enum(['count', 'byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'second', 'minute', 'hour']);
export type MeterUnit = z.infer<typeof MeterUnit>;
export const UsagePoint = z.object({ at: Timestamp, used: z.number() });
export const UsageMeter = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  unit: MeterUnit,
  /** What is counted when `unit` is `count`, e.g. "API calls" (the billing system's text). */
  unitLabel: z.nullable(z.string()),
  used: z.number(),
  /** Null: unlimited. */
  limit: z.nullable(z.number()),
  /** A soft limit may be passed (billed as overage); a hard one stops the service. */
  softLimit: z.boolean(),
  /** Warn from this share of the limit (0–1). */
  warningThreshold: z.number(),
  resetInterval: z.enum(['day', 'month', 'year', 'never']),
  periodStart: Timestamp,
  periodEnd: Timestamp,
  /** Usage so far in the period, oldest first: the running total at each point. */
  series: z.array(UsagePoint),
});
export type UsageMeter = z.infer<typeof UsageMeter>;
export const Usage = z.object({ data: z.array(UsageMeter), asOf: Timestamp });
export type Usage = z.infer<typeof Usage>;

export const BillingSessionPurpose = z.enum(['payment_method.add', 'payment_method.update', 'subscription.change', 'subscription.cancel']);
export type BillingSessionPurpose = z.infer<typeof BillingSessionPurpose>;
export const BillingSessionCreate = z.object({
  purpose: BillingSessionPurpose,
  /** The payment method to update (`payment_method.update`). */
  methodId: z.optional(Id),
  /** Where the provider's page sends the user back to (defaults to the provider's own setting). */
  returnUrl: z.optional(SafeUrl),
});
/** A one-time link to the provider's hosted page; follow it at once. */
export const BillingSession = z.object({ url: SafeUrl, expiresAt: Timestamp });
export type BillingSession = z.infer<typeof BillingSession>;
