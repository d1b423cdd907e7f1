// End-to-end test of the demo host with its support served by the Zendesk connector
// (PORTICO_DEMO_CONNECTORS=zendesk: an in-process fake of Zendesk built from its published API
// shapes — no live account) in Chromium: the same ticket list and ticket page as with the built-in
// tables, fed by Zendesk requests, and the agent's internal note on a request never visible — not
// on the page, not in any response the browser receives. Prints `demo-host zendesk e2e: N passed, N failed`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 30_000;
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (err) {
    failed++;
    console.log(`  FAIL ${name}\n       ${String(err?.stack ?? err).replaceAll('\n', '\n       ')}`);
  }
}
const assert = (cond, msg) => {
  if (!cond) throw new Error(msg);
};

const filesDir = await mkdtemp(join(tmpdir(), 'demo-host-zendesk-'));
const child = spawn(process.execPath, ['server.mjs'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: '0',
    PORTICO_PORT: '0',
    DATABASE_URL: '',
    PORTICO_DATA_DIR: 'memory://',
    PORTICO_FILES_DIR: filesDir,
    PORTICO_JWT_SECRET: `jwt-${randomBytes(24).toString('hex')}`,
    PORTICO_STAFF_KEY: `staff-${randomBytes(24).toString('hex')}`,
    PORTICO_DEMO_CONNECTORS: 'zendesk',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stderr.on('data', (d) => {
  out += d;
});
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`demo did not start in 180 s:\n${out}`)), 180_000);
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

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await (await browser.newContext()).newPage();
const bodies = [];
page.on('response', (r) => {
  if (!(r.headers()['content-type'] ?? '').startsWith('text/event-stream')) bodies.push(r.text().catch(() => ''));
});
const shadowText = (sel) => page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', sel);

try {
  await check(
    "alice (admin) signs in; Support lists her Zendesk organization's requests in the unchanged ticket list, statuses mapped",
    async () => {
      await page.goto(`${base}/login`);
      await page.check('input[name="user"][value="alice"]');
      await Promise.all([
        page.waitForURL(`${base}/support`, { timeout: TIMEOUT }),
        page.click('form[action="/login"] button[type="submit"]'),
      ]);
      await page.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
      const rows = await page.locator('portico-ticket-list [part~="row"]').count();
      assert(rows === 4, `expected the 4 requests of Acme's Zendesk organization, saw ${rows} rows`);
      const text = await shadowText('portico-ticket-list');
      for (const subject of [
        'Export to CSV drops the last column',
        'Invoice address needs our VAT number',
        'SSO login loops back to the sign-in page',
        'Cannot invite a colleague',
      ])
        assert(text.includes(subject), `no row for “${subject}”`);
      assert(/on hold/i.test(text), 'Zendesk’s hold status is not shown as on hold');
    },
  );

  await check('the ticket page shows the public conversation and no internal note, on the page or in any response', async () => {
    await Promise.all([
      page.waitForURL(/\/support\/tickets\/\d+$/, { timeout: TIMEOUT }),
      page.locator('portico-ticket-list [part~="row"]', { hasText: 'Export to CSV' }).first().click(),
    ]);
    await page.locator('portico-ticket-detail [part~="message"]', { hasText: 'a fix is on its way' }).waitFor({ timeout: TIMEOUT });
    const messages = await page.locator('portico-ticket-detail [part~="message"]').count();
    assert(messages === 2, `expected the 2 public comments, saw ${messages}`);
    const text = await shadowText('portico-ticket-detail');
    assert(!text.includes('ENG-4411') && !text.includes('Internal:'), 'the internal note is on the page');
    const all = (await Promise.all(bodies)).join('\n');
    assert(all.includes('a fix is on its way'), 'the public reply was not in the responses (is the check looking at the right bodies?)');
    assert(!all.includes('ENG-4411'), 'the internal note reached the browser in a response');
  });
} finally {
  await browser.close();
  child.kill();
  await rm(filesDir, { recursive: true, force: true });
}
console.log(`demo-host zendesk e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
