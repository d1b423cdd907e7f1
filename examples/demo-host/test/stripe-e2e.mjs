// End-to-end test of the demo with Billing from "Stripe" (PORTICO_DEMO_CONNECTORS=stripe): the
// reference server reads billing with the official `stripe` client from an in-process FAKE Stripe
// (@portico/tooling/fake-stripe, built from Stripe's published example objects — not Stripe).
// In Chromium: Billing shows Stripe's invoices through the unchanged components, drafts hidden;
// then, with the page open, the open invoice is paid in "Stripe" (`POST /v1/invoices/{id}/pay`)
// and a webhook signed with the `stripe` package's own test-header helper is sent to the server:
// the open `<portico-invoice-table>` row turns to paid live (no reload). Prints
// `demo-host stripe e2e: N passed, N failed`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import Stripe from 'stripe';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 20_000;
const LIVE_WITHIN_MS = 1000;

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const t = performance.now();
  try {
    await fn();
    passed++;
    console.log(`  ok   ${name} (${Math.round(performance.now() - t)} ms)`);
  } catch (err) {
    failed++;
    console.log(
      `  FAIL ${name} (${Math.round(performance.now() - t)} ms)\n       ${String(err?.stack ?? err).replaceAll('\n', '\n       ')}`,
    );
  }
}
const assert = (cond, msg) => {
  if (!cond) throw new Error(msg);
};
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
const [porticoPort, fakePort] = [await freePort(), await freePort()];
const filesDir = await mkdtemp(join(tmpdir(), 'demo-host-stripe-'));
const child = spawn(process.execPath, ['server.mjs'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: '0',
    PORTICO_PORT: String(porticoPort),
    DATABASE_URL: '',
    PORTICO_DATA_DIR: 'memory://',
    PORTICO_FILES_DIR: filesDir,
    PORTICO_DEMO_CONNECTORS: 'stripe',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_DEMO_FAKE_PORT: String(fakePort),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stderr.on('data', (d) => {
  out += d;
});
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`demo did not start in 120 s:\n${out}`)), 120_000);
  child.stdout.on('data', (d) => {
    out += d;
    const m = /Acme Cloud demo: (http:\/\/localhost:\d+)/.exec(out);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  child.on('exit', (code) => reject(new Error(`demo exited (${code}):\n${out}`)));
});
const fakeUrl = `http://127.0.0.1:${fakePort}`;
const porticoUrl = `http://127.0.0.1:${porticoPort}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
  headless: true,
});
try {
  const page = await (await browser.newContext()).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/login`);
  await page.check('input[name="user"][value="alice"]');
  await Promise.all([page.waitForURL(`${base}/support`), page.click('form[action="/login"] button[type="submit"]')]);

  const rowOf = (number) => page.locator('portico-invoice-table [part~="row"]').filter({ hasText: number });
  await check("Billing shows Stripe's invoices, subscription and card through the unchanged components; the draft is hidden", async () => {
    await page.goto(`${base}/billing`);
    await page.locator('portico-invoice-table').scrollIntoViewIfNeeded();
    await rowOf('ACME-S-1003').waitFor({ timeout: TIMEOUT });
    const numbers = await page.locator('portico-invoice-table [part~="number"]').allTextContents();
    assert(numbers.map((n) => n.trim()).join(',') === 'ACME-S-1003,ACME-S-1002,ACME-S-1001', `rows: ${numbers}`);
    await page.locator('portico-subscription').filter({ hasText: 'Acme Cloud Pro' }).waitFor({ timeout: TIMEOUT });
    await page.locator('portico-payment-methods').filter({ hasText: '4242' }).waitFor({ timeout: TIMEOUT });
    assert(errors.length === 0, `page errors: ${errors}`);
  });

  await check(
    `an invoice paid in Stripe turns paid in the open table within ${LIVE_WITHIN_MS} ms of the signed webhook, without a reload`,
    async () => {
      const row = rowOf('ACME-S-1003');
      const status = () => row.locator('[part~="status"]').textContent();
      const before = (await status())?.trim();
      assert(before && !/paid/i.test(before), `the open invoice's status reads "${before}"`);
      // Stripe's side: the invoice is paid (the fake's own "pay an invoice" endpoint).
      const paid = await fetch(`${fakeUrl}/v1/invoices/in_AcmeDemo3/pay`, { method: 'POST' });
      assert(paid.ok, `pay: ${paid.status}`);
      const invoice = await paid.json();
      // Stripe's webhook, signed with the endpoint secret by the package's own helper.
      const payload = JSON.stringify({
        id: `evt_${randomBytes(8).toString('hex')}`,
        object: 'event',
        type: 'invoice.paid',
        api_version: '2026-11-18.endive',
        created: Math.floor(Date.now() / 1000),
        data: { object: invoice },
      });
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
      const navigations = [];
      page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
      const t0 = performance.now();
      const r = await fetch(`${porticoUrl}/connectors/v1/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      });
      assert(r.status === 200, `webhook: ${r.status} ${await r.text()}`);
      await page.waitForFunction(
        () => {
          const table = document.querySelector('portico-invoice-table');
          const rows = [...(table?.shadowRoot?.querySelectorAll('[part~="row"]') ?? [])];
          const row = rows.find((x) => x.textContent?.includes('ACME-S-1003'));
          return /paid/i.test(row?.querySelector('[part~="status"]')?.textContent ?? '');
        },
        undefined,
        { timeout: 5000, polling: 20 },
      );
      const ms = Math.round(performance.now() - t0);
      console.log(`       webhook → row shows paid: ${ms} ms`);
      assert(navigations.length === 0, `the page navigated: ${navigations}`);
      assert(ms <= LIVE_WITHIN_MS, `took ${ms} ms`);
    },
  );
} finally {
  await browser.close();
  child.kill();
  await rm(filesDir, { recursive: true, force: true });
}
console.log(`demo-host stripe e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
