import { registerEndpoints } from '@portico/client';
import type { Comment, Deliverable, DeliverableVersion } from '@portico/contract';
import { deliverables } from '@portico/contract/validators/deliverables';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { PorticoElement } from '../../base/portico-element.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { registerLocaleLoader, registerMessages } from '../../i18n/i18n.js';
import type { AnchorMode, PorticoCommentThread } from '../comment-thread/comment-thread.component.js';
import { reviewBadge } from '../deliverable-list/review-badge.js';
import { en } from './deliverable-viewer.messages.js';
import { styles } from './deliverable-viewer.styles.js';
import type { PdfFailure, PdfPreview } from './pdf-preview.js';

registerMessages('en', en);
registerEndpoints({ deliverables });

export { pdfSettings } from './pdf-settings.js';

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), never a `style`
 * attribute: a strict CSP (`style-src` without 'unsafe-inline') blocks style attributes, including
 * the one `styleMap` writes on its first render, but not CSSOM writes.
 */
const cssom = (props: Record<string, string>) =>
  ref((el?: Element) => {
    if (el instanceof HTMLElement) for (const [name, value] of Object.entries(props)) el.style.setProperty(name, value);
  });
registerLocaleLoader('de', () => import('./deliverable-viewer.messages.de.js').then((m) => m.de));
registerLocaleLoader('ar', () => import('./deliverable-viewer.messages.ar.js').then((m) => m.ar));

export type PreviewKind = 'image' | 'pdf' | 'video' | 'audio' | 'text' | 'other';

/** How a media type is previewed. */
export function previewKind(mediaType: string): PreviewKind {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain' || type === 'text/csv' || type === 'text/markdown') return 'text';
  const top = type.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'other';
}

const ANCHOR_MODE: Record<PreviewKind, AnchorMode> = { image: 'region', pdf: 'page', video: 'time', audio: 'time', text: '', other: '' };
const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
const MAX_TEXT = 200_000;

type Region = { kind: 'region'; x: number; y: number; width: number; height: number };
const clamp = (v: number, min = 0, max = 1) => Math.min(max, Math.max(min, v));
const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

/**
 * One deliverable: a version switcher (newest first, the current version marked), a preview by
 * media type — images (zoom buttons and + / - / 0 keys, side-by-side comparison of two image
 * versions, region markers of comments), PDFs (drawn page by page to a canvas by pdf.js, which
 * is loaded only when a PDF is shown: previous / next buttons and PageUp / PageDown keys, the same
 * zoom as images, comments anchored to the page shown), video and audio (native controls), plain text (fetched and shown as text) — and a download
 * for anything else; the file's facts (name, size, type, uploader, date, checksum with a copy
 * button) and the comment thread of the shown version. A version still processing shows a
 * status instead of a preview; `deliverable` live events reload it.
 *
 * Every URL comes from the contract's validated `previewUrl` / `downloadUrl`; relative ones are
 * resolved against the client's `baseUrl`.
 *
 * @summary Review one deliverable: versions, preview, facts and comments.
 *
 * @slot error - Replaces the default loading error message.
 * @slot comments - Replaces the built-in comment thread.
 *
 * @csspart base - The component's root.
 * @csspart header - Title and review status.
 * @csspart title - The deliverable's title.
 * @csspart badge - The review status badge (also `status`).
 * @csspart versions - The version switcher (a radio group).
 * @csspart version - One version choice.
 * @csspart toolbar - Zoom, mark, compare and download controls.
 * @csspart zoom-in - Zoom-in button. @csspart zoom-out - Zoom-out button. @csspart fit - Fit button.
 * @csspart mark - The "Mark a region" toggle.
 * @csspart previous-page - Previous PDF page. @csspart next-page - Next PDF page. @csspart page-number - "Page 2 of 5".
 * @csspart compare - The compare select.
 * @csspart download - The download link.
 * @csspart preview - The preview area.
 * @csspart stage - The focusable, scrollable image area.
 * @csspart image - An image preview. @csspart page - The PDF page's canvas. @csspart media - The video or audio element. @csspart text - The text preview.
 * @csspart marker - A comment's region marker (click focuses the comment).
 * @csspart pick - The region picking layer. @csspart draft - The region being placed.
 * @csspart processing - The "still processing" status. @csspart unsupported - The "no preview" message.
 * @csspart pdf-loading - The "Loading the PDF" status. @csspart pdf-error - Why a PDF can't be shown, with a download link.
 * @csspart facts - The file facts. @csspart copy - The copy-checksum button.
 * @csspart comments - The built-in `<portico-comment-thread>`.
 *
 * @cssprop --portico-deliverable-viewer-stage-height - Height of the preview area (default: 70vh).
 * @cssprop --portico-deliverable-viewer-stage-background - Background behind previews.
 * @cssprop --portico-deliverable-viewer-marker-color - Region markers (default: `--portico-color-primary`).
 *
 * @fires portico-error - Loading failed.
 */
export class PorticoDeliverableViewer extends PorticoElement {
  static override styles = [PorticoElement.styles, stateStyles, styles];

  /** The deliverable shown. */
  @property({ attribute: 'deliverable-id', reflect: true }) deliverableId = '';

  /** The version number shown; 0 (default) shows the current version. */
  @property({ type: Number, reflect: true }) version = 0;

  /** Another image version shown side by side with `version`; 0 for none. */
  @property({ type: Number, attribute: 'compare-version', reflect: true }) compareVersion = 0;

  /** Hides the built-in comment thread (and region markers). */
  @property({ type: Boolean, attribute: 'hide-comments', reflect: true }) hideComments = false;

  /** Don't reload on live `deliverable` events. */
  @property({ type: Boolean, reflect: true, attribute: 'no-live' }) noLive = false;

  /** Fetches text previews (signed URLs, no token needed). Default: the global `fetch`. */
  @property({ attribute: false }) fetchFile?: typeof fetch;

  /** Image or PDF zoom relative to the fitted width (1 = fit). */
  @state() zoom = 1;
  /** The PDF page shown (1-based). */
  @state() page = 1;
  @state() private picking = false;
  @state() private draft: Region | null = null;
  @state() private comments: readonly Comment[] = [];
  @state() private text?: { url: string; value?: string; failed?: boolean; truncated?: boolean };
  @state() private copied = false;
  @state() private pdf?: { url: string; doc?: PdfPreview; failed?: PdfFailure };

  @query('portico-comment-thread') private thread?: PorticoCommentThread;
  private textAbort?: AbortController;
  private pdfAbort?: AbortController;
  /** What the PDF canvas shows now (document, page, pixel width), to draw only on a change. */
  private pdfDrawn = '';
  /** The page last given to the comment thread as its anchor. */
  private anchoredPage = 0;
  private readonly resize = new ResizeObserver(() => this.pdf?.doc && this.requestUpdate());
  private drag?: { x: number; y: number };

  private readonly resource = new ResourceController(this, {
    args: () => [this.deliverableId] as const,
    load: (client, [id], { signal }): Promise<Deliverable> => client.deliverables.get({ id, signal }),
    live: (e) => !this.noLive && e.resource.kind === 'deliverable' && e.resource.id === this.deliverableId,
  });

  /** Loads the deliverable again. */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  /** The loaded deliverable. */
  get deliverable(): Deliverable | undefined {
    return this.resource.value;
  }

  /** The version shown (the requested one, else the current one). */
  get selectedVersion(): DeliverableVersion | undefined {
    const d = this.resource.value;
    return d && (d.versions.find((v) => v.number === this.version) ?? d.currentVersion);
  }

  /** The number of pages of the PDF shown, once it is loaded (else 0). */
  get pageCount(): number {
    return this.pdf?.doc?.pageCount ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    this.requestUpdate(); // reloads a text or PDF preview dropped while disconnected
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    // Frees the PDF (and its canvas memory); both previews load again if the element comes back.
    this.textAbort?.abort();
    this.text = undefined;
    this.closePdf();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('version') || changed.has('deliverableId')) {
      this.zoom = 1;
      this.picking = false;
      this.draft = null;
      this.comments = [];
      this.page = 1;
    }
    // Text and PDF previews load here, not in updated(), so their state change joins this update.
    const v = this.selectedVersion;
    const kind = v && v.processing === 'ready' && v.previewUrl ? previewKind(v.mediaType) : 'other';
    const url = v && (kind === 'text' || kind === 'pdf') && this.isConnected ? this.resolve(v.previewUrl ?? v.downloadUrl) : '';
    if (kind === 'text' && url && this.text?.url !== url) void this.loadText(url);
    if (kind === 'pdf' && url ? this.pdf?.url !== url : this.pdf) {
      this.closePdf();
      if (kind === 'pdf' && url) void this.loadPdf(url);
    }
    const pages = this.pageCount;
    if (pages) this.page = clamp(Math.trunc(this.page) || 1, 1, pages);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const doc = this.pdf?.doc;
    if (!doc) return;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('[part~="page"]');
    const stage = canvas?.closest<HTMLElement>('[part~="stage"]');
    if (canvas && stage) {
      const width = Math.round((stage.clientWidth || 600) * this.zoom);
      const key = `${this.pdf!.url}|${this.page}|${width}`;
      if (key !== this.pdfDrawn) void this.drawPage(doc, canvas, stage, key, width);
    }
    // A comment on a PDF points to the page shown (the thread's page field stays editable).
    const thread = this.thread;
    if (thread && this.page !== this.anchoredPage) {
      this.anchoredPage = this.page;
      thread.anchor = { kind: 'page', page: this.page };
    }
  }

  private async drawPage(doc: PdfPreview, canvas: HTMLCanvasElement, stage: HTMLElement, key: string, width: number): Promise<void> {
    this.pdfDrawn = key;
    stage.setAttribute('aria-busy', 'true');
    try {
      if (!(await doc.render(Number(key.split('|')[1]), canvas, width))) return;
    } catch {
      // A page pdf.js can't draw stays blank; the other pages and the download still work.
    }
    if (this.pdfDrawn === key) stage.removeAttribute('aria-busy');
  }

  private closePdf(): void {
    this.pdfAbort?.abort();
    this.pdf?.doc?.destroy();
    this.pdf = undefined;
    this.pdfDrawn = '';
    this.anchoredPage = 0;
  }

  private async loadPdf(url: string): Promise<void> {
    const abort = new AbortController();
    this.pdfAbort = abort;
    this.pdf = { url };
    try {
      const res = await (this.fetchFile ?? fetch)(url, { signal: abort.signal });
      if (!res.ok) throw new Error(String(res.status));
      const data = new Uint8Array(await res.arrayBuffer());
      const { PdfPreview } = await import('./pdf-preview.js');
      const doc = await PdfPreview.open(data, abort.signal);
      if (abort.signal.aborted) doc.destroy();
      else this.pdf = { url, doc };
    } catch (error) {
      if (abort.signal.aborted) return;
      const { pdfFailure } = await import('./pdf-preview.js').catch(() => ({ pdfFailure: () => 'invalid' as const }));
      if (!abort.signal.aborted) this.pdf = { url, failed: pdfFailure(error) };
    }
  }

  private resolve(url: string): string {
    return new URL(url, this.effectiveClient?.baseUrl ?? document.baseURI).href;
  }

  private async loadText(url: string): Promise<void> {
    this.textAbort?.abort();
    const abort = new AbortController();
    this.textAbort = abort;
    this.text = { url };
    try {
      const res = await (this.fetchFile ?? fetch)(url, { signal: abort.signal });
      if (!res.ok) throw new Error(String(res.status));
      const value = await res.text();
      if (!abort.signal.aborted) this.text = { url, value: value.slice(0, MAX_TEXT), truncated: value.length > MAX_TEXT };
    } catch {
      if (!abort.signal.aborted) this.text = { url, failed: true };
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${renderState(this, this.resource, { complete: (d) => this.renderDeliverable(d) })}
    </div>`;
  }

  private renderDeliverable(d: Deliverable) {
    const { t } = this.i18n;
    const v = this.selectedVersion!;
    const kind = v.processing === 'ready' ? previewKind(v.mediaType) : 'other';
    const versions = [...d.versions].sort((a, b) => b.number - a.number);
    return html`<div part="header" class="header">
        <span part="title" class="title">${d.title}</span>
        ${reviewBadge(t, d.reviewStatus)}
      </div>
      <fieldset part="versions" class="versions">
        <legend class="legend">${t('deliverableViewer.versions')}</legend>
        ${versions.map(
          (x) => html`<label part="version" class="version">
            <input type="radio" name="version" .checked=${x.number === v.number} @change=${() => this.selectVersion(x.number)} />
            <span>${t('deliverable.versionShort', { number: String(x.number) })}</span>
            ${x.id === d.currentVersion.id ? html`<span class="current">· ${t('deliverableViewer.current')}</span>` : nothing}
          </label>`,
        )}
      </fieldset>
      ${this.renderToolbar(d, v, kind)}
      <div part="preview" class="preview">${this.renderPreview(d, v, kind)}</div>
      ${this.renderFacts(v)}
      <slot name="comments">
        ${
          this.hideComments
            ? nothing
            : html`<portico-comment-thread
                part="comments"
                .client=${this.effectiveClient}
                deliverable-id=${d.id}
                version=${v.number}
                anchor-mode=${ANCHOR_MODE[kind]}
                ?no-live=${this.noLive}
                @portico-comment=${() => {
                  this.anchoredPage = 0; // the sent comment cleared the page; give it the current one again
                  this.requestUpdate();
                }}
                .timeSource=${kind === 'video' || kind === 'audio' ? () => this.renderRoot.querySelector<HTMLMediaElement>('[part~="media"]')?.currentTime ?? 0 : undefined}
                @portico-comments-change=${(e: CustomEvent<{ comments: readonly Comment[] }>) => (this.comments = e.detail.comments)}
              ></portico-comment-thread>`
        }
      </slot>`;
  }

  private renderToolbar(d: Deliverable, v: DeliverableVersion, kind: PreviewKind) {
    const { t, number } = this.i18n;
    const others = d.versions.filter(
      (x) => x.number !== v.number && x.processing === 'ready' && previewKind(x.mediaType) === 'image' && x.previewUrl,
    );
    const zoomable = kind === 'image' || (kind === 'pdf' && !!this.pdf?.doc);
    return html`<div part="toolbar" class="toolbar">
      ${kind === 'pdf' && this.pdf?.doc ? this.renderPageNav(this.pdf.doc.pageCount) : nothing}
      ${
        zoomable
          ? html`<div class="group">
                <button part="zoom-out" class="button" type="button" ?disabled=${this.zoom <= ZOOMS[0]!} @click=${() => this.zoomBy(-1)}>
                  <span aria-hidden="true">−</span><span class="visually-hidden">${t('deliverableViewer.zoomOut')}</span>
                </button>
                <output class="zoom" aria-live="polite">${number(this.zoom, { style: 'percent' })}</output>
                <button part="zoom-in" class="button" type="button" ?disabled=${this.zoom >= ZOOMS.at(-1)!} @click=${() => this.zoomBy(1)}>
                  <span aria-hidden="true">+</span><span class="visually-hidden">${t('deliverableViewer.zoomIn')}</span>
                </button>
                <button part="fit" class="button" type="button" @click=${() => (this.zoom = 1)}>${t('deliverableViewer.fit')}</button>
              </div>`
          : nothing
      }
      ${
        kind === 'image'
          ? html`${
              this.hideComments
                ? nothing
                : html`<button part="mark" class="button" type="button" aria-pressed=${this.picking ? 'true' : 'false'} @click=${this.togglePick}>
                      ${t('deliverableViewer.mark')}
                    </button>`
            }
              ${
                others.length
                  ? html`<label class="group"
                      >${t('deliverableViewer.compare')}
                      <select part="compare" class="field" @change=${(e: Event) => (this.compareVersion = Number((e.target as HTMLSelectElement).value))}>
                        <option value="0" ?selected=${!this.compareVersion}>${t('deliverableViewer.compareOff')}</option>
                        ${others.map(
                          (x) =>
                            html`<option value=${x.number} ?selected=${this.compareVersion === x.number}>${t('deliverable.versionShort', { number: String(x.number) })}</option>`,
                        )}
                      </select></label
                    >`
                  : nothing
              }`
          : nothing
      }
      <a part="download" class="button download" href=${this.resolve(v.downloadUrl)} download=${v.fileName} rel="noopener">${t('deliverableViewer.download')}</a>
    </div>`;
  }

  private renderPreview(d: Deliverable, v: DeliverableVersion, kind: PreviewKind) {
    const { t } = this.i18n;
    if (v.processing === 'processing')
      return html`<p part="processing" class="notice" role="status">${t('deliverableViewer.processing')}</p>`;
    if (v.processing === 'failed' || !v.previewUrl || kind === 'other')
      return html`<p part="unsupported" class="notice">${t(v.processing === 'failed' ? 'deliverableViewer.failed' : 'deliverableViewer.unsupported')}</p>`;
    const src = this.resolve(v.previewUrl);
    const label = t('deliverableViewer.preview', { name: v.fileName });
    switch (kind) {
      case 'pdf':
        return this.renderPdf(v);
      case 'video':
        return html`<video part="media" class="media" controls preload="metadata" src=${src} aria-label=${label}></video>`;
      case 'audio':
        return html`<audio part="media" class="media" controls preload="metadata" src=${src} aria-label=${label}></audio>`;
      case 'text':
        return this.text?.failed
          ? html`<p class="notice" role="alert">${t('deliverableViewer.textError')}</p>`
          : this.text?.value === undefined
            ? html`<div class="skeleton-line" role="status" aria-label=${t('state.loading')}></div>`
            : html`<pre part="text" class="text" tabindex="0" aria-label=${label}>${this.text.value}</pre>
                ${this.text.truncated ? html`<p class="notice">${t('deliverableViewer.truncated')}</p>` : nothing}`;
    }
    const other =
      this.compareVersion && this.compareVersion !== v.number ? d.versions.find((x) => x.number === this.compareVersion) : undefined;
    const compare = other?.previewUrl && other.processing === 'ready' && previewKind(other.mediaType) === 'image' ? other : undefined;
    const stage = (x: DeliverableVersion, main: boolean) => html`<figure class="pane">
      ${compare ? html`<figcaption class="caption">${t('deliverable.versionShort', { number: String(x.number) })}</figcaption>` : nothing}
      <div part="stage" class="stage" tabindex="0" role="group" aria-label=${t('deliverableViewer.zoomHint')} @keydown=${this.onStageKey}>
        <div class="canvas" dir="ltr" ${cssom({ 'inline-size': `${this.zoom * 100}%` })}>
          <img part="image" class="image" src=${this.resolve(x.previewUrl!)} alt=${t('deliverableViewer.preview', { name: x.fileName })} draggable="false" />
          ${main ? this.renderMarkers() : nothing}
          ${main && this.picking ? this.renderPick() : nothing}
        </div>
      </div>
    </figure>`;
    return html`<div class="panes ${compare ? 'panes--compare' : ''}">${stage(v, true)}${compare ? stage(compare, false) : nothing}</div>`;
  }

  private renderPageNav(pages: number) {
    const { t } = this.i18n;
    return html`<div class="group" role="group" aria-label=${t('deliverableViewer.pages')}>
      <button part="previous-page" class="button" type="button" ?disabled=${this.page <= 1} @click=${() => this.goToPage(this.page - 1)}>
        <span aria-hidden="true">‹</span><span class="visually-hidden">${t('deliverableViewer.previousPage')}</span>
      </button>
      <output part="page-number" class="zoom" aria-live="polite">${this.pageText(pages)}</output>
      <button part="next-page" class="button" type="button" ?disabled=${this.page >= pages} @click=${() => this.goToPage(this.page + 1)}>
        <span aria-hidden="true">›</span><span class="visually-hidden">${t('deliverableViewer.nextPage')}</span>
      </button>
    </div>`;
  }

  private pageText(pages: number): string {
    const { t, number } = this.i18n;
    return t('deliverableViewer.pageOf', { page: number(this.page), pages: number(pages) });
  }

  private renderPdf(v: DeliverableVersion) {
    const { t } = this.i18n;
    const pdf = this.pdf;
    if (pdf?.failed) {
      return html`<p part="pdf-error" class="notice" role="alert">
        ${t(pdf.failed === 'password' ? 'deliverableViewer.pdfPassword' : 'deliverableViewer.pdfError')}
        <a class="link" href=${this.resolve(v.downloadUrl)} download=${v.fileName} rel="noopener"
          >${t('deliverableViewer.downloadFile', { name: v.fileName })}</a
        >
      </p>`;
    }
    if (!pdf?.doc) return html`<p part="pdf-loading" class="notice" role="status">${t('deliverableViewer.pdfLoading')}</p>`;
    const pages = pdf.doc.pageCount;
    return html`<div part="stage" class="stage" tabindex="0" role="group" aria-label=${t('deliverableViewer.pdfHint')} @keydown=${this.onStageKey}>
      <div class="canvas" dir="ltr" ${cssom({ 'inline-size': `${this.zoom * 100}%` })}>
        <canvas
          part="page"
          class="page"
          role="img"
          aria-label=${t('deliverableViewer.pageLabel', { page: this.i18n.number(this.page), pages: this.i18n.number(pages), name: v.fileName })}
        ></canvas>
      </div>
    </div>`;
  }

  /** Shows PDF page `n` (clamped to the document). */
  goToPage(n: number): void {
    const pages = this.pageCount;
    if (pages) this.page = clamp(Math.trunc(n) || 1, 1, pages);
  }

  private renderMarkers() {
    if (this.hideComments) return nothing;
    const { t } = this.i18n;
    return this.comments.map((c, i) => {
      const a = c.anchor;
      if (a?.kind !== 'region') return nothing;
      return html`<button
        part="marker"
        class="marker"
        type="button"
        data-id=${c.id}
        ${this.box(a)}
        aria-label=${t('deliverableViewer.marker', { index: i + 1, name: c.author.name })}
        @click=${() => this.thread?.focusComment(c.id)}
      >
        <span aria-hidden="true">${i + 1}</span>
      </button>`;
    });
  }

  private renderPick() {
    const d = this.draft;
    return html`<div
      part="pick"
      class="pick"
      tabindex="0"
      role="application"
      aria-label=${this.i18n.t('deliverableViewer.pickHint')}
      @keydown=${this.onPickKey}
      @pointerdown=${this.onPointerDown}
      @pointermove=${this.onPointerMove}
      @pointerup=${this.onPointerUp}
    >
      ${d ? html`<div part="draft" class="draft" ${this.box(d)}></div>` : nothing}
    </div>`;
  }

  private renderFacts(v: DeliverableVersion) {
    const { t, date } = this.i18n;
    const row = (label: string, value: unknown) => html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl part="facts" class="facts" aria-label=${t('deliverableViewer.facts')}>
      ${row(t('deliverableViewer.fileName'), v.fileName)} ${row(t('deliverableViewer.size'), this.formatSize(v.size))}
      ${row(t('deliverableViewer.type'), v.mediaType)} ${row(t('deliverableViewer.uploadedBy'), v.uploadedBy.name)}
      ${row(t('deliverableViewer.uploadedAt'), html`<time datetime=${v.createdAt}>${date(v.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>`)}
      ${row(
        t('deliverableViewer.checksum'),
        html`<code class="checksum" title=${v.checksum}>${v.checksum.slice(0, 12)}…</code>
          <button part="copy" class="button copy" type="button" @click=${() => this.copy(v.checksum)}>${t('deliverableViewer.copy')}</button>
          <span class="visually-hidden" role="status">${this.copied ? t('deliverableViewer.copied') : ''}</span>`,
      )}
    </dl>`;
  }

  /** `120001` → "120 kB" in the locale's units. */
  formatSize(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
    let i = 0;
    let value = bytes;
    while (value >= 1000 && i < units.length - 1) {
      value /= 1000;
      i++;
    }
    return this.i18n.number(value, { style: 'unit', unit: units[i], unitDisplay: i ? 'short' : 'long', maximumFractionDigits: i ? 1 : 0 });
  }

  private box(a: Region) {
    return cssom({
      'inset-inline-start': pct(a.x),
      'inset-block-start': pct(a.y),
      'inline-size': pct(a.width),
      'block-size': pct(a.height),
    });
  }

  private selectVersion(n: number): void {
    this.version = n;
    if (this.compareVersion === n) this.compareVersion = 0;
  }

  private zoomBy(step: 1 | -1): void {
    const i = ZOOMS.findIndex((z) => z >= this.zoom - 1e-9);
    this.zoom = ZOOMS[clamp((i < 0 ? ZOOMS.length - 1 : i) + step, 0, ZOOMS.length - 1)]!;
  }

  private onStageKey(e: KeyboardEvent): void {
    if (e.target !== e.currentTarget) return;
    if (e.key === '+' || e.key === '=') this.zoomBy(1);
    else if (e.key === '-' || e.key === '_') this.zoomBy(-1);
    else if (e.key === '0') this.zoom = 1;
    else if (this.pageCount && (e.key === 'PageDown' || e.key === 'PageUp')) this.goToPage(this.page + (e.key === 'PageDown' ? 1 : -1));
    else if (this.pageCount && (e.key === 'Home' || e.key === 'End')) this.goToPage(e.key === 'Home' ? 1 : this.pageCount);
    else return;
    e.preventDefault();
  }

  private async togglePick(): Promise<void> {
    this.picking = !this.picking;
    this.draft = this.picking ? { kind: 'region', x: 0.45, y: 0.45, width: 0.1, height: 0.1 } : null;
    if (!this.picking) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="pick"]')?.focus();
  }

  private onPickKey(e: KeyboardEvent): void {
    const d = this.draft;
    if (!d) return;
    const step = e.shiftKey ? 0.1 : 0.02;
    const move: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    if (move[e.key]) {
      const [dx, dy] = move[e.key]!;
      this.draft = { ...d, x: clamp(d.x + dx, 0, 1 - d.width), y: clamp(d.y + dy, 0, 1 - d.height) };
    } else if (e.key === 'Enter' || e.key === ' ') this.setAnchor(d);
    else if (e.key === 'Escape') {
      this.picking = false;
      this.draft = null;
      this.renderRoot.querySelector<HTMLElement>('[part~="mark"]')?.focus();
    } else return;
    e.preventDefault();
  }

  private point(e: PointerEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / (r.width || 1)), y: clamp((e.clientY - r.top) / (r.height || 1)) };
  }

  private onPointerDown(e: PointerEvent): void {
    this.drag = this.point(e);
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag) return;
    const p = this.point(e);
    const s = this.drag;
    this.draft = { kind: 'region', x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) };
  }

  private onPointerUp(e: PointerEvent): void {
    if (!this.drag) return;
    this.onPointerMove(e);
    this.drag = undefined;
    let d = this.draft!;
    // A click (or a tiny drag) places a default-sized box centred on the point.
    if (d.width < 0.02 && d.height < 0.02) {
      d = { kind: 'region', x: clamp(d.x - 0.05, 0, 0.9), y: clamp(d.y - 0.05, 0, 0.9), width: 0.1, height: 0.1 };
    }
    this.setAnchor(d);
  }

  private async setAnchor(region: Region): Promise<void> {
    this.picking = false;
    this.draft = null;
    const thread = this.thread;
    if (!thread) return;
    thread.anchor = { ...region };
    await thread.updateComplete;
    thread.shadowRoot?.querySelector<HTMLElement>('[part~="textarea"]')?.focus();
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = true;
      setTimeout(() => (this.copied = false), 2000);
    } catch {
      // Clipboard denied: the full checksum stays in the title.
    }
  }
}
