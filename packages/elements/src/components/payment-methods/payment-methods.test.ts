import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { paymentMethod, paymentMethods } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoPaymentMethods } from './payment-methods.component.js';
import './payment-methods.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoPaymentMethods;
const part = (el: El | Element, name: string) => (el.shadowRoot ?? el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const method = (el: El, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="method"][data-id="${id}"]`)!;
const inMethod = (el: El, id: string, name: string) => method(el, id).querySelector<HTMLElement>(`[part~="${name}"]`);
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};

async function mount(setup: (api: MockApi) => void = () => undefined, wrap = (x: ReturnType<typeof html>) => x) {
  const mock = createMockClient();
  setup(mock.api);
  const host = await fixture<HTMLElement>(wrap(html`<portico-payment-methods .client=${mock.client}></portico-payment-methods>`));
  const el = (host.matches('portico-payment-methods') ? host : host.querySelector('portico-payment-methods')!) as El;
  await settled(el);
  return { el, api: mock.api };
}

describe('<portico-payment-methods>', () => {
  it('lists cards and bank accounts with brand, last 4, expiry, and default / expired / expiring flags in text', async () => {
    const { el } = await mount();
    expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
    expect(parts(el, 'method').map((m) => text(m.querySelector('[part~="name"]')))).to.deep.equal([
      'Visa ending in 4241',
      'Mastercard ending in 5454',
      'American Express ending in 0005',
      'Commerzbank account ending in 3000',
    ]);
    expect(text(inMethod(el, 'pm_1', 'default-badge'))).to.equal('Default');
    expect(text(inMethod(el, 'pm_2', 'expired-badge'))).to.equal('Expired');
    expect(text(inMethod(el, 'pm_2', 'expiry'))).to.equal('Expired 03/2025');
    expect(text(inMethod(el, 'pm_3', 'expiring-badge'))).to.equal('Expires soon');
    expect(text(inMethod(el, 'pm_1', 'expiry'))).to.equal('Expires 08/2029');
    expect(text(method(el, 'pm_4'))).to.contain('Bank account');
    // An expired card cannot become the default; a bank account has no "Update".
    expect(inMethod(el, 'pm_2', 'make-default')).to.equal(null);
    expect(inMethod(el, 'pm_4', 'update')).to.equal(null);
    expect(part(el, 'switch')!.getAttribute('role')).to.equal('switch');
    expect((part(el, 'switch') as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible(AXE);
  });

  it('make default: a cancelable request event, the write, the badge moves, a polite announcement', async () => {
    const { el, api } = await mount();
    const req = oneEvent(el, 'portico-payment-method-default-request');
    const done = oneEvent(el, 'portico-payment-method-default');
    inMethod(el, 'pm_4', 'make-default')!.click();
    expect((await req).detail.method.id).to.equal('pm_4');
    expect((await done).detail.methods.data.find((m: { isDefault: boolean }) => m.isDefault)!.id).to.equal('pm_4');
    await el.updateComplete;
    expect(calls(api, 'billing.setDefaultPaymentMethod')[0]!.url.pathname).to.equal('/portal/v1/billing/payment-methods/pm_4/default');
    expect(calls(api, 'billing.setDefaultPaymentMethod')[0]!.headers.get('idempotency-key')).to.be.a('string');
    expect(inMethod(el, 'pm_4', 'default-badge')).to.not.equal(null);
    expect(inMethod(el, 'pm_1', 'default-badge')).to.equal(null);
    expect(text(part(el, 'status'))).to.equal('Commerzbank account ending in 3000 is now the default.');
  });

  it('remove asks first (keyboard: focus on "Keep it", Escape goes back), then removes; canceling the request event sends nothing', async () => {
    const { el, api } = await mount((a) => a.use('billing.paymentMethods', json(paymentMethods({ autoPay: false }))));
    inMethod(el, 'pm_3', 'remove')!.click();
    await el.updateComplete;
    const confirm = inMethod(el, 'pm_3', 'confirm')!;
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(text(confirm)).to.contain('Remove American Express ending in 0005?');
    expect(el.shadowRoot!.activeElement).to.equal(inMethod(el, 'pm_3', 'keep'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(inMethod(el, 'pm_3', 'confirm')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(inMethod(el, 'pm_3', 'remove'));
    // Enter on Remove, then the host vetoes once.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    el.addEventListener('portico-payment-method-remove-request', (e) => e.preventDefault(), { once: true });
    inMethod(el, 'pm_3', 'confirm-remove')!.click();
    await el.updateComplete;
    expect(calls(api, 'billing.removePaymentMethod')).to.have.length(0);
    const done = oneEvent(el, 'portico-payment-method-remove');
    inMethod(el, 'pm_3', 'confirm-remove')!.click();
    expect((await done).detail.methods.data.map((m: { id: string }) => m.id)).to.deep.equal(['pm_1', 'pm_2', 'pm_4']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-id="pm_3"]')).to.equal(null);
    expect(text(part(el, 'status'))).to.equal('American Express ending in 0005 was removed.');
  });

  it('while auto-pay is on, the default and the last method cannot be removed: the button says why and asks nothing', async () => {
    const { el } = await mount((a) => a.use('billing.paymentMethods', json(paymentMethods({ autoPay: true, data: [paymentMethod(1)] }))));
    const remove = inMethod(el, 'pm_1', 'remove')!;
    expect(remove.getAttribute('aria-disabled')).to.equal('true');
    expect(text(inMethod(el, 'pm_1', 'hint'))).to.equal('This is the only payment method: turn off auto-pay to remove it.');
    expect(remove.getAttribute('aria-describedby')).to.equal(inMethod(el, 'pm_1', 'hint')!.id);
    remove.click();
    await el.updateComplete;
    expect(inMethod(el, 'pm_1', 'confirm')).to.equal(null);
    await expect(el).to.be.accessible(AXE);
  });

  it('auto-pay: off and on through the switch; a refusal from the server is an alert that says why', async () => {
    const { el, api } = await mount();
    const sw = part(el, 'switch') as HTMLInputElement;
    const change = oneEvent(el, 'portico-auto-pay-change');
    sw.click();
    expect((await change).detail.methods.autoPay).to.equal(false);
    expect(calls(api, 'billing.setAutoPay')[0]!.method).to.equal('POST');
    api.use('billing.setAutoPay', problem(409, 'conflict'));
    sw.click();
    await waitUntil(() => part(el, 'failure'), 'no failure');
    expect(part(el, 'failure')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'failure'))).to.contain('The change wasn’t saved. The change isn’t possible with auto-pay as it is set.');
    expect((part(el, 'switch') as HTMLInputElement).checked).to.equal(false);
    await expect(el).to.be.accessible(AXE);
  });

  it('auto-pay cannot be turned on without a valid default', async () => {
    const { el } = await mount((a) =>
      a.use('billing.paymentMethods', json(paymentMethods({ autoPay: false, data: [paymentMethod(1, { expired: true })] }))),
    );
    expect((part(el, 'switch') as HTMLInputElement).disabled).to.equal(true);
    expect(text(part(el, 'auto-pay'))).to.contain('Needs a default payment method that has not expired.');
  });

  it('add and update are the host’s: events, and no request, when the server has no hosted page', async () => {
    const { el, api } = await mount();
    const add = oneEvent(el, 'portico-payment-method-add');
    part(el, 'add')!.click();
    expect((await add).detail.hosted).to.equal(false);
    const upd = oneEvent(el, 'portico-payment-method-update');
    inMethod(el, 'pm_3', 'update')!.click();
    expect((await upd).detail.method.id).to.equal('pm_3');
    expect(calls(api, 'billing.createSession')).to.have.length(0);
  });

  it('with a hosted page: the event, then a one-time link from the server, opened; canceling the event keeps the host in charge', async () => {
    const opened: string[] = [];
    const { el, api } = await mount((a) => {
      a.use(
        'billing.paymentMethods',
        json(paymentMethods({ capabilities: { remove: true, setDefault: true, autoPay: true, hostedSessions: true } })),
      );
      a.use('billing.createSession', ({ body }) =>
        json(
          { url: `https://billing.example.test/s/${(body as { purpose: string }).purpose}`, expiresAt: '2026-10-01T10:00:00.000Z' },
          201,
        ),
      );
    });
    el.navigate = (url) => opened.push(url);
    el.addEventListener('portico-payment-method-add', (e) => e.preventDefault(), { once: true });
    part(el, 'add')!.click();
    await el.updateComplete;
    expect(calls(api, 'billing.createSession')).to.have.length(0);
    part(el, 'add')!.click();
    await waitUntil(() => opened.length === 1, 'not opened');
    inMethod(el, 'pm_1', 'update')!.click();
    await waitUntil(() => opened.length === 2, 'not opened');
    expect(opened).to.deep.equal([
      'https://billing.example.test/s/payment_method.add',
      'https://billing.example.test/s/payment_method.update',
    ]);
    expect(calls(api, 'billing.createSession')).to.have.length(2);
  });

  it('fits 320 px: nothing wider than the screen (wide tables scroll inside their own region)', async () => {
    const { el } = await mount(undefined, (x) => html`<div style="inline-size:320px">${x}</div>`);

    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  describe('states', () => {
    it('loading, accessible', async () => {
      const mock = createMockClient();
      mock.api.use('billing.paymentMethods', { ...json(paymentMethods()), delayMs: 10_000 });
      const el = await fixture<El>(html`<portico-payment-methods .client=${mock.client}></portico-payment-methods>`);
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
    });

    it('empty: says so and still offers to add', async () => {
      const { el } = await mount((a) => a.use('billing.paymentMethods', json(paymentMethods({ data: [], autoPay: false }))));
      expect(text(part(el, 'empty'))).to.equal('No payment method yet.');
      expect(part(el, 'add')).to.not.equal(null);
      await expect(el).to.be.accessible(AXE);
    });

    it('error with Retry, and malformed data as an error', async () => {
      let n = 0;
      const mock = createMockClient();
      mock.api.use('billing.paymentMethods', () => (n++ === 0 ? problem(503, 'unavailable') : json(paymentMethods())));
      const el = await fixture<El>(html`<portico-payment-methods .client=${mock.client}></portico-payment-methods>`);
      await settled(el, 'error');
      await expect(el).to.be.accessible(AXE);
      part(el, 'retry')!.click();
      await settled(el);
      const bad = createMockClient();
      bad.api.use('billing.paymentMethods', malformedJson());
      const el2 = await fixture<El>(html`<portico-payment-methods .client=${bad.client}></portico-payment-methods>`);
      await settled(el2, 'error');
      const odd = createMockClient();
      odd.api.use('billing.paymentMethods', json({ ...paymentMethods(), data: [{ id: 'x', last4: 4242 }] }));
      const el3 = await fixture<El>(html`<portico-payment-methods .client=${odd.client}></portico-payment-methods>`);
      await settled(el3, 'error');
    });
  });

  describe('locales', () => {
    it('de', async () => {
      await loadLocale('de');
      const { el } = await mount(undefined, (x) => html`<div lang="de">${x}</div>`);
      expect(text(inMethod(el, 'pm_1', 'name'))).to.equal('Visa mit Endziffern 4241');
      expect(text(inMethod(el, 'pm_1', 'expiry'))).to.equal('Gültig bis 08/2029');
      await expect(el).to.be.accessible(AXE);
    });

    it('ar: right to left', async () => {
      await loadLocale('ar');
      const { el } = await mount(undefined, (x) => html`<div lang="ar" dir="rtl">${x}</div>`);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(inMethod(el, 'pm_2', 'expired-badge'))).to.equal('منتهية');
      await expect(el).to.be.accessible(AXE);
    });
  });
});
