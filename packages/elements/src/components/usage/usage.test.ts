import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Usage } from '@portico/contract';
import { usageMeter } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import { meterFigures, type PorticoUsage } from './usage.component.js';
import './usage.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoUsage;
const part = (el: El | Element, name: string) => (el.shadowRoot ?? el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const meter = (el: El, key: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="meter"][data-key="${key}"]`)!;
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};

// Period: Oct 1 – Oct 31 (30 days); as of Oct 21, 09:00 → two thirds elapsed.
const AS_OF = '2026-10-21T09:00:00.000Z';
const USAGE: Usage = {
  asOf: AS_OF,
  data: [
    usageMeter(1, { key: 'api', name: 'API calls', used: 400_000, limit: 1_000_000, softLimit: true }),
    usageMeter(2, {
      key: 'transfer',
      name: 'Data transfer',
      unit: 'gigabyte',
      unitLabel: null,
      used: 450.5,
      limit: 500,
      softLimit: false,
      warningThreshold: 0.8,
    }),
    usageMeter(3, { key: 'sms', name: 'Text messages', unitLabel: 'messages', used: 2_300, limit: 2_000, softLimit: true }),
    usageMeter(4, { key: 'mail', name: 'Emails sent', unitLabel: 'emails', used: 18_250, limit: null }),
  ],
};

async function mount(
  setup: (api: MockApi) => void = (a) => a.use('billing.usage', json(USAGE)),
  wrap = (x: ReturnType<typeof html>) => x,
  name = 'content',
) {
  const mock = createMockClient();
  setup(mock.api);
  const host = await fixture<HTMLElement>(wrap(html`<portico-usage .client=${mock.client}></portico-usage>`));
  const el = (host.matches('portico-usage') ? host : host.querySelector('portico-usage')!) as El;
  await settled(el, name);
  return { el, api: mock.api };
}

describe('<portico-usage>', () => {
  it('projection is used ÷ elapsed share of the period; nothing too early', () => {
    const m = USAGE.data[0]!;
    const f = meterFigures(m, Date.parse(AS_OF));
    expect(f.elapsed).to.be.closeTo(2 / 3, 1e-9);
    expect(f.projected).to.be.closeTo(600_000, 1e-6);
    expect(meterFigures(m, Date.parse(m.periodStart) + 3_600_000).projected).to.equal(null);
    expect(meterFigures(USAGE.data[2]!, Date.parse(AS_OF)).state).to.equal('over');
    expect(meterFigures({ ...USAGE.data[2]!, softLimit: false }, Date.parse(AS_OF)).state).to.equal('reached');
    expect(meterFigures(USAGE.data[1]!, Date.parse(AS_OF)).state).to.equal('warning');
  });

  it('one card per meter: used of limit in the meter’s unit, a meter bar, limit kind, reset, projection as of, a chart', async () => {
    const { el } = await mount();
    const api = meter(el, 'api');
    expect(text(part(api, 'name'))).to.equal('API calls');
    expect(part(api, 'name')!.getAttribute('role')).to.equal('heading');
    expect(text(part(api, 'amount'))).to.equal('400,000 calls of 1,000,000 calls');
    const bar = part(api, 'bar')!;
    expect(bar.getAttribute('role')).to.equal('meter');
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax'), bar.getAttribute('aria-valuetext')]).to.deep.equal([
      '400000',
      '1000000',
      '40% used',
    ]);
    // Its width through the CSSOM (a strict CSP blocks style attributes).
    expect(part(api, 'bar-fill')!.style.inlineSize).to.equal('40%');
    expect(text(part(api, 'limit'))).to.contain('Soft limit');
    expect(text(part(api, 'reset'))).to.equal('Resets Oct 31, 2026');
    expect(text(part(api, 'projection'))).to.equal('Projected by Oct 31, 2026: 600,000 calls as of Oct 21, 2026, 9:00 AM');
    expect(part(api, 'chart')!.getAttribute('aria-label')).to.equal('Usage over the period: 400,000 calls so far, limit 1,000,000 calls.');
    expect(part(api, 'line')!.getAttribute('points')!.split(' ')).to.have.length(21);
    // Gigabytes through Intl; near the limit: warned in words; a hard limit.
    const transfer = meter(el, 'transfer');
    expect(text(part(transfer, 'amount'))).to.equal('450.5 GB of 500 GB');
    expect(text(part(transfer, 'state-badge'))).to.equal('Nearing the limit');
    expect(text(part(transfer, 'projection'))).to.match(/^Projected to pass the limit by Oct 31, 2026: 675\.8 GB/);
    expect(text(part(transfer, 'limit'))).to.contain('Hard limit');
    // Over a soft limit; unlimited has no bar and no limit line.
    expect(text(part(meter(el, 'sms'), 'state-badge'))).to.equal('Over the limit');
    const mail = meter(el, 'mail');
    expect(text(part(mail, 'unlimited-badge'))).to.equal('Unlimited');
    expect(part(mail, 'bar')).to.equal(null);
    expect(part(mail, 'limit-line')).to.equal(null);
    await expect(el).to.be.accessible(AXE);
  });

  it('the data table is the chart’s alternative: opened from the keyboard, one row per point', async () => {
    const { el } = await mount();
    const api = meter(el, 'api');
    expect(part(api, 'table')).to.equal(null);
    (part(api, 'data')!.querySelector('summary') as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(api, 'table'), 'no table');
    const rows = part(api, 'table')!.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(20);
    expect(text(rows[19]!.querySelector('td'))).to.equal('400,000 calls');
    await expect(el).to.be.accessible(AXE);
  });

  it('.usage: shown as given, nothing requested', async () => {
    const mock = createMockClient();
    const el = await fixture<El>(html`<portico-usage .client=${mock.client} .usage=${USAGE}></portico-usage>`);
    await settled(el);
    expect(mock.api.calls.filter((c) => c.key === 'billing.usage')).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('[part~="meter"]').length).to.equal(4);
  });

  it('fits 320 px: nothing wider than the screen (wide tables scroll inside their own region)', async () => {
    const { el } = await mount(undefined, (x) => html`<div style="inline-size:320px">${x}</div>`);

    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });

  describe('states', () => {
    it('empty, loading, error with Retry, malformed', async () => {
      const empty = await mount((a) => a.use('billing.usage', json({ data: [], asOf: AS_OF })), undefined, 'empty');
      expect(text(part(empty.el, 'empty'))).to.equal('No metered usage.');
      await expect(empty.el).to.be.accessible(AXE);
      const slow = createMockClient();
      slow.api.use('billing.usage', { ...json(USAGE), delayMs: 10_000 });
      const loading = await fixture<El>(html`<portico-usage .client=${slow.client}></portico-usage>`);
      expect(part(loading, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(loading).to.be.accessible(AXE);
      let n = 0;
      const err = await mount(
        (a) => a.use('billing.usage', () => (n++ === 0 ? problem(503, 'unavailable') : json(USAGE))),
        undefined,
        'error',
      );
      await expect(err.el).to.be.accessible(AXE);
      part(err.el, 'retry')!.click();
      await settled(err.el);
      await mount((a) => a.use('billing.usage', malformedJson()), undefined, 'error');
      await mount((a) => a.use('billing.usage', json({ asOf: AS_OF, data: [{ ...USAGE.data[0], unit: 'parsecs' }] })), undefined, 'error');
    });
  });

  describe('locales', () => {
    it('de and ar (right to left), units through Intl', async () => {
      await loadLocale('de');
      const de = await mount(undefined, (x) => html`<div lang="de">${x}</div>`);
      expect(text(part(meter(de.el, 'transfer'), 'amount'))).to.equal('450,5 GB von 500 GB');
      await expect(de.el).to.be.accessible(AXE);
      await loadLocale('ar');
      const ar = await mount(undefined, (x) => html`<div lang="ar" dir="rtl">${x}</div>`);
      expect(part(ar.el, 'base')!.getAttribute('dir')).to.equal('rtl');
      const gb = new Intl.NumberFormat('ar', { style: 'unit', unit: 'gigabyte', unitDisplay: 'short', maximumFractionDigits: 1 });
      expect(text(part(meter(ar.el, 'transfer'), 'amount'))).to.equal(`${gb.format(450.5)} من ${gb.format(500)}`.replace(/\s+/g, ' '));
      await expect(ar.el).to.be.accessible(AXE);
    });
  });
});
