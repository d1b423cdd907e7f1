import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { invoiceDetail } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoInvoiceDetail } from './invoice-detail.component.js';
import './invoice-detail.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoInvoiceDetail;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};
const summary = (el: El) =>
  Object.fromEntries(
    [...part(el, 'summary')!.querySelectorAll('div')].map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]),
  );

async function mount(setup: (api: MockApi) => void = () => undefined, wrap = (x: ReturnType<typeof html>) => x, id = 'inv_1') {
  const mock = createMockClient();
  setup(mock.api);
  const host = await fixture<HTMLElement>(
    wrap(html`<portico-invoice-detail .client=${mock.client} invoice-id=${id}></portico-invoice-detail>`),
  );
  const el = (host.matches('portico-invoice-detail') ? host : host.querySelector('portico-invoice-detail')!) as El;
  return { el, api: mock.api };
}

describe('<portico-invoice-detail>', () => {
  it('defaults: no id → nothing loaded, nothing shown', async () => {
    const { el, api } = await mount(undefined, undefined, '');
    await el.updateComplete;
    expect(api.calls.filter((c) => c.key === 'billing.invoice')).to.have.length(0);
    expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
    expect(text(part(el, 'base'))).to.equal('');
  });

  it('shows header, customer, lines with quantity, unit price, discount and tax, the totals and what was applied', async () => {
    const { el, api } = await mount();
    await settled(el);
    expect(api.calls.find((c) => c.key === 'billing.invoice')!.url.pathname).to.equal('/portal/v1/invoices/inv_1/detail');
    const title = part(el, 'title')!;
    expect(text(title)).to.equal('Invoice INV-00001');
    expect(title.getAttribute('role')).to.equal('heading');
    expect(text(part(el, 'status-badge'))).to.equal('Open');
    expect(text(part(el, 'customer')))
      .to.contain('Acme Corporation')
      .and.contain('DE123456789');
    const rows = parts(el, 'line');
    expect(rows).to.have.length(3);
    const cells = (r: HTMLElement) => [...r.children].map((c) => text(c));
    expect(cells(rows[1]!)).to.deep.equal(['Premium support', '1', '€100.00', '-€10.00', '€17.10 19%', '€90.00']);
    // A credit line: negative, said in words too.
    expect(rows[2]!.hasAttribute('data-credit')).to.equal(true);
    expect(cells(rows[2]!)).to.deep.equal(['Credit: outage on 12 Oct (SLA)', '-1', '€50.00', '—', '-€9.50 19%', '-€50.00 Credit']);
    expect(summary(el)).to.deep.equal({
      Subtotal: '€530.00',
      Discount: '-€5.00',
      Tax: '€100.70',
      Total: '€625.70',
      Paid: '-€400.00',
      'Credit notes': '-€25.70',
      Refunded: '€10.00',
      'Amount due': '€210.00',
    });
    const applied = [...part(el, 'applied')!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-kind'));
    expect(applied).to.deep.equal(['payment', 'credit_note', 'refund']);
    expect(text(part(el, 'applied'))).to.contain('RCPT-20931 · Visa •••• 4242');
    expect(part(el, 'download')!.getAttribute('href')).to.equal('/portal/v1/files/inv_1_pdf?exp=1&sig=x');
    expect(text(part(el, 'pay'))).to.equal('Pay €210.00');
    expect(text(part(el, 'memo'))).to.contain('Thank you');
    await expect(el).to.be.accessible(AXE);
  });

  it('a paid invoice has no pay link; an invoice with nothing applied says so', async () => {
    const { el } = await mount((api) =>
      api.use(
        'billing.invoice',
        json(invoiceDetail(2, { status: 'paid', amountDue: 0, applications: [], amountPaid: 0, amountCredited: 0, amountRefunded: 0 })),
      ),
    );
    await settled(el);
    expect(part(el, 'pay')).to.equal(null);
    expect(text(part(el, 'applied'))).to.contain('Nothing paid or credited yet.');
  });

  it('user-written text (description, customer, memo) is text in its own direction, never markup', async () => {
    const { el } = await mount((api) =>
      api.use(
        'billing.invoice',
        json(
          invoiceDetail(1, {
            memo: '<img src=x onerror=alert(1)>',
            customer: { name: 'شركة <b>أكمي</b>', email: null, address: null, taxId: null },
          }),
        ),
      ),
    );
    await settled(el);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(text(part(el, 'memo'))).to.contain('<img src=x onerror=alert(1)>');
    expect(part(el, 'customer')!.querySelector('[dir="auto"]')!.textContent).to.equal('شركة <b>أكمي</b>');
  });

  it('PDF and pay links fire cancelable events with the invoice and URL', async () => {
    const { el } = await mount();
    await settled(el);
    // The host takes the link over (here: so that the test page stays).
    document.addEventListener('portico-invoice-pay', (e) => e.preventDefault(), { once: true });
    setTimeout(() => part(el, 'pay')!.click());
    const ev = await oneEvent(el, 'portico-invoice-pay');
    expect(ev.detail.url).to.equal('https://pay.example.test/inv_1');
    expect(ev.detail.invoice.id).to.equal('inv_1');
    el.addEventListener('portico-invoice-download', (e) => e.preventDefault(), { once: true });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    part(el, 'download')!.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
  });

  it('keyboard: the line items region, the PDF and the pay link are reachable with Tab', async () => {
    const { el } = await mount();
    await settled(el);
    part(el, 'download')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pay'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'lines'));
  });

  it('fits 320 px: nothing wider than the screen (wide tables scroll inside their own region)', async () => {
    const { el } = await mount(undefined, (x) => html`<div style="inline-size:320px">${x}</div>`);
    await settled(el);
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  describe('states', () => {
    it('loading: a status with a skeleton, accessible', async () => {
      const { el } = await mount((api) => api.use('billing.invoice', { ...json(invoiceDetail()), delayMs: 10_000 }));
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: says what happened, Retry loads again, accessible', async () => {
      let n = 0;
      const { el } = await mount((api) =>
        api.use('billing.invoice', () => (n++ === 0 ? problem(404, 'not_found') : json(invoiceDetail()))),
      );
      await settled(el, 'error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      part(el, 'retry')!.click();
      await settled(el);
      expect(text(part(el, 'title'))).to.equal('Invoice INV-00001');
    });

    it('malformed data is an error, not a crash or a blank', async () => {
      const { el } = await mount((api) => api.use('billing.invoice', malformedJson()));
      await settled(el, 'error');
      const bad = await mount((api) => api.use('billing.invoice', json({ ...invoiceDetail(), lines: [{ id: 'x', amount: 'lots' }] })));
      await settled(bad.el, 'error');
      expect(text(part(bad.el, 'error'))).to.match(/unexpected|invalid|could/i);
    });

    it('refreshing keeps the invoice on screen, busy; a live invoice event for it reloads', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('billing.invoice', { ...json(invoiceDetail(1, { status: 'paid', amountDue: 0 })), delayMs: 200 });
      void el.refresh();
      await el.updateComplete;
      expect(part(el, 'content')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
      expect(text(part(el, 'status-badge'))).to.equal('Paid');
    });
  });

  describe('locales', () => {
    it('de: labels and amounts in German', async () => {
      await loadLocale('de');
      const { el } = await mount(undefined, (x) => html`<div lang="de">${x}</div>`);
      await settled(el);
      expect(text(part(el, 'title'))).to.equal('Rechnung INV-00001');
      expect(summary(el)['Offener Betrag']).to.equal('210,00 €');
      expect(summary(el).Gutschriften).to.equal('-25,70 €');
      await expect(el).to.be.accessible(AXE);
    });

    it('ar: right to left, Arabic labels, amounts through Intl', async () => {
      await loadLocale('ar');
      const { el } = await mount(undefined, (x) => html`<div lang="ar" dir="rtl">${x}</div>`);
      await settled(el);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(part(el, 'title'))).to.equal('الفاتورة INV-00001');
      const due = new Intl.NumberFormat('ar', { style: 'currency', currency: 'EUR' }).format(210);
      expect(summary(el)['المبلغ المستحق']).to.equal(due.replace(/\s+/g, ' ').trim());
      await expect(el).to.be.accessible(AXE);
    });
  });
});
