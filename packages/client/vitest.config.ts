import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.browser.test.ts', '**/node_modules/**'],
    // The second reporter lists skipped tests at the end (pnpm test's summary collects them).
    reporters: ['default', '../tooling/src/vitest-skip-reporter.mjs'],
  },
});
