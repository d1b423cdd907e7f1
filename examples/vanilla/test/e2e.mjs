// End-to-end test of the plain-HTML example in Chromium, against the real reference server
// (in-memory PGlite, seeded with alice/bob of acme and gina of globex) through the shared example
// harness. index.html loads the single-file bundle; autoload.html the autoloader. Both are served
// as they are, with @portico/elements' dist/cdn mounted at /cdn/ (run `pnpm build` first).
// Prints `vanilla e2e: N passed, N failed`.   `node test/e2e.mjs --serve` keeps the pages up.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { assert, startExampleHost } from '@portico/tooling/example-harness';

const here = dirname(fileURLToPath(import.meta.url));
const example = join(here, '..');
const elements = dirname(createRequire(import.meta.url).resolve('@portico/elements/package.json'));
const cdn = join(elements, 'dist/cdn');
const TIMEOUT = 15_000;

if (!existsSync(join(cdn, 'portico.js'))) {
  console.error(`${cdn}/portico.js is missing: run \`pnpm build\` at the repository root first.`);
  console.log('vanilla e2e: 0 passed, 1 failed');
  process.exit(1);
}

// index.html as a page of another site would have it, with the bundle from another origin (as
// from a CDN): written at run time, once the origin is known.
const crossOriginDir = mkdtempSync(join(tmpdir(), 'portico-vanilla-'));
const h = await startExampleHost({ staticDir: { '/': example, '/cdn/': cdn, '/other-site/': crossOriginDir }, label: 'vanilla e2e' });
process.on('exit', () => rmSync(crossOriginDir, { recursive: true, force: true }));
if (process.argv.includes('--serve')) {
  console.log(`bundle:   ${h.url}/index.html\nautoload: ${h.url}/autoload.html\n(Ctrl+C to stop)`);
  // Playwright's own SIGINT/SIGTERM handlers close the browser but don't end the process.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => h.browser.close().finally(() => process.exit(0)));
  await new Promise(() => {});
}

// The seeded articles show screenshots from images.example.com, a name that doesn't resolve: a
// blank image instead (else Chromium logs a failed load, which would count as a console error).
await h.context.route('https://images.example.com/**', (route) =>
  route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' }),
);

/** What the API holds for alice (acme): what the pages must show, and nothing else. */
async function api(path) {
  const { token } = await (await fetch(`${h.url}/api/portal-token?user=alice`, { method: 'POST' })).json();
  const res = await fetch(`${h.porticoUrl}/portal/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert(res.ok, `GET ${path}: HTTP ${res.status}`);
  return res.json();
}
const acme = {
  tickets: new Set((await api('/tickets?limit=100')).data.map((t) => t.subject)),
  invoices: new Set((await api('/invoices?limit=100')).data.map((i) => i.number)),
  articles: new Set((await api('/articles?limit=100')).data.map((a) => a.title)),
};

/** A page that records the files it fetched from /cdn/ (the page's and its workers'). */
async function open(path) {
  const page = await h.newPage();
  page.cdn = [];
  const record = (req) => {
    const u = new URL(req.url());
    if (u.pathname.startsWith('/cdn/')) page.cdn.push(u.pathname.slice('/cdn/'.length));
  };
  page.on('request', record);
  page.on('worker', (w) => record({ url: () => w.url() }));
  page.httpErrors = [];
  page.on('response', (r) => r.status() >= 400 && page.httpErrors.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(`${h.url}/${path}`);
  return page;
}
const texts = async (locator) => (await locator.allTextContents()).map((s) => s.trim());
const gz = (file) => gzipSync(readFileSync(join(cdn, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
/** Every tag of the custom-elements manifest. */
const manifestTags = JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8'))
  .modules.flatMap((m) => m.declarations ?? [])
  .map((d) => d.tagName)
  .filter(Boolean)
  .sort();
const componentModules = new Set(Object.values(JSON.parse(readFileSync(join(cdn, 'autoload-map.json'), 'utf8'))).map((f) => f.slice(2)));

// ---------------------------------------------------------------------------------------------
// The built files.

await h.check(
  'dist/cdn: portico.js is one file (no static import), autoload.js maps every manifest tag to a module that exists',
  async () => {
    for (const f of ['portico.js', 'autoload.js', 'pdfjs.js', 'pdf-worker.js'])
      assert(existsSync(join(cdn, f)), `dist/cdn/${f} is missing`);
    const bundle = readFileSync(join(cdn, 'portico.js'), 'utf8');
    const staticImport = /(?:^|[;}\s])(?:import\s*(?:["'{*]|[\w$]+\s*(?:,|from))|export\s*(?:\*|\{[^}]*\})\s*from)/.exec(bundle);
    assert(!staticImport, `portico.js has a static import: …${bundle.slice(staticImport?.index, (staticImport?.index ?? 0) + 80)}…`);
    const lazy = [...bundle.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
    for (const f of lazy) assert(existsSync(join(cdn, f)), `portico.js imports ./${f} on demand, which is missing`);
    const autoload = readFileSync(join(cdn, 'autoload.js'), 'utf8');
    const map = JSON.parse(readFileSync(join(cdn, 'autoload-map.json'), 'utf8'));
    assert(manifestTags.length >= 13, `manifest lists ${manifestTags.length} tags`);
    for (const tag of manifestTags) {
      assert(map[tag], `the autoloader has no module for <${tag}>`);
      assert(autoload.includes(`"${tag}":"${map[tag]}"`), `autoload.js does not map <${tag}> to ${map[tag]}`);
      assert(existsSync(join(cdn, map[tag])), `dist/cdn/${map[tag]} (for <${tag}>) is missing`);
    }
    assert(gz('autoload.js') < 1000, `autoload.js is ${kb(gz('autoload.js'))} min+gz`);
    console.log(`       portico.js ${kb(gz('portico.js'))}, autoload.js ${kb(gz('autoload.js'))} min+gz; ${lazy.length} lazy files`);
  },
);

// ---------------------------------------------------------------------------------------------
// index.html: the single-file bundle.

const bundlePage = await open('index.html');

await h.check('bundle page: ticket list, help-center search and invoices show alice’s seeded acme data', async () => {
  const p = bundlePage;
  await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
  const subjects = await texts(p.locator('portico-ticket-list [part~="row"] [part~="subject"]'));
  assert(subjects.length === Math.min(5, acme.tickets.size), `ticket rows: ${subjects.length}`);
  for (const s of subjects) assert(acme.tickets.has(s), `ticket "${s}" is not one of acme's`);

  // The table is virtualized: rows render once it is in the viewport.
  await p.locator('portico-invoice-table').scrollIntoViewIfNeeded();
  await p.locator('portico-invoice-table [part~="row"]').first().waitFor({ timeout: TIMEOUT });
  const numbers = await texts(p.locator('portico-invoice-table [part~="row"] [part~="number"]'));
  assert(numbers.length > 0, 'no invoice rows');
  for (const n of numbers) assert(acme.invoices.has(n), `invoice ${n} is not one of acme's`);

  await p.locator('portico-kb-search [part~="input"]').click();
  await p.locator('portico-kb-search [part~="option-title"]').first().waitFor({ timeout: TIMEOUT });
  const titles = await texts(p.locator('portico-kb-search [part~="option-title"]'));
  for (const t of titles) assert(acme.articles.has(t), `article "${t}" is not one of acme's`);
});

await h.check(
  'bundle page: the SDK was one request (portico.js) and nothing else from /cdn/ before an article or a PDF was opened',
  async () => {
    assert(bundlePage.cdn.length === 1 && bundlePage.cdn[0] === 'portico.js', `requests to /cdn/: ${bundlePage.cdn.join(', ')}`);
  },
);

await h.check(
  'bundle page: opening an article loads the sanitizer files beside the bundle (dompurify.js, marked.js) and shows the body',
  async () => {
    const p = bundlePage;
    await p.locator('portico-kb-search [part~="input"]').click();
    await p.locator('portico-kb-search [part~="option"]').first().click();
    await p.locator('portico-kb-article [part~="body"]').waitFor({ timeout: TIMEOUT });
    for (const f of ['dompurify.js', 'marked.js']) assert(p.cdn.includes(f), `${f} not loaded: ${p.cdn.join(', ')}`);
  },
);

await h.check(
  'bundle page: a PDF previews with no build step: pdfjs.js and the module worker pdf-worker.js load from beside the bundle',
  async () => {
    const p = bundlePage;
    const brief = p.locator('portico-deliverable-list [part~="row"]', { hasText: 'Creative brief' });
    await brief.waitFor({ timeout: TIMEOUT });
    await brief.click();
    await p.locator('portico-deliverable-viewer canvas[part~="page"]').waitFor({ timeout: TIMEOUT });
    const drawn = await p.locator('portico-deliverable-viewer canvas[part~="page"]').evaluate((c) => c.width > 0 && c.height > 0);
    assert(drawn, 'the page canvas is empty');
    assert(p.cdn.includes('pdfjs.js'), `pdfjs.js not loaded: ${p.cdn.join(', ')}`);
    const workers = p.workers().map((w) => new URL(w.url()).pathname);
    assert(workers.includes('/cdn/pdf-worker.js'), `no pdf.js worker from /cdn/pdf-worker.js (workers: ${workers.join(', ') || 'none'})`);
  },
);

await h.check(
  'bundle page: lang="de" on the provider loads the German texts on demand (messages.de.js, ticket-list.messages.de.js)',
  async () => {
    const p = bundlePage;
    await p.evaluate(() => document.querySelector('portico-provider').setAttribute('lang', 'de'));
    await p.locator('portico-ticket-list [part~="next"]', { hasText: 'Weiter' }).waitFor({ timeout: TIMEOUT });
    await p.locator('portico-invoice-table [part~="table"][aria-label="Rechnungen"]').waitFor({ timeout: TIMEOUT });
    for (const f of ['messages.de.js', 'ticket-list.messages.de.js', 'invoice-table.messages.de.js'])
      assert(p.cdn.includes(f), `${f} not loaded: ${p.cdn.join(', ')}`);
    await p.evaluate(() => document.querySelector('portico-provider').removeAttribute('lang'));
  },
);

// Custom Elements Everywhere, plain DOM.
await h.check(
  'plain DOM: rich data as a property (.invoices = [...]) renders those rows, requests nothing, writes no attribute',
  async () => {
    const p = bundlePage;
    const before = await p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/invoices')).length);
    await p.evaluate(() => {
      const t = document.createElement('portico-invoice-table');
      t.id = 'preloaded';
      t.setAttribute('hide-totals', '');
      const inv = (n, status, total) => ({
        id: `inv_${n}`,
        number: `LOCAL-${n}`,
        status,
        currency: 'EUR',
        subtotal: total,
        tax: 0,
        total,
        amountPaid: status === 'paid' ? total : 0,
        amountDue: status === 'paid' ? 0 : total,
        issuedAt: `2025-01-0${n}T00:00:00.000Z`,
        dueAt: null,
        paidAt: null,
        overdue: false,
        pdfUrl: null,
        payUrl: null,
      });
      t.invoices = [inv(1, 'open', 1200), inv(2, 'paid', 3400)];
      document.querySelector('portico-provider').append(t);
    });
    await p.locator('#preloaded').scrollIntoViewIfNeeded();
    const rows = p.locator('#preloaded [part~="row"] [part~="number"]');
    await rows.first().waitFor({ timeout: TIMEOUT });
    const numbers = (await texts(rows)).sort();
    assert(numbers.join() === 'LOCAL-1,LOCAL-2', `rows: ${numbers.join()}`);
    const after = await p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/invoices')).length);
    assert(after === before, `the table requested /invoices ${after - before} time(s)`);
    const attrs = await p.evaluate(() => document.querySelector('#preloaded').getAttributeNames());
    assert(!attrs.includes('invoices'), `attributes: ${attrs.join(', ')}`);
  },
);

await h.check('plain DOM: strings and booleans as attributes (status, hide-filters) and the reflected properties agree', async () => {
  const p = bundlePage;
  const list = p.locator('portico-ticket-list').first();
  const r = await list.evaluate(async (el) => {
    const out = {};
    el.removeAttribute('hide-filters');
    await el.updateComplete;
    out.propAfterRemove = el.hideFilters;
    out.filtersShown = !!el.shadowRoot.querySelector('[part~="filters"]');
    el.hideFilters = true;
    await el.updateComplete;
    out.attrAfterProp = el.hasAttribute('hide-filters');
    out.filtersHidden = !el.shadowRoot.querySelector('[part~="filters"]');
    el.setAttribute('status', 'open');
    out.statusProp = el.status;
    return out;
  });
  assert(r.propAfterRemove === false && r.filtersShown, `removing hide-filters: ${JSON.stringify(r)}`);
  assert(r.attrAfterProp && r.filtersHidden, `hideFilters = true: ${JSON.stringify(r)}`);
  assert(r.statusProp === 'open', `status attribute → property: ${r.statusProp}`);
  await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
  await p.waitForFunction(
    () => {
      const badges = [...document.querySelector('portico-ticket-list').shadowRoot.querySelectorAll('[part~="row"] [data-status]')];
      return badges.length > 0 && badges.every((b) => b.dataset.status === 'open');
    },
    null,
    { timeout: TIMEOUT },
  );
});

await h.check(
  'plain DOM: portico-ticket-select reaches document.addEventListener from inside the provider (bubbles, composed, cancelable, detail.ticket)',
  async () => {
    const p = bundlePage;
    await p.evaluate(() => {
      window.seen = [];
      document.addEventListener('portico-ticket-select', (e) =>
        window.seen.push({
          bubbles: e.bubbles,
          composed: e.composed,
          cancelable: e.cancelable,
          target: e.target.localName,
          insideProvider: !!e.target.closest('portico-provider'),
          subject: e.detail?.ticket?.subject,
        }),
      );
    });
    const row = p.locator('portico-ticket-list [part~="row"]').first();
    const subject = (await row.locator('[part~="subject"]').textContent()).trim();
    await row.click();
    const seen = await p.evaluate(() => window.seen);
    assert(seen.length === 1, `events: ${JSON.stringify(seen)}`);
    const e = seen[0];
    assert(e.bubbles && e.composed && e.cancelable, `flags: ${JSON.stringify(e)}`);
    assert(e.target === 'portico-ticket-list' && e.insideProvider && e.subject === subject, `event: ${JSON.stringify(e)}`);
    // The page's own listener (index.html) opened the ticket.
    await p.locator('portico-ticket-detail [part~="subject"]', { hasText: subject }).waitFor({ timeout: TIMEOUT });
  },
);

await h.check('bundle page: no console error, no uncaught exception', async () => {
  assert(bundlePage.errors.length === 0, [...bundlePage.errors, ...bundlePage.httpErrors].join('\n'));
});
await bundlePage.close();

await h.check(
  'bundle from another origin (as from a CDN, with CORS): data and a PDF preview show, no console error (pdf.js parses on the main thread: browsers start no cross-origin worker)',
  async () => {
    const cdnOrigin = h.url.replace('127.0.0.1', 'localhost'); // same server, another origin
    const html = readFileSync(join(example, 'index.html'), 'utf8').replaceAll('./cdn/', `${cdnOrigin}/cdn/`);
    writeFileSync(join(crossOriginDir, 'index.html'), html);
    const p = await h.newPage();
    // What a CDN sends: Access-Control-Allow-Origin (module scripts load in CORS mode).
    await p.route(`${cdnOrigin}/cdn/**`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        status: res.status(),
        contentType: res.headers()['content-type'],
        body: await res.body(),
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    const loaded = [];
    p.on('request', (r) => r.url().startsWith(`${cdnOrigin}/cdn/`) && loaded.push(r.url().slice(`${cdnOrigin}/cdn/`.length)));
    await p.goto(`${h.url}/other-site/index.html`);
    await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
    const brief = p.locator('portico-deliverable-list [part~="row"]', { hasText: 'Creative brief' });
    await brief.waitFor({ timeout: TIMEOUT });
    await brief.click();
    await p.locator('portico-deliverable-viewer canvas[part~="page"]').waitFor({ timeout: TIMEOUT });
    for (const f of ['portico.js', 'pdfjs.js', 'pdf-worker.js'])
      assert(loaded.includes(f), `${f} not loaded from ${cdnOrigin}: ${loaded.join(', ')}`);
    const workers = p.workers().map((w) => w.url());
    assert(workers.length === 0, `a worker started from another origin: ${workers.join(', ')}`);
    assert(p.errors.length === 0, p.errors.join('\n'));
    await p.close();
  },
);

// ---------------------------------------------------------------------------------------------
// autoload.html: one ticket list, the autoloader.

const autoPage = await open('autoload.html');

await h.check(
  'autoload page: elements parsed before their definition upgrade, keep getToken set before it, and show acme tickets',
  async () => {
    const p = autoPage;
    await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
    const subjects = await texts(p.locator('portico-ticket-list [part~="row"] [part~="subject"]'));
    for (const s of subjects) assert(acme.tickets.has(s), `ticket "${s}" is not one of acme's`);
    const state = await p.evaluate(() => {
      const provider = document.querySelector('portico-provider');
      const list = document.querySelector('portico-ticket-list');
      return {
        provider: provider instanceof customElements.get('portico-provider'),
        list: list instanceof customElements.get('portico-ticket-list'),
        ownGetToken: Object.hasOwn(provider, 'getToken'), // an own property would shadow the accessor
        getToken: typeof provider.getToken,
      };
    });
    assert(state.provider && state.list, `not upgraded: ${JSON.stringify(state)}`);
    assert(state.getToken === 'function' && !state.ownGetToken, `getToken: ${JSON.stringify(state)}`);
  },
);

await h.check('autoload page: loaded provider.js + ticket-list.js (+ shared chunks) and no other component module', async () => {
  const p = autoPage;
  const loaded = p.cdn;
  for (const f of ['autoload.js', 'provider.js', 'ticket-list.js']) assert(loaded.includes(f), `${f} not loaded: ${loaded.join(', ')}`);
  const others = loaded.filter((f) => componentModules.has(f) && f !== 'provider.js' && f !== 'ticket-list.js');
  assert(others.length === 0, `other component modules loaded: ${others.join(', ')}`);
  const unexpected = loaded.filter((f) => !componentModules.has(f) && f !== 'autoload.js' && !/^chunk-[A-Z0-9]+\.js$/.test(f));
  assert(unexpected.length === 0, `unexpected files: ${unexpected.join(', ')}`);
  for (const f of ['invoice-table.js', 'deliverable-viewer.js', 'kb-search.js', 'pdfjs.js']) assert(!loaded.includes(f), `${f} loaded`);
  const total = loaded.reduce((n, f) => n + gz(f), 0);
  console.log(`       ${loaded.length} files, ${kb(total)} min+gz: ${loaded.join(' ')}`);
});

await h.check('autoload page: a <portico-kb-search> appended later is imported (kb-search.js) and upgraded', async () => {
  const p = autoPage;
  assert(!p.cdn.includes('kb-search.js'), 'kb-search.js loaded before the tag was added');
  await p.evaluate(() => {
    const search = document.createElement('portico-kb-search');
    search.setAttribute('popular', '');
    document.querySelector('portico-provider').appendChild(search);
  });
  await p.waitForFunction(() => customElements.get('portico-kb-search') && document.querySelector('portico-kb-search').shadowRoot, null, {
    timeout: TIMEOUT,
  });
  assert(p.cdn.includes('kb-search.js'), `kb-search.js not loaded: ${p.cdn.join(', ')}`);
  await p.locator('portico-kb-search [part~="input"]').click();
  await p.locator('portico-kb-search [part~="option-title"]').first().waitFor({ timeout: TIMEOUT });
});

await h.check('autoload page: rich data set on an undefined element (.invoices) survives its upgrade', async () => {
  const p = autoPage;
  await p.evaluate(() => {
    if (customElements.get('portico-invoice-table')) throw new Error('already defined');
    const t = document.createElement('portico-invoice-table');
    t.setAttribute('hide-totals', '');
    t.invoices = [
      {
        id: 'inv_x',
        number: 'BEFORE-UPGRADE',
        status: 'open',
        currency: 'USD',
        subtotal: 500,
        tax: 0,
        total: 500,
        amountPaid: 0,
        amountDue: 500,
        issuedAt: '2025-02-01T00:00:00.000Z',
        dueAt: null,
        paidAt: null,
        overdue: false,
        pdfUrl: null,
        payUrl: null,
      },
    ];
    document.querySelector('portico-provider').append(t);
  });
  await p.locator('portico-invoice-table').scrollIntoViewIfNeeded();
  await p.locator('portico-invoice-table [part~="row"] [part~="number"]', { hasText: 'BEFORE-UPGRADE' }).waitFor({ timeout: TIMEOUT });
  const rows = await p.locator('portico-invoice-table [part~="row"]').count();
  assert(rows === 1, `rows: ${rows}`);
});

await h.check('autoload page: a tag rendered later inside a host element’s open shadow root is found and upgraded', async () => {
  const p = autoPage;
  await p.evaluate(() => {
    customElements.define(
      'acme-card',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' });
        }
        connectedCallback() {
          setTimeout(() => {
            this.shadowRoot.innerHTML = '<portico-ticket-form no-suggestions></portico-ticket-form>';
          }, 50);
        }
      },
    );
    document.querySelector('portico-provider').append(document.createElement('acme-card'));
  });
  await p.waitForFunction(() => document.querySelector('acme-card').shadowRoot.querySelector('portico-ticket-form')?.shadowRoot, null, {
    timeout: TIMEOUT,
  });
  assert(p.cdn.includes('ticket-form.js'), `ticket-form.js not loaded: ${p.cdn.join(', ')}`);
});

await h.check('autoload page: no console error, no uncaught exception', async () => {
  assert(autoPage.errors.length === 0, [...autoPage.errors, ...autoPage.httpErrors].join('\n'));
});

await h.finish();
