// The Stripe connector's own behaviour, with the official `stripe` client against the in-process
// FAKE Stripe of stripe-fake.ts (not Stripe: no account is reachable here; see its header for the
// fields and behaviours it reproduces). Webhook payloads are signed with the package's own
// `stripe.webhooks.generateTestHeaderString`. Covers pagination (has_more / starting_after), 429
// with Retry-After (retried, then the portal's retryable 503), expanded fields, a deleted
// customer, zero-decimal money, and the webhook: signature on the raw body, event-id dedup,
// cache invalidation and the live Portico event.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, type FakeStripe, startFakeStripe } from '../../../tooling/src/fake-stripe.mjs';
import { minor } from '../../src/connectors/stripe/map.js';
import { type Harness, harness } from '../helpers.js';
import { DAY, now, type Seeded, stripeConfig, stripeScenario, WEBHOOK_SECRET } from './billing-backends.js';

let fake: FakeStripe;
let h: Harness;
let s: Seeded;
let admin: string;
const CUS = 'cus_stripetest';

beforeAll(async () => {
  fake = await startFakeStripe();
  h = await harness(stripeConfig(fake));
  const r = await h.staff('/orgs/acme/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: CUS } });
  expect(r.status).toBe(200);
  s = stripeScenario(fake, CUS);
  admin = await h.token('acme', 'ada', ['member', 'admin']);
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

const cache = () => h.server.portico.services.connectors.cache;
const orgId = async () => (await h.db.query<{ id: string }>("SELECT id FROM organizations WHERE external_id = 'acme'"))[0]!.id;
const since = (n: number) => fake.requests.slice(n);

/** Sends a webhook the way Stripe does: the JSON body signed with the endpoint secret. */
async function webhook(event: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  const r = await fetch(`${h.url}/connectors/v1/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: r.status, body: (await r.json()) as { handled?: string } };
}
const invoiceEvent = (id: string, type: string, obj: Record<string, unknown>) =>
  example('event', { id, type, created: now(), data: { object: obj }, api_version: '2026-11-18.endive' });

describe('money', () => {
  it('Stripe amounts become Portico minor units: cents stay cents, yen stay yen, ISK (two decimals at Stripe, none in use) is scaled', () => {
    expect(minor(1234, 'usd')).toBe(1234);
    expect(minor(5000, 'jpy')).toBe(5000);
    expect(minor(5000, 'krw')).toBe(5000);
    expect(minor(12300, 'isk')).toBe(123);
    expect(minor(1230, 'kwd')).toBe(1230);
  });
});

describe('reading Stripe', () => {
  it('follows has_more / starting_after through every page of invoices', async () => {
    const t = now();
    for (let i = 0; i < 120; i++)
      fake.put(
        example('invoice', {
          id: `in_bulk${String(i).padStart(3, '0')}`,
          customer: CUS,
          number: `BULK-${i}`,
          status: 'paid',
          currency: 'eur',
          total: 100,
          subtotal: 100,
          total_excluding_tax: 100,
          amount_paid: 100,
          amount_remaining: 0,
          created: t - 30 * DAY - i,
          status_transitions: { finalized_at: t - 30 * DAY - i, paid_at: t - 30 * DAY - i },
          lines: { object: 'list', data: [], has_more: false },
        }),
      );
    cache().invalidate(await orgId());
    const mark = fake.requests.length;
    const totals = await h.api('/invoices/totals', { token: admin });
    expect(totals.status, totals.text).toBe(200);
    expect(totals.body.data.find((t: { currency: string }) => t.currency === 'EUR')).toMatchObject({ count: 120, total: 12000 });
    const pages = since(mark).filter((r) => r.path === '/v1/invoices');
    expect(pages).toHaveLength(2);
    expect(pages[0]!.query.get('starting_after')).toBeNull();
    expect(pages[1]!.query.get('starting_after')).toMatch(/^in_/);
    // Walking the portal's pages reaches every invoice once.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const r = await h.api(`/invoices?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: admin });
      for (const i of r.body.data) seen.add(i.id);
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen.size).toBe(122);
    for (let i = 0; i < 120; i++) fake.objects.delete(`in_bulk${String(i).padStart(3, '0')}`);
    cache().invalidate(await orgId());
  });

  it('asks for expanded fields and uses them: the invoice’s customer, the plan’s product, the schedule’s prices', async () => {
    fake.objects.get(s.invoiceA)!.customer_name = null;
    cache().invalidate(await orgId());
    const mark = fake.requests.length;
    const d = await h.api(`/invoices/${s.invoiceA}/detail`, { token: admin });
    expect(d.status, d.text).toBe(200);
    // Not on the invoice: the expanded customer's name.
    expect(d.body.customer).toMatchObject({ name: 'Suite Org', email: 'billing@suite.example' });
    const sub = await h.api('/billing/subscription', { token: admin });
    expect(sub.body.subscription.plan.name).toBe('Pro');
    expect(sub.body.subscription.scheduled_change.plan.name).toBe('Basic');
    const expands = (path: RegExp) =>
      since(mark)
        .filter((r) => path.test(r.path))
        .flatMap((r) => [...r.query.entries()].filter(([k]) => k.startsWith('expand')).map(([, v]) => v));
    expect(expands(/^\/v1\/invoices\/in_/)).toEqual(expect.arrayContaining(['customer', 'payments.data.payment.payment_intent']));
    expect(expands(/^\/v1\/subscriptions\/sub_/)).toEqual(
      expect.arrayContaining(['items.data.price.product', 'schedule.phases.items.price']),
    );
    fake.objects.get(s.invoiceA)!.customer_name = 'Suite Org';
  });

  it('invoice detail: payments (expanded to the payment intent, labelled by its card), credit notes and refunds', async () => {
    const t = now();
    fake.put(
      example('payment_intent', { id: 'pi_B', customer: CUS, payment_method: 'pm_visa', amount: 5000, currency: 'jpy' }),
      example('credit_note', {
        id: 'cn_B',
        invoice: s.invoiceB,
        customer: CUS,
        total: 500,
        number: 'CN-1',
        status: 'issued',
        memo: null,
        effective_at: t - 4 * DAY,
        created: t - 4 * DAY,
      }),
      example('refund', { id: 're_B', payment_intent: 'pi_B', amount: 1000, currency: 'jpy', status: 'succeeded', created: t - 3 * DAY }),
    );
    fake.objects.get(s.invoiceB)!.payments = {
      object: 'list',
      has_more: false,
      data: [
        example('invoice_payment', {
          id: 'inpay_B',
          invoice: s.invoiceB,
          amount_paid: 5000,
          currency: 'jpy',
          status: 'paid',
          payment: { type: 'payment_intent', payment_intent: 'pi_B' },
          status_transitions: { paid_at: t - 5 * DAY, canceled_at: null },
          created: t - 5 * DAY,
        }),
      ],
    };
    cache().invalidate(await orgId());
    const d = await h.api(`/invoices/${s.invoiceB}/detail`, { token: admin });
    expect(d.status, d.text).toBe(200);
    expect(d.body).toMatchObject({ currency: 'JPY', amount_paid: 5000, amount_credited: 500, amount_refunded: 1000 });
    expect(
      d.body.applications.map((a: { kind: string; amount: number; description: string | null }) => [a.kind, a.amount, a.description]),
    ).toEqual([
      ['payment', 5000, 'Visa •••• 4242'],
      ['credit_note', 500, null],
      ['refund', 1000, null],
    ]);
  });

  it('a deleted customer: no payment methods and no subscription, answered (200), not an error', async () => {
    const gone = 'cus_gone';
    fake.put({ ...example('customer', { id: gone }), deleted: true });
    await h.staff('/orgs/gone-org/external-accounts', { body: { system: 'stripe', kind: 'customer', external_id: gone } });
    const t = await h.token('gone-org', 'gil', ['member', 'admin']);
    const pm = await h.api('/billing/payment-methods', { token: t });
    expect(pm.status, pm.text).toBe(200);
    expect(pm.body.data).toEqual([]);
    const sub = await h.api('/billing/subscription', { token: t });
    expect(sub.status).toBe(200);
    expect(sub.body.subscription).toBeNull();
    expect((await h.api('/invoices', { token: t })).body.data).toEqual([]);
  });

  it('a 429 is retried after its Retry-After, and the portal gets the answer', async () => {
    cache().invalidate(await orgId());
    fake.rateLimit(1, '1');
    const mark = fake.requests.length;
    const t0 = Date.now();
    const r = await h.api('/billing/payment-methods', { token: admin });
    expect(r.status, r.text).toBe(200);
    expect(r.body.data).toHaveLength(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const calls = since(mark).map((x) => x.path);
    expect(calls[0]).toBe(calls[1]);
  });

  it('when Stripe keeps limiting, the portal gets the retryable 503 with Retry-After (the component shows a retry)', async () => {
    cache().invalidate(await orgId());
    fake.rateLimit(10, '0');
    const r = await h.api('/billing/subscription', { token: admin });
    fake.rateLimit(0, '0');
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('unavailable');
    expect(r.body.detail).toMatch(/Stripe is limiting requests/);
    expect(r.headers.get('retry-after')).toBeTruthy();
    // A Retry-After longer than the server waits is passed on at once.
    fake.rateLimit(1, '90');
    const long = await h.api('/billing/subscription', { token: admin });
    fake.rateLimit(0, '0');
    expect(long.status).toBe(503);
    expect(long.headers.get('retry-after')).toBe('90');
    expect((await h.api('/billing/subscription', { token: admin })).status).toBe(200);
  });

  it('setting the default card writes it to Stripe and the next read shows it', async () => {
    const r = await h.api('/billing/payment-methods/pm_visa/default', { token: admin, method: 'POST' });
    expect(r.status, r.text).toBe(200);
    const expired = await h.api('/billing/payment-methods/pm_mc/default', { token: admin, method: 'POST' });
    expect(expired.status).toBe(409);
    expect((await h.api('/billing/payment-methods/pm_elsewhere/default', { token: admin, method: 'POST' })).status).toBe(404);
  });

  it('the billing portal session is made per click with the mapped customer and the flow of the purpose', async () => {
    const mark = fake.requests.length;
    const r = await h.api('/billing/sessions', {
      token: admin,
      body: { purpose: 'subscription.cancel', return_url: 'https://acme.example/billing' },
    });
    expect(r.status, r.text).toBe(201);
    const sent = since(mark).find((x) => x.path === '/v1/billing_portal/sessions')!;
    expect(sent.body.get('customer')).toBe(CUS);
    expect(sent.body.get('flow_data[type]')).toBe('subscription_cancel');
    expect(sent.body.get('flow_data[subscription_cancel][subscription]')).toBe('sub_suite');
    expect(sent.body.get('return_url')).toBe('https://acme.example/billing');
  });
});

describe('webhook', () => {
  it('an invoice paid in Stripe: the cached "open" answer is dropped and a live invoice event is appended', async () => {
    const before = await h.api('/invoices?status=open', { token: admin });
    expect(before.body.data.map((i: { id: string }) => i.id)).toEqual([s.invoiceA]);
    // Stripe changes; the portal still has its cached answer until told.
    const inv = fake.objects.get(s.invoiceA)!;
    Object.assign(inv, {
      status: 'paid',
      amount_paid: 2400,
      amount_remaining: 0,
      status_transitions: { finalized_at: now() - 20 * DAY, paid_at: now() },
    });
    expect((await h.api('/invoices?status=open', { token: admin })).body.data).toHaveLength(1);
    const r = await webhook(invoiceEvent('evt_paid_1', 'invoice.paid', structuredClone(inv)));
    expect(r).toEqual({ status: 200, body: { received: true, handled: 'applied' } });
    const after = await h.api('/invoices', { token: admin });
    expect(after.body.data.find((i: { id: string }) => i.id === s.invoiceA)).toMatchObject({
      status: 'paid',
      amount_due: 0,
      pay_url: null,
    });
    const events = await h.db.query('SELECT type, kind, admin_only FROM events WHERE resource_id = $1 AND org_id = $2', [
      s.invoiceA,
      await orgId(),
    ]);
    expect(events).toEqual([{ type: 'invoice.updated', kind: 'invoice', admin_only: true }]);
  });

  it('a redelivered event id does nothing twice', async () => {
    const inv = fake.objects.get(s.invoiceA)!;
    const r = await webhook(invoiceEvent('evt_paid_1', 'invoice.paid', structuredClone(inv)));
    expect(r.body.handled).toBe('duplicate');
    const events = await h.db.query('SELECT 1 FROM events WHERE resource_id = $1', [s.invoiceA]);
    expect(events).toHaveLength(1);
  });

  it('refuses a bad signature (400) and a payload changed after signing; applies nothing', async () => {
    const inv = fake.objects.get(s.invoiceA)!;
    expect((await webhook(invoiceEvent('evt_forged', 'invoice.paid', inv), 'whsec_wrong')).status).toBe(400);
    const payload = JSON.stringify(invoiceEvent('evt_tampered', 'invoice.paid', inv));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const tampered = await fetch(`${h.url}/connectors/v1/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload.replace('"paid"', '"void"'),
    });
    expect(tampered.status).toBe(400);
    expect(await h.db.query("SELECT 1 FROM connector_webhook_events WHERE event_id IN ('evt_forged', 'evt_tampered')")).toEqual([]);
  });

  it('an event of a customer no organization is mapped to is acknowledged and ignored', async () => {
    const obj = { ...structuredClone(fake.objects.get(s.invoiceA)!), id: 'in_foreign', customer: 'cus_unknown' };
    const r = await webhook(invoiceEvent('evt_foreign', 'invoice.paid', obj));
    expect(r).toEqual({ status: 200, body: { received: true, handled: 'ignored' } });
    expect(await h.db.query("SELECT 1 FROM events WHERE resource_id = 'in_foreign'")).toEqual([]);
  });

  it('a subscription change drops the cached subscription and appends a subscription event', async () => {
    await h.api('/billing/subscription', { token: admin });
    fake.objects.get('sub_suite')!.status = 'past_due';
    const r = await webhook(invoiceEvent('evt_sub_1', 'customer.subscription.updated', structuredClone(fake.objects.get('sub_suite')!)));
    expect(r.body.handled).toBe('applied');
    expect((await h.api('/billing/subscription', { token: admin })).body.subscription.status).toBe('past_due');
  });
});
