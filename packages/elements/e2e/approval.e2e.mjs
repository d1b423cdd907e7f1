#!/usr/bin/env node
/**
 * End-to-end: the approval flow in Chromium against the REAL reference server (no mocks).
 *
 * Starts @portico/server (in-memory PGlite, or a fresh database when DATABASE_URL is set) with the
 * demo seed, creates a project and a deliverable through the staff API, bundles a test page from
 * the elements' sources with esbuild, serves it from a tiny node:http server that mints the portal
 * token server-side (`POST /token`; the secret never reaches the page) and proxies `/portal/v1`
 * to the API, then drives /usr/bin/chromium with playwright-core:
 * open the deliverable, comment with a region anchor, approve with a double click while the first
 * decision's response is lost on the network (the client retries with the same Idempotency-Key),
 * see the audit trail, and check in the database that exactly one decision was recorded.
 *
 *   node e2e/approval.e2e.mjs        (from packages/elements; PORTICO_E2E_HEADED=1 to watch)
 *
 * Prints `e2e: N passed, N failed` and exits non-zero on any failure.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { tsImport } from 'tsx/esm/api';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SECRET = 'e2e-jwt-secret-0123456789abcdef0123456789';
const STAFF_KEY = 'e2e-staff-key';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const results = [];
const debug = { page: undefined, errors: [] };
async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 4)
        .join('\n    ')}`,
    );
    if (debug.page) {
      const dump = await debug.page
        .evaluate(() =>
          [...document.querySelectorAll('main > *')].map(
            (el) => `<${el.localName}> ${el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300)}`,
          ),
        )
        .catch((e) => [String(e)]);
      console.log(`    page: ${dump.join('\n          ')}\n    errors: ${debug.errors.join('; ')}`);
    }
    throw error;
  }
}
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};

const cleanups = [];
let exitCode = 0;
try {
  await run();
} catch {
  exitCode = 1;
} finally {
  for (const fn of cleanups.reverse()) await fn().catch((e) => console.error('cleanup:', e?.message ?? e));
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (failed) exitCode = 1;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(exitCode);
}

async function run() {
  // ── the server ─────────────────────────────────────────────────────────────────────────────
  const server = await tsImport('../../server/src/index.ts', import.meta.url);
  let api;
  let db;
  await step('reference server starts and seeds', async () => {
    const filesDir = await mkdtemp(join(tmpdir(), 'portico-e2e-'));
    cleanups.push(() => rm(filesDir, { recursive: true, force: true }));
    // A fresh PostgreSQL database when DATABASE_URL (or PORTICO_E2E_DATABASE_URL) is set, as in CI
    // (`pnpm test` sets it when PostgreSQL answers), otherwise PGlite in memory.
    const pgUrl = process.env.PORTICO_E2E_DATABASE_URL || process.env.DATABASE_URL;
    if (pgUrl) {
      const admin = await server.openPostgres(pgUrl);
      const name = `portico_e2e_${process.pid}_${Date.now()}`;
      await admin.exec(`CREATE DATABASE ${name}`);
      cleanups.push(async () => {
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      });
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      db = await server.openPostgres(url.href, process.env.E2E_PIPELINES ? { pipelines: Number(process.env.E2E_PIPELINES) } : {});
    } else {
      console.log(
        'SKIPPED approval e2e on PostgreSQL: DATABASE_URL is not set, it runs on PGlite (CI has PostgreSQL: there it runs on it)',
      );
      db = await server.openPglite('memory://');
    }
    cleanups.push(() => db.close());
    api = await server.startServer({
      db,
      config: {
        port: 0,
        dataDir: 'memory://',
        databaseUrl: undefined,
        filesDir,
        jwtSecret: SECRET,
        staffKey: STAFF_KEY,
        logLevel: process.env.PORTICO_E2E_LOG ?? 'silent',
      },
    });
    cleanups.push(() => api.close());
    await server.seed(db, { filesDir });
  });

  const staff = async (method, path, body) => {
    const res = await fetch(`${api.url}/staff/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${STAFF_KEY}`, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`staff ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  let project;
  let deliverable;
  await step('staff API creates a project with milestones and a deliverable', async () => {
    const past = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    project = await staff('POST', '/projects', {
      org: 'acme',
      name: 'E2E launch',
      milestones: [
        { title: 'Kick-off', due_on: past, status: 'done' },
        { title: 'Design review', due_on: past, status: 'in_progress' },
        { title: 'Go live', due_on: future, status: 'planned' },
      ],
    });
    const form = new FormData();
    form.append('title', 'E2E homepage');
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'home.png');
    deliverable = await staff('POST', `/projects/${project.id}/deliverables`, form);
    assert(deliverable.current_version.number === 1, 'the deliverable has version 1');
    const [row] = await db.query('SELECT count(*)::int AS n FROM approvals WHERE deliverable_id = $1', [deliverable.id]);
    assert(row.n === 0, `no decision yet (found ${row.n})`);
  });

  // ── the page and its backend ───────────────────────────────────────────────────────────────
  const viewer = existsSync(here('../src/components/deliverable-viewer/deliverable-viewer.ts'));
  let bundle;
  await step('test page bundles with esbuild from the sources', async () => {
    const out = await esbuild.build({
      entryPoints: [here('./page.mjs')],
      bundle: true,
      format: 'esm',
      write: false,
      conditions: ['source'],
      target: 'es2022',
      logLevel: 'silent',
      plugins: [
        {
          name: 'optional-viewer',
          setup(b) {
            b.onResolve({ filter: /^portico-e2e-optional$/ }, () => ({ path: 'optional', namespace: 'e2e' }));
            b.onLoad({ filter: /.*/, namespace: 'e2e' }, () => ({
              contents: viewer ? "import '../src/components/deliverable-viewer/deliverable-viewer.ts';" : '',
              resolveDir: here('.'),
              loader: 'js',
            }));
          },
        },
      ],
    });
    bundle = out.outputFiles[0].text;
  });

  const page_html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portico e2e</title></head><body>
    <main>
      ${viewer ? `<portico-deliverable-viewer data-portico deliverable-id="${deliverable.id}" hide-comments no-live></portico-deliverable-viewer>` : ''}
      <portico-project-timeline data-portico project-id="${project.id}"></portico-project-timeline>
      <portico-comment-thread data-portico deliverable-id="${deliverable.id}" version="1" anchor-mode="region"></portico-comment-thread>
      <portico-approval-button data-portico deliverable-id="${deliverable.id}"></portico-approval-button>
      <portico-approval-history data-portico deliverable-id="${deliverable.id}"></portico-approval-history>
    </main>
    <script type="module" src="/page.js"></script></body></html>`;

  let tokensMinted = 0;
  const apiUrl = new URL(api.url);
  const web = http.createServer(async (req, res) => {
    try {
      if (req.url === '/') return send(res, 200, 'text/html', page_html);
      if (req.url === '/page.js') return send(res, 200, 'text/javascript', bundle);
      if (req.url === '/token' && req.method === 'POST') {
        tokensMinted++;
        const token = await server.mintPortalToken({
          secret: SECRET,
          sub: 'alice',
          org: 'acme',
          roles: ['admin', 'approver'],
          features: ['projects'],
          name: 'Alice Example',
          ttl: 900,
        });
        return send(res, 200, 'application/json', JSON.stringify({ token, expiresAt: Date.now() + 900_000 }));
      }
      if (req.url.startsWith('/portal/v1/')) {
        // Same-origin proxy to the API (SSE streams pass through).
        const upstream = http.request(
          { host: apiUrl.hostname, port: apiUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: apiUrl.host } },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        res.on('close', () => upstream.destroy());
        return req.pipe(upstream);
      }
      send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise((resolve) => web.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    web.closeAllConnections();
    await new Promise((resolve) => web.close(resolve));
  });
  const origin = `http://127.0.0.1:${web.address().port}`;

  // ── the browser ───────────────────────────────────────────────────────────────────────────
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: !process.env.PORTICO_E2E_HEADED,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  page.setDefaultTimeout(30_000); // generous: CI shares 2 cores with the server, PGlite and Chromium
  const pageErrors = [];
  debug.page = page;
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    debug.errors.push(e.message);
  });
  // Console errors are only shown on failure: the dropped response logs one on purpose.
  page.on('console', (m) => m.type() === 'error' && debug.errors.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 500 && debug.errors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`));

  // Every decision request as the server receives it, and the first one's answer lost on the way back.
  const decisions = [];
  let dropped = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/approvals$/.test(new URL(r.url()).pathname)) decisions.push(r.headers()['idempotency-key']);
  });
  await page.route(/\/portal\/v1\/deliverables\/[^/]+\/approvals$/, async (route) => {
    if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
    dropped++;
    await route.fetch(); // the server records the decision…
    await route.abort('connectionreset'); // …but the page never hears back.
  });

  const button = page.locator('portico-approval-button');
  const history = page.locator('portico-approval-history');

  await step('page opens the deliverable (token minted server-side)', async () => {
    await page.goto(origin);
    await page.waitForFunction(() => window.porticoReady === true);
    await button.locator('[part~="status"]').waitFor();
    const status = await button.locator('[part~="status"]').textContent();
    assert(/Version 1 is waiting for your decision/.test(status), `button status: ${status}`);
    assert(tokensMinted > 0, 'the page fetched a token from its backend');
    const html = await page.content();
    assert(!html.includes(SECRET), 'the secret never reaches the page');
    if (viewer) {
      const title = page.locator('portico-deliverable-viewer [part~="title"]');
      await title.waitFor();
      assert((await title.textContent()).includes('E2E homepage'), 'the viewer shows the deliverable');
    }
  });

  await step('project timeline shows milestones, overdue as text', async () => {
    const items = page.locator('portico-project-timeline [part~="milestone"]');
    await items.first().waitFor();
    assert((await items.count()) === 3, 'three milestones');
    const overdue = page.locator('portico-project-timeline [part~="overdue"]');
    assert((await overdue.count()) === 1, 'one overdue milestone');
    assert((await overdue.textContent()).trim() === 'Overdue', 'overdue is written out');
  });

  await step('comment with a region anchor through <portico-comment-thread>', async () => {
    const thread = page.locator('portico-comment-thread');
    await thread.locator('[part~="textarea"]').waitFor();
    await thread.evaluate((el) => {
      el.anchor = { kind: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.25 };
    });
    await thread.locator('[part~="textarea"]').fill('Please make the logo larger.');
    await thread.locator('[part~="send"]').click();
    await thread.locator('[part~="comment"]').filter({ hasText: 'Please make the logo larger.' }).waitFor();
    const rows = await db.query('SELECT anchor FROM comments WHERE deliverable_id = $1', [deliverable.id]);
    assert(rows.length === 1, `one comment stored (found ${rows.length})`);
    const anchor = typeof rows[0].anchor === 'string' ? JSON.parse(rows[0].anchor) : rows[0].anchor;
    assert(anchor?.kind === 'region' && anchor.x === 0.1, `anchor stored: ${JSON.stringify(anchor)}`);
  });

  await step('approve with a double click and a lost response: one decision, one key', async () => {
    await button.locator('[part~="approve"]').dblclick();
    const dialog = button.locator('dialog[part~="dialog"]');
    await dialog.waitFor({ state: 'visible' });
    assert(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'a modal dialog');
    await dialog.locator('[part~="comment"]').fill('Approved from the e2e test.');
    const approved = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('portico-approve', (e) => resolve(e.detail.approval), { once: true })),
    );
    await dialog.locator('[part~="confirm"]').dblclick();
    const approval = await approved;
    assert(approval.decision === 'approved' && approval.version === 1, `approval: ${JSON.stringify(approval)}`);
    await button.locator('[part~="status"][data-decision="approved"]').waitFor();
    assert(dropped === 1, 'the first response was dropped');
    assert(decisions.length >= 2, `the client retried (${decisions.length} requests)`);
    assert(new Set(decisions).size === 1 && decisions[0], `one idempotency key across attempts: ${decisions.join(', ')}`);
  });

  await step('the audit trail shows the decision', async () => {
    const entry = history.locator('[part~="entry"]');
    await entry.first().waitFor();
    assert((await entry.count()) === 1, `one entry (found ${await entry.count()})`);
    const text = (await entry.first().textContent()).replace(/\s+/g, ' ');
    assert(/Approved/.test(text) && /by Alice Example/.test(text) && /Approved from the e2e test\./.test(text), `entry: ${text}`);
    assert((await history.locator('[part~="heading"]').first().textContent()).trim() === 'Version 1', 'grouped under version 1');
  });

  await step('exactly one decision in the database', async () => {
    const [row] = await db.query('SELECT count(*)::int AS n FROM approvals WHERE deliverable_id = $1', [deliverable.id]);
    assert(row.n === 1, `approvals rows: ${row.n}`);
    // Double-check the button cannot record a second one on reload either.
    await page.reload();
    await page.waitForFunction(() => window.porticoReady === true);
    await button.locator('[part~="status"][data-decision="approved"]').waitFor();
    const [again] = await db.query('SELECT count(*)::int AS n FROM approvals WHERE deliverable_id = $1', [deliverable.id]);
    assert(again.n === 1, `approvals rows after reload: ${again.n}`);
    assert(pageErrors.length === 0, `uncaught page errors: ${pageErrors.join('; ')}`);
  });
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
