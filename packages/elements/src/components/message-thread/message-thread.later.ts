// What the thread needs only after its first paint, loaded right after it (and awaited before a
// send): the message being sent or not sent (with "Try again" and "Edit"), and the feed's keys.
// It imports nothing at run time: what it shares with the eager code (lit's `html`, the shared
// render helpers) comes in as arguments, so that no shared chunk is split off the first paint.
import type { html as Html, nothing as Nothing } from 'lit';
import type { renderFailure as RenderFailure } from '../../controllers/render-mutation.js';
import type { rovingTarget as RovingTarget } from '../../controllers/roving.js';
import type { PendingMessage } from './message-thread.component.js';
import type { ThreadView } from './message-thread.templates.js';

/** What the eager code lends this module. */
export interface Kit {
  html: typeof Html;
  nothing: typeof Nothing;
  renderFailure: typeof RenderFailure;
  rovingTarget: typeof RovingTarget;
}

export function renderPending(d: ThreadView, p: PendingMessage, { html, nothing, renderFailure }: Kit) {
  const { t } = d.i18n;
  const files = p.uploads.filter((u) => u.attachment);
  return html`<article
    part="message own pending${p.failed ? ' failed' : ''}"
    class="message message--own message--pending"
    data-id=${p.localId}
    data-pending
    tabindex="-1"
    aria-labelledby="a-pending s-pending"
  >
    <p class="byline">
      <span part="author" class="author" id="a-pending">${t('messageThread.you')}</span>
      ${p.failed ? nothing : html`<span class="sending" id="s-pending">${t('messageThread.sending')}</span>`}
    </p>
    <div part="body" class="body" data-format="text" dir="auto">${p.body}</div>
    ${
      files.length
        ? html`<ul part="message-attachments" class="attachments" role="list" aria-label=${t('messageThread.attachmentsOf')}>
            ${files.map((u) => html`<li><bdi>${u.file.name}</bdi></li>`)}
          </ul>`
        : nothing
    }
    ${
      p.failed
        ? html`${renderFailure(d, d.send$, {
            part: 'message-error',
            retry: 'retry-message',
            label: t('messageThread.retry'),
            message: (reason) => t('messageThread.notSent', { reason }),
            onRetry: () => d.retry(),
          })}
          <button part="edit-message" class="button" type="button" @click=${() => d.edit()}>${t('messageThread.edit')}</button>`
        : nothing
    }
  </article>`;
}

/** ↑/↓, Page Up/Page Down, Home/End between the messages in the DOM; Ctrl+End to the composer. */
export function feedKeydown(
  e: KeyboardEvent,
  articles: HTMLElement[],
  textarea: HTMLTextAreaElement | null,
  extend: (up: boolean) => void,
  { rovingTarget }: Kit,
): void {
  const target = (e.target as Element).closest<HTMLElement>('article[data-id]');
  if (!target) return;
  if (e.ctrlKey && e.key === 'End') {
    e.preventDefault();
    textarea?.focus();
    return;
  }
  const current = articles.indexOf(target);
  const next = rovingTarget(e.ctrlKey ? '' : e.key, current, articles.length - 1, 1);
  if (next === undefined) return;
  e.preventDefault();
  const el = articles[next]!;
  el.focus();
  el.scrollIntoView({ block: 'nearest' });
  if (next === 0) extend(true);
  else if (next === articles.length - 1) extend(false);
}
