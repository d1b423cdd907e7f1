// Once per test run: a migrated PGlite data directory and a migrated PostgreSQL database, which
// every test file's harness copies (test/fresh-db.ts `migrated`) instead of running initdb (PGlite)
// and every migration itself. Tests of the migrations themselves still start from an empty one.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { freshDb, PG_TEMPLATE_ENV, PGLITE_TEMPLATE_ENV } from './fresh-db.js';

/** Each project (vitest.config.ts) makes the template of its own database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => Promise<void>> = [];
  const dir = await mkdtemp(join(tmpdir(), 'portico-test-template-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  if (project.name === 'postgres') {
    const fresh = await freshDb(true);
    await migrate(fresh.db);
    await fresh.db.close(); // a template must have no connection when it is copied
    const name = new URL(fresh.url!).pathname.slice(1);
    process.env[PG_TEMPLATE_ENV] = name;
    cleanups.push(async () => {
      const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    });
  }
  if (project.name === 'pglite') {
    const db = await openPglite('memory://');
    await migrate(db);
    const file = join(dir, 'pglite.tar');
    await writeFile(file, new Uint8Array(await (await db.dumpDataDir()).arrayBuffer()));
    await db.close();
    process.env[PGLITE_TEMPLATE_ENV] = file;
  }
  return async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  };
}
