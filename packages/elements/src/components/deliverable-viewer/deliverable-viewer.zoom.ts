/**
 * The zoom shared by the image and PDF previewers (lazy modules of the deliverable viewer): the
 * zoom buttons and the stage's keys.
 */
import type { Kit, ViewerHost } from './deliverable-viewer.host.js';

export default function zoom(kit: Kit) {
  const { html, ref } = kit;
  const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

  const clamp = (v: number, min = 0, max = 1) => Math.min(max, Math.max(min, v));

  /**
   * Sets inline style properties through the CSSOM (`style.setProperty`), never a `style`
   * attribute: a strict CSP (`style-src` without 'unsafe-inline') blocks style attributes, including
   * the one `styleMap` writes on its first render, but not CSSOM writes.
   */
  const cssom = (props: Record<string, string>) =>
    ref((el?: Element) => {
      if (el instanceof HTMLElement) for (const [name, value] of Object.entries(props)) el.style.setProperty(name, value);
    });

  function zoomBy(h: ViewerHost, step: 1 | -1): void {
    const i = ZOOMS.findIndex((z) => z >= h.zoom - 1e-9);
    h.zoom = ZOOMS[clamp((i < 0 ? ZOOMS.length - 1 : i) + step, 0, ZOOMS.length - 1)]!;
  }

  function renderZoom(h: ViewerHost) {
    const { t, number } = h.i18n;
    return html`<div class="group">
      <button part="zoom-out" class="button" type="button" ?disabled=${h.zoom <= ZOOMS[0]!} @click=${() => zoomBy(h, -1)}>
        <span aria-hidden="true">−</span><span class="visually-hidden">${t('deliverableViewer.zoomOut')}</span>
      </button>
      <output class="zoom" aria-live="polite">${number(h.zoom, { style: 'percent' })}</output>
      <button part="zoom-in" class="button" type="button" ?disabled=${h.zoom >= ZOOMS.at(-1)!} @click=${() => zoomBy(h, 1)}>
        <span aria-hidden="true">+</span><span class="visually-hidden">${t('deliverableViewer.zoomIn')}</span>
      </button>
      <button part="fit" class="button" type="button" @click=${() => (h.zoom = 1)}>${t('deliverableViewer.fit')}</button>
    </div>`;
  }

  /** The stage's keys (a listener: lit calls it with the viewer as `this`). */
  function onStageKey(this: ViewerHost, e: KeyboardEvent): void {
    if (e.target !== e.currentTarget) return;
    if (e.key === '+' || e.key === '=') zoomBy(this, 1);
    else if (e.key === '-' || e.key === '_') zoomBy(this, -1);
    else if (e.key === '0') this.zoom = 1;
    else if (this.pageCount && (e.key === 'PageDown' || e.key === 'PageUp')) this.goToPage(this.page + (e.key === 'PageDown' ? 1 : -1));
    else if (this.pageCount && (e.key === 'Home' || e.key === 'End')) this.goToPage(e.key === 'Home' ? 1 : this.pageCount);
    else return;
    e.preventDefault();
  }

  return { clamp, cssom, renderZoom, onStageKey };
}
