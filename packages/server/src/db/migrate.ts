import { readdir, readFile } from 'node:fs/promises';
import type { Db } from './db.js';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);

/** The advisory lock migrations run under (several processes starting at once apply each once). */
export const MIGRATION_LOCK = 7273001;

async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
}

/**
 * Applies every `migrations/NNN_name.sql` not applied yet, each in its own transaction, under
 * an advisory lock so that several processes starting at once do not race.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = await migrationFiles();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    for (const f of files) {
      if (done.has(f)) continue;
      const sql = await readFile(new URL(f, MIGRATIONS_DIR), 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
      applied.push(f);
    }
  });
  return applied;
}

/** Migrations this build has that the database has not applied (for `/readyz`). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  return (await migrationFiles()).filter((f) => !done.has(f));
}
