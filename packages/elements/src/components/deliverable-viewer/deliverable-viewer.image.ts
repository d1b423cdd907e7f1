/**
 * The deliverable viewer's image previewer, loaded when an image is first shown: zoom, side-by-side
 * comparison of two image versions, the comments' region markers and placing a new region.
 */
import type { Deliverable, DeliverableVersion } from '@portico/contract';
import type { Kit, Region, ViewerHost } from './deliverable-viewer.host.js';
import { previewStyles } from './deliverable-viewer.preview.styles.js';
import zoom from './deliverable-viewer.zoom.js';

export default function imagePreviewer(kit: Kit) {
  const { html, nothing, previewKind, regionNumbers } = kit;
  const { clamp, cssom, onStageKey, renderZoom } = zoom(kit);
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  const box = (a: Region, extra: Record<string, string> = {}) =>
    cssom({
      'inset-inline-start': pct(a.x),
      'inset-block-start': pct(a.y),
      'inline-size': pct(a.width),
      'block-size': pct(a.height),
      ...extra,
    });
  const isImage = (x: DeliverableVersion) => x.processing === 'ready' && previewKind(x.mediaType) === 'image' && !!x.previewUrl;

  /** Zoom and "Mark a region" (the compare select is the comparison module's). */
  function renderImageTools(h: ViewerHost) {
    const { t } = h.i18n;
    return html`${renderZoom(h)}
      ${
        h.hideComments
          ? nothing
          : html`<button part="mark" class="button" type="button" aria-pressed=${h.picking ? 'true' : 'false'} @click=${togglePick}>
              ${t('deliverableViewer.mark')}
            </button>`
      }`;
  }

  /** The image (and the compared one) in zoomable stages. */
  function renderImage(h: ViewerHost, d: Deliverable, v: DeliverableVersion) {
    const { t } = h.i18n;
    const other = h.compareVersion && h.compareVersion !== v.number ? d.versions.find((x) => x.number === h.compareVersion) : undefined;
    const compare = other && isImage(other) ? other : undefined;
    const stage = (x: DeliverableVersion, main: boolean) => html`<figure class="pane">
      ${compare ? html`<figcaption class="caption">${t('deliverable.versionShort', { number: String(x.number) })}</figcaption>` : nothing}
      <div part="stage" class="stage" tabindex="0" role="group" aria-label=${t('deliverableViewer.zoomHint')} @keydown=${onStageKey}>
        <div class="canvas" dir="ltr" ${cssom({ 'inline-size': `${h.zoom * 100}%` })}>
          <img part="image" class="image" src=${h.resolve(x.previewUrl!)} alt=${t('deliverableViewer.preview', { name: x.fileName })} draggable="false" />
          ${main ? renderMarkers(h) : nothing}
          ${main && h.picking ? renderPick(h) : nothing}
        </div>
      </div>
    </figure>`;
    return html`<div class="panes ${compare ? 'panes--compare' : ''}">${stage(v, true)}${compare ? stage(compare, false) : nothing}</div>`;
  }

  /**
   * One marker per region comment, numbered as the thread numbers them ("Region 2"). Only a
   * marker's number badge takes clicks (its box lets them through to what lies below), smaller
   * boxes sit above larger ones, and badges that would cover each other are set side by side.
   */
  function renderMarkers(h: ViewerHost) {
    if (h.hideComments) return nothing;
    const { t } = h.i18n;
    const numbers = regionNumbers(h.comments);
    const regions = h.comments.filter((c) => numbers.has(c.id));
    const area = (a: Region) => a.width * a.height;
    const byArea = [...regions].sort((p, q) => area(q.anchor as Region) - area(p.anchor as Region));
    const placed: Region[] = [];
    return regions.map((c) => {
      const a = c.anchor as Region;
      const n = numbers.get(c.id)!;
      const stack = placed.filter((p) => Math.abs(p.x - a.x) < 0.04 && Math.abs(p.y - a.y) < 0.04).length;
      placed.push(a);
      return html`<button
        part="marker"
        class="marker"
        type="button"
        data-id=${c.id}
        ${box(a, { 'z-index': String(1 + byArea.indexOf(c)), '--_stack': String(stack) })}
        aria-label=${t('deliverableViewer.marker', { index: n, name: c.author.name })}
        @click=${() => h.thread?.focusComment(c.id)}
      >
        <span aria-hidden="true">${n}</span>
      </button>`;
    });
  }

  function renderPick(h: ViewerHost) {
    const d = h.draft;
    return html`<div
      part="pick"
      class="pick"
      tabindex="0"
      role="application"
      aria-label=${h.i18n.t('deliverableViewer.pickHint')}
      @keydown=${onPickKey}
      @focusout=${onPickBlur}
      @pointerdown=${onPointerDown}
      @pointermove=${onPointerMove}
      @pointerup=${onPointerUp}
    >
      ${d ? html`<div part="draft" class="draft" ${box(d)}></div>` : nothing}
    </div>`;
  }

  // The listeners below are called by lit with the viewer as `this`.

  async function togglePick(this: ViewerHost): Promise<void> {
    this.picking = !this.picking;
    this.draft = this.picking ? { kind: 'region', x: 0.45, y: 0.45, width: 0.1, height: 0.1 } : null;
    if (!this.picking) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="pick"]')?.focus();
  }

  function onPickKey(this: ViewerHost, e: KeyboardEvent): void {
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
    } else if (e.key === 'Enter' || e.key === ' ') void setAnchor(this, d);
    else if (e.key === 'Escape') {
      this.picking = false;
      this.draft = null;
      this.renderRoot.querySelector<HTMLElement>('[part~="mark"]')?.focus();
    } else return;
    e.preventDefault();
  }

  /** Focus left the layer (Tab, a click elsewhere): stop marking, unless it went to the toggle, which decides. */
  function onPickBlur(this: ViewerHost, e: FocusEvent): void {
    const to = e.relatedTarget as HTMLElement | null;
    if (to?.matches('[part~="mark"]') || (e.currentTarget as HTMLElement).contains(to)) return;
    this.picking = false;
    this.draft = null;
    this.drag = undefined;
  }

  function point(e: PointerEvent): { x: number; y: number } {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return { x: clamp((e.clientX - r.left) / (r.width || 1)), y: clamp((e.clientY - r.top) / (r.height || 1)) };
  }

  function onPointerDown(this: ViewerHost, e: PointerEvent): void {
    this.drag = point(e);
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  }

  function onPointerMove(this: ViewerHost, e: PointerEvent): void {
    if (!this.drag) return;
    const p = point(e);
    const s = this.drag;
    this.draft = { kind: 'region', x: Math.min(s.x, p.x), y: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) };
  }

  function onPointerUp(this: ViewerHost, e: PointerEvent): void {
    if (!this.drag) return;
    onPointerMove.call(this, e);
    this.drag = undefined;
    let d = this.draft!;
    // A click (or a tiny drag) places a default-sized box centred on the point.
    if (d.width < 0.02 && d.height < 0.02) {
      d = { kind: 'region', x: clamp(d.x - 0.05, 0, 0.9), y: clamp(d.y - 0.05, 0, 0.9), width: 0.1, height: 0.1 };
    }
    void setAnchor(this, d);
  }

  async function setAnchor(h: ViewerHost, region: Region): Promise<void> {
    h.picking = false;
    h.draft = null;
    const thread = h.thread;
    if (!thread) return;
    thread.anchor = { ...region };
    await thread.updateComplete;
    thread.shadowRoot?.querySelector<HTMLElement>('[part~="textarea"]')?.focus();
  }

  return { renderImageTools, renderImage, styles: previewStyles(kit.css) };
}
