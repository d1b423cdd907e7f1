import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { notificationPreferences } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoNotificationPreferences } from './notification-preferences.component.js';
import './notification-preferences.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoNotificationPreferences;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const switches = (el: El) => parts(el, 'switch') as HTMLInputElement[];
const sw = (el: El, category: string, channel: string) =>
  switches(el).find((s) => s.dataset.channel === channel && s.getAttribute('aria-labelledby')!.startsWith(`row-${category} `))!;
/** The accessible name a screen reader gets: the texts of the elements `aria-labelledby` names, in order. */
const nameOf = (el: El, input: HTMLElement) =>
  input
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => text(el.shadowRoot!.getElementById(id)))
    .join(' ');
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};

async function mount(setup: (api: MockApi) => void = () => {}, wrap = '', state = 'content') {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div .innerHTML=${`<div ${wrap}><portico-notification-preferences></portico-notification-preferences></div>`}></div>`,
  );
  const el = wrapper.querySelector('portico-notification-preferences')!;
  el.client = mock.client;
  await settled(el, state);
  return { ...mock, el };
}

describe('<portico-notification-preferences>', () => {
  it('a table of switches, category × channel, each named by its row and column; accessible', async () => {
    const { el } = await mount();
    expect(part(el, 'table')!.tagName).to.equal('TABLE');
    expect(parts(el, 'row').length).to.equal(4);
    expect(switches(el).length).to.equal(8);
    expect(switches(el).every((s) => s.getAttribute('role') === 'switch')).to.equal(true);
    expect(nameOf(el, sw(el, 'tickets', 'inPortal'))).to.equal('Support Replies to your tickets and changes of their status In the portal');
    // The fixture: email off for announcements.
    expect(sw(el, 'announcements', 'email').checked).to.equal(false);
    expect(sw(el, 'announcements', 'email').getAttribute('aria-checked')).to.equal('false');
    expect(sw(el, 'tickets', 'email').checked).to.equal(true);
    await expect(el).to.be.accessible(AXE);
  });

  it('flipping a switch saves that one switch at once (idempotency key), says “Saved.” and fires the events', async () => {
    const { el, api } = await mount();
    const request = oneEvent(el, 'portico-preferences-change-request');
    const changed = oneEvent(el, 'portico-preferences-change');
    sw(el, 'billing', 'email').click();
    expect((await request).detail.switch).to.deep.equal({ category: 'billing', channel: 'email', enabled: false });
    const { detail } = await changed;
    expect(detail.preferences.categories.find((c: { category: string }) => c.category === 'billing')!.email).to.equal(false);
    const call = calls(api, 'notifications.updatePreferences')[0]!;
    expect(call.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
    await el.updateComplete;
    expect(text(part(el, 'status'))).to.equal('Saved.');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    expect(sw(el, 'billing', 'email').checked).to.equal(false);
  });

  it('a canceled request keeps the switch as it was and sends nothing', async () => {
    const { el, api } = await mount();
    el.addEventListener('portico-preferences-change-request', (e) => e.preventDefault(), { once: true });
    sw(el, 'tickets', 'inPortal').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls(api, 'notifications.updatePreferences').length).to.equal(0);
    expect(sw(el, 'tickets', 'inPortal').checked).to.equal(true);
  });

  it('a refused change is undone, with an alert that says so and Try again; accessible', async () => {
    const { el, api } = await mount((api) => api.use('notifications.updatePreferences', problem(503, 'unavailable')));
    sw(el, 'projects', 'inPortal').click();
    await waitUntil(() => part(el, 'failure'), 'no failure');
    expect(part(el, 'failure')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'failure'))).to.match(/^Your change wasn’t saved\./);
    expect(sw(el, 'projects', 'inPortal').checked).to.equal(true);
    await expect(el).to.be.accessible(AXE);
    api.reset();
    (part(el, 'failure')!.querySelector('[part~="retry"]') as HTMLElement).click();
    await oneEvent(el, 'portico-preferences-change');
    await el.updateComplete;
    expect(sw(el, 'projects', 'inPortal').checked).to.equal(false);
  });

  it('keyboard: Tab moves between switches, Space flips one', async () => {
    const { el } = await mount();
    sw(el, 'tickets', 'inPortal').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(sw(el, 'tickets', 'email'));
    const changed = oneEvent(el, 'portico-preferences-change');
    await sendKeys({ press: 'Space' });
    expect((await changed).detail.switch).to.deep.equal({ category: 'tickets', channel: 'email', enabled: false });
  });

  it('live: a change in another tab (contact.updated) shows here', async () => {
    const { el, api } = await mount();
    await waitUntil(() => api.openStreams > 0, 'no stream');
    api.use('notifications.preferences', json(notificationPreferences({ tickets: { inPortal: false, email: false } })));
    api.emit({ id: 'e1', type: 'contact.updated', resource: { kind: 'contact', id: 'ct_alice' }, occurredAt: new Date().toISOString() });
    await waitUntil(() => !sw(el, 'tickets', 'inPortal').checked, 'not reloaded');
  });

  it('loading, error with Retry, malformed: each accessible', async () => {
    const { el, api } = await mount((api) => api.use('notifications.preferences', problem(503, 'unavailable')), '', 'error');
    expect(part(el, 'error')).to.exist;
    await expect(el).to.be.accessible(AXE);
    api.use('notifications.preferences', malformedJson());
    part(el, 'retry')!.click();
    await settled(el, 'error');
    expect(text(part(el, 'error'))).to.match(/couldn’t be read/);
    api.reset();
    api.delay(200);
    part(el, 'retry')!.click();
    await el.updateComplete;
    expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible(AXE);
    await settled(el);
    expect(switches(el).length).to.equal(8);
  });

  for (const [lang, dir, head] of [
    ['de', 'ltr', 'Per E-Mail'],
    ['ar', 'rtl', 'بالبريد الإلكتروني'],
  ] as const) {
    it(`${lang}: translated, ${dir}, accessible`, async () => {
      await loadLocale(lang);
      const { el } = await mount(undefined, `lang="${lang}" dir="${dir}"`);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal(dir);
      expect(text(el.shadowRoot!.getElementById('col-email'))).to.equal(head);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('dark, 320 px: no horizontal overflow, accessible', async () => {
    const { el } = await mount(undefined, 'style="inline-size: 320px" theme="dark"');
    el.theme = 'dark';
    await el.updateComplete;
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible(AXE);
  });
});
