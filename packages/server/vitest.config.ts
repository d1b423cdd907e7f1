import { configDefaults, defineConfig } from 'vitest/config';

// The whole suite runs on PGlite (in memory, one instance per test file) and, when DATABASE_URL
// points at a PostgreSQL server, again on PostgreSQL (a fresh database per test file, dropped
// at the end). Tests of PostgreSQL-only behaviour (pipelining, several processes, outage
// recovery) run in the postgres project only; without PostgreSQL they are skipped and listed as
// such at the end of the run (and in `pnpm test`'s summary). CI has PostgreSQL: there a missing
// DATABASE_URL is an error, not a skip.
if (process.env.CI && process.env.CI !== 'false' && !process.env.DATABASE_URL) {
  throw new Error(
    'CI is set but DATABASE_URL is not: the PostgreSQL-only server tests must run in CI (pnpm test finds 127.0.0.1:5432 and sets it).',
  );
}
// Each project migrates a template of its database once per run (test/global-setup.ts), which every
// test file's harness copies.
//
// Files that never touch the database the project is about run in the pglite project only: the SQL
// binder, log lines, PDFs, storage configuration (its one database is PGlite), disk and S3 storage.
const DATABASE_INDEPENDENT = [
  'test/bind.test.ts',
  'test/log.test.ts',
  'test/assets.test.ts',
  'test/storage-config.test.ts',
  'test/storage-disk.test.ts',
  'test/storage-s3.test.ts',
];
const project = (name: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    env: { PORTICO_TEST_DB: name },
    globalSetup: ['test/global-setup.ts'],
    ...(name === 'postgres' ? { exclude: [...configDefaults.exclude, ...DATABASE_INDEPENDENT] } : {}),
  },
});
const projects = [project('pglite')];
if (process.env.DATABASE_URL) projects.push(project('postgres'));

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    projects,
    reporters: ['default', '../tooling/src/vitest-skip-reporter.mjs'],
    testTimeout: 30000,
    hookTimeout: 90000,
    env: { LOG_LEVEL: 'silent' },
  },
});
