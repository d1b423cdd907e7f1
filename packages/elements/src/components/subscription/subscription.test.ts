import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { subscription } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoSubscription } from './subscription.component.js';
import './subscription.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoSubscription;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
/** A description list entry as "term: description". */
const entry = (el: El, name: string) => `${text(part(el, name)!.querySelector('dt'))}: ${text(part(el, name)!.querySelector('dd'))}`;
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};
const state = (o: Parameters<typeof subscription>[0] = {}, hostedSessions = false) =>
  json({ subscription: subscription(o), capabilities: { hostedSessions } });

async function mount(setup: (api: MockApi) => void = () => undefined, wrap = (x: ReturnType<typeof html>) => x, name = 'content') {
  const mock = createMockClient();
  setup(mock.api);
  const host = await fixture<HTMLElement>(wrap(html`<portico-subscription .client=${mock.client}></portico-subscription>`));
  const el = (host.matches('portico-subscription') ? host : host.querySelector('portico-subscription')!) as El;
  await settled(el, name);
  return { el, api: mock.api };
}

describe('<portico-subscription>', () => {
  it('plan, status, price with its breakdown, seats, renewal, and the scheduled change', async () => {
    const { el } = await mount();
    expect(text(part(el, 'plan'))).to.equal('Business');
    expect(part(el, 'plan')!.getAttribute('role')).to.equal('heading');
    expect(text(part(el, 'status-badge'))).to.equal('Active');
    expect(entry(el, 'price')).to.equal('Price: €1,225.00 per month €49.00 × 25 seats');
    expect(entry(el, 'seats')).to.equal('Seats: 25 seats');
    expect(entry(el, 'renewal')).to.equal('Renews: Oct 31, 2026');
    expect(text(part(el, 'scheduled'))).to.equal(
      'Scheduled change Changes to Business Plus, 30 seats, on Oct 31, 2026. €2,070.00 per month',
    );
    await expect(el).to.be.accessible(AXE);
  });

  it('trialing, past due (with why), cancelling at period end, canceled (no actions)', async () => {
    const trial = await mount((a) =>
      a.use('billing.subscription', state({ status: 'trialing', trialEnd: '2026-10-10T09:00:00.000Z', scheduledChange: null })),
    );
    expect(text(part(trial.el, 'status-badge'))).to.equal('Trial');
    expect(entry(trial.el, 'renewal')).to.equal('Trial ends: Oct 10, 2026');
    const due = await mount((a) => a.use('billing.subscription', state({ status: 'past_due' })));
    expect(text(part(due.el, 'notice'))).to.contain('A payment failed');
    const ending = await mount((a) => a.use('billing.subscription', state({ cancelAt: '2026-10-31T09:00:00.000Z' })));
    expect(entry(ending.el, 'renewal')).to.equal('Ends: Oct 31, 2026');
    expect(part(ending.el, 'cancel')).to.equal(null);
    const ended = await mount((a) => a.use('billing.subscription', state({ status: 'canceled', canceledAt: '2026-10-20T09:00:00.000Z' })));
    expect(entry(ended.el, 'renewal')).to.equal('Canceled on: Oct 20, 2026');
    expect(part(ended.el, 'actions')).to.equal(null);
    await expect(ended.el).to.be.accessible(AXE);
  });

  it('change plan: an event for the host; no request without a hosted page', async () => {
    const { el, api } = await mount();
    const ev = oneEvent(el, 'portico-subscription-change');
    part(el, 'change')!.click();
    expect((await ev).detail).to.include({ hosted: false });
    expect(api.calls.filter((c) => c.key === 'billing.createSession')).to.have.length(0);
  });

  it('cancel asks first (focus on "Keep", Escape goes back); confirming opens the hosted page’s one-time link', async () => {
    const opened: string[] = [];
    const { el, api } = await mount((a) => {
      a.use('billing.subscription', state({}, true));
      a.use('billing.createSession', ({ body }) =>
        json({ url: `https://billing.example.test/${(body as { purpose: string }).purpose}`, expiresAt: '2026-10-01T10:00:00.000Z' }, 201),
      );
    });
    el.navigate = (url) => opened.push(url);
    part(el, 'cancel')!.click();
    await el.updateComplete;
    expect(part(el, 'confirm')!.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'keep'));
    await expect(el).to.be.accessible(AXE);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'cancel'));
    expect(api.calls.filter((c) => c.key === 'billing.createSession')).to.have.length(0);
    part(el, 'cancel')!.click();
    await el.updateComplete;
    const ev = oneEvent(el, 'portico-subscription-cancel');
    part(el, 'confirm-cancel')!.click();
    expect((await ev).detail.hosted).to.equal(true);
    await waitUntil(() => opened.length === 1, 'not opened');
    expect(opened).to.deep.equal(['https://billing.example.test/subscription.cancel']);
  });

  it('a hosted page that cannot be opened is an alert with Retry', async () => {
    const { el } = await mount((a) => {
      a.use('billing.subscription', state({}, true));
      a.use('billing.createSession', problem(503, 'unavailable'));
    });
    part(el, 'change')!.click();
    await waitUntil(() => part(el, 'failure'), 'no failure');
    expect(part(el, 'failure')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'failure'))).to.contain('Couldn’t open the billing page.');
    await expect(el).to.be.accessible(AXE);
  });

  it('fits 320 px: nothing wider than the screen (wide tables scroll inside their own region)', async () => {
    const { el } = await mount(undefined, (x) => html`<div style="inline-size:320px">${x}</div>`);

    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  describe('states', () => {
    it('none, loading, error, malformed', async () => {
      const none = await mount(
        (a) => a.use('billing.subscription', json({ subscription: null, capabilities: { hostedSessions: false } })),
        undefined,
        'empty',
      );
      expect(text(part(none.el, 'empty'))).to.equal('No subscription.');
      await expect(none.el).to.be.accessible(AXE);
      const slow = createMockClient();
      slow.api.use('billing.subscription', { ...state(), delayMs: 10_000 });
      const loading = await fixture<El>(html`<portico-subscription .client=${slow.client}></portico-subscription>`);
      expect(part(loading, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(loading).to.be.accessible(AXE);
      const err = await mount((a) => a.use('billing.subscription', problem(503, 'unavailable')), undefined, 'error');
      expect(part(err.el, 'retry')).to.not.equal(null);
      await expect(err.el).to.be.accessible(AXE);
      await mount((a) => a.use('billing.subscription', malformedJson()), undefined, 'error');
      await mount(
        (a) => a.use('billing.subscription', json({ subscription: { id: 's', status: 'weird' }, capabilities: {} })),
        undefined,
        'error',
      );
    });
  });

  describe('locales', () => {
    it('de and ar', async () => {
      await loadLocale('de');
      const de = await mount(undefined, (x) => html`<div lang="de">${x}</div>`);
      expect(entry(de.el, 'price')).to.equal('Preis: 1.225,00 € pro Monat 49,00 € × 25 Plätze');
      await expect(de.el).to.be.accessible(AXE);
      await loadLocale('ar');
      const ar = await mount(undefined, (x) => html`<div lang="ar" dir="rtl">${x}</div>`);
      expect(part(ar.el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(part(ar.el, 'status-badge'))).to.equal('نشط');
      await expect(ar.el).to.be.accessible(AXE);
    });
  });
});
