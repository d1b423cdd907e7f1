// End-to-end test of the private-client-link page in Chromium, against the real reference server
// (in-memory PGlite, seeded) through the shared example harness: staff make a link with the staff
// API, the static page opens with the token in its fragment and shows that project; another
// project's data is refused; a revoked link shows its message. client.html is served as it is,
// with @portico/elements' dist/cdn mounted at /cdn/ (run `pnpm build` first).
// Prints `client-link e2e: N passed, N failed`.   `node test/e2e.mjs --serve` keeps the page up.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, startExampleHost } from '@portico/tooling/example-harness';

const here = dirname(fileURLToPath(import.meta.url));
const example = join(here, '..');
const elements = dirname(createRequire(import.meta.url).resolve('@portico/elements/package.json'));
const cdn = join(elements, 'dist/cdn');
const TIMEOUT = 15_000;

if (!existsSync(join(cdn, 'portico.js'))) {
  console.error(`${cdn}/portico.js is missing: run \`pnpm build\` at the repository root first.`);
  console.log('client-link e2e: 0 passed, 1 failed');
  process.exit(1);
}

const h = await startExampleHost({ staticDir: { '/': example, '/cdn/': cdn }, label: 'client-link e2e' });

async function staff(path, body) {
  const res = await fetch(`${h.porticoUrl}/staff/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${h.staffKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert(res.ok, `staff ${path}: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}
async function asAlice(path) {
  const { token } = await (await fetch(`${h.url}/api/portal-token?user=alice`, { method: 'POST' })).json();
  const res = await fetch(`${h.porticoUrl}/portal/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert(res.ok, `GET ${path}: HTTP ${res.status}`);
  return res.json();
}

// Acme's seeded project, and a second one of the same organization with its own deliverable.
const [project] = (await asAlice('/projects?limit=100')).data.filter((p) => (p.deliverable_count ?? 1) > 0);
const deliverables = (await asAlice(`/projects/${project.id}/deliverables?limit=100`)).data.map((d) => d.title);
const other = await staff('/projects', { org: 'acme', name: 'Acme internal rebrand (not for this client)' });
assert(deliverables.length > 0, 'the seeded project has no deliverables');

if (process.argv.includes('--serve')) {
  const link = await staff('/access-links', {
    org: 'acme',
    project_id: project.id,
    kind: 'permanent',
    label: 'Dana',
    page_url: `${h.url}/client.html?project=${project.id}`,
  });
  console.log(`${link.url}\n(Ctrl+C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => h.browser.close().finally(() => process.exit(0)));
  await new Promise(() => {});
}

/** A page that records the requests made to the redemption endpoint and every URL requested. */
async function open(url) {
  const page = await h.newPage();
  page.redemptions = [];
  page.urls = [];
  page.on('request', (req) => {
    page.urls.push(req.url());
    if (req.url().includes('/access-links/redeem')) page.redemptions.push({ method: req.method(), referer: req.headers().referer });
  });
  await page.goto(url);
  return page;
}
const texts = async (locator) => (await locator.allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
const pageUrl = (projectId) => `${h.url}/client.html?project=${projectId}`;

await h.check(
  'staff make a link; the page opens with the fragment, drops it from the address bar and shows the project (timeline, deliverables)',
  async () => {
    const link = await staff('/access-links', {
      org: 'acme',
      project_id: project.id,
      kind: 'permanent',
      label: 'Dana at Acme',
      page_url: pageUrl(project.id),
    });
    assert(link.url === `${pageUrl(project.id)}#link=${link.token}`, `url: ${link.url}`);
    const page = await open(link.url);
    const rows = page.locator('portico-deliverable-list [part~="row"]');
    await rows.first().waitFor({ timeout: TIMEOUT });
    const shown = await texts(rows);
    for (const title of deliverables)
      assert(
        shown.some((s) => s.includes(title)),
        `deliverable "${title}" not shown (rows: ${shown.join(' | ')})`,
      );
    await page.locator('portico-project-timeline [part~="title"]').first().waitFor({ timeout: TIMEOUT });
    assert(!page.url().includes(link.token), `the token is still in the address bar: ${page.url()}`);
    assert(!page.urls.some((u) => u.includes(link.token)), 'a request carried the token in its URL');
    assert(
      page.redemptions.length >= 1 && page.redemptions.every((r) => r.method === 'POST' && !r.referer),
      JSON.stringify(page.redemptions),
    );
    // Choosing a deliverable shows it, with its decisions (the existing components, on the guest token).
    await rows.first().click();
    await page.locator('portico-deliverable-viewer [part~="base"]').first().waitFor({ timeout: TIMEOUT });
    await page.locator('portico-approval-history [part~="base"]').first().waitFor({ timeout: TIMEOUT });
    // document requests and messages are not in this build: their sections are removed, not empty.
    for (const tag of ['portico-document-requests', 'portico-message-thread']) {
      const defined = await page.evaluate((t) => !!customElements.get(t), tag);
      const present = await page.locator(tag).count();
      assert(defined ? present === 1 : present === 0, `<${tag}>: defined ${defined}, on the page ${present}`);
    }
    assert(page.errors.length === 0, page.errors.join('\n'));
    await page.close();
  },
);

await h.check('a GET of the link (a mail scanner) redeems nothing: a single-use link still opens in the browser afterwards', async () => {
  const link = await staff('/access-links', {
    org: 'acme',
    project_id: project.id,
    kind: 'single_use',
    label: 'Once',
    page_url: pageUrl(project.id),
  });
  const scanned = await fetch(link.url);
  assert(scanned.ok, `GET ${link.url}: ${scanned.status}`);
  const page = await open(link.url);
  await page.locator('portico-deliverable-list [part~="row"]').first().waitFor({ timeout: TIMEOUT });
  await page.close();
  const used = await open(link.url);
  const error = used.locator('portico-provider [part~="link-error"]');
  await error.waitFor({ timeout: TIMEOUT });
  assert((await error.textContent()).includes('already been used'), await error.textContent());
  await used.close();
});

await h.check("another project's data is refused: the same link on another project's page shows errors, none of its data", async () => {
  const link = await staff('/access-links', {
    org: 'acme',
    project_id: project.id,
    kind: 'permanent',
    label: 'Dana',
    page_url: pageUrl(other.id),
  });
  const page = await open(link.url);
  const refused = [];
  page.on('response', (r) => r.status() === 403 && refused.push(new URL(r.url()).pathname));
  await page.locator('portico-deliverable-list [role="alert"]').first().waitFor({ timeout: TIMEOUT });
  await page.locator('portico-project-timeline [role="alert"]').first().waitFor({ timeout: TIMEOUT });
  const html = await page.evaluate(() => document.body.innerHTML);
  assert(!html.includes('internal rebrand'), 'the other project is shown');
  assert((await page.locator('portico-deliverable-list [part~="row"]').count()) === 0, 'rows of the other project are shown');
  // The responses the page got were 403 (not merely empty), and only for the other project.
  const direct = await fetch(`${h.porticoUrl}/portal/v1/access-links/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.token }),
  });
  const { token } = await direct.json();
  for (const path of [`/projects/${other.id}`, `/projects/${other.id}/deliverables`, '/tickets', '/invoices']) {
    const r = await fetch(`${h.porticoUrl}/portal/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert(r.status === 403, `${path}: ${r.status}`);
  }
  await page.close();
});

await h.check('a revoked link shows that it was turned off, and nothing of the project', async () => {
  const link = await staff('/access-links', {
    org: 'acme',
    project_id: project.id,
    kind: 'permanent',
    label: 'Gone',
    page_url: pageUrl(project.id),
  });
  const revoked = await staff(`/access-links/${link.id}/revoke`, {});
  assert(revoked.revoked_at, 'not revoked');
  const page = await open(link.url);
  const error = page.locator('portico-provider [part~="link-error"]');
  await error.waitFor({ timeout: TIMEOUT });
  const text = (await error.textContent()).trim();
  assert(text.includes('turned off by the sender'), text);
  assert((await error.getAttribute('role')) === 'alert', 'not an alert');
  assert((await page.locator('portico-deliverable-list [part~="row"]').count()) === 0, 'deliverables shown');
  assert(!page.url().includes(link.token), 'token left in the address bar');
  await page.close();
});

await h.finish();
