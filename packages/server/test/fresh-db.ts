// A database of its own for a test file or a script: no test-runner imports, so scripts use it too.
import pg from 'pg';
import type { Db } from '../src/db/db.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';

/**
 * A fresh database: PGlite in memory, or (`postgres`, the default under PORTICO_TEST_DB=postgres) a
 * new PostgreSQL database created through DATABASE_URL and dropped by `drop()`.
 */
export async function freshDb(
  postgres = process.env.PORTICO_TEST_DB === 'postgres',
): Promise<{ db: Db; url?: string; drop(): Promise<void> }> {
  if (!postgres) {
    const db = await openPglite('memory://');
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `portico_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openPostgres(url);
  return {
    db,
    url,
    async drop() {
      await db.close().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    },
  };
}
