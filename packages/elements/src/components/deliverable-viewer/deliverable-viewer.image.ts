/**
 * The deliverable viewer's image previewer, loaded when an image is first shown: zoom, side-by-side
 * comparison of two image versions, the comments' region markers and placing a new region.
 */
import type { Deliverable, DeliverableVersion } from '@portico/contract';
import type { Kit, Region, ViewerHost } from './deliverable-viewer.host.js';
import zoom from './deliverable-viewer.zoom.js';

export default function imagePreviewer(kit: Kit) {
  const { html, nothing, previewKind } = kit;
  const { clamp, cssom, onStageKey, renderZoom } = zoom(kit);
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  const box = (a: Region) =>
    cssom({
      'inset-inline-start': pct(a.x),
      'inset-block-start': pct(a.y),
      'inline-size': pct(a.width),
      'block-size': pct(a.height),
    });
  const isImage = (x: DeliverableVersion) => x.processing === 'ready' && previewKind(x.mediaType) === 'image' && !!x.previewUrl;

  /** Zoom, "Mark a region" and the compare select. */
  function renderImageTools(h: ViewerHost, d: Deliverable, v: DeliverableVersion) {
    const { t } = h.i18n;
    const others = d.versions.filter((x) => x.number !== v.number && isImage(x));
    return html`${renderZoom(h)}
      ${
        h.hideComments
          ? nothing
          : html`<button part="mark" class="button" type="button" aria-pressed=${h.picking ? 'true' : 'false'} @click=${togglePick}>
              ${t('deliverableViewer.mark')}
            </button>`
      }
      ${
        others.length
          ? html`<label class="group"
              >${t('deliverableViewer.compare')}
              <select part="compare" class="field" @change=${(e: Event) => (h.compareVersion = Number((e.target as HTMLSelectElement).value))}>
                <option value="0" ?selected=${!h.compareVersion}>${t('deliverableViewer.compareOff')}</option>
                ${others.map(
                  (x) =>
                    html`<option value=${x.number} ?selected=${h.compareVersion === x.number}>${t('deliverable.versionShort', { number: String(x.number) })}</option>`,
                )}
              </select></label
            >`
          : nothing
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

  function renderMarkers(h: ViewerHost) {
    if (h.hideComments) return nothing;
    const { t } = h.i18n;
    return h.comments.map((c, i) => {
      const a = c.anchor;
      if (a?.kind !== 'region') return nothing;
      return html`<button
        part="marker"
        class="marker"
        type="button"
        data-id=${c.id}
        ${box(a)}
        aria-label=${t('deliverableViewer.marker', { index: i + 1, name: c.author.name })}
        @click=${() => h.thread?.focusComment(c.id)}
      >
        <span aria-hidden="true">${i + 1}</span>
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

  return { renderImageTools, renderImage };
}
