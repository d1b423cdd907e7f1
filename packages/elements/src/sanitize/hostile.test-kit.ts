// Shared by the hostile-content tests (hostile-*.test.ts): components that render user-written or
// authored text get the whole vendored XSS corpus plus the inputs that switch HTML parsers into
// other modes. Each body must end rendered (or in the component's error state) — never stuck as
// pending source — with nothing left that could run, and no script may run. Split over two test
// files so that each stays well within the runner's time limit on a loaded machine.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { article, ticketMessage } from '@portico/contract/fixtures';
import type { PorticoKbArticle } from '../components/kb-article/kb-article.component.js';
import { createMockClient, json } from '../testing/mock-api.js';
import { findProblem, loadXssCorpus, PARSER_TRAPS, trapScripts } from '../testing/xss.js';

type Settled = { bodies: Element[]; errors: number };

export interface Renderer {
  name: string;
  /** Payloads per mount. */
  batch: number;
  /** Mounts the component showing `payloads`, waits until each one is in a final state and returns their bodies. */
  render(payloads: string[], stage: HTMLElement): Promise<Settled>;
  /** Plain-text renderers: a body must contain no element at all. */
  plain?: boolean;
}

const shadow = (el: Element) => el.shadowRoot!;
const wait = (ok: () => boolean, what: string) => waitUntil(ok, what, { timeout: 20_000, interval: 20 });

/** One list component (ticket messages, comments, decisions) holding the whole batch. */
export function listRenderer(
  name: string,
  tag: string,
  attrs: Record<string, string>,
  endpoint: string,
  row: (payload: string, i: number) => unknown,
  bodySelector: string,
  ready: (body: Element) => boolean,
  plain = false,
): Renderer {
  return {
    name,
    batch: 300,
    plain,
    async render(payloads, stage) {
      const { client, api } = createMockClient();
      api.use(endpoint, json({ data: payloads.map(row), nextCursor: null }));
      const el = document.createElement(tag) as HTMLElement & { client: unknown };
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      el.client = client;
      stage.append(el);
      await wait(
        () =>
          !!el.shadowRoot &&
          (shadow(el).querySelectorAll(bodySelector).length === payloads.length || !!shadow(el).querySelector('[part~="error"]')),
        `${name}: not rendered`,
      );
      const bodies = [...shadow(el).querySelectorAll(bodySelector)];
      await wait(() => bodies.every(ready), `${name}: bodies stuck before their ready state`);
      return { bodies, errors: shadow(el).querySelector('[part~="error"]') ? 1 : 0 };
    },
  };
}

export const messages = (format: 'markdown' | 'text') =>
  listRenderer(
    `<portico-ticket-detail> ${format} messages`,
    'portico-ticket-detail',
    { 'ticket-id': 'tkt_1', 'no-live': '' },
    'tickets.messages',
    (body, i) => ticketMessage(i + 1, { id: `m${i}`, body, bodyFormat: format }),
    '[part~="message"] [part~="body"]',
    (b) => b.hasAttribute('data-ready'),
    format === 'text',
  );

export function articles(format: 'markdown' | 'html'): Renderer {
  return {
    name: `<portico-kb-article> ${format}`,
    batch: 100,
    async render(payloads, stage) {
      const { client, api } = createMockClient();
      api.use('articles.get', ({ params }) =>
        json(article(1, { slug: params.slug!, body: payloads[Number(params.slug!.slice(1))]!, bodyFormat: format })),
      );
      const els = payloads.map((_, i) => {
        const el = document.createElement('portico-kb-article') as PorticoKbArticle;
        el.client = client as PorticoKbArticle['client'];
        el.slug = `a${i}`;
        el.hideFeedback = true;
        return el;
      });
      stage.append(...els);
      const final = (el: PorticoKbArticle) => !!el.shadowRoot?.querySelector('[part~="body"], [part~="error"]');
      await wait(() => els.every(final), `${this.name}: an article never finished rendering`);
      return {
        bodies: els.flatMap((el) => [...shadow(el).querySelectorAll('[part~="body"]')]),
        errors: els.filter((el) => shadow(el).querySelector('[part~="error"]')).length,
      };
    },
  };
}

/** One test per renderer: the corpus and the parser traps, batch by batch. */
export function hostileSuite(title: string, RENDERERS: Renderer[]): void {
  describe(title, () => {
    let payloads: string[];
    before(async () => {
      payloads = [...PARSER_TRAPS, ...(await loadXssCorpus()).map((p) => p.payload)];
    });

    for (const renderer of RENDERERS) {
      it(`${renderer.name}: every corpus payload and parser trap ends rendered, inert, and runs nothing`, async function () {
        this.timeout(170_000); // the file has 180 s (web-test-runner)
        const trap = trapScripts();
        const stage = await fixture<HTMLDivElement>(html`<div></div>`);
        const problems: string[] = [];
        let rendered = 0;
        try {
          for (let i = 0; i < payloads.length; i += renderer.batch) {
            const batch = payloads.slice(i, i + renderer.batch);
            const { bodies, errors } = await renderer.render(batch, stage);
            expect(errors, 'error states').to.equal(0);
            rendered += bodies.length;
            for (const [j, body] of bodies.entries()) {
              const problem = renderer.plain && body.querySelector('*') ? 'an element in a plain-text body' : findProblem(body);
              if (problem) problems.push(`#${i + j} ${JSON.stringify(batch[j]!.slice(0, 60))}: ${problem}`);
            }
            // Let anything that would fire (load/error handlers, timers) do so.
            await new Promise((r) => setTimeout(r, 30));
            stage.replaceChildren();
          }
          await new Promise((r) => setTimeout(r, 200));
        } finally {
          trap.restore();
          stage.remove();
        }
        expect(rendered).to.equal(payloads.length);
        expect(problems.slice(0, 20), `${problems.length} bodies with a live payload`).to.deep.equal([]);
        expect(trap.fired, 'script ran').to.deep.equal([]);
      });
    }
  });
}
