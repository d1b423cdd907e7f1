// End-to-end: the example's three pages in Chromium against the real reference server (in-memory
// PGlite, seeded), checking what custom-elements-everywhere checks, with Portico's elements:
// rich data arrive as properties, strings and booleans as attributes, `portico-*` events reach
// React's own handler props, elements used before their definition upgrade, children reach slots.
// React 19 with the elements as JSX (index.html), React 19 with @portico/react (wrappers.html),
// React 18 with @portico/react (react18.html).
//
//   node test/e2e.mjs            builds dist/ if a source is newer, runs the checks
//   node test/e2e.mjs --serve    serves the example (and the API) until Ctrl+C
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, startExampleHost } from '@portico/tooling/example-harness';
import { buildExample } from '../build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const serve = process.argv.includes('--serve');
const require = createRequire(import.meta.url);

// The root `pnpm test` builds first; on its own, the test rebuilds when a source (or the built
// @portico/react or @portico/elements) is newer than dist/.
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
    0,
  );
const packageDist = (name) => join(dirname(require.resolve(`${name}/package.json`)), 'dist');
const inputs = [join(root, 'src'), join(root, 'public'), packageDist('@portico/react'), packageDist('@portico/elements')];
const built = (() => {
  try {
    return statSync(join(dist, 'assets/react18.js')).mtimeMs;
  } catch {
    return 0;
  }
})();
if (built < Math.max(statSync(join(root, 'build.mjs')).mtimeMs, ...inputs.map(newest))) await buildExample({ quiet: true });

const h = await startExampleHost({ staticDir: dist, label: 'react e2e' });
if (serve) {
  console.log(`React 19, elements as JSX: ${h.url}/index.html`);
  console.log(`React 19, @portico/react:  ${h.url}/wrappers.html`);
  console.log(`React 18, @portico/react:  ${h.url}/react18.html`);
  console.log('Ctrl+C to stop.');
  await new Promise(() => {});
}

// Alice's first page of tickets, straight from the API: what the lists must show.
const { token } = await (await fetch(`${h.url}/api/portal-token?user=alice`, { method: 'POST' })).json();
const seeded = await (
  await fetch(`${h.porticoUrl}/portal/v1/tickets?sort=-updated_at&scope=mine&limit=5`, { headers: { authorization: `Bearer ${token}` } })
).json();
assert(seeded.data?.length === 5, `the seed gives alice 5 tickets on a first page (got ${JSON.stringify(seeded).slice(0, 200)})`);
const seededIds = seeded.data.map((t) => t.id);

/** Opens a page and waits until its app ran (the probe exists) and the ticket list shows its rows. */
async function open(path) {
  const page = await h.newPage();
  await page.goto(`${h.url}/${path}`);
  await page.waitForFunction(() => window.porticoExample !== undefined);
  await page.waitForFunction(
    () => document.querySelector('portico-ticket-list')?.shadowRoot?.querySelectorAll('[part="row"]').length === 5,
    null,
    {
      timeout: 10_000,
    },
  );
  return page;
}
const rowIds = (page) => page.locator('portico-ticket-list [part="row"]').evaluateAll((rows) => rows.map((r) => r.dataset.id));
const selectedId = (page) => page.locator('#selected').getAttribute('data-ticket-id');
const lastEvent = (page) => page.evaluate(() => window.porticoExample.events.at(-1));

/** Clicking a row and pressing Enter on the next one each reach the app's handler, with the real CustomEvent. */
async function checkSelection(page, via) {
  const ids = await rowIds(page);
  await page.locator('portico-ticket-list [part="row"]').first().click();
  await page.waitForFunction((id) => document.querySelector('#selected')?.dataset.ticketId === id, ids[0]);
  let event = await lastEvent(page);
  assert(
    event?.type === 'portico-ticket-select' && event.isCustomEvent && event.ticketId === ids[0] && event.via === via,
    `click: ${JSON.stringify(event)}`,
  );
  const count = await page.evaluate(() => window.porticoExample.events.length);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('#selected')?.dataset.ticketId === id, ids[1]);
  event = await lastEvent(page);
  assert(event?.ticketId === ids[1] && event.via === via, `Enter: ${JSON.stringify(event)}`);
  assert((await page.evaluate(() => window.porticoExample.events.length)) === count + 1, 'one event per selection');
  assert((await selectedId(page)) === ids[1], 'the app rendered the selected ticket');
}

/** The plain <portico-ticket-detail>, registered after the first render, upgraded and shows the selected ticket. */
async function checkLateDetail(page) {
  const before = await page.evaluate(() => window.porticoExample.beforeDefinition['portico-ticket-detail']);
  assert(before?.inPage === true && before.defined === false, `before its registration: ${JSON.stringify(before)}`);
  const id = await selectedId(page);
  const subject = seeded.data.find((t) => t.id === id)?.subject;
  assert(subject, 'the selected ticket is one of the seeded ones');
  await page.waitForFunction(
    ([id, subject]) => {
      const detail = document.querySelector('portico-ticket-detail');
      return (
        detail?.matches(':defined') &&
        !detail.hidden &&
        detail.getAttribute('ticket-id') === id &&
        detail.hasAttribute('no-reply') &&
        detail.shadowRoot?.querySelector('[part="subject"]')?.textContent === subject
      );
    },
    [id, subject],
    { timeout: 10_000 },
  );
}

/** The filters toggle: the element follows the boolean React sets, both ways. */
async function checkFiltersToggle(page) {
  const state = () =>
    page.evaluate(() => {
      const list = document.querySelector('portico-ticket-list');
      return {
        attr: list.hasAttribute('hide-filters'),
        prop: list.hideFilters,
        filters: !!list.shadowRoot.querySelector('[part="filters"]'),
      };
    });
  let s = await state();
  assert(s.attr && s.prop && !s.filters, `filters hidden at first: ${JSON.stringify(s)}`);
  await page.locator('#toggle-filters').click();
  await page.waitForFunction(() => !!document.querySelector('portico-ticket-list').shadowRoot.querySelector('[part="filters"]'));
  s = await state();
  assert(!s.attr && !s.prop && s.filters, `filters shown after the toggle (false removes the attribute): ${JSON.stringify(s)}`);
  await page.locator('#toggle-filters').click();
  await page.waitForFunction(() => !document.querySelector('portico-ticket-list').shadowRoot.querySelector('[part="filters"]'));
  s = await state();
  assert(s.attr && s.prop && !s.filters, `filters hidden again: ${JSON.stringify(s)}`);
}

/** The provider's getToken and the invoice table's invoices are the app's own function and array. */
async function checkRichProperties(page) {
  const r = await page.evaluate(() => {
    const provider = document.querySelector('portico-provider');
    const table = document.querySelector('portico-invoice-table');
    return {
      sameFunction: provider.getToken === window.porticoExample.getToken,
      sameArray: table.invoices === window.porticoExample.invoices,
      attributes: [...provider.attributes, ...table.attributes].map((a) => a.name),
    };
  });
  assert(r.sameFunction, 'provider.getToken is the function the app passed');
  assert(r.sameArray, 'invoice-table.invoices is the array the app passed');
  assert(!r.attributes.some((n) => /token|invoices/i.test(n)), `no stringified attribute: ${r.attributes}`);
  // The table is virtualized: it renders the rows in view, in the next frames.
  await page.locator('portico-invoice-table').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => document.querySelector('portico-invoice-table').shadowRoot.querySelectorAll('[part~="number"]').length === 2,
  );
  const numbers = await page.locator('portico-invoice-table [part~="number"]').allTextContents();
  assert(numbers.join() === 'HOST-0001,HOST-0002', `the table shows the app's invoices: ${numbers}`);
}

async function checkClean(page, major) {
  const version = await page.evaluate(() => window.porticoExample.react);
  assert(version.startsWith(`${major}.`), `React ${major} expected, the bundle runs ${version}`);
  assert(page.errors.length === 0, `console errors:\n${page.errors.join('\n')}`);
}

// React 19, the elements as JSX.
{
  const page = await open('index.html');
  await h.check(
    'React 19 JSX: <portico-ticket-list> rendered before its registration module loaded upgrades in place and shows alice’s seeded tickets',
    async () => {
      const before = await page.evaluate(() => window.porticoExample.beforeDefinition['portico-ticket-list']);
      assert(before?.inPage === true && before.defined === false, `before its registration: ${JSON.stringify(before)}`);
      assert(await page.locator('portico-ticket-list').evaluate((el) => el.matches(':defined')), 'upgraded');
      assert((await rowIds(page)).join() === seededIds.join(), `rows = the API's first page: ${await rowIds(page)} vs ${seededIds}`);
    },
  );
  await h.check(
    'React 19 JSX: a function (provider getToken) and an array (invoice-table invoices) arrive as properties, not attributes',
    () => checkRichProperties(page),
  );
  await h.check(
    'React 19 JSX: a number and a boolean become attributes (page-size="5", hide-filters); false removes the attribute',
    async () => {
      const r = await page.locator('portico-ticket-list').evaluate((el) => ({ attr: el.getAttribute('page-size'), prop: el.pageSize }));
      assert(r.attr === '5' && r.prop === 5, `page-size: ${JSON.stringify(r)}`);
      await checkFiltersToggle(page);
    },
  );
  await h.check('React 19 JSX: onportico-ticket-select receives the CustomEvent with detail.ticket, on click and on Enter', () =>
    checkSelection(page, 'jsx'),
  );
  await h.check(
    'React 19 JSX: <portico-ticket-detail> registered after the first render upgrades and shows the selected seeded ticket',
    () => checkLateDetail(page),
  );
  await h.check('React 19 JSX: the page runs React 19 with no console error', () => checkClean(page, 19));
  await page.close();
}

// @portico/react, React 19 and React 18: the same app.
for (const [major, path] of [
  [19, 'wrappers.html'],
  [18, 'react18.html'],
]) {
  const page = await open(path);
  const label = `React ${major} @portico/react`;
  await h.check(`${label}: shows alice’s seeded tickets`, async () => {
    assert((await rowIds(page)).join() === seededIds.join(), `rows = the API's first page: ${await rowIds(page)} vs ${seededIds}`);
  });
  await h.check(`${label}: a function (PorticoProvider getToken) and an array (PorticoInvoiceTable invoices) arrive as properties`, () =>
    checkRichProperties(page),
  );
  await h.check(
    `${label}: declared props are set as properties (pageSize, hideFilters, baseUrl); id and data-* stay attributes`,
    async () => {
      const r = await page.evaluate(() => {
        const list = document.querySelector('portico-ticket-list');
        const provider = document.querySelector('portico-provider');
        return {
          pageSize: list.pageSize,
          pageSizeAttribute: list.getAttribute('page-size') ?? list.getAttribute('pagesize') ?? list.getAttribute('pageSize'),
          baseUrl: provider.baseUrl,
          meta: document.querySelector('meta[name="portico-base-url"]').content,
          id: list.getAttribute('id'),
          view: list.getAttribute('data-view'),
        };
      });
      assert(r.pageSize === 5 && r.pageSizeAttribute === null, `pageSize set as the property (not reflected): ${JSON.stringify(r)}`);
      assert(r.baseUrl === r.meta && r.baseUrl.startsWith('http'), `baseUrl: ${JSON.stringify(r)}`);
      assert(r.id === 'tickets' && r.view === 'support', `attributes: ${JSON.stringify(r)}`);
      await checkFiltersToggle(page);
    },
  );
  await h.check(`${label}: React children reach the element's slots (header)`, async () => {
    const slotted = await page.locator('portico-ticket-list').evaluate((el) =>
      el.shadowRoot
        .querySelector('slot[name="header"]')
        .assignedElements()
        .map((e) => e.textContent),
    );
    assert(slotted.join() === 'Your tickets', `header slot: ${slotted}`);
  });
  await h.check(`${label}: onPorticoTicketSelect receives the CustomEvent with detail.ticket, on click and on Enter`, () =>
    checkSelection(page, 'wrapper'),
  );
  await h.check(
    `${label}: a plain <portico-ticket-detail> registered after the first render upgrades and shows the selected seeded ticket`,
    () => checkLateDetail(page),
  );
  await h.check(`${label}: the page runs React ${major} with no console error`, () => checkClean(page, major));
  await page.close();
}

await h.finish();
