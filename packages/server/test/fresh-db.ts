// A database of its own for a test file or a script: no test-runner imports, so scripts use it too.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';

/** Set by test/global-setup.ts: a migrated PGlite data directory (tarball) and PostgreSQL database to copy. */
export const PGLITE_TEMPLATE_ENV = 'PORTICO_TEST_PGLITE_TEMPLATE';
export const PG_TEMPLATE_ENV = 'PORTICO_TEST_PG_TEMPLATE';

/**
 * A fresh database: PGlite in memory, or (`postgres`, the default under PORTICO_TEST_DB=postgres) a
 * new PostgreSQL database created through DATABASE_URL and dropped by `drop()`.
 *
 * Empty by default (tests of the migrations themselves). `migrated`: with every migration applied —
 * a copy of the template the test run migrated once (`CREATE DATABASE … TEMPLATE`, or PGlite's
 * data directory loaded from its tarball), or, outside a test run, migrated here.
 */
export async function freshDb(
  postgres = process.env.PORTICO_TEST_DB === 'postgres',
  opts: { migrated?: boolean } = {},
): Promise<{ db: Db; url?: string; drop(): Promise<void> }> {
  if (!postgres) {
    const template = opts.migrated ? process.env[PGLITE_TEMPLATE_ENV] : undefined;
    const db = await openPglite('memory://', template ? { loadDataDir: new Blob([await readFile(template)]) } : {});
    if (opts.migrated && !template) await migrate(db);
    return { db, drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const template = opts.migrated ? process.env[PG_TEMPLATE_ENV] : undefined;
  if (template && !/^[a-z0-9_]+$/.test(template)) throw new Error(`${PG_TEMPLATE_ENV}: not a database name: ${template}`);
  const name = `portico_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openPostgres(url);
  if (opts.migrated && !template) await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
