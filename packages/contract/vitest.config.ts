import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  // The second reporter lists skipped tests at the end (pnpm test's summary collects them).
  test: { include: ['test/**/*.test.ts'], reporters: ['default', '../tooling/src/vitest-skip-reporter.mjs'] },
});
