import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { profile } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockApi, malformedJson, problem } from '../../testing/mock-api.js';
import type { PorticoProfile } from './profile.component.js';
import './profile.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
type El = PorticoProfile;
const part = (el: El, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: El, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const calls = (api: MockApi, key: string) => api.calls.filter((c) => c.key === key);
const fields = (el: El) => parts(el, 'field').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]);
const settled = async (el: El, name = 'content') => {
  await el.updateComplete;
  await waitUntil(() => part(el, name) && !el.shadowRoot!.querySelector('[aria-busy="true"]'), `no ${name}`, { timeout: 4000 });
  await el.updateComplete;
};
const choose = (select: HTMLElement, value: string) => {
  (select as HTMLSelectElement).value = value;
  select.dispatchEvent(new Event('change'));
};

async function mount(setup: (api: MockApi) => void = () => {}, wrap = '', state = 'content') {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(html`<div .innerHTML=${`<div ${wrap}><portico-profile></portico-profile></div>`}></div>`);
  const el = wrapper.querySelector('portico-profile')!;
  el.client = mock.client;
  await settled(el, state);
  return { ...mock, el };
}

describe('<portico-profile>', () => {
  it('name and email read-only, language and time zone as labelled selects where editable; accessible', async () => {
    const { el } = await mount();
    expect(fields(el).slice(0, 2)).to.deep.equal([
      ['Name', 'Alice Example'],
      ['Email', 'alice@acme.example'],
    ]);
    const lang = part(el, 'language') as HTMLSelectElement;
    const tz = part(el, 'time-zone') as HTMLSelectElement;
    expect(lang.value).to.equal('en');
    expect(tz.value).to.equal('Europe/Berlin');
    expect(el.shadowRoot!.querySelector('label[for="language"]')!.textContent).to.equal('Language');
    expect([...lang.options].find((o) => o.value === 'de')!.textContent).to.equal('Deutsch');
    expect(tz.options.length).to.be.greaterThan(100);
    expect(part(el, 'manage')!.getAttribute('href')).to.equal('https://host.example/account');
    await expect(el).to.be.accessible(AXE);
  });

  it('Save sends only what changed (with an idempotency key), says “Saved.” and fires the events', async () => {
    const { el, api } = await mount();
    choose(part(el, 'time-zone')!, 'America/New_York');
    const request = oneEvent(el, 'portico-profile-change-request');
    const changed = oneEvent(el, 'portico-profile-change');
    part(el, 'save')!.click();
    expect((await request).detail.changes).to.deep.equal({ timeZone: 'America/New_York' });
    expect((await changed).detail.profile.timeZone).to.equal('America/New_York');
    const call = calls(api, 'profile.update')[0]!;
    expect(call.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
    await settled(el);
    expect(text(part(el, 'status'))).to.equal('Saved.');
    expect((part(el, 'time-zone') as HTMLSelectElement).value).to.equal('America/New_York');
    // "Not set" clears it.
    choose(part(el, 'language')!, '');
    part(el, 'save')!.click();
    expect((await oneEvent(el, 'portico-profile-change')).detail.changes).to.deep.equal({ language: null });
  });

  it('read-only where the host manages the fields: no form, the host’s link; accessible', async () => {
    const { el, api } = await mount((api) =>
      api.use('profile.get', json(profile({ editable: [], manageUrl: 'https://host.example/me', language: 'de', timeZone: 'Asia/Tokyo' }))),
    );
    expect(el.shadowRoot!.querySelector('form, select, [part~="save"]')).to.equal(null);
    expect(fields(el)).to.deep.equal([
      ['Name', 'Alice Example'],
      ['Email', 'alice@acme.example'],
      ['Language', 'Deutsch'],
      ['Time zone', 'Asia/Tokyo'],
    ]);
    expect(part(el, 'manage')!.getAttribute('href')).to.equal('https://host.example/me');
    expect(calls(api, 'profile.update').length).to.equal(0);
    await expect(el).to.be.accessible(AXE);
  });

  it('only the time zone editable: language read-only, “Not set” when empty, no link without one', async () => {
    const { el } = await mount((api) => api.use('profile.get', json(profile({ editable: ['timeZone'], language: null, manageUrl: null }))));
    expect(part(el, 'language')).to.equal(null);
    expect(part(el, 'time-zone')).to.exist;
    expect(fields(el)[2]).to.deep.equal(['Language', 'Not set']);
    expect(part(el, 'manage')).to.equal(null);
  });

  it('a refused save: an alert with what happened and Try again; accessible', async () => {
    const { el, api } = await mount((api) => api.use('profile.update', problem(403, 'forbidden')));
    choose(part(el, 'language')!, 'fr');
    part(el, 'save')!.click();
    await waitUntil(() => part(el, 'failure'), 'no failure');
    expect(part(el, 'failure')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'failure'))).to.match(/^Your profile wasn’t saved\./);
    await expect(el).to.be.accessible(AXE);
    api.reset();
    (part(el, 'failure')!.querySelector('[part~="retry"]') as HTMLElement).click();
    expect((await oneEvent(el, 'portico-profile-change')).detail.changes).to.deep.equal({ language: 'fr' });
  });

  it('keyboard: Tab to the selects and Save; Enter submits', async () => {
    const { el } = await mount();
    (part(el, 'language') as HTMLSelectElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'time-zone'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'save'));
    choose(part(el, 'language')!, 'nl');
    const changed = oneEvent(el, 'portico-profile-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.changes).to.deep.equal({ language: 'nl' });
  });

  it('live: a change from another tab (contact.updated) shows here', async () => {
    const { el, api } = await mount();
    await waitUntil(() => api.openStreams > 0, 'no stream');
    api.use('profile.get', json(profile({ timeZone: 'Asia/Tokyo' })));
    api.emit({ id: 'e1', type: 'contact.updated', resource: { kind: 'contact', id: 'ct_alice' }, occurredAt: new Date().toISOString() });
    await waitUntil(() => (part(el, 'time-zone') as HTMLSelectElement | null)?.value === 'Asia/Tokyo', 'not reloaded');
  });

  it('error with Retry, malformed, loading: each accessible', async () => {
    const { el, api } = await mount((api) => api.use('profile.get', problem(503, 'unavailable')), '', 'error');
    await expect(el).to.be.accessible(AXE);
    api.use('profile.get', malformedJson());
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
  });

  for (const [lang, dir, word] of [
    ['de', 'ltr', 'Zeitzone'],
    ['ar', 'rtl', 'المنطقة الزمنية'],
  ] as const) {
    it(`${lang}: translated, ${dir}, accessible`, async () => {
      await loadLocale(lang);
      const { el } = await mount(undefined, `lang="${lang}" dir="${dir}"`);
      expect(part(el, 'base')!.getAttribute('dir')).to.equal(dir);
      expect(text(el.shadowRoot!.querySelector('label[for="timeZone"]'))).to.equal(word);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('dark, 320 px: no horizontal overflow with a long name, accessible', async () => {
    const { el } = await mount(
      (api) => api.use('profile.get', json(profile({ name: 'N'.repeat(200), email: `${'e'.repeat(120)}@example.com` }))),
      'style="inline-size: 320px"',
    );
    el.theme = 'dark';
    await el.updateComplete;
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible(AXE);
  });
});
