// Images in customer-written messages load only from the API's origin or the provider's
// `image-origins`: checked on the wire, with the test server recording every image request it gets.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { article, ticketMessage } from '@portico/contract/fixtures';
import { createMockClient, json } from '../../testing/mock-api.js';
import '../kb-article/kb-article.js';
import '../provider/provider.js';
import type { PorticoTicketDetail } from './ticket-detail.component.js';
import './ticket-detail.js';

const OWN = location.origin; // the API's origin in these tests
const FOREIGN = `${location.protocol}//127.0.0.1:${location.port}`; // another origin, same test server
const bodies = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"] [part~="body"]')];
const pixelLog = async (): Promise<string[]> => (await fetch('/__pixel-log')).json();
/** Waits until the browser had every chance to request what it would (images are not lazy here). */
const quiet = async () => {
  await aTimeout(300);
  return pixelLog();
};

const BODY = (tag: string) =>
  [
    `Own: ![own](${OWN}/__pixel/own-${tag}.gif)`,
    `Relative: ![rel](/__pixel/rel-${tag}.gif)`,
    `Foreign: ![tracking pixel](${FOREIGN}/__pixel/foreign-${tag}.gif)`,
    `<img src="${FOREIGN}/__pixel/foreign-html-${tag}.gif">`,
    `<video src="${FOREIGN}/__pixel/foreign-video-${tag}.mp4" poster="${FOREIGN}/__pixel/foreign-poster-${tag}.gif"></video>`,
    `<audio><source src="${FOREIGN}/__pixel/foreign-source-${tag}.mp3"></audio>`,
  ].join('\n\n');

async function mount(tag: string, providerAttrs = '', outerAttrs?: string) {
  const { client, api } = createMockClient({ client: { baseUrl: OWN } });
  api.use('tickets.messages', json({ data: [ticketMessage(1, { id: 'm1', bodyFormat: 'markdown', body: BODY(tag) })], nextCursor: null }));
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const inner = `<portico-provider ${providerAttrs}><portico-ticket-detail ticket-id="tkt_1" no-live></portico-ticket-detail></portico-provider>`;
  wrapper.innerHTML = outerAttrs === undefined ? inner : `<portico-provider ${outerAttrs}>${inner}</portico-provider>`;
  const el = wrapper.querySelector<PorticoTicketDetail>('portico-ticket-detail')!;
  el.client = client;
  await waitUntil(() => el.shadowRoot && bodies(el).length === 1 && bodies(el)[0]!.hasAttribute('data-ready'), 'no message', {
    timeout: 4000,
  });
  return { el, wrapper, body: bodies(el)[0]! };
}

describe('<portico-ticket-detail> remote images in messages', () => {
  beforeEach(pixelLog);

  it('loads images from the API origin only; a foreign image is a link and is never requested', async () => {
    const { body } = await mount('a');
    const log = await quiet();
    expect(
      log.filter((l) => l.includes('foreign')),
      'requests to the foreign host',
    ).to.deep.equal([]);
    expect(log.some((l) => l.endsWith('own-a.gif'))).to.equal(true);
    expect(log.some((l) => l.endsWith('rel-a.gif'))).to.equal(true); // relative: the page's origin, the API's here
    const imgs = [...body.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(imgs).to.deep.equal([`${OWN}/__pixel/own-a.gif`, '/__pixel/rel-a.gif']);
    const link = [...body.querySelectorAll('a')].find((a) => a.href.endsWith('foreign-a.gif'))!;
    expect(link.textContent).to.equal('tracking pixel');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(body.querySelector('video')).to.equal(null);
    expect(body.querySelector('source')).to.equal(null);
  });

  it('loads from the origins in the provider’s image-origins, still none from others', async () => {
    const { body } = await mount('b', `image-origins="${FOREIGN}/ https://cdn.example.test"`);
    const log = await quiet();
    expect(log.some((l) => l.endsWith('foreign-b.gif'))).to.equal(true);
    expect([...body.querySelectorAll('img')].length).to.equal(4);
    const { body: other } = await mount('c', 'image-origins="https://other.example.test"');
    expect((await quiet()).filter((l) => l.includes('foreign'))).to.deep.equal([]);
    expect([...other.querySelectorAll('img')].length).to.equal(2);
  });

  it('an inner provider without image-origins uses the outer one’s list', async () => {
    const { body } = await mount('d', '', `image-origins="${FOREIGN}"`);
    const log = await quiet();
    expect(log.some((l) => l.endsWith('foreign-d.gif'))).to.equal(true);
    expect([...body.querySelectorAll('img')].length).to.equal(4);
  });

  it('knowledge-base articles keep their remote images', async () => {
    const { client, api } = createMockClient({ client: { baseUrl: OWN } });
    api.use('articles.get', json(article(1, { body: `![diagram](${FOREIGN}/__pixel/article.gif)`, bodyFormat: 'markdown' })));
    const el = await fixture<HTMLElement & { client: unknown }>(
      html`<portico-kb-article .client=${client} slug="exporting-reports-1" hide-feedback></portico-kb-article>`,
    );
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="body"] img'), 'no image', { timeout: 4000 });
    const img = el.shadowRoot!.querySelector<HTMLImageElement>('[part~="body"] img')!;
    img.loading = 'eager';
    await waitUntil(() => img.complete, 'image not loaded', { timeout: 4000 });
    expect(await quiet()).to.include(`127.0.0.1:${location.port} article.gif`);
  });
});
