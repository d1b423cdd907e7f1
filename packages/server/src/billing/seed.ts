/**
 * Billing demo data, loaded once (its own mark in `seed_runs`, so a database seeded before billing
 * existed gets it too): for `acme` and `globex` payment methods (one card expired, one expiring),
 * auto-pay, a subscription (acme's with a plan change scheduled at renewal), a month of usage per
 * meter, invoices in full with tax, discounts, a credit line, payments, a refund and a credit note,
 * and customer details and payments on the invoices of the main seed. Written through the staff
 * API's handlers (staff.ts), as a company's billing system would.
 */
import type { StaffCtx } from '../context.js';
import type { Db } from '../db/db.js';
import type { Storage } from '../storage/index.js';
import { billingStaff } from './staff.js';

const DAY = 86_400_000;

export async function seedBilling(db: Db, storage: Storage): Promise<boolean> {
  return db.transaction(async (tx) => {
    const mark = await tx.query("INSERT INTO seed_runs (name) VALUES ('billing') ON CONFLICT DO NOTHING RETURNING name");
    if (mark.length === 0) return false;
    const orgs = await tx.query<{ id: string; external_id: string; name: string }>(
      "SELECT id, external_id, name FROM organizations WHERE external_id IN ('acme', 'globex') ORDER BY external_id",
    );
    const ctx = (params: unknown, body: unknown) =>
      ({ svc: { storage }, db: tx, params, body, query: {}, fileUrl: () => '/' }) as unknown as StaffCtx<never, never, never>;
    const now = new Date();
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    // Billing anniversary: the period started 27 days ago and renews in 3 days.
    const periodStart = new Date(Date.UTC(year, now.getUTCMonth(), now.getUTCDate()) - 27 * DAY);
    const periodEnd = new Date(periodStart.getTime() + 30 * DAY);
    for (const o of orgs) {
      const acme = o.external_id === 'acme';
      const org = o.external_id;
      // Customer details and the payments of the invoices the main seed made.
      await tx.query(
        `UPDATE invoices SET customer_name = $2, customer_email = $3, customer_address = $4, customer_tax_id = $5
         WHERE org_id = $1 AND customer_name IS NULL`,
        [
          o.id,
          o.name,
          acme ? 'billing@acme.example' : 'ap@globex.example',
          acme ? 'Acme Corporation\nFriedrichstraße 123\n10117 Berlin\nGermany' : 'Globex Inc.\n1 Globex Way\nSpringfield, OR 97403\nUSA',
          acme ? 'DE123456789' : null,
        ],
      );
      await tx.query(
        `INSERT INTO invoice_applications (id, org_id, invoice_id, kind, number, amount, description, applied_at)
         SELECT 'iap_' || i.id, i.org_id, i.id, 'payment', 'RCPT-' || i.number, i.amount_paid, $2, COALESCE(i.paid_at, i.issued_at)
         FROM invoices i WHERE i.org_id = $1 AND i.amount_paid > 0
         ON CONFLICT DO NOTHING`,
        [o.id, acme ? 'Visa •••• 4242' : 'Visa •••• 1881'],
      );

      const card = (ext: string, body: Record<string, unknown>) => billingStaff.upsertPaymentMethod(ctx({ org, externalId: ext }, body));
      if (acme) {
        await card('card_visa', {
          kind: 'card',
          brand: 'visa',
          last4: '4242',
          expMonth: 8,
          expYear: year + 2,
          holderName: 'Alice Anders',
          isDefault: true,
        });
        await card('card_mc_old', {
          kind: 'card',
          brand: 'mastercard',
          last4: '5454',
          expMonth: 3,
          expYear: year - 1,
          holderName: 'Alice Anders',
        });
        const soon = new Date(Date.UTC(year, month, 1));
        await card('card_amex', {
          kind: 'card',
          brand: 'amex',
          last4: '0005',
          expMonth: soon.getUTCMonth() + 1,
          expYear: soon.getUTCFullYear(),
          holderName: 'Carol Chen',
        });
        await card('sepa_main', { kind: 'bank_account', brand: 'Commerzbank', last4: '3000', holderName: 'Acme Corporation' });
      } else {
        await card('card_visa', {
          kind: 'card',
          brand: 'visa',
          last4: '1881',
          expMonth: 11,
          expYear: year + 3,
          holderName: 'Gina Garcia',
          isDefault: true,
        });
      }
      await billingStaff.setAccount(ctx({ org }, { autoPay: acme }));

      const plan = (id: string, name: string, unitAmount: number, currency: string) => ({
        id,
        name,
        unitAmount,
        currency,
        interval: 'month',
      });
      await billingStaff.setSubscription(
        ctx(
          { org },
          acme
            ? {
                status: 'active',
                plan: plan('business', 'Business', 4900, 'EUR'),
                quantity: 25,
                currentPeriodStart: periodStart.toISOString(),
                currentPeriodEnd: periodEnd.toISOString(),
                scheduledChange: {
                  plan: plan('business_plus', 'Business Plus', 6900, 'EUR'),
                  quantity: 30,
                  effectiveAt: periodEnd.toISOString(),
                },
              }
            : {
                status: 'trialing',
                plan: plan('team', 'Team', 1900, 'USD'),
                quantity: 8,
                currentPeriodStart: new Date(now.getTime() - 10 * DAY).toISOString(),
                currentPeriodEnd: new Date(now.getTime() + 4 * DAY).toISOString(),
                trialEnd: new Date(now.getTime() + 4 * DAY).toISOString(),
              },
        ),
      );

      // Meters with a month of usage (every 6 hours, busier on weekdays).
      const meters: Array<[string, Record<string, unknown>, number]> = acme
        ? [
            [
              'api_calls',
              { name: 'API calls', unit: 'count', unitLabel: 'calls', limit: 1_000_000, softLimit: true, warningThreshold: 0.8 },
              9_500,
            ],
            ['data_transfer', { name: 'Data transfer', unit: 'gigabyte', limit: 500, softLimit: false, warningThreshold: 0.9 }, 4.1],
            ['build_minutes', { name: 'Build minutes', unit: 'minute', limit: 6_000, softLimit: true, warningThreshold: 0.75 }, 62],
            [
              'sms',
              { name: 'Text messages', unit: 'count', unitLabel: 'messages', limit: 2_000, softLimit: true, warningThreshold: 0.8 },
              21,
            ],
            ['emails', { name: 'Emails sent', unit: 'count', unitLabel: 'emails', limit: null, warningThreshold: 0.8 }, 1_300],
          ]
        : [
            [
              'api_calls',
              { name: 'API calls', unit: 'count', unitLabel: 'calls', limit: 100_000, softLimit: false, warningThreshold: 0.8 },
              300,
            ],
          ];
      let seed = acme ? 7 : 11;
      const noise = () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
      for (const [i, [key, meter, perSlot]] of meters.entries()) {
        await billingStaff.upsertMeter(
          ctx(
            { org, key },
            { ...meter, resetInterval: 'month', periodStart: periodStart.toISOString(), periodEnd: periodEnd.toISOString(), position: i },
          ),
        );
        const records: Array<{ at: string; quantity: number }> = [];
        for (let t = periodStart.getTime() + 3 * 3_600_000; t < now.getTime(); t += 6 * 3_600_000) {
          const weekday = new Date(t).getUTCDay() % 6 !== 0;
          const q = perSlot * (weekday ? 1 : 0.35) * (0.6 + noise() * 0.8);
          records.push({ at: new Date(t).toISOString(), quantity: meter.unit === 'gigabyte' ? Math.round(q * 100) / 100 : Math.round(q) });
        }
        await billingStaff.recordUsage(ctx({ org, key }, { records }));
      }

      // Invoices in full.
      const issued = new Date(periodStart.getTime());
      const detailed = await billingStaff.issueInvoice(
        ctx(
          {},
          {
            org,
            number: `${org.toUpperCase()}-${year}-D001`,
            currency: acme ? 'EUR' : 'USD',
            customer: acme
              ? {
                  name: 'Acme Corporation',
                  email: 'billing@acme.example',
                  address: 'Acme Corporation\nFriedrichstraße 123\n10117 Berlin\nGermany',
                  taxId: 'DE123456789',
                }
              : { name: 'Globex Inc.', email: 'ap@globex.example', address: 'Globex Inc.\n1 Globex Way\nSpringfield, OR 97403\nUSA' },
            lines: [
              {
                description: acme ? 'Business plan (per seat)' : 'Team plan (per seat)',
                quantity: acme ? 25 : 8,
                unitAmount: acme ? 4900 : 1900,
                taxRate: acme ? 19 : null,
                periodStart: periodStart.toISOString(),
                periodEnd: periodEnd.toISOString(),
              },
              {
                description: 'API overage (per 1,000 calls)',
                quantity: 120,
                unitAmount: 40,
                discountAmount: 480,
                taxRate: acme ? 19 : null,
              },
              { description: 'Premium support', quantity: 1, unitAmount: 29900, discountAmount: 2990, taxRate: acme ? 19 : null },
              { description: 'Credit: outage on 12 Oct (SLA)', quantity: -1, unitAmount: 15000, taxRate: acme ? 19 : null },
            ],
            discount: 1000,
            issuedAt: issued.toISOString(),
            dueAt: new Date(issued.getTime() + 14 * DAY).toISOString(),
            payUrl: `https://pay.example.com/${org}/${org.toUpperCase()}-${year}-D001`,
            memo: 'Thank you for your business. Volume discount applied to premium support.',
          },
        ),
      );
      await billingStaff.applyToInvoice(
        ctx(
          { id: detailed.id },
          {
            kind: 'payment',
            amount: 50000,
            number: 'RCPT-20931',
            description: acme ? 'Visa •••• 4242' : 'Visa •••• 1881',
            appliedAt: new Date(issued.getTime() + 2 * DAY).toISOString(),
          },
        ),
      );
      await billingStaff.applyToInvoice(
        ctx(
          { id: detailed.id },
          {
            kind: 'credit_note',
            amount: 5000,
            number: 'CN-0012',
            description: 'Goodwill credit',
            appliedAt: new Date(issued.getTime() + 3 * DAY).toISOString(),
          },
        ),
      );
      await billingStaff.applyToInvoice(
        ctx(
          { id: detailed.id },
          {
            kind: 'refund',
            amount: 2500,
            number: 'RF-0007',
            description: 'Duplicate seat refunded',
            appliedAt: new Date(issued.getTime() + 5 * DAY).toISOString(),
          },
        ),
      );
    }
    return true;
  });
}
