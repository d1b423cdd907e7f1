// Render benchmark: `node bench/render/run.mjs` (from the repository root).
// Bundles bench/render/page.ts (the component sources, `conditions: ['source']`) with esbuild and
// drives /usr/bin/chromium through playwright-core, in one browser process. Each figure is the
// median of RUNS runs after WARMUP warm-up runs; per run, component and baseline alternate.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = Number(process.env.WARMUP ?? 3);
/** `ONLY=message-thread` runs that case alone. */
const ONLY = process.env.ONLY;
const here = fileURLToPath(new URL('.', import.meta.url));

const built = await esbuild.build({
  entryPoints: [`${here}page.ts`],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  // PROFILE=1: readable names in the CPU profile.
  minify: !process.env.PROFILE,
  write: false,
  logLevel: 'error',
});
const script = built.outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The functions with the most self and total time of a CDP CPU profile (PROFILE=1). */
function printProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id);
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let n = leaf; n; n = byId.get(parent.get(n.id))) {
      const k = name(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
  console.log(`self:\n${top(self).join('\n')}\ntotal:\n${top(total).join('\n')}`);
}
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => {
    if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message);
  });
  await page.setContent(
    '<!doctype html><html lang="en"><body style="margin:0"><div id="stage" style="inline-size:960px"></div></body></html>',
  );
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => window.bench?.ready);

  /** Runs `a` and `b` alternately; returns medians and the median of per-run ratios a/b. */
  async function compare(a, b) {
    const as = [];
    const bs = [];
    const ratios = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const first = i % 2 === 0;
      const ra = first ? await page.evaluate(a) : null;
      await page.evaluate(() => window.bench.settle());
      const rb = await page.evaluate(b);
      await page.evaluate(() => window.bench.settle());
      const ra2 = first ? ra : await page.evaluate(a);
      if (!first) await page.evaluate(() => window.bench.settle());
      if (i < WARMUP) continue;
      as.push(ra2);
      bs.push(rb);
      ratios.push(ra2.ms / rb.ms);
    }
    return {
      a: { ms: round(median(as.map((r) => r.ms))), rows: as.at(-1).rows, nodes: as.at(-1).nodes },
      b: { ms: round(median(bs.map((r) => r.ms))), rows: bs.at(-1).rows, nodes: bs.at(-1).nodes },
      ratio: round(median(ratios), 3),
    };
  }

  const figures = [];
  const budgets = [];
  const report = (figure) => {
    figures.push(figure);
    console.log(JSON.stringify(figure));
  };

  if (!ONLY) {
    // 1a. Invoice table with 1,000 invoices vs vanilla DOM creating the same 1,000 rows.
    const t1 = await compare(
      () => window.bench.invoiceTable(1000),
      () => window.bench.vanillaInvoices(1000),
    );
    report({
      figure: 'invoice-table-1000-vs-vanilla-1000',
      unit: 'ms',
      component: t1.a,
      vanilla: t1.b,
      ratio: t1.ratio,
      budget: 1.2,
      runs: RUNS,
    });
    budgets.push(['invoice table, 1,000 rows vs vanilla DOM (≤ 1.2×)', t1.ratio <= 1.2, `${t1.ratio}×`]);

    // 1b. Informational: the same number of rows the virtualizer put in the DOM, in vanilla DOM.
    const visible = t1.a.rows;
    const t1b = await compare(() => window.bench.invoiceTable(1000), new Function(`return window.bench.vanillaInvoices(${visible})`));
    report({
      figure: 'invoice-table-1000-vs-vanilla-same-rendered-rows',
      unit: 'ms',
      component: t1b.a,
      vanilla: t1b.b,
      ratio: t1b.ratio,
      runs: RUNS,
    });

    // 1c. Ticket list with 1,000 preloaded tickets (.tickets, validated by the component) vs vanilla
    // DOM creating the same 1,000 rows, formatting included on both sides.
    const t2 = await compare(
      () => window.bench.ticketList(1000),
      () => window.bench.vanillaTickets(1000),
    );
    report({
      figure: 'ticket-list-1000-vs-vanilla-1000',
      unit: 'ms',
      component: t2.a,
      vanilla: t2.b,
      ratio: t2.ratio,
      budget: 1.2,
      runs: RUNS,
      note: 'component time includes validating the 1,000 tickets',
    });
    budgets.push(['ticket list, 1,000 rows vs vanilla DOM (≤ 1.2×)', t2.ratio <= 1.2, `${t2.ratio}×`]);

    // 2. First render with 100,000 invoices vs 100, and the node count with 100,000.
    const t3 = await compare(
      () => window.bench.invoiceTable(100_000),
      () => window.bench.invoiceTable(100),
    );
    report({
      figure: 'invoice-table-first-render-100000-vs-100',
      unit: 'ms',
      with100000: t3.a,
      with100: t3.b,
      ratio: t3.ratio,
      budget: 2,
      runs: RUNS,
    });
    budgets.push(['invoice table, first render 100,000 vs 100 invoices (≤ 2×)', t3.ratio <= 2, `${t3.ratio}×`]);
    report({ figure: 'invoice-table-dom-nodes-100000', unit: 'nodes', nodes: t3.a.nodes, rows: t3.a.rows, budget: 1000 });
    budgets.push([
      'invoice table, DOM nodes in the shadow root with 100,000 invoices (≤ 1,000)',
      t3.a.nodes <= 1000,
      `${t3.a.nodes} nodes`,
    ]);

    // 3. Usage: 12 meters with a 90-point series each (`.usage`), from createElement to the cards laid out.
    const ms = [];
    let last;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      last = await page.evaluate(() => window.bench.usageCards(12, 90));
      await page.evaluate(() => window.bench.settle());
      if (i >= WARMUP) ms.push(last.ms);
    }
    const usage = round(median(ms));
    report({ figure: 'usage-12-meters-90-points', unit: 'ms', ms: usage, meters: last.rows, nodes: last.nodes, budget: 50, runs: RUNS });
    budgets.push(['usage, 12 meters × 90 points, first render (≤ 50 ms)', usage <= 50, `${usage} ms`]);
  }

  // 4. Message thread with 5,000 messages scrolled through (up, loading every older page, then
  // down): the longest task and the number over 50 ms (`longtask` entries). One run per format:
  // mixed Markdown/text bodies, then plain text only (the sanitizer's share).
  for (const format of (process.env.FORMATS ?? 'mixed,text').split(',')) {
    if (ONLY && ONLY !== 'message-thread') break;
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const r = await page.evaluate((f) => window.bench.messageThreadScroll(5000, f), format);
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    await page.evaluate(() => window.bench.settle());
    const { tasks, during, ...rest } = r;
    report({
      figure: `message-thread-5000-scroll-${format}`,
      unit: 'ms',
      ...rest,
      budget: 100,
      tasksOver50: tasks.map((t, i) => `${t} (${during[i]})`),
    });
    if (format === 'mixed') {
      budgets.push([
        'message thread, 5,000 messages scrolled through, longest task (≤ 100 ms)',
        r.longest <= 100 && r.messages === 5000,
        `${r.longest} ms (${r.over50} tasks > 50 ms)`,
      ]);
    }
  }

  for (const [name, met, value] of budgets) console.log(`${met ? 'met' : 'NOT MET'}: ${name}: ${value}`);
  if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
}
