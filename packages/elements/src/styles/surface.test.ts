// Issue 17 item 1: every component blends into the host page by default (no background of its own,
// nor on its rows), and `surface="card"` draws a card from the tokens. Components are taken from
// the custom-elements manifest, so a new component is covered without an edit here.
import { expect, fixture, html } from '@open-wc/testing';
import { createPorticoClient } from '@portico/client';
import { createMockApi } from '../testing/mock-api.js';
import '../define.js';

const manifest = (await (await fetch('/custom-elements.json')).json()) as {
  modules: Array<{ exports?: Array<{ kind: string; name: string }> }>;
};
const TAGS = manifest.modules
  .flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name))
  .filter((tag) => tag !== 'portico-provider');

const TRANSPARENT = 'rgba(0, 0, 0, 0)';
const PAGE = 'rgb(12, 10, 9)'; // a near-black host page

/** The backgrounds of the host and of every element of its shadow root that is not a control, popup or dialog. */
function surfaces(el: HTMLElement): string[] {
  const out = [`:host ${getComputedStyle(el).backgroundColor}`];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="base"], [part~="row"], [part~="list"], [part~="message"]')) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg !== TRANSPARENT) out.push(`${node.getAttribute('part')} ${bg}`);
  }
  return out;
}

describe('surfaces: blend in by default, a card on request', () => {
  it('the manifest lists the components', () => {
    expect(TAGS.length).to.be.greaterThan(10);
  });
  for (const tag of TAGS) {
    it(`<${tag}>: transparent by default (light and dark), a card with surface="card"`, async () => {
      const api = createMockApi();
      const client = createPorticoClient({
        baseUrl: 'https://portal.test',
        getToken: async () => ({ token: 't', expiresAt: Date.now() + 3_600_000 }),
        retry: { limit: 0 },
        fetch: api.fetch,
      });
      // The theme comes from a provider around it (the test page paints an element with theme="dark" dark).
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="background:${PAGE};padding:8px"><portico-provider></portico-provider></div>`,
      );
      const provider = wrap.firstElementChild as HTMLElement;
      const el = document.createElement(tag) as HTMLElement & { client?: unknown; updateComplete?: Promise<unknown> };
      el.client = client;
      provider.append(el);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      for (const theme of ['light', 'dark']) {
        provider.setAttribute('theme', theme);
        await new Promise((r) => setTimeout(r, 0));
        await el.updateComplete;
        expect(getComputedStyle(el).colorScheme, `${tag} ${theme}`).to.equal(theme);
        expect(surfaces(el), `${tag} ${theme}`).to.deep.equal([`:host ${TRANSPARENT}`]);
      }
      el.setAttribute('surface', 'card');
      await el.updateComplete;
      const s = getComputedStyle(el);
      expect(s.backgroundColor).to.not.equal(TRANSPARENT);
      expect(s.borderTopWidth).to.equal('1px');
      expect(Number.parseFloat(s.paddingTop)).to.be.greaterThan(0);
      expect((el as unknown as { surface?: string }).surface).to.equal('card');
    });
  }
});
