/**
 * Valid sample billing resources (camelCase), for tests, stories and mock handlers: an invoice in
 * full (tax, discounts, a credit line, a payment, a refund and a credit note), payment methods (one
 * expired, one expiring), a subscription with a scheduled change, usage meters with a series.
 */
import type { InvoiceDetail, PaymentMethod, PaymentMethods, Subscription, UsageMeter } from './schemas/billing.js';

const T0 = Date.UTC(2026, 9, 1, 9, 0, 0);
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

export const invoiceDetail = (n = 1, o: Partial<InvoiceDetail> = {}): InvoiceDetail => ({
  id: `inv_${n}`,
  number: `INV-${String(n).padStart(5, '0')}`,
  status: 'open',
  currency: 'EUR',
  customer: {
    name: 'Acme Corporation',
    email: 'billing@acme.example',
    address: 'Acme Corporation\nFriedrichstraße 123\n10117 Berlin',
    taxId: 'DE123456789',
  },
  lines: [
    {
      id: `inl_${n}_1`,
      description: 'Business plan (per seat)',
      quantity: 10,
      unitAmount: 4900,
      discountAmount: 0,
      taxRate: 19,
      taxAmount: 9310,
      amount: 49000,
      periodStart: at(0),
      periodEnd: at(24 * 30),
    },
    {
      id: `inl_${n}_2`,
      description: 'Premium support',
      quantity: 1,
      unitAmount: 10000,
      discountAmount: 1000,
      taxRate: 19,
      taxAmount: 1710,
      amount: 9000,
      periodStart: null,
      periodEnd: null,
    },
    {
      id: `inl_${n}_3`,
      description: 'Credit: outage on 12 Oct (SLA)',
      quantity: -1,
      unitAmount: 5000,
      discountAmount: 0,
      taxRate: 19,
      taxAmount: -950,
      amount: -5000,
      periodStart: null,
      periodEnd: null,
    },
  ],
  subtotal: 53000,
  discount: 500,
  tax: 10070,
  total: 62570,
  amountPaid: 40000,
  amountCredited: 2570,
  amountRefunded: 1000,
  amountDue: 21000,
  applications: [
    { id: `iap_${n}_1`, kind: 'payment', number: 'RCPT-20931', amount: 40000, description: 'Visa •••• 4242', appliedAt: at(48) },
    { id: `iap_${n}_2`, kind: 'credit_note', number: 'CN-0012', amount: 2570, description: 'Goodwill credit', appliedAt: at(72) },
    { id: `iap_${n}_3`, kind: 'refund', number: 'RF-0007', amount: 1000, description: 'Duplicate seat refunded', appliedAt: at(96) },
  ],
  issuedAt: at(0),
  dueAt: at(24 * 14),
  paidAt: null,
  overdue: false,
  pdfUrl: `/portal/v1/files/inv_${n}_pdf?exp=1&sig=x`,
  payUrl: `https://pay.example.test/inv_${n}`,
  memo: 'Thank you for your business.',
  ...o,
});

export const paymentMethod = (n = 1, o: Partial<PaymentMethod> = {}): PaymentMethod => ({
  id: `pm_${n}`,
  kind: 'card',
  brand: 'visa',
  last4: String(4240 + n).padStart(4, '0'),
  expMonth: 8,
  expYear: 2029,
  holderName: 'Alice Example',
  isDefault: n === 1,
  expired: false,
  expiringSoon: false,
  ...o,
});

export const paymentMethods = (o: Partial<PaymentMethods> = {}): PaymentMethods => ({
  data: [
    paymentMethod(1),
    paymentMethod(2, { brand: 'mastercard', last4: '5454', expMonth: 3, expYear: 2025, expired: true }),
    paymentMethod(3, { brand: 'amex', last4: '0005', expMonth: 11, expYear: 2026, expiringSoon: true, holderName: 'Carol Chen' }),
    paymentMethod(4, {
      kind: 'bank_account',
      brand: 'Commerzbank',
      last4: '3000',
      expMonth: null,
      expYear: null,
      holderName: 'Acme Corporation',
    }),
  ],
  autoPay: true,
  capabilities: { remove: true, setDefault: true, autoPay: true, hostedSessions: false },
  ...o,
});

export const subscription = (o: Partial<Subscription> = {}): Subscription => ({
  id: 'sub_1',
  status: 'active',
  plan: { id: 'business', name: 'Business', unitAmount: 4900, currency: 'EUR', interval: 'month' },
  quantity: 25,
  currentPeriodStart: at(0),
  currentPeriodEnd: at(24 * 30),
  trialEnd: null,
  cancelAt: null,
  canceledAt: null,
  scheduledChange: {
    plan: { id: 'business_plus', name: 'Business Plus', unitAmount: 6900, currency: 'EUR', interval: 'month' },
    quantity: 30,
    effectiveAt: at(24 * 30),
  },
  ...o,
});

/** A meter whose period started at T0 and runs 30 days, with `points` points of running usage up to `used`. */
export const usageMeter = (n = 1, o: Partial<UsageMeter> = {}, points = 20): UsageMeter => {
  const used = o.used ?? 1000 * n * 7;
  const series = Array.from({ length: points }, (_, i) => ({
    at: at(((i + 1) * 24 * 20) / points),
    used: Math.round((used * (i + 1)) / points),
  }));
  return {
    id: `mtr_${n}`,
    key: `meter_${n}`,
    name: `Meter ${n}`,
    unit: 'count',
    unitLabel: 'calls',
    used,
    limit: 10_000 * n,
    softLimit: n % 2 === 0,
    warningThreshold: 0.8,
    resetInterval: 'month',
    periodStart: at(0),
    periodEnd: at(24 * 30),
    series,
    ...o,
  };
};
