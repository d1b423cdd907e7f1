/**
 * The deliverable viewer's PDF previewer, loaded when a PDF is first shown: fetching the file,
 * page navigation, zoom and drawing the page shown to a canvas (by pdf.js, in `pdf-preview.ts`, a
 * further lazy module). Comparing two PDF versions shows the same page of both side by side (stacked
 * when narrow): one page navigation and one zoom move both.
 */
import type { DeliverableVersion } from '@portico/contract';
import { en } from './deliverable-pages.messages.js';
import type { Kit, PdfState, ViewerHost } from './deliverable-viewer.host.js';
import { previewStyles } from './deliverable-viewer.preview.styles.js';
import zoom from './deliverable-viewer.zoom.js';
import type { PdfPreview } from './pdf-preview.js';

const resources = {
  en,
  locales: { de: () => import('./deliverable-pages.messages.de.js'), ar: () => import('./deliverable-pages.messages.ar.js') },
};

export default function pdfPreviewer(kit: Kit) {
  // Its messages come with it: the viewer's bundle carries none of the PDF's.
  kit.useResources(resources);
  const { html, nothing, isolate } = kit;
  const { cssom, onStageKey, renderZoom } = zoom(kit);
  type Slot = 'pdf' | 'comparePdf';
  const file = (u: string) => u.replace(/[?&](exp|sig)=[^&]*/g, '');

  /** Frees the PDF shown and the compared one (both load again when needed). */
  function closePdf(h: ViewerHost): void {
    close(h, 'pdf');
    close(h, 'comparePdf');
    h.anchoredPage = 0;
  }

  function close(h: ViewerHost, slot: Slot): void {
    h[`${slot}Abort`]?.abort();
    h[slot]?.doc?.destroy();
    h[slot] = undefined;
    h[`${slot}Drawn`] = '';
  }

  /** The PDF version compared with the one shown, if any. */
  function comparedPdf(h: ViewerHost) {
    const v = h.selectedVersion;
    const other = v && h.compareVersion !== v.number ? h.deliverable?.versions.find((x) => x.number === h.compareVersion) : undefined;
    return other?.processing === 'ready' && other.previewUrl && kit.previewKind(other.mediaType) === 'pdf' ? other : undefined;
  }

  /** Before an update: opens (or frees) the compared PDF, while a PDF is shown. */
  function syncCompare(h: ViewerHost): void {
    const other = h.pdf && comparedPdf(h);
    const url = other ? h.resolve(other.previewUrl) : '';
    const open = h.comparePdf;
    if (open && (!url || (open.failed ? open.url !== url : file(open.url) !== file(url)))) close(h, 'comparePdf');
    if (url && !h.comparePdf) void loadPdf(h, url, 'comparePdf');
  }

  async function loadPdf(h: ViewerHost, url: string, slot: Slot = 'pdf'): Promise<void> {
    const abort = new AbortController();
    h[`${slot}Abort`] = abort;
    const set = (state: PdfState) => {
      h[slot] = state;
      if (slot === 'comparePdf') h.requestUpdate(); // no reactive property, unlike `pdf`
    };
    set({ url });
    try {
      const res = await h.fetchLink(url, { signal: abort.signal });
      if (!res.ok) throw new Error(String(res.status));
      const data = new Uint8Array(await res.arrayBuffer());
      const { PdfPreview } = await import('./pdf-preview.js');
      const doc = await PdfPreview.open(data, kit.pdfSettings, abort.signal);
      if (abort.signal.aborted) doc.destroy();
      else set({ url, doc });
    } catch (error) {
      if (abort.signal.aborted) return;
      const { pdfFailure } = await import('./pdf-preview.js').catch(() => ({ pdfFailure: () => 'invalid' as const }));
      if (!abort.signal.aborted) set({ url, failed: pdfFailure(error) });
    }
  }

  /** After an update: draws the page shown if it changed, and anchors new comments to it. */
  function updatedPdf(h: ViewerHost, doc: PdfPreview): void {
    for (const slot of ['pdf', 'comparePdf'] as const) {
      const open = slot === 'pdf' ? doc : h.comparePdf?.doc;
      const canvas = h.renderRoot.querySelector<HTMLCanvasElement>(`[part~="page"][data-slot="${slot}"]`);
      const stage = canvas?.closest<HTMLElement>('[part~="stage"]');
      if (open && canvas && stage) {
        const width = Math.round((stage.clientWidth || 600) * h.zoom);
        const key = `${h[slot]!.url}|${h.page}|${width}`;
        if (key !== h[`${slot}Drawn`]) void drawPage(h, slot, open, canvas, stage, key, width);
      }
    }
    // A comment on a PDF points to the page shown (the thread's page field stays editable).
    const thread = h.thread;
    if (thread && h.page !== h.anchoredPage) {
      h.anchoredPage = h.page;
      thread.anchor = { kind: 'page', page: h.page };
    }
  }

  async function drawPage(
    h: ViewerHost,
    slot: Slot,
    doc: PdfPreview,
    canvas: HTMLCanvasElement,
    stage: HTMLElement,
    key: string,
    width: number,
  ): Promise<void> {
    h[`${slot}Drawn`] = key;
    stage.setAttribute('aria-busy', 'true');
    try {
      if (!(await doc.render(Number(key.split('|')[1]), canvas, width))) return;
    } catch {
      // A page pdf.js can't draw stays blank; the other pages and the download still work.
    }
    if (h[`${slot}Drawn`] === key) stage.removeAttribute('aria-busy');
  }

  /** Page navigation and zoom, once the document is open. */
  function renderPdfTools(h: ViewerHost) {
    const doc = h.pdf?.doc;
    if (!doc) return nothing;
    const { t, number } = h.i18n;
    const pages = h.pageCount;
    return html`<div class="group" role="group" aria-label=${t('deliverableViewer.pages')}>
        <button part="previous-page" class="button" type="button" ?disabled=${h.page <= 1} @click=${() => h.goToPage(h.page - 1)}>
          <span aria-hidden="true">‹</span><span class="visually-hidden">${t('deliverableViewer.previousPage')}</span>
        </button>
        <output part="page-number" class="zoom" aria-live="polite">${t('deliverableViewer.pageOf', { page: number(h.page), pages: number(pages) })}</output>
        <button part="next-page" class="button" type="button" ?disabled=${h.page >= pages} @click=${() => h.goToPage(h.page + 1)}>
          <span aria-hidden="true">›</span><span class="visually-hidden">${t('deliverableViewer.nextPage')}</span>
        </button>
      </div>
      ${renderZoom(h)}`;
  }

  /** The PDF shown, or the same page of it and of the compared version side by side. */
  function renderPdf(h: ViewerHost, v: DeliverableVersion) {
    const other = h.comparePdf && comparedPdf(h);
    if (!other) return renderPane(h, v, 'pdf');
    const { t } = h.i18n;
    const pane = (x: DeliverableVersion, slot: Slot) => html`<figure class="pane">
      <figcaption class="caption">${t('deliverable.versionShort', { number: String(x.number) })}</figcaption>
      ${renderPane(h, x, slot)}
    </figure>`;
    return html`<div class="panes panes--compare">${pane(v, 'pdf')}${pane(other, 'comparePdf')}</div>`;
  }

  function renderPane(h: ViewerHost, v: DeliverableVersion, slot: Slot) {
    const { t, number } = h.i18n;
    const pdf = h[slot];
    if (pdf?.failed) {
      return html`<p part="pdf-error" class="notice" role="alert">
        ${t(pdf.failed === 'password' ? 'deliverableViewer.pdfPassword' : 'deliverableViewer.pdfError')}
        ${
          v.downloadUrl
            ? html`<a class="link" href=${h.resolve(v.downloadUrl)} download=${v.fileName} rel="noopener"
                >${isolate(t, 'deliverableViewer.downloadFile', { name: v.fileName }, 'name')}</a
              >`
            : nothing
        }
      </p>`;
    }
    if (!pdf?.doc) return html`<p part="pdf-loading" class="notice" role="status">${t('deliverableViewer.pdfLoading')}</p>`;
    const pages = pdf.doc.pageCount;
    // Comparing, the shorter document has no page for the last pages of the longer one.
    if (h.page > pages)
      return html`<p part="no-page" class="notice">
        ${t('deliverableViewer.pdfNoPage', { number: v.number, page: number(h.page), pages: number(pages) })}
      </p>`;
    return html`<div part="stage" class="stage" tabindex="0" role="group" aria-label=${t('deliverableViewer.pdfHint')} @keydown=${onStageKey}>
      <div class="canvas" dir="ltr" ${cssom({ 'inline-size': `${h.zoom * 100}%` })}>
        <canvas
          part="page"
          class="page"
          data-slot=${slot}
          role="img"
          aria-label=${t('deliverableViewer.pageLabel', { page: number(h.page), pages: number(pages), name: v.fileName })}
        ></canvas>
      </div>
    </div>`;
  }

  return { closePdf, loadPdf, syncCompare, updatedPdf, renderPdfTools, renderPdf, styles: previewStyles(kit.css) };
}
