import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { article, searchHit } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedJson, problem } from '../../testing/mock-api.js';
import '../provider/provider.js';
import type { PorticoTicketForm } from './ticket-form.component.js';
import './ticket-form.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: PorticoTicketForm, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: PorticoTicketForm, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const subject = (el: PorticoTicketForm) => $(el, '[part~="subject"]') as HTMLInputElement;
const body = (el: PorticoTicketForm) => $(el, '[part~="body"]') as HTMLTextAreaElement;
const submitButton = (el: PorticoTicketForm) => $(el, '[part~="submit"]') as HTMLButtonElement;
const suggestions = (el: PorticoTicketForm) => $$(el, '[part~="suggestion"]') as HTMLButtonElement[];
const active = (el: PorticoTicketForm) => {
  const a = el.shadowRoot!.activeElement as HTMLElement | null;
  return a?.id || a?.dataset.slug || a?.getAttribute('part') || null;
};
const count = (api: { calls: Array<{ key: string }> }, key: string) => api.calls.filter((c) => c.key === key).length;
const fill = async (el: PorticoTicketForm, field: 'subject' | 'body', value: string) => {
  const control = field === 'subject' ? subject(el) : body(el);
  control.value = value;
  control.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const fillValid = async (el: PorticoTicketForm) => {
  await fill(el, 'subject', 'Export fails');
  await fill(el, 'body', 'The export button does nothing.');
};
const pickFiles = async (el: PorticoTicketForm, files: File[]) => {
  const input = $(el, 'input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
};
const withSuggestions = async (el: PorticoTicketForm) => {
  await fill(el, 'subject', 'export report');
  await waitUntil(() => suggestions(el).length === 3, 'no suggestions', { timeout: 3000 });
};
/** The `<portico-kb-article>` that shows an opened suggestion, and a query in its shadow root. */
const nested = (el: PorticoTicketForm) =>
  $(el, '[part~="article"] portico-kb-article') as (HTMLElement & { shadowRoot: ShadowRoot }) | null;
const $article = (el: PorticoTicketForm, sel: string) => nested(el)?.shadowRoot.querySelector<HTMLElement>(sel) ?? null;
const openedArticle = async (el: PorticoTicketForm) =>
  waitUntil(() => $article(el, '[part~="body"]'), 'article not open', { timeout: 3000 });

async function mount(template?: (client: unknown) => ReturnType<typeof html>, options: Parameters<typeof createMockClient>[0] = {}) {
  const mock = createMockClient(options);
  const el = await fixture<PorticoTicketForm>(
    template ? template(mock.client) : html`<portico-ticket-form .client=${mock.client} debounce="30"></portico-ticket-form>`,
  );
  return { ...mock, el };
}

describe('<portico-ticket-form>', () => {
  describe('defaults', () => {
    it('renders empty labelled fields, normal priority, a Send button', async () => {
      const { el, api } = await mount();
      expect(el.subject).to.equal('');
      expect(el.body).to.equal('');
      expect(el.priority).to.equal('normal');
      expect(el.debounce).to.equal(30);
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
      expect($(el, 'label[for="subject"]')!.textContent).to.contain('Subject');
      expect($(el, 'label[for="body"]')!.textContent).to.contain('Description');
      expect(($(el, '[part~="priority"]') as HTMLSelectElement).value).to.equal('normal');
      expect(submitButton(el).textContent!.trim()).to.equal('Send ticket');
      expect(subject(el).getAttribute('aria-invalid')).to.equal('false');
      expect(subject(el).getAttribute('aria-describedby')).to.equal('subject-hint');
      expect(!!$(el, '[part~="suggestions"]')).to.equal(false);
      await aTimeout(60);
      expect(count(api, 'articles.search')).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('attributes and properties', () => {
    it('takes prefilled subject, body and priority', async () => {
      const { el } = await mount(
        (c) =>
          html`<portico-ticket-form .client=${c} subject="Invoice wrong" body="Line 3" priority="high" no-suggestions></portico-ticket-form>`,
      );
      expect(subject(el).value).to.equal('Invoice wrong');
      expect(body(el).value).to.equal('Line 3');
      expect(($(el, '[part~="priority"]') as HTMLSelectElement).value).to.equal('high');
      ($(el, '[part~="priority"]') as HTMLSelectElement).value = 'urgent';
      $(el, '[part~="priority"]')!.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.priority).to.equal('urgent');
      expect(el.getAttribute('priority')).to.equal('urgent');
    });

    it('no-suggestions: never searches', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} debounce="10" no-suggestions></portico-ticket-form>`);
      await fill(el, 'subject', 'export report');
      await aTimeout(80);
      expect(count(api, 'articles.search')).to.equal(0);
    });
  });

  describe('slots', () => {
    it('renders header and success slots', async () => {
      const { el } = await mount(
        (c) =>
          html`<portico-ticket-form .client=${c} no-suggestions><h2 slot="header">Contact us</h2><p slot="success">Thanks!</p></portico-ticket-form>`,
      );
      expect(($(el, 'slot[name="header"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Contact us');
      await fillValid(el);
      await el.submit();
      await el.updateComplete;
      expect(($(el, 'slot[name="success"]') as HTMLSlotElement).assignedElements()[0]!.textContent).to.equal('Thanks!');
    });
  });

  describe('validation (from the contract)', () => {
    it('submit with empty fields: errors on both, aria-invalid + aria-describedby, focus on the first', async () => {
      const { el, api } = await mount();
      submitButton(el).click();
      await el.updateComplete;
      await aTimeout(0);
      expect(subject(el).getAttribute('aria-invalid')).to.equal('true');
      expect(body(el).getAttribute('aria-invalid')).to.equal('true');
      expect(subject(el).getAttribute('aria-describedby')).to.equal('subject-hint subject-error');
      expect(body(el).getAttribute('aria-describedby')).to.equal('body-hint body-error');
      expect($(el, '#subject-error')!.textContent).to.equal('Enter a subject of at least 3 characters.');
      expect($(el, '#body-error')!.textContent).to.equal('Describe the problem.');
      expect(active(el)).to.equal('subject');
      expect($(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('Fix 2 fields');
      expect(count(api, 'tickets.create')).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      // Fixing the subject focuses the next invalid field on the next submit.
      await fill(el, 'subject', 'Export');
      expect(subject(el).getAttribute('aria-invalid')).to.equal('false');
      submitButton(el).click();
      await el.updateComplete;
      await aTimeout(0);
      expect(active(el)).to.equal('body');
    });

    it('shows a field’s error once it was left, not while first typing', async () => {
      const { el } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      subject(el).focus();
      await sendKeys({ type: 'ab' });
      await el.updateComplete;
      expect(!!$(el, '#subject-error')).to.equal(false);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect($(el, '#subject-error')!.textContent).to.contain('at least 3');
      subject(el).focus();
      await sendKeys({ type: 'c' });
      await el.updateComplete;
      expect(!!$(el, '#subject-error')).to.equal(false);
    });

    it('length limits: subject over 200 and description over 20 000 characters', async () => {
      const { el } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      await fill(el, 'subject', 'x'.repeat(201));
      await fill(el, 'body', 'y'.repeat(20_001));
      await el.submit();
      await el.updateComplete;
      expect($(el, '#subject-error')!.textContent).to.contain('under 200');
      expect($(el, '#body-error')!.textContent).to.contain('20,000');
    });
  });

  describe('submit and events', () => {
    it('fires portico-ticket-create-request (cancelable) then portico-ticket-create, shows success, resets', async () => {
      const { el, api } = await mount();
      await fill(el, 'subject', '  Export fails  ');
      await fill(el, 'body', 'Nothing happens.');
      setTimeout(() => submitButton(el).click());
      const request = await oneEvent(el, 'portico-ticket-create-request');
      expect(request.bubbles && request.composed && request.cancelable).to.equal(true);
      expect(request.detail.input).to.deep.equal({ subject: 'Export fails', body: 'Nothing happens.', priority: 'normal' });
      const created = await oneEvent(el, 'portico-ticket-create');
      expect(created.detail.ticket.subject).to.equal('Export fails');
      expect(count(api, 'tickets.create')).to.equal(1);
      await el.updateComplete;
      expect($(el, '[part~="success"]')!.textContent).to.contain('Ticket #1041 created.');
      expect(el.subject).to.equal('');
      await expect(el).to.be.accessible(AXE);
      ($(el, '[part~="success"] button') as HTMLButtonElement).click();
      await el.updateComplete;
      await aTimeout(0);
      expect(subject(el).value).to.equal('');
      expect(active(el)).to.equal('subject');
    });

    it('a canceled request sends nothing', async () => {
      const { el, api } = await mount();
      await fillValid(el);
      el.addEventListener('portico-ticket-create-request', (e) => e.preventDefault(), { once: true });
      expect(await el.submit()).to.equal(undefined);
      expect(count(api, 'tickets.create')).to.equal(0);
      expect(subject(el).value).to.equal('Export fails');
    });

    it('sends once however often it is submitted (disabled + aria-busy meanwhile)', async () => {
      const { el, api } = await mount();
      api.use('tickets.create', () => ({ ...json(createdTicket(), 201), delayMs: 200 }));
      await fillValid(el);
      submitButton(el).click();
      await el.updateComplete;
      expect(submitButton(el).disabled).to.equal(true);
      expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
      expect(subject(el).readOnly).to.equal(true);
      submitButton(el).click();
      ($(el, 'form') as HTMLFormElement).requestSubmit();
      void el.submit();
      await waitUntil(() => !el.submitting, 'still submitting', { timeout: 3000 });
      expect(count(api, 'tickets.create')).to.equal(1);
    });

    it('server validation_failed: field errors land on their fields, the first is focused', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      api.use(
        'tickets.create',
        problem(400, 'validation_failed', 'Invalid', {
          errors: [
            { path: 'body', message: 'Contains a blocked word.' },
            { path: 'attachment_ids.0', message: 'Unknown attachment.' },
          ],
        }),
      );
      await fillValid(el);
      await el.submit();
      await el.updateComplete;
      expect($(el, '#body-error')!.textContent).to.equal('Contains a blocked word.');
      expect(body(el).getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#attachments-error')!.textContent).to.equal('Unknown attachment.');
      expect(active(el)).to.equal('body');
      expect(!!$(el, '[part~="failure"]')).to.equal(false);
      await expect(el).to.be.accessible(AXE);
      // Editing the field clears the server's message.
      await fill(el, 'body', 'Reworded.');
      expect(!!$(el, '#body-error')).to.equal(false);
    });

    it('other errors: an alert with Try again, which reuses the idempotency key', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      api.use('tickets.create', problem(503, 'unavailable'));
      await fillValid(el);
      await el.submit();
      await el.updateComplete;
      const failure = $(el, '[part~="failure"]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(failure.textContent).to.contain('The ticket wasn’t sent. The service is unavailable right now.');
      expect(subject(el).value).to.equal('Export fails');
      await expect(el).to.be.accessible(AXE);
      api.reset();
      setTimeout(() => ($(el, '[part~="retry"]') as HTMLButtonElement).click());
      await oneEvent(el, 'portico-ticket-create');
      const keys = api.calls.filter((c) => c.key === 'tickets.create').map((c) => c.headers.get('idempotency-key'));
      // reset() cleared the first call's record: compare with a fresh failure round instead.
      expect(keys.length).to.equal(1);
      const { el: el2, api: api2 } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      api2.use('tickets.create', problem(500, 'internal'));
      await fillValid(el2);
      await el2.submit();
      await el2.submit();
      await fill(el2, 'body', 'Changed text.');
      await el2.submit();
      const k = api2.calls.filter((c) => c.key === 'tickets.create').map((c) => c.headers.get('idempotency-key'));
      expect(k.length).to.equal(3);
      expect(k[1]).to.equal(k[0]);
      expect(k[2]).to.not.equal(k[0]);
    });

    it('malformed response: the "couldn’t be read" alert', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      api.use('tickets.create', malformedJson());
      await fillValid(el);
      await el.submit();
      await el.updateComplete;
      expect($(el, '[part~="failure"]')!.textContent).to.contain('The server sent data that couldn’t be read.');
    });

    it('without a client: says it is not connected', async () => {
      const el = await fixture<PorticoTicketForm>(html`<portico-ticket-form no-suggestions></portico-ticket-form>`);
      await fillValid(el);
      await el.submit();
      await el.updateComplete;
      expect($(el, '[part~="failure"]')!.textContent).to.contain('Not connected to the portal.');
    });
  });

  describe('attachments', () => {
    it('uploads files, shows removable chips and sends their ids', async () => {
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      api.use('attachments.upload', ({ body: form }) => {
        const file = (form as FormData).get('file') as File;
        return {
          ...json({ id: `att_${file.name}`, fileName: file.name, mediaType: 'text/plain', size: file.size, url: `/f/${file.name}` }, 201),
          delayMs: 80,
        };
      });
      await pickFiles(el, [new File(['a'], 'a.txt'), new File(['b'], 'b.txt')]);
      expect(submitButton(el).disabled).to.equal(true);
      await waitUntil(() => $$(el, '[part~="chip"]').every((c) => c.dataset.status === 'done'), 'uploads', { timeout: 3000 });
      ($$(el, '[part~="chip-remove"]')[0] as HTMLButtonElement).click();
      await el.updateComplete;
      await fillValid(el);
      setTimeout(() => submitButton(el).click());
      const request = await oneEvent(el, 'portico-ticket-create-request');
      expect(request.detail.input.attachmentIds).to.deep.equal(['att_b.txt']);
    });

    it('at most 10 files', async () => {
      const { el } = await mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
      await pickFiles(
        el,
        Array.from({ length: 11 }, (_, i) => new File(['x'], `f${i}.txt`)),
      );
      expect($$(el, '[part~="chip"]').length).to.equal(10);
      expect($(el, '#attachments-error')!.textContent).to.equal('At most 10 files per ticket.');
    });
  });

  describe('attachments: the server’s limits, progress, cancel, retry', () => {
    const mountForm = () => mount((c) => html`<portico-ticket-form .client=${c} no-suggestions></portico-ticket-form>`);
    const hint = (el: PorticoTicketForm) => $(el, '[part~="files-hint"]')!.textContent!.trim();
    /** A form whose server answers the upload policy with `policy` (a body, or a problem response). */
    const withPolicy = async (policy: Parameters<ReturnType<typeof createMockClient>['api']['use']>[1]) => {
      const mock = createMockClient();
      mock.api.use('attachments.policy', policy);
      const el = await fixture<PorticoTicketForm>(html`<portico-ticket-form .client=${mock.client} no-suggestions></portico-ticket-form>`);
      await waitUntil(() => count(mock.api, 'attachments.policy') === 1, 'no policy request', { timeout: 3000 });
      await aTimeout(20);
      await el.updateComplete;
      return { el, api: mock.api };
    };

    it('says the server’s limits up front (GET /attachments/policy) and describes the file input with them', async () => {
      const { el } = await withPolicy(
        json({ maxBytes: 5 * 1024 * 1024, maxFiles: 3, acceptedTypes: ['image/png', 'application/pdf', 'text/plain'] }),
      );
      expect(hint(el)).to.equal('Up to 3 files, 5 MB each. Accepted: images, PDF, and text files.');
      const input = $(el, 'input[type="file"]') as HTMLInputElement;
      expect(input.getAttribute('aria-describedby')).to.equal('files-hint');
      expect(input.accept).to.equal('image/png,application/pdf,text/plain,text/*');
      await pickFiles(
        el,
        [1, 2, 3, 4].map((i) => new File(['x'], `f${i}.txt`)),
      );
      expect($$(el, '[part~="chip"]').length).to.equal(3);
      expect($(el, '#attachments-error')!.textContent).to.equal('At most 3 files per ticket.');
      await expect(el).to.be.accessible(AXE);
    });

    it('falls back to the server’s defaults (any type) when the policy can’t be read, and still uploads', async () => {
      const { el, api } = await withPolicy(problem(503, 'unavailable'));
      expect(hint(el)).to.equal('Up to 10 files, 25 MB each.');
      await pickFiles(el, [new File(['x'], 'tool.exe', { type: 'application/x-msdownload' })]);
      await waitUntil(() => $(el, '[part~="chip"]')?.dataset.status === 'done', 'not uploaded', { timeout: 3000 });
      expect(count(api, 'attachments.upload')).to.equal(1);
    });

    it('refuses a file over the size limit or of a type the server refuses before sending it, and says why', async () => {
      const { el, api } = await withPolicy(json({ maxBytes: 1024, maxFiles: 10, acceptedTypes: ['text/plain', 'application/pdf'] }));
      expect(hint(el)).to.equal('Up to 10 files, 1 kB each. Accepted: text files and PDF.');
      await pickFiles(el, [
        new File([new Uint8Array(2048)], 'big.txt', { type: 'text/plain' }),
        new File(['x'], 'photo.png', { type: 'image/png' }),
      ]);
      const chips = $$(el, '[part~="chip"]');
      expect(chips.map((c) => c.dataset.status)).to.deep.equal(['failed', 'failed']);
      expect(chips[0]!.textContent).to.contain('big.txt is larger than 1 kB, the limit for a file.');
      expect(chips[1]!.textContent).to.contain('photo.png is not a kind of file that can be sent. Accepted: text files and PDF.');
      expect(chips.every((c) => !c.querySelector('[part~="chip-retry"]'))).to.equal(true);
      expect(count(api, 'attachments.upload')).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      // Text formats count as text; an unknown type is left to the server, which reads the bytes.
      await pickFiles(el, [new File(['a,b'], 'table.csv', { type: 'text/csv' }), new File(['?'], 'noext', { type: '' })]);
      await waitUntil(() => count(api, 'attachments.upload') === 2, 'not sent', { timeout: 3000 });
    });

    it('shows progress while uploading; removing a file on its way stops its upload', async () => {
      const { el, api } = await mountForm();
      const aborted: string[] = [];
      api.use('attachments.upload', ({ body: form, signal }) => {
        const file = (form as FormData).get('file') as File;
        signal?.addEventListener('abort', () => aborted.push(file.name));
        return {
          ...json({ id: `att_${file.name}`, fileName: file.name, mediaType: 'text/plain', size: file.size, url: `/f/${file.name}` }, 201),
          delayMs: 600,
        };
      });
      await pickFiles(el, [new File([new Uint8Array(4000)], 'slow.txt'), new File(['b'], 'stop.txt')]);
      const progress = () => $$(el, '[part~="chip-progress"]') as HTMLProgressElement[];
      expect(progress().length).to.equal(2);
      expect(progress()[0]!.getAttribute('aria-label')).to.equal('Uploading slow.txt…');
      // The chips' styles came with them (adopted by the shadow root once).
      const chip = $(el, '[part~="chip"]')!;
      expect(getComputedStyle(chip).display).to.match(/flex/);
      expect(getComputedStyle(chip).borderStyle).to.equal('dashed');
      expect(el.shadowRoot!.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.startsWith('.chip '))).length).to.equal(
        1,
      );
      await waitUntil(() => progress()[0]!.value === 2000, `progress ${progress()[0]?.value}`, { timeout: 3000 });
      expect(progress()[0]!.max).to.equal(4000);
      await expect(el).to.be.accessible(AXE);
      const stop = $$(el, '[part~="chip-remove"]')[1] as HTMLButtonElement;
      expect(stop.getAttribute('aria-label')).to.equal('Stop uploading stop.txt');
      stop.click();
      await waitUntil(() => aborted.includes('stop.txt'), 'not aborted', { timeout: 3000 });
      await waitUntil(() => $$(el, '[part~="chip"]').every((c) => c.dataset.status === 'done'), 'not done', { timeout: 3000 });
      expect($$(el, '[part~="chip"]').length).to.equal(1);
      expect($(el, '[part~="chip"]')!.textContent).to.contain('slow.txt');
    });

    it('a failed upload (network, server) says why and offers Try again, which sends with the same idempotency key', async () => {
      const { el, api } = await mountForm();
      const keys: Array<string | null> = [];
      api.use('attachments.upload', ({ headers }) => {
        keys.push(headers.get('idempotency-key'));
        return keys.length === 1
          ? problem(503, 'unavailable')
          : json({ id: 'att_9', fileName: 'a.txt', mediaType: 'text/plain', size: 1, url: '/f/a' }, 201);
      });
      await pickFiles(el, [new File(['a'], 'a.txt')]);
      await waitUntil(() => $(el, '[part~="chip-retry"]'), 'no retry', { timeout: 3000 });
      expect($(el, '[part~="chip"]')!.textContent).to.contain('a.txt couldn’t be uploaded. The service is unavailable right now.');
      expect($(el, '[part~="chip-retry"]')!.getAttribute('aria-label')).to.equal('Try again to upload a.txt');
      await expect(el).to.be.accessible(AXE);
      ($(el, '[part~="chip-retry"]') as HTMLButtonElement).click();
      await waitUntil(() => $(el, '[part~="chip"]')!.dataset.status === 'done', 'not done', { timeout: 3000 });
      expect(keys.length).to.equal(2);
      expect(keys[0]).to.be.a('string');
      expect(keys[1]).to.equal(keys[0]);
    });

    it('a file the server refuses as too large (413) says the limit, with no Try again', async () => {
      const { el, api } = await mountForm();
      api.use('attachments.upload', problem(413, 'payload_too_large'));
      await pickFiles(el, [new File(['x'], 'huge.bin')]);
      await waitUntil(() => $(el, '[part~="chip"]')?.dataset.status === 'failed', 'not failed', { timeout: 3000 });
      expect($(el, '[part~="chip"]')!.textContent).to.contain('huge.bin is larger than 25 MB, the limit for a file.');
      expect(!!$(el, '[part~="chip-retry"]')).to.equal(false);
    });
  });

  describe('knowledge-base suggestions', () => {
    it('searches (debounced, limit 5) while typing and lists articles under the subject', async () => {
      // A window wide enough that typing the phrase always falls inside it, however loaded the machine.
      const { el, api } = await mount((c) => html`<portico-ticket-form .client=${c} debounce="2000"></portico-ticket-form>`);
      subject(el).focus();
      await sendKeys({ type: 'export report' });
      await waitUntil(() => suggestions(el).length === 3, 'no suggestions', { timeout: 6000 });
      const searches = api.calls.filter((c) => c.key === 'articles.search');
      expect(searches.length).to.equal(1); // debounced: one request for the whole word
      expect(searches[0]!.query).to.include({ q: 'export report', limit: '5' });
      const list = $(el, '[part~="suggestions"]')!;
      // Right under the subject field.
      expect(list.previousElementSibling!.getAttribute('part')).to.contain('subject-field');
      expect(suggestions(el)[0]!.querySelector('mark')!.textContent).to.equal('reports');
      expect($(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('3 suggested articles.');
      await expect(el).to.be.accessible(AXE);
      await fill(el, 'subject', 'ex');
      await fill(el, 'body', '');
      await waitUntil(() => suggestions(el).length === 0, 'suggestions stay', { timeout: 3000 });
    });

    it('opens an article in place in a <portico-kb-article> (client, language, heading level passed on); Escape returns to the suggestion', async () => {
      const { el, api } = await mount();
      await withSuggestions(el);
      setTimeout(() => suggestions(el)[1]!.click());
      const open = await oneEvent(el, 'portico-article-open');
      expect(open.cancelable).to.equal(true);
      expect(open.detail.slug).to.equal('exporting-reports-2');
      await openedArticle(el);
      expect(api.calls.find((c) => c.key === 'articles.get')!.url.pathname).to.match(/exporting-reports-2$/);
      expect($(el, '#article-title')!.textContent).to.equal('Suggested article');
      expect($article(el, '[part~="title"]')!.textContent).to.equal('Exporting reports (2)');
      expect($article(el, '[part~="title"]')!.getAttribute('aria-level')).to.equal('4');
      expect($article(el, '[part~="body"] strong')!.textContent).to.equal('Export');
      expect($article(el, '[part~="feedback"]')).to.equal(null);
      expect(nested(el)!.getAttribute('lang')).to.equal(el.locale.lang);
      expect(active(el)).to.equal('article-title');
      await el.updateComplete;
      expect(!!$(el, '[part~="solved"]')).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      await aTimeout(0);
      expect(!!$(el, '[part~="article"]')).to.equal(false);
      expect(active(el)).to.equal('exporting-reports-2');
    });

    it('a canceled portico-article-open does not open in place', async () => {
      const { el, api } = await mount();
      await withSuggestions(el);
      el.addEventListener('portico-article-open', (e) => e.preventDefault(), { once: true });
      suggestions(el)[0]!.click();
      await aTimeout(50);
      expect(!!$(el, '[part~="article"]')).to.equal(false);
      expect(count(api, 'articles.get')).to.equal(0);
    });

    it('renders a hostile article body inert', async () => {
      const w = window as unknown as { __xss?: number };
      delete w.__xss;
      const { el, api } = await mount();
      api.use(
        'articles.get',
        json(article(1, { body: 'Hi <img src=x onerror="window.__xss=1"> [x](javascript:window.__xss=2)', bodyFormat: 'markdown' })),
      );
      await withSuggestions(el);
      suggestions(el)[0]!.click();
      await openedArticle(el);
      const nodes = [...$article(el, '[part~="body"]')!.querySelectorAll('*')];
      expect(nodes.some((n) => [...n.attributes].some((a) => /^on/i.test(a.name)))).to.equal(false);
      expect(nodes.some((n) => /^\s*javascript:/i.test(n.getAttribute('href') ?? ''))).to.equal(false);
      await aTimeout(50);
      expect(w.__xss).to.equal(undefined);
    });

    it('an article that fails to load shows the error with a retry in the panel, bubbles portico-error and offers no "solved"', async () => {
      const { el, api } = await mount();
      api.use('articles.get', problem(503, 'unavailable'));
      await withSuggestions(el);
      const errors: string[] = [];
      el.addEventListener('portico-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
      suggestions(el)[0]!.click();
      await waitUntil(() => $article(el, '[role="alert"]'), 'no alert', { timeout: 3000 });
      expect(!!$article(el, '[part~="retry"]')).to.equal(true);
      expect(errors).to.deep.equal(['unavailable']);
      await el.updateComplete;
      expect(!!$(el, '[part~="solved"]')).to.equal(false);
      expect(!!$(el, '[part~="article-close"]')).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      // Retry in the panel: once the article shows, "This solved my problem" is offered.
      api.reset();
      $article(el, '[part~="retry"]')!.click();
      await openedArticle(el);
      await el.updateComplete;
      expect(!!$(el, '[part~="solved"]')).to.equal(true);
    });

    it('offers "This solved my problem" only once the article is on screen', async () => {
      const { el, api } = await mount();
      await withSuggestions(el);
      api.delay(400);
      suggestions(el)[0]!.click();
      await el.updateComplete;
      await waitUntil(() => $article(el, '[part~="loading"]'), 'no loading state', { timeout: 3000 });
      expect(!!$(el, '[part~="solved"]')).to.equal(false);
      expect(!!$(el, '[part~="article-close"]')).to.equal(true);
      await openedArticle(el);
      await el.updateComplete;
      expect(!!$(el, '[part~="solved"]')).to.equal(true);
    });

    it('registers <portico-kb-article> with the form (the component module alone defines nothing)', async () => {
      expect(customElements.get('portico-kb-article')).to.not.equal(undefined);
      const source = await (await fetch(new URL('./ticket-form.component.ts', import.meta.url))).text();
      expect(source).to.not.match(/^import ['"][^'"]+['"];$/m);
    });

    it('an unknown article shows its not-found text in the panel', async () => {
      const { el, api } = await mount();
      api.use('articles.get', problem(404, 'not_found'));
      await withSuggestions(el);
      suggestions(el)[0]!.click();
      await waitUntil(() => $article(el, '[part~="not-found"]'), 'no not-found state', { timeout: 3000 });
      await el.updateComplete;
      expect(!!$(el, '[part~="solved"]')).to.equal(false);
      await expect(el).to.be.accessible(AXE);
    });

    it('a failing search shows no suggestions and does not disturb the form', async () => {
      const { el, api } = await mount();
      api.use('articles.search', problem(503, 'unavailable'));
      await fill(el, 'subject', 'export report');
      await waitUntil(() => count(api, 'articles.search') === 1, 'no search', { timeout: 3000 });
      await aTimeout(30);
      expect(!!$(el, '[part~="suggestions"]')).to.equal(false);
      expect(!!$(el, '[role="alert"]')).to.equal(false);
    });

    it('slow network: a newer query aborts the older search, whose late answer is dropped', async () => {
      const { el, api } = await mount();
      const aborted: string[] = [];
      api.use('articles.search', ({ query, signal }) => {
        signal?.addEventListener('abort', () => aborted.push(query.q!));
        const slow = query.q === 'printer';
        return { ...json({ data: [searchHit(slow ? 1 : 2), ...(slow ? [searchHit(3)] : [])] }), delayMs: slow ? 400 : 20 };
      });
      await fill(el, 'subject', 'printer');
      await waitUntil(() => count(api, 'articles.search') === 1, 'no first search', { timeout: 3000 });
      await fill(el, 'subject', 'scanner');
      await waitUntil(() => suggestions(el).length === 1, 'no second result', { timeout: 3000 });
      await aTimeout(450);
      expect(suggestions(el).map((s) => s.dataset.slug)).to.deep.equal(['exporting-reports-2']);
      expect(aborted).to.deep.equal(['printer']);
    });
  });

  describe('deflection', () => {
    it('fires portico-deflect when an opened suggestion is followed by leaving (removal)', async () => {
      const { el } = await mount();
      await withSuggestions(el);
      suggestions(el)[2]!.click();
      await openedArticle(el);
      setTimeout(() => el.remove());
      const event = await oneEvent(document, 'portico-deflect');
      expect(event.detail.slug).to.equal('exporting-reports-3');
    });

    it('also when the host opened the article itself (canceled open)', async () => {
      const { el } = await mount();
      await withSuggestions(el);
      el.addEventListener('portico-article-open', (e) => e.preventDefault(), { once: true });
      suggestions(el)[0]!.click();
      const onEl = oneEvent(el, 'portico-deflect');
      el.remove();
      expect((await onEl).detail.slug).to.equal('exporting-reports-1');
    });

    it('"This solved my problem" fires it once and thanks the customer', async () => {
      const { el } = await mount();
      let fired = 0;
      el.addEventListener('portico-deflect', () => fired++);
      await withSuggestions(el);
      suggestions(el)[0]!.click();
      await openedArticle(el);
      setTimeout(() => ($(el, '[part~="solved"]') as HTMLButtonElement).click());
      expect((await oneEvent(el, 'portico-deflect')).detail.slug).to.equal('exporting-reports-1');
      await el.updateComplete;
      expect($(el, '[part~="deflected"]')!.textContent).to.contain('Glad that helped!');
      await expect(el).to.be.accessible(AXE);
      el.remove();
      await aTimeout(20);
      expect(fired).to.equal(1);
    });

    it('no deflection when the ticket was sent, or when no article was opened', async () => {
      const { el } = await mount();
      let fired = 0;
      document.addEventListener('portico-deflect', () => fired++);
      await withSuggestions(el);
      suggestions(el)[0]!.click();
      await openedArticle(el);
      ($(el, '[part~="article-close"]') as HTMLButtonElement).click();
      await fill(el, 'body', 'Still broken.');
      await fill(el, 'subject', 'Export fails');
      await el.submit();
      el.remove();
      const { el: other } = await mount();
      await withSuggestions(other);
      other.remove();
      await aTimeout(20);
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('tab order follows the form; Enter in the subject submits', async () => {
      const { el, api } = await mount();
      await withSuggestions(el);
      subject(el).focus();
      const order: Array<string | null> = [active(el)];
      for (let i = 0; i < 7; i++) {
        await sendKeys({ press: 'Tab' });
        order.push(active(el));
      }
      expect(order).to.deep.equal([
        'subject',
        'exporting-reports-1',
        'exporting-reports-2',
        'exporting-reports-3',
        'body',
        'priority',
        'files',
        'submit',
      ]);
      await fill(el, 'body', 'Nothing happens.');
      subject(el).focus();
      setTimeout(() => sendKeys({ press: 'Enter' }));
      await oneEvent(el, 'portico-ticket-create');
      expect(count(api, 'tickets.create')).to.equal(1);
    });
  });

  describe('right-to-left', () => {
    it('renders Arabic right-to-left', async () => {
      await loadLocale('ar');
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-ticket-form .client=${mock.client} debounce="30"></portico-ticket-form></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-form')!;
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      expect(submitButton(el).textContent!.trim()).to.equal('إرسال التذكرة');
      await withSuggestions(el);
      await el.submit();
      await el.updateComplete;
      expect($(el, '#body-error')!.textContent).to.equal('صف المشكلة.');
      // The label starts on the right.
      const label = $(el, 'label[for="subject"]')!.getBoundingClientRect();
      expect(label.right).to.be.closeTo(subject(el).getBoundingClientRect().right, 2);
      await expect(el).to.be.accessible(AXE);
    });

    it('renders German from a provider', async () => {
      await loadLocale('de');
      const mock = createMockClient();
      const provider = await fixture(
        html`<portico-provider lang="de" .client=${mock.client}><portico-ticket-form no-suggestions></portico-ticket-form></portico-provider>`,
      );
      const el = provider.querySelector('portico-ticket-form')!;
      await el.updateComplete;
      expect($(el, 'label[for="subject"]')!.textContent).to.contain('Betreff');
      expect(($(el, '[part~="priority"] option[value="urgent"]') as HTMLOptionElement).textContent).to.equal('Dringend');
    });
  });

  describe('dark theme', () => {
    it('uses different colours with theme="dark" and stays accessible', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <portico-ticket-form theme="light" no-suggestions .client=${mock.client}></portico-ticket-form>
        <portico-ticket-form theme="dark" style="background: #0d1117" no-suggestions .client=${mock.client}></portico-ticket-form>
      </div>`);
      const [light, dark] = [...wrapper.querySelectorAll('portico-ticket-form')] as PorticoTicketForm[];
      await dark!.submit(); // show errors too
      await dark!.updateComplete;
      const colors = (el: PorticoTicketForm) => {
        const s = getComputedStyle(subject(el));
        return [s.color, s.backgroundColor];
      };
      expect(colors(dark!)[0]).to.not.equal(colors(light!)[0]);
      expect(colors(dark!)[1]).to.not.equal(colors(light!)[1]);
      await expect(dark).to.be.accessible(AXE);
    });
  });

  describe('narrow (320 px)', () => {
    it('has no horizontal overflow', async () => {
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-ticket-form .client=${mock.client} debounce="30"></portico-ticket-form></div>`,
      );
      const el = wrapper.querySelector('portico-ticket-form')!;
      await withSuggestions(el);
      await pickFiles(el, [new File(['x'], `${'very-long-file-name-'.repeat(5)}.pdf`)]);
      await el.submit();
      await el.updateComplete;
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible(AXE);
      suggestions(el)[0]!.click();
      await openedArticle(el);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    });
  });
});

function createdTicket() {
  return {
    id: 'tkt_99',
    number: 1099,
    subject: 'Export fails',
    status: 'open',
    priority: 'normal',
    requester: { id: 'ct_alice', name: 'Alice Example' },
    assigneeName: null,
    tags: [],
    escalated: false,
    messageCount: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    sla: { firstResponseDueAt: null, firstRespondedAt: null, resolutionDueAt: null, breached: false },
  };
}
