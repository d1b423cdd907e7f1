import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { comment } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedJson, malformedList, paginate, problem } from '../../testing/mock-api.js';
import { formatTime, type PorticoCommentThread } from './comment-thread.component.js';
import './comment-thread.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const HOSTILE = '<img src=x onerror=alert(1)>';
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const items = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="comment"]')];
const textarea = (el: HTMLElement) => $(el, '[part~="textarea"]') as HTMLTextAreaElement;
const send = (el: HTMLElement) => $(el, '[part~="send"]') as HTMLButtonElement;
const settled = async (el: PorticoCommentThread, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]:not([part~="send"])'), `no ${part}`, { timeout: 4000 });
};
const type = async (el: PorticoCommentThread, text: string) => {
  textarea(el).value = text;
  textarea(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const creates = (api: { calls: Array<{ key: string; headers: Headers }> }) => api.calls.filter((c) => c.key === 'comments.create');

async function mount(attrs = 'deliverable-id="dlv_1" version="2"', options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-comment-thread ${attrs}></portico-comment-thread>`;
  const el = wrapper.firstElementChild as PorticoCommentThread;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el };
}

describe('<portico-comment-thread>', () => {
  describe('defaults and attributes', () => {
    it('loads the version’s comments, oldest first, with anchor labels', async () => {
      const { el, api } = await mount();
      expect(el.anchorMode).to.equal('');
      expect(el.anchor).to.equal(null);
      await settled(el);
      expect(api.calls.find((c) => c.key === 'comments.list')!.url.pathname).to.contain('/deliverables/dlv_1/versions/2/comments');
      expect(items(el).map((c) => c.dataset.id)).to.deep.equal(['cmt_1', 'cmt_2', 'cmt_3']);
      expect(items(el)[0]!.querySelector('[part~="anchor"]')!.textContent).to.equal('Region 1');
      expect(!!items(el)[1]!.querySelector('[part~="anchor"]')).to.equal(false);
      expect(items(el)[0]!.querySelector('[part~="byline"]')!.textContent).to.contain('Alice Example');
      expect(el.comments.length).to.equal(3);
    });

    it('sorts oldest first whatever the server order', async () => {
      const { el, api } = await mount();
      api.use('comments.list', json({ data: [comment(3), comment(1), comment(2)], nextCursor: null }));
      await el.refresh();
      await settled(el);
      expect(items(el).map((c) => c.dataset.id)).to.deep.equal(['cmt_1', 'cmt_2', 'cmt_3']);
    });

    it('labels page and time anchors', async () => {
      const { el, api } = await mount();
      api.use(
        'comments.list',
        json({
          data: [comment(1, { anchor: { kind: 'page', page: 3 } }), comment(2, { anchor: { kind: 'time', seconds: 42.7 } })],
          nextCursor: null,
        }),
      );
      await el.refresh();
      await settled(el);
      expect(items(el).map((c) => c.querySelector('[part~="anchor"]')!.textContent)).to.deep.equal(['Page 3', 'At 0:42']);
      expect(formatTime(3725)).to.equal('1:02:05');
    });

    it('reloads when the version changes', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.version = 1;
      await settled(el);
      expect(api.calls.filter((c) => c.key === 'comments.list').at(-1)!.url.pathname).to.contain('/versions/1/');
    });

    it('renders hostile bodies and names as text', async () => {
      const { el, api } = await mount();
      api.use(
        'comments.list',
        json({ data: [comment(1, { body: HOSTILE, author: { kind: 'contact', id: 'c', name: HOSTILE } })], nextCursor: null }),
      );
      await el.refresh();
      await settled(el);
      expect(items(el)[0]!.querySelector('[part~="body"]')!.textContent).to.equal(HOSTILE);
      expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    });
  });

  describe('creating', () => {
    it('sends, appends, clears, fires portico-comment-request then portico-comment', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect(send(el).disabled).to.equal(true);
      await type(el, '  Bigger logo  ');
      const order: string[] = [];
      el.addEventListener('portico-comment-request', (e) => order.push(`request:${e.detail.body}:${e.detail.version}`));
      setTimeout(() => send(el).click());
      const event = await oneEvent(el, 'portico-comment');
      order.push('comment');
      expect(order).to.deep.equal(['request:Bigger logo:2', 'comment']);
      expect(event.detail.comment.body).to.equal('Bigger logo');
      await el.updateComplete;
      expect(items(el).at(-1)!.querySelector('[part~="body"]')!.textContent).to.equal('Bigger logo');
      expect(textarea(el).value).to.equal('');
      expect(creates(api)[0]!.headers.get('idempotency-key')).to.be.a('string');
    });

    it('disables the button with aria-busy while sending; a double submit sends once', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('comments.create', ({ body }) => ({ ...json(comment(9, { body: (body as { body: string }).body }), 201), delayMs: 200 }));
      await type(el, 'Once');
      const form = $(el, '[part~="form"]') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
      await el.updateComplete;
      expect(send(el).disabled).to.equal(true);
      expect(send(el).getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible(AXE);
      await waitUntil(() => send(el).getAttribute('aria-busy') === 'false', 'still sending', { timeout: 3000 });
      expect(creates(api).length).to.equal(1);
    });

    it('a failed send keeps the text, shows an alert, and the retry reuses the idempotency key', async () => {
      const { el, api } = await mount();
      await settled(el);
      const keys: Array<string | null> = [];
      api.use('comments.create', ({ headers, body }) => {
        keys.push(headers.get('idempotency-key'));
        return keys.length === 1 ? problem(503, 'unavailable') : json(comment(9, { body: (body as { body: string }).body }), 201);
      });
      await type(el, 'Retry me');
      send(el).click();
      await waitUntil(() => $(el, '[part~="send-error"]'), 'no error', { timeout: 3000 });
      expect($(el, '[part~="send-error"]')!.getAttribute('role')).to.equal('alert');
      expect($(el, '[part~="send-error"]')!.textContent).to.contain('The service is unavailable');
      expect(textarea(el).value).to.equal('Retry me');
      await expect(el).to.be.accessible(AXE);
      send(el).click();
      await waitUntil(() => textarea(el).value === '', 'not sent', { timeout: 3000 });
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string');
      expect(keys[1]).to.equal(keys[0]);
      expect(!!$(el, '[part~="send-error"]')).to.equal(false);
    });

    it('"Retry" in the alert sends the same comment again with the same key; the next comment gets a new one', async () => {
      const { el, api } = await mount();
      await settled(el);
      const keys: Array<string | null> = [];
      api.use('comments.create', ({ headers, body }) => {
        keys.push(headers.get('idempotency-key'));
        return keys.length === 1
          ? problem(500, 'internal')
          : json(comment(8 + keys.length, { body: (body as { body: string }).body }), 201);
      });
      await type(el, 'Once more');
      send(el).click();
      await waitUntil(() => $(el, '[part~="retry-send"]'), 'no retry', { timeout: 3000 });
      ($(el, '[part~="retry-send"]') as HTMLButtonElement).click();
      await waitUntil(() => textarea(el).value === '', 'not sent', { timeout: 3000 });
      await type(el, 'Once more');
      send(el).click();
      await waitUntil(() => keys.length === 3, 'third not sent', { timeout: 3000 });
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[2]).to.not.equal(keys[0]);
    });

    it('a comment changed after a failure (text, anchor, version or deliverable) is sent with a new idempotency key', async () => {
      const { el, api } = await mount('deliverable-id="dlv_1" version="2" anchor-mode="region"');
      await settled(el);
      const sent: Array<{ key: string | null; body: Record<string, unknown>; path: string }> = [];
      api.use('comments.create', ({ headers, body, url }) => {
        sent.push({ key: headers.get('idempotency-key'), body: body as Record<string, unknown>, path: url.pathname });
        return problem(503, 'unavailable');
      });
      const failedAgain = async () => {
        const before = sent.length;
        send(el).click();
        await waitUntil(() => sent.length === before + 1 && !send(el).disabled, 'not sent', { timeout: 3000 });
      };
      await type(el, 'Look here');
      await failedAgain(); // 0: the first try
      await failedAgain(); // 1: a retry of the same comment
      el.anchor = { kind: 'region', x: 0.1, y: 0.1, width: 0.2, height: 0.2 };
      await el.updateComplete;
      await failedAgain(); // 2: the anchor changed
      await failedAgain(); // 3: retry
      el.version = 3;
      await settled(el);
      await failedAgain(); // 4: the version changed
      el.deliverableId = 'dlv_2';
      await settled(el);
      await failedAgain(); // 5: the deliverable changed
      await type(el, 'Look there');
      await failedAgain(); // 6: the text changed
      const keys = sent.map((s) => s.key);
      expect(sent[2]!.body.anchor).to.deep.include({ kind: 'region' });
      expect(sent[4]!.path).to.contain('/versions/3/');
      expect(sent[5]!.path).to.contain('/deliverables/dlv_2/');
      expect(keys[1]).to.equal(keys[0]);
      expect(keys[3]).to.equal(keys[2]);
      expect(keys[2]).to.not.equal(keys[0]);
      expect(keys[4]).to.not.equal(keys[2]);
      expect(keys[5]).to.not.equal(keys[4]);
      expect(keys[6]).to.not.equal(keys[5]);
      expect(new Set(keys).size).to.equal(5);
    });

    it('a canceled portico-comment-request sends nothing', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.addEventListener('portico-comment-request', (e) => e.preventDefault(), { once: true });
      await type(el, 'Vetoed');
      send(el).click();
      await aTimeout(50);
      expect(creates(api).length).to.equal(0);
      expect(textarea(el).value).to.equal('Vetoed');
    });

    it('Ctrl+Enter sends', async () => {
      const { el, api } = await mount();
      await settled(el);
      textarea(el).focus();
      await sendKeys({ type: 'Quick' });
      await sendKeys({ press: 'Control+Enter' });
      await waitUntil(() => creates(api).length === 1, 'not sent', { timeout: 3000 });
    });

    it('sends a page anchor (anchor-mode="page")', async () => {
      const { el, api } = await mount('deliverable-id="dlv_1" version="2" anchor-mode="page"');
      await settled(el);
      let sent: unknown;
      api.use('comments.create', ({ body }) => {
        sent = body;
        return json(comment(9), 201);
      });
      const page = $(el, '[part~="page"]') as HTMLInputElement;
      page.value = '3';
      page.dispatchEvent(new Event('change'));
      await type(el, 'Typo here');
      send(el).click();
      await waitUntil(() => sent, 'not sent', { timeout: 3000 });
      expect(sent).to.deep.include({ anchor: { kind: 'page', page: 3 } });
    });

    it('attaches the current playback time (anchor-mode="time") and removes it', async () => {
      const { el } = await mount('deliverable-id="dlv_1" version="2" anchor-mode="time"');
      el.timeSource = () => 42.5;
      await settled(el);
      ($(el, '[part~="use-time"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.anchor).to.deep.equal({ kind: 'time', seconds: 42.5 });
      expect($(el, '[part~="draft-anchor"]')!.textContent).to.contain('At 0:42');
      ($(el, '[part~="draft-anchor"] button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.anchor).to.equal(null);
    });

    it('sends a region anchor set by the host', async () => {
      const { el, api } = await mount('deliverable-id="dlv_1" version="2" anchor-mode="region"');
      await settled(el);
      let sent: unknown;
      api.use('comments.create', ({ body }) => {
        sent = body;
        return json(comment(9), 201);
      });
      el.anchor = { kind: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.1 };
      await type(el, 'Here');
      send(el).click();
      await waitUntil(() => sent, 'not sent', { timeout: 3000 });
      expect((sent as { anchor: { kind: string } }).anchor.kind).to.equal('region');
      await waitUntil(() => el.anchor === null, 'anchor kept');
    });

    it('focusComment() focuses a comment', async () => {
      const { el } = await mount();
      await settled(el);
      el.focusComment('cmt_2');
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('cmt_2');
    });
  });

  describe('paging', () => {
    it('"Show more" loads the comments after the first 100; a failed page offers Retry', async () => {
      const { el, api } = await mount();
      const all = Array.from({ length: 130 }, (_, i) => comment(i + 1, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
      api.use('comments.list', ({ query }) => paginate(all, query));
      await el.refresh();
      await settled(el);
      expect(items(el).length).to.equal(100);
      expect(api.calls.filter((c) => c.key === 'comments.list').at(-1)!.query.limit).to.equal('100');
      api.use('comments.list', problem(503, 'unavailable'));
      ($(el, '[part~="more"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part~="more"][role="alert"]'), 'no failure', { timeout: 3000 });
      await expect(el).to.be.accessible(AXE);
      api.use('comments.list', ({ query }) => paginate(all, query));
      ($(el, '[part~="more"] [part~="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => items(el).length === 130, 'not appended', { timeout: 3000 });
      expect(items(el).at(-1)!.dataset.id).to.equal('cmt_130');
      expect(!!$(el, '[part~="more"]')).to.equal(false);
    });
  });

  describe('states', () => {
    it('loading, accessible', async () => {
      const { el } = await mount(undefined, { delayMs: 400 });
      expect($(el, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty: default text and slot, accessible', async () => {
      const { el, api } = await mount();
      api.use('comments.list', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No comments on this version yet.');
      await expect(el).to.be.accessible(AXE);
      el.innerHTML = '<p slot="empty">Be the first</p>';
      await el.updateComplete;
      expect(($(el, 'slot[name="empty"]') as HTMLSlotElement).assignedElements().length).to.equal(1);
    });

    it('error + Retry, 404, malformed; accessible', async () => {
      const { el, api } = await mount();
      for (const [response, text] of [
        [problem(503, 'unavailable'), 'The service is unavailable'],
        [problem(404, 'not_found'), 'This couldn’t be found.'],
        [malformedJson(), 'couldn’t be read'],
        [malformedList(), 'couldn’t be read'],
      ] as const) {
        api.use('comments.list', response);
        await el.refresh();
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain(text);
      }
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(items(el).length).to.equal(3);
    });

    it('slow network: the newer version wins', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('comments.list', ({ params }) => ({
        ...json({ data: [comment(Number(params.version), { version: Number(params.version) })], nextCursor: null }),
        delayMs: params.version === '1' ? 400 : 30,
      }));
      el.version = 1;
      await aTimeout(10);
      el.version = 3;
      await settled(el);
      await aTimeout(450);
      expect(items(el).map((c) => c.dataset.id)).to.deep.equal(['cmt_3']);
    });

    it('refreshes on a live event for this deliverable only', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams === 1, 'no stream', { timeout: 3000 });
      const count = () => api.calls.filter((c) => c.key === 'comments.list').length;
      const before = count();
      const at = new Date().toISOString();
      api.emit({ id: 'e1', type: 'deliverable.comment_added', resource: { kind: 'deliverable', id: 'dlv_9' }, occurredAt: at });
      api.emit({ id: 'e2', type: 'deliverable.comment_added', resource: { kind: 'deliverable', id: 'dlv_1' }, occurredAt: at });
      await waitUntil(() => count() === before + 1, 'no refresh', { timeout: 3000 });
      await aTimeout(200);
      expect(count()).to.equal(before + 1);
    });
  });

  describe('RTL, dark, narrow', () => {
    it('Arabic, right-to-left, accessible', async () => {
      const { el } = await mount('deliverable-id="dlv_1" version="2" lang="ar" dir="rtl"');
      await settled(el);
      await loadLocale('ar');
      await el.updateComplete;
      expect(getComputedStyle($(el, '[part~="base"]')!).direction).to.equal('rtl');
      expect(send(el).textContent!.trim()).to.equal('تعليق');
      await expect(el).to.be.accessible(AXE);
    });

    it('dark theme, accessible', async () => {
      const { el } = await mount('deliverable-id="dlv_1" version="2" theme="dark"');
      await settled(el);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible(AXE);
    });

    it('320 px: no horizontal overflow', async () => {
      const { el, api } = await mount();
      api.use('comments.list', json({ data: [comment(1, { body: 'x'.repeat(300) })], nextCursor: null }));
      el.parentElement!.style.inlineSize = '320px';
      await el.refresh();
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    });
  });
});
