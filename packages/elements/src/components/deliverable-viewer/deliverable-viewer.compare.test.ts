import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DeliverableVersion } from '@portico/contract';
import { deliverable, deliverableVersion } from '@portico/contract/fixtures';
import { sendKeys } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, type MockHandler, problem } from '../../testing/mock-api.js';
import type { PorticoDeliverableViewer } from './deliverable-viewer.component.js';
import './deliverable-viewer.js';
import { samplePdf } from './deliverable-viewer.samples.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: HTMLElement, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: HTMLElement | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

performance.setResourceTimingBufferSize(10_000);
/** Whether the text diff's modules were fetched by this page so far. */
const diffFetched = () => performance.getEntriesByType('resource').some((r) => /deliverable-viewer\.diff|text-diff/.test(r.name));

// The dev server serves TypeScript sources by their .ts names; the built package has pdf-worker.js.
const NativeWorker = globalThis.Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(String(url).replace(/\/pdf-worker\.js$/, '/pdf-worker.ts'), options);
  }
};

const OLD = 'Brief\nAudience: small teams\nTone: friendly\nDeadline: May\nBudget: 10k\n';
const NEW = 'Brief\nAudience: small and medium teams\nTone: friendly\nBudget: 10k\nOwner: Sam\n';

type Mock = ReturnType<typeof createMockClient>;
/** dlv_1 with two versions of these types (v2 current); files.get serves `bodies` by version id. */
function serve(api: Mock['api'], types: [Partial<DeliverableVersion>, Partial<DeliverableVersion>], bodies: Record<string, string> = {}) {
  const versions = [deliverableVersion(2, types[0]), deliverableVersion(1, types[1])];
  api.use('deliverables.get', json(deliverable(1, { versions, currentVersion: versions[0]! })));
  const files: MockHandler = ({ params }) =>
    params.id! in bodies
      ? { status: 200, body: bodies[params.id!]!, headers: { 'content-type': 'text/plain' } }
      : problem(404, 'not_found');
  api.use('files.get', files);
}
const texts = (a = NEW, b = OLD) =>
  [
    [
      { mediaType: 'text/plain', fileName: 'brief.txt' },
      { mediaType: 'text/plain', fileName: 'brief.txt' },
    ],
    { ver_2: a, ver_1: b },
  ] as const;

async function mount(attrs: string, setup: (api: Mock['api']) => void) {
  const mock = createMockClient();
  setup(mock.api);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-deliverable-viewer ${attrs} hide-comments></portico-deliverable-viewer>`;
  const el = wrapper.firstElementChild as PorticoDeliverableViewer;
  el.fetchFile = mock.api.fetch;
  el.client = mock.client;
  await el.updateComplete;
  await waitUntil(() => $(el, '[part~="content"]'), 'not loaded', { timeout: 4000 });
  await el.updateComplete;
  return { ...mock, el };
}
const compareWith = async (el: PorticoDeliverableViewer, n: number) => {
  const select = $(el, '[part~="compare"]') as HTMLSelectElement;
  select.value = String(n);
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
};

describe('<portico-deliverable-viewer> comparing versions', () => {
  describe('text', () => {
    it('loads the diff only when a text comparison is opened; lines marked by sign, <ins>/<del> and a label; counts announced', async () => {
      const [types, bodies] = texts();
      const { el } = await mount('deliverable-id="dlv_1"', (api) => serve(api, [...types], bodies));
      await waitUntil(() => $(el, '[part~="text"]'), 'no text preview');
      expect(diffFetched()).to.equal(false);
      expect($$(el, '[part~="compare"] option').map((o) => o.textContent)).to.deep.equal(['No comparison', 'v1']);
      await compareWith(el, 1);
      await waitUntil(() => $(el, '[part~="diff"]'), 'no diff', { timeout: 4000 });
      expect(diffFetched()).to.equal(true);
      const summary = $(el, '[part~="diff-summary"]')!;
      expect(summary.getAttribute('role')).to.equal('status');
      expect(text(summary)).to.equal('Changes from version 1 to version 2: 2 lines added, 2 lines removed.');
      expect($$(el, '[part~="diff"] del').map(text)).to.deep.equal(['Audience: small teams', 'Deadline: May']);
      expect($$(el, '[part~="diff"] ins').map(text)).to.deep.equal(['Audience: small and medium teams', 'Owner: Sam']);
      const removed = $(el, '.diff-line--del')!;
      expect(text(removed.querySelector('.visually-hidden'))).to.equal('Removed:');
      expect(text(removed.querySelector('.sign'))).to.equal('−');
      expect(removed.querySelector('.sign')!.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(removed.querySelector('del')!).textDecorationLine).to.equal('line-through');
      expect(getComputedStyle($(el, '.diff-line--ins ins')!).textDecorationLine).to.equal('underline');
      // Users' text: every line by its own direction.
      expect($$(el, '.diff-line [dir="auto"], .diff-line ins, .diff-line del').every((x) => x.getAttribute('dir') === 'auto')).to.equal(
        true,
      );
      await expect(el).to.be.accessible(AXE);
    });

    it('by word, chosen by keyboard: only the changed words are marked, with start and end labels', async () => {
      const [types, bodies] = texts();
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"', (api) => serve(api, [...types], bodies));
      await waitUntil(() => $(el, '[part~="diff"]'), 'no diff', { timeout: 4000 });
      const [lines, words] = $$(el, '[part~="diff-mode"]') as HTMLButtonElement[];
      expect(lines!.getAttribute('aria-pressed')).to.equal('true');
      words!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(words!.getAttribute('aria-pressed')).to.equal('true');
      expect($$(el, '[part~="diff"] ins').map((x) => x.textContent)).to.deep.equal(['and medium ', 'Owner: Sam\n']);
      expect($$(el, '[part~="diff"] del').map((x) => x.textContent)).to.deep.equal(['Deadline: May\n']);
      expect(text($(el, '[part~="diff-summary"]'))).to.contain('4 words added, 2 words removed');
      expect(text($(el, '.diff-words'))).to.contain('Added: and medium end of addition');
      expect($(el, '.diff-words')!.getAttribute('dir')).to.equal('auto');
      await expect(el).to.be.accessible(AXE);
    });

    it('folds long unchanged stretches behind a button that shows them', async () => {
      const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
      const next = [...lines];
      next[14] = 'line fifteen';
      const [types] = texts();
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"', (api) =>
        serve(api, [...types], { ver_2: next.join('\n'), ver_1: lines.join('\n') }),
      );
      await waitUntil(() => $(el, '[part~="diff"]'), 'no diff', { timeout: 4000 });
      const folds = $$(el, '[part~="diff-fold"]');
      expect(folds.map(text)).to.deep.equal(['Show 11 unchanged lines', 'Show 12 unchanged lines']);
      expect($$(el, '.diff-line').length).to.equal(3 + 3 + 2);
      folds[0]!.click();
      await el.updateComplete;
      expect($$(el, '[part~="diff-fold"]').length).to.equal(1);
      expect($$(el, '.diff-line').length).to.equal(14 + 3 + 2);
    });

    it('same text: says so', async () => {
      const [types] = texts();
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"', (api) => serve(api, [...types], { ver_2: OLD, ver_1: OLD }));
      await waitUntil(() => $(el, '[part~="diff-summary"]'), 'no diff', { timeout: 4000 });
      expect(text($(el, '[part~="diff-summary"]'))).to.contain('The two versions have the same text.');
    });

    it('a text that can’t be loaded: an alert with a retry that loads it again', async () => {
      const [types] = texts();
      const { el, api } = await mount('deliverable-id="dlv_1" compare-version="1"', (api) => serve(api, [...types], { ver_2: NEW }));
      await waitUntil(() => $(el, '[part~="diff-error"]'), 'no error', { timeout: 4000 });
      const error = $(el, '[part~="diff-error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('couldn’t be loaded for comparison');
      await expect(el).to.be.accessible(AXE);
      serve(api, [...types], { ver_2: NEW, ver_1: OLD });
      error.querySelector('button')!.click();
      await el.updateComplete;
      await waitUntil(() => $(el, '[part~="diff"]'), 'no diff after retry', { timeout: 4000 });
    });

    it('German and Arabic (right-to-left, plural forms), accessible', async () => {
      const [types, bodies] = texts();
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1" lang="de"', (api) => serve(api, [...types], bodies));
      await loadLocale('de');
      await waitUntil(() => $(el, '[part~="diff"]'), 'no diff', { timeout: 4000 });
      await aTimeout(0);
      await el.updateComplete;
      expect(text($(el, '[part~="diff-summary"]'))).to.equal(
        'Änderungen von Version 1 zu Version 2: 2 Zeilen hinzugefügt, 2 Zeilen entfernt.',
      );
      el.setAttribute('lang', 'ar');
      el.setAttribute('dir', 'rtl');
      await loadLocale('ar');
      await el.updateComplete;
      await waitUntil(() => text($(el, '[part~="diff-summary"]')).includes('أُضيف سطران'), 'no Arabic');
      expect(getComputedStyle($(el, '[part~="base"]')!).direction).to.equal('rtl');
      expect(text($(el, '[part~="diff-summary"]'))).to.contain('أُضيف سطران، حُذف سطران.'); // the Arabic comma
      expect(text($(el, '.diff-line--del .visually-hidden'))).to.equal('محذوف:');
      await expect(el).to.be.accessible(AXE);
    });
  });

  describe('PDF', () => {
    const RED = samplePdf(['1 0 0', '1 0 0', '1 0 0']);
    const BLUE = samplePdf(['0 0 1', '0 0 1']);
    const pdfs = (api: Mock['api']) => {
      const versions = [
        deliverableVersion(2, { mediaType: 'application/pdf', fileName: 'new.pdf' }),
        deliverableVersion(1, { mediaType: 'application/pdf', fileName: 'old.pdf' }),
      ];
      api.use('deliverables.get', json(deliverable(1, { versions, currentVersion: versions[0]! })));
      api.use('files.get', ({ params }) => ({
        status: 200,
        body: params.id === 'ver_2' ? RED : BLUE,
        headers: { 'content-type': 'application/pdf' },
      }));
    };
    const centre = (c: HTMLCanvasElement) => [
      ...c.getContext('2d')!.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data,
    ];
    const drawn = (el: HTMLElement, slot: string, rgb: number[]) => {
      const c = $(el, `canvas[data-slot="${slot}"]`) as HTMLCanvasElement | null;
      return (
        !!c &&
        c.width > 1 &&
        centre(c)
          .slice(0, 3)
          .every((v, i) => Math.abs(v - rgb[i]!) < 8)
      );
    };

    it('the same page of both side by side; one navigation turns both; the shorter one says it has no such page', async () => {
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"', pdfs);
      await waitUntil(() => drawn(el, 'pdf', [255, 0, 0]) && drawn(el, 'comparePdf', [0, 0, 255]), 'pages not drawn', { timeout: 10000 });
      expect($$(el, '.caption').map(text)).to.deep.equal(['v2', 'v1']);
      expect(text($(el, '[part~="page-number"]'))).to.equal('Page 1 of 3');
      expect($(el, 'canvas[data-slot="comparePdf"]')!.getAttribute('aria-label')).to.equal('Page 1 of 2 of old.pdf');
      await expect(el).to.be.accessible(AXE);
      ($(el, '[part~="next-page"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect($$(el, 'canvas').map((c) => c.getAttribute('aria-label'))).to.deep.equal(['Page 2 of 3 of new.pdf', 'Page 2 of 2 of old.pdf']);
      // PageDown on a page's stage turns both too.
      $(el, '[part~="stage"]')!.focus();
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(el.page).to.equal(3);
      expect(text($(el, '[part~="no-page"]'))).to.equal('Version 1 has no page 3: it has 2.');
      expect($$(el, 'canvas').length).to.equal(1);
      expect(($(el, '[part~="next-page"]') as HTMLButtonElement).disabled).to.equal(true);
      await expect(el).to.be.accessible(AXE);
      // Ending the comparison frees the other document.
      await compareWith(el, 0);
      expect($$(el, '.caption').length).to.equal(0);
      expect(el.pageCount).to.equal(3);
    });

    it('320 px: the two pages stack, nothing overflows', async () => {
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"', pdfs);
      el.parentElement!.style.inlineSize = '320px';
      await waitUntil(() => drawn(el, 'comparePdf', [0, 0, 255]), 'pages not drawn', { timeout: 10000 });
      expect(getComputedStyle($(el, '.panes')!).gridTemplateColumns.split(' ')).to.have.length(1);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    });
  });

  describe('what can’t be compared says why', () => {
    const cases: Array<[string, Partial<DeliverableVersion>, Partial<DeliverableVersion>, string]> = [
      ['video', { mediaType: 'video/mp4' }, { mediaType: 'video/mp4' }, 'Video and audio versions can’t be compared side by side'],
      ['archives', { mediaType: 'application/zip' }, { mediaType: 'application/zip' }, 'Files of this type can’t be compared here'],
      [
        'different kinds',
        { mediaType: 'application/pdf' },
        { mediaType: 'image/png' },
        'Version 1 is a different kind of file (image/png)',
      ],
      [
        'a version without preview',
        { mediaType: 'text/plain' },
        { mediaType: 'text/plain', processing: 'failed', previewUrl: null },
        'Version 1 can’t be compared: it has no preview.',
      ],
    ];
    for (const [name, a, b, says] of cases) {
      it(`${name}: "${says}", above the version's own preview; accessible`, async () => {
        const { el } = await mount('deliverable-id="dlv_1"', (api) => serve(api, [a, b], { ver_2: 'x', ver_1: 'y' }));
        await compareWith(el, 1);
        await waitUntil(() => $(el, '[part~="incomparable"]'), 'no reason', { timeout: 4000 });
        expect(text($(el, '[part~="incomparable"]'))).to.contain(says);
        expect($(el, '[part~="incomparable"] + *')).to.not.equal(null);
        expect($(el, '[part~="diff"]')).to.equal(null);
        await expect(el).to.be.accessible(AXE);
      });
    }

    it('images still compare side by side (the select lists every other version)', async () => {
      const { el } = await mount('deliverable-id="dlv_1"', (api) => serve(api, [{}, {}]));
      await compareWith(el, 1);
      expect($$(el, '[part~="image"]').length).to.equal(2);
      expect($(el, '[part~="incomparable"]')).to.equal(null);
    });
  });
});
