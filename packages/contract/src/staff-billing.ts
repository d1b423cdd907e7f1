/**
 * The staff API's billing writes (`/staff/v1`): how a company syncs invoices in full, payment
 * methods, its subscription and metered usage from its own billing system into Portico's database
 * (the default billing provider). Part of `staffEndpoints` (staff.ts).
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import {
  BillingInterval,
  InvoiceApplicationKind,
  InvoiceDetail,
  MeterUnit,
  PaymentMethod,
  PaymentMethodKind,
  Subscription,
  SubscriptionStatus,
  UsageMeter,
} from './schemas/billing.js';
import { Currency, Id, SafeUrl, Timestamp, text } from './schemas/common.js';
import { InvoiceStatus } from './schemas/invoice.js';

const Text = (max: number) => text(z.minLength(1), z.maxLength(max));
/** Money of a write: a safe integer of minor units, within ±10^15 (sums of 200 lines still fit). */
const Money = z.int().check(z.minimum(-1e15), z.maximum(1e15));
const Amount = z.int().check(z.minimum(0), z.maximum(1e15));
const OrgRef = Text(128);
const Key = z.string().check(z.regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/));

export const StaffBillingOrgParams = z.object({ org: OrgRef });
export const StaffPaymentMethodParams = z.object({ org: OrgRef, externalId: Text(128) });
export const StaffMeterParams = z.object({ org: OrgRef, key: Key });
export const StaffInvoiceParams = z.object({ id: Id });

export const StaffDetailedInvoiceLine = z.object({
  description: Text(500),
  /** Negative for a credit line. */
  quantity: z.number().check(z.minimum(-1e6), z.maximum(1e6)),
  unitAmount: Money,
  discountAmount: z.optional(Amount),
  /** Percent, 0–100. */
  taxRate: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
  periodStart: z.optional(z.nullable(Timestamp)),
  periodEnd: z.optional(z.nullable(Timestamp)),
});
export const StaffDetailedInvoiceCreate = z.object({
  org: OrgRef,
  number: Text(64),
  status: z.optional(InvoiceStatus),
  currency: Currency,
  customer: z.optional(
    z.object({
      name: Text(200),
      email: z.optional(z.nullable(text(z.maxLength(320)))),
      address: z.optional(z.nullable(text(z.maxLength(1000)))),
      taxId: z.optional(z.nullable(text(z.maxLength(64)))),
    }),
  ),
  lines: z.array(StaffDetailedInvoiceLine).check(z.minLength(1), z.maxLength(200)),
  /** Discount on the whole invoice, minor units. */
  discount: z.optional(Amount),
  issuedAt: z.optional(Timestamp),
  dueAt: z.optional(z.nullable(Timestamp)),
  payUrl: z.optional(z.nullable(SafeUrl)),
  memo: z.optional(z.nullable(text(z.maxLength(2000)))),
});
export const StaffInvoiceApplicationCreate = z.object({
  kind: InvoiceApplicationKind,
  amount: Amount.check(z.positive()),
  number: z.optional(z.nullable(Text(64))),
  description: z.optional(z.nullable(Text(200))),
  appliedAt: z.optional(Timestamp),
});

export const StaffPaymentMethodUpsert = z.object({
  kind: PaymentMethodKind,
  brand: Text(64),
  last4: z.string().check(z.regex(/^[0-9]{4}$/)),
  expMonth: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(12)))),
  expYear: z.optional(z.nullable(z.int().check(z.minimum(2000), z.maximum(2200)))),
  holderName: z.optional(z.nullable(text(z.maxLength(200)))),
  isDefault: z.optional(z.boolean()),
});
export const StaffDeleted = z.object({ deleted: z.boolean() });
export const StaffBillingAccount = z.object({ autoPay: z.boolean() });

const Plan = z.object({ id: Text(128), name: Text(200), unitAmount: Amount, currency: Currency, interval: BillingInterval });
const Seats = z.int().check(z.minimum(0), z.maximum(1_000_000));
export const StaffSubscriptionSet = z.object({
  status: SubscriptionStatus,
  plan: Plan,
  quantity: Seats,
  currentPeriodStart: Timestamp,
  currentPeriodEnd: Timestamp,
  trialEnd: z.optional(z.nullable(Timestamp)),
  cancelAt: z.optional(z.nullable(Timestamp)),
  canceledAt: z.optional(z.nullable(Timestamp)),
  scheduledChange: z.optional(z.nullable(z.object({ plan: Plan, quantity: Seats, effectiveAt: Timestamp }))),
});

const Quantity = z.number().check(z.minimum(0), z.maximum(1e15));
export const StaffMeterUpsert = z.object({
  name: Text(200),
  unit: MeterUnit,
  unitLabel: z.optional(z.nullable(Text(64))),
  limit: z.optional(z.nullable(Quantity)),
  softLimit: z.optional(z.boolean()),
  warningThreshold: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  resetInterval: z.enum(['day', 'month', 'year', 'never']),
  periodStart: Timestamp,
  periodEnd: Timestamp,
  position: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
});
/** Usage in the meter's unit at a time (added to the period that contains it). */
export const StaffUsageRecord = z.object({
  records: z.array(z.object({ at: Timestamp, quantity: Quantity })).check(z.minLength(1), z.maxLength(1000)),
});

const def = <const E extends EndpointDef>(e: E): E => e;
const post = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'POST', idempotent: false } as const);

export const staffBilling = {
  issueInvoice: post({
    path: '/billing/invoices',
    tag: 'staff',
    summary: 'Issue an invoice in full: customer, lines with tax and discounts, memo',
    body: StaffDetailedInvoiceCreate,
    response: InvoiceDetail,
    status: 201,
  }),
  applyToInvoice: post({
    path: '/invoices/{id}/applications',
    tag: 'staff',
    summary: 'Record a payment, refund or credit note against an invoice',
    params: StaffInvoiceParams,
    body: StaffInvoiceApplicationCreate,
    response: InvoiceDetail,
    status: 201,
  }),
  upsertPaymentMethod: post({
    path: '/orgs/{org}/payment-methods/{external_id}',
    tag: 'staff',
    summary: 'Create or update a payment method (brand, last 4, expiry; never a card number)',
    params: StaffPaymentMethodParams,
    body: StaffPaymentMethodUpsert,
    response: PaymentMethod,
  }),
  deletePaymentMethod: def({
    method: 'DELETE',
    idempotent: false,
    path: '/orgs/{org}/payment-methods/{external_id}',
    tag: 'staff',
    summary: 'Delete a payment method',
    params: StaffPaymentMethodParams,
    response: StaffDeleted,
  }),
  setAccount: post({
    path: '/orgs/{org}/billing-account',
    tag: 'staff',
    summary: 'Set auto-pay',
    params: StaffBillingOrgParams,
    body: StaffBillingAccount,
    response: StaffBillingAccount,
  }),
  setSubscription: post({
    path: '/orgs/{org}/subscription',
    tag: 'staff',
    summary: "Set the organization's subscription (plan, status, period, seats, a scheduled change)",
    params: StaffBillingOrgParams,
    body: StaffSubscriptionSet,
    response: Subscription,
  }),
  upsertMeter: post({
    path: '/orgs/{org}/meters/{key}',
    tag: 'staff',
    summary: 'Create or update a usage meter and its current period',
    params: StaffMeterParams,
    body: StaffMeterUpsert,
    response: UsageMeter,
  }),
  recordUsage: post({
    path: '/orgs/{org}/meters/{key}/usage',
    tag: 'staff',
    summary: 'Record usage of a meter',
    params: StaffMeterParams,
    body: StaffUsageRecord,
    response: UsageMeter,
    status: 201,
  }),
} as const;
