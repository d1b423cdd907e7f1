// What the thread needs only after its first paint, loaded right after it (and awaited before a
// send): the message being sent or not sent (with "Try again" and "Edit"), and the feed's keys.
// It imports nothing else at run time: what it shares with the eager code (lit's `html`, the shared
// render helpers) comes in as arguments, so that no shared chunk is split off the first paint.

import type { ProjectMessage } from '@portico/contract';
import type { html as Html, nothing as Nothing } from 'lit';
import type { renderFailure as RenderFailure } from '../../controllers/render-mutation.js';
import type { rovingTarget as RovingTarget } from '../../controllers/roving.js';

// Only this module uses it: it comes with it (attachments are clicked after the first paint).
export { LinkRefreshController } from '../../controllers/link-refresh.js';

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

/** The contract's limit of a message (`ProjectMessageCreate`), repeated so the bundle needs no zod. */
const MAX_BODY = 20_000;

/** Why the composer's text cannot be sent (empty, too long), or `undefined`. */
export function invalidBody(body: string, t: ThreadView['i18n']['t']): string | undefined {
  return !body ? t('messageThread.empty.body') : body.length > MAX_BODY ? t('messageThread.tooLong', { max: MAX_BODY }) : undefined;
}

/** "N unread · Jump to latest" (shown when scrolled up with unread messages). */
export function renderJump(d: ThreadView, { html }: Kit) {
  return html`<button part="jump" class="button jump" type="button" @click=${() => d.jumpToLatest(true)}>
    ${d.i18n.t('messageThread.jump', { count: d.unreadCount })}
  </button>`;
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

/** The id of the last message (not the one being sent) whose end is in view of `feed` (binary search). */
export function lastInView(feed: HTMLElement): string | undefined {
  const list = feed.querySelectorAll<HTMLElement>('article[data-id]:not([data-pending])');
  if (!list.length) return undefined;
  const bottom = feed.scrollTop + feed.clientHeight + 2;
  let lo = -1;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const el = list[mid]!;
    if (el.offsetTop + el.offsetHeight <= bottom) lo = mid;
    else hi = mid - 1;
  }
  return lo < 0 ? undefined : list[lo]!.dataset.id;
}

/** What to announce of live arrivals (others' messages after the newest known): one by name and text, or how many. */
export function arrivals(arrived: readonly ProjectMessage[], t: ThreadView['i18n']['t']): string | undefined {
  if (arrived.length === 1) {
    const m = arrived[0]!;
    return t('messageThread.newOne', { name: m.author.name, text: m.body.slice(0, 140) });
  }
  return arrived.length > 1 ? t('messageThread.newMany', { count: arrived.length }) : undefined;
}

/**
 * The styles of what shows only after the first paint (the message being sent, "Jump to latest",
 * the composer's errors), adopted into the shadow root when this module loads, and the forced-colours
 * refinements (under forced colours the browser already draws borders and text in system colours;
 * these pick which ones) — the module loads right after the first render.
 */
export const laterCss = `
  .message--pending {
    border-style: dashed;
  }
  .jump {
    position: absolute;
    inset-block-end: var(--_portico-space-s);
    inset-inline-end: var(--_portico-space-m);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .textarea[aria-invalid='true'] {
    border-color: var(--_portico-color-danger);
  }
  .inline-error {
    color: var(--_portico-color-danger);
    font-size: var(--_portico-font-size-s);
  }
  .failure {
    margin-block-start: var(--_portico-space-2xs);
  }
  @media (forced-colors: active) {
    .message,
    .feed {
      border-color: CanvasText;
    }
    .message--staff {
      border-inline-start-color: Highlight;
    }
    .divider,
    .inline-error {
      color: CanvasText;
    }
    .divider::before,
    .divider::after {
      border-color: CanvasText;
    }
  }
`;
