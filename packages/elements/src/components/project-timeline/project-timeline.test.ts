import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Milestone } from '@portico/contract';
import { project } from '@portico/contract/fixtures';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoProjectTimeline } from './project-timeline.component.js';
import { isOverdue, localDate } from './project-timeline.component.js';
import './project-timeline.js';
import { MAX_MILESTONES } from '@portico/contract';
import { longTasksDuring } from '../../testing/long-tasks.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoProjectTimeline;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};
const day = (offset: number) => localDate(new Date(Date.now() + offset * 86_400_000));

const MILESTONES: Milestone[] = [
  { id: 'ms_1', title: 'Discovery', dueOn: day(-30), status: 'done', completedAt: '2026-01-10T10:00:00.000Z' },
  { id: 'ms_2', title: 'Design', dueOn: day(-2), status: 'in_progress', completedAt: null },
  { id: 'ms_3', title: 'Build', dueOn: day(20), status: 'planned', completedAt: null },
  { id: 'ms_4', title: 'Launch', dueOn: null, status: 'planned', completedAt: null },
];

async function mount(
  setup: (api: MockApi) => void = (api) => api.use('projects.get', json(project(1, { milestones: MILESTONES }))),
  attrs = '',
) {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<portico-project-timeline project-id="prj_1" ${attrs}></portico-project-timeline>`}></div>`,
  );
  const el = wrapper.querySelector('portico-project-timeline')!;
  el.client = mock.client;
  return { ...mock, el };
}

describe('<portico-project-timeline>', () => {
  describe('defaults', () => {
    it('renders nothing without a project id', async () => {
      const mock = createMockClient();
      const el = await fixture<El>(html`<portico-project-timeline .client=${mock.client}></portico-project-timeline>`);
      await aTimeout(50);
      expect(el.projectId).to.equal('');
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(calls(mock.api, 'projects.get').length).to.equal(0);
    });

    it('an ordered list of milestones with status, due date and overdue as text', async () => {
      const { el } = await mount();
      await settled(el);
      const list = part(el, 'list')!;
      expect(list.tagName).to.equal('OL');
      expect(list.getAttribute('aria-label')).to.equal('Milestones of Website redesign 1');
      expect(parts(el, 'title').map(text)).to.deep.equal(['Discovery', 'Design', 'Build', 'Launch']);
      expect(parts(el, 'status').map(text)).to.deep.equal(['Status: Done', 'Status: In progress', 'Status: Planned', 'Status: Planned']);
      const fmt = (d: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(d));
      const due = parts(el, 'due');
      expect(due[2]!.tagName).to.equal('TIME');
      expect(due[2]!.getAttribute('datetime')).to.equal(MILESTONES[2]!.dueOn);
      expect(text(due[2])).to.equal(`Due ${fmt(MILESTONES[2]!.dueOn!)}`);
      expect(text(due[3])).to.equal('No due date');
      // Overdue: the past-due milestone that is not done, and only it.
      const items = parts(el, 'milestone');
      expect(items.map((i) => !!i.querySelector('[part~="overdue"]'))).to.deep.equal([false, true, false, false]);
      expect(items.map((i) => i.hasAttribute('data-overdue'))).to.deep.equal([false, true, false, false]);
      expect(text(items[1]!.querySelector('.overdue'))).to.equal('Overdue');
      expect(items[0]!.querySelector('.overdue')).to.equal(null);
      expect(text(items[0]!.querySelector('[part~="completed"]'))).to.match(/^Completed /);
      expect(items.map((i) => i.getAttribute('aria-current'))).to.deep.equal([null, 'step', null, null]);
      await expect(el).to.be.accessible(AXE);
    });

    it('isOverdue compares calendar days', () => {
      const m = MILESTONES[2]!;
      expect(isOverdue({ ...m, dueOn: '2026-05-01' }, '2026-05-01')).to.equal(false);
      expect(isOverdue({ ...m, dueOn: '2026-04-30' }, '2026-05-01')).to.equal(true);
      expect(isOverdue({ ...m, dueOn: '2026-04-30', status: 'done' }, '2026-05-01')).to.equal(false);
      expect(isOverdue({ ...m, dueOn: null }, '2026-05-01')).to.equal(false);
    });
  });

  describe('attributes and slots', () => {
    it('project-id reflects and reloads', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.projectId = 'prj_2';
      await el.updateComplete;
      expect(el.getAttribute('project-id')).to.equal('prj_2');
      await waitUntil(() => calls(api, 'projects.get').length === 2);
      expect(calls(api, 'projects.get')[1]!.url.pathname).to.match(/\/projects\/prj_2$/);
    });

    it('empty: default text, and the empty slot', async () => {
      const { el } = await mount((api) => api.use('projects.get', json(project(1, { milestones: [] }))));
      await settled(el, 'empty');
      expect(text(part(el, 'empty'))).to.equal('No milestones yet.');
      await expect(el).to.be.accessible(AXE);
      const mock = createMockClient();
      mock.api.use('projects.get', json(project(1, { milestones: [] })));
      const custom = await fixture<El>(
        html`<portico-project-timeline .client=${mock.client} project-id="prj_1"><p slot="empty">Plan coming soon</p></portico-project-timeline>`,
      );
      await settled(custom, 'empty');
      const slot = custom.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(text(slot.assignedElements()[0])).to.equal('Plan coming soon');
    });
  });

  describe('states and events', () => {
    it('loading and slow network', async () => {
      const { el } = await mount((api) => api.delay(300));
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
      expect(parts(el, 'milestone').length).to.equal(3);
    });

    it('error: portico-error, an alert, Retry recovers', async () => {
      const errors: string[] = [];
      document.addEventListener('portico-error', (e) => errors.push(e.detail.code));
      const { el, api } = await mount((api) => api.use('projects.get', problem(404, 'not_found')));
      await settled(el, 'error');
      expect(errors.includes('not_found')).to.equal(true);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(part(el, 'error'))).to.match(/couldn’t be found/);
      await expect(el).to.be.accessible(AXE);
      api.reset();
      part(el, 'retry')!.click();
      await settled(el);
      expect(parts(el, 'milestone').length).to.equal(3);
    });

    it('malformed data: an error state', async () => {
      const { el } = await mount((api) => api.use('projects.get', malformedJson()));
      await settled(el, 'error');
      expect(text(part(el, 'error'))).to.match(/couldn’t be read/);
      const { el: bad } = await mount((api) =>
        api.use('projects.get', json({ ...project(1), milestones: [{ id: 'ms_1', title: 'X', dueOn: 'soon', status: 'late' }] })),
      );
      await settled(bad, 'error');
    });
  });

  describe('right-to-left, dark, narrow', () => {
    it('Arabic right-to-left with Arabic dates, accessible', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      mock.api.use('projects.get', json(project(1, { milestones: MILESTONES })));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-project-timeline .client=${mock.client} project-id="prj_1"></portico-project-timeline></div>`,
      );
      const el = wrapper.querySelector('portico-project-timeline')!;
      await settled(el);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
      expect(text(el.shadowRoot!.querySelector('.overdue'))).to.equal('متأخرة');
      const date = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(MILESTONES[2]!.dueOn!));
      expect(text(parts(el, 'due')[2])).to.equal(`تاريخ الاستحقاق ${date}`);
      // The rail sits on the right.
      const marker = parts(el, 'milestone')[0]!.querySelector('.marker')!.getBoundingClientRect();
      const item = parts(el, 'milestone')[0]!.getBoundingClientRect();
      expect(Math.round(item.right - marker.right)).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('German', async () => {
      await loadLocale('de');
      const { el } = await mount(undefined, 'lang="de"');
      await settled(el);
      expect(text(el.shadowRoot!.querySelector('.overdue'))).to.equal('Überfällig');
    });

    it('dark theme: other colours, accessible', async () => {
      const { el } = await mount(undefined, 'theme="dark"');
      await settled(el);
      const { el: light } = await mount(undefined, 'theme="light"');
      await settled(light);
      expect(getComputedStyle(el).color).to.not.equal(getComputedStyle(light).color);
      await expect(el).to.be.accessible(AXE);
    });

    it('320 px: no horizontal overflow with long titles', async () => {
      const { el } = await mount((api) =>
        api.use('projects.get', json(project(1, { milestones: [{ ...MILESTONES[1]!, title: 'Supercalifragilistic'.repeat(8) }] }))),
      );
      el.parentElement!.style.inlineSize = '320px';
      await settled(el);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('large projects', () => {
    const many = (n: number): Milestone[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `ms_${i}`,
        title: `Milestone ${i}`,
        dueOn: day(i - 50),
        status: 'planned',
        completedAt: null,
      }));

    it('the largest project the contract allows (MAX_MILESTONES of 10,000) renders with no task over 200 ms and says the list is cut', async () => {
      let el!: El;
      const tasks = await longTasksDuring(async () => {
        ({ el } = await mount((api) =>
          api.use('projects.get', json(project(1, { milestones: many(MAX_MILESTONES), milestoneCount: 10_000 }))),
        ));
        await settled(el);
      });
      expect(Math.max(0, ...tasks), `long tasks: ${tasks.join(', ')}`).to.be.below(200);
      expect(parts(el, 'milestone')).to.have.length(MAX_MILESTONES);
      expect(text(part(el, 'more'))).to.equal(`Showing the first ${MAX_MILESTONES} of 10,000 milestones.`);
      await expect(el).to.be.accessible(AXE);
    });

    it('a response with more milestones than the contract allows (10,000) is refused: the error state, never a 10,000-item render (before the bound it froze the tab for seconds)', async () => {
      const response = json(project(1, { milestones: many(10_000) }));
      // Parsing the ~4 MB answer is the request's cost, not the render's: bounded by settled()'s 4 s rather than by long tasks.
      const { el } = await mount((api) => api.use('projects.get', response));
      await settled(el, 'error');
      expect(parts(el, 'milestone')).to.have.length(0);
    });
  });
});
