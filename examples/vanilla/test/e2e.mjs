// End-to-end test of the plain-HTML example in Chromium, against the real reference server
// (in-memory PGlite, seeded with alice/bob of acme and gina of globex) through the shared example
// harness. index.html loads the single-file bundle; autoload.html the autoloader. Both are served
// as they are, with @portico/elements' dist/cdn mounted at /cdn/ (run `pnpm build` first).
// Prints `vanilla e2e: N passed, N failed`.   `node test/e2e.mjs --serve` keeps the pages up.

import { createHash } from 'node:crypto';
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
// The CDN-snippet page (below) is served with its Content-Security-Policy header by the host itself.
let sriPolicy = '';
const h = await startExampleHost({
  staticDir: { '/': example, '/cdn/': cdn, '/other-site/': crossOriginDir },
  label: 'vanilla e2e',
  routes: (req, res) => {
    if (!req.url.startsWith('/other-site/sri.html') || !sriPolicy) return false;
    const html = readFileSync(join(crossOriginDir, 'sri.html'), 'utf8').replaceAll('%PORTICO_URL%', h.porticoUrl);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': sriPolicy, 'Cache-Control': 'no-store' });
    res.end(html);
    return true;
  },
});
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
// The README's CDN snippet (script tag with `integrity` + `crossorigin`, import map with the
// hashes of the files loaded later), from another origin, under a strict CSP.

const integrity = JSON.parse(readFileSync(join(cdn, 'integrity.json'), 'utf8')).files;
const sha = (algo, text) => createHash(algo).update(text).digest('base64');
/** The README's `cdn-sri` snippet as a page: the CDN base, and the hashes of integrity.json filled in. */
function sriPage(entry, cdnBase, body) {
  const readme = readFileSync(join(example, '../../README.md'), 'utf8');
  const name = 'cdn-sri'; // the README's marker (packages/tooling/src/doc-snippets.mjs checks it is run here)
  const m = new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  assert(m, `README.md has no <!-- snippet: ${name} --> html block`);
  const snippet = m[1];
  const base = /src="(https:\/\/[^"]+\/)portico\.js"/.exec(snippet)?.[1];
  assert(base, 'the snippet’s script tag loads no …/portico.js');
  // The import map, as the README says to write it: one entry per file of integrity.json.
  const exampleMap = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(snippet)[1]);
  for (const key of Object.keys(exampleMap.integrity)) assert(key.startsWith(base), `import map entry ${key} is not under ${base}`);
  const map = JSON.stringify({
    integrity: Object.fromEntries(
      Object.entries(integrity)
        .filter(([f]) => f !== entry)
        .map(([f, hash]) => [`${cdnBase}${f}`, hash]),
    ),
  });
  const html = snippet
    .replace(/<script type="importmap">[\s\S]*?<\/script>/, `<script type="importmap">${map}</script>`)
    .replace(`${base}portico.js`, `${cdnBase}${entry}`)
    .replace('integrity="sha384-…"', `integrity="${integrity[entry]}"`);
  assert(html.includes('crossorigin="anonymous"') && html.includes(`integrity="${integrity[entry]}"`), `page head: ${html}`);
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title>\n${html}\n<script src="./sri-page.js" defer></script></head><body>${body}</body></html>`,
    importMapHash: `sha256-${sha('sha256', map)}`,
  };
}
// The page's own script: an external file, since the CSP allows no inline script but the import map.
writeFileSync(
  join(crossOriginDir, 'sri-page.js'),
  `const provider = document.querySelector('portico-provider');
provider.getToken = async () => (await (await fetch('/api/portal-token?user=alice', { method: 'POST' })).json()).token;
document.addEventListener('portico-article-open', (event) => {
  const article = document.querySelector('portico-kb-article');
  article.setAttribute('slug', event.detail.slug);
  article.hidden = false;
});
document.addEventListener('portico-deliverable-select', (event) => {
  const viewer = document.querySelector('portico-deliverable-viewer');
  viewer.setAttribute('deliverable-id', event.detail.deliverable.id);
  viewer.hidden = false;
});
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
`,
);

/**
 * Opens the README snippet's page from /other-site/ with the SDK on another origin (CORS, as a CDN
 * sends it) under a strict CSP: no 'unsafe-inline', no 'unsafe-eval'; scripts only from the page's
 * own origin, the CDN, and the import map by its hash. `tamper` maps a file name to altered content.
 */
async function openSri(entry, body, { tamper = {} } = {}) {
  const cdnOrigin = h.url.replace('127.0.0.1', 'localhost');
  const { html, importMapHash } = sriPage(entry, `${cdnOrigin}/cdn/`, body);
  writeFileSync(join(crossOriginDir, 'sri.html'), html);
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${cdnOrigin} '${importMapHash}'`,
    "style-src 'self'",
    `connect-src 'self' ${h.porticoUrl}`,
    `img-src 'self' ${h.porticoUrl} https://images.example.com data: blob:`,
    `media-src ${h.porticoUrl} blob:`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
  ].join('; ');
  sriPolicy = csp;
  const p = await h.newPage();
  await p.route(`${cdnOrigin}/cdn/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice('/cdn/'.length);
    const res = await route.fetch();
    const original = await res.body();
    await route.fulfill({
      status: res.status(),
      contentType: res.headers()['content-type'],
      body: tamper[name] ? Buffer.concat([original, Buffer.from(tamper[name])]) : original,
      headers: { 'access-control-allow-origin': '*' },
    });
  });
  p.loaded = [];
  p.on('request', (r) => r.url().startsWith(`${cdnOrigin}/cdn/`) && p.loaded.push(r.url().slice(`${cdnOrigin}/cdn/`.length)));
  await p.goto(`${h.url}/other-site/sri.html`);
  p.csp = csp;
  return p;
}
const sriBody = `<portico-provider base-url="${'%PORTICO_URL%'}">
  <portico-ticket-list page-size="5" hide-filters></portico-ticket-list>
  <portico-kb-search popular></portico-kb-search>
  <portico-kb-article hidden></portico-kb-article>
  <portico-deliverable-list hide-filters project-id="${(await api('/projects?limit=1')).data[0].id}"></portico-deliverable-list>
  <portico-deliverable-viewer hide-comments hidden></portico-deliverable-viewer>
</portico-provider>`;

await h.check(
  'README CDN snippet: portico.js with integrity + crossorigin from another origin under a strict CSP (no unsafe-inline/eval); the lazy files (sanitizer, de texts, pdf.js) load through the import map’s integrity; no violation, no error',
  async () => {
    const p = await openSri('portico.js', sriBody);
    await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
    // An article: dompurify.js + marked.js, imported by portico.js.
    await p.locator('portico-kb-search [part~="input"]').click();
    await p.locator('portico-kb-search [part~="option"]').first().click();
    await p.locator('portico-kb-article [part~="body"]').waitFor({ timeout: TIMEOUT });
    // German: messages.de.js + per-component catalogues.
    await p.evaluate(() => document.querySelector('portico-provider').setAttribute('lang', 'de'));
    await p.locator('portico-ticket-list [part~="next"]', { hasText: 'Weiter' }).waitFor({ timeout: TIMEOUT });
    // A PDF: pdfjs.js, and pdf-worker.js imported as a module (no cross-origin worker).
    await p.locator('portico-deliverable-list [part~="row"]', { hasText: 'Creative brief' }).click();
    await p.locator('portico-deliverable-viewer canvas[part~="page"]').waitFor({ timeout: TIMEOUT });
    for (const f of [
      'portico.js',
      'dompurify.js',
      'marked.js',
      'messages.de.js',
      'ticket-list.messages.de.js',
      'pdfjs.js',
      'pdf-worker.js',
    ])
      assert(p.loaded.includes(f), `${f} not loaded: ${p.loaded.join(', ')}`);
    // Every file fetched is one the import map (or the script tag) pins.
    for (const f of p.loaded) assert(integrity[f], `${f} has no hash in integrity.json`);
    const violations = await p.evaluate(() => window.violations);
    assert(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    assert(p.errors.length === 0, p.errors.join('\n'));
    await p.close();
  },
);

await h.check(
  'README CDN snippet with the autoloader: autoload.js, the component modules and their shared chunks all pass their hashes',
  async () => {
    const p = await openSri(
      'autoload.js',
      `<portico-provider base-url="%PORTICO_URL%"><portico-ticket-list page-size="5"></portico-ticket-list></portico-provider>`,
    );
    await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
    assert(p.loaded.some((f) => /^chunk-/.test(f)) && p.loaded.includes('ticket-list.js'), `loaded: ${p.loaded.join(', ')}`);
    const violations = await p.evaluate(() => window.violations);
    assert(violations.length === 0 && p.errors.length === 0, [...violations, ...p.errors].join('\n'));
    await p.close();
  },
);

await h.check('SRI is enforced: a portico.js that differs from its hash is not run (no element defined)', async () => {
  const p = await openSri('portico.js', sriBody, { tamper: { 'portico.js': '\nwindow.tampered = true;' } });
  await p.waitForTimeout(500);
  const r = await p.evaluate(() => ({ defined: !!customElements.get('portico-provider'), tampered: !!window.tampered }));
  assert(!r.defined && !r.tampered, JSON.stringify(r));
  assert(
    p.errors.some((e) => /integrity/i.test(e)),
    `no integrity error reported: ${p.errors.join('\n')}`,
  );
  await p.close();
});

await h.check(
  'SRI is enforced for import(): a dompurify.js that differs from its hash is not run; the article shows its error state',
  async () => {
    const p = await openSri('portico.js', sriBody, { tamper: { 'dompurify.js': '\nwindow.tampered = true;' } });
    await p.locator('portico-ticket-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
    await p.locator('portico-kb-search [part~="input"]').click();
    await p.locator('portico-kb-search [part~="option"]').first().click();
    await p.locator('portico-kb-article [part~="error"], portico-kb-article [role="alert"]').first().waitFor({ timeout: TIMEOUT });
    const r = await p.evaluate(() => ({
      tampered: !!window.tampered,
      body: !!document.querySelector('portico-kb-article').shadowRoot.querySelector('[part~="body"]'),
    }));
    assert(!r.tampered && !r.body, JSON.stringify(r));
    assert(p.loaded.includes('dompurify.js'), `dompurify.js not requested: ${p.loaded.join(', ')}`);
    assert(
      p.errors.some((e) => /integrity/i.test(e)),
      `no integrity error reported: ${p.errors.join('\n')}`,
    );
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
