// `pnpm test`: every test of the workspace, in one command. Ensures Chromium, builds once, runs
// each package's `test` script in dependency order (one at a time: 2 cores), then the
// workspace checks (lint, typecheck, size budgets, pack-and-install), and prints one summary.
import { spawn, spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureSnippetTools } from './ensure-snippet-tools.mjs';
import { ensurePostgres } from './postgres.mjs';

const started = Date.now();
ensureChromium();
// The Python and Go token snippets of the docs run with Debian's python3-jwt, golang-go and golang-jwt.
ensureSnippetTools();
// The server suite runs on PGlite always, and again on PostgreSQL when DATABASE_URL is set.
if (!process.env.DATABASE_URL) {
  const url = await ensurePostgres();
  if (url) process.env.DATABASE_URL = url;
  else if (process.env.CI) {
    console.error('CI needs PostgreSQL at 127.0.0.1:5432 (or DATABASE_URL) for the server suite.');
    process.exit(1);
  } else console.warn('PostgreSQL not reachable at 127.0.0.1:5432: the server suite runs on PGlite only.');
}
console.log(`DATABASE_URL=${process.env.DATABASE_URL ?? '(unset)'}`);

/**
 * Runs one step: its output goes to the console as it comes, and is also kept, so that the
 * summary can list what the step skipped (the `SKIPPED …` lines that the vitest and wtr reporters
 * and the repository's own scripts print) and count vitest's and wtr's skipped tests.
 */
const run = (label, cmd, args, env = {}) =>
  new Promise((resolve) => {
    const t = Date.now();
    console.log(`\n━━ ${label}`);
    // Its own process group, so that a hung step (a browser waiting forever) is stopped with all
    // its children: each step has a limit, and must fail rather than eat CI's time.
    const child = spawn(cmd, args, {
      env: { ...process.env, FORCE_COLOR: '0', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      out += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`${label}: no result after ${STEP_TIMEOUT_MS / 60000} minutes; stopped`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, STEP_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ok = code === 0 && !timedOut;
      // ANSI colours off (FORCE_COLOR=0), but strip any that slipped through before matching.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts an ANSI colour sequence
      const text = out.replace(/\x1b\[[0-9;]*m/g, '');
      const skipLines = [...text.matchAll(/^SKIPPED (.+)$/gm)].map((m) => m[1].trim());
      const counted = [
        ...text.matchAll(/^\s*Tests\s+.*?(\d+) (?:skipped|todo)/gm),
        ...text.matchAll(/: \d+ passed, \d+ failed, (\d+) skipped$/gm),
      ].reduce((n, m) => n + Number(m[1]), 0);
      results.push({ label, ok, seconds: ((Date.now() - t) / 1000).toFixed(1), skipLines, skippedTests: counted });
      resolve(ok);
    });
  });
const results = [];
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

if (!(await run('build', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'build']))) finish();

// Packages with a test script, in topological order.
const list = spawnSync(
  'pnpm',
  ['-r', '--sort', 'exec', 'node', '-e', 'const p=require("./package.json");if(p.scripts&&p.scripts.test)console.log(p.name)'],
  {
    encoding: 'utf8',
  },
);
const packages = list.stdout
  .split('\n')
  .map((s) => s.trim())
  .filter((s) => s.startsWith('@portico/') || s === 'portico-bench');
for (const name of packages) await run(`${name} tests`, 'pnpm', ['--filter', name, 'run', 'test']);

await run('end-to-end: approval against the real server in Chromium', 'pnpm', ['--filter', '@portico/elements', 'run', 'test:e2e']);
await run('documentation snippets: README, getting-started, backend-integration (Node, Python, Go tokens)', 'node', [
  'packages/tooling/src/doc-snippets.mjs',
]);
await run('newcomer: docs/getting-started.md followed literally in an empty folder, tickets in Chromium', 'node', [
  'packages/tooling/src/newcomer.mjs',
]);
await run('custom-elements manifest is current', 'pnpm', ['--filter', '@portico/elements', 'run', 'manifest:check']);
// Framework typings, VS Code custom data and docs/reference, all generated from the manifest.
await run('generated files are current', 'pnpm', ['--filter', '@portico/elements', 'run', 'generate:check']);
// The generated React / Vue / Svelte typings used as apps use them, against the built declarations.
await run('framework typings typecheck (elements test/types)', 'pnpm', ['exec', 'tsc', '-p', 'packages/elements/test/types/tsconfig.json']);
await run('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
await run('typecheck', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
// Through the root script, so that `pnpm size` itself is what CI runs.
await run('size budgets (pnpm size)', 'pnpm', ['size']);
await run('pack every package: manifest, licence, README, publint, attw, install and import', 'node', [
  'packages/tooling/src/pack-test.mjs',
]);
await run('release dry run: changeset version + pnpm publish -r --dry-run --provenance (scratch copy)', 'node', [
  'packages/tooling/src/release-dry-run.mjs',
]);
finish();

function finish() {
  console.log('\n━━ summary');
  for (const r of results) {
    const skipped =
      r.skippedTests || r.skipLines.length ? ` — ${r.skippedTests ? `${r.skippedTests} tests skipped` : 'skipped checks'}, see below` : '';
    console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.label} (${r.seconds}s)${skipped}`);
  }
  // What did not run, wherever: a PASS above says nothing about these.
  const skips = results.flatMap((r) => r.skipLines.map((line) => `${r.label}: ${line}`));
  const unlisted = results.filter((r) => r.skippedTests && !r.skipLines.length);
  if (skips.length || unlisted.length) {
    console.log('\n━━ skipped (did not run)');
    for (const line of skips) console.log(`SKIP  ${line}`);
    for (const r of unlisted) console.log(`SKIP  ${r.label}: ${r.skippedTests} tests skipped (see its output above)`);
  }
  const failed = results.filter((r) => !r.ok).length;
  const skippedTests = results.reduce((n, r) => n + r.skippedTests, 0);
  const skippedOther = results.reduce((n, r) => n + (r.skippedTests ? 0 : r.skipLines.length), 0);
  console.log(
    `${results.length - failed} passed, ${failed} failed; skipped: ${skippedTests} tests${skippedOther ? ` and ${skippedOther} checks` : ''} (${((Date.now() - started) / 1000).toFixed(0)}s)`,
  );
  process.exit(failed ? 1 : 0);
}
