import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, problem } from '../../testing/mock-api.js';
import type { PorticoNotificationBell } from './notification-bell.component.js';
import './notification-bell.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoNotificationBell;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const button = (el: El) => part(el, 'button')!;
const label = (el: El) => button(el).getAttribute('aria-label');
const at = new Date().toISOString();
const counted = async (el: El) => {
  await waitUntil(() => el.unread !== undefined || button(el).getAttribute('aria-busy') === 'false', 'no count', { timeout: 4000 });
  await el.updateComplete;
};
/** The feed inside the open popover, loaded. */
const feedOf = async (el: El) => {
  await waitUntil(() => part(el, 'feed')?.shadowRoot?.querySelector('[part~="content"], [part~="empty"]'), 'no feed', { timeout: 4000 });
  return part(el, 'feed') as HTMLElement & { updateComplete: Promise<unknown> };
};

async function mount(setup: (api: MockApi) => void = () => {}, attrs = '', wrap = '') {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<div ${wrap}><p><a href="#x">Before</a></p><portico-notification-bell ${attrs}></portico-notification-bell></div>`}></div>`,
  );
  const el = wrapper.querySelector('portico-notification-bell')!;
  el.client = mock.client;
  await counted(el);
  return { ...mock, el, wrapper };
}

describe('<portico-notification-bell>', () => {
  it('shows the unread count on a button whose name says it; no feed code until opened; accessible', async () => {
    const { el, api } = await mount();
    expect(el.unread).to.equal(4);
    expect(text(part(el, 'badge'))).to.equal('4');
    expect(part(el, 'badge')!.getAttribute('aria-hidden')).to.equal('true');
    expect(label(el)).to.equal('Notifications, 4 unread');
    expect(button(el).getAttribute('aria-expanded')).to.equal('false');
    expect(calls(api, 'notifications.summary').length).to.equal(1);
    expect(calls(api, 'notifications.list').length).to.equal(0);
    expect(customElements.get('portico-notification-feed')).to.equal(undefined);
    await expect(el).to.be.accessible(AXE);
  });

  it('no badge at 0, “99+” past 99', async () => {
    const { el: none } = await mount((api) => api.use('notifications.summary', json({ unread: 0 })));
    expect(part(none, 'badge')).to.equal(null);
    expect(label(none)).to.equal('Notifications, 0 unread');
    const { el: many } = await mount((api) => api.use('notifications.summary', json({ unread: 1234 })));
    expect(text(part(many, 'badge'))).to.equal('99+');
    expect(label(many)).to.equal('Notifications, 1,234 unread');
  });

  it('error: the name says the count is unknown, a portico-error, and opening reads it again', async () => {
    const errors: string[] = [];
    document.addEventListener('portico-error', (e) => errors.push(e.detail.code), { once: true });
    const { el, api } = await mount((api) => api.use('notifications.summary', problem(503, 'unavailable')));
    await waitUntil(() => el.shadowRoot!.querySelector('.badge--unknown'), 'no error badge');
    expect(label(el)).to.equal('Notifications (the unread count could not be loaded)');
    expect(errors).to.deep.equal(['unavailable']);
    await expect(el).to.be.accessible(AXE);
    api.reset();
    button(el).click();
    await waitUntil(() => el.unread === 4, 'not read again');
    await feedOf(el);
  });

  it('opens a dialog with the feed (loaded on demand) and the host’s link; Escape closes it and returns focus; accessible open', async () => {
    const { el } = await mount(undefined, 'href="/notifications"');
    button(el).focus();
    await sendKeys({ press: 'Enter' });
    const feed = await feedOf(el);
    expect(el.open).to.equal(true);
    expect(button(el).getAttribute('aria-expanded')).to.equal('true');
    const panel = part(el, 'panel')!;
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.getAttribute('aria-label')).to.equal('Notifications');
    expect(button(el).getAttribute('aria-controls')).to.equal(panel.id);
    expect(el.shadowRoot!.activeElement).to.equal(panel);
    expect(customElements.get('portico-notification-feed')).to.not.equal(undefined);
    expect(feed.hasAttribute('compact')).to.equal(true);
    expect(part(el, 'all')!.getAttribute('href')).to.equal('/notifications');
    await expect(el).to.be.accessible(AXE);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(part(el, 'panel')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
  });

  it('closes on a click outside and when focus leaves it', async () => {
    const { el, wrapper } = await mount();
    button(el).click();
    await feedOf(el);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.open).to.equal(false);
    button(el).click();
    await feedOf(el);
    wrapper.querySelector('a')!.focus();
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('never drifts: marking read in the feed lowers the count at once; “mark all read” brings it to 0', async () => {
    const { el } = await mount();
    button(el).click();
    const feed = await feedOf(el);
    (feed.shadowRoot!.querySelector('[part~="mark-read"]') as HTMLElement).click();
    await waitUntil(() => el.unread === 3, `count ${el.unread}, not 3`);
    expect(label(el)).to.equal('Notifications, 3 unread');
    (feed.shadowRoot!.querySelector('[part~="read-all"]') as HTMLElement).click();
    await waitUntil(() => el.unread === 0, `count ${el.unread}, not 0`);
    expect(part(el, 'badge')).to.equal(null);
  });

  it('follows another tab: live notification events and a read-all elsewhere re-read the count; other events do not', async () => {
    let unread = 4;
    const { el, api } = await mount((api) => api.use('notifications.summary', () => json({ unread })));
    await waitUntil(() => api.openStreams > 0, 'no stream');
    const before = calls(api, 'notifications.summary').length;
    api.emit({ id: 'e1', type: 'ticket.updated', resource: { kind: 'ticket', id: 'tkt_1' }, occurredAt: at });
    await aTimeout(300);
    expect(calls(api, 'notifications.summary').length).to.equal(before);
    unread = 5;
    api.emit({ id: 'e2', type: 'notification.created', resource: { kind: 'notification', id: 'ntf_9' }, occurredAt: at });
    await waitUntil(() => el.unread === 5, 'no new count');
    unread = 0;
    api.emit({ id: 'e3', type: 'notification.read_all', resource: { kind: 'contact', id: 'ct_alice' }, occurredAt: at });
    await waitUntil(() => el.unread === 0, 'read-all elsewhere not followed');
  });

  it('catches up after a reconnect that may have missed events', async () => {
    let unread = 4;
    const { el, api } = await mount((api) => api.use('notifications.summary', () => json({ unread })));
    await waitUntil(() => api.openStreams > 0, 'no stream');
    unread = 7;
    api.control({ type: 'stream.reset' }, '42');
    await waitUntil(() => el.unread === 7, 'did not catch up');
  });

  for (const [lang, dir, name] of [
    ['de', 'ltr', 'Benachrichtigungen, 4 ungelesen'],
    ['ar', 'rtl', `الإشعارات، ${new Intl.NumberFormat('ar').format(4)} إشعارات غير مقروءة`],
  ] as const) {
    it(`${lang}: translated name, ${dir}, accessible open and closed`, async () => {
      await loadLocale(lang);
      const { el } = await mount(undefined, '', `lang="${lang}" dir="${dir}"`);
      await waitUntil(() => label(el) === name, `label ${label(el)}`);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal(dir);
      await expect(el).to.be.accessible(AXE);
      button(el).click();
      await feedOf(el);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('dark theme, 320 px: the open popover stays inside the viewport', async () => {
    const { el } = await mount(undefined, 'theme="dark"', 'style="inline-size: 320px; margin-inline-start: auto"');
    button(el).click();
    await feedOf(el);
    const r = part(el, 'panel')!.getBoundingClientRect();
    expect(r.left).to.be.at.least(0);
    expect(r.right).to.be.at.most(document.documentElement.clientWidth + 1);
    await expect(el).to.be.accessible(AXE);
  });
});
