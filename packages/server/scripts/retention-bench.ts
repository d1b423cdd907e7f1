// How long the retention job holds locks: a backlog of expired idempotency keys, events and orphan
// uploads on a fresh database, one pass, every statement timed (each batch statement is its own
// transaction, so its duration is the longest any of its row locks is held), and the latency of
// event-appending writes to the same organization while the pass runs.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     pnpm --filter @portico/server exec tsx --conditions=source scripts/retention-bench.ts [rows=100000]
//   (without DATABASE_URL: PGlite in memory)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { appendEvents } from '../src/events.js';
import { runRetention } from '../src/retention.js';
import { createDiskStorage } from '../src/storage/index.js';
import { freshDb } from '../test/fresh-db.js';

const rows = Number(process.argv[2] ?? 100_000);
const files = Math.round(rows / 20);
const postgres = Boolean(process.env.DATABASE_URL);
const { db, drop } = await freshDb(postgres);
const dir = await mkdtemp(join(tmpdir(), 'portico-bench-retention-'));
try {
  await migrate(db);
  const storage = createDiskStorage(dir);
  await db.query(`INSERT INTO organizations (id, external_id, name) VALUES ('org_bench', 'bench', 'Bench')`);
  await db.query(
    `INSERT INTO idempotency_keys (scope, principal, key, fingerprint, status, body, created_at)
     SELECT 'org_bench', 'con_x', 'k' || g, 'x', 201, '{}', now() - interval '30 hours' FROM generate_series(1, $1::int) g`,
    [rows],
  );
  await db.query(
    `INSERT INTO events (org_id, seq, type, kind, resource_id, occurred_at)
     SELECT 'org_bench', g, 'ticket.updated', 'ticket', 'tkt_x', now() - interval '100 hours' FROM generate_series(1, $1::int) g`,
    [rows],
  );
  await db.query(`UPDATE organizations SET event_seq = $1 WHERE id = 'org_bench'`, [rows]);
  for (let i = 0; i < files; i++) {
    const put = await storage.put(Buffer.from(`orphan ${i}`));
    await db.query(
      `INSERT INTO files (id, org_id, sha256, size, media_type, file_name, created_at) VALUES ($1, 'org_bench', $2, $3, 'text/plain', 'x', now() - interval '2 days')`,
      [`fil_${i}`, put.sha256, put.size],
    );
  }

  // Every statement and transaction of the pass, timed.
  const durations: number[] = [];
  const slowest: Array<[number, string]> = [];
  const timed: Db = {
    ...db,
    async query(sql, params) {
      const t = performance.now();
      try {
        return await db.query(sql, params);
      } finally {
        durations.push(performance.now() - t);
        slowest.push([performance.now() - t, sql.replace(/\s+/g, ' ').slice(0, 90)]);
      }
    },
    async transaction(fn, opts) {
      const t = performance.now();
      try {
        return await db.transaction(fn, opts);
      } finally {
        durations.push(performance.now() - t);
      }
    },
  };

  // Meanwhile: requests appending events to the same organization (they lock its row).
  let writing = true;
  const writes: number[] = [];
  const writer = (async () => {
    while (writing) {
      const t = performance.now();
      await db.forOrg('org_bench').transaction((tx) => appendEvents(tx, [{ type: 'ticket.updated', kind: 'ticket', id: 'tkt_live' }]));
      writes.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();

  const t0 = performance.now();
  const result = await runRetention(timed, storage, { eventRetentionHours: 72 });
  const total = performance.now() - t0;
  writing = false;
  await writer;

  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`${postgres ? 'PostgreSQL' : 'PGlite'}: ${rows} keys, ${rows} events, ${files} orphan uploads`);
  console.log('deleted', result);
  console.log(
    `pass ${ms(total)}; ${durations.length} statements/transactions: median ${ms(q(durations, 0.5))}, p99 ${ms(q(durations, 0.99))}, max ${ms(Math.max(...durations))}`,
  );
  for (const [d, sql] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 3)) console.log(`  ${ms(d)}  ${sql}`);
  console.log(
    `event writes to the same organization meanwhile: ${writes.length}, median ${ms(q(writes, 0.5))}, max ${ms(Math.max(...writes))}`,
  );
} finally {
  await drop();
  await rm(dir, { recursive: true, force: true });
}
