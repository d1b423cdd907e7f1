import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { me } from '@portico/contract/fixtures';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedList, problem } from '../../testing/mock-api.js';
import type { PorticoDocumentRequests } from './document-requests.component.js';
import './document-requests.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: HTMLElement, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const settled = async (el: PorticoDocumentRequests, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
};
const item = (el: HTMLElement, label: string) =>
  $$(el, '[part~="item"]').find((i) => i.querySelector('[part~="label"]')!.textContent === label)!;
const reviewerMe = () => json(me({ roles: ['member', 'reviewer'] }));

type Override = Parameters<ReturnType<typeof createMockClient>['api']['use']>[1];
async function mount(overrides: Record<string, Override> = {}, attrs = '') {
  const mock = createMockClient();
  for (const [k, v] of Object.entries(overrides)) mock.api.use(k, v);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-document-requests project-id="prj_1" ${attrs}></portico-document-requests>`;
  const el = wrapper.firstElementChild as PorticoDocumentRequests;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el };
}
const pick = (input: HTMLInputElement, files: File[]) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
};

describe('<portico-document-requests>', () => {
  describe('what is asked', () => {
    it('lists requests with due date (overdue flagged), progress, what is missing, and each item’s status', async () => {
      const { el, api } = await mount();
      await settled(el);
      expect(api.calls.find((c) => c.key === 'documentRequests.list')!.url.pathname).to.contain('/projects/prj_1/document-requests');
      const [open, closed] = $$(el, '[part~="request"]');
      expect(open!.querySelector('[part~="title"]')!.textContent).to.equal('Year-end bookkeeping');
      const due = open!.querySelector('[part~="due"]')!;
      expect(due.hasAttribute('data-overdue')).to.equal(true);
      expect(due.textContent).to.match(/^Overdue: was due/);
      expect(open!.querySelector('[part~="progress"]')!.textContent).to.match(
        /2 of 4 received\. Still missing: Bank statements \(all accounts\)/,
      );
      expect(item(el, 'Bank statements (all accounts)').getAttribute('data-status')).to.equal('rejected');
      expect(item(el, 'Bank statements (all accounts)').querySelector('[part~="reason"]')!.textContent).to.contain(
        'Page 3 of the December statement',
      );
      expect(item(el, 'Payroll summary').textContent).to.contain('Optional');
      expect(closed!.textContent).to.contain('Closed');
      expect(closed!.querySelector('[part~="upload"]')).to.equal(null);
      expect(el.requests.length).to.equal(2);
    });

    it('shows upload where an item takes files: "Upload again" after a rejection, "Add"/"Replace" before acceptance, none when accepted or not applicable', async () => {
      const { el } = await mount();
      await settled(el);
      expect(item(el, 'Bank statements (all accounts)').querySelector('[part~="upload"]')!.textContent).to.equal('Upload again');
      const uploaded = item(el, 'Signed engagement letter');
      expect([...uploaded.querySelectorAll('[part~="upload"]')].map((b) => b.textContent)).to.deep.equal(['Add files', 'Replace files']);
      expect(item(el, 'Receipts over 250 €').querySelector('[part~="upload"]')).to.equal(null);
      expect(item(el, 'Vehicle log').querySelector('[part~="upload"]')).to.equal(null);
      expect(uploaded.querySelector('[part~="hint"]')!.textContent).to.match(/Files up to 25 MB\.\s+Accepted: PDF and image\./);
      // A client without the reviewer role sees no review buttons.
      expect($(el, '[part~="review"]')).to.equal(null);
    });
  });

  describe('uploads', () => {
    it('uploads a file for a rejected item with progress; the item is uploaded again and the upload event fires', async () => {
      const { el, api } = await mount();
      await settled(el);
      const input = item(el, 'Bank statements (all accounts)').querySelector<HTMLInputElement>('input[type=file]')!;
      const uploaded = oneEvent(el, 'portico-document-upload');
      pick(input, [new File(['%PDF-1.4 full'], 'december.pdf', { type: 'application/pdf' })]);
      expect((await uploaded).detail).to.deep.equal({
        projectId: 'prj_1',
        requestId: 'dreq_1',
        itemId: 'ditm_1',
        fileName: 'december.pdf',
      });
      const call = api.calls.find((c) => c.key === 'documentRequests.upload')!;
      expect(call.url.pathname).to.contain('/projects/prj_1/document-requests/dreq_1/items/ditm_1/files');
      await waitUntil(() => item(el, 'Bank statements (all accounts)').getAttribute('data-status') === 'uploaded', 'not refreshed');
      expect(item(el, 'Bank statements (all accounts)').querySelector('[part~="files"]')!.textContent).to.contain('december.pdf');
    });

    it('"Replace files" sends replace=true with the first file only; the item then lists the new files', async () => {
      const { el, api } = await mount();
      await settled(el);
      const inputs = item(el, 'Signed engagement letter').querySelectorAll<HTMLInputElement>('input[type=file]');
      pick(inputs[1]!, [
        new File(['%PDF-a'], 'a.pdf', { type: 'application/pdf' }),
        new File(['%PDF-b'], 'b.pdf', { type: 'application/pdf' }),
      ]);
      await waitUntil(() => api.calls.filter((c) => c.key === 'documentRequests.upload').length === 2, 'two uploads');
      await waitUntil(() => item(el, 'Signed engagement letter').querySelectorAll('[part~="file"]').length === 2, 'replaced');
      // The first file replaced the old one, the second was added to it (had both replaced, one would be left).
      const names = [...item(el, 'Signed engagement letter').querySelectorAll('[part~="file"]')].map((a) => a.textContent!.split(' (')[0]);
      expect(names.sort()).to.deep.equal(['a.pdf', 'b.pdf']);
    });

    it('refuses a file of a type the item does not take before sending it', async () => {
      const { el, api } = await mount();
      await settled(el);
      const input = item(el, 'Bank statements (all accounts)').querySelector<HTMLInputElement>('input[type=file]')!;
      pick(input, [new File(['x'], 'photo.png', { type: 'image/png' })]);
      await waitUntil(() => $(el, '[part~="chip"][data-status="failed"]'), 'no refusal');
      expect(api.calls.some((c) => c.key === 'documentRequests.upload')).to.equal(false);
    });

    it('loads the resumable (tus) client only when a file over 5 MB is chosen', async () => {
      const loaded = () => performance.getEntriesByType('resource').some((e) => e.name.includes('resumable-upload'));
      const { el, api } = await mount();
      await settled(el);
      pick(item(el, 'Bank statements (all accounts)').querySelector<HTMLInputElement>('input[type=file]')!, [
        new File(['%PDF-1.4 small'], 'small.pdf', { type: 'application/pdf' }),
      ]);
      await waitUntil(() => api.calls.some((c) => c.key === 'documentRequests.upload'), 'no small upload');
      expect(loaded()).to.equal(false);
      const big = new File([new Uint8Array(6 * 1024 * 1024)], 'archive.pdf', { type: 'application/pdf' });
      pick(item(el, 'Payroll summary').querySelector<HTMLInputElement>('input[type=file]')!, [big]);
      await waitUntil(loaded, 'the resumable upload module was not loaded', { timeout: 10000 });
      // Not through the multipart endpoint.
      expect(api.calls.filter((c) => c.key === 'documentRequests.upload').length).to.equal(1);
    });
  });

  describe('reviewer', () => {
    it('accepts an uploaded item (events before and after), the list refreshes', async () => {
      const { el, api } = await mount({ 'me.get': reviewerMe });
      await settled(el);
      await waitUntil(() => $(el, '[part~="accept"]'), 'no accept');
      const req = oneEvent(el, 'portico-document-review-request');
      const done = oneEvent(el, 'portico-document-review');
      item(el, 'Signed engagement letter').querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
      expect((await req).detail).to.deep.include({ itemId: 'ditm_2', decision: 'accepted' });
      expect((await done).detail.item.status).to.equal('accepted');
      const call = api.calls.find((c) => c.key === 'documentRequests.review')!;
      expect(call.headers.get('idempotency-key')).to.be.a('string');
      await waitUntil(() => item(el, 'Signed engagement letter').getAttribute('data-status') === 'accepted', 'not refreshed');
    });

    it('rejects with a reason (focused textarea, required), and marks an item not applicable', async () => {
      const { el, api } = await mount({ 'me.get': reviewerMe });
      await settled(el);
      await waitUntil(() => $(el, '[part~="reject"]'), 'no reject');
      item(el, 'Signed engagement letter').querySelector<HTMLButtonElement>('[part~="reject"]')!.click();
      await el.updateComplete;
      const textarea = $(el, '#reason-ditm_2') as HTMLTextAreaElement;
      expect(el.shadowRoot!.activeElement).to.equal(textarea);
      textarea.value = 'Unsigned';
      const done = oneEvent(el, 'portico-document-review');
      $(el, '[part~="reason-form"] [part~="reject"]')!.click();
      expect((await done).detail).to.deep.include({ decision: 'rejected', reason: 'Unsigned' });
      item(el, 'Payroll summary').querySelector<HTMLButtonElement>('[part~="not-applicable"]')!.click();
      await waitUntil(() => api.calls.filter((c) => c.key === 'documentRequests.review').length === 2, 'second review');
      await waitUntil(() => item(el, 'Payroll summary').getAttribute('data-status') === 'not_applicable', 'not refreshed');
    });

    it('a failed decision says so with Try again under its item', async () => {
      const { el, api } = await mount({ 'me.get': reviewerMe });
      await settled(el);
      await waitUntil(() => $(el, '[part~="accept"]'), 'no accept');
      api.use('documentRequests.review', problem(503, 'unavailable', 'Service unavailable'));
      item(el, 'Signed engagement letter').querySelector<HTMLButtonElement>('[part~="accept"]')!.click();
      await waitUntil(() => item(el, 'Signed engagement letter').querySelector('[part~="failure"]'), 'no failure');
      expect(item(el, 'Signed engagement letter').querySelector('[part~="failure"]')!.getAttribute('role')).to.equal('alert');
      expect(item(el, 'Signed engagement letter').querySelector('[part~="failure"]')!.textContent).to.contain('The decision wasn’t saved.');
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('states', () => {
    it('empty', async () => {
      const { el } = await mount({ 'documentRequests.list': json({ data: [], nextCursor: null }) });
      await settled(el, 'empty');
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No documents have been requested.');
      await expect(el).to.be.accessible(AXE);
    });

    it('error with Retry, and malformed data is an error, not a crash', async () => {
      const { el, api } = await mount({ 'documentRequests.list': problem(503, 'unavailable', 'Service unavailable') });
      await settled(el, 'error');
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible(AXE);
      api.use('documentRequests.list', malformedList());
      $(el, '[part~="retry"]')!.click();
      await settled(el, 'error');
    });
  });

  describe('accessibility, languages, RTL, narrow', () => {
    it('loaded list passes axe (client and reviewer)', async () => {
      const { el } = await mount();
      await settled(el);
      await expect(el).to.be.accessible(AXE);
      const r = await mount({ 'me.get': reviewerMe });
      await settled(r.el);
      await waitUntil(() => $(r.el, '[part~="accept"]'), 'no accept');
      await expect(r.el).to.be.accessible(AXE);
    });

    it('German and Arabic (right-to-left)', async () => {
      const { el } = await mount({}, 'lang="de"');
      await settled(el);
      await loadLocale('de');
      await el.updateComplete;
      expect(item(el, 'Bank statements (all accounts)').querySelector('[part~="status"]')!.textContent).to.contain('Abgelehnt');
      const mock = createMockClient();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ar" dir="rtl"><portico-document-requests project-id="prj_1" .client=${mock.client}></portico-document-requests></div>`,
      );
      const ar = wrapper.querySelector('portico-document-requests')!;
      await settled(ar);
      await loadLocale('ar');
      await ar.updateComplete;
      expect(getComputedStyle($(ar, '[part~="base"]')!).direction).to.equal('rtl');
      expect($(ar, '[part~="status"]')!.textContent).to.contain('مرفوض');
      await expect(ar).to.be.accessible(AXE);
    });

    it('320 px: no horizontal overflow', async () => {
      const mock = createMockClient();
      mock.api.use('me.get', reviewerMe);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><portico-document-requests project-id="prj_1" .client=${mock.client}></portico-document-requests></div>`,
      );
      const el = wrapper.querySelector('portico-document-requests')!;
      await settled(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      for (const r of $$(el, '[part~="request"]')) expect(r.scrollWidth).to.be.at.most(r.clientWidth + 1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
