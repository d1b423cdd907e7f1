import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { deliverable } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedJson, malformedList, problem } from '../../testing/mock-api.js';
import type { PorticoDeliverableList } from './deliverable-list.component.js';
import './deliverable-list.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="row"]')];
const settled = async (el: PorticoDeliverableList, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
};
const summary = (n: number, o: Parameters<typeof deliverable>[1] = {}) => {
  const { versions: _v, ...s } = deliverable(n, o);
  return s;
};

async function mount(attrs = '', options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-deliverable-list project-id="prj_1" ${attrs}></portico-deliverable-list>`;
  const el = wrapper.firstElementChild as PorticoDeliverableList;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el };
}
const lastList = (api: { calls: Array<{ key: string; url: URL; query: Record<string, string> }> }) =>
  api.calls.filter((c) => c.key === 'deliverables.list').at(-1)!;

describe('<portico-deliverable-list>', () => {
  describe('defaults', () => {
    it('lists the project’s deliverables with version, status badge and last action', async () => {
      const { el, api } = await mount();
      expect(el.reviewStatus).to.equal('');
      expect(el.selected).to.equal('');
      await settled(el);
      expect(rows(el).length).to.equal(4);
      expect(lastList(api).url.pathname).to.contain('/projects/prj_1/deliverables');
      const first = rows(el)[0]!;
      expect(first.querySelector('[part~="title"]')!.textContent).to.equal('Homepage mock-up 1');
      expect(first.querySelector('[part~="version"]')!.textContent).to.equal('v2');
      expect(first.querySelector('[part~="status"]')!.getAttribute('data-status')).to.equal('pending');
      expect(first.querySelector('[part~="status"]')!.textContent).to.contain('Awaiting review');
      expect(first.querySelector('[part~="meta"]')!.textContent).to.match(/Version 2 uploaded by Sam Agent/);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(el.deliverables.length).to.equal(4);
    });

    it('loads nothing without a project id', async () => {
      const { el, api } = await mount();
      el.projectId = '';
      await settled(el, 'empty');
      expect(api.calls.filter((c) => c.key === 'deliverables.list').length).to.be.at.most(1);
    });
  });

  describe('attributes and properties', () => {
    it('filters by review-status (attribute and select), reflected', async () => {
      const { el, api } = await mount('review-status="approved"');
      await settled(el);
      expect(lastList(api).query.reviewStatus).to.equal('approved');
      const select = $(el, '[part~="filter"]') as HTMLSelectElement;
      expect(select.value).to.equal('approved');
      select.value = 'changes_requested';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(el.getAttribute('review-status')).to.equal('changes_requested');
      expect(lastList(api).query.reviewStatus).to.equal('changes_requested');
    });

    it('shows the last action of each kind', async () => {
      const { el, api } = await mount();
      const by = { id: 'ct_alice', name: 'Alice Example' };
      const at = new Date(Date.now() - 2 * 3_600_000).toISOString();
      api.use(
        'deliverables.list',
        json({
          data: [
            summary(1, { reviewStatus: 'approved', lastAction: { kind: 'approved', by, at, version: 2 } }),
            summary(2, { reviewStatus: 'changes_requested', lastAction: { kind: 'changes_requested', by, at, version: 2 } }),
            summary(3, { lastAction: { kind: 'commented', by, at, version: 2 } }),
            summary(4, { lastAction: null }),
          ],
          nextCursor: null,
        }),
      );
      await el.refresh();
      await settled(el);
      const meta = rows(el).map((r) => r.querySelector('[part~="meta"]')!.textContent!.trim());
      expect(meta[0]).to.equal('Approved by Alice Example 2 hours ago');
      expect(meta[1]).to.equal('Changes requested by Alice Example 2 hours ago');
      expect(meta[2]).to.equal('Comment by Alice Example 2 hours ago');
      expect(meta[3]).to.equal('');
      expect(rows(el)[0]!.querySelector('[part~="status"]')!.getAttribute('data-tone')).to.equal('success');
    });

    it('hides the filter with hide-filters', async () => {
      const { el } = await mount('hide-filters');
      expect(!!$(el, '[part~="filter"]')).to.equal(false);
    });

    it('renders hostile titles as text', async () => {
      const { el, api } = await mount();
      api.use('deliverables.list', json({ data: [summary(1, { title: '<img src=x onerror=alert(1)>' })], nextCursor: null }));
      await el.refresh();
      await settled(el);
      expect(rows(el)[0]!.querySelector('[part~="title"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    });
  });

  describe('slots', () => {
    it('shows the header only when given, and the empty slot', async () => {
      const { el, api } = await mount();
      expect($(el, '[part~="header"]')!.hidden).to.equal(true);
      el.innerHTML = '<h2 slot="header">Deliverables</h2><p slot="empty">Nothing to review</p>';
      await waitUntil(() => !$(el, '[part~="header"]')!.hidden, 'header hidden');
      api.use('deliverables.list', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect(($(el, 'slot[name="empty"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Nothing to review');
    });
  });

  describe('events', () => {
    it('fires portico-deliverable-select and marks the row current', async () => {
      const { el } = await mount();
      await settled(el);
      setTimeout(() => rows(el)[1]!.click());
      const event = await oneEvent(document, 'portico-deliverable-select');
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(event.detail.deliverable.id).to.equal('dlv_2');
      await el.updateComplete;
      expect(el.selected).to.equal('dlv_2');
      expect(rows(el)[1]!.getAttribute('aria-current')).to.equal('true');
    });

    it('keeps the selection when canceled', async () => {
      const { el } = await mount();
      await settled(el);
      el.addEventListener('portico-deliverable-select', (e) => e.preventDefault(), { once: true });
      rows(el)[0]!.click();
      await el.updateComplete;
      expect(el.selected).to.equal('');
    });
  });

  describe('states', () => {
    it('loading: skeleton and status, accessible', async () => {
      const { el } = await mount('', { delayMs: 400 });
      expect($(el, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty: default text, filter-aware, accessible', async () => {
      const { el, api } = await mount();
      api.use('deliverables.list', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No deliverables yet.');
      el.reviewStatus = 'approved';
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No deliverables with this status.');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: alert, Retry recovers, accessible', async () => {
      const { el, api } = await mount();
      api.use('deliverables.list', problem(503, 'unavailable'));
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(rows(el).length).to.equal(4);
    });

    it('404: the project is not found', async () => {
      const { el, api } = await mount();
      api.use('deliverables.list', problem(404, 'not_found'));
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('This couldn’t be found.');
    });

    for (const [name, response] of [
      ['not JSON', malformedJson()],
      ['breaks the contract', malformedList()],
    ] as const) {
      it(`malformed (${name}): an error state, accessible`, async () => {
        const { el, api } = await mount();
        api.use('deliverables.list', response);
        await el.refresh();
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('slow network: a newer filter wins over an older, slower answer', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('deliverables.list', ({ query }) => ({
        ...json({ data: [summary(query.reviewStatus === 'approved' ? 1 : 2)], nextCursor: null }),
        delayMs: query.reviewStatus === 'approved' ? 400 : 30,
      }));
      el.reviewStatus = 'approved';
      await aTimeout(10);
      el.reviewStatus = 'pending';
      await settled(el);
      await aTimeout(450);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['dlv_2']);
    });

    it('refreshes on a deliverable live event', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams === 1, 'no stream', { timeout: 3000 });
      const count = () => api.calls.filter((c) => c.key === 'deliverables.list').length;
      const before = count();
      api.emit({
        id: 'e1',
        type: 'deliverable.decision_recorded',
        resource: { kind: 'deliverable', id: 'dlv_1' },
        occurredAt: new Date().toISOString(),
      });
      await waitUntil(() => count() === before + 1, 'no refresh', { timeout: 3000 });
    });
  });

  describe('keyboard', () => {
    it('rows are one tab stop; arrows, Home, End move; Enter selects', async () => {
      const { el } = await mount();
      await settled(el);
      expect(rows(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
      rows(el)[0]!.focus();
      const active = () => rows(el).indexOf(el.shadowRoot!.activeElement as HTMLButtonElement);
      await sendKeys({ press: 'ArrowDown' });
      expect(active()).to.equal(1);
      await el.updateComplete;
      expect(rows(el)[1]!.tabIndex).to.equal(0);
      await sendKeys({ press: 'End' });
      expect(active()).to.equal(3);
      await sendKeys({ press: 'Home' });
      expect(active()).to.equal(0);
      await sendKeys({ press: 'ArrowUp' });
      expect(active()).to.equal(0);
      setTimeout(() => sendKeys({ press: 'Enter' }));
      expect((await oneEvent(el, 'portico-deliverable-select')).detail.deliverable.id).to.equal('dlv_1');
    });
  });

  describe('accessibility, RTL, dark, narrow', () => {
    it('loaded list passes axe', async () => {
      const { el } = await mount();
      await settled(el);
      await expect(el).to.be.accessible(AXE);
    });

    it('renders Arabic right-to-left', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-deliverable-list project-id="prj_1" .client=${mock.client}></portico-deliverable-list></div>`,
      );
      const el = wrapper.querySelector('portico-deliverable-list')!;
      await settled(el);
      await loadLocale('ar');
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(getComputedStyle(base).direction).to.equal('rtl');
      expect($(el, '[part~="list"]')!.getAttribute('aria-label')).to.equal('المخرجات');
      const row = rows(el)[0]!;
      expect(row.querySelector('[part~="title"]')!.getBoundingClientRect().right).to.be.closeTo(row.getBoundingClientRect().right, 40);
      await expect(el).to.be.accessible(AXE);
    });

    it('renders German', async () => {
      const { el } = await mount('lang="de"');
      await settled(el);
      await loadLocale('de');
      await el.updateComplete;
      expect(rows(el)[0]!.querySelector('[part~="status"]')!.textContent).to.contain('Wartet auf Prüfung');
    });

    it('dark theme: different colours, accessible', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-deliverable-list theme="light" project-id="prj_1" .client=${mock.client}></portico-deliverable-list>
        <portico-deliverable-list theme="dark" style="background: #0d1117" project-id="prj_1" .client=${mock.client}></portico-deliverable-list>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-deliverable-list')];
      await settled(light!);
      await settled(dark!);
      const fg = (el: HTMLElement) => getComputedStyle(rows(el)[0]!).color;
      expect(fg(dark!)).to.not.equal(fg(light!));
      await expect(dark).to.be.accessible(AXE);
    });

    it('320 px: no horizontal overflow', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-deliverable-list project-id="prj_1" .client=${mock.client}></portico-deliverable-list></div>`,
      );
      const el = wrapper.querySelector('portico-deliverable-list')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const r of rows(el)) expect(r.scrollWidth).to.be.at.most(r.clientWidth + 1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
