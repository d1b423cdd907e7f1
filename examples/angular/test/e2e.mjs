// End-to-end test of the Angular example in Chromium: its production build (dist/, from
// `pnpm build`) served by the shared example harness, against the real reference server
// (in-memory PGlite, seeded with alice/bob of acme and gina of globex). Custom Elements Everywhere
// checks through Angular's own template syntax. Prints `angular e2e: N passed, N failed`.
// `node test/e2e.mjs --serve` keeps it up.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, startExampleHost } from '@portico/tooling/example-harness';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../dist');
const TIMEOUT = 15_000;

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: run \`pnpm build\` (at the repository root, or in examples/angular) first.`);
  console.log('angular e2e: 0 passed, 1 failed');
  process.exit(1);
}

const h = await startExampleHost({ staticDir: dist, label: 'angular e2e' });
if (process.argv.includes('--serve')) {
  console.log(`${h.url}/index.html\n(Ctrl+C to stop)`);
  // Playwright's own SIGINT/SIGTERM handlers close the browser but don't end the process.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => h.browser.close().finally(() => process.exit(0)));
  await new Promise(() => {});
}
// The seeded articles show screenshots from images.example.com, a name that doesn't resolve.
await h.context.route('https://images.example.com/**', (route) =>
  route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' }),
);

/** What the API holds for alice (acme): what the page must show, and nothing else. */
async function api(path) {
  const { token } = await (await fetch(`${h.url}/api/portal-token?user=alice`, { method: 'POST' })).json();
  const res = await fetch(`${h.porticoUrl}/portal/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert(res.ok, `GET ${path}: HTTP ${res.status}`);
  return res.json();
}
const acme = {
  tickets: new Map((await api('/tickets?limit=100')).data.map((t) => [t.subject, t])),
  invoices: new Set((await api('/invoices?limit=100')).data.map((i) => i.number)),
  articles: new Set((await api('/articles?limit=100')).data.map((a) => a.title)),
};
const texts = async (locator) => (await locator.allTextContents()).map((s) => s.trim());

const page = await h.newPage();
const httpErrors = [];
page.on('response', (r) => r.status() >= 400 && httpErrors.push(`HTTP ${r.status()} ${r.url()}`));
await page.goto(`${h.url}/index.html`);
const list = page.locator('portico-ticket-list#live');
const hostList = page.locator('portico-ticket-list#host-tickets');
const seeded = page.locator('portico-invoice-table:not(#pinned)');
const pinned = page.locator('portico-invoice-table#pinned');

await h.check('angular app: ticket list, help-center search and invoices show alice’s seeded acme data', async () => {
  await list.locator('[part~="row"]').first().waitFor({ timeout: TIMEOUT });
  const subjects = await texts(list.locator('[part~="row"] [part~="subject"]'));
  assert(subjects.length === Math.min(5, acme.tickets.size), `ticket rows: ${subjects.length}`);
  for (const s of subjects) assert(acme.tickets.has(s), `ticket "${s}" is not one of acme's`);

  await seeded.scrollIntoViewIfNeeded(); // virtualized: rows render in the viewport
  await seeded.locator('[part~="row"]').first().waitFor({ timeout: TIMEOUT });
  const numbers = await texts(seeded.locator('[part~="row"] [part~="number"]'));
  for (const n of numbers) assert(acme.invoices.has(n), `invoice ${n} is not one of acme's`);

  await page.locator('portico-kb-search [part~="input"]').click();
  await page.locator('portico-kb-search [part~="option-title"]').first().waitFor({ timeout: TIMEOUT });
  for (const t of await texts(page.locator('portico-kb-search [part~="option-title"]'))) {
    assert(acme.articles.has(t), `article "${t}" is not one of acme's`);
  }
});

await h.check('angular: [getToken] gave the provider a function property (no attribute), [attr.base-url] an attribute', async () => {
  const r = await page.evaluate(() => {
    const p = document.querySelector('portico-provider');
    return {
      getToken: typeof p.getToken,
      attrs: p.getAttributeNames(),
      baseUrl: p.baseUrl,
      upgraded: p instanceof customElements.get('portico-provider'),
    };
  });
  assert(r.upgraded && r.getToken === 'function', JSON.stringify(r));
  assert(r.attrs.includes('base-url') && !r.attrs.some((a) => a.toLowerCase() === 'gettoken'), `attributes: ${r.attrs.join(', ')}`);
  assert(r.baseUrl === h.porticoUrl, `baseUrl ${r.baseUrl}`);
});

await h.check('angular: [tickets] sets the host’s own tickets as a property: exactly those rows, no request, no attribute', async () => {
  await hostList.locator('[part~="row"]').first().waitFor({ timeout: TIMEOUT });
  const subjects = (await texts(hostList.locator('[part~="row"] [part~="subject"]'))).sort();
  assert(subjects.join('|') === 'Invoice address change|VPN access for the new office', `rows: ${subjects.join('|')}`);
  const r = await hostList.evaluate((el) => ({ isArray: Array.isArray(el.tickets), attrs: el.getAttributeNames() }));
  assert(r.isArray && !r.attrs.includes('tickets'), JSON.stringify(r));
  // Both lists are on the page; only the live one asks the API (one list request, whatever its filters).
  const listRequests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/portal\/v1\/tickets(\?|$)/.test(e.name))
      .map((e) => e.name),
  );
  assert(listRequests.length === 1, `ticket list requests: ${listRequests.join(', ')}`);
});

await h.check(
  'angular: [invoices] on a table Angular rendered before its definition is set as a property: it upgrades in place and shows exactly those rows',
  async () => {
    await page.waitForFunction(() => customElements.get('portico-invoice-table'), null, { timeout: TIMEOUT });
    const r = await page.evaluate(() => {
      const t = document.querySelector('#pinned');
      return {
        upgraded: t instanceof customElements.get('portico-invoice-table'),
        isArray: Array.isArray(t.invoices),
        attrs: t.getAttributeNames(),
        // The app's main module imports the table only after bootstrapApplication() resolved.
        definedLate: performance.getEntriesByType('resource').some((e) => /\/chunks\/invoice-table-[\w-]+\.js$/.test(e.name)),
      };
    });
    assert(r.upgraded && r.isArray && r.definedLate, JSON.stringify(r));
    assert(!r.attrs.includes('invoices'), `attributes: ${r.attrs.join(', ')}`);
    await pinned.scrollIntoViewIfNeeded();
    await pinned.locator('[part~="row"]').first().waitFor({ timeout: TIMEOUT });
    const numbers = (await texts(pinned.locator('[part~="row"] [part~="number"]'))).sort();
    assert(numbers.join() === 'PINNED-1,PINNED-2', `rows: ${numbers.join()}`);
  },
);

await h.check(
  'angular: [attr.hide-filters]="… ? \'\' : null" toggles the attribute (present / removed); [status] from the select reaches the list',
  async () => {
    const state = () =>
      list.evaluate((el) => ({
        attr: el.hasAttribute('hide-filters'),
        prop: el.hideFilters,
        filters: !!el.shadowRoot.querySelector('[part~="filters"]'),
      }));
    let s = await state();
    assert(s.attr && s.prop && !s.filters, `initially hidden: ${JSON.stringify(s)}`);
    await page.locator('[data-test="hide-filters"]').uncheck();
    await page.waitForFunction(() => !document.querySelector('#live').hasAttribute('hide-filters'), null, { timeout: TIMEOUT });
    await list.evaluate((el) => el.updateComplete);
    s = await state();
    assert(!s.attr && s.prop === false && s.filters, `unchecked: ${JSON.stringify(s)}`);
    await page.locator('[data-test="hide-filters"]').check();
    await page.waitForFunction(() => document.querySelector('#live').hasAttribute('hide-filters'), null, { timeout: TIMEOUT });

    await page.locator('[data-test="status"]').selectOption('open');
    await page.waitForFunction(
      () => {
        const el = document.querySelector('#live');
        const badges = [...el.shadowRoot.querySelectorAll('[part~="row"] [data-status]')];
        return el.status === 'open' && badges.length > 0 && badges.every((b) => b.dataset.status === 'open');
      },
      null,
      { timeout: TIMEOUT },
    );
  },
);

await h.check(
  'angular: (portico-ticket-select) runs the Angular handler (detail opens) and the event bubbles, composed, to an ancestor <section> binding',
  async () => {
    const row = list.locator('[part~="row"]').first();
    const subject = (await row.locator('[part~="subject"]').textContent()).trim();
    await row.click();
    await page.locator('[data-test="selected"]', { hasText: subject }).waitFor({ timeout: TIMEOUT });
    await page.locator('portico-ticket-detail [part~="subject"]', { hasText: subject }).waitFor({ timeout: TIMEOUT });
    const e = JSON.parse(await page.locator('[data-test="last-event"]').textContent());
    assert(e.type === 'portico-ticket-select' && e.bubbles && e.composed && e.cancelable, JSON.stringify(e));
    assert(e.target === 'portico-ticket-list' && e.ticket === acme.tickets.get(subject)?.id, JSON.stringify(e));
  },
);

await h.check('angular: (portico-article-open) receives the chosen article', async () => {
  await page.locator('portico-kb-search [part~="input"]').click();
  const option = page.locator('portico-kb-search [part~="option"]').first();
  const slug = await option.getAttribute('data-slug');
  await option.click();
  await page.locator('[data-test="article"]', { hasText: slug }).waitFor({ timeout: TIMEOUT });
});

await h.check('angular app: no console error, no uncaught exception', async () => {
  assert(page.errors.length === 0, [...page.errors, ...httpErrors].join('\n'));
});

await h.finish();
