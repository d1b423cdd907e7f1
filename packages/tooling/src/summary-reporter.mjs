// @web/test-runner reporter that prints a plain "N passed, N failed" line last, outside the
// progress bar, so CI logs show the count. A test file that failed to load, or a session that
// failed for any other reason without a failed test to show for it, counts as one failure.
// Skipped tests are listed before it, one `SKIPPED …` line per test file and top-level suite
// (pnpm test's summary collects these lines).
import { relative } from 'node:path';

export function summaryReporter({ label = 'browser tests' } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** `file > top-level suite` → skipped tests under it. */
  const skips = new Map();
  const count = (results, tally, where, top) => {
    for (const t of results?.tests ?? []) {
      if (t.skipped) {
        tally.skipped++;
        const key = `${where}${top ? ` > ${top}` : ''}`;
        skips.set(key, [...(skips.get(key) ?? []), t.name]);
      } else if (t.passed) tally.passed++;
      else tally.failed++;
    }
    for (const s of results?.suites ?? []) count(s, tally, where, top ?? s.name);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        const tally = { passed: 0, failed: 0, skipped: 0 };
        count(s.testResults, tally, relative(process.cwd(), s.testFile));
        if (!s.passed && tally.failed === 0) tally.failed = 1;
        passed += tally.passed;
        failed += tally.failed;
        skipped += tally.skipped;
      }
    },
    async stop() {
      if (skips.size) console.log('');
      for (const [where, names] of skips) {
        const shown = names.slice(0, 3).join('; ');
        console.log(
          `SKIPPED [${label}] ${where}: ${names.length} test${names.length === 1 ? '' : 's'} skipped (${shown}${names.length > 3 ? '; …' : ''})`,
        );
      }
      console.log(`\n${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
