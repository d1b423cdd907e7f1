// The billing provider suite: the same scenario and the same expectations on the contract's
// shapes, over real HTTP, for every billing provider — the database provider (the staff API fills
// its tables) and the Stripe provider (the official `stripe` client against the in-process fake
// Stripe of stripe-fake.ts, built from Stripe's published example objects: not a live Stripe).
// The harness validates every response against the contract (PORTICO_VALIDATE_RESPONSES).
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../helpers.js';
import { type Backend, databaseBackend, type Seeded, stripeBackend } from './billing-backends.js';

for (const make of [databaseBackend, stripeBackend]) {
  const backend: Backend = make();
  describe(`billing provider suite: ${backend.name}`, () => {
    let h: Harness;
    let s: Seeded;
    let admin: string;
    let other: string;
    beforeAll(async () => {
      h = await harness(await backend.config());
      s = await backend.seed(h, 'suite-org');
      admin = await h.token('suite-org', 'ada', ['member', 'admin']);
      other = await h.token('suite-other', 'olaf', ['member', 'admin']);
    });
    afterAll(async () => {
      await h?.close();
      await backend.close();
    });
    const get = async (path: string, token = admin) => {
      const r = await h.api(path, { token });
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      return r.body;
    };

    it('lists invoices newest first with numbers, statuses, minor units (JPY has none), overdue and links; drafts never appear', async () => {
      const list = await get('/invoices');
      expect(list.data.map((i: { number: string }) => i.number)).toEqual(['B-1', 'A-1']);
      const [b, a] = list.data;
      expect(a).toMatchObject({
        id: s.invoiceA,
        status: 'open',
        currency: 'USD',
        subtotal: 2000,
        tax: 400,
        total: 2400,
        amount_paid: 0,
        amount_due: 2400,
        overdue: true,
        paid_at: null,
      });
      expect(a.pay_url).toMatch(/^https:\/\//);
      expect(a.pdf_url).toBeTruthy();
      expect(b).toMatchObject({
        id: s.invoiceB,
        status: 'paid',
        currency: 'JPY',
        total: 5000,
        amount_paid: 5000,
        amount_due: 0,
        overdue: false,
      });
      expect(b.paid_at).not.toBeNull();
      expect(list.data.some((i: { id: string }) => i.id === s.draft)).toBe(false);
      expect((await h.api(`/invoices/${s.draft}`, { token: admin })).status).toBe(404);
      expect((await h.api(`/invoices/${s.draft}/detail`, { token: admin })).status).toBe(404);
    });

    it('pages with a cursor, filters by status and overdue, sorts by total (currency first), totals per currency', async () => {
      const p1 = await get('/invoices?limit=1');
      expect(p1.data.map((i: { number: string }) => i.number)).toEqual(['B-1']);
      expect(p1.next_cursor).toBeTruthy();
      const p2 = await get(`/invoices?limit=1&cursor=${encodeURIComponent(p1.next_cursor)}`);
      expect(p2.data.map((i: { number: string }) => i.number)).toEqual(['A-1']);
      expect(p2.next_cursor).toBeNull();
      expect((await get('/invoices?status=open')).data.map((i: { number: string }) => i.number)).toEqual(['A-1']);
      expect((await get('/invoices?overdue=true')).data.map((i: { number: string }) => i.number)).toEqual(['A-1']);
      expect((await get('/invoices?sort=total')).data.map((i: { number: string }) => i.number)).toEqual(['B-1', 'A-1']);
      expect((await get('/invoices/totals')).data).toEqual([
        { currency: 'JPY', count: 1, total: 5000, amount_due: 0 },
        { currency: 'USD', count: 1, total: 2400, amount_due: 2400 },
      ]);
    });

    it('an invoice with its lines, and in full: quantity, unit price, tax rate and amount, customer', async () => {
      const inv = await get(`/invoices/${s.invoiceA}`);
      expect(inv.lines).toEqual([expect.objectContaining({ description: 'Seats', quantity: 2, unit_amount: 1000, amount: 2000 })]);
      const d = await get(`/invoices/${s.invoiceA}/detail`);
      expect(d).toMatchObject({
        number: 'A-1',
        status: 'open',
        subtotal: 2000,
        discount: 0,
        tax: 400,
        total: 2400,
        amount_due: 2400,
        overdue: true,
      });
      expect(d.customer.name).toBe('Suite Org');
      expect(d.lines).toEqual([
        expect.objectContaining({
          description: 'Seats',
          quantity: 2,
          unit_amount: 1000,
          discount_amount: 0,
          tax_rate: 20,
          tax_amount: 400,
          amount: 2000,
        }),
      ]);
      const jpy = await get(`/invoices/${s.invoiceB}/detail`);
      expect(jpy).toMatchObject({ currency: 'JPY', total: 5000, amount_due: 0, status: 'paid' });
      expect(jpy.lines[0]).toMatchObject({ unit_amount: 5000, amount: 5000 });
    });

    it('payment methods: the default first, expiry flags, and what the provider can do', async () => {
      const pm = await get('/billing/payment-methods');
      expect(pm.data.map((m: { last4: string; is_default: boolean; expired: boolean }) => [m.last4, m.is_default, m.expired])).toEqual([
        ['4242', true, false],
        ['5454', false, true],
      ]);
      expect(pm.data[0]).toMatchObject({ kind: 'card', brand: 'visa', exp_month: 8 });
      expect(pm.capabilities.hosted_sessions).toBe(true);
      expect(typeof pm.capabilities.set_default).toBe('boolean');
    });

    it('the subscription: status, plan, seats, period and the scheduled change', async () => {
      const { subscription: sub, capabilities } = await get('/billing/subscription');
      expect(sub).toMatchObject({
        status: 'active',
        quantity: 3,
        plan: { name: 'Pro', unit_amount: 4900, currency: 'USD', interval: 'month' },
      });
      expect(sub.current_period_end).toBe(s.periodEnd);
      expect(sub.scheduled_change).toMatchObject({ quantity: 3, effective_at: s.periodEnd, plan: { name: 'Basic', unit_amount: 1900 } });
      expect(capabilities.hosted_sessions).toBe(true);
    });

    it('usage of the current period, with its running total', async () => {
      const u = await get('/billing/usage');
      expect(u.data).toHaveLength(1);
      expect(u.data[0]).toMatchObject({ name: 'API calls', unit: 'count', used: 1200 });
      expect(u.data[0].series.at(-1).used).toBe(1200);
    });

    it('a hosted session per click: a fresh https URL each time', async () => {
      const one = await h.api('/billing/sessions', { token: admin, body: { purpose: 'payment_method.add' } });
      const two = await h.api('/billing/sessions', { token: admin, body: { purpose: 'subscription.change' } });
      expect(one.status, one.text).toBe(201);
      expect(two.status, two.text).toBe(201);
      expect(one.body.url).toMatch(/^https:\/\//);
      expect(one.body.url).not.toBe(two.body.url);
    });

    it('another organization sees none of it', async () => {
      expect((await get('/invoices', other)).data).toEqual([]);
      expect((await get('/billing/payment-methods', other)).data).toEqual([]);
      expect((await get('/billing/subscription', other)).subscription).toBeNull();
      expect((await h.api(`/invoices/${s.invoiceA}/detail`, { token: other })).status).toBe(404);
    });
  });
}
