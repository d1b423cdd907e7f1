// A vitest reporter (added beside the default one in each package's vitest.config.ts) that ends a
// run with one `SKIPPED …` line per skipped test group, so that `pnpm test`'s summary
// (test-all.mjs collects these lines from every step) shows what did not run. A test skipped in
// one project that passed in another (the server's PostgreSQL-only tests skip on PGlite and run on
// PostgreSQL) says where it ran; one that ran nowhere says so.
import { relative } from 'node:path';

export default class SkipReporter {
  onTestRunEnd(testModules) {
    /** `file > full name` → the projects it ran in and the ones it was skipped in. */
    const tests = new Map();
    for (const mod of testModules) {
      const project = mod.project.name || 'vitest';
      const file = relative(mod.project.config.root, mod.moduleId);
      for (const test of mod.children.allTests()) {
        const key = `${file} > ${test.fullName}`;
        const entry = tests.get(key) ?? { file, test, ran: new Set(), skipped: new Set() };
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') entry.skipped.add(project);
        else entry.ran.add(project);
        tests.set(key, entry);
      }
    }
    /** Grouped by file, top-level suite and where they were skipped / ran. */
    const groups = new Map();
    for (const { file, test, ran, skipped } of tests.values()) {
      if (!skipped.size) continue;
      let top = test;
      while (top.parent && top.parent.type === 'suite') top = top.parent;
      const where = `[${[...skipped].join(', ')}]`;
      const note = ran.size ? `ran on ${[...ran].join(', ')}` : test.options?.mode === 'todo' ? 'todo' : 'ran nowhere';
      const key = `${where} ${file} > ${top.name}: {n} skipped (${note})`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    if (!groups.size) return;
    console.log('');
    for (const [line, n] of groups) console.log(`SKIPPED ${line.replace('{n}', `${n} test${n === 1 ? '' : 's'}`)}`);
  }
}
