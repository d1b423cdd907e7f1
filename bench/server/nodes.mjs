// The list endpoint (GET /portal/v1/tickets?limit=25, as run.mjs) served by ONE node and by TWO
// nodes on the same PostgreSQL database, 50 connections in both cases (two autocannon processes of
// 25 connections: both on the one node, or one per node). Reports req/s, p99 and CPU per request
// (the server processes, the bench database's PostgreSQL backends, the load generators), medians
// over the rounds; one and two nodes alternate round by round so both see the same machine. Three
// processes run throughout (A for one node, B and C for two; the idle ones are counted too).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/server/nodes.mjs [seconds=10] [rounds=3]
//
// Budget (issue 16): two nodes spend no more CPU per list request than one. On 2 cores no
// throughput gain can show: both nodes, PostgreSQL and the load share the same two cores.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { autocannon, cpuMs, postgresCpuMs } from './lib.mjs';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const pg = require('pg');
const serveScript = fileURLToPath(new URL('./serve.mjs', import.meta.url));
const duration = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is needed (PostgreSQL)');

async function node(url, seed, pipelines) {
  const child = spawn(process.execPath, [serveScript], {
    env: {
      ...process.env,
      BENCH_DATABASE_URL: url,
      BENCH_SEED: seed ? '1' : '0',
      PORTICO_DB_PIPELINES: String(pipelines),
      PORTICO_RETENTION_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, ...JSON.parse(line) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const name = `portico_nodes_${Date.now()}`;
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const u = new URL(process.env.DATABASE_URL);
u.pathname = `/${name}`;
const nodes = [];
try {
  // One node (A) with the default 4 pipelined connections; two nodes (B, C) with 2 each, so the
  // database sees the same number of pipelined connections (BENCH_TWO_NODE_PIPELINES to change).
  const split = Number(process.env.BENCH_TWO_NODE_PIPELINES ?? 2);
  nodes.push(await node(u.toString(), true, 4));
  nodes.push(await node(u.toString(), false, split));
  nodes.push(await node(u.toString(), false, split));
  const auth = { authorization: `Bearer ${nodes[0].token}` };
  const measure = async (targets) => {
    const pids = nodes.map((n) => n.child.pid);
    const before = pids.map((p) => cpuMs(p));
    const pgBefore = postgresCpuMs(name);
    const load0 = loadavg()[0];
    const runs = await Promise.all(targets.map((t) => autocannon(t.list, duration, auth, 25)));
    const n = Math.max(
      1,
      runs.reduce((s, r) => s + r.requests, 0),
    );
    const serverUs = (pids.reduce((s, p, i) => s + cpuMs(p) - before[i], 0) * 1000) / n;
    return {
      rps: runs.reduce((s, r) => s + r.rps, 0),
      p99: Math.max(...runs.map((r) => r.p99)),
      errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0),
      serverUs,
      pgUs: ((postgresCpuMs(name) - pgBefore) * 1000) / n,
      loadgenUs: (runs.reduce((s, r) => s + r.loadCpuMs, 0) * 1000) / n,
      load: [load0, loadavg()[0]].map((x) => Math.round(x * 10) / 10),
    };
  };
  // Warm both nodes up (JIT, pools, prepared statements).
  await Promise.all(nodes.map((n) => autocannon(n.list, Math.min(5, duration), auth, 25)));
  const [a, b, c] = nodes;
  const one = [];
  const two = [];
  for (let i = 0; i < rounds; i++) {
    one.push(await measure([a, a]));
    two.push(await measure([b, c]));
  }
  const summary = (runs) => ({
    rps: Math.round(median(runs.map((r) => r.rps))),
    p99_ms: median(runs.map((r) => r.p99)),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    server_cpu_us_per_req: Math.round(median(runs.map((r) => r.serverUs))),
    postgres_cpu_us_per_req: Math.round(median(runs.map((r) => r.pgUs))),
    server_plus_postgres_us: Math.round(median(runs.map((r) => r.serverUs + r.pgUs))),
    loadgen_cpu_us_per_req: Math.round(median(runs.map((r) => r.loadgenUs))),
    rps_runs: runs.map((r) => Math.round(r.rps)),
    loadavg_runs: runs.map((r) => r.load),
  });
  const result = { seconds: duration, rounds, connections: 50, two_node_pipelines: split, one_node: summary(one), two_nodes: summary(two) };
  console.log(JSON.stringify(result));
  const ok = result.two_nodes.server_plus_postgres_us <= result.one_node.server_plus_postgres_us * 1.05;
  console.log(
    `budget: two nodes ${result.two_nodes.server_plus_postgres_us} µs vs one node ${result.one_node.server_plus_postgres_us} µs of server + PostgreSQL CPU per list request: ${ok ? 'meets' : 'MISSES'} (within 5 %); p99 ${result.one_node.p99_ms} / ${result.two_nodes.p99_ms} ms`,
  );
} finally {
  for (const n of nodes) n.child.kill('SIGTERM');
  await Promise.all(nodes.map((n) => once(n.child, 'exit').catch(() => {})));
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
