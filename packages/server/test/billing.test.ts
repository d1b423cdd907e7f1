// The billing endpoints over real HTTP (PGlite, and PostgreSQL when DATABASE_URL is set): invoices
// in full, payment methods and their rules, the subscription, usage, hosted sessions (none unless
// configured), and the provider interface (another provider's data and capabilities reach the
// portal). Tenancy and roles of every billing endpoint are covered by security.test.ts, malformed
// input by fuzz-endpoints.test.ts (both iterate the endpoint table).
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databaseBilling } from '../src/billing/database.js';
import { billingOf } from '../src/billing/provider.js';
import { type Fixture, type Harness, STAFF_KEY, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x), { billingPortalUrl: 'https://billing.acme.example/portal' });

const DAY = 86_400_000;
const alice = () => fx.tokens.alice;

describe('invoice detail', () => {
  it('lines with quantity, unit price, discounts and tax; the invoice discount; payments, refunds and credit notes applied', async () => {
    const issued = await h.staff('/billing/invoices', {
      body: {
        org: 'acme',
        number: 'ACME-D-1',
        currency: 'EUR',
        customer: { name: 'Acme Corporation', email: 'billing@acme.example', address: 'Street 1\nBerlin', tax_id: 'DE1' },
        lines: [
          { description: 'Seats', quantity: 10, unit_amount: 4900, tax_rate: 19 },
          { description: 'Support', quantity: 1, unit_amount: 10000, discount_amount: 1000, tax_rate: 19 },
          { description: 'SLA credit', quantity: -1, unit_amount: 5000, tax_rate: 19 },
        ],
        discount: 500,
        due_at: new Date(Date.now() + 14 * DAY).toISOString(),
        memo: 'Thanks',
      },
    });
    expect(issued.status, issued.text).toBe(201);
    const id = issued.body.id;
    // 49000 + 9000 − 5000 = 53000; tax 9310 + 1710 − 950 = 10070; total 53000 − 500 + 10070 = 62570.
    expect(issued.body).toMatchObject({ subtotal: 53000, discount: 500, tax: 10070, total: 62570, amount_due: 62570 });
    const apply = (body: Record<string, unknown>) => h.staff(`/invoices/${id}/applications`, { body });
    expect((await apply({ kind: 'payment', amount: 40000, number: 'R-1', description: 'Visa •••• 4242' })).status).toBe(201);
    expect((await apply({ kind: 'credit_note', amount: 2570, number: 'CN-1' })).status).toBe(201);
    expect((await apply({ kind: 'refund', amount: 1000 })).status).toBe(201);
    const tooMuch = await apply({ kind: 'refund', amount: 1_000_000 });
    expect(tooMuch.status).toBe(409);

    const r = await h.api(`/invoices/${id}/detail`, { token: alice() });
    expect(r.status).toBe(200);
    expect(r.body.customer).toEqual({
      name: 'Acme Corporation',
      email: 'billing@acme.example',
      address: 'Street 1\nBerlin',
      tax_id: 'DE1',
    });
    expect(
      r.body.lines.map((l: Record<string, unknown>) => [l.quantity, l.unit_amount, l.discount_amount, l.tax_rate, l.tax_amount, l.amount]),
    ).toEqual([
      [10, 4900, 0, 19, 9310, 49000],
      [1, 10000, 1000, 19, 1710, 9000],
      [-1, 5000, 0, 19, -950, -5000],
    ]);
    expect(r.body).toMatchObject({ amount_paid: 40000, amount_credited: 2570, amount_refunded: 1000, amount_due: 21000, memo: 'Thanks' });
    expect(r.body.applications.map((a: { kind: string }) => a.kind)).toEqual(['payment', 'credit_note', 'refund']);
    expect(r.body.pdf_url).toMatch(/\/files\//);
    // The list says the same amount due.
    const list = await h.api('/invoices?limit=100', { token: alice() });
    expect(list.body.data.find((i: { id: string }) => i.id === id).amount_due).toBe(21000);
    // Another organization's admin: 404, like a missing invoice.
    expect((await h.api(`/invoices/${id}/detail`, { token: fx.tokens.gina })).status).toBe(404);
  });

  it('an invoice issued by the plain staff endpoint has a detail too (customer: the organization, tax at invoice level)', async () => {
    const r = await h.api(`/invoices/${fx.acme.invoice}/detail`, { token: alice() });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ subtotal: 2000, tax: 400, total: 2400, discount: 0, applications: [] });
    expect(r.body.customer.name).toBeTruthy();
    expect(r.body.lines[0]).toMatchObject({ quantity: 2, unit_amount: 1000, tax_rate: null, discount_amount: 0 });
  });
});

describe('payment methods', () => {
  it('lists cards and bank accounts, the default first, with expired and expiring flags, auto-pay and the capabilities', async () => {
    const year = new Date().getUTCFullYear();
    const month = new Date().getUTCMonth() + 1;
    await h.staff('/orgs/acme/payment-methods/old', {
      body: { kind: 'card', brand: 'mastercard', last4: '5454', exp_month: 1, exp_year: year - 1 },
    });
    await h.staff('/orgs/acme/payment-methods/soon', {
      body: { kind: 'card', brand: 'amex', last4: '0005', exp_month: month, exp_year: year },
    });
    const r = await h.api('/billing/payment-methods', { token: alice() });
    expect(r.status).toBe(200);
    expect(r.body.data[0]).toMatchObject({ id: fx.billing.acmeMethod, is_default: true, expired: false, brand: 'visa', last4: '4242' });
    const by = (l4: string) => r.body.data.find((m: { last4: string }) => m.last4 === l4);
    expect(by('5454')).toMatchObject({ expired: true, expiring_soon: false });
    expect(by('0005')).toMatchObject({ expired: false, expiring_soon: true });
    expect(by('3000')).toMatchObject({ kind: 'bank_account', exp_month: null, expired: false, expiring_soon: false });
    expect(r.body.capabilities).toEqual({ remove: true, set_default: true, auto_pay: true, hosted_sessions: true });
    // An expired card cannot become the default.
    const expired = await h.api(`/billing/payment-methods/${by('5454').id}/default`, { token: alice(), method: 'POST' });
    expect(expired.status).toBe(409);
    // Clean up for the next test.
    await h.staff('/orgs/acme/payment-methods/old', { method: 'DELETE' });
    const del = await h.staff('/orgs/acme/payment-methods/soon', { method: 'DELETE' });
    expect(del.body).toEqual({ deleted: true });
  });

  it('auto-pay needs a valid default; the default and the last method cannot be removed while it is on; each change is a live event', async () => {
    const setAuto = (enabled: boolean) => h.api('/billing/auto-pay', { token: alice(), body: { enabled } });
    const on = await setAuto(true);
    expect(on.status).toBe(200);
    expect(on.body.auto_pay).toBe(true);
    const removeDefault = await h.api(`/billing/payment-methods/${fx.billing.acmeMethod}`, { token: alice(), method: 'DELETE' });
    expect(removeDefault.status).toBe(409);
    // Make the bank account the default, then the card can go.
    const def = await h.api(`/billing/payment-methods/${fx.billing.acmeOtherMethod}/default`, { token: alice(), method: 'POST' });
    expect(def.status).toBe(200);
    expect(def.body.data.filter((m: { is_default: boolean }) => m.is_default).map((m: { id: string }) => m.id)).toEqual([
      fx.billing.acmeOtherMethod,
    ]);
    const removed = await h.api(`/billing/payment-methods/${fx.billing.acmeMethod}`, { token: alice(), method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.data.map((m: { id: string }) => m.id)).toEqual([fx.billing.acmeOtherMethod]);
    // The last one, with auto-pay on: refused.
    const last = await h.api(`/billing/payment-methods/${fx.billing.acmeOtherMethod}`, { token: alice(), method: 'DELETE' });
    expect(last.status).toBe(409);
    expect(last.body.detail).toMatch(/only payment method/);
    // Removing acme's method with gina's token: 404.
    expect(
      (await h.api(`/billing/payment-methods/${fx.billing.acmeOtherMethod}`, { token: fx.tokens.gina, method: 'DELETE' })).status,
    ).toBe(404);
    const off = await setAuto(false);
    expect(off.body.auto_pay).toBe(false);
    const events = await h.db.query("SELECT count(*)::int AS n FROM events WHERE type = 'payment_method.updated' AND admin_only");
    expect(events[0]!.n).toBeGreaterThanOrEqual(4);
    // Put the card back for other tests.
    await h.staff('/orgs/acme/payment-methods/visa', {
      body: { kind: 'card', brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2099, is_default: true },
    });
  });
});

describe('subscription and usage', () => {
  it('the subscription with a scheduled change', async () => {
    const end = new Date(Date.now() + 5 * DAY).toISOString();
    const set = await h.staff('/orgs/acme/subscription', {
      body: {
        status: 'past_due',
        plan: { id: 'biz', name: 'Business', unit_amount: 4900, currency: 'EUR', interval: 'month' },
        quantity: 12,
        current_period_start: new Date(Date.now() - 25 * DAY).toISOString(),
        current_period_end: end,
        scheduled_change: {
          plan: { id: 'plus', name: 'Plus', unit_amount: 6900, currency: 'EUR', interval: 'month' },
          quantity: 15,
          effective_at: end,
        },
      },
    });
    expect(set.status, set.text).toBe(200);
    const r = await h.api('/billing/subscription', { token: alice() });
    expect(r.body.subscription).toMatchObject({ status: 'past_due', quantity: 12, plan: { name: 'Business' } });
    expect(r.body.subscription.scheduled_change).toMatchObject({ quantity: 15, plan: { name: 'Plus' }, effective_at: end });
    expect(r.body.capabilities).toEqual({ hosted_sessions: true });
  });

  it('usage: the period total, a running series, limits, and a period in the past rolled forward by its reset interval', async () => {
    const start = new Date(Date.now() - 40 * DAY);
    const m = await h.staff('/orgs/acme/meters/storage', {
      body: {
        name: 'Storage',
        unit: 'gigabyte',
        limit: null,
        reset_interval: 'month',
        period_start: start.toISOString(),
        period_end: new Date(start.getTime() + 30 * DAY).toISOString(),
      },
    });
    expect(m.status, m.text).toBe(200);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
    // 35 days ago is in the previous period: not counted.
    const rec = await h.staff('/orgs/acme/meters/storage/usage', {
      body: { records: [at(35), at(5), at(5.01), at(2)].map((t, i) => ({ at: t, quantity: [100, 1.5, 2, 3][i] })) },
    });
    expect(rec.status, rec.text).toBe(201);
    const r = await h.api('/billing/usage', { token: alice() });
    const storage = r.body.data.find((x: { key: string }) => x.key === 'storage');
    expect(storage).toMatchObject({ used: 6.5, limit: null, unit: 'gigabyte', reset_interval: 'month' });
    expect(new Date(storage.period_start).getTime()).toBe(start.getTime() + 30 * DAY);
    expect(storage.series.map((p: { used: number }) => p.used)).toEqual([3.5, 6.5]);
    expect(Date.parse(r.body.as_of)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('hosted sessions and the provider interface', () => {
  it('with PORTICO_BILLING_PORTAL_URL: a signed, expiring one-time link per request', async () => {
    const r = await h.api('/billing/sessions', {
      token: alice(),
      body: { purpose: 'payment_method.add', return_url: 'https://acme.example/billing' },
    });
    expect(r.status, r.text).toBe(201);
    const url = new URL(r.body.url);
    expect(url.origin + url.pathname).toBe('https://billing.acme.example/portal');
    const fields = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'sig'));
    const canonical = Object.keys(fields)
      .sort()
      .map((k) => `${k}=${fields[k]}`)
      .join('&');
    expect(url.searchParams.get('sig')).toBe(createHmac('sha256', STAFF_KEY).update(canonical).digest('base64url'));
    const again = await h.api('/billing/sessions', { token: alice(), body: { purpose: 'payment_method.add' } });
    expect(new URL(again.body.url).searchParams.get('nonce')).not.toBe(url.searchParams.get('nonce'));
    const other = await h.api('/billing/sessions', {
      token: alice(),
      body: { purpose: 'payment_method.update', method_id: fx.billing.globexMethod },
    });
    expect(other.status).toBe(404);
  });

  it('the database provider without a billing page has no hosted sessions (409, and the capability says so)', async () => {
    const p = databaseBilling({ fileUrlSecret: 'x', staffKey: 'y' });
    expect(p.capabilities.hostedSessions).toBe(false);
    const db = h.db.forOrg((await h.db.query("SELECT id FROM organizations WHERE external_id = 'acme'"))[0]!.id);
    await expect(p.sessions.create({ db, fileUrl: () => '' }, { purpose: 'subscription.cancel' })).rejects.toMatchObject({ status: 409 });
    expect((await p.paymentMethods.list({ db, fileUrl: () => '' })).capabilities.hostedSessions).toBe(false);
  });

  it('another provider given to the server answers the portal (the connector seam of issue 15)', async () => {
    const svc = h.server.portico.services;
    const base = billingOf(svc);
    svc.billing = {
      ...base,
      name: 'fake',
      subscription: { get: async () => ({ subscription: null, capabilities: { hostedSessions: false } }) },
      invoices: { ...base.invoices, list: async () => ({ data: [], nextCursor: null }) },
    };
    try {
      const r = await h.api('/billing/subscription', { token: alice() });
      expect(r.body).toEqual({ subscription: null, capabilities: { hosted_sessions: false } });
      // The invoice list too: the portal's invoices group asks the provider.
      expect((await h.api('/invoices', { token: alice() })).body).toEqual({ data: [], next_cursor: null });
      expect((await h.api(`/invoices/${fx.acme.invoice}`, { token: alice() })).status).toBe(200);
    } finally {
      svc.billing = undefined;
    }
  });
});
