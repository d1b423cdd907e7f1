// The two billing backends of the provider suite (billing-provider.test.ts), each seeded with the
// same scenario: the database provider through the staff API, the Stripe provider through the
// in-process fake Stripe (stripe-fake.ts: not Stripe) that the real `stripe` client talks to.

import { example, type FakeStripe, startFakeStripe } from '../../../tooling/src/fake-stripe.mjs';
import type { Config } from '../../src/config.js';
import { connectorsConfig } from '../../src/connectors/config.js';
import type { Harness } from '../helpers.js';

export const DAY = 86_400;
export const now = () => Math.floor(Date.now() / 1000);

/** What a backend gives the suite after seeding: ids of the scenario's invoices as the portal knows them. */
export interface Seeded {
  invoiceA: string;
  invoiceB: string;
  draft: string;
  periodEnd: string;
}

export interface Backend {
  name: string;
  config(): Promise<Partial<Config>>;
  seed(h: Harness, org: string): Promise<Seeded>;
  close(): Promise<void>;
  fake?: FakeStripe;
}

const ok = async (p: Promise<{ status: number; text: string; body: { id?: string } }>) => {
  const r = await p;
  if (r.status >= 300) throw new Error(`${r.status} ${r.text}`);
  return r.body;
};
const iso = (s: number) => new Date(s * 1000).toISOString();

export function databaseBackend(): Backend {
  return {
    name: 'database',
    config: async () => ({ billingPortalUrl: 'https://billing.acme.example/portal' }),
    async seed(h, org) {
      const t = now();
      const a = await ok(
        h.staff('/billing/invoices', {
          body: {
            org,
            number: 'A-1',
            currency: 'USD',
            status: 'open',
            customer: { name: 'Suite Org' },
            lines: [{ description: 'Seats', quantity: 2, unit_amount: 1000, tax_rate: 20 }],
            issued_at: iso(t - 20 * DAY),
            due_at: iso(t - 10 * DAY),
            pay_url: 'https://pay.example/A',
          },
        }),
      );
      const b = await ok(
        h.staff('/billing/invoices', {
          body: {
            org,
            number: 'B-1',
            currency: 'JPY',
            status: 'paid',
            lines: [{ description: 'Plan', quantity: 1, unit_amount: 5000 }],
            issued_at: iso(t - 5 * DAY),
          },
        }),
      );
      const d = await ok(
        h.staff('/billing/invoices', {
          body: {
            org,
            number: 'C-draft',
            currency: 'USD',
            status: 'draft',
            lines: [{ description: 'WIP', quantity: 1, unit_amount: 1 }],
            issued_at: iso(t - DAY),
          },
        }),
      );
      const y = new Date().getUTCFullYear();
      await ok(
        h.staff(`/orgs/${org}/payment-methods/visa`, {
          body: { kind: 'card', brand: 'visa', last4: '4242', exp_month: 8, exp_year: y + 4, is_default: true },
        }),
      );
      await ok(
        h.staff(`/orgs/${org}/payment-methods/mc`, {
          body: { kind: 'card', brand: 'mastercard', last4: '5454', exp_month: 1, exp_year: y - 1 },
        }),
      );
      const periodEnd = iso(t + 20 * DAY);
      const plan = (id: string, name: string, unitAmount: number) => ({
        id,
        name,
        unit_amount: unitAmount,
        currency: 'USD',
        interval: 'month',
      });
      await ok(
        h.staff(`/orgs/${org}/subscription`, {
          body: {
            status: 'active',
            plan: plan('price_pro', 'Pro', 4900),
            quantity: 3,
            current_period_start: iso(t - 10 * DAY),
            current_period_end: periodEnd,
            scheduled_change: { plan: plan('price_basic', 'Basic', 1900), quantity: 3, effective_at: periodEnd },
          },
        }),
      );
      await ok(
        h.staff(`/orgs/${org}/meters/api_calls`, {
          body: { name: 'API calls', unit: 'count', reset_interval: 'month', period_start: iso(t - 10 * DAY), period_end: periodEnd },
        }),
      );
      await ok(
        h.staff(`/orgs/${org}/meters/api_calls/usage`, {
          body: {
            records: [
              { at: iso(t - 3 * DAY), quantity: 700 },
              { at: iso(t - 2 * DAY), quantity: 500 },
            ],
          },
        }),
      );
      return { invoiceA: a.id!, invoiceB: b.id!, draft: d.id!, periodEnd };
    },
    close: async () => {},
  };
}

/** The scenario as Stripe objects of customer `cus`. */
export function stripeScenario(fake: FakeStripe, cus: string, tag = ''): Seeded {
  const t = now();
  const periodStart = t - 10 * DAY;
  const periodEnd = t + 20 * DAY;
  const y = new Date().getUTCFullYear();
  fake.put(
    example('customer', {
      id: cus,
      name: 'Suite Org',
      email: 'billing@suite.example',
      invoice_settings: { default_payment_method: `pm_visa${tag}` },
    }),
  );
  const line = (id: string, inv: string, over: Record<string, unknown>) =>
    example('line_item', { id, invoice: inv, discount_amounts: [], taxes: [], parent: null, ...over });
  const invoice = (id: string, over: Record<string, unknown>) =>
    example('invoice', {
      id,
      customer: cus,
      customer_name: 'Suite Org',
      total_discount_amounts: [],
      customer_tax_ids: [],
      parent: null,
      last_finalization_error: null,
      from_invoice: null,
      ...over,
    });
  const A = `in_suiteA${tag}`;
  const B = `in_suiteB${tag}`;
  const C = `in_suiteC${tag}`;
  fake.put(
    invoice(A, {
      number: 'A-1',
      status: 'open',
      currency: 'usd',
      subtotal: 2000,
      total_excluding_tax: 2000,
      total: 2400,
      amount_due: 2400,
      amount_paid: 0,
      amount_remaining: 2400,
      created: t - 20 * DAY,
      effective_at: t - 20 * DAY,
      status_transitions: { finalized_at: t - 20 * DAY, paid_at: null },
      due_date: t - 10 * DAY,
      hosted_invoice_url: `https://invoice.stripe.example/i/${A}`,
      invoice_pdf: `https://pay.stripe.example/invoice/${A}/pdf`,
      lines: {
        object: 'list',
        has_more: false,
        data: [
          line(`il_A1${tag}`, A, {
            description: 'Seats',
            quantity: 2,
            amount: 2000,
            currency: 'usd',
            pricing: { type: 'price_details', unit_amount_decimal: '1000' },
            taxes: [
              {
                amount: 400,
                taxable_amount: 2000,
                tax_behavior: 'exclusive',
                taxability_reason: 'standard_rated',
                type: 'tax_rate_details',
                tax_rate_details: { tax_rate: 'txr_1' },
              },
            ],
          }),
        ],
      },
    }),
    invoice(B, {
      number: 'B-1',
      status: 'paid',
      currency: 'jpy',
      subtotal: 5000,
      total_excluding_tax: 5000,
      total: 5000,
      amount_due: 5000,
      amount_paid: 5000,
      amount_remaining: 0,
      created: t - 5 * DAY,
      effective_at: t - 5 * DAY,
      status_transitions: { finalized_at: t - 5 * DAY, paid_at: t - 5 * DAY },
      due_date: null,
      hosted_invoice_url: `https://invoice.stripe.example/i/${B}`,
      invoice_pdf: `https://pay.stripe.example/invoice/${B}/pdf`,
      lines: {
        object: 'list',
        has_more: false,
        data: [
          line(`il_B1${tag}`, B, {
            description: 'Plan',
            quantity: 1,
            amount: 5000,
            currency: 'jpy',
            pricing: { type: 'price_details', unit_amount_decimal: '5000' },
          }),
        ],
      },
    }),
    invoice(C, { number: null, status: 'draft', currency: 'usd', total: 1, created: t - DAY }),
  );
  fake.put(
    example('payment_method', {
      id: `pm_visa${tag}`,
      customer: cus,
      created: t - 100,
      card: { brand: 'visa', display_brand: 'visa', last4: '4242', exp_month: 8, exp_year: y + 4 },
    }),
    example('payment_method', {
      id: `pm_mc${tag}`,
      customer: cus,
      created: t - 50,
      card: { brand: 'mastercard', display_brand: 'mastercard', last4: '5454', exp_month: 1, exp_year: y - 1 },
    }),
  );
  const price = (id: string, product: string, amount: number) =>
    example('price', {
      id,
      product,
      unit_amount: amount,
      unit_amount_decimal: String(amount),
      currency: 'usd',
      nickname: null,
      recurring: { interval: 'month', interval_count: 1, meter: null, usage_type: 'licensed' },
    });
  fake.put(
    example('product', { id: `prod_pro${tag}`, name: 'Pro' }),
    example('product', { id: `prod_basic${tag}`, name: 'Basic' }),
    price(`price_pro${tag}`, `prod_pro${tag}`, 4900),
    price(`price_basic${tag}`, `prod_basic${tag}`, 1900),
  );
  const pro = fake.objects.get(`price_pro${tag}`)!;
  const sub = example('subscription', {
    id: `sub_suite${tag}`,
    customer: cus,
    status: 'active',
    created: t - 40 * DAY,
    trial_end: null,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    schedule: `sub_sched_suite${tag}`,
  });
  sub.items = {
    object: 'list',
    has_more: false,
    data: [
      {
        ...(example('subscription').items as { data: Record<string, unknown>[] }).data[0],
        price: pro,
        quantity: 3,
        current_period_start: periodStart,
        current_period_end: periodEnd,
      },
    ],
  };
  const schedule = example('subscription_schedule', { id: `sub_sched_suite${tag}`, customer: cus, subscription: sub.id });
  schedule.phases = [
    {
      ...(example('subscription_schedule').phases as Record<string, unknown>[])[0],
      start_date: periodStart,
      end_date: periodEnd,
      items: [{ price: `price_pro${tag}`, quantity: 3, discounts: [], metadata: {}, tax_rates: [] }],
    },
    {
      ...(example('subscription_schedule').phases as Record<string, unknown>[])[0],
      start_date: periodEnd,
      end_date: periodEnd + 30 * DAY,
      items: [{ price: `price_basic${tag}`, quantity: 3, discounts: [], metadata: {}, tax_rates: [] }],
    },
  ];
  fake.put(sub, schedule);
  if (!fake.objects.has('mtr_api_calls'))
    fake.put(example('billing.meter', { id: 'mtr_api_calls', display_name: 'API calls', event_name: 'api_calls', status: 'active' }));
  const dayStart = (s: number) => Math.floor(s / DAY) * DAY;
  fake.summaries.push(
    example('billing.meter_event_summary', {
      id: `mtrusg_1${tag}`,
      meter: 'mtr_api_calls',
      customer: cus,
      start_time: dayStart(t - 3 * DAY),
      end_time: dayStart(t - 3 * DAY) + DAY,
      aggregated_value: 700,
    }),
    example('billing.meter_event_summary', {
      id: `mtrusg_2${tag}`,
      meter: 'mtr_api_calls',
      customer: cus,
      start_time: dayStart(t - 2 * DAY),
      end_time: dayStart(t - 2 * DAY) + DAY,
      aggregated_value: 500,
    }),
  );
  return { invoiceA: A, invoiceB: B, draft: C, periodEnd: iso(periodEnd) };
}

export const WEBHOOK_SECRET = 'whsec_test_portico_fake';

/** Stripe connector settings pointing at a fake. */
export const stripeConfig = (fake: FakeStripe, extra: Record<string, string> = {}): Partial<Config> => ({
  connectors: connectorsConfig({
    PORTICO_BILLING_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_fake',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: fake.url,
    PORTICO_CONNECTOR_MAX_WAIT_SECONDS: '3',
    ...extra,
  }),
});

export function stripeBackend(): Backend {
  const b: Backend = {
    name: 'stripe',
    async config() {
      b.fake = await startFakeStripe();
      return stripeConfig(b.fake);
    },
    async seed(h, org) {
      const cus = `cus_${org.replace(/[^a-z0-9]/gi, '')}`;
      await ok(h.staff(`/orgs/${org}/external-accounts`, { body: { system: 'stripe', kind: 'customer', external_id: cus } }));
      return stripeScenario(b.fake!, cus);
    },
    close: async () => b.fake?.close(),
  };
  return b;
}
