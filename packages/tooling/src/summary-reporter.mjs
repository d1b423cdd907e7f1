// @web/test-runner reporter that prints a plain "N passed, N failed" line last, outside the
// progress bar, so CI logs show the count. A test file that failed to load, or a session that
// failed for any other reason without a failed test to show for it, counts as one failure.
export function summaryReporter({ label = 'browser tests' } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (results, tally) => {
    for (const t of results?.tests ?? []) {
      if (t.skipped) tally.skipped++;
      else if (t.passed) tally.passed++;
      else tally.failed++;
    }
    for (const s of results?.suites ?? []) count(s, tally);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        const tally = { passed: 0, failed: 0, skipped: 0 };
        count(s.testResults, tally);
        if (!s.passed && tally.failed === 0) tally.failed = 1;
        passed += tally.passed;
        failed += tally.failed;
        skipped += tally.skipped;
      }
    },
    async stop() {
      console.log(`\n${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
