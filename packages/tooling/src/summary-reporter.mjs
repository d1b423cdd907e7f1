// @web/test-runner reporter that prints a plain "N passed, N failed" line last, outside the
// progress bar, so CI logs show the count.
export function summaryReporter({ label = 'browser tests' } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (results) => {
    for (const t of results?.tests ?? []) {
      if (t.skipped) skipped++;
      else if (t.passed) passed++;
      else failed++;
    }
    for (const s of results?.suites ?? []) count(s);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const s of sessions) {
        count(s.testResults);
        // A file that failed to load has errors but no test results: count it as a failure.
        if (!s.testResults && s.errors?.length) failed++;
      }
    },
    async stop() {
      console.log(`\n${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
