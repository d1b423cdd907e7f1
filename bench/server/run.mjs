// Throughput of GET /portal/v1/tickets?limit=25 against a bare Hono endpoint, on PGlite and
// (with DATABASE_URL) PostgreSQL. Needs `pnpm build` first. Usage: node bench/server/run.mjs [seconds]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const autocannon = require('autocannon');
const { Hono } = await import(require.resolve('hono'));
const { serve } = await import(require.resolve('@hono/node-server'));
const pg = require('pg');
const server = await import('../../packages/server/dist/index.js');

const duration = Number(process.argv[2] ?? 10);
const secret = 'bench-secret-bench-secret-bench-secret';
const run = (url, headers) =>
  new Promise((resolve, reject) => autocannon({ url, connections: 50, duration, headers }, (err, r) => (err ? reject(err) : resolve(r))));
const fmt = (r) => ({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx });

const bare = new Hono();
bare.get('/bare', (c) => c.json({ data: [], next_cursor: null }));
const bareServer = await new Promise((res) => { const s = serve({ fetch: bare.fetch, port: 0 }, () => res(s)); });
const bareUrl = `http://127.0.0.1:${bareServer.address().port}/bare`;

async function bench(label, config) {
  const s = await server.startServer({ config: { port: 0, jwtSecret: secret, logLevel: 'silent', filesDir: mkdtempSync(join(tmpdir(), 'pb-')), ...config } });
  await server.seed(s.db, { filesDir: mkdtempSync(join(tmpdir(), 'pb-')) });
  const token = await server.mintPortalToken({ secret, sub: 'alice', org: 'acme', roles: ['admin'], ttl: 3600 });
  const url = `${s.url}/portal/v1/tickets?limit=25`;
  await run(url, { authorization: `Bearer ${token}` }); // warm-up
  const list = fmt(await run(url, { authorization: `Bearer ${token}` }));
  const b = fmt(await run(bareUrl));
  console.log(JSON.stringify({ db: label, list, bare: b, ratio: Math.round((list.rps / b.rps) * 100) / 100 }));
  await s.close();
}

await bench('pglite', { dataDir: 'memory://' });
if (process.env.DATABASE_URL) {
  const name = `portico_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  try {
    await bench('postgres', { databaseUrl: u.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
bareServer.close();
