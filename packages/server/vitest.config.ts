import { defineConfig } from 'vitest/config';

// The whole suite runs on PGlite (in memory, one instance per test file) and, when DATABASE_URL
// points at a PostgreSQL server, again on PostgreSQL (a fresh database per test file, dropped
// at the end).
const projects: Array<{ extends: true; test: { name: string; env: Record<string, string> } }> = [
  { extends: true, test: { name: 'pglite', env: { PORTICO_TEST_DB: 'pglite' } } },
];
if (process.env.DATABASE_URL) projects.push({ extends: true, test: { name: 'postgres', env: { PORTICO_TEST_DB: 'postgres' } } });

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    projects,
    testTimeout: 30000,
    hookTimeout: 90000,
    env: { LOG_LEVEL: 'silent' },
  },
});
