import type { Comment, Deliverable, DeliverableVersion } from '@portico/contract';
import { deliverables } from '@portico/contract/validators/deliverables';
import { css, html, nothing, type PropertyValues } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { PorticoElement, waitFor } from '../../base/portico-element.js';
import { useResources } from '../../base/resources.js';
import { fetchLink, LinkRefreshController } from '../../controllers/link-refresh.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { fileSize } from '../../i18n/file-size.js';
import { isolate } from '../../i18n/isolate.js';
import { adoptLate } from '../../styles/late-styles.js';
import { regionNumbers } from '../comment-thread/comment-thread.anchors.js';
import type { AnchorMode, PorticoCommentThread } from '../comment-thread/comment-thread.component.js';
import type { DeliverableListMessageKey } from '../deliverable-list/deliverable-list.messages.js';
import { reviewBadge, reviewResources } from '../deliverable-list/review-badge.js';
import type { CompareMessageKey } from './deliverable-compare.messages.js';
import type { PagesMessageKey } from './deliverable-pages.messages.js';
import type { Kit, Region, ViewerHost } from './deliverable-viewer.host.js';
import { type DeliverableViewerMessageKey, en } from './deliverable-viewer.messages.js';
import { styles } from './deliverable-viewer.styles.js';
import type { PdfFailure, PdfPreview } from './pdf-preview.js';
import { pdfSettings } from './pdf-settings.js';

export { pdfSettings } from './pdf-settings.js';

export type PreviewKind = 'image' | 'pdf' | 'video' | 'audio' | 'text' | 'other';

/** Whether a preview loaded (or failed) from another file than `url`: fresh links (`exp`, `sig`) to the same file don't reload it. */
const otherFile = (p: { url: string; failed?: unknown } | undefined, url: string) => {
  const file = (u: string) => u.replace(/[?&](exp|sig)=[^&]*/g, '');
  return !p || (p.failed ? p.url !== url : file(p.url) !== file(url));
};
/** How a media type is previewed. */
export function previewKind(mediaType: string): PreviewKind {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/plain' || type === 'text/csv' || type === 'text/markdown') return 'text';
  const top = type.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'other';
}

const ANCHOR_MODE: Record<PreviewKind, AnchorMode> = { image: 'region', pdf: 'page', video: 'time', audio: 'time', text: '', other: '' };
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/** A module loaded once, on first use: `get()` is undefined until `load()` has resolved. */
function lazy<T>(load: () => Promise<T>) {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return { get: () => value, load: () => (loading ??= load().then((m) => (value = m))) };
}

// The previewers: each kind of preview is a module loaded when it is first shown (lazy chunks,
// outside the size budget), so a page that shows images never loads the PDF, text or media code.
const kit: Kit = {
  html,
  css,
  nothing,
  ref,
  previewKind,
  isolate,
  regionNumbers,
  pdfSettings,
  waitFor: waitFor as unknown as Kit['waitFor'],
  useResources,
};
const previewers = {
  image: lazy(() => import('./deliverable-viewer.image.js').then((m) => m.default(kit))),
  pdf: lazy(() => import('./deliverable-viewer.pages.js').then((m) => m.default(kit))),
  media: lazy(() => import('./deliverable-viewer.media.js').then((m) => m.default(kit))),
  // Loaded for a deliverable with more than one version: the compare select and what comparing shows.
  compare: lazy(() => import('./deliverable-viewer.compare.js').then((m) => m.default(kit))),
};
const previewer = (kind: PreviewKind) =>
  kind === 'other' ? undefined : kind === 'image' || kind === 'pdf' ? previewers[kind] : previewers.media;

/**
 * One deliverable: a version switcher (newest first, the current version marked), a preview by
 * media type — images (zoom buttons and + / - / 0 keys, region markers of comments), PDFs (drawn page by page to a canvas by pdf.js, which
 * is loaded only when a PDF is shown: previous / next buttons and PageUp / PageDown keys, the same
 * zoom as images, comments anchored to the page shown), video and audio (native controls), plain text (fetched and shown as text) — and a download
 * for anything else; the file's facts (name, size, type, uploader, date, checksum with a copy
 * button) and the comment thread of the shown version. A version still processing shows a
 * status instead of a preview; `deliverable` live events reload it. Each kind of preview (image,
 * PDF, text, video and audio) is a module loaded when that kind is first shown.
 *
 * Comparing ("Compare with", or `compare-version`): two images side by side; two PDFs page by
 * page side by side, one page navigation (buttons, PageUp / PageDown) and one zoom for both, the
 * shorter one saying it has no such page; two texts as one line or word diff (the diff is a module
 * loaded only when a text comparison is opened): removals in `<del>` and additions in `<ins>`,
 * marked by a sign, strike-through or underline and a hidden "Removed:" / "Added:" label besides
 * colour, long unchanged stretches folded, and a summary of the counts announced to screen readers.
 * Versions that can't be compared (video, audio, archives, two kinds of file, no preview) say why
 * above the shown version's preview. Side-by-side panes stack below 480 px.
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
 * @csspart versions-more - Says that only the newest versions are listed (a deliverable with more than the contract's `MAX_VERSIONS`).
 * @csspart version - One version choice.
 * @csspart toolbar - Zoom, mark, compare and download controls.
 * @csspart zoom-in - Zoom-in button. @csspart zoom-out - Zoom-out button. @csspart fit - Fit button.
 * @csspart mark - The "Mark a region" toggle.
 * @csspart previous-page - Previous PDF page. @csspart next-page - Next PDF page. @csspart page-number - "Page 2 of 5".
 * @csspart compare - The compare select (any other version).
 * @csspart incomparable - Why the two versions chosen can't be compared.
 * @csspart diff - The text comparison (a scrollable region). @csspart diff-summary - What changed, in counts (a status).
 * @csspart diff-mode - The "Lines" / "Words" toggle buttons. @csspart diff-fold - A button showing folded unchanged lines.
 * @csspart diff-loading - "Comparing the texts…". @csspart diff-error - A text that couldn't be loaded, with a retry.
 * @csspart no-page - In a PDF comparison, the shorter document's "no page N".
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
export class PorticoDeliverableViewer extends PorticoElement<
  DeliverableViewerMessageKey | DeliverableListMessageKey | CompareMessageKey | PagesMessageKey
> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { deliverables },
    locales: { de: () => import('./deliverable-viewer.messages.de.js'), ar: () => import('./deliverable-viewer.messages.ar.js') },
    uses: [reviewResources],
  };

  static override properties = {
    deliverableId: { attribute: 'deliverable-id', reflect: true },
    version: { type: Number, reflect: true },
    compareVersion: { type: Number, attribute: 'compare-version', reflect: true },
    hideComments: { type: Boolean, attribute: 'hide-comments', reflect: true },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    fetchFile: { attribute: false },
    zoom: { state: true },
    page: { state: true },
    picking: { state: true },
    draft: { state: true },
    comments: { state: true },
    text: { state: true },
    copied: { state: true },
    pdf: { state: true },
  };

  /** The deliverable shown. */
  deliverableId = '';

  /** The version number shown; 0 (default) shows the current version. */
  version = 0;

  /** Another version compared with `version` (images and PDFs side by side, texts as a diff); 0 for none. */
  compareVersion = 0;

  /** Hides the built-in comment thread (and region markers). */
  hideComments = false;

  /** Don't reload on live `deliverable` events. */
  noLive = false;

  /** Fetches text previews (signed URLs, no token needed). Default: the global `fetch`. */
  fetchFile?: typeof fetch;

  /** Image or PDF zoom relative to the fitted width (1 = fit). */
  zoom = 1;
  /** The PDF page shown (1-based). */
  page = 1;
  // State of the lazy previewers (see ViewerHost), kept here so that their changes render.
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the lazy previewers (ViewerHost)
  private picking = false;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the lazy previewers (ViewerHost)
  private draft: Region | null = null;
  private comments: readonly Comment[] = [];
  private text?: { url: string; value?: string; failed?: boolean; truncated?: boolean };
  private copied = false;
  private pdf?: { url: string; doc?: PdfPreview; failed?: PdfFailure };

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the lazy previewers (ViewerHost)
  private get thread(): PorticoCommentThread | null {
    return this.renderRoot.querySelector('portico-comment-thread');
  }
  private textAbort?: AbortController;
  /** The page last given to the comment thread as its anchor. */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the lazy previewers (ViewerHost)
  private anchoredPage = 0;
  /** The previewer module being loaded for the preview shown (`updateComplete` waits for it). */
  private previewLoading?: Promise<unknown>;
  private readonly resize = new ResizeObserver(() => this.pdf?.doc && this.requestUpdate());

  private readonly resource = new ResourceController(this, {
    args: () => [this.deliverableId] as const,
    load: (client, [id], { signal }): Promise<Deliverable> => client.deliverables.get({ id, signal }),
    live: (e) => !this.noLive && e.resource.kind === 'deliverable' && e.resource.id === this.deliverableId,
  });

  /** Keeps the signed preview and download links working on a page left open (and retries a 403 with a fresh one). */
  private readonly links = new LinkRefreshController(this, { refresh: () => this.resource.refresh(), value: () => this.resource.value });

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by the lazy previewers (ViewerHost)
  private fetchLink(url: string, init: RequestInit): Promise<Response> {
    return fetchLink(this.links, url, init, this.fetchFile);
  }

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
    return Math.max(this.pdf?.doc?.pageCount ?? 0, this.viewerHost.comparePdf?.doc?.pageCount ?? 0);
  }

  /** This element as its previewers see it (with the private state they keep here). */
  private get viewerHost(): ViewerHost {
    return this as unknown as ViewerHost;
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
    previewers.pdf.get()?.closePdf(this.viewerHost);
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
    const v = this.selectedVersion;
    const d = this.resource.value;
    const compare = previewers.compare.get();
    if (compare && d) compare.willUpdate(this.viewerHost, d, v!);
    else if (d?.versions[1]) waitFor(this, previewers.compare.load());
    const kind = v && v.processing === 'ready' && v.previewUrl ? previewKind(v.mediaType) : 'other';
    // The previewer of this kind: once loaded, this element renders again (`updateComplete` waits for it).
    const loader = previewer(kind);
    if (loader && !loader.get() && !this.previewLoading) {
      this.previewLoading = loader.load().finally(() => (this.previewLoading = undefined));
      waitFor(this, this.previewLoading);
    }
    // Text and PDF previews load here, not in updated(), so their state change joins this update.
    const url = v && (kind === 'text' || kind === 'pdf') && this.isConnected ? this.resolve(v.previewUrl ?? v.downloadUrl) : '';
    if (kind === 'text' && url && otherFile(this.text, url)) void previewers.media.get()?.loadText(this.viewerHost, url);
    const pdf = previewers.pdf.get();
    if (pdf && (kind === 'pdf' && url ? otherFile(this.pdf, url) : this.pdf)) {
      pdf.closePdf(this.viewerHost);
      if (kind === 'pdf' && url) void pdf.loadPdf(this.viewerHost, url);
    }
    pdf?.syncCompare(this.viewerHost);
    const pages = this.pageCount;
    if (pages) this.page = clamp(Math.trunc(this.page) || 1, 1, pages);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const doc = this.pdf?.doc;
    if (doc) previewers.pdf.get()?.updatedPdf(this.viewerHost, doc);
  }

  /** The absolute URL of a link; '' for none (a link the client left out). */
  private resolve(url: string | null): string {
    return url ? new URL(url, this.effectiveClient?.baseUrl ?? document.baseURI).href : '';
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
        <span part="title" class="title" dir="auto">${d.title}</span>
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
        ${
          d.versionCount > d.versions.length
            ? html`<p part="versions-more" class="more">${t('deliverableViewer.moreVersions', { shown: d.versions.length, count: d.versionCount })}</p>`
            : nothing
        }
      </fieldset>
      ${this.renderToolbar(d, v, kind)}
      <div part="preview" class="preview">${((p) => previewers.compare.get()?.renderCompare(this.viewerHost, d, v, kind, p) ?? p)(this.renderPreview(d, v, kind))}</div>
      ${this.renderFacts(v)}
      <slot name="comments">
        ${
          this.hideComments
            ? nothing
            : html`<portico-comment-thread
                part="comments"
                .client=${this.effectiveClient}
                .theme=${this.theme ?? this.contextTheme}
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
    const { t } = this.i18n;
    return html`<div part="toolbar" class="toolbar">
      ${kind === 'image' ? previewers.image.get()?.renderImageTools(this.viewerHost) : kind === 'pdf' ? previewers.pdf.get()?.renderPdfTools(this.viewerHost) : nothing}
      ${previewers.compare.get()?.renderCompareTools(this.viewerHost, d, v)}
      ${v.downloadUrl ? html`<a part="download" class="button download" href=${this.resolve(v.downloadUrl)} download=${v.fileName} rel="noopener">${t('deliverableViewer.download')}</a>` : nothing}
    </div>`;
  }

  private renderPreview(d: Deliverable, v: DeliverableVersion, kind: PreviewKind) {
    const { t } = this.i18n;
    // The previews' styles come with the previewers: added to this shadow root as one is first drawn
    // (the toolbar's tools too).
    const loaded = previewer(kind)?.get();
    if (loaded) adoptLate(this.renderRoot, loaded.styles);
    if (v.processing === 'processing')
      return html`<p part="processing" class="notice" role="status">${t('deliverableViewer.processing')}</p>`;
    if (v.processing === 'failed' || !v.previewUrl || kind === 'other')
      return html`<p part="unsupported" class="notice">${t(v.processing === 'failed' ? 'deliverableViewer.failed' : 'deliverableViewer.unsupported')}</p>`;
    const preview =
      kind === 'image'
        ? previewers.image.get()?.renderImage(this.viewerHost, d, v)
        : kind === 'pdf'
          ? previewers.pdf.get()?.renderPdf(this.viewerHost, v)
          : previewers.media.get()?.renderMedia(this.viewerHost, v, kind);
    // While its previewer loads.
    return preview ?? html`<div class="skeleton-line" role="status" aria-label=${t('state.loading')}></div>`;
  }

  /** Shows PDF page `n` (clamped to the document). */
  goToPage(n: number): void {
    const pages = this.pageCount;
    if (pages) this.page = clamp(Math.trunc(n) || 1, 1, pages);
  }

  private renderFacts(v: DeliverableVersion) {
    const { t, date } = this.i18n;
    const row = (label: string, value: unknown, user?: boolean) =>
      html`<div class="fact"><dt>${label}</dt><dd dir=${user ? 'auto' : nothing}>${value}</dd></div>`;
    return html`<dl part="facts" class="facts" aria-label=${t('deliverableViewer.facts')}>
      ${row(t('deliverableViewer.fileName'), v.fileName, true)} ${row(t('deliverableViewer.size'), this.formatSize(v.size))}
      ${row(t('deliverableViewer.type'), v.mediaType)} ${row(t('deliverableViewer.uploadedBy'), v.uploadedBy.name, true)}
      ${row(t('deliverableViewer.uploadedAt'), html`<time datetime=${v.createdAt}>${date(v.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>`)}
      ${row(
        t('deliverableViewer.checksum'),
        html`<code class="checksum" title=${v.checksum}>${v.checksum.slice(0, 12)}…</code>
          <button part="copy" class="button copy" type="button" @click=${() => this.copy(v.checksum)}>${t('deliverableViewer.copy')}</button>
          <span class="visually-hidden" role="status">${this.copied ? t('deliverableViewer.copied') : ''}</span>`,
      )}
    </dl>`;
  }

  /** A file size in the locale's units, as every component shows one (`fileSize`): `120001` → "117.2 kB". */
  formatSize(bytes: number): string {
    return fileSize(this.i18n, bytes);
  }

  private selectVersion(n: number): void {
    this.version = n;
    if (this.compareVersion === n) this.compareVersion = 0;
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
