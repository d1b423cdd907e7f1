// Throughput of GET /portal/v1/tickets?limit=25 (valid admin token, seeded data) against a bare
// Hono endpoint (a separate minimal Hono app, none of Portico's middleware, on its own port in the
// same process), on PGlite and (with DATABASE_URL) PostgreSQL. See README.md for figures.
//
//   pnpm --filter @portico/contract build && pnpm --filter @portico/server build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/server/run.mjs [seconds] [rounds]
//
// The servers run in a child process (bench/server/serve.mjs); the load comes from the
// autocannon CLI in another process, so the load generator never shares the servers' event loop.
// After a warm-up of both endpoints, each round measures list then bare for `seconds` (default
// 10) with 50 connections; figures are medians over `rounds` (default 3). Budget: list ≥ 40 % of
// bare req/s and list p99 ≤ 50 ms (judged on PostgreSQL; PGlite is reported the same way).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { cpuMs, autocannon as load, postgresCpuMs as pgCpu } from './lib.mjs';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const pg = require('pg');
const serveScript = fileURLToPath(new URL('./serve.mjs', import.meta.url));

const duration = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const connections = 50;
const BUDGET = { ratio: 0.4, p99: 50 };

let benchDb = null;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const measure = async (pid, url, headers) => {
  const before = cpuMs(pid);
  const pgBefore = pgCpu(benchDb);
  const r = await load(url, duration, headers);
  const n = Math.max(1, r.requests);
  r.cpuUs = ((cpuMs(pid) - before) * 1000) / n;
  r.pgCpuUs = ((pgCpu(benchDb) - pgBefore) * 1000) / n;
  r.loadCpuUs = (r.loadCpuMs * 1000) / n;
  return r;
};
const summarise = (runs) => ({
  rps: Math.round(median(runs.map((r) => r.rps))),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  rps_runs: runs.map((r) => Math.round(r.rps)),
  p99_runs: runs.map((r) => r.p99),
  server_cpu_us_per_req: Math.round(median(runs.map((r) => r.cpuUs))),
  postgres_cpu_us_per_req: Math.round(median(runs.map((r) => r.pgCpuUs))),
  loadgen_cpu_us_per_req: Math.round(median(runs.map((r) => r.loadCpuUs))),
});

async function bench(label, env) {
  const child = spawn(process.execPath, [serveScript], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = await Promise.race([
      once(createInterface({ input: child.stdout }), 'line'),
      once(child, 'exit').then(([code]) => {
        throw new Error(`server exited ${code}`);
      }),
    ]);
    const { list: listUrl, bare: bareUrl, token } = JSON.parse(line);
    const auth = { authorization: `Bearer ${token}` };
    await load(listUrl, Math.min(5, duration), auth); // warm-up (JIT, pools, caches)
    await load(bareUrl, Math.min(3, duration));
    const list = [];
    const bare = [];
    for (let i = 0; i < rounds; i++) {
      list.push(await measure(child.pid, listUrl, auth));
      bare.push(await measure(child.pid, bareUrl));
    }
    const l = summarise(list);
    const b = summarise(bare);
    const ratio = Math.round((l.rps / b.rps) * 100) / 100;
    const result = { db: label, seconds: duration, rounds, connections, list: l, bare: b, ratio };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit').catch(() => {});
  }
}

// BENCH_DBS=postgres (or pglite) measures only that one.
const only = process.env.BENCH_DBS;
const results = only === 'postgres' ? [] : [await bench('pglite', { BENCH_DATABASE_URL: '' })];
if (process.env.DATABASE_URL && only !== 'pglite') {
  const name = `portico_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  benchDb = name;
  try {
    results.push(await bench('postgres', { BENCH_DATABASE_URL: u.toString() }));
  } finally {
    benchDb = null;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
const verdict = results.map((r) => {
  const okRatio = r.ratio >= BUDGET.ratio;
  const okP99 = r.list.p99 <= BUDGET.p99;
  return `${r.db}: ratio ${r.ratio} (${r.list.rps}/${r.bare.rps} req/s) ${okRatio ? 'meets' : 'MISSES'} ≥${BUDGET.ratio}, list p99 ${r.list.p99} ms ${okP99 ? 'meets' : 'MISSES'} ≤${BUDGET.p99} ms`;
});
console.log(`budget: ${verdict.join('; ')}`);
