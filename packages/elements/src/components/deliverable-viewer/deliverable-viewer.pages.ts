/**
 * The deliverable viewer's PDF previewer, loaded when a PDF is first shown: fetching the file,
 * page navigation, zoom and drawing the page shown to a canvas (by pdf.js, in `pdf-preview.ts`, a
 * further lazy module).
 */
import type { DeliverableVersion } from '@portico/contract';
import type { Kit, ViewerHost } from './deliverable-viewer.host.js';
import { previewStyles } from './deliverable-viewer.preview.styles.js';
import zoom from './deliverable-viewer.zoom.js';
import type { PdfPreview } from './pdf-preview.js';

export default function pdfPreviewer(kit: Kit) {
  const { html, nothing, isolate } = kit;
  const { cssom, onStageKey, renderZoom } = zoom(kit);
  function closePdf(h: ViewerHost): void {
    h.pdfAbort?.abort();
    h.pdf?.doc?.destroy();
    h.pdf = undefined;
    h.pdfDrawn = '';
    h.anchoredPage = 0;
  }

  async function loadPdf(h: ViewerHost, url: string): Promise<void> {
    const abort = new AbortController();
    h.pdfAbort = abort;
    h.pdf = { url };
    try {
      const res = await h.fetchLink(url, { signal: abort.signal });
      if (!res.ok) throw new Error(String(res.status));
      const data = new Uint8Array(await res.arrayBuffer());
      const { PdfPreview } = await import('./pdf-preview.js');
      const doc = await PdfPreview.open(data, kit.pdfSettings, abort.signal);
      if (abort.signal.aborted) doc.destroy();
      else h.pdf = { url, doc };
    } catch (error) {
      if (abort.signal.aborted) return;
      const { pdfFailure } = await import('./pdf-preview.js').catch(() => ({ pdfFailure: () => 'invalid' as const }));
      if (!abort.signal.aborted) h.pdf = { url, failed: pdfFailure(error) };
    }
  }

  /** After an update: draws the page shown if it changed, and anchors new comments to it. */
  function updatedPdf(h: ViewerHost, doc: PdfPreview): void {
    const canvas = h.renderRoot.querySelector<HTMLCanvasElement>('[part~="page"]');
    const stage = canvas?.closest<HTMLElement>('[part~="stage"]');
    if (canvas && stage) {
      const width = Math.round((stage.clientWidth || 600) * h.zoom);
      const key = `${h.pdf!.url}|${h.page}|${width}`;
      if (key !== h.pdfDrawn) void drawPage(h, doc, canvas, stage, key, width);
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
    doc: PdfPreview,
    canvas: HTMLCanvasElement,
    stage: HTMLElement,
    key: string,
    width: number,
  ): Promise<void> {
    h.pdfDrawn = key;
    stage.setAttribute('aria-busy', 'true');
    try {
      if (!(await doc.render(Number(key.split('|')[1]), canvas, width))) return;
    } catch {
      // A page pdf.js can't draw stays blank; the other pages and the download still work.
    }
    if (h.pdfDrawn === key) stage.removeAttribute('aria-busy');
  }

  /** Page navigation and zoom, once the document is open. */
  function renderPdfTools(h: ViewerHost) {
    const doc = h.pdf?.doc;
    if (!doc) return nothing;
    const { t, number } = h.i18n;
    const pages = doc.pageCount;
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

  function renderPdf(h: ViewerHost, v: DeliverableVersion) {
    const { t, number } = h.i18n;
    const pdf = h.pdf;
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
    return html`<div part="stage" class="stage" tabindex="0" role="group" aria-label=${t('deliverableViewer.pdfHint')} @keydown=${onStageKey}>
      <div class="canvas" dir="ltr" ${cssom({ 'inline-size': `${h.zoom * 100}%` })}>
        <canvas
          part="page"
          class="page"
          role="img"
          aria-label=${t('deliverableViewer.pageLabel', { page: number(h.page), pages: number(pages), name: v.fileName })}
        ></canvas>
      </div>
    </div>`;
  }

  return { closePdf, loadPdf, updatedPdf, renderPdfTools, renderPdf, styles: previewStyles(kit.css) };
}
