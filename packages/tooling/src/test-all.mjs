// `pnpm test`: every test of the workspace, in one command. Ensures Chromium, builds once, runs
// each package's `test` script in dependency order (one at a time: 2 cores), then the
// workspace checks (lint, typecheck, size budgets, pack-and-install), and prints one summary.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensurePostgres } from './postgres.mjs';

const started = Date.now();
ensureChromium();
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

const run = (label, cmd, args, env = {}) => {
  const t = Date.now();
  console.log(`\n━━ ${label}`);
  // A hung step (a browser waiting forever) must fail, not eat CI's time: each step has a limit.
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    timeout: STEP_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (r.error?.code === 'ETIMEDOUT') console.error(`${label}: no result after ${STEP_TIMEOUT_MS / 60000} minutes; stopped`);
  const ok = r.status === 0;
  results.push({ label, ok, seconds: ((Date.now() - t) / 1000).toFixed(1) });
  return ok;
};
const results = [];
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

if (!run('build', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'build'])) finish();

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
for (const name of packages) run(`${name} tests`, 'pnpm', ['--filter', name, 'run', 'test']);

run('end-to-end: approval against the real server in Chromium', 'pnpm', ['--filter', '@portico/elements', 'run', 'test:e2e']);
run('custom-elements manifest is current', 'pnpm', ['--filter', '@portico/elements', 'run', 'manifest:check']);
// Framework typings, VS Code custom data and docs/reference, all generated from the manifest.
run('generated files are current', 'pnpm', ['--filter', '@portico/elements', 'run', 'generate:check']);
// The generated React / Vue / Svelte typings used as apps use them, against the built declarations.
run('framework typings typecheck (elements test/types)', 'pnpm', ['exec', 'tsc', '-p', 'packages/elements/test/types/tsconfig.json']);
run('lint (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);
run('typecheck', 'pnpm', ['-r', '--workspace-concurrency=1', 'run', 'typecheck']);
// Through the root script, so that `pnpm size` itself is what CI runs.
run('size budgets (pnpm size)', 'pnpm', ['size']);
run('pack and install every package', 'node', ['packages/tooling/src/pack-test.mjs']);
finish();

function finish() {
  console.log('\n━━ summary');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.label} (${r.seconds}s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)}s)`);
  process.exit(failed ? 1 : 0);
}
