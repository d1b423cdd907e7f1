// PORTICO_DEMO_CONNECTORS=stripe: the demo's Billing page served from "Stripe" — an in-process
// FAKE of the Stripe API (@portico/tooling/fake-stripe, built from Stripe's published example
// objects; no Stripe account is involved), which the reference server reaches with the official
// `stripe` client through STRIPE_API_BASE. Acme is mapped to its Stripe customer through the staff
// API, as a host would (docs/connectors.md); Globex is not mapped, so its billing is empty.
import { randomBytes } from 'node:crypto';
import { example, startFakeStripe } from '@portico/tooling/fake-stripe';

const DAY = 86_400;
const CUSTOMER = 'cus_AcmeDemo0001';

function seedAcme(fake) {
  const t = Math.floor(Date.now() / 1000);
  const y = new Date().getUTCFullYear();
  fake.put(
    example('customer', {
      id: CUSTOMER,
      name: 'Acme Corporation',
      email: 'billing@acme.example',
      invoice_settings: { default_payment_method: 'pm_AcmeVisa' },
    }),
  );
  const invoice = (n, over) => {
    const id = `in_AcmeDemo${n}`;
    const amount = over.total;
    return example('invoice', {
      id,
      customer: CUSTOMER,
      customer_name: 'Acme Corporation',
      number: `ACME-S-${1000 + n}`,
      currency: 'eur',
      subtotal: amount,
      total_excluding_tax: amount,
      amount_due: amount,
      amount_paid: over.status === 'paid' ? amount : 0,
      amount_remaining: over.status === 'paid' ? 0 : amount,
      total_discount_amounts: [],
      customer_tax_ids: [],
      parent: null,
      last_finalization_error: null,
      from_invoice: null,
      hosted_invoice_url: `https://invoice.stripe.example/i/${id}`,
      invoice_pdf: `https://pay.stripe.example/invoice/${id}/pdf`,
      effective_at: over.created,
      status_transitions: { finalized_at: over.created, paid_at: over.status === 'paid' ? over.created + 3 * DAY : null },
      lines: {
        object: 'list',
        has_more: false,
        data: [
          example('line_item', {
            id: `il_AcmeDemo${n}`,
            invoice: id,
            description: 'Acme Cloud Pro — 5 seats',
            quantity: 5,
            amount,
            currency: 'eur',
            discount_amounts: [],
            taxes: [],
            parent: null,
            pricing: { type: 'price_details', unit_amount_decimal: String(amount / 5) },
          }),
        ],
      },
      ...over,
    });
  };
  fake.put(
    invoice(1, { status: 'paid', total: 24500, created: t - 62 * DAY, due_date: t - 48 * DAY }),
    invoice(2, { status: 'paid', total: 24500, created: t - 32 * DAY, due_date: t - 18 * DAY }),
    invoice(3, { status: 'open', total: 24500, created: t - 2 * DAY, due_date: t + 12 * DAY }),
    invoice(4, { status: 'draft', total: 100, created: t - DAY, number: null }),
  );
  fake.put(
    example('payment_method', {
      id: 'pm_AcmeVisa',
      customer: CUSTOMER,
      created: t - 90 * DAY,
      card: { brand: 'visa', display_brand: 'visa', last4: '4242', exp_month: 8, exp_year: y + 3 },
    }),
  );
  fake.put(
    example('product', { id: 'prod_AcmePro', name: 'Acme Cloud Pro' }),
    example('price', {
      id: 'price_AcmePro',
      product: 'prod_AcmePro',
      unit_amount: 4900,
      unit_amount_decimal: '4900',
      currency: 'eur',
      nickname: null,
    }),
  );
  const sub = example('subscription', {
    id: 'sub_AcmeDemo',
    customer: CUSTOMER,
    status: 'active',
    schedule: null,
    trial_end: null,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
  });
  sub.items = {
    object: 'list',
    has_more: false,
    data: [
      {
        ...example('subscription').items.data[0],
        price: fake.objects.get('price_AcmePro'),
        quantity: 5,
        current_period_start: t - 2 * DAY,
        current_period_end: t + 28 * DAY,
      },
    ],
  };
  fake.put(sub, example('billing.meter', { id: 'mtr_AcmeApi', display_name: 'API calls', event_name: 'api_calls', status: 'active' }));
  const day = Math.floor(t / DAY) * DAY;
  fake.summaries.push(
    example('billing.meter_event_summary', {
      id: 'mtrusg_a1',
      meter: 'mtr_AcmeApi',
      customer: CUSTOMER,
      start_time: day - 2 * DAY,
      end_time: day - DAY,
      aggregated_value: 1800,
    }),
    example('billing.meter_event_summary', {
      id: 'mtrusg_a2',
      meter: 'mtr_AcmeApi',
      customer: CUSTOMER,
      start_time: day - DAY,
      end_time: day,
      aggregated_value: 2400,
    }),
  );
}

/**
 * Starts the fake and points the reference server's configuration at it (the environment that
 * `startServer` reads). `map()` maps Acme once the server runs.
 */
export async function startStripeDemo(env) {
  const fake = await startFakeStripe({ port: Number(env.STRIPE_DEMO_FAKE_PORT ?? 0) });
  seedAcme(fake);
  Object.assign(process.env, {
    PORTICO_BILLING_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_portico_demo',
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET || `whsec_${randomBytes(16).toString('hex')}`,
    STRIPE_API_BASE: fake.url,
  });
  return {
    fake,
    async map(porticoUrl, staffKey) {
      const r = await fetch(`${porticoUrl}/staff/v1/orgs/acme/external-accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ system: 'stripe', kind: 'customer', external_id: CUSTOMER }),
      });
      if (!r.ok) throw new Error(`mapping acme to its Stripe customer failed: ${r.status} ${await r.text()}`);
      console.log(
        `Billing from the fake Stripe at ${fake.url} (PORTICO_DEMO_CONNECTORS=stripe); webhook: ${porticoUrl}/connectors/v1/webhooks/stripe`,
      );
    },
  };
}
