import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DeliverableVersion } from '@portico/contract';
import { deliverable, deliverableVersion } from '@portico/contract/fixtures';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { loadLocale } from '../../i18n/i18n.js';
import { createMockClient, json, malformedJson, malformedList, problem } from '../../testing/mock-api.js';
import type { PorticoCommentThread } from '../comment-thread/comment-thread.component.js';
import { type PorticoDeliverableViewer, previewKind } from './deliverable-viewer.component.js';
import './deliverable-viewer.js';
import { MAX_VERSIONS } from '@portico/contract';
import { longTasksDuring } from '../../testing/long-tasks.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] };
const HOSTILE = '<img src=x onerror=alert(1)>';
const BASE = 'https://portal.test/portal/v1/files/';
const $ = (el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: HTMLElement, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const thread = (el: HTMLElement) => $(el, 'portico-comment-thread') as PorticoCommentThread;
const radios = (el: HTMLElement) => $$(el, '[part~="version"] input') as HTMLInputElement[];
const settled = async (el: PorticoDeliverableViewer, part = 'content') => {
  await el.updateComplete;
  await aTimeout(0);
  await waitUntil(() => $(el, `[part~="${part}"]`) && !$(el, '[aria-busy="true"]'), `no ${part}`, { timeout: 4000 });
};
const threadSettled = async (el: PorticoDeliverableViewer) => {
  await settled(el);
  const t = thread(el);
  await waitUntil(() => t.shadowRoot?.querySelector('[part~="content"], [part~="empty"]'), 'thread not loaded', { timeout: 4000 });
  await el.updateComplete;
};

// Every module this page loads stays listed, so "pdf.js was never fetched" means something.
performance.setResourceTimingBufferSize(10_000);
const pdfJsFetched = () =>
  performance.getEntriesByType('resource').filter((r) => /pdfjs-dist|pdf-preview|pdf-worker|pdf\.(worker\.)?(min\.)?mjs/.test(r.name));

// The dev server serves TypeScript sources by their .ts names; the built package has pdf-worker.js.
const NativeWorker = globalThis.Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(String(url).replace(/\/pdf-worker\.js$/, '/pdf-worker.ts'), options);
  }
};

type Rgb = [number, number, number];
/**
 * A valid, ASCII-only PDF (the server seed's hand-written approach, packages/server/src/assets.ts):
 * one 600 × 800 page per colour, each with a 400 × 400 square of that colour around the centre.
 * `encrypted` adds a standard security handler whose user password isn't empty.
 */
function testPdf(colors: Rgb[], { encrypted = false } = {}): string {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  colors.forEach(([r, g, b], i) => {
    const content = `${r} ${g} ${b} rg 100 200 400 400 re f BT /F1 24 Tf 100 700 Td (Page ${i + 1}) Tj ET`;
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${colors.length} >>`;
  const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
  if (encrypted) objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -4 >>`);
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encrypt = encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${hex(16)}> <${hex(16)}>]` : '';
  return `${out}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
}
const RED: Rgb = [1, 0, 0];
const GREEN: Rgb = [0, 1, 0];
const BLUE: Rgb = [0, 0, 1];
const pdfFile = (body: string) => ({ status: 200, body, headers: { 'content-type': 'application/pdf' } });
/** The colour at the centre of the PDF page canvas. */
const centre = (el: HTMLElement): Rgb => {
  const c = $(el, 'canvas') as HTMLCanvasElement;
  const [r, g, b] = c.getContext('2d')!.getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
  return [r!, g!, b!];
};
const showsColour = (el: HTMLElement, [r, g, b]: Rgb) => {
  const [cr, cg, cb] = centre(el);
  return Math.abs(cr - r * 255) < 8 && Math.abs(cg - g * 255) < 8 && Math.abs(cb - b * 255) < 8;
};

type Mock = ReturnType<typeof createMockClient>;
/** Serves deliverable dlv_1 with these versions (newest first; the first is current). */
const serve = (api: Mock['api'], versions: DeliverableVersion[]) =>
  api.use('deliverables.get', json(deliverable(1, { versions, currentVersion: versions[0]! })));
const one = (o: Partial<DeliverableVersion>) => [deliverableVersion(2, o), deliverableVersion(1)];

async function mount(
  attrs = 'deliverable-id="dlv_1"',
  setup?: (api: Mock['api']) => void,
  options: Parameters<typeof createMockClient>[0] = {},
) {
  const mock = createMockClient(options);
  setup?.(mock.api);
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<portico-deliverable-viewer ${attrs}></portico-deliverable-viewer>`;
  const el = wrapper.firstElementChild as PorticoDeliverableViewer;
  el.fetchFile = mock.api.fetch;
  el.client = mock.client;
  await el.updateComplete;
  return { ...mock, el };
}

describe('<portico-deliverable-viewer>', () => {
  describe('defaults', () => {
    it('shows the current version: switcher newest first, image preview, facts, download, comments', async () => {
      const { el, api } = await mount();
      expect(el.version).to.equal(0);
      expect(el.compareVersion).to.equal(0);
      await threadSettled(el);
      expect(api.calls.find((c) => c.key === 'deliverables.get')!.url.pathname).to.contain('/deliverables/dlv_1');
      expect($(el, '[part~="title"]')!.textContent).to.equal('Homepage mock-up 1');
      expect($(el, '[part~="status"]')!.getAttribute('data-status')).to.equal('pending');
      const labels = $$(el, '[part~="version"]').map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
      expect(labels).to.deep.equal(['v2 · current', 'v1']);
      expect(radios(el)[0]!.checked).to.equal(true);
      expect(($(el, '[part~="image"]') as HTMLImageElement).src).to.equal(`${BASE}ver_2?exp=4102444800&sig=x&disposition=inline`);
      const facts = $(el, '[part~="facts"]')!.textContent!.replace(/\s+/g, ' ');
      expect(facts).to.contain('homepage-v2.png').and.contain('117.2 kB').and.contain('image/png').and.contain('Sam Agent');
      expect($(el, '.checksum')!.textContent).to.equal(`${el.selectedVersion!.checksum.slice(0, 12)}…`);
      expect($(el, '.checksum')!.title).to.equal(el.selectedVersion!.checksum);
      expect(($(el, '[part~="download"]') as HTMLAnchorElement).href).to.equal(`${BASE}ver_2?exp=4102444800&sig=x`);
      expect(thread(el).version).to.equal(2);
      expect(thread(el).anchorMode).to.equal('region');
      expect(el.shadowRoot!.firstElementChild!.getAttribute('part')).to.equal('base');
    });

    it('formats sizes in the locale’s units and classifies media types', async () => {
      const { el } = await mount();
      expect(el.formatSize(512)).to.equal('512 bytes');
      expect(el.formatSize(1_500_000)).to.equal('1.4 MB');
      expect(el.formatSize(17)).to.equal('17 bytes');
      expect(
        ['image/png', 'application/pdf', 'video/mp4', 'audio/mpeg', 'text/plain; charset=utf-8', 'application/zip'].map(previewKind),
      ).to.deep.equal(['image', 'pdf', 'video', 'audio', 'text', 'other']);
    });
  });

  describe('lazy pdf.js', () => {
    it('an image deliverable never loads pdf.js', async () => {
      const { el } = await mount();
      await threadSettled(el);
      expect(!!$(el, '[part~="image"]')).to.equal(true);
      expect('pdfjsLib' in globalThis).to.equal(false);
      expect(pdfJsFetched().map((r) => r.name)).to.deep.equal([]);
    });
  });

  describe('versions', () => {
    it('the version attribute selects one; the switcher changes it; arrow keys move between versions', async () => {
      const { el } = await mount('deliverable-id="dlv_1" version="1"');
      await threadSettled(el);
      expect(radios(el)[1]!.checked).to.equal(true);
      expect(($(el, '[part~="image"]') as HTMLImageElement).src).to.contain('ver_1');
      expect(thread(el).version).to.equal(1);
      radios(el)[0]!.click();
      await el.updateComplete;
      expect(el.version).to.equal(2);
      expect(el.getAttribute('version')).to.equal('2');
      radios(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.version).to.equal(1);
      expect(($(el, '[part~="image"]') as HTMLImageElement).src).to.contain('ver_1');
    });
  });

  describe('image: zoom, compare, markers', () => {
    it('zooms with buttons and + / - / 0 keys', async () => {
      const { el } = await mount();
      await settled(el);
      const zoom = () => $(el, '.zoom')!.textContent;
      expect(zoom()).to.equal('100%');
      ($(el, '[part~="zoom-in"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(zoom()).to.equal('150%');
      expect($(el, '.canvas')!.style.inlineSize).to.equal('150%');
      $(el, '[part~="stage"]')!.focus();
      await sendKeys({ press: '+' });
      await el.updateComplete;
      expect(el.zoom).to.equal(2);
      await sendKeys({ press: '-' });
      await sendKeys({ press: '-' });
      await sendKeys({ press: '-' });
      await el.updateComplete;
      expect(el.zoom).to.equal(0.75);
      await sendKeys({ press: '0' });
      await el.updateComplete;
      expect(el.zoom).to.equal(1);
      for (let i = 0; i < 6; i++) ($(el, '[part~="zoom-out"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.zoom).to.equal(0.25);
      expect(($(el, '[part~="zoom-out"]') as HTMLButtonElement).disabled).to.equal(true);
      ($(el, '[part~="fit"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.zoom).to.equal(1);
    });

    it('compares two image versions side by side', async () => {
      const { el } = await mount();
      await settled(el);
      const select = $(el, '[part~="compare"]') as HTMLSelectElement;
      select.value = '1';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const srcs = ($$(el, '[part~="image"]') as HTMLImageElement[]).map((i) => i.src.replace(BASE, ''));
      expect(srcs).to.deep.equal(['ver_2?exp=4102444800&sig=x&disposition=inline', 'ver_1?exp=4102444800&sig=x&disposition=inline']);
      expect($$(el, '.caption').map((c) => c.textContent)).to.deep.equal(['v2', 'v1']);
      expect(el.getAttribute('compare-version')).to.equal('1');
      await expect(el).to.be.accessible(AXE);
      radios(el)[1]!.click(); // showing v1 ends comparing v1 with itself
      await el.updateComplete;
      expect($$(el, '[part~="image"]').length).to.equal(1);
    });

    it('draws region markers; clicking one focuses its comment', async () => {
      const { el } = await mount();
      await threadSettled(el);
      await waitUntil(() => $$(el, '[part~="marker"]').length === 2, 'no markers');
      const marker = $$(el, '[part~="marker"]')[1]!;
      expect(marker.dataset.id).to.equal('cmt_3');
      expect(marker.style.insetInlineStart).to.equal('10%');
      expect(marker.getAttribute('aria-label')).to.equal('Region 2: comment by Alice Example');
      marker.click();
      expect((thread(el).shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('cmt_3');
    });

    it('markers over each other: every number badge takes its own click, badges sit side by side, boxes let clicks through', async () => {
      const { el } = await mount();
      await threadSettled(el);
      await waitUntil(() => $$(el, '[part~="marker"]').length === 2, 'no markers');
      const markers = $$(el, '[part~="marker"]'); // the fixture's two region comments mark the same box
      const badges = markers.map((m) => m.querySelector('span')!.getBoundingClientRect());
      expect(badges[1]!.left - badges[0]!.left).to.be.greaterThan(badges[0]!.width - 1); // not on top of each other
      for (const [i, id] of ['cmt_1', 'cmt_3'].entries()) {
        const b = badges[i]!;
        const x = Math.round(b.left + b.width / 2);
        const y = Math.round(b.top + b.height / 2);
        expect(el.shadowRoot!.elementFromPoint(x, y)?.closest('[part~="marker"]')).to.equal(markers[i]);
        await sendMouse({ type: 'click', position: [x, y] });
        await waitUntil(() => (thread(el).shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === id, `${id} not focused`);
      }
      const box = markers[0]!.getBoundingClientRect();
      const inside = el.shadowRoot!.elementFromPoint(Math.round(box.right - 4), Math.round(box.bottom - 4));
      expect(inside?.closest('[part~="marker"]') ?? null).to.equal(null);
    });

    it('a comment on a region says its number, the same number its marker shows', async () => {
      const { el } = await mount();
      await threadSettled(el);
      await waitUntil(() => $$(el, '[part~="marker"]').length === 2, 'no markers');
      const labels = [...thread(el).shadowRoot!.querySelectorAll('[part~="anchor"][data-kind="region"]')].map((a) => a.textContent!.trim());
      expect(labels).to.deep.equal(['Region 1', 'Region 2']);
      expect($$(el, '[part~="marker"] span').map((s) => s.textContent!.trim())).to.deep.equal(['1', '2']);
    });

    it('marking stops when focus leaves the layer (Tab away, or focus elsewhere)', async () => {
      const { el } = await mount();
      await threadSettled(el);
      ($(el, '[part~="mark"]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="pick"]'), 'pick layer not focused');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => !$(el, '[part~="pick"]'), 'the layer stayed on after Tab');
      expect($(el, '[part~="mark"]')!.getAttribute('aria-pressed')).to.equal('false');
      ($(el, '[part~="mark"]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="pick"]'), 'pick layer not focused again');
      thread(el).shadowRoot!.querySelector<HTMLElement>('[part~="textarea"]')!.focus();
      await waitUntil(() => !$(el, '[part~="pick"]'), 'the layer stayed on after focus moved to the comment field');
    });

    it('places a region marker with the keyboard (arrows move, Enter sets)', async () => {
      const { el } = await mount();
      await threadSettled(el);
      ($(el, '[part~="mark"]') as HTMLButtonElement).click();
      await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="pick"]'), 'pick layer not focused');
      expect($(el, '[part~="mark"]')!.getAttribute('aria-pressed')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($(el, '[part~="draft"]')!.style.insetInlineStart).to.equal('49%');
      await expect(el).to.be.accessible(AXE);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => thread(el).anchor !== null, 'no anchor');
      const a = thread(el).anchor as { kind: string; x: number; y: number; width: number };
      expect(a.kind).to.equal('region');
      expect(a.x).to.be.closeTo(0.49, 1e-9);
      expect(a.y).to.be.closeTo(0.47, 1e-9);
      expect(!!$(el, '[part~="pick"]')).to.equal(false);
      expect(thread(el).shadowRoot!.activeElement!.getAttribute('part')).to.equal('textarea');
      expect(thread(el).shadowRoot!.querySelector('[part~="draft-anchor"]')!.textContent).to.contain('Region');
    });

    it('places a region marker with a click; Escape cancels picking', async () => {
      const { el } = await mount();
      await threadSettled(el);
      ($(el, '[part~="mark"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(!!$(el, '[part~="pick"]')).to.equal(false);
      ($(el, '[part~="mark"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const r = $(el, '[part~="pick"]')!.getBoundingClientRect();
      expect(r.height).to.be.greaterThan(10); // the image's box, even while it can't load
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      await waitUntil(() => thread(el).anchor !== null, 'no anchor');
      const a = thread(el).anchor as { x: number; width: number };
      expect(a.width).to.be.closeTo(0.1, 1e-9);
      expect(a.x).to.be.closeTo(0.45, 0.03);
    });
  });

  describe('preview by media type', () => {
    it('PDF: pdf.js draws the pages to a canvas; buttons and PageUp / PageDown turn them; comments anchor to the page', async () => {
      const { el, api } = await mount(undefined, (api) => {
        serve(api, one({ mediaType: 'application/pdf', fileName: 'brief.pdf' }));
        // Long enough that the loading state is still up after settling, on a loaded machine too.
        api.use('files.get', { ...pdfFile(testPdf([RED, GREEN, BLUE])), delayMs: 600 });
      });
      await settled(el);
      await el.updateComplete; // and the PDF previewer (updateComplete waits for it once the version is known)
      expect($(el, '[part~="pdf-loading"]')!.getAttribute('role')).to.equal('status');
      expect($(el, '[part~="pdf-loading"]')!.textContent).to.contain('Loading the PDF');
      expect(!!$(el, '[part~="download"]')).to.equal(true);
      await waitUntil(() => $(el, 'canvas') && showsColour(el, RED), 'page 1 not drawn', { timeout: 8000 });
      expect(api.calls.find((c) => c.key === 'files.get')!.query.disposition).to.equal('inline');
      expect('pdfjsLib' in globalThis).to.equal(true);
      // Parsed in the module worker, not on the main thread (pdf.js's fallback sets pdfjsWorker here).
      expect(pdfJsFetched().some((r) => r.name.includes('pdf-worker'))).to.equal(true);
      expect('pdfjsWorker' in globalThis).to.equal(false);
      expect($$(el, 'iframe').length).to.equal(0);
      const canvas = $(el, 'canvas') as HTMLCanvasElement;
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal('Page 1 of 3 of brief.pdf');
      expect(canvas.width).to.be.greaterThan(100);
      // Not blank: the square and the text are there, the corners stay white paper.
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 200 || px[i + 1]! < 200 || px[i + 2]! < 200) inked++;
      expect(inked / (px.length / 4)).to.be.within(0.2, 0.6);
      expect([...canvas.getContext('2d')!.getImageData(1, 1, 1, 1).data]).to.deep.equal([255, 255, 255, 255]);
      expect($(el, '[part~="page-number"]')!.textContent).to.equal('Page 1 of 3');
      expect(($(el, '[part~="previous-page"]') as HTMLButtonElement).disabled).to.equal(true);
      await threadSettled(el);
      expect(thread(el).anchorMode).to.equal('page');
      expect(thread(el).anchor).to.deep.equal({ kind: 'page', page: 1 });
      await expect(el).to.be.accessible(AXE);

      ($(el, '[part~="next-page"]') as HTMLButtonElement).click();
      await waitUntil(() => showsColour(el, GREEN), 'page 2 not drawn', { timeout: 4000 });
      expect(el.page).to.equal(2);
      expect(canvas.getAttribute('aria-label')).to.equal('Page 2 of 3 of brief.pdf');
      expect(thread(el).anchor).to.deep.equal({ kind: 'page', page: 2 });
      $(el, '[part~="stage"]')!.focus();
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => showsColour(el, BLUE), 'page 3 not drawn', { timeout: 4000 });
      expect($(el, '[part~="page-number"]')!.textContent).to.equal('Page 3 of 3');
      expect(($(el, '[part~="next-page"]') as HTMLButtonElement).disabled).to.equal(true);
      await sendKeys({ press: 'PageDown' }); // stays on the last page
      await el.updateComplete;
      expect(el.page).to.equal(3);
      await sendKeys({ press: 'PageUp' });
      await waitUntil(() => showsColour(el, GREEN), 'back to page 2', { timeout: 4000 });
      expect(thread(el).shadowRoot!.querySelector<HTMLInputElement>('[part~="page"]')!.value).to.equal('2');

      // The viewer's zoom: the page gets wider and is drawn again at that size.
      const before = canvas.width;
      ($(el, '[part~="zoom-in"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect($(el, '.canvas')!.style.inlineSize).to.equal('150%');
      await waitUntil(() => canvas.width > before * 1.4, 'not redrawn larger', { timeout: 4000 });
      await sendKeys({ press: '0' });
      await el.updateComplete;
      expect(el.zoom).to.equal(1);
      expect(!!$(el, '[part~="mark"]')).to.equal(false); // no regions on a PDF
      expect(!!$(el, '[part~="compare"]')).to.equal(true); // PDFs compare page by page (compare.test.ts)

      // Moved in the page: the document is freed on disconnect and drawn again, same page.
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(!!$(el, '[part~="pdf-loading"]')).to.equal(true);
      await waitUntil(() => $(el, 'canvas') && showsColour(el, GREEN), 'not drawn again after a move', { timeout: 4000 });
      expect($(el, '[part~="page-number"]')!.textContent).to.equal('Page 2 of 3');
    });

    it('PDF that fails to parse: an alert with a download link, accessible', async () => {
      const { el } = await mount(undefined, (api) => {
        serve(api, one({ mediaType: 'application/pdf', fileName: 'broken.pdf' }));
        api.use('files.get', pdfFile('%PDF-1.4\nthis is not really a PDF\n%%EOF\n'));
      });
      await settled(el);
      await waitUntil(() => $(el, '[part~="pdf-error"]'), 'no error', { timeout: 8000 });
      const error = $(el, '[part~="pdf-error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('This PDF couldn’t be shown.');
      const link = error.querySelector('a')!;
      expect(link.textContent).to.equal('Download broken.pdf');
      expect(link.href).to.equal(`${BASE}ver_2?exp=4102444800&sig=x`);
      expect(link.getAttribute('download')).to.equal('broken.pdf');
      expect(!!$(el, '[part~="download"]')).to.equal(true);
      expect($$(el, 'canvas, iframe, [part~="zoom-in"], [part~="next-page"]').length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('PDF that can’t be fetched, or is password-protected: a message and the download', async () => {
      const { el, api } = await mount(undefined, (api) => {
        serve(api, one({ mediaType: 'application/pdf', fileName: 'secret.pdf' }));
        api.use('files.get', pdfFile(testPdf([RED], { encrypted: true })));
      });
      await settled(el);
      await waitUntil(() => $(el, '[part~="pdf-error"]'), 'no error', { timeout: 8000 });
      expect($(el, '[part~="pdf-error"]')!.textContent).to.contain('password-protected');
      expect($(el, '[part~="pdf-error"] a')!.textContent).to.equal('Download secret.pdf');
      await expect(el).to.be.accessible(AXE);
      api.use('files.get', problem(404, 'not_found'));
      radios(el)[1]!.click(); // v1 is an image
      await el.updateComplete;
      expect($$(el, '[part~="pdf-error"], canvas').length).to.equal(0);
      serve(api, one({ mediaType: 'application/pdf', fileName: 'gone.pdf' }));
      el.version = 0;
      await el.refresh();
      await waitUntil(() => $(el, '[part~="pdf-error"]'), 'no error', { timeout: 8000 });
      expect($(el, '[part~="pdf-error"]')!.textContent).to.contain('couldn’t be shown');
    });

    it('video: native controls; comments take the playback time', async () => {
      const { el } = await mount(undefined, (api) => serve(api, one({ mediaType: 'video/mp4', fileName: 'cut.mp4' })));
      await threadSettled(el);
      const video = $(el, 'video') as HTMLVideoElement;
      expect(video.controls).to.equal(true);
      expect(video.getAttribute('src')).to.equal(`${BASE}ver_2?exp=4102444800&sig=x&disposition=inline`);
      expect(thread(el).anchorMode).to.equal('time');
      expect(thread(el).timeSource!()).to.equal(0);
      await expect(el).to.be.accessible(AXE);
    });

    it('audio: native controls', async () => {
      const { el } = await mount(undefined, (api) => serve(api, one({ mediaType: 'audio/mpeg', fileName: 'jingle.mp3' })));
      await settled(el);
      expect(($(el, 'audio') as HTMLAudioElement).controls).to.equal(true);
    });

    it('plain text: fetched and shown as text, never HTML', async () => {
      const { el, api } = await mount(undefined, (api) => {
        serve(api, one({ mediaType: 'text/plain', fileName: 'notes.txt' }));
        api.use('files.get', { status: 200, body: `Line 1\n${HOSTILE}`, headers: { 'content-type': 'text/plain' } });
      });
      await settled(el);
      await waitUntil(() => $(el, '[part~="text"]'), 'no text', { timeout: 3000 });
      expect($(el, '[part~="text"]')!.textContent).to.equal(`Line 1\n${HOSTILE}`);
      expect($$(el, 'img').length).to.equal(0);
      expect(api.calls.find((c) => c.key === 'files.get')!.query.disposition).to.equal('inline');
      await expect(el).to.be.accessible(AXE);
    });

    it('plain text that fails to load: an alert, download still there', async () => {
      const { el } = await mount(undefined, (api) => {
        serve(api, one({ mediaType: 'text/plain' }));
        api.use('files.get', problem(404, 'not_found'));
      });
      await settled(el);
      await waitUntil(() => $(el, '[part~="preview"] [role="alert"]'), 'no alert', { timeout: 3000 });
      expect($(el, '[part~="preview"]')!.textContent).to.contain('The text couldn’t be loaded.');
      expect(!!$(el, '[part~="download"]')).to.equal(true);
    });

    it('unsupported media type: facts and download only, accessible', async () => {
      const { el } = await mount(undefined, (api) => serve(api, one({ mediaType: 'application/zip', fileName: 'assets.zip' })));
      await threadSettled(el);
      expect($(el, '[part~="unsupported"]')!.textContent).to.contain('can’t be previewed');
      expect($$(el, 'img, iframe, video, audio, pre').length).to.equal(0);
      expect(($(el, '[part~="download"]') as HTMLAnchorElement).getAttribute('download')).to.equal('assets.zip');
      expect(thread(el).anchorMode).to.equal('');
      await expect(el).to.be.accessible(AXE);
    });

    it('processing: a status, no preview; a live event shows it when ready', async () => {
      const { el, api } = await mount(undefined, (api) => serve(api, one({ processing: 'processing', previewUrl: null })));
      await threadSettled(el);
      expect($(el, '[part~="processing"]')!.getAttribute('role')).to.equal('status');
      expect($$(el, 'img, iframe, video, audio').length).to.equal(0);
      await expect(el).to.be.accessible(AXE);
      await waitUntil(() => api.openStreams === 1, 'no stream', { timeout: 3000 });
      serve(api, one({}));
      api.emit({
        id: 'e1',
        type: 'deliverable.version_added',
        resource: { kind: 'deliverable', id: 'dlv_1' },
        occurredAt: new Date().toISOString(),
      });
      await waitUntil(() => $(el, '[part~="image"]'), 'not refreshed', { timeout: 3000 });
    });

    it('failed processing: a message and the download', async () => {
      const { el } = await mount(undefined, (api) => serve(api, one({ processing: 'failed', previewUrl: null })));
      await settled(el);
      expect($(el, '[part~="unsupported"]')!.textContent).to.contain('No preview could be made');
    });

    it('hostile file names render as text', async () => {
      const { el } = await mount(undefined, (api) => serve(api, one({ fileName: HOSTILE })));
      await settled(el);
      expect($(el, '.fact dd')!.textContent).to.equal(HOSTILE);
      expect(($(el, '[part~="image"]') as HTMLImageElement).alt).to.equal(`Preview of ${HOSTILE}`);
      expect($$(el, 'img').length).to.equal(1);
    });

    it('copies the full checksum', async () => {
      const { el } = await mount();
      await settled(el);
      let copied = '';
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: async (t: string) => {
            copied = t;
          },
        },
      });
      try {
        ($(el, '[part~="copy"]') as HTMLButtonElement).click();
        await waitUntil(() => copied, 'not copied');
        expect(copied).to.equal(el.selectedVersion!.checksum);
        await el.updateComplete;
        expect($(el, '.fact [role="status"]')!.textContent).to.equal('Checksum copied');
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        if (original) expect(!!navigator.clipboard).to.equal(true);
      }
    });

    it('hide-comments: no thread, no markers, no Mark button', async () => {
      const { el } = await mount('deliverable-id="dlv_1" hide-comments');
      await settled(el);
      expect($$(el, 'portico-comment-thread, [part~="marker"], [part~="mark"]').length).to.equal(0);
    });
  });

  describe('states', () => {
    it('loading, accessible', async () => {
      const { el } = await mount(undefined, undefined, { delayMs: 400 });
      expect($(el, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible(AXE);
      await settled(el);
    });

    it('error + Retry, 404, malformed; accessible', async () => {
      const { el, api } = await mount(undefined, (api) => api.use('deliverables.get', problem(503, 'unavailable')));
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('The service is unavailable');
      await expect(el).to.be.accessible(AXE);
      for (const [response, text] of [
        [problem(404, 'not_found'), 'This couldn’t be found.'],
        [malformedJson(), 'couldn’t be read'],
        [malformedList(), 'couldn’t be read'],
      ] as const) {
        api.use('deliverables.get', response);
        await el.refresh();
        await settled(el, 'error');
        expect($(el, '[role="alert"]')!.textContent).to.contain(text);
      }
      api.reset();
      ($(el, '[part~="retry"]') as HTMLButtonElement).click();
      await settled(el);
      expect(!!$(el, '[part~="image"]')).to.equal(true);
    });

    it('a bad download_url or preview_url in one version: that link is left out (invalid_link), the rest renders', async () => {
      const versions = [
        deliverableVersion(3),
        deliverableVersion(2, { downloadUrl: 'javascript:alert(1)', previewUrl: 'data:image/png;base64,x' }),
        deliverableVersion(1),
      ];
      const errors: Array<{ code: string; error: { path?: string; record?: string } }> = [];
      const onError = (e: Event) => errors.push((e as CustomEvent).detail);
      document.addEventListener('portico-error', onError);
      const { el } = await mount('deliverable-id="dlv_1" version="2"', (api) => serve(api, versions));
      await settled(el);
      document.removeEventListener('portico-error', onError);
      expect($(el, '[role="alert"]')).to.equal(null);
      expect(radios(el)).to.have.length(3);
      expect($(el, '[part~="download"]')).to.equal(null);
      expect($(el, '[part~="image"]')).to.equal(null);
      expect($(el, '[part~="unsupported"]')).to.not.equal(null);
      expect(errors.map((e) => [e.code, e.error.record, e.error.path]).sort()).to.deep.equal([
        ['invalid_link', 'ver_2', 'versions.1.downloadUrl'],
        ['invalid_link', 'ver_2', 'versions.1.previewUrl'],
      ]);
      await expect(el).to.be.accessible(AXE);
      el.version = 3;
      await settled(el);
      expect(($(el, '[part~="download"]') as HTMLAnchorElement).href).to.equal(`${BASE}ver_3?exp=4102444800&sig=x`);
    });

    it('the most versions the contract allows (MAX_VERSIONS of 10,000) render with no task over 200 ms; the switcher says the list is cut', async () => {
      const versions = Array.from({ length: MAX_VERSIONS }, (_, i) => deliverableVersion(10_000 - i));
      const response = json(deliverable(1, { versions, currentVersion: versions[0]!, versionCount: 10_000 }));
      let el!: PorticoDeliverableViewer;
      const tasks = await longTasksDuring(async () => {
        ({ el } = await mount(undefined, (api) => api.use('deliverables.get', response)));
        await threadSettled(el);
      });
      expect(Math.max(0, ...tasks), `long tasks: ${tasks.join(', ')}`).to.be.below(200);
      expect(radios(el)).to.have.length(MAX_VERSIONS);
      expect($(el, '[part~="versions-more"]')!.textContent).to.equal(`The newest ${MAX_VERSIONS} of 10,000 versions.`);
    });

    it('a response with more versions than the contract allows (10,000) is refused: the error state, never a 10,000-item render (before the bound it froze the tab for seconds)', async () => {
      const versions = Array.from({ length: 10_000 }, (_, i) => deliverableVersion(10_000 - i));
      const response = json(deliverable(1, { versions, currentVersion: versions[0]! }));
      // Parsing the ~4 MB answer is the request's cost, not the render's: bounded by settled()'s 4 s rather than by long tasks.
      const { el } = await mount(undefined, (api) => api.use('deliverables.get', response));
      await settled(el, 'error');
      expect(radios(el)).to.have.length(0);
    });

    describe('signed links on a page left open', () => {
      const now = () => Math.floor(Date.now() / 1000);
      /** deliverables.get whose first answer carries links expiring in 20 s, later ones links valid for 15 minutes. */
      const expiringThenFresh = (o: Partial<DeliverableVersion>) => {
        let loads = 0;
        return () => {
          const exp = loads++ === 0 ? now() + 20 : now() + 900;
          const v = deliverableVersion(2, {
            ...o,
            previewUrl: `/portal/v1/files/ver_2?exp=${exp}&sig=s${exp}&disposition=inline`,
            downloadUrl: `/portal/v1/files/ver_2?exp=${exp}&sig=s${exp}`,
          });
          return json(deliverable(1, { versions: [v, deliverableVersion(1)], currentVersion: v }));
        };
      };

      it('a click on Download near expiry follows a fresh link to the same file, never the expired one', async () => {
        const { el, api } = await mount(undefined, (api) =>
          api.use('deliverables.get', expiringThenFresh({ mediaType: 'application/zip', fileName: 'a.zip' })),
        );
        await settled(el);
        const followed: string[] = [];
        const onClick = (e: Event) => {
          const a = e.composedPath()[0];
          if (a instanceof HTMLAnchorElement) {
            followed.push(a.href);
            e.preventDefault(); // no download in the test browser
          }
        };
        document.addEventListener('click', onClick);
        try {
          const stale = ($(el, '[part~="download"]') as HTMLAnchorElement).href;
          ($(el, '[part~="download"]') as HTMLAnchorElement).click();
          await waitUntil(() => followed.length, 'the fresh link was not followed', { timeout: 4000 });
          expect(api.calls.filter((c) => c.key === 'deliverables.get')).to.have.length(2);
          expect(followed).to.have.length(1);
          expect(followed[0]).to.not.equal(stale);
          expect(new URL(followed[0]!).pathname).to.equal('/portal/v1/files/ver_2');
          expect(Number(new URL(followed[0]!).searchParams.get('exp'))).to.be.greaterThan(now() + 600);
        } finally {
          document.removeEventListener('click', onClick);
        }
      });

      it('a text preview whose link answers 403 (expired) is fetched again with a fresh link, transparently', async () => {
        const { el } = await mount(undefined, (api) =>
          api.use('deliverables.get', expiringThenFresh({ mediaType: 'text/plain', fileName: 'notes.txt' })),
        );
        const fetched: string[] = [];
        el.fetchFile = async (input) => {
          const url = String(input);
          fetched.push(url);
          const exp = Number(new URL(url).searchParams.get('exp'));
          return exp < now() + 60
            ? new Response('{"code":"forbidden","title":"This link has expired"}', { status: 403 })
            : new Response('fresh text');
        };
        await settled(el);
        await waitUntil(() => $(el, '[part~="text"]'), 'no text preview', { timeout: 4000 });
        expect($(el, '[part~="text"]')!.textContent).to.equal('fresh text');
        expect(fetched).to.have.length(2);
        expect($(el, '[role="alert"]')).to.equal(null);
      });
    });

    it('an unknown id answers 404', async () => {
      const { el } = await mount('deliverable-id="dlv_404"');
      await settled(el, 'error');
      expect($(el, '[role="alert"]')!.textContent).to.contain('This couldn’t be found.');
    });

    it('slow network: the newer deliverable wins', async () => {
      const { el, api } = await mount();
      await settled(el);
      api.use('deliverables.get', ({ params }) => ({
        ...json(deliverable(Number(params.id!.slice(4)))),
        delayMs: params.id === 'dlv_2' ? 400 : 30,
      }));
      el.deliverableId = 'dlv_2';
      await aTimeout(10);
      el.deliverableId = 'dlv_3';
      await settled(el);
      await aTimeout(450);
      expect($(el, '[part~="title"]')!.textContent).to.equal('Homepage mock-up 3');
    });
  });

  describe('RTL, dark, narrow', () => {
    it('Arabic, right-to-left, accessible', async () => {
      const { el } = await mount('deliverable-id="dlv_1" lang="ar" dir="rtl"');
      await threadSettled(el);
      await loadLocale('ar');
      await el.updateComplete;
      expect(getComputedStyle($(el, '[part~="base"]')!).direction).to.equal('rtl');
      expect($(el, '.legend')!.textContent).to.equal('الإصدارات');
      // The image keeps its own left-to-right coordinates: a region at x = 10 % is 10 % from the left.
      expect(getComputedStyle($(el, '.canvas')!).direction).to.equal('ltr');
      await expect(el).to.be.accessible(AXE);
    });

    it('dark theme, accessible', async () => {
      const { el } = await mount('deliverable-id="dlv_1" theme="dark"');
      await threadSettled(el);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible(AXE);
    });

    it('320 px, comparing: one column, no horizontal overflow', async () => {
      const { el } = await mount('deliverable-id="dlv_1" compare-version="1"');
      el.parentElement!.style.inlineSize = '320px';
      await threadSettled(el);
      expect($$(el, '[part~="image"]').length).to.equal(2);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(getComputedStyle($(el, '.panes')!).gridTemplateColumns.split(' ')).to.have.length(1);
      await expect(el).to.be.accessible(AXE);
    });
  });
});
