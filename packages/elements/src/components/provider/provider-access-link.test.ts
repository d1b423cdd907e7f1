import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { project } from '@portico/contract/fixtures';
import { createMockApi, json, type MockApi, problem } from '../../testing/mock-api.js';
import '../project-timeline/project-timeline.js';
import type { PorticoProjectTimeline } from '../project-timeline/project-timeline.component.js';
import type { PorticoProvider } from './provider.component.js';
import './provider.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const REDEEM = 'https://portal.test/portal/v1/access-links/redeem';

interface Redemption {
  method: string;
  body: unknown;
  referrerPolicy?: string;
}

/** A fetch: the redemption endpoint answered by `answer` (one per call, the last repeats), the rest by the mock API. */
function serverWith(api: MockApi, answers: Array<() => Response>) {
  const redemptions: Redemption[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(REDEEM)) {
      redemptions.push({ method: init?.method ?? 'GET', body: JSON.parse(String(init?.body)), referrerPolicy: init?.referrerPolicy });
      return answers[Math.min(redemptions.length - 1, answers.length - 1)]!();
    }
    return api.fetch(input, init);
  };
  return { fetchFn, redemptions };
}
const guest =
  (token: string, renewable = true) =>
  () =>
    new Response(JSON.stringify({ token, expires_at: new Date(Date.now() + 900_000).toISOString(), project_id: 'prj_1', renewable }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
const refused = (status: number, code: string) => () =>
  new Response(JSON.stringify({ title: 'x', status, code }), { status, headers: { 'content-type': 'application/problem+json' } });

async function mount(fetchFn: typeof fetch, hash = '#link=link-token-1') {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const provider = await fixture<PorticoProvider>(html`<portico-provider
    access-link
    base-url="https://portal.test"
    .clientOptions=${{ fetch: fetchFn, retry: { limit: 0 } }}
  >
    <portico-project-timeline project-id="prj_1"></portico-project-timeline>
  </portico-provider>`);
  return provider;
}
const errorText = (p: PorticoProvider) => p.shadowRoot!.querySelector('[part~="link-error"]')?.textContent?.replace(/\s+/g, ' ').trim();
const timelineLoaded = (p: PorticoProvider) => {
  const t = p.querySelector<PorticoProjectTimeline>('portico-project-timeline')!;
  return waitUntil(() => t.shadowRoot!.querySelector('[part~="content"]'), 'timeline not loaded', { timeout: 4000 });
};

describe('<portico-provider access-link>', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('takes the token from the fragment, removes it from the address bar (keeping the rest), and POSTs it for the guest token the components use', async () => {
    const api = createMockApi();
    api.use('projects.get', json(project(1)));
    const server = serverWith(api, [guest('guest-1')]);
    const provider = await mount(server.fetchFn, '#link=link-token-1&tab=files');
    await waitUntil(() => location.hash === '#tab=files', `hash: ${location.hash}`, { timeout: 4000 });
    expect(location.href).not.to.contain('link-token-1');
    await timelineLoaded(provider);
    expect(server.redemptions).to.deep.equal([{ method: 'POST', body: { token: 'link-token-1' }, referrerPolicy: 'no-referrer' }]);
    const call = api.calls.find((c) => c.key === 'projects.get')!;
    expect(call.headers.get('authorization')).to.equal('Bearer guest-1');
    expect(errorText(provider)).to.equal(undefined);
  });

  it('asks again with the same link token when the API refuses the guest token (401), and goes on with the new one', async () => {
    const api = createMockApi();
    let n = 0;
    api.use('projects.get', (req) =>
      n++ === 0 && req.headers.get('authorization') === 'Bearer guest-1' ? problem(401, 'token_expired') : json(project(1)),
    );
    const server = serverWith(api, [guest('guest-1'), guest('guest-2')]);
    const provider = await mount(server.fetchFn);
    await timelineLoaded(provider);
    expect(server.redemptions.map((r) => r.body)).to.deep.equal([{ token: 'link-token-1' }, { token: 'link-token-1' }]);
    expect(
      api.calls
        .filter((c) => c.key === 'projects.get')
        .at(-1)!
        .headers.get('authorization'),
    ).to.equal('Bearer guest-2');
  });

  it('keeps the link for a reload of the same tab (sessionStorage), not in the address bar', async () => {
    const api = createMockApi();
    api.use('projects.get', json(project(1)));
    await timelineLoaded(await mount(serverWith(api, [guest('g')]).fetchFn));
    const again = serverWith(api, [guest('g2')]);
    const provider = await mount(again.fetchFn, '');
    await timelineLoaded(provider);
    expect(again.redemptions[0]!.body).to.deep.equal({ token: 'link-token-1' });
  });

  for (const [code, status, message] of [
    ['link_revoked', 410, 'This link was turned off by the sender. Ask them for a new link.'],
    ['link_expired', 410, 'This link has expired. Ask the sender for a new link.'],
    ['link_used', 410, 'This link could be opened only once, and it has already been used. Ask the sender for a new link.'],
    ['link_invalid', 404, 'This link isn’t valid. Check that you opened the whole link, or ask the sender for a new one.'],
  ] as const) {
    it(`a ${code} answer replaces the content with its own message (role=alert), axe clean`, async () => {
      const provider = await mount(serverWith(createMockApi(), [refused(status, code)]).fetchFn);
      await waitUntil(() => errorText(provider), 'no error shown', { timeout: 4000 });
      expect(errorText(provider)).to.equal(message);
      expect(provider.shadowRoot!.querySelector('[part~="link-error"]')!.getAttribute('role')).to.equal('alert');
      expect(provider.shadowRoot!.querySelector('slot')).to.equal(null);
      expect(provider.shadowRoot!.querySelector('[part~="link-retry"]')).to.equal(null);
      await expect(provider).to.be.accessible(AXE);
    });
  }

  it('without a link in the fragment says so and asks nothing of the server', async () => {
    const server = serverWith(createMockApi(), [guest('g')]);
    const provider = await mount(server.fetchFn, '');
    await waitUntil(() => errorText(provider), 'no error shown', { timeout: 4000 });
    expect(errorText(provider)).to.contain('needs the private link');
    expect(server.redemptions).to.have.length(0);
  });

  it('a single-use link gives one guest token; asked again, it says access ended instead of redeeming again', async () => {
    const api = createMockApi();
    api.use('projects.get', problem(401, 'token_expired'));
    const server = serverWith(api, [guest('once', false)]);
    const provider = await mount(server.fetchFn);
    await waitUntil(() => errorText(provider), 'no error shown', { timeout: 4000 });
    expect(errorText(provider)).to.contain('access through this link has ended');
    expect(server.redemptions).to.have.length(1);
  });

  it('the styles of the message come with it (a page without a link loads none of it)', async () => {
    const provider = await mount(serverWith(createMockApi(), [refused(410, 'link_revoked')]).fetchFn);
    await waitUntil(() => errorText(provider), 'no error shown', { timeout: 4000 });
    const box = provider.shadowRoot!.querySelector<HTMLElement>('[part~="link-error"]')!;
    expect(getComputedStyle(box).display).to.equal('flex');
    expect(getComputedStyle(box).borderTopStyle).to.equal('solid');
  });

  it('a failed check offers Try again, which checks again and shows the content', async () => {
    const api = createMockApi();
    api.use('projects.get', json(project(1)));
    const server = serverWith(api, [refused(503, 'unavailable'), guest('g')]);
    const provider = await mount(server.fetchFn);
    await waitUntil(() => provider.shadowRoot!.querySelector('[part~="link-retry"]'), 'no retry', { timeout: 4000 });
    await expect(provider).to.be.accessible(AXE);
    provider.shadowRoot!.querySelector<HTMLButtonElement>('[part~="link-retry"]')!.click();
    await timelineLoaded(provider);
    expect(server.redemptions).to.have.length(2);
  });

  it('speaks German and Arabic (right to left)', async () => {
    const provider = await mount(serverWith(createMockApi(), [refused(410, 'link_expired')]).fetchFn);
    provider.setAttribute('lang', 'ar');
    await waitUntil(() => errorText(provider), 'no error shown', { timeout: 4000 });
    const arabic = 'انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا من المُرسِل.';
    await waitUntil(() => errorText(provider) === arabic, `not in Arabic: ${errorText(provider)}`, { timeout: 4000 });
    const box = provider.shadowRoot!.querySelector('[part~="link-error"]')!;
    expect(box.getAttribute('dir')).to.equal('rtl');
    provider.setAttribute('lang', 'de');
    const german = 'Dieser Link ist abgelaufen. Bitten Sie den Absender um einen neuen Link.';
    await waitUntil(() => errorText(provider) === german, `not in German: ${errorText(provider)}`, { timeout: 4000 });
  });
});
