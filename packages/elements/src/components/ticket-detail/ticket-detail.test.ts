import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TicketMessage } from '@portico/contract';
import { ticket as ticketFx, ticketMessage } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockRequest, malformedJson, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import type { PorticoTicketDetail } from './ticket-detail.component.js';
import './ticket-detail.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoTicketDetail, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoTicketDetail, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const messages = (el: PorticoTicketDetail) => $$(el, '[part~="message"]');
const textarea = (el: PorticoTicketDetail) => $(el, '[part~="textarea"]') as HTMLTextAreaElement;
const sendButton = (el: PorticoTicketDetail) => $(el, '[part~="send"]') as HTMLButtonElement;
const settled = async (el: PorticoTicketDetail, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '.content[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
  // Markdown bodies are sanitized asynchronously.
  await waitUntil(() => $$(el, '[part~="body"]').every((b) => b.hasAttribute('data-ready')), 'bodies not rendered', { timeout: 4000 });
};
const type = async (el: PorticoTicketDetail, text: string) => {
  const area = textarea(el);
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const count = (api: { calls: Array<{ key: string }> }, key: string) => api.calls.filter((c) => c.key === key).length;
const pickFiles = async (el: PorticoTicketDetail, files: File[]) => {
  const input = $(el, 'input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
};

async function mount(template?: (client: unknown) => ReturnType<typeof html>, options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const el = await fixture<PorticoTicketDetail>(
    template ? template(mock.client) : html`<portico-ticket-detail .client=${mock.client} ticket-id="tkt_1"></portico-ticket-detail>`,
  );
  return { ...mock, el };
}

/** A reply handler that answers a fresh message per call and records the bodies it got. */
function replies(bodies: unknown[], delayMs = 0) {
  let n = 100;
  return ({ params, body }: MockRequest) => {
    bodies.push(body);
    const b = body as { body: string; attachmentIds?: string[] };
    n++;
    return {
      ...json(
        ticketMessage(n, {
          id: `msg_${n}`,
          ticketId: params.id!,
          body: b.body,
          bodyFormat: 'text',
          author: { kind: 'contact', id: 'ct_alice', name: 'Alice Example' },
          createdAt: new Date().toISOString(),
        }),
        201,
      ),
      delayMs,
    };
  };
}

describe('<portico-ticket-detail>', () => {
  describe('defaults', () => {
    it('loads the ticket and its thread', async () => {
      const { el, api } = await mount();
      expect(el.ticketId).to.equal('tkt_1');
      expect(el.noReply).to.equal(false);
      expect(el.noActions).to.equal(false);
      await settled(el);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect(api.calls.find((c) => c.key === 'tickets.get')!.url.pathname).to.match(/\/tickets\/tkt_1$/);
      expect($(el, '[part~="subject"]')!.textContent).to.equal('Cannot export report #1');
      expect($(el, '[part~="subject"]')!.tagName).to.equal('H2');
      expect($(el, '[part~="number"]')!.textContent).to.equal('#1001');
      expect($(el, '[part~="status"]')!.textContent).to.contain('Pending');
      expect($(el, '[part~="priority"]')!.textContent).to.contain('Normal');
      expect(messages(el).length).to.equal(4);
      expect(el.messages.map((m) => m.id)).to.deep.equal(['msg_1', 'msg_2', 'msg_3', 'msg_4']);
      expect(el.ticket!.id).to.equal('tkt_1');
    });

    it('renders Markdown bodies as HTML and text bodies as text', async () => {
      const { el } = await mount();
      await settled(el);
      const [first, second] = messages(el).map((m) => m.querySelector('[part~="body"]')!);
      expect(second!.querySelector('strong')!.textContent).to.equal('Could you try again');
      expect(first!.textContent).to.equal('The export button does nothing.');
      expect(messages(el)[1]!.dataset.author).to.equal('agent');
      expect(messages(el)[1]!.querySelector('[part~="author"]')!.textContent).to.contain('Support');
    });

    it('shows SLA: breached badge, due-soon badge and the next due date', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect($(el, '[part~="sla"]')).to.equal(null); // tkt_1: due in 40 h
      expect($(el, '[part~="meta"] [data-due="resolution"]')!.textContent).to.contain('Resolution due');
      const soon = new Date(Date.now() + 3_600_000).toISOString();
      api.data.tickets[0]!.sla = { firstResponseDueAt: soon, firstRespondedAt: null, resolutionDueAt: null, breached: false };
      await el.refresh();
      await settled(el);
      expect($(el, '[part~="sla"]')!.dataset.sla).to.equal('due-soon');
      expect($(el, '[part~="meta"] [data-due="first-response"]')!.textContent).to.contain('First response due');
      api.data.tickets[0]!.sla.breached = true;
      await el.refresh();
      await settled(el);
      expect($(el, '[part~="sla"]')!.dataset.sla).to.equal('breached');
    });

    it('links attachments against the API origin and drops unsafe ones', async () => {
      const { el, api } = await mount();
      api.use(
        'tickets.messages',
        json({
          data: [
            ticketMessage(1, {
              attachments: [{ id: 'att_1', fileName: 'log.txt', mediaType: 'text/plain', size: 2048, url: '/portal/v1/files/att_1?sig=x' }],
            }),
          ],
          nextCursor: null,
        }),
      );
      await el.refresh();
      await settled(el);
      const link = $(el, '[part~="message-attachments"] a') as HTMLAnchorElement;
      expect(link.href).to.equal('https://portal.test/portal/v1/files/att_1?sig=x');
      expect(link.textContent).to.equal('log.txt');
      expect($(el, '[part~="message-attachments"] .size')!.textContent).to.match(/2\s?kB/);
    });
  });

  describe('signed links on a page left open', () => {
    it('an attachment clicked near its link’s expiry is followed with a fresh link to the same file', async () => {
      const now = Math.floor(Date.now() / 1000);
      let loads = 0;
      const { el, api } = await mount();
      api.use('tickets.messages', () => {
        const exp = loads++ === 0 ? now + 20 : now + 900;
        const url = `/portal/v1/files/att_1?exp=${exp}&sig=s${exp}`;
        return json({
          data: [ticketMessage(1, { attachments: [{ id: 'att_1', fileName: 'log.txt', mediaType: 'text/plain', size: 20, url }] })],
          nextCursor: null,
        });
      });
      await el.refresh();
      await settled(el);
      loads = 1; // the next answer carries fresh links
      const followed: string[] = [];
      const onClick = (e: Event) => {
        const a = e.composedPath()[0];
        if (a instanceof HTMLAnchorElement) {
          followed.push(a.href);
          e.preventDefault();
        }
      };
      document.addEventListener('click', onClick);
      try {
        ($(el, '[part~="message-attachments"] a') as HTMLAnchorElement).click();
        await waitUntil(() => followed.length, 'the fresh link was not followed', { timeout: 4000 });
      } finally {
        document.removeEventListener('click', onClick);
      }
      expect(followed).to.deep.equal([`https://portal.test/portal/v1/files/att_1?exp=${now + 900}&sig=s${now + 900}`]);
    });
  });

  describe('sanitization', () => {
    it('renders hostile bodies inert (markdown and text)', async () => {
      const w = window as unknown as { __xss?: number };
      delete w.__xss;
      const { el, api } = await mount();
      api.use(
        'tickets.messages',
        json({
          data: [
            ticketMessage(1, {
              id: 'm1',
              bodyFormat: 'markdown',
              body: 'Hi <img src=x onerror="window.__xss=1"> and [x](javascript:window.__xss=2)',
            }),
            ticketMessage(2, { id: 'm2', bodyFormat: 'text', body: '<img src=x onerror="window.__xss=3"><b>bold?</b>' }),
            ticketMessage(3, {
              id: 'm3',
              bodyFormat: 'markdown',
              body: '<script>window.__xss=4</script><a href="JaVaScRiPt:window.__xss=5">y</a>',
            }),
          ],
          nextCursor: null,
        }),
      );
      await el.refresh();
      await settled(el);
      await aTimeout(50);
      const bodies = $$(el, '[part~="body"]');
      const all = bodies.flatMap((b) => [...b.querySelectorAll('*')]);
      expect(all.some((n) => [...n.attributes].some((a) => /^on/i.test(a.name)))).to.equal(false);
      expect(all.some((n) => n.tagName === 'SCRIPT')).to.equal(false);
      expect(all.filter((n) => n.tagName === 'A').some((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(false);
      // The text body is text: no element at all, the markup is visible as characters.
      expect(bodies[1]!.children.length).to.equal(0);
      expect(bodies[1]!.textContent).to.contain('<img src=x');
      // Clicking what is left runs nothing (http(s) links, such as the image from another origin turned link, would only navigate).
      for (const a of bodies[0]!.querySelectorAll('a')) if (!/^https?:$/.test(a.protocol)) a.click();
      expect(w.__xss).to.equal(undefined);
    });
  });

  describe('attributes and properties', () => {
    it('loads another ticket when ticket-id changes and resets the composer', async () => {
      const { el, api } = await mount();
      await settled(el);
      await type(el, 'draft for tkt_1');
      el.setAttribute('ticket-id', 'tkt_2');
      await settled(el);
      expect(api.calls.filter((c) => c.key === 'tickets.get').at(-1)!.url.pathname).to.match(/tkt_2$/);
      expect($(el, '[part~="subject"]')!.textContent).to.equal('Cannot export report #2');
      expect(textarea(el).value).to.equal('');
    });

    it('no-reply hides the composer; no-actions hides the actions', async () => {
      const { el } = await mount(
        (c) => html`<portico-ticket-detail .client=${c} ticket-id="tkt_1" no-reply no-actions></portico-ticket-detail>`,
      );
      await settled(el);
      expect(!!$(el, '[part~="composer"]')).to.equal(false);
      expect(!!$(el, '[part~="actions"]')).to.equal(false);
    });

    it('a closed ticket offers Reopen instead of the composer', async () => {
      const { el, api } = await mount();
      api.data.tickets[0]!.status = 'closed';
      await el.refresh();
      await settled(el);
      expect(!!$(el, '[part~="composer"]')).to.equal(false);
      expect($(el, '[part~="closed-notice"]')!.textContent).to.contain('closed');
      expect($$(el, '[part~="action"]').map((b) => b.dataset.action)).to.deep.equal(['reopen']);
    });
  });

  describe('slots', () => {
    it('renders header and actions slots', async () => {
      const { el } = await mount(
        (c) =>
          html`<portico-ticket-detail .client=${c} ticket-id="tkt_1"><a slot="header" href="#">Back</a><button slot="actions">Print</button></portico-ticket-detail>`,
      );
      await settled(el);
      expect(($(el, 'slot[name="header"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Back');
      expect(($(el, 'slot[name="actions"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Print');
    });

    it('renders the empty slot for an empty thread (header and composer stay)', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-ticket-detail .client=${c} ticket-id="tkt_1"><p slot="empty">Say hello</p></portico-ticket-detail>`,
      );
      api.use('tickets.messages', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect(($(el, 'slot[name="empty"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Say hello');
      expect(!!$(el, '[part~="subject"]')).to.equal(true);
      expect(!!$(el, '[part~="composer"]')).to.equal(true);
    });

    it('renders the error slot and keeps Retry', async () => {
      const { el, api } = await mount(
        (c) => html`<portico-ticket-detail .client=${c} ticket-id="tkt_1"><p slot="error">Support is offline</p></portico-ticket-detail>`,
      );
      api.use('tickets.get', problem(500, 'internal'));
      await el.refresh();
      await settled(el, 'error');
      expect(($(el, 'slot[name="error"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Support is offline');
      expect(!!$(el, '[part~="retry"]')).to.equal(true);
    });
  });

  describe('events', () => {
    it('fires portico-reply-request (cancelable) then portico-reply', async () => {
      const { el } = await mount();
      await settled(el);
      await type(el, '  It works now, thanks!  ');
      setTimeout(() => sendButton(el).click());
      const request = await oneEvent(el, 'portico-reply-request');
      expect(request.bubbles && request.composed && request.cancelable).to.equal(true);
      expect(request.detail).to.deep.equal({ ticketId: 'tkt_1', body: 'It works now, thanks!', attachmentIds: [] });
      const reply = await oneEvent(el, 'portico-reply');
      expect(reply.detail.message.body).to.equal('It works now, thanks!');
      await el.updateComplete;
      expect(messages(el).at(-1)!.dataset.id).to.equal('msg_9');
      expect($(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('Reply sent.');
    });

    it('a canceled portico-reply-request sends nothing and keeps the text', async () => {
      const { el, api } = await mount();
      await settled(el);
      await type(el, 'Hello');
      el.addEventListener('portico-reply-request', (e) => e.preventDefault(), { once: true });
      sendButton(el).click();
      await aTimeout(50);
      expect(count(api, 'tickets.reply')).to.equal(0);
      expect(textarea(el).value).to.equal('Hello');
      expect(messages(el).some((m) => m.hasAttribute('data-pending'))).to.equal(false);
    });

    it('close, escalate and reopen fire portico-ticket-action with the updated ticket', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect($$(el, '[part~="action"]').map((b) => b.dataset.action)).to.deep.equal(['close', 'escalate']);
      setTimeout(() => ($(el, '[data-action="escalate"]') as HTMLButtonElement).click());
      const escalated = await oneEvent(el, 'portico-ticket-action');
      expect(escalated.detail.action).to.equal('escalate');
      expect(escalated.detail.ticket.escalated).to.equal(true);
      await el.updateComplete;
      expect(!!$(el, '[part~="escalated"]')).to.equal(true);
      setTimeout(() => ($(el, '[data-action="close"]') as HTMLButtonElement).click());
      const closed = await oneEvent(el, 'portico-ticket-action');
      expect(closed.detail.ticket.status).to.equal('closed');
      await el.updateComplete;
      expect($(el, '[part~="status"]')!.textContent).to.contain('Closed');
      expect($(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('Ticket closed.');
      // Focus stays in the action group though Close was replaced by Reopen.
      expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.action).to.equal('reopen');
      setTimeout(() => ($(el, '[data-action="reopen"]') as HTMLButtonElement).click());
      expect((await oneEvent(el, 'portico-ticket-action')).detail.ticket.status).to.equal('open');
      expect(count(api, 'tickets.act')).to.equal(3);
    });

    it('a canceled portico-ticket-action-request sends nothing', async () => {
      const { el, api } = await mount();
      await settled(el);
      el.addEventListener('portico-ticket-action-request', (e) => e.preventDefault(), { once: true });
      ($(el, '[data-action="close"]') as HTMLButtonElement).click();
      await aTimeout(50);
      expect(count(api, 'tickets.act')).to.equal(0);
    });

    it('a failed action shows an alert', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('tickets.act', problem(403, 'forbidden'));
      await el.act('close');
      await el.updateComplete;
      expect($(el, '[part~="action-error"]')!.textContent).to.contain('You don’t have access to this.');
      expect($(el, '[part~="action-error"]')!.getAttribute('role')).to.equal('alert');
    });

    it('a failed action offers Try again: the same action, with the same idempotency key', async () => {
      const { el, api } = await mount();
      await settled(el);
      const keys: Array<string | null> = [];
      api.use('tickets.act', ({ headers, params }) => {
        keys.push(headers.get('idempotency-key'));
        return keys.length === 1 ? problem(503, 'unavailable') : json(ticketFx(1, { id: params.id!, status: 'closed' }));
      });
      await el.act('close');
      await el.updateComplete;
      expect($(el, '[part~="action-error"]')!.textContent).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      setTimeout(() => ($(el, '[part~="retry-action"]') as HTMLButtonElement).click());
      const done = await oneEvent(el, 'portico-ticket-action');
      expect(done.detail.action).to.equal('close');
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
      await el.updateComplete;
      expect(!!$(el, '[part~="action-error"]')).to.equal(false);
      await el.act('reopen');
      expect(keys[2]).to.not.equal(keys[0]);
    });

    it('fires portico-error when loading fails', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('tickets.get', problem(503, 'unavailable'));
      setTimeout(() => el.refresh());
      expect((await oneEvent(el, 'portico-error')).detail.code).to.equal('unavailable');
    });
  });

  describe('optimistic reply', () => {
    it('shows the reply at once, marked Sending…, with the button disabled and busy', async () => {
      const { el, api } = await mount();
      await settled(el);
      const bodies: unknown[] = [];
      api.use('tickets.reply', replies(bodies, 300));
      await type(el, 'On its way');
      sendButton(el).click();
      await el.updateComplete;
      const pending = messages(el).at(-1)!;
      expect(pending.hasAttribute('data-pending')).to.equal(true);
      expect(pending.textContent).to.contain('Sending…');
      expect(pending.querySelector('[part~="body"]')!.textContent).to.equal('On its way');
      expect(sendButton(el).disabled).to.equal(true);
      expect(sendButton(el).getAttribute('aria-busy')).to.equal('true');
      expect(textarea(el).value).to.equal('');
      expect(el.sending).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      await waitUntil(() => !el.sending, 'still sending', { timeout: 3000 });
      await el.updateComplete;
      expect(messages(el).some((m) => m.hasAttribute('data-pending'))).to.equal(false);
      expect(messages(el).at(-1)!.querySelector('[part~="body"]')!.textContent).to.equal('On its way');
      expect(sendButton(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('rolls back on failure: the text returns, an alert offers Try again with the same idempotency key', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('tickets.reply', problem(503, 'unavailable'));
      await type(el, 'Please look again');
      sendButton(el).click();
      await waitUntil(() => $(el, '[part~="reply-error"]'), 'no reply error', { timeout: 3000 });
      expect(messages(el).some((m) => m.hasAttribute('data-pending'))).to.equal(false);
      expect(textarea(el).value).to.equal('Please look again');
      expect($(el, '[part~="reply-error"]')!.getAttribute('role')).to.equal('alert');
      expect($(el, '[part~="reply-error"]')!.textContent).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      const bodies: unknown[] = [];
      api.use('tickets.reply', replies(bodies));
      setTimeout(() => ($(el, '[part~="retry-reply"]') as HTMLButtonElement).click());
      await oneEvent(el, 'portico-reply');
      const keys = api.calls.filter((c) => c.key === 'tickets.reply').map((c) => c.headers.get('idempotency-key'));
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string');
      expect(keys[1]).to.equal(keys[0]);
      await el.updateComplete;
      expect(!!$(el, '[part~="reply-error"]')).to.equal(false);
      expect(textarea(el).value).to.equal('');
      // A different reply afterwards gets a new key.
      await type(el, 'Something else');
      sendButton(el).click();
      await waitUntil(() => count(api, 'tickets.reply') === 3);
      const third = api.calls.filter((c) => c.key === 'tickets.reply')[2]!.headers.get('idempotency-key');
      expect(third).to.not.equal(keys[0]);
    });

    it('never sends twice: repeated clicks and Ctrl+Enter while sending make one request', async () => {
      const { el, api } = await mount();
      await settled(el);
      const bodies: unknown[] = [];
      api.use('tickets.reply', replies(bodies, 200));
      await type(el, 'Once');
      sendButton(el).click();
      sendButton(el).click();
      void el.send();
      textarea(el).focus();
      await sendKeys({ press: 'Control+Enter' });
      $(el, '[part~="composer"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await waitUntil(() => !el.sending, 'still sending', { timeout: 3000 });
      expect(count(api, 'tickets.reply')).to.equal(1);
      expect(bodies.length).to.equal(1);
    });

    it('validates an empty reply inline and focuses the text area', async () => {
      const { el, api } = await mount();
      await settled(el);
      await type(el, '   ');
      sendButton(el).click();
      await el.updateComplete;
      await aTimeout(0);
      const area = textarea(el);
      expect(area.getAttribute('aria-invalid')).to.equal('true');
      expect(area.getAttribute('aria-describedby')!.split(' ')).to.include('reply-invalid');
      expect($(el, '#reply-invalid')!.textContent).to.equal('Write a reply first.');
      expect(el.shadowRoot!.activeElement === area).to.equal(true);
      expect(count(api, 'tickets.reply')).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      await type(el, 'ok');
      expect(area.getAttribute('aria-invalid')).to.equal('false');
    });
  });

  describe('attachments', () => {
    it('uploads picked files, shows chips with remove, and sends their ids', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('attachments.upload', ({ body }) => {
        const file = (body as FormData).get('file') as File;
        return {
          ...json(
            { id: `att_${file.name}`, fileName: file.name, mediaType: 'text/plain', size: file.size, url: `/portal/v1/files/${file.name}` },
            201,
          ),
          delayMs: 100,
        };
      });
      const bodies: unknown[] = [];
      api.use('tickets.reply', replies(bodies));
      await pickFiles(el, [new File(['aaaa'], 'a.txt'), new File(['bb'], 'b.txt'), new File(['c'], 'c.txt')]);
      const chips = () => $$(el, '[part~="chip"]');
      expect(chips().map((c) => c.dataset.status)).to.deep.equal(['uploading', 'uploading', 'uploading']);
      expect(sendButton(el).disabled).to.equal(true); // waits for uploads
      await waitUntil(() => chips().every((c) => c.dataset.status === 'done'), 'uploads not done', { timeout: 3000 });
      await expect(el).to.be.accessible(AXE);
      const remove = chips()[1]!.querySelector('[part~="chip-remove"]') as HTMLButtonElement;
      expect(remove.getAttribute('aria-label')).to.equal('Remove b.txt');
      remove.click();
      await el.updateComplete;
      await aTimeout(0);
      expect(chips().map((c) => c.querySelector('.chip__name')!.textContent)).to.deep.equal(['a.txt', 'c.txt']);
      // Focus moved to the next remove button, not lost.
      expect(el.shadowRoot!.activeElement === chips()[1]!.querySelector('[part~="chip-remove"]')).to.equal(true);
      await type(el, 'Logs attached');
      setTimeout(() => sendButton(el).click());
      const request = await oneEvent(el, 'portico-reply-request');
      expect(request.detail.attachmentIds).to.deep.equal(['att_a.txt', 'att_c.txt']);
      await oneEvent(el, 'portico-reply');
      expect((bodies[0] as { attachmentIds: string[] }).attachmentIds).to.deep.equal(['att_a.txt', 'att_c.txt']);
      await el.updateComplete;
      expect(chips().length).to.equal(0);
      expect(count(api, 'attachments.upload')).to.equal(3);
    });

    it('marks a failed upload, which is not sent, and restores chips after a failed reply', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('attachments.upload', problem(413, 'too_large'));
      await pickFiles(el, [new File(['x'], 'big.bin')]);
      await waitUntil(() => $(el, '[part~="chip"]')?.dataset.status === 'failed', 'not failed', { timeout: 3000 });
      expect($(el, '[part~="chip"]')!.textContent).to.contain('big.bin couldn’t be uploaded.');
      api.reset();
      await pickFiles(el, [new File(['ok'], 'ok.txt')]);
      await waitUntil(() => $$(el, '[part~="chip"]')[1]?.dataset.status === 'done', 'not done', { timeout: 3000 });
      api.use('tickets.reply', problem(500, 'internal'));
      await type(el, 'with files');
      setTimeout(() => sendButton(el).click());
      expect((await oneEvent(el, 'portico-reply-request')).detail.attachmentIds).to.deep.equal(['att_1']);
      await waitUntil(() => $(el, '[part~="reply-error"]'), 'no error', { timeout: 3000 });
      expect($$(el, '[part~="chip"]').map((c) => c.dataset.status)).to.deep.equal(['failed', 'done']);
    });

    it('says the server’s upload limits under the composer and refuses a file over them before sending it', async () => {
      const mock = createMockClient();
      mock.api.use('attachments.policy', json({ maxBytes: 2048, maxFiles: 4, acceptedTypes: ['application/pdf'] }));
      const el = await fixture<PorticoTicketDetail>(
        html`<portico-ticket-detail .client=${mock.client} ticket-id="tkt_1"></portico-ticket-detail>`,
      );
      await settled(el);
      await waitUntil(() => $(el, '[part~="files-hint"]')?.textContent?.includes('Up to 4 files'), 'no hint', { timeout: 3000 });
      expect($(el, '[part~="files-hint"]')!.textContent!.trim()).to.equal('Up to 4 files, 2 kB each. Accepted: PDF.');
      await pickFiles(el, [new File([new Uint8Array(4096)], 'big.pdf', { type: 'application/pdf' })]);
      expect($(el, '[part~="chip"]')!.textContent).to.contain('big.pdf is larger than 2 kB, the limit for a file.');
      expect(count(mock.api, 'attachments.upload')).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('takes at most 10 files per reply', async () => {
      const { el } = await mount();
      await settled(el);
      await pickFiles(
        el,
        Array.from({ length: 12 }, (_, i) => new File(['x'], `f${i}.txt`)),
      );
      expect($$(el, '[part~="chip"]').length).to.equal(10);
      expect(el.shadowRoot!.textContent).to.contain('At most 10 files per reply.');
    });
  });

  describe('states', () => {
    it('loading: a skeleton and a status message, accessible', async () => {
      const { el } = await mount(undefined, { delayMs: 400 });
      const status = $(el, '[part~="loading"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.contain('Loading…');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('empty thread: default text, accessible', async () => {
      const { el, api } = await mount();
      api.use('tickets.messages', json({ data: [], nextCursor: null }));
      await el.refresh();
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No messages yet.');
      await expect(el).to.be.accessible(AXE);
    });

    it('error: an alert by code, Retry works, accessible', async () => {
      const { el, api } = await mount();
      api.use('tickets.messages', problem(503, 'unavailable'));
      await el.refresh();
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('The service is unavailable right now.');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(messages(el).length).to.equal(4);
    });

    it('404: says the ticket was not found, accessible', async () => {
      const { el } = await mount((c) => html`<portico-ticket-detail .client=${c} ticket-id="tkt_404"></portico-ticket-detail>`);
      await settled(el, 'not-found');
      expect($(el, '[part~="not-found"]')!.textContent).to.contain('This ticket doesn’t exist');
      expect(!!$(el, '[part~="retry"]')).to.equal(false);
      await expect(el).to.be.accessible(AXE);
    });

    for (const [name, response] of [
      ['a body that is not JSON', malformedJson()],
      ['JSON that breaks the contract', json({ data: [{ id: 'msg_1', body: 3 }], nextCursor: null })],
    ] as const) {
      it(`malformed data (${name}): an error state, never a crash or a blank`, async () => {
        const { el, api } = await mount();
        api.use('tickets.messages', response);
        await el.refresh();
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
        expect(messages(el).length).to.equal(0);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('refreshing: keeps the thread, marked busy, accessible', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.delay(300);
      const done = el.refresh();
      await el.updateComplete;
      expect($(el, '[part~="content"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(messages(el).length).to.equal(4);
      await expect(el).to.be.accessible(AXE);
      await done;
    });

    it('slow network: switching tickets aborts the older load, whose late answer is dropped', async () => {
      const { el, api } = await mount();
      await settled(el);
      const aborted: string[] = [];
      api.use('tickets.get', ({ params, signal }) => {
        signal?.addEventListener('abort', () => aborted.push(params.id!));
        const n = Number(params.id!.split('_')[1]);
        return { ...json(ticketFx(n)), delayMs: n === 3 ? 400 : 50 };
      });
      el.ticketId = 'tkt_3';
      await aTimeout(20);
      el.ticketId = 'tkt_5';
      await settled(el);
      await aTimeout(450);
      expect($(el, '[part~="subject"]')!.textContent).to.equal('Cannot export report #5');
      expect(aborted).to.deep.equal(['tkt_3']);
    });

    it('"Show more messages" appends the next page', async () => {
      const { el, api } = await mount();
      const all: TicketMessage[] = Array.from({ length: 60 }, (_, i) => ticketMessage(i + 1, { id: `m${i + 1}` }));
      api.use('tickets.messages', ({ query }) => {
        const offset = query.cursor ? 50 : 0;
        return json({ data: all.slice(offset, offset + 50), nextCursor: offset ? null : 'next' });
      });
      await el.refresh();
      await settled(el);
      expect(messages(el).length).to.equal(50);
      ($(el, '[part~="more"]') as HTMLButtonElement).click();
      await waitUntil(() => messages(el).length === 60, 'not appended', { timeout: 3000 });
      expect(!!$(el, '[part~="more"]')).to.equal(false);
    });

    it('"Show more messages" that fails says so with Retry; the list stays', async () => {
      const { el, api } = await mount();
      const all: TicketMessage[] = Array.from({ length: 60 }, (_, i) => ticketMessage(i + 1, { id: `m${i + 1}` }));
      api.use('tickets.messages', ({ query }) =>
        query.cursor ? problem(503, 'unavailable') : json({ data: all.slice(0, 50), nextCursor: 'next' }),
      );
      await el.refresh();
      await settled(el);
      ($(el, '[part~="more"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part~="more"][role="alert"]'), 'no failure', { timeout: 3000 });
      expect($(el, '[part~="more"]')!.textContent).to.contain('The service is unavailable right now.');
      expect(messages(el).length).to.equal(50);
      await expect(el).to.be.accessible(AXE);
      api.use('tickets.messages', ({ query }) =>
        json({ data: all.slice(query.cursor ? 50 : 0, query.cursor ? 60 : 50), nextCursor: query.cursor ? null : 'next' }),
      );
      ($(el, '[part~="more"] [part~="retry"]') as HTMLButtonElement).click();
      await waitUntil(() => messages(el).length === 60, 'not appended', { timeout: 3000 });
    });

    it('keeps the messages shown by "Show more" when a live event reloads the first page', async () => {
      const { el, api } = await mount();
      const all: TicketMessage[] = Array.from({ length: 60 }, (_, i) => ticketMessage(i + 1, { id: `m${i + 1}` }));
      api.use('tickets.messages', ({ query }) =>
        json({ data: all.slice(query.cursor ? 50 : 0, query.cursor ? 60 : 50), nextCursor: query.cursor ? null : 'next' }),
      );
      await el.refresh();
      await settled(el);
      ($(el, '[part~="more"]') as HTMLButtonElement).click();
      await waitUntil(() => messages(el).length === 60, 'not appended', { timeout: 3000 });
      await el.refresh();
      await settled(el);
      expect(messages(el).length).to.equal(60);
    });

    it('without a client: says it is not connected', async () => {
      const el = await fixture<PorticoTicketDetail>(html`<portico-ticket-detail ticket-id="tkt_1"></portico-ticket-detail>`);
      await waitUntil(() => $(el, '[role="alert"]'), 'no error', { timeout: 3000 });
      expect($(el, '[role="alert"]')!.textContent).to.contain('Not connected to the portal.');
    });
  });

  describe('live updates', () => {
    it('reloads on events for this ticket only', async () => {
      const { el, api } = await mount();
      await settled(el);
      await waitUntil(() => api.openStreams === 1, 'stream not opened', { timeout: 3000 });
      const before = count(api, 'tickets.get');
      const at = new Date().toISOString();
      api.emit({ id: 'e1', type: 'ticket.updated', resource: { kind: 'ticket', id: 'tkt_2' }, occurredAt: at });
      await aTimeout(300);
      expect(count(api, 'tickets.get')).to.equal(before);
      api.data.tickets[0]!.status = 'solved';
      api.emit({ id: 'e2', type: 'ticket.message_added', resource: { kind: 'ticket', id: 'tkt_1' }, occurredAt: at });
      await waitUntil(() => count(api, 'tickets.get') === before + 1, 'no reload', { timeout: 3000 });
      await settled(el);
      expect($(el, '[part~="status"]')!.textContent).to.contain('Solved');
      el.remove();
      await waitUntil(() => api.openStreams === 0, 'stream still open', { timeout: 3000 });
    });
  });

  describe('keyboard', () => {
    it('tab order: actions, links, reply, attach, send; Ctrl+Enter sends', async () => {
      const { el, api } = await mount();
      await settled(el);
      ($(el, '[data-action="close"]') as HTMLButtonElement).focus();
      const active = () => {
        const a = el.shadowRoot!.activeElement as HTMLElement | null;
        return a?.dataset.action ?? a?.id ?? a?.getAttribute('part') ?? a?.tagName ?? null;
      };
      expect(active()).to.equal('close');
      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal('escalate');
      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal('reply');
      await sendKeys({ press: 'Tab' });
      expect(active()).to.equal('files');
      await sendKeys({ type: 'Hi' }); // typing on the file input does nothing
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ type: 'Thanks!' });
      await sendKeys({ press: 'Enter' }); // a newline, not a send
      expect(count(api, 'tickets.reply')).to.equal(0);
      await sendKeys({ type: 'Bye' });
      setTimeout(() => sendKeys({ press: 'Control+Enter' }));
      const reply = await oneEvent(el, 'portico-reply');
      expect(reply.detail.message.body).to.equal('Thanks!\nBye');
    });
  });

  describe('accessibility', () => {
    it('loaded ticket passes axe (WCAG 2.2 AA)', async () => {
      const { el } = await mount();
      await settled(el);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-ticket-detail .client=${mock.client} ticket-id="tkt_1"></portico-ticket-detail></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-detail')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      expect($(el, '[part~="thread"]')!.getAttribute('aria-label')).to.equal('الرسائل');
      expect(sendButton(el).textContent!.trim()).to.equal('إرسال الرد');
      // The agent's accent border is on the right (inline-start).
      const agent = messages(el)[1]!;
      expect(getComputedStyle(agent).borderRightWidth).to.equal('3px');
      await expect(el).to.be.accessible(AXE);
    });

    it('renders German from a provider', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-ticket-detail ticket-id="tkt_1"></portico-ticket-detail></portico-provider>`,
      );
      const el = provider.querySelector('portico-ticket-detail')!;
      await settled(el);
      expect(sendButton(el).textContent!.trim()).to.equal('Antwort senden');
      expect($(el, '[part~="status"]')!.textContent).to.contain('Wartend');
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-ticket-detail theme="light" ticket-id="tkt_1" .client=${mock.client}></portico-ticket-detail>
        <portico-ticket-detail theme="dark" style="background: #0d1117" ticket-id="tkt_1" .client=${mock.client}></portico-ticket-detail>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-ticket-detail')] as PorticoTicketDetail[];
      await settled(light!);
      await settled(dark!);
      const colors = (el: PorticoTicketDetail) => {
        const s = getComputedStyle(messages(el)[1]!);
        return [s.color, s.backgroundColor];
      };
      expect(colors(dark!)[0]).to.not.equal(colors(light!)[0]);
      expect(colors(dark!)[1]).to.not.equal(colors(light!)[1]);
      await expect(dark).to.be.accessible(AXE);
    });
  });

  describe('narrow (320 px)', () => {
    it('has no horizontal overflow; a wide Markdown table scrolls inside its message and is keyboard-reachable', async () => {
      const mock = createMockClient();
      const wideRow = `| ${Array.from({ length: 16 }, (_, i) => `column-${i}-with-a-long-heading`).join(' | ')} |`;
      mock.api.use(
        'tickets.messages',
        json({
          data: [
            ticketMessage(1, { body: `A very long word: ${'x'.repeat(200)}` }),
            ticketMessage(2, { body: '```\nconst wide = "code that is far wider than the viewport of a phone held upright";\n```' }),
            ticketMessage(3, { bodyFormat: 'markdown', body: `${wideRow}\n|${'---|'.repeat(16)}\n${wideRow}` }),
          ],
          nextCursor: null,
        }),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-ticket-detail .client=${mock.client} ticket-id="tkt_1"></portico-ticket-detail></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-detail')!;
      await settled(el);
      await waitUntil(() => $(el, '[part~="body"] table'), 'no table rendered', { timeout: 3000 });
      const table = $(el, '[part~="body"] table')!;
      expect(table.scrollWidth).to.be.greaterThan(table.clientWidth);
      expect(table.tabIndex).to.equal(0);
      await pickFiles(el, [new File(['x'], `${'long-file-name-'.repeat(6)}.txt`)]);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const m of messages(el)) expect(m.scrollWidth).to.be.at.most(m.clientWidth + 1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
