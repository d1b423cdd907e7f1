import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { InvoiceSummary } from '@portico/contract';
import { invoiceSummary } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockRequest, malformedJson, malformedList, paginate, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import { invoiceComparator, isSafeLink, PLAIN_ROWS, sortInvoices, totalsByCurrency } from './invoice-table.component.js';
import './invoice-table.js';
import type { PorticoInvoiceTable } from './invoice-table.component.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoInvoiceTable, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoInvoiceTable, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rows = (el: PorticoInvoiceTable) => $$(el, '.body > [part~="row"]').sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const row = (el: PorticoInvoiceTable, id: string) => rows(el).find((r) => r.dataset.id === id);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settled = async (el: PorticoInvoiceTable, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
  if (part === 'content') await waitUntil(() => rows(el).length > 0, 'no rows rendered', { timeout: 4000 });
};
const nodeCount = (root: Node) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
};

/** `n` invoices, newest first (as the API orders them by default). */
const makeInvoices = (n: number, o: (i: number) => Partial<InvoiceSummary> = () => ({})) =>
  Array.from({ length: n }, (_, i) => invoiceSummary(i + 1, o(i + 1)));

/** A mock API whose list honours filter, sort and cursor, and whose totals follow the filter. */
function invoiceApi(all: InvoiceSummary[]) {
  const select = (q: Record<string, string>) =>
    all.filter((r) => (!q.status || r.status === q.status) && (q.overdue !== 'true' || r.overdue));
  return {
    list: ({ query }: MockRequest) => paginate(sortInvoices(select(query), (query.sort ?? '-issued_at') as '-issued_at'), query),
    totals: ({ query }: MockRequest) => json({ data: totalsByCurrency(select(query)) }),
  };
}

async function mount(
  options: { invoices?: InvoiceSummary[]; delayMs?: number; attrs?: string } = {},
  template?: (client: unknown) => ReturnType<typeof html>,
) {
  const mock = createMockClient({ delayMs: options.delayMs });
  const handlers = invoiceApi(options.invoices ?? makeInvoices(30));
  mock.api.use('invoices.list', handlers.list);
  mock.api.use('invoices.totals', handlers.totals);
  const el = await fixture<PorticoInvoiceTable>(
    template ? template(mock.client) : html`<portico-invoice-table .client=${mock.client}></portico-invoice-table>`,
  );
  return { ...mock, el, handlers };
}

const lastCall = (api: { calls: Array<{ key: string; query: Record<string, string> }> }, key = 'invoices.list') =>
  api.calls.filter((c) => c.key === key).at(-1)!;

// The benign "ResizeObserver loop completed" notice the virtualizer causes is filtered for every
// test page by the shared wtr config (packages/tooling/src/wtr-config.mjs).

describe('<portico-invoice-table>', () => {
  // Rows render only near the viewport: every test starts at the top of the page.
  afterEach(() => window.scrollTo(0, 0));

  describe('defaults', () => {
    it('loads the first page, newest first, as an ARIA table', async () => {
      const { el, api } = await mount();
      expect(el.filter).to.equal('');
      expect(el.sort).to.equal('-issued_at');
      expect(el.pageSize).to.equal(50);
      await settled(el);
      expect(lastCall(api).query).to.include({ sort: '-issued_at', limit: '50' });
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      const table = $(el, '[role="table"]')!;
      expect(table.getAttribute('aria-label')).to.equal('Invoices');
      expect(table.getAttribute('aria-rowcount')).to.equal('31');
      expect($$(el, '[role="rowgroup"]').length).to.equal(2);
      expect($$(el, '[role="columnheader"]').length).to.equal(6);
      expect(el.rows.length).to.equal(30);
      expect(rows(el).length).to.be.greaterThan(5);
      expect(rows(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');
      expect(rows(el)[0]!.querySelectorAll('[role="cell"]').length).to.equal(6);
      expect(el.rows.length).to.equal(30);
    });

    it('shows number, dates, status, amount, overdue badge and links', async () => {
      const { el } = await mount();
      await settled(el);
      const r1 = row(el, 'inv_1')!; // USD? n=1 → EUR, open, overdue
      expect(text(r1.querySelector('[part~="number"]'))).to.equal('INV-00001');
      expect(text(r1.querySelector('[part~="status-badge"]'))).to.equal('Open');
      expect(!!r1.querySelector('[part~="overdue"]')).to.equal(true);
      expect(text(r1.querySelector('[part~="amount"]'))).to.equal('€101.37');
      expect(r1.querySelector('[part~="download"]')!.getAttribute('href')).to.equal('/portal/v1/files/inv_1_pdf?exp=4102444800&sig=x');
      expect(r1.querySelector('[part~="pay"]')!.getAttribute('href')).to.equal('https://pay.example.test/inv_1');
      const r3 = row(el, 'inv_3')!; // paid: no pay link, no overdue
      expect(text(r3.querySelector('[part~="status-badge"]'))).to.equal('Paid');
      expect(!!r3.querySelector('[part~="pay"]')).to.equal(false);
      expect(!!r3.querySelector('[part~="overdue"]')).to.equal(false);
      expect(text(r3.querySelector('[part~="issued"]'))).to.match(/2026/);
    });
  });

  describe('attributes and properties', () => {
    it('filter="paid" and filter="overdue" query list and totals alike', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.filter = 'paid';
      await settled(el);
      expect(lastCall(api).query.status).to.equal('paid');
      expect(lastCall(api, 'invoices.totals').query.status).to.equal('paid');
      expect(rows(el).every((r) => text(r.querySelector('[part~="status-badge"]')) === 'Paid')).to.equal(true);
      el.setAttribute('filter', 'overdue');
      await settled(el);
      expect(lastCall(api).query.overdue).to.equal('true');
      expect(lastCall(api).query.status).to.equal(undefined);
      expect(lastCall(api, 'invoices.totals').query.overdue).to.equal('true');
      expect(rows(el).every((r) => !!r.querySelector('[part~="overdue"]'))).to.equal(true);
      const select = $(el, '[part~="filter"]') as HTMLSelectElement;
      expect(select.value).to.equal('overdue');
      select.value = 'open';
      select.dispatchEvent(new Event('change'));
      expect(el.filter).to.equal('open');
      await el.updateComplete;
      expect(el.getAttribute('filter')).to.equal('open');
    });

    it('sortable headers: aria-sort, buttons, new column descending, same column flips', async () => {
      const { el, api } = await mount();
      await settled(el);
      const header = (field: string) => $(el, `[role="columnheader"][data-field="${field}"]`)!;
      expect(header('issued_at').getAttribute('aria-sort')).to.equal('descending');
      expect(header('total').getAttribute('aria-sort')).to.equal('none');
      (header('total').querySelector('button') as HTMLButtonElement).click();
      await settled(el);
      expect(el.sort).to.equal('-total');
      expect(lastCall(api).query.sort).to.equal('-total');
      expect(header('total').getAttribute('aria-sort')).to.equal('descending');
      expect(header('issued_at').getAttribute('aria-sort')).to.equal('none');
      const amounts = () => el.rows.map((r) => r.total);
      expect(amounts()[0]).to.be.greaterThan(amounts()[1]!);
      (header('total').querySelector('button') as HTMLButtonElement).click();
      await settled(el);
      expect(el.sort).to.equal('total');
      expect(header('total').getAttribute('aria-sort')).to.equal('ascending');
      expect(amounts()[0]).to.be.lessThan(amounts()[1]!);
      (header('due_at').querySelector('button') as HTMLButtonElement).click();
      await settled(el);
      expect(el.getAttribute('sort')).to.equal('-due_at');
    });

    it('.invoices: filters, sorts and totals locally without requests', async () => {
      const mock = createMockClient();
      const data = makeInvoices(12);
      const el = await fixture<PorticoInvoiceTable>(
        html`<portico-invoice-table .client=${mock.client} .invoices=${data} sort="total"></portico-invoice-table>`,
      );
      await settled(el);
      await aTimeout(50);
      expect(mock.api.calls.filter((c) => c.key.startsWith('invoices.')).length).to.equal(0);
      // By currency, then amount (the fixtures cycle through four currencies).
      const byTotal = (rows: readonly InvoiceSummary[]) => [...rows].sort(invoiceComparator('total')).map((r) => r.id);
      expect(el.rows.map((r) => r.id)).to.deep.equal(byTotal(data));
      expect(el.rows.map((r) => r.currency).join()).to.match(/^(EUR,)+(GBP,)+(JPY,)+(USD,?)+$/);
      el.sort = '-total';
      await el.updateComplete;
      expect(el.rows.map((r) => r.id)).to.deep.equal(byTotal(data).reverse());
      el.filter = 'paid';
      await settled(el);
      expect(el.rows.map((r) => r.id)).to.deep.equal(byTotal(data.filter((r) => r.status === 'paid')).reverse());
      expect($$(el, '[part~="total"]').map((t) => t.dataset.currency)).to.deep.equal(['EUR', 'GBP', 'JPY', 'USD']);
      expect($(el, '[role="table"]')!.getAttribute('aria-rowcount')).to.equal('5');
      // Without a client, a preloaded table works and never says "not connected".
      const alone = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table .invoices=${data}></portico-invoice-table>`);
      await settled(alone);
      await aTimeout(1100);
      expect(!!$(alone, '[role="alert"]')).to.equal(false);
      expect(alone.rows.length).to.equal(12);
      expect(rows(alone).length).to.be.greaterThan(0);
    });

    it('hide-filter and hide-totals; page-size', async () => {
      const { el, api } = await mount(
        {},
        (c) => html`<portico-invoice-table .client=${c} hide-filter hide-totals page-size="10"></portico-invoice-table>`,
      );
      await settled(el);
      expect(!!$(el, '[part~="filter"]')).to.equal(false);
      expect(!!$(el, '[part~="totals"]')).to.equal(false);
      expect(api.calls.some((c) => c.key === 'invoices.totals')).to.equal(false);
      expect(lastCall(api).query.limit).to.equal('10');
    });
  });

  describe('slots', () => {
    it('header and actions show only when given', async () => {
      const { el } = await mount();
      expect($(el, '[part~="header"]')!.hidden).to.equal(true);
      const { el: withHeader } = await mount(
        {},
        (c) =>
          html`<portico-invoice-table .client=${c}><h2 slot="header">Billing</h2><button slot="actions">Export</button></portico-invoice-table>`,
      );
      await waitUntil(() => !$(withHeader, '[part~="header"]')!.hidden, 'header hidden');
    });

    it('empty and error slots', async () => {
      const { el, api } = await mount(
        { invoices: [] },
        (c) =>
          html`<portico-invoice-table .client=${c}><p slot="empty">Nothing billed</p><p slot="error">Billing is down</p></portico-invoice-table>`,
      );
      await settled(el, 'empty');
      expect(text(($(el, 'slot[name="empty"]') as HTMLSlotElement).assignedElements()[0])).to.equal('Nothing billed');
      api.use('invoices.list', problem(500, 'internal'));
      await el.refresh().catch(() => undefined);
      await settled(el, 'error');
      expect(text(($(el, 'slot[name="error"]') as HTMLSlotElement).assignedElements()[0])).to.equal('Billing is down');
      expect(!!$(el, '[part~="retry"]')).to.equal(true);
    });
  });

  describe('events', () => {
    it('portico-invoice-select on click and Enter (bubbling, composed, cancelable)', async () => {
      const { el } = await mount();
      await settled(el);
      setTimeout(() => (rows(el)[2]!.querySelector('[part~="number"]') as HTMLElement).click());
      const event = await oneEvent(document, 'portico-invoice-select');
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail.invoice.id).to.equal('inv_3');
      await el.updateComplete;
      expect(el.selected).to.equal('inv_3');
      expect(rows(el)[2]!.getAttribute('aria-current')).to.equal('true');
      el.addEventListener('portico-invoice-select', (e) => e.preventDefault(), { once: true });
      (rows(el)[4]!.querySelector('[part~="number"]') as HTMLElement).click();
      await el.updateComplete;
      expect(el.selected).to.equal('inv_3');
    });

    for (const [part, name] of [
      ['download', 'portico-invoice-download'],
      ['pay', 'portico-invoice-pay'],
    ] as const) {
      it(`${name}: the host may veto (link not followed), else the link proceeds`, async () => {
        const { el } = await mount();
        await settled(el);
        const link = row(el, 'inv_1')!.querySelector<HTMLAnchorElement>(`[part~="${part}"]`)!;
        const followed: boolean[] = [];
        // Runs after the component's handler: records whether the browser would follow, then stops the navigation.
        const guard = (e: Event) => {
          followed.push(!e.defaultPrevented);
          e.preventDefault();
        };
        window.addEventListener('click', guard);
        try {
          const veto = (e: Event) => e.preventDefault();
          el.addEventListener(name, veto, { once: true });
          setTimeout(() => link.click());
          const event = await oneEvent(el, name);
          expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
          expect(event.detail.invoice.id).to.equal('inv_1');
          expect(event.detail.url).to.equal(link.getAttribute('href'));
          link.click();
          expect(followed).to.deep.equal([false, true]);
          expect(el.selected).to.equal('');
        } finally {
          window.removeEventListener('click', guard);
        }
      });
    }

    it('fires portico-error with the code', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('invoices.list', problem(403, 'forbidden'));
      setTimeout(() => el.refresh().catch(() => undefined));
      expect((await oneEvent(el, 'portico-error')).detail.code).to.equal('forbidden');
    });
  });

  describe('states', () => {
    it('loading: skeleton + status, accessible', async () => {
      const { el } = await mount({ delayMs: 400 });
      const status = $(el, '[part~="loading"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(text(status)).to.contain('Loading…');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty: default text, filter-aware, accessible', async () => {
      const { el } = await mount({ invoices: [] });
      await settled(el, 'empty');
      expect(text($(el, '[part~="empty"]'))).to.contain('No invoices yet.');
      await expect(el).to.be.accessible(AXE);
      el.filter = 'void';
      await settled(el, 'empty');
      expect(text($(el, '[part~="empty"]'))).to.contain('No invoices match this filter.');
    });

    it('error: an alert by code, Retry works, accessible', async () => {
      const { el, api, handlers } = await mount();
      api.use('invoices.list', problem(503, 'unavailable'));
      await el.refresh().catch(() => undefined);
      await settled(el, 'error');
      expect(text($(el, '[role="alert"]'))).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      api.use('invoices.list', handlers.list);
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(el.rows.length).to.equal(30);
      expect(rows(el).length).to.be.greaterThan(5);
    });

    for (const [name, response] of [
      ['a body that is not JSON', malformedJson()],
      ['JSON that breaks the contract', malformedList()],
    ] as const) {
      it(`malformed data (${name}): an error state, accessible`, async () => {
        const { el, api } = await mount();
        api.use('invoices.list', response);
        await el.refresh().catch(() => undefined);
        await settled(el, 'error');
        expect(text($(el, '[role="alert"]'))).to.contain('The server sent data that couldn’t be read.');
        expect(rows(el).length).to.equal(0);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('one bad link among 50 invoices: that link is left out, invalid_link names the invoice, every row renders', async () => {
      const invoices = makeInvoices(50, (i) => (i === 7 ? { pdfUrl: 'javascript:alert(1)' } : {}));
      const errors: Array<{ code: string; error: unknown }> = [];
      const { el, api } = await mount(
        { invoices },
        (client) =>
          html`<portico-invoice-table .client=${client} @portico-error=${(e: CustomEvent) => errors.push(e.detail)}></portico-invoice-table>`,
      );
      await settled(el);
      expect($(el, '[role="alert"]')).to.equal(null);
      expect(el.rows.length).to.equal(50);
      expect(errors.map((e) => [e.code, (e.error as { record?: string }).record])).to.deep.equal([['invalid_link', 'inv_7']]);
      const bad = row(el, 'inv_7')!;
      expect(text(bad)).to.contain(invoiceSummary(7).number);
      expect(bad.querySelector('a[download], a[href*="pdf"]')).to.equal(null);
      expect(row(el, 'inv_8')!.querySelector('a[href*="pdf"]')).to.not.equal(null);
      expect($$(el, 'a').some((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
      await expect(el).to.be.accessible(AXE);
      // Structurally wrong data still fails as a whole.
      api.use('invoices.list', json({ data: [{ ...invoiceSummary(1), total: 'x' }], nextCursor: null }));
      await el.refresh().catch(() => undefined);
      await settled(el, 'error');
      expect(text($(el, '[role="alert"]'))).to.contain('The server sent data that couldn’t be read.');
      // Preloaded data skips the client's validation: the table drops unsafe links itself.
      el.invoices = [
        invoiceSummary(1, { payUrl: 'javascript:alert(1)', pdfUrl: 'JaVaScRiPt:alert(2)' }),
        invoiceSummary(2, { pdfUrl: '//evil.test/x' }),
      ];
      await settled(el);
      expect($$(el, 'a[href]').length).to.equal(1); // only inv_2's pay link
      expect($$(el, 'a[href]')[0]!.getAttribute('href')).to.equal('https://pay.example.test/inv_2');
      expect([isSafeLink('javascript:x'), isSafeLink('data:text/html,x'), isSafeLink('/ok'), isSafeLink('https://x.test/a')]).to.deep.equal(
        [false, false, true, true],
      );
      // Tabs and line breaks vanish from URLs in browsers: "/\t/evil.test" would be protocol-relative.
      expect([isSafeLink('/\t/evil.test'), isSafeLink('/\n/evil.test'), isSafeLink('//evil.test')]).to.deep.equal([false, false, false]);
    });

    it('refreshing: keeps the rows, marked busy, accessible', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.delay(300);
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.rows.length).to.equal(30);
      expect(rows(el).length).to.be.greaterThan(5);
      await expect(el).to.be.accessible(AXE);
      await done;
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('slow network: a newer filter aborts the older request, whose late answer is dropped', async () => {
      const { el, api, handlers } = await mount();
      await settled(el);
      const aborted: string[] = [];
      api.use('invoices.list', async (req) => {
        req.signal?.addEventListener('abort', () => aborted.push(req.query.status!));
        return { ...(await handlers.list(req)), delayMs: req.query.status === 'open' ? 400 : 50 };
      });
      el.filter = 'open';
      await aTimeout(20);
      el.filter = 'paid';
      await settled(el);
      await aTimeout(450);
      expect(el.rows.every((r) => r.status === 'paid')).to.equal(true);
      expect(aborted).to.deep.equal(['open']);
    });

    it('pages: loads the next page as the user scrolls near the end; a failed page offers Retry', async () => {
      const { el, api, handlers } = await mount(
        { invoices: makeInvoices(230) },
        (c) => html`<portico-invoice-table .client=${c} page-size="100"></portico-invoice-table>`,
      );
      await settled(el);
      await waitUntil(() => el.rows.length >= 100, 'first page');
      expect($(el, '[role="table"]')!.getAttribute('aria-rowcount')).to.equal('231'); // from totals
      const lists = () => api.calls.filter((c) => c.key === 'invoices.list');
      const before = lists().length;
      api.use('invoices.list', problem(503, 'unavailable'));
      $(el, '.body')!.scrollIntoView({ block: 'end' });
      window.scrollBy(0, 100_000);
      await waitUntil(() => $(el, '[part~="more"] [part~="retry"]'), 'no retry for the failed page', { timeout: 4000 });
      expect(el.rows.length).to.equal(100);
      expect(text($(el, '[part~="more"]'))).to.contain('Couldn’t load more invoices.');
      api.use('invoices.list', handlers.list);
      ($(el, '[part~="more"] [part~="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => el.rows.length === 200, 'second page not appended', { timeout: 4000 });
      expect(lists().at(-1)!.query.cursor).to.be.a('string');
      window.scrollBy(0, 100_000);
      await waitUntil(() => el.rows.length === 230, 'third page not appended', { timeout: 4000 });
      expect(lists().length).to.be.at.least(before + 3);
      expect($(el, '[role="table"]')!.getAttribute('aria-rowcount')).to.equal('231');
      expect(new Set(el.rows.map((r) => r.id)).size).to.equal(230);
      window.scrollTo(0, 0);
    });

    it('without a client: says it is not connected', async () => {
      const el = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table></portico-invoice-table>`);
      await waitUntil(() => $(el, '[role="alert"]'), 'no error', { timeout: 3000 });
      expect(text($(el, '[role="alert"]'))).to.contain('Not connected to the portal.');
    });
  });

  describe('money and totals', () => {
    const three = [
      invoiceSummary(1, { currency: 'USD', total: 123_456, amountDue: 123_456 }),
      invoiceSummary(2, { currency: 'EUR', total: 123_456, amountDue: 0, status: 'paid' }),
      invoiceSummary(3, { currency: 'JPY', total: 123_456, amountDue: 0, status: 'paid' }),
    ];
    const amounts = (el: PorticoInvoiceTable) => rows(el).map((r) => text(r.querySelector('.amount')).replace(/\u00a0|\u202f/g, ' '));

    it('formats minor units per currency (JPY has no decimals) in en and de', async () => {
      const el = await fixture<PorticoInvoiceTable>(
        html`<portico-invoice-table .invoices=${three} sort="issued_at"></portico-invoice-table>`,
      );
      await settled(el);
      // sort=issued_at: oldest first → inv_3, inv_2, inv_1
      expect(amounts(el)).to.deep.equal(['¥123,456', '€1,234.56', '$1,234.56']);
      await loadLocale('de');
      el.setAttribute('lang', 'de');
      await el.updateComplete;
      expect(amounts(el)).to.deep.equal(['123.456 ¥', '1.234,56 €', '1.234,56 $']);
      expect(text($(el, '[data-field="total"]'))).to.contain('Betrag');
    });

    it('a PDF link clicked near its expiry is followed fresh (the invoice is read again), with one portico-invoice-download', async () => {
      const now = Math.floor(Date.now() / 1000);
      const link = (exp: number) => `/portal/v1/files/inv_3_pdf?exp=${exp}&sig=s${exp}`;
      const { el, api } = await mount({ invoices: makeInvoices(5, (i) => (i === 3 ? { pdfUrl: link(now + 20) } : {})) });
      api.use('invoices.get', () => json({ ...invoiceSummary(3), pdfUrl: link(now + 900), lines: [] }));
      await settled(el);
      const downloads: string[] = [];
      el.addEventListener('portico-invoice-download', (e) => {
        downloads.push(e.detail.url);
        e.preventDefault(); // the table doesn't follow it: no navigation in the test page
      });
      (row(el, 'inv_3')!.querySelector('[part~="download"]') as HTMLAnchorElement).click();
      await waitUntil(() => downloads.length, 'no download', { timeout: 4000 });
      expect(downloads).to.deep.equal([link(now + 900)]);
      expect(api.calls.filter((c) => c.key === 'invoices.get').map((c) => c.url.pathname.split('/').pop())).to.deep.equal(['inv_3']);
    });

    it('credits and refunds: negative totals and amounts due keep their sign and say "credit", per currency (USD, JPY, KWD), in rows and totals', async () => {
      const data = [
        invoiceSummary(1, { currency: 'USD', total: -1_500, amountDue: -1_500, amountPaid: 0 }),
        invoiceSummary(2, { currency: 'JPY', total: 5_000, amountPaid: 6_200, amountDue: -1_200, status: 'paid' }),
        invoiceSummary(3, { currency: 'KWD', total: -12_345, amountDue: 0, status: 'paid' }),
      ];
      const el = await fixture<PorticoInvoiceTable>(
        html`<portico-invoice-table .invoices=${data} sort="issued_at"></portico-invoice-table>`,
      );
      await settled(el);
      const cells = rows(el).map((r) => text(r.querySelector('[part~="amount"]')).replace(/\u00a0|\u202f/g, ' '));
      // oldest first: inv_3 (KWD), inv_2 (JPY), inv_1 (USD)
      expect(cells[0]).to.match(/^-KWD 12\.345 credit$/);
      expect(cells[1]).to.equal('¥5,000-¥1,200 credit');
      expect(cells[2]).to.equal('-$15.00 credit');
      expect($$(el, '[part~="pay"]').length).to.equal(0);
      const totals = $$(el, '[part~="total"]').map((t) => text(t).replace(/\u00a0|\u202f/g, ' '));
      expect(totals[0]).to.contain('¥5,000').and.contain('-¥1,200 credit');
      expect(totals[1]).to.match(/-KWD 12\.345 credit/);
      expect(totals[2]).to.contain('-$15.00 credit').and.not.contain('due');
      await loadLocale('de');
      el.setAttribute('lang', 'de');
      await el.updateComplete;
      expect(text(rows(el)[2]!.querySelector('[part~="amount"]')).replace(/\u00a0|\u202f/g, ' ')).to.equal('-15,00 $ Gutschrift');
      el.removeAttribute('lang');
      await expect(el).to.be.accessible(AXE);
    });

    it('totals: one entry per currency, never added across currencies', async () => {
      const data = [...three, invoiceSummary(4, { currency: 'USD', total: 544, amountDue: 544 })];
      const el = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table .invoices=${data}></portico-invoice-table>`);
      await settled(el);
      const totals = $$(el, '[part~="total"]');
      expect(totals.map((t) => t.dataset.currency)).to.deep.equal(['EUR', 'JPY', 'USD']);
      const usd = text(totals[2]);
      expect(usd).to.contain('$1,240.00');
      expect(usd).to.contain('2 invoices');
      expect(text(totals[1])).to.contain('¥123,456');
      expect(text(totals[1])).to.contain('1 invoice');
      expect(text($(el, '[part~="totals"]'))).to.not.contain('248'); // no cross-currency sum
      expect(totalsByCurrency(data).map((t) => [t.currency, t.total, t.amountDue])).to.deep.equal([
        ['EUR', 123_456, 0],
        ['JPY', 123_456, 0],
        ['USD', 124_000, 124_000],
      ]);
    });

    it('remote totals come from invoices.totals per currency; a failure says so without hiding the rows', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => $$(el, '[part~="total"]').length === 4, 'no totals');
      expect($$(el, '[part~="total"]').map((t) => t.dataset.currency)).to.deep.equal(['EUR', 'GBP', 'JPY', 'USD']);
      api.use('invoices.totals', problem(500, 'internal'));
      await el.refresh().catch(() => undefined);
      await waitUntil(() => $(el, '.totals__error'), 'no totals error');
      expect(el.rows.length).to.equal(30);
      expect(rows(el).length).to.be.greaterThan(5);
    });

    it('sorting by amount groups by currency, then amount (¥292,800 never among $), and the header says so', async () => {
      const data = [
        invoiceSummary(1, { currency: 'USD', total: 15_980 }),
        invoiceSummary(2, { currency: 'JPY', total: 292_800 }),
        invoiceSummary(3, { currency: 'USD', total: -500 }),
        invoiceSummary(4, { currency: 'EUR', total: 900 }),
        invoiceSummary(5, { currency: 'USD', total: 300_000 }),
      ];
      const el = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table .invoices=${data} sort="total"></portico-invoice-table>`);
      await settled(el);
      const order = () => rows(el).map((r) => r.dataset.id);
      expect(order()).to.deep.equal(['inv_4', 'inv_2', 'inv_3', 'inv_1', 'inv_5']);
      const button = $(el, '[data-field="total"] button')!;
      const note = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
      expect(text(note)).to.equal('by currency, then amount');
      button.click();
      await settled(el);
      expect(el.sort).to.equal('-total');
      expect(order()).to.deep.equal(['inv_5', 'inv_1', 'inv_3', 'inv_2', 'inv_4']);
      await expect(el).to.be.accessible(AXE);
    });

    it('sorting helpers: no due date last both ways; sorted input is kept as is', () => {
      const a = invoiceSummary(1, { dueAt: null });
      const b = invoiceSummary(2);
      const c = invoiceSummary(3);
      expect([c, a, b].sort(invoiceComparator('due_at')).map((r) => r.id)).to.deep.equal(['inv_3', 'inv_2', 'inv_1']);
      expect([a, c, b].sort(invoiceComparator('-due_at')).map((r) => r.id)).to.deep.equal(['inv_2', 'inv_3', 'inv_1']);
      const sorted = makeInvoices(5);
      expect(sortInvoices(sorted, '-issued_at') === sorted).to.equal(true);
    });
  });

  describe('virtualization', () => {
    it('a short table (50 invoices or fewer, no further page) renders every row and no virtualizer', async () => {
      const { el } = await mount({ invoices: makeInvoices(PLAIN_ROWS) });
      await settled(el);
      expect(rows(el).map((r) => r.dataset.index)).to.deep.equal(Array.from({ length: PLAIN_ROWS }, (_, i) => String(i)));
      expect(($(el, '.body') as unknown as Record<symbol, unknown>)[virtualizerRef]).to.equal(undefined);
      await expect(el).to.be.accessible(AXE);
    });

    it('a table that needed the virtualizer keeps it when filtered down to a few rows', async () => {
      const many = makeInvoices(200, (i) => ({ status: i % 40 === 0 ? 'void' : 'paid' }));
      const el = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table .invoices=${many}></portico-invoice-table>`);
      await el.updateComplete;
      await settled(el);
      const body = $(el, '.body')!;
      el.filter = 'void';
      await el.updateComplete;
      await settled(el);
      expect($(el, '.body')).to.equal(body); // the same container: no row rebuilt from scratch, no stale styles left behind
      expect((body as unknown as Record<symbol, unknown>)[virtualizerRef]).to.not.equal(undefined);
      await waitUntil(() => rows(el).length === 5, 'the 5 void invoices');
    });

    it('one invoice more (or a next page) switches to the virtualizer, loaded on demand', async () => {
      const el = await fixture<PorticoInvoiceTable>(
        html`<portico-invoice-table .invoices=${makeInvoices(PLAIN_ROWS + 1)}></portico-invoice-table>`,
      );
      await el.updateComplete;
      await settled(el);
      expect(($(el, '.body') as unknown as Record<symbol, unknown>)[virtualizerRef]).to.not.equal(undefined);
      expect(rows(el).length).to.be.greaterThan(0);
    });

    it('100,000 invoices via .invoices: fewer than 1,000 nodes in the shadow root, correct row indexes', async () => {
      const big = makeInvoices(100_000);
      const el = await fixture<PorticoInvoiceTable>(html`<portico-invoice-table .invoices=${big}></portico-invoice-table>`);
      await settled(el);
      const count = nodeCount(el.shadowRoot!);
      expect(count).to.be.lessThan(1000);
      expect(rows(el).length).to.be.lessThan(100);
      expect($(el, '[role="table"]')!.getAttribute('aria-rowcount')).to.equal('100001');
      await el.focusRow(50_000);
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(focused.dataset.id).to.equal('inv_50001');
      expect(focused.getAttribute('aria-rowindex')).to.equal('50002');
      expect(nodeCount(el.shadowRoot!)).to.be.lessThan(1000);
      window.scrollTo(0, 0);
    });
  });

  describe('keyboard', () => {
    it('one tab stop; arrows, Page, Home and End move (beyond the rendered rows); Enter selects; Tab reaches the links', async () => {
      const { el } = await mount(
        { invoices: makeInvoices(400) },
        (c) => html`<portico-invoice-table .client=${c} page-size="100"></portico-invoice-table>`,
      );
      await settled(el);
      expect(rows(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
      rows(el)[0]!.focus();
      const active = () => Number((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index ?? -1);
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => active() === 1, 'ArrowDown');
      await el.updateComplete;
      expect(
        rows(el)
          .filter((r) => r.tabIndex === 0)
          .map((r) => r.dataset.index),
      ).to.deep.equal(['1']);
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => active() === 0, 'ArrowUp');
      await sendKeys({ press: 'ArrowUp' });
      expect(active()).to.equal(0);
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => active() > 1, 'PageDown');
      await sendKeys({ press: 'End' });
      await waitUntil(() => active() >= 99, 'End', { timeout: 3000 });
      await sendKeys({ press: 'Home' });
      await waitUntil(() => active() === 0, 'Home', { timeout: 3000 });
      setTimeout(() => sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'portico-invoice-select')).detail.invoice.id).to.equal('inv_1');
      await sendKeys({ press: 'Tab' });
      expect((el.shadowRoot!.activeElement as HTMLElement).getAttribute('part')).to.equal('download');
      window.scrollTo(0, 0);
    });
  });

  describe('accessibility', () => {
    it('loaded table passes axe (WCAG 2.2 AA)', async () => {
      const { el } = await mount();
      await settled(el);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left from an ancestor', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      const handlers = invoiceApi(makeInvoices(20));
      mock.api.use('invoices.list', handlers.list);
      mock.api.use('invoices.totals', handlers.totals);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-invoice-table .client=${mock.client}></portico-invoice-table></div>`,
      );
      const el = wrapper.querySelector('portico-invoice-table')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      expect($(el, '[role="table"]')!.getAttribute('aria-label')).to.equal('الفواتير');
      const r = rows(el)[0]!;
      const num = r.querySelector('[part~="number"]')!.getBoundingClientRect();
      expect(num.right).to.be.closeTo(r.getBoundingClientRect().right, 2);
      r.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement)?.dataset.index === '1', 'ArrowDown in RTL');
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible', async () => {
      const data = makeInvoices(3);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-invoice-table theme="light" .invoices=${data}></portico-invoice-table>
        <portico-invoice-table theme="dark" style="background: #0d1117" .invoices=${data}></portico-invoice-table>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-invoice-table')];
      await settled(light!);
      await settled(dark!);
      const colors = (el: PorticoInvoiceTable) => {
        const s = getComputedStyle(rows(el)[0]!);
        return [s.color, s.backgroundColor];
      };
      expect(colors(dark!)[0]).to.not.equal(colors(light!)[0]);
      expect([colors(dark!)[1], colors(light!)[1]]).to.deep.equal(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']); // rows show the page
      await expect(dark).to.be.accessible(AXE);
    });
  });

  describe('narrow (320 px)', () => {
    it('shows cards without horizontal overflow', async () => {
      const data = makeInvoices(20);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-invoice-table .invoices=${data}></portico-invoice-table></div>`,
      );
      const el = wrapper.querySelector('portico-invoice-table')!;
      await settled(el);
      await aTimeout(50);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const r of rows(el)) expect(r.scrollWidth).to.be.at.most(r.clientWidth + 1);
      expect(getComputedStyle(rows(el)[0]!).gridTemplateColumns.split(' ')).to.have.length(2);
      // Cards do not overlap: the virtualizer measured their real height.
      const [a, b] = rows(el);
      expect(b!.getBoundingClientRect().top).to.be.at.least(a!.getBoundingClientRect().bottom - 1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
