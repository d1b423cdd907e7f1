/** Billing rows of the shared fixture (helpers.ts `seedFixture`): each organization's through the staff API. */
import type { Harness, Res } from './helpers.js';

export interface BillingFixture {
  acmeMethod: string;
  acmeOtherMethod: string;
  globexMethod: string;
  globexMeter: string;
}

const ok = (r: Res, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r.body;
};
const DAY = 86_400_000;

export async function seedBillingFixture(h: Harness): Promise<BillingFixture> {
  const year = new Date().getUTCFullYear();
  const method = async (org: string, ext: string, body: Record<string, unknown>) =>
    ok(await h.staff(`/orgs/${org}/payment-methods/${ext}`, { body }), 'payment method').id as string;
  const acmeMethod = await method('acme', 'visa', {
    kind: 'card',
    brand: 'visa',
    last4: '4242',
    exp_month: 8,
    exp_year: year + 2,
    is_default: true,
  });
  const acmeOtherMethod = await method('acme', 'sepa', { kind: 'bank_account', brand: 'Commerzbank', last4: '3000' });
  const globexMethod = await method('globex', 'visa', { kind: 'card', brand: 'visa', last4: '1881', exp_month: 1, exp_year: year + 1 });
  const start = new Date(Date.now() - 10 * DAY).toISOString();
  const end = new Date(Date.now() + 20 * DAY).toISOString();
  for (const org of ['acme', 'globex']) {
    ok(
      await h.staff(`/orgs/${org}/subscription`, {
        body: {
          status: 'active',
          plan: {
            id: `${org}-plan`,
            name: org === 'globex' ? 'Globex only' : 'Business',
            unit_amount: 4900,
            currency: 'EUR',
            interval: 'month',
          },
          quantity: 5,
          current_period_start: start,
          current_period_end: end,
        },
      }),
      'subscription',
    );
  }
  const meter = async (org: string, key: string, name: string) => {
    const m = ok(
      await h.staff(`/orgs/${org}/meters/${key}`, {
        body: { name, unit: 'count', unit_label: 'calls', limit: 1000, reset_interval: 'month', period_start: start, period_end: end },
      }),
      'meter',
    );
    ok(
      await h.staff(`/orgs/${org}/meters/${key}/usage`, {
        body: { records: [{ at: new Date(Date.now() - DAY).toISOString(), quantity: 10 }] },
      }),
      'usage',
    );
    return m.id as string;
  };
  await meter('acme', 'api_calls', 'API calls');
  const globexMeter = await meter('globex', 'globex_calls', 'Globex only');
  return { acmeMethod, acmeOtherMethod, globexMethod, globexMeter };
}
