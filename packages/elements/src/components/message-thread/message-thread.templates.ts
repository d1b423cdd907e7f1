import type { ProjectMessage } from '@portico/contract';
import { SafeUrl } from '@portico/contract/validators';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MutationController } from '../../controllers/mutation-controller.js';
import type { PageController } from '../../controllers/page-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderMore } from '../../controllers/render-state.js';
import { renderAttach, renderUploads, uploadHint } from '../../controllers/render-upload.js';
import { rovingTarget } from '../../controllers/roving.js';
import type { UploadController } from '../../controllers/upload-controller.js';
import { fileSize } from '../../i18n/file-size.js';
import { richText } from '../../sanitize/rich-text.js';
import type { PendingMessage, PorticoMessageThread } from './message-thread.component.js';
import type { PorticoMessageRequestDetail } from './message-thread.events.js';
import type * as Later from './message-thread.later.js';

/** The thread as its templates see it: its public API plus the state and handlers it keeps for them. */
export type ThreadView = Pick<PorticoMessageThread, keyof PorticoMessageThread> & {
  readonly thread: PageController<ProjectMessage, readonly [string]>;
  readonly uploads: UploadController;
  readonly send$: MutationController<PorticoMessageRequestDetail, ProjectMessage>;
  readonly pending?: PendingMessage;
  readonly invalid?: string;
  readonly pinned: boolean;
  readonly focusId?: string;
  readonly dividerId: string | null;
  readonly range: [number, number];
  draft: string;
  isOwn(m: ProjectMessage): boolean;
  onFeedKeydown(e: KeyboardEvent): void;
  onFeedFocusIn(e: FocusEvent): void;
  /** The parts loaded after the first paint (`message-thread.later.ts`). */
  readonly later?: typeof Later;
};

/** What the lazy module (`message-thread.later.ts`) borrows from the eager code. */
export const kit: Later.Kit = { html, nothing, renderFailure, rovingTarget };

const TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** An attachment's link, resolved against the API origin; null unless the contract's `SafeUrl`. */
function fileUrl(d: ThreadView, url: string | null): string | null {
  if (!url || !SafeUrl.safeParse(url).success) return null;
  try {
    return new URL(url, d.effectiveClient?.baseUrl ?? location.href).href;
  } catch {
    return null;
  }
}

export function renderFeed(d: ThreadView) {
  const { t } = d.i18n;
  const all = d.messages;
  const [start, end] = d.range;
  // Only a window of the history is in the DOM (see the component): thousands of messages stay light.
  const list = all.slice(start, end);
  const pages = d.thread;
  const more = { moreState: pages.moreState, moreError: pages.moreError, hasMore: pages.hasMore, loadMore: () => d.loadEarlier() };
  if (all.length === 0 && !d.pending) {
    return html`<div part="empty" class="state state--empty">
      <slot name="empty"><p class="state__message">${t('messageThread.empty')}</p></slot>
    </div>`;
  }
  // The tab stop: the message last focused, or the newest.
  const stop = d.focusId && list.some((m) => m.id === d.focusId) ? d.focusId : list.at(-1)?.id;
  const size = pages.hasMore ? -1 : all.length;
  const loadingEarlier = pages.moreState === 'loading';
  // Outside the feed: a feed holds articles only.
  return html`<div class="top">
      ${
        start > 0
          ? nothing
          : pages.hasMore || pages.moreState === 'error'
            ? renderMore(d, more, { label: loadingEarlier ? t('messageThread.loadingEarlier') : t('messageThread.loadEarlier') })
            : html`<p part="beginning" class="beginning">${t('messageThread.beginning')}</p>`
      }
    </div>
    <div class="frame">
      <div
        part="feed"
        class="feed"
        role="feed"
        aria-label=${t('messageThread.label')}
        aria-describedby="feed-keys"
        aria-busy=${loadingEarlier ? 'true' : 'false'}
        @keydown=${(e: KeyboardEvent) => d.onFeedKeydown(e)}
        @focusin=${(e: FocusEvent) => d.onFeedFocusIn(e)}
      >
        <div class="list">
          ${repeat(
            list,
            (m) => m.id,
            (m, i) => renderMessage(d, m, { index: start + i, size, tabStop: m.id === stop, divider: m.id === d.dividerId }),
          )}
          ${d.pending && d.later ? d.later.renderPending(d, d.pending, kit) : nothing}
        </div>
      </div>
      ${!d.pinned && d.unreadCount > 0 && d.later ? d.later.renderJump(d, kit) : nothing}
    </div>
    <p class="visually-hidden" id="feed-keys">${t('messageThread.keys')}</p>`;
}

function renderMessage(d: ThreadView, m: ProjectMessage, o: { index: number; size: number; tabStop: boolean; divider: boolean }) {
  const { t, date } = d.i18n;
  const staff = m.author.kind === 'agent';
  const own = d.isOwn(m);
  const id = m.id;
  return html`${
    o.divider ? html`<div part="divider" class="divider" aria-hidden="true">${t('messageThread.newDivider')}</div>` : nothing
  }<article
    part="message${own ? ' own' : ''}${staff ? ' staff' : ''}"
    class="message${own ? ' message--own' : ''}${staff ? ' message--staff' : ''}"
    data-id=${id}
    data-author=${m.author.kind}
    tabindex=${o.tabStop ? '0' : '-1'}
    aria-posinset=${o.index + 1}
    aria-setsize=${o.size}
    aria-labelledby="a-${id} t-${id}"
  >
    ${o.divider ? html`<p class="visually-hidden">${t('messageThread.newDivider')}</p>` : nothing}
    <p class="byline">
      <bdi part="author" class="author" id="a-${id}">${m.author.name}</bdi>
      ${staff ? html`<span part="staff-badge" class="staff-badge">${t('messageThread.staff')}</span>` : nothing}
      <time part="time" class="time" id="t-${id}" datetime=${m.createdAt}>${date(m.createdAt, TIME)}</time>
    </p>
    <div part="body" class="body" data-format=${m.bodyFormat} dir="auto">${richText(m.body, m.bodyFormat === 'markdown' ? 'markdown' : 'text', true)}</div>
    ${
      m.attachments.length
        ? html`<ul part="message-attachments" class="attachments" role="list" aria-label=${t('messageThread.attachmentsOf')}>
            ${m.attachments.map((a) => {
              const href = fileUrl(d, a.url);
              return html`<li>
                ${href ? html`<a href=${href} download=${a.fileName} rel="noopener noreferrer" dir="auto">${a.fileName}</a>` : html`<bdi>${a.fileName}</bdi>`}
                <span class="size">${fileSize(d.i18n, a.size)}</span>
              </li>`;
            })}
          </ul>`
        : nothing
    }
  </article>`;
}

export function renderComposer(d: ThreadView) {
  if (d.noReply) return nothing;
  const { t } = d.i18n;
  const sending = d.sending;
  const uploads = d.uploads;
  const describedBy = ['compose-hint', d.invalid ? 'compose-invalid' : ''].filter(Boolean).join(' ');
  const send = (e: Event) => {
    e.preventDefault();
    void d.send();
  };
  return html`<form part="composer" class="composer" aria-labelledby="compose-heading" novalidate @submit=${send}>
    <h3 class="visually-hidden" id="compose-heading">${t('messageThread.compose')}</h3>
    <label class="label" for="compose">${t('messageThread.composeLabel')}</label>
    <textarea
      part="textarea"
      class="field textarea"
      id="compose"
      rows="3"
      .value=${d.draft}
      aria-invalid=${d.invalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${(e: Event) => {
        d.draft = (e.target as HTMLTextAreaElement).value;
      }}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && send(e)}
    ></textarea>
    <p class="hint" id="compose-hint">${t('messageThread.composeHint')}</p>
    ${d.invalid ? html`<p class="inline-error" id="compose-invalid" role="alert">${d.invalid}</p>` : nothing}
    ${renderUploads(d, uploads, { disabled: sending })}
    ${uploads.overflow ? html`<p class="inline-error" role="alert">${t('messageThread.tooManyFiles', { max: uploads.policy.maxFiles })}</p>` : nothing}
    <div class="toolbar">
      ${renderAttach(d, uploads, { disabled: sending })}
      <button
        part="send"
        class="button button--primary send"
        type="submit"
        ?disabled=${sending || uploads.uploading}
        aria-busy=${sending ? 'true' : 'false'}
      >
        ${sending ? t('messageThread.sending') : t('messageThread.send')}
      </button>
    </div>
    <p part="files-hint" class="hint" id="files-hint">${uploadHint(d, uploads)}</p>
  </form>`;
}
