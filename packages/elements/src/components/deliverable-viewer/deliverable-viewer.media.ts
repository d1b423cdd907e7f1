/**
 * The deliverable viewer's text, video and audio previewers, loaded when one is first shown:
 * plain text fetched and shown as text (never HTML), video and audio with native controls.
 */
import type { DeliverableVersion } from '@portico/contract';
import type { Kit, ViewerHost } from './deliverable-viewer.host.js';
import { previewStyles } from './deliverable-viewer.preview.styles.js';

export default function mediaPreviewer(kit: Kit) {
  const { html, nothing } = kit;
  const MAX_TEXT = 200_000;

  async function loadText(h: ViewerHost, url: string): Promise<void> {
    h.textAbort?.abort();
    const abort = new AbortController();
    h.textAbort = abort;
    h.text = { url };
    try {
      const res = await h.fetchLink(url, { signal: abort.signal });
      if (!res.ok) throw new Error(String(res.status));
      const value = await res.text();
      if (!abort.signal.aborted) h.text = { url, value: value.slice(0, MAX_TEXT), truncated: value.length > MAX_TEXT };
    } catch {
      if (!abort.signal.aborted) h.text = { url, failed: true };
    }
  }

  function renderMedia(h: ViewerHost, v: DeliverableVersion, kind: 'video' | 'audio' | 'text') {
    const { t } = h.i18n;
    const src = h.resolve(v.previewUrl!);
    const label = t('deliverableViewer.preview', { name: v.fileName });
    if (kind === 'video')
      return html`<video part="media" class="media" controls preload="metadata" src=${src} aria-label=${label}></video>`;
    if (kind === 'audio')
      return html`<audio part="media" class="media" controls preload="metadata" src=${src} aria-label=${label}></audio>`;
    const text = h.text;
    return text?.failed
      ? html`<p class="notice" role="alert">${t('deliverableViewer.textError')}</p>`
      : text?.value === undefined
        ? html`<div class="skeleton-line" role="status" aria-label=${t('state.loading')}></div>`
        : html`<pre part="text" class="text" tabindex="0" aria-label=${label}>${text.value}</pre>
            ${text.truncated ? html`<p class="notice">${t('deliverableViewer.truncated')}</p>` : nothing}`;
  }

  return { loadText, renderMedia, styles: previewStyles(kit.css) };
}
