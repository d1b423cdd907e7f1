// Server side of bench/server/run.mjs: the Portico server and a bare Hono endpoint in ONE
// process (this one), so both are measured under the same conditions. Seeds the demo data,
// mints a token and prints one JSON line `{ list, bare, token }` on stdout, then serves until
// killed. Config from env: BENCH_DATABASE_URL (PostgreSQL) or PGlite in memory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const { Hono } = await import(require.resolve('hono'));
const { serve } = await import(require.resolve('@hono/node-server'));
const server = await import('../../packages/server/dist/index.js');

const secret = 'bench-secret-bench-secret-bench-secret';
const bare = new Hono();
bare.get('/bare', (c) => c.json({ data: [], next_cursor: null }));
const bareServer = await new Promise((res) => {
  const s = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, () => res(s));
});

const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const s = await server.startServer({
  config: {
    port: 0,
    jwtSecret: secret,
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'silent',
    filesDir: mkdtempSync(join(tmpdir(), 'pb-')),
    ...(databaseUrl ? { databaseUrl } : { dataDir: 'memory://', databaseUrl: undefined }),
  },
});
// BENCH_SEED=0: another process seeded this database (bench/server/nodes.mjs, the second node).
if (process.env.BENCH_SEED !== '0') await server.seed(s.db, { filesDir: mkdtempSync(join(tmpdir(), 'pb-')) });
// BENCH_CPU_PROFILE=file.cpuprofile: profile this process from here on (after seeding) until killed.
let profiler;
if (process.env.BENCH_CPU_PROFILE) {
  const { Session } = await import('node:inspector/promises');
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const token = await server.mintPortalToken({ secret, sub: 'alice', org: 'acme', roles: ['admin'], ttl: 3600 });
process.stdout.write(
  `${JSON.stringify({ list: `${s.url}/portal/v1/tickets?limit=25`, bare: `http://127.0.0.1:${bareServer.address().port}/bare`, token })}\n`,
);

const stop = async () => {
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(profile));
  }
  await s.close().catch(() => {});
  bareServer.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
