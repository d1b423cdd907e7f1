import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { notification } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedList, problem } from '../../testing/mock-api.js';
import type { PorticoNotificationFeed } from './notification-feed.component.js';
import './notification-feed.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoNotificationFeed;
const $$ = (el: El, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => $$(el, `[part~="${name}"]`);
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const titles = (el: El) => parts(el, 'title').map((t) => text(t.querySelector('[dir="auto"]')));
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};
const at = new Date().toISOString();

async function mount(setup: (api: MockApi) => void = () => {}, attrs = '', wrap = '') {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<div ${wrap}><portico-notification-feed ${attrs}></portico-notification-feed></div>`}></div>`,
  );
  const el = wrapper.querySelector('portico-notification-feed')!;
  el.client = mock.client;
  return { ...mock, el };
}

describe('<portico-notification-feed>', () => {
  describe('defaults', () => {
    it('shows the unread notifications, newest first, with category, time, text as text and the action link; accessible', async () => {
      const { el, api } = await mount((api) => {
        const evil = api.handlers.get('notifications.list')!;
        api.use('notifications.list', async (req) => {
          const res = await evil(req);
          const body = res.body as { data: Array<Record<string, unknown>> };
          body.data[0]!.body = '<img src=x onerror=alert(1)> Sam from Support';
          return res;
        });
      });
      await settled(el);
      expect(el.view).to.equal('unread');
      expect(calls(api, 'notifications.list')[0]!.url.searchParams.get('unread')).to.equal('true');
      expect(titles(el)).to.deep.equal([
        'New reply on #1042',
        'Invoice INV-2026-0117',
        'Homepage mock-up v3 is ready',
        'Planned maintenance on Saturday',
      ]);
      const first = parts(el, 'item')[0]!;
      expect(first.hasAttribute('data-unread')).to.equal(true);
      expect(first.dataset.category).to.equal('tickets');
      expect(text(first.querySelector('[part~="meta"]'))).to.contain('Support');
      expect(first.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-/);
      expect(first.querySelector('[part~="body"] img')).to.equal(null);
      expect(text(first.querySelector('[part~="body"]'))).to.contain('<img');
      expect(first.querySelector('a[part~="open"]')!.getAttribute('href')).to.equal('/support/tickets/tkt_1042');
      expect(parts(el, 'item')[3]!.querySelector('a')).to.equal(null); // no link: no action link
      expect(part(el, 'views')!.getAttribute('role')).to.equal('group');
      expect(parts(el, 'view').map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('views, categories and paging', () => {
    it('all, archived and a category ask the server for them', async () => {
      const { el, api } = await mount();
      await settled(el);
      parts(el, 'view')[1]!.click();
      await settled(el);
      expect(el.view).to.equal('all');
      expect(parts(el, 'item').length).to.equal(6);
      const select = part(el, 'category') as HTMLSelectElement;
      select.value = 'projects';
      select.dispatchEvent(new Event('change'));
      await settled(el);
      expect(calls(api, 'notifications.list').at(-1)!.url.searchParams.get('category')).to.equal('projects');
      expect(titles(el)).to.deep.equal(['Homepage mock-up v3 is ready', 'Alice approved Logo v2']);
      parts(el, 'view')[2]!.click();
      await settled(el, 'empty');
      expect(calls(api, 'notifications.list').at(-1)!.url.searchParams.get('archived')).to.equal('true');
      expect(text(part(el, 'empty'))).to.equal('Nothing archived.');
      expect(part(el, 'read-all')).to.equal(null);
      await expect(el).to.be.accessible(AXE);
    });

    it('pages with Show more (cursor paging)', async () => {
      const { el, api } = await mount(undefined, 'view="all" page-size="4"');
      await settled(el);
      expect(parts(el, 'item').length).to.equal(4);
      part(el, 'more')!.click();
      await waitUntil(() => parts(el, 'item').length === 6, 'no second page');
      const second = calls(api, 'notifications.list').at(-1)!.url.searchParams;
      expect(second.get('cursor')).to.be.a('string');
      expect(second.get('limit')).to.equal('4');
    });
  });

  describe('actions and events', () => {
    it('mark read: a cancelable request event, one call with an idempotency key, the update event; the item stays until reload', async () => {
      const { el, api } = await mount();
      await settled(el);
      const canceled = oneEvent(el, 'portico-notification-update-request');
      el.addEventListener('portico-notification-update-request', (e) => e.preventDefault(), { once: true });
      parts(el, 'mark-read')[0]!.click();
      expect((await canceled).detail).to.deep.equal({ id: 'ntf_1', action: 'read' });
      await aTimeout(20);
      expect(calls(api, 'notifications.read').length).to.equal(0);
      const done = oneEvent(el, 'portico-notification-update');
      parts(el, 'mark-read')[0]!.click();
      const { detail } = await done;
      expect(detail.action).to.equal('read');
      expect(detail.notification.readAt).to.be.a('string');
      const call = calls(api, 'notifications.read')[0]!;
      expect(call.url.pathname).to.match(/ntf_1\/read$/);
      expect(call.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
      await el.updateComplete;
      expect(parts(el, 'item')[0]!.hasAttribute('data-unread')).to.equal(false);
      expect(parts(el, 'item')[0]!.querySelector('[part~="mark-read"]')).to.equal(null);
    });

    it('archive: the item leaves the feed and shows under Archived', async () => {
      const { el } = await mount();
      await settled(el);
      parts(el, 'archive')[1]!.click();
      await oneEvent(el, 'portico-notification-update');
      await el.updateComplete;
      expect(titles(el)).to.not.include('Invoice INV-2026-0117');
      el.view = 'archived';
      await settled(el);
      expect(titles(el)).to.deep.equal(['Invoice INV-2026-0117']);
      expect(part(el, 'archive')).to.equal(null);
    });

    it('mark all read: of the category shown, says how many, and the unread view is then empty', async () => {
      const { el, api } = await mount(undefined, 'category="tickets"');
      await settled(el);
      expect(titles(el)).to.deep.equal(['New reply on #1042']);
      part(el, 'read-all')!.click();
      const { detail } = await oneEvent(el, 'portico-notifications-read-all');
      expect(detail).to.deep.equal({ category: 'tickets', updated: 1 });
      expect(calls(api, 'notifications.readAll')[0]!.url.searchParams.get('category')).to.equal('tickets');
      await settled(el, 'empty');
      expect(text(part(el, 'status'))).to.equal('Marked 1 notification read.');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(text(part(el, 'empty'))).to.equal('You’re all caught up.');
      await expect(el).to.be.accessible(AXE);
    });

    it('the action link fires a cancelable portico-notification-open and marks the notification read', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.addEventListener('portico-notification-open', (e) => e.preventDefault(), { once: true });
      const opened = oneEvent(el, 'portico-notification-open');
      parts(el, 'open')[0]!.click();
      expect((await opened).detail.notification.id).to.equal('ntf_1');
      await waitUntil(() => calls(api, 'notifications.read').length === 1, 'not marked read');
      expect(location.pathname).to.not.equal('/support/tickets/tkt_1042');
    });

    it('a failed action: an alert with what happened; Try again sends it again', async () => {
      const { el, api } = await mount((api) => api.use('notifications.archive', problem(503, 'unavailable')));
      await settled(el);
      parts(el, 'archive')[0]!.click();
      await waitUntil(() => part(el, 'failure'), 'no failure');
      expect(part(el, 'failure')!.getAttribute('role')).to.equal('alert');
      expect(text(part(el, 'failure'))).to.match(/^That didn’t work\./);
      await expect(el).to.be.accessible(AXE);
      api.reset();
      (part(el, 'failure')!.querySelector('[part~="retry"]') as HTMLElement).click();
      await oneEvent(el, 'portico-notification-update');
      const keys = calls(api, 'notifications.archive').map((c) => c.headers.get('idempotency-key'));
      expect(keys.length).to.equal(1);
    });
  });

  describe('live', () => {
    it('reloads on the contact’s notification events (also “mark all read” in another tab), not on others', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams > 0, 'no stream');
      const before = calls(api, 'notifications.list').length;
      api.emit({ id: 'e1', type: 'invoice.updated', resource: { kind: 'invoice', id: 'inv_1' }, occurredAt: at });
      await aTimeout(300);
      expect(calls(api, 'notifications.list').length).to.equal(before);
      api.emit({ id: 'e2', type: 'notification.read_all', resource: { kind: 'contact', id: 'ct_alice' }, occurredAt: at });
      await waitUntil(() => calls(api, 'notifications.list').length === before + 1, 'no reload on read_all');
      api.emit({ id: 'e3', type: 'notification.created', resource: { kind: 'notification', id: 'ntf_9' }, occurredAt: at });
      await waitUntil(() => calls(api, 'notifications.list').length === before + 2, 'no reload on created');
    });

    it('catches up after the stream could not resume (stream.reset): reloads what it shows', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams > 0, 'no stream');
      const before = calls(api, 'notifications.list').length;
      api.use('notifications.list', json({ data: [notification(7, { title: 'Missed while offline', readAt: null })], nextCursor: null }));
      api.control({ type: 'stream.reset' }, '99');
      await waitUntil(() => titles(el)[0] === 'Missed while offline', 'did not catch up');
      expect(calls(api, 'notifications.list').length).to.be.greaterThan(before);
    });
  });

  describe('states', () => {
    it('loading: a status; error: an alert with Retry that recovers; accessible in each', async () => {
      const { el, api } = await mount((api) => {
        api.use('notifications.list', problem(503, 'unavailable'));
        api.delay(200);
      });
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el, 'error');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      api.delay(0);
      api.reset();
      part(el, 'retry')!.click();
      await settled(el);
      expect(parts(el, 'item').length).to.equal(4);
    });

    it('malformed data: an error state, never a crash', async () => {
      const { el } = await mount((api) => api.use('notifications.list', malformedList()));
      await settled(el, 'error');
      expect(text(part(el, 'error'))).to.match(/couldn’t be read/);
    });
  });

  describe('keyboard', () => {
    it('views, category, mark all read and each item’s actions are reachable with Tab and work with Enter', async () => {
      const { el } = await mount();
      await settled(el);
      parts(el, 'view')[0]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(parts(el, 'view')[1]);
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(el.view).to.equal('all');
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(el.shadowRoot!.activeElement?.getAttribute('part') ?? '');
      }
      expect(order).to.deep.equal(['view', 'category', 'read-all', 'open', 'mark-read', 'archive']);
      const archived = oneEvent(el, 'portico-notification-update');
      await sendKeys({ press: 'Enter' });
      expect((await archived).detail.action).to.equal('archive');
    });
  });

  describe('languages, dark, narrow', () => {
    for (const [lang, dir, word] of [
      ['de', 'ltr', 'Ungelesen'],
      ['ar', 'rtl', 'غير المقروءة'],
    ] as const) {
      it(`${lang}: translated, ${dir}, accessible`, async () => {
        await loadLocale(lang);
        const { el } = await mount(undefined, '', `lang="${lang}" dir="${dir}"`);
        await settled(el);
        expect(part(el, 'base')!.getAttribute('dir')).to.equal(dir);
        expect(text(parts(el, 'view')[0])).to.equal(word);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('dark theme and 320 px: no overflow, accessible', async () => {
      const { el } = await mount(
        (api) =>
          api.use('notifications.list', json({ data: [notification(1, { title: 'x'.repeat(300), readAt: null })], nextCursor: null })),
        'theme="dark"',
        'style="inline-size: 320px"',
      );
      await settled(el);
      const base = part(el, 'base')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
