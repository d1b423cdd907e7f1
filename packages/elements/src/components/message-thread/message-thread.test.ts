import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ProjectMessage } from '@portico/contract';
import { projectMessage } from '@portico/contract/fixtures';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedList, problem } from '../../testing/mock-api.js';
import { messagesHandlers, mockProjectMessages } from '../../testing/mock-messages.js';
import type { PorticoMessageThread } from './message-thread.component.js';
import './message-thread.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const articles = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[data-id]')];
const feed = (el: HTMLElement) => $(el, '[part~="feed"]')!;
const textarea = (el: HTMLElement) => $(el, '[part~="textarea"]') as HTMLTextAreaElement;
const settled = async (el: PorticoMessageThread, part = 'feed') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[part~="content"][aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
  await el.updateComplete;
};
const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const type = async (el: PorticoMessageThread, text: string) => {
  textarea(el).value = text;
  textarea(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
};

/** A thread on the mock API with `count` messages in prj_1 (marker on `marker`), stateful like the server. */
async function mount(count = 12, marker: string | null = 'pmsg_00009', attrs = 'project-id="prj_1"') {
  const mock = createMockClient();
  const m = messagesHandlers(json, problem);
  m.state.byProject.set('prj_1', mockProjectMessages(count));
  if (marker) m.state.marker.set('prj_1', marker);
  else m.state.marker.delete('prj_1');
  for (const [key, handler] of Object.entries(m.handlers)) mock.api.use(key, handler);
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 640px"></div>`);
  wrapper.innerHTML = `<portico-message-thread ${attrs} style="--portico-message-thread-height: 300px"></portico-message-thread>`;
  const el = wrapper.firstElementChild as PorticoMessageThread;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el, state: m.state };
}

describe('<portico-message-thread>', () => {
  describe('loading the conversation', () => {
    it('shows the newest page in reading order with the read state, isolating author names', async () => {
      const { el, api } = await mount(12);
      await settled(el);
      expect(articles(el).map((a) => a.dataset.id)).to.deep.equal(mockProjectMessages(12).map((m) => m.id));
      expect(api.calls.find((c) => c.key === 'messages.list')!.url.pathname).to.equal('/portal/v1/projects/prj_1/messages');
      expect(api.calls.some((c) => c.key === 'messages.readState')).to.equal(true);
      const author = articles(el)[3]!.querySelector('[part~="author"]')!;
      expect(author.tagName).to.equal('BDI');
      expect(author.textContent).to.equal('نور الهدى');
      expect(articles(el)[1]!.querySelector('[part~="staff-badge"]')).to.exist;
      // Alice's own messages (the read state names her) are marked own.
      expect(articles(el)[0]!.getAttribute('part')).to.contain('own');
      expect(feed(el).getAttribute('role')).to.equal('feed');
      expect($(el, '[part~="beginning"]')).to.exist;
    });

    it('renders Markdown through the shared sanitizer: hostile HTML never reaches the DOM', async () => {
      const { el, state } = await mount(1, null);
      state.byProject.set('prj_1', [
        projectMessage(1, { body: '**bold** <img src=x onerror="window.__pwned=1"> [x](javascript:alert(1))' }),
      ]);
      await el.refresh();
      await settled(el);
      const body = articles(el)[0]!.querySelector('[part~="body"]')!;
      await waitUntil(() => body.hasAttribute('data-ready'), 'markdown not rendered');
      expect(body.querySelector('strong')!.textContent).to.equal('bold');
      expect(body.querySelector('img[onerror]')).to.equal(null);
      expect(body.querySelector('a[href^="javascript"]')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('loading, empty, not found, error with retry, malformed data: each its state, axe-clean', async () => {
      const loading = createMockClient();
      loading.api.use('messages.list', () => ({ status: 200, body: {}, delayMs: 60_000 }));
      const l = await fixture<PorticoMessageThread>(
        html`<portico-message-thread project-id="prj_1" .client=${loading.client}></portico-message-thread>`,
      );
      await waitUntil(() => $(l, '[part~="loading"]'), 'no loading state');
      await expect(l).to.be.accessible(AXE);
      l.remove();
      const e = await mount(0, null);
      await settled(e.el, 'empty');
      expect($(e.el, '[part~="empty"]')!.textContent).to.contain('No messages yet');
      await expect(e.el).to.be.accessible(AXE);
      const nf = await mount(3, null, 'project-id="prj_missing_x"');
      nf.api.use('messages.list', problem(404, 'not_found'));
      await nf.el.refresh();
      await settled(nf.el, 'not-found');
      await expect(nf.el).to.be.accessible(AXE);
      const bad = await mount();
      bad.api.use('messages.list', malformedList());
      await bad.el.refresh();
      await settled(bad.el, 'error');
      expect($(bad.el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      const down = await mount();
      down.api.use('messages.list', problem(503, 'unavailable'));
      const err = oneEvent(down.el, 'portico-error');
      await down.el.refresh();
      expect((await err).detail.code).to.equal('unavailable');
      await settled(down.el, 'retry');
      await expect(down.el).to.be.accessible(AXE);
    });
  });

  describe('unread', () => {
    it('puts the "New messages" divider before the first unread message and opens there; reading at the bottom moves the marker forward', async () => {
      const { el, api, state } = await mount(40, 'pmsg_00010');
      await settled(el);
      const divider = $(el, '[part~="divider"]')!;
      expect(divider.nextElementSibling!.getAttribute('data-id')).to.equal('pmsg_00011');
      // The feed holds articles only: the divider is drawn, and said inside the first unread message.
      expect(divider.getAttribute('aria-hidden')).to.equal('true');
      expect(divider.nextElementSibling!.querySelector('.visually-hidden')!.textContent).to.equal('New messages');
      // Opened at the divider, not at the bottom: the unread button offers the way down.
      await frames();
      expect(feed(el).scrollTop).to.be.greaterThan(0);
      expect(feed(el).scrollHeight - feed(el).scrollTop - feed(el).clientHeight).to.be.greaterThan(48);
      expect(el.unreadCount).to.be.greaterThan(0);
      await waitUntil(() => $(el, '[part~="jump"]'), 'no jump button');
      const read = oneEvent(el, 'portico-messages-read');
      $(el, '[part~="jump"]')!.click();
      const { detail } = await read;
      await waitUntil(() => el.unreadCount === 0, 'still unread');
      expect(detail.readState.lastReadMessageId).to.equal('pmsg_00040');
      expect(state.marker.get('prj_1')).to.equal('pmsg_00040');
      const marks = api.calls.filter((c) => c.key === 'messages.markRead');
      expect(marks.every((c) => c.headers.get('idempotency-key'))).to.equal(true);
      expect(el.shadowRoot!.activeElement?.getAttribute('data-id')).to.equal('pmsg_00040');
    });

    it('a live message from someone else is announced (just that one), follows the view at the bottom and is marked read', async () => {
      const { el, api, state } = await mount(5, 'pmsg_00005');
      await settled(el);
      await frames();
      const rows = state.byProject.get('prj_1')!;
      rows.push(projectMessage(6, { author: { kind: 'agent', id: 'agt_dana', name: 'Dana Whitfield' }, body: 'Version 3 is up.' }));
      api.emit({
        id: '1',
        type: 'project.message_added',
        resource: { kind: 'project_message', id: 'pmsg_00006', parentId: 'prj_1' },
        occurredAt: new Date().toISOString(),
      });
      await waitUntil(() => articles(el).length === 6, 'live message not shown', { timeout: 3000 });
      const status = $(el, '[role="status"][aria-live="polite"]')!;
      expect(status.textContent!.trim()).to.equal('New message from Dana Whitfield: Version 3 is up.');
      await waitUntil(() => state.marker.get('prj_1') === 'pmsg_00006', 'not marked read');
      await frames();
      expect(feed(el).scrollHeight - feed(el).scrollTop - feed(el).clientHeight).to.be.lessThan(48);
    });
  });

  describe('history', () => {
    it('older pages load as you scroll up, and the message in view stays (within the late Markdown growth of a message cut by the top edge)', async () => {
      const { el, api } = await mount(160, null);
      await settled(el);
      await frames();
      expect(articles(el)).to.have.length(50);
      const f = feed(el);
      f.scrollTop = 10;
      const shown = articles(el).find((a) => a.offsetTop + a.offsetHeight > f.scrollTop)!;
      const top = shown.getBoundingClientRect().top;
      // The page of 50 arrives; 25 of it enter the DOM (the window moves by 25 at a time).
      await waitUntil(() => articles(el).length === 75, 'older page not loaded', { timeout: 4000 });
      // Through the Markdown of the new page rendering and the browser laying out what comes into view.
      // Measured after each frame's paint (a task after the frame): what the reader sees.
      for (let i = 0; i < 6; i++) {
        await frames();
        await aTimeout(0);
        // Without the component's correction the view jumps by the whole new page (thousands of px);
        // what remains is the browser's scroll anchoring around a body that rendered late (a line).
        expect(Math.abs(shown.getBoundingClientRect().top - top), `frame ${i}`).to.be.lessThan(41);
      }
      expect(f.scrollTop).to.be.greaterThan(1000);
      expect(
        api.calls
          .filter((c) => c.key === 'messages.list')
          .at(-1)!
          .url.searchParams.get('cursor'),
      ).to.be.a('string');
      await waitUntil(() => $(el, '[role="status"][aria-live="polite"]')!.textContent!.includes('50 earlier messages loaded'));
      expect(articles(el)[0]!.dataset.id).to.equal('pmsg_00086');
      expect(el.messages).to.have.length(100);
    });

    it('keyboard: one tab stop on the newest message, arrows and Page Up move, Home at the top loads older, Ctrl+End reaches the composer', async () => {
      const { el } = await mount(60, null);
      await settled(el);
      const list = articles(el);
      expect(list.filter((a) => a.tabIndex === 0).map((a) => a.dataset.id)).to.deep.equal(['pmsg_00060']);
      list.at(-1)!.focus();
      await sendKeys({ press: 'ArrowUp' });
      expect(el.shadowRoot!.activeElement!.getAttribute('data-id')).to.equal('pmsg_00059');
      await sendKeys({ press: 'PageUp' });
      expect(el.shadowRoot!.activeElement!.getAttribute('data-id')).to.equal('pmsg_00058');
      await el.updateComplete;
      expect(
        articles(el)
          .filter((a) => a.tabIndex === 0)
          .map((a) => a.dataset.id),
      ).to.deep.equal(['pmsg_00058']);
      await sendKeys({ press: 'Home' });
      await waitUntil(() => articles(el).length === 60, 'Home did not load the older page');
      expect(el.shadowRoot!.activeElement!.getAttribute('data-id')).to.equal('pmsg_00011');
      await sendKeys({ press: 'Control+End' });
      expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
      expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('60');
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('sending', () => {
    it('shows the message at once, sends it with an idempotency key and shows the stored one once', async () => {
      const { el, api } = await mount(3, 'pmsg_00003');
      await settled(el);
      await type(el, 'Hello **team**');
      const request = oneEvent(el, 'portico-message-request');
      const stored = oneEvent(el, 'portico-message');
      api.delay(200);
      const sending = el.send();
      expect((await request).detail).to.deep.equal({ projectId: 'prj_1', body: 'Hello **team**', attachmentIds: [] });
      await el.updateComplete;
      expect($(el, '[part~="pending"]')!.textContent).to.contain('Sending…');
      expect(textarea(el).value).to.equal('');
      expect(($(el, '[part~="send"]') as HTMLButtonElement).disabled).to.equal(true);
      await sending;
      api.delay(0);
      const { detail } = await stored;
      await el.updateComplete;
      expect($(el, '[part~="pending"]')).to.equal(null);
      expect(articles(el).filter((a) => a.dataset.id === detail.message.id)).to.have.length(1);
      // A live reload that brings the same message back does not show it twice.
      await el.refresh();
      await settled(el);
      expect(articles(el).filter((a) => a.dataset.id === detail.message.id)).to.have.length(1);
      expect(api.calls.find((c) => c.key === 'messages.create')!.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
    });

    it('a failed send stays in the thread as "Not sent"; Try again reuses the key and the server stores it once', async () => {
      const { el, api, state } = await mount(3, 'pmsg_00003');
      await settled(el);
      await type(el, 'Retry me');
      let calls = 0;
      const original = api.handlers.get('messages.create')!;
      // The first attempt is stored but its answer is lost (a dropped connection): the retry must not store it again.
      api.use('messages.create', async (req) => {
        const r = await original(req);
        return calls++ === 0 ? problem(503, 'unavailable') : r;
      });
      await el.send();
      await el.updateComplete;
      const failed = $(el, '[part~="failed"]')!;
      expect(failed).to.exist;
      expect(failed.querySelector('[part~="message-error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      // A new message cannot overtake the one that failed.
      await type(el, 'Another');
      await el.send();
      await el.updateComplete;
      expect($(el, '#compose-invalid')!.textContent).to.contain('not sent first');
      const stored = oneEvent(el, 'portico-message');
      (failed.querySelector('[part~="retry-message"]') as HTMLButtonElement).click();
      await stored;
      await el.updateComplete;
      const keys = api.calls.filter((c) => c.key === 'messages.create').map((c) => c.headers.get('idempotency-key'));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(state.byProject.get('prj_1')!.filter((m: ProjectMessage) => m.body === 'Retry me')).to.have.length(1);
      expect(articles(el).filter((a) => a.textContent!.includes('Retry me'))).to.have.length(1);
    });

    it('Edit puts a message that was not sent back into the composer; an empty message says so', async () => {
      const { el, api } = await mount(2, 'pmsg_00002');
      await settled(el);
      await el.send();
      await el.updateComplete;
      expect($(el, '#compose-invalid')!.textContent).to.equal('Write a message first.');
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      await type(el, 'Fix me');
      api.use('messages.create', problem(503, 'unavailable'));
      await el.send();
      await el.updateComplete;
      ($(el, '[part~="edit-message"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect($(el, '[part~="pending"]')).to.equal(null);
      expect(textarea(el).value).to.equal('Fix me');
    });

    it('attaches uploaded files (UploadController) and sends their ids', async () => {
      const { el, api } = await mount(2, 'pmsg_00002');
      await settled(el);
      el.addFiles([new File(['note'], 'note.txt', { type: 'text/plain' })]);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="chip"][data-status="done"]'), 'upload not done', { timeout: 4000 });
      await type(el, 'See the note');
      const stored = oneEvent(el, 'portico-message');
      await el.send();
      const { detail } = await stored;
      expect(detail.message.attachments.map((a: { id: string }) => a.id)).to.deep.equal(['att_1']);
      expect((api.calls.find((c) => c.key === 'messages.create')! as unknown as { url: URL }).url.pathname).to.contain(
        '/projects/prj_1/messages',
      );
    });
  });

  describe('languages, direction and width', () => {
    it('German and Arabic (right to left) at 320 px, axe-clean', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        await loadLocale('de');
        const de = await mount(6, 'pmsg_00003', 'project-id="prj_1" lang="de"');
        await settled(de.el);
        expect($(de.el, '[part~="divider"]')!.textContent).to.contain('Neue Nachrichten');
        expect($(de.el, '[part~="send"]')!.textContent!.trim()).to.equal('Senden');
        await loadLocale('ar');
        const ar = await mount(6, 'pmsg_00003', 'project-id="prj_1" lang="ar" dir="rtl"');
        await settled(ar.el);
        expect(getComputedStyle($(ar.el, '[part~="base"]')!).direction).to.equal('rtl');
        expect($(ar.el, '[part~="send"]')!.textContent!.trim()).to.equal('إرسال');
        const base = $(ar.el, '[part~="base"]')!;
        expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
        await expect(ar.el).to.be.accessible(AXE);
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  });
});
