// A scripted newcomer: follows docs/getting-started.md literally in an empty folder outside the
// workspace, with the packages packed from this repository (`pnpm pack`) standing in for the npm
// registry, and checks in Chromium that the page shows the demo user's tickets and opens one.
//
// What it takes from the guide, as written: every command block (run with bash in the folder), every
// file block (written to the path its first-line comment names; the blocks the guide says to "add
// to src/portal.js" are appended to it). What it changes, and only that: `npm install
// @portico/<name>` installs that package's tarball (and package.json `overrides` point the
// packages' own @portico dependencies at theirs); the ports 3000 and 4010 become free ports (other
// work may be using those on a shared machine). Prints how long each of the guide's steps took.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { snippet } from './doc-snippets.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const GUIDE = 'docs/getting-started.md';
const work = mkdtempSync(join(tmpdir(), 'portico-newcomer-'));
const site = join(work, 'my-site');
const tarballs = join(work, 'tarballs');
mkdirSync(site);
mkdirSync(tarballs);
const timings = [];
const children = [];
let passed = 0;
let failed = 0;
const ok = (what) => {
  passed++;
  console.log(`  ok   ${what}`);
};
const fail = (what, err) => {
  failed++;
  console.log(`  FAIL ${what}\n       ${String(err?.stack ?? err).replaceAll('\n', '\n       ')}`);
};
const timed = async (step, fn) => {
  const t = performance.now();
  const r = await fn();
  timings.push([step, performance.now() - t]);
  return r;
};
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const HOST_PORT = await freePort();
const PORTICO_PORT = await freePort();
/** The guide's text with its ports moved to free ones. */
const ports = (text) =>
  text.replaceAll('localhost:4010', `localhost:${PORTICO_PORT}`).replaceAll('localhost:3000', `localhost:${HOST_PORT}`);
let env = { ...process.env, FORCE_COLOR: '0', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
delete env.PORTICO_JWT_SECRET;

/** Runs a command block of the guide with bash in the site folder (`npm install @portico/x` → its tarball). */
function sh(name) {
  const code = snippet(GUIDE, name).replace(/(npm install[^\n]*)/g, (line) =>
    line.replace(/@portico\/([a-z-]+)/g, (_, n) =>
      join(
        tarballs,
        readdirSync(tarballs).find((f) => f.startsWith(`portico-${n}-`)),
      ),
    ),
  );
  execFileSync('bash', ['-euo', 'pipefail', '-c', code], { cwd: site, env, stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 });
}
/** Writes a file block of the guide to the path its first line names (`// src/portal.js`, `<!-- public/index.html … -->`). */
function file(name, { append = false } = {}) {
  const code = ports(snippet(GUIDE, name));
  const path = /^(?:\/\/|<!--)\s*([\w./-]+)/.exec(code)?.[1];
  if (!path || !/\.(m?js|html)$/.test(path)) throw new Error(`${name}: the block names no file in its first line`);
  mkdirSync(dirname(join(site, path)), { recursive: true });
  (append ? appendFileSync : writeFileSync)(join(site, path), `${code}\n`);
  return path;
}
/** Starts a long-running command block in the background; resolves once `ready()` says so. */
async function start(name, extraEnv, ready) {
  const child = spawn('bash', ['-c', ports(snippet(GUIDE, name))], { cwd: site, env: { ...env, ...extraEnv }, detached: true });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const t0 = Date.now();
  while (!(await ready(out))) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${out}`);
    if (Date.now() - t0 > 120_000) throw new Error(`${name} not ready after 120 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => out;
}
const answers = async (url) => {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
};

let browser;
try {
  await timed('(not a guide step) pack the packages: pnpm pack', () => {
    for (const name of readdirSync(join(root, 'packages'))) {
      const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
      if (!pkg.private)
        execFileSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', name), stdio: 'ignore' });
    }
  });
  // The guide's "an empty folder after `npm init -y`"; the overrides stand in for the registry.
  execFileSync('npm', ['init', '-y'], { cwd: site, stdio: 'ignore', env });
  const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
  pkg.overrides = Object.fromEntries(
    ['contract', 'client'].map((n) => [
      `@portico/${n}`,
      `file:${join(
        tarballs,
        readdirSync(tarballs).find((f) => f.startsWith(`portico-${n}-`)),
      )}`,
    ]),
  );
  writeFileSync(join(site, 'package.json'), JSON.stringify(pkg, null, 2));

  await timed('1. npm install @portico/elements', () => sh('newcomer-install-elements'));
  await timed('1. write src/portal.js, public/index.html, public/ticket.html', () => {
    file('newcomer-portal-js');
    file('newcomer-index-html');
    file('newcomer-ticket-html');
    // "Add to src/portal.js": the ticket-select listener (step 1) and getToken (step 2).
    appendFileSync(
      join(site, 'src/portal.js'),
      `\n${snippet(GUIDE, 'newcomer-ticket-select')}\n\n${snippet(GUIDE, 'newcomer-get-token')}\n`,
    );
  });
  await timed('1. bundle with esbuild (npm install --save-dev esbuild; npx esbuild …)', () => sh('newcomer-bundle'));
  await timed('2. npm install express @portico/server', () => sh('newcomer-install-server'));
  await timed('2. write server.mjs', () => file('newcomer-server-mjs'));
  await timed('3. the shared secret', () => {
    const secret = execFileSync('bash', ['-c', `${snippet(GUIDE, 'newcomer-secret')}\nprintf %s "$PORTICO_JWT_SECRET"`], {
      cwd: site,
      env,
      encoding: 'utf8',
    });
    if (secret.length < 43) throw new Error(`secret: ${secret}`);
    env = { ...env, PORTICO_JWT_SECRET: secret };
  });
  const porticoLog = await timed('3. npx portico-server --seed (until listening, seeded)', () =>
    start('newcomer-portico-server', { PORT: String(PORTICO_PORT) }, (out) => /listening/.test(out)),
  );
  await timed('3. node server.mjs (until it answers)', () =>
    start('newcomer-backend', { PORT: String(HOST_PORT) }, () => answers(`http://localhost:${HOST_PORT}/`)),
  );

  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && errors.push(`console: ${m.text()}`));
  // A 404 counts unless it is the browser's own /favicon.ico (the guide's pages have no icon).
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`HTTP ${r.status()} ${r.url()}`));
  // What the API holds for the demo user, through the guide's own token endpoint.
  const { token } = await (
    await fetch(`http://localhost:${HOST_PORT}/api/portal-token`, { method: 'POST', headers: { 'x-portico-csrf': '1' } })
  ).json();
  const mine = (
    await (
      await fetch(`http://localhost:${PORTICO_PORT}/portal/v1/tickets?limit=100`, { headers: { authorization: `Bearer ${token}` } })
    ).json()
  ).data;

  const shown = await timed('open http://localhost:3000: the ticket list shows tickets', async () => {
    await page.goto(`http://localhost:${HOST_PORT}/`);
    await page.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: 20_000 });
    return (await page.locator('portico-ticket-list [part~="row"] [part~="subject"]').allTextContents()).map((s) => s.trim());
  });
  try {
    if (!shown.length || !mine.length) throw new Error(`rows: ${shown.length}, tickets in the API: ${mine.length}`);
    const subjects = new Set(mine.map((t) => t.subject));
    const strangers = shown.filter((s) => !subjects.has(s));
    if (strangers.length) throw new Error(`not the demo user's tickets: ${strangers.join(', ')}`);
    ok(`the guide's page shows the demo user's tickets (${shown.length} rows, e.g. "${shown[0]}")`);
  } catch (err) {
    fail("the guide's page shows the demo user's tickets", err);
  }
  try {
    await page.locator('portico-ticket-list [part~="row"]').first().click();
    await page.waitForURL(/\/support\/tickets\/[^/]+$/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    const ticket = mine.find((t) => t.id === id);
    if (!ticket) throw new Error(`opened ${id}, not one of the user's tickets`);
    await page.locator('portico-ticket-detail [part~="subject"]', { hasText: ticket.subject }).waitFor({ timeout: 15_000 });
    ok(`a click on a ticket opens /support/tickets/${id} with its detail ("${ticket.subject}")`);
  } catch (err) {
    fail('a click on a ticket opens its page with the detail', err);
  }
  if (errors.length) fail('no console error, no uncaught exception', errors.join('\n'));
  else ok('no console error, no uncaught exception');
  void porticoLog;
} catch (err) {
  fail('following docs/getting-started.md', err);
} finally {
  await browser?.close().catch(() => {});
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGTERM');
    } catch {}
  }
  await new Promise((r) => setTimeout(r, 300));
  rmSync(work, { recursive: true, force: true });
}

const guide = timings.filter(([s]) => !s.startsWith('(')).reduce((n, [, ms]) => n + ms, 0);
console.log('\n  the guide’s steps, as a newcomer runs them:');
for (const [step, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${step}`);
console.log(
  `  ${(guide / 1000).toFixed(1).padStart(6)} s  the guide, from an empty folder to tickets on screen (commands and start-up; reading and typing not counted)`,
);
console.log(`newcomer: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
