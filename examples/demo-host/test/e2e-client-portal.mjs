// End-to-end test of the client portal's other half in the demo host (issue 14), in Chromium:
// Sam, Acme Studio's staff (reviewer), sees the project's document requests and messages, asks for
// a document and replies as the studio (both appear live on the open page), and shares a private
// link; the link opens the same project in a fresh browser context (a private window: no cookie,
// no account) through <portico-provider access-link>, with the token gone from the address bar.
// Alice (no reviewer role) has no studio tools. Prints `demo-host client-portal e2e: N passed, N failed`.
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

const filesDir = await mkdtemp(join(tmpdir(), 'demo-host-client-portal-'));
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

/** A fresh context (its own cookies: a private window) recording CSP violations and page errors. */
async function session() {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__problems = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__problems.push(`CSP ${e.effectiveDirective} ${e.blockedURI}`),
      true,
    );
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const clean = async (where) => {
    const p = [...(await page.evaluate(() => window.__problems.splice(0))), ...errors.splice(0)];
    assert(p.length === 0, `${where}: ${p.join('\n')}`);
  };
  return { context, page, clean };
}
/** The text of an element's shadow root (what the component shows). */
const shadowText = (page, sel) => page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? '', sel);
const waitText = (page, sel, text) =>
  page.waitForFunction(([s, t]) => document.querySelector(s)?.shadowRoot?.textContent?.includes(t), [sel, text], { timeout: TIMEOUT });

async function signIn(page, user) {
  await page.goto(`${base}/login`);
  await page.check(`input[name="user"][value="${user}"]`);
  await Promise.all([page.waitForURL(`${base}/support`, { timeout: TIMEOUT }), page.click('form[action="/login"] button[type="submit"]')]);
}

let projectUrl = '';
let shared = '';
try {
  const sam = await session();
  const { page } = sam;

  await check(
    'sam (Acme Studio, reviewer) opens a project: document requests with accept/reject, the conversation, the studio tools',
    async () => {
      await signIn(page, 'sam');
      await page.goto(`${base}/projects`);
      await Promise.all([page.waitForURL(/\/projects\/[^/]+$/, { timeout: TIMEOUT }), page.click('text=Website relaunch')]);
      projectUrl = page.url();
      await waitText(page, 'portico-document-requests', 'Year-end documents');
      const requests = await shadowText(page, 'portico-document-requests');
      assert(/Accept/.test(requests) && /Reject/.test(requests), 'a reviewer sees no Accept / Reject on the uploaded items');
      await page.locator('portico-message-thread').waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.querySelector('portico-message-thread')?.shadowRoot?.querySelector('article'), null, {
        timeout: TIMEOUT,
      });
      assert(await page.locator('text=Acme Studio tools').isVisible(), 'no studio tools for the studio user');
      await sam.clean('project page');
    },
  );

  await check('replying as the studio (staff API) shows in the open conversation without a reload', async () => {
    const text = `Studio note ${randomBytes(4).toString('hex')}`;
    await page.fill('#studio-body', text);
    await page.click('form[data-studio-form="message"] button');
    await waitText(page, 'portico-message-thread', text);
    await page.locator('form[data-studio-form="message"] [data-studio-status]', { hasText: 'Sent' }).waitFor({ timeout: TIMEOUT });
  });

  await check('asking the client for a document (staff API) adds the request to the open list', async () => {
    const title = `Signed NDA ${randomBytes(3).toString('hex')}`;
    await page.fill('#request-title', title);
    await page.click('form[data-studio-form="request"] button');
    await waitText(page, 'portico-document-requests', title);
  });

  await check('"Share with client" makes a private link whose token is in the fragment, shown once', async () => {
    await page.click('form[data-studio-form="share"] button');
    const link = page.locator('[data-share-link] a');
    await link.waitFor({ state: 'visible', timeout: TIMEOUT });
    shared = (await link.getAttribute('href')) ?? '';
    const url = new URL(shared);
    assert(url.pathname === '/client' && url.searchParams.get('project'), `unexpected link ${shared}`);
    assert(/^#link=[A-Za-z0-9_-]{43}$/.test(url.hash), `the token is not in the fragment: ${url.hash}`);
    assert((await link.getAttribute('rel'))?.includes('noreferrer'), 'the link is opened with a Referer');
  });

  await check(
    'the link opens the project in a private window (no account): work, documents and messages; the token leaves the address bar',
    async () => {
      const guest = await session();
      const p = guest.page;
      const redeemed = p
        .waitForResponse((r) => r.url().endsWith('/portal/v1/access-links/redeem') && r.request().method() === 'POST', { timeout: TIMEOUT })
        .then((r) => r.json())
        .then((b) => b.token);
      await p.goto(shared);
      await waitText(p, 'portico-document-requests', 'Year-end documents');
      await p.waitForFunction(
        () => document.querySelector('portico-deliverable-list')?.shadowRoot?.querySelector('[part~="row"], li'),
        null,
        {
          timeout: TIMEOUT,
        },
      );
      await p.waitForFunction(() => document.querySelector('portico-message-thread')?.shadowRoot?.querySelector('article'), null, {
        timeout: TIMEOUT,
      });
      assert(!p.url().includes('#link='), `the token is still in the address bar: ${p.url()}`);
      const cookies = await guest.context.cookies();
      assert(cookies.length === 0, `the private window got cookies: ${cookies.map((c) => c.name)}`);
      // The guest token the page got reaches this project only: the support desk answers 403 to it.
      const token = await redeemed;
      assert(token, 'no guest token was redeemed by POST');
      const tickets = await fetch(`${base}/portal/v1/tickets`, { headers: { authorization: `Bearer ${token}` } });
      assert(tickets.status === 403, `a guest listed tickets (HTTP ${tickets.status})`);
      await guest.clean('private-link page');
      await guest.context.close();
    },
  );

  await check('alice (no reviewer role) has no studio tools on the same project', async () => {
    const alice = await session();
    await signIn(alice.page, 'alice');
    await alice.page.goto(projectUrl);
    await alice.page.locator('portico-document-requests').waitFor({ timeout: TIMEOUT });
    assert((await alice.page.locator('text=Acme Studio tools').count()) === 0, 'alice sees the studio tools');
    await alice.context.close();
  });
} finally {
  await browser.close();
  child.kill();
  await rm(filesDir, { recursive: true, force: true });
}
console.log(`demo-host client-portal e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
