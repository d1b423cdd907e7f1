import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { approval } from '@portico/contract/fixtures';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedList, problem } from '../../testing/mock-api.js';
import type { PorticoApprovalHistory } from './approval-history.component.js';
import { groupByVersion } from './approval-history.component.js';
import './approval-history.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoApprovalHistory;
const $$ = (el: El, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => $$(el, `[part~="${name}"]`);
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};

// Version 3: approved after a change request; version 2: changes requested; version 1: approved.
const TRAIL = [
  approval(4, { version: 3, decision: 'approved', comment: null, decidedAt: '2026-10-04T09:00:00.000Z' }),
  approval(3, { version: 3, decision: 'changes_requested', comment: 'Logo <b>larger</b>, please.', decidedAt: '2026-10-03T09:00:00.000Z' }),
  approval(2, { version: 2, decision: 'changes_requested', comment: 'Colours.', decidedAt: '2026-10-02T09:00:00.000Z' }),
  approval(1, { version: 1, decision: 'approved', comment: null, decidedAt: '2026-10-01T09:00:00.000Z' }),
];

async function mount(
  setup: (api: MockApi) => void = (api) => api.use('approvals.list', json({ data: TRAIL, nextCursor: null })),
  attrs = '',
) {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<portico-approval-history deliverable-id="dlv_1" ${attrs}></portico-approval-history>`}></div>`,
  );
  const el = wrapper.querySelector('portico-approval-history')!;
  el.client = mock.client;
  return { ...mock, el };
}

describe('<portico-approval-history>', () => {
  describe('defaults', () => {
    it('renders nothing without a deliverable id', async () => {
      const mock = createMockClient();
      const el = await fixture<El>(html`<portico-approval-history .client=${mock.client}></portico-approval-history>`);
      await aTimeout(50);
      expect(el.headingLevel).to.equal(3);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(calls(mock.api, 'approvals.list').length).to.equal(0);
    });

    it('groups the trail per version, newest first, as lists with headings', async () => {
      const { el } = await mount();
      await settled(el);
      const groups = part(el, 'groups')!;
      expect(groups.tagName).to.equal('OL');
      expect(groups.getAttribute('aria-label')).to.equal('Decision history');
      expect(parts(el, 'heading').map(text)).to.deep.equal(['Version 3', 'Version 2', 'Version 1']);
      expect(parts(el, 'heading').map((h) => h.getAttribute('aria-level'))).to.deep.equal(['3', '3', '3']);
      const lists = parts(el, 'entries');
      expect(lists.map((l) => l.querySelectorAll('[part~="entry"]').length)).to.deep.equal([2, 1, 1]);
      expect(lists[0]!.getAttribute('aria-labelledby')).to.equal(parts(el, 'heading')[0]!.id);
      const first = parts(el, 'entry')[0]!;
      expect(text(first.querySelector('[part~="decision"]'))).to.equal('Approved');
      expect(text(first.querySelector('[part~="who"]'))).to.equal('by Alice Example');
      const when = first.querySelector('time')!;
      expect(when.getAttribute('datetime')).to.equal('2026-10-04T09:00:00.000Z');
      expect(text(when)).to.equal(
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(TRAIL[0]!.decidedAt)),
      );
      // Comments are text, never markup.
      const comment = parts(el, 'comment')[0]!;
      expect(text(comment)).to.equal('Comment: Logo <b>larger</b>, please.');
      expect(comment.querySelector('b')).to.equal(null);
      expect(parts(el, 'entry')[1]!.dataset.decision).to.equal('changes_requested');
      await expect(el).to.be.accessible(AXE);
    });

    it('groupByVersion sorts versions and decisions newest first', () => {
      const g = groupByVersion([TRAIL[3]!, TRAIL[1]!, TRAIL[2]!, TRAIL[0]!]);
      expect(g.map((x) => x.version)).to.deep.equal([3, 2, 1]);
      expect(g[0]!.approvals.map((a) => a.id)).to.deep.equal(['apr_4', 'apr_3']);
    });
  });

  describe('attributes and properties', () => {
    it('heading-level and a new deliverable id', async () => {
      const { el, api } = await mount(undefined, 'heading-level="4"');
      await settled(el);
      expect(parts(el, 'heading')[0]!.getAttribute('aria-level')).to.equal('4');
      el.deliverableId = 'dlv_2';
      await settled(el);
      expect(el.getAttribute('deliverable-id')).to.equal('dlv_2');
      expect(calls(api, 'approvals.list').at(-1)!.url.pathname).to.match(/dlv_2\/approvals$/);
      expect(el.approvals.length).to.equal(4);
    });

    it('follows every page of the trail', async () => {
      const { el, api } = await mount((api) =>
        api.use('approvals.list', ({ query }) =>
          json(query.cursor ? { data: TRAIL.slice(2), nextCursor: null } : { data: TRAIL.slice(0, 2), nextCursor: 'next' }),
        ),
      );
      await settled(el);
      expect(calls(api, 'approvals.list').length).to.equal(2);
      expect(parts(el, 'entry').length).to.equal(4);
    });
  });

  describe('slots and events', () => {
    it('empty: the empty slot with default text, and a slotted replacement', async () => {
      const { el } = await mount((api) => api.use('approvals.list', json({ data: [], nextCursor: null })));
      await settled(el, 'empty');
      expect(text(part(el, 'empty'))).to.equal('No decisions yet.');
      await expect(el).to.be.accessible(AXE);
      const mock = createMockClient();
      mock.api.use('approvals.list', json({ data: [], nextCursor: null }));
      const custom = await fixture<El>(
        html`<portico-approval-history .client=${mock.client} deliverable-id="dlv_1"><p slot="empty">Awaiting review</p></portico-approval-history>`,
      );
      await settled(custom, 'empty');
      const slot = custom.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(text(slot.assignedElements()[0])).to.equal('Awaiting review');
    });

    it('refreshes after portico-approve on the same deliverable only', async () => {
      const { el, api } = await mount();
      await settled(el);
      const before = calls(api, 'approvals.list').length;
      document.dispatchEvent(new CustomEvent('portico-approve', { detail: { approval: approval(5, { deliverableId: 'dlv_9' }) } }));
      await aTimeout(20);
      expect(calls(api, 'approvals.list').length).to.equal(before);
      document.dispatchEvent(new CustomEvent('portico-approve', { detail: { approval: approval(5) } }));
      await waitUntil(() => calls(api, 'approvals.list').length === before + 1, 'no refresh');
    });

    it('ignores a foreign portico-approve with any detail (no error), and still refreshes on a real one', async () => {
      const { el, api } = await mount();
      await settled(el);
      const before = calls(api, 'approvals.list').length;
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => {
        errors.push(e.message);
        e.preventDefault();
      };
      window.addEventListener('error', onError);
      try {
        const other = document.createElement('button');
        document.body.append(other);
        for (const detail of [
          undefined,
          null,
          'dlv_1',
          42,
          {},
          { approval: null },
          { approval: 'dlv_1' },
          { approval: { deliverableId: 7 } },
          { deliverable: 'dlv_1' },
        ]) {
          other.dispatchEvent(new CustomEvent('portico-approve', { detail, bubbles: true, composed: true }));
          document.dispatchEvent(new Event('portico-approve'));
        }
        other.remove();
        await aTimeout(20);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
      expect(calls(api, 'approvals.list').length).to.equal(before);
      document.dispatchEvent(new CustomEvent('portico-approve', { detail: { approval: approval(5, { deliverableId: 'dlv_1' }) } }));
      await waitUntil(() => calls(api, 'approvals.list').length === before + 1, 'no refresh');
    });
  });

  describe('states', () => {
    it('loading and slow network', async () => {
      const { el } = await mount((api) => {
        api.use('approvals.list', json({ data: TRAIL, nextCursor: null }));
        api.delay(300);
      });
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
      expect(parts(el, 'entry').length).to.equal(4);
    });

    it('error: an alert, Retry recovers', async () => {
      const { el, api } = await mount((api) => api.use('approvals.list', problem(503, 'unavailable')));
      await settled(el, 'error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      api.use('approvals.list', json({ data: TRAIL, nextCursor: null }));
      part(el, 'retry')!.click();
      await settled(el);
      expect(parts(el, 'entry').length).to.equal(4);
    });

    it('malformed data: an error state', async () => {
      const { el } = await mount((api) => api.use('approvals.list', malformedList()));
      await settled(el, 'error');
      expect(text(part(el, 'error'))).to.match(/couldn’t be read/);
    });
  });

  describe('right-to-left, dark, narrow', () => {
    it('Arabic right-to-left with Arabic dates, accessible', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      mock.api.use('approvals.list', json({ data: TRAIL, nextCursor: null }));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-approval-history .client=${mock.client} deliverable-id="dlv_1"></portico-approval-history></div>`,
      );
      const el = wrapper.querySelector('portico-approval-history')!;
      await settled(el);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(parts(el, 'decision')[0])).to.equal('معتمد');
      const when = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(TRAIL[0]!.decidedAt));
      expect(text(el.shadowRoot!.querySelector('time'))).to.equal(when);
      await expect(el).to.be.accessible(AXE);
    });

    it('dark theme: other colours, accessible', async () => {
      const { el } = await mount(undefined, 'theme="dark" style="background: #0d1117"'); // a dark page behind it
      await settled(el);
      const { el: light } = await mount(undefined, 'theme="light"');
      await settled(light);
      expect(getComputedStyle(el).color).to.not.equal(getComputedStyle(light).color);
      await expect(el).to.be.accessible(AXE);
    });

    it('320 px: no horizontal overflow with long comments', async () => {
      const mock = createMockClient();
      mock.api.use('approvals.list', json({ data: [approval(1, { comment: 'x'.repeat(300) })], nextCursor: null }));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-approval-history .client=${mock.client} deliverable-id="dlv_1"></portico-approval-history></div>`,
      );
      const el = wrapper.querySelector('portico-approval-history')!;
      await settled(el);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
