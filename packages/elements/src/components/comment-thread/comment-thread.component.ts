import type { Comment, CommentAnchor } from '@portico/contract';
import { comments } from '@portico/contract/validators/comments';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderMore, renderState, stateStyles } from '../../controllers/render-state.js';
import type { Translator } from '../../i18n/i18n.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { regionNumbers } from './comment-thread.anchors.js';
import type { PorticoCommentRequestDetail } from './comment-thread.events.js';
import { type CommentThreadMessageKey, en } from './comment-thread.messages.js';
import { styles } from './comment-thread.styles.js';

export type { PorticoCommentRequestDetail };

/** `42` → `0:42`, `3725` → `1:02:05`. */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The short label of an anchor: "Region 2" (its number among the thread's regions; "Region" for a draft), "Page 3", "At 0:42". */
export const anchorLabel = (t: Translator<CommentThreadMessageKey>['t'], a: CommentAnchor, region?: number): string =>
  a.kind === 'page'
    ? t('commentThread.anchor.page', { page: a.page })
    : a.kind === 'time'
      ? t('commentThread.anchor.time', { time: formatTime(a.seconds) })
      : region
        ? t('commentThread.anchor.regionNumber', { number: region })
        : t('commentThread.anchor.region');

export type AnchorMode = '' | 'region' | 'page' | 'time';

/**
 * The comments on one version of a deliverable, oldest first, and a form to add one. Bodies are
 * plain text. A comment may point to a region of an image, a page of a PDF or a time of a video
 * or audio: with `anchor-mode="page"` the form has a page field, with `anchor-mode="time"` a
 * button that takes the playback time from `timeSource`, and with `anchor-mode="region"` the
 * `anchor` property is set by the host (`<portico-deliverable-viewer>` does it when a region is
 * marked on the image). Sending is idempotent: a double submit sends once, a retry after a
 * failure reuses the idempotency key, and a comment changed in any way (text, anchor, version,
 * deliverable) gets a new one. Comments come 100 at a time ("Show more" loads the next ones);
 * `deliverable` live events for this deliverable refresh them.
 *
 * @summary Comments on a deliverable version.
 *
 * @slot empty - Shown when there is no comment. Default: "No comments on this version yet."
 * @slot error - Replaces the default loading error message.
 *
 * @csspart base - The component's root.
 * @csspart list - The list of comments.
 * @csspart comment - One comment (focusable with `focusComment(id)`).
 * @csspart byline - Author and time of a comment.
 * @csspart anchor - The label of what a comment points to ("Page 3").
 * @csspart body - The text of a comment.
 * @csspart form - The new-comment form.
 * @csspart textarea - The comment field.
 * @csspart page - The page field (`anchor-mode="page"`).
 * @csspart use-time - The "Attach current time" button (`anchor-mode="time"`).
 * @csspart draft-anchor - What the new comment points to, with its Remove button.
 * @csspart send - The submit button (`aria-busy` while sending).
 * @csspart send-error - The alert of a failed send (with `retry-send`).
 * @csspart retry-send - "Retry" after a failed send: sends the same comment again, with the same idempotency key.
 * @csspart more - "Show more" (the next comments), or the alert when they failed to load.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button (loading failed, or the next comments did).
 *
 * @cssprop --portico-comment-thread-gap - Space between comments (default: 2 spacing units).
 * @cssprop --portico-comment-thread-comment-background - Background of a comment.
 * @cssprop --portico-comment-thread-radius - Radius of a comment.
 *
 * @fires portico-comment-request - Before sending; `detail` is `{ deliverableId, version, body, anchor }`. Cancelable.
 * @fires portico-comment - After the server stored a comment; `detail.comment`.
 * @fires portico-comments-change - The comments shown changed; `detail.comments` (oldest first).
 * @fires portico-error - Loading failed.
 */
export class PorticoCommentThread extends PorticoElement<CommentThreadMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { comments },
    locales: { de: () => import('./comment-thread.messages.de.js'), ar: () => import('./comment-thread.messages.ar.js') },
  };

  static override properties = {
    deliverableId: { attribute: 'deliverable-id', reflect: true },
    version: { type: Number, reflect: true },
    anchorMode: { attribute: 'anchor-mode', reflect: true },
    anchor: { attribute: false },
    timeSource: { attribute: false },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    draft: { state: true },
    added: { state: true },
  };

  /** The deliverable commented on. */
  deliverableId = '';

  /** The version number commented on. Nothing loads without it. */
  version = 0;

  /** What a new comment may point to: `region`, `page`, `time`, or nothing (empty). */
  anchorMode: AnchorMode = '';

  /** What the new comment points to (cleared after sending). */
  anchor: CommentAnchor | null = null;

  /** Returns the current playback time in seconds (`anchor-mode="time"`). */
  timeSource?: () => number;

  /** Don't refresh on live `deliverable` events. */
  noLive = false;

  private draft = '';
  /** Comments this element created since the last load (the list may not have them yet). */
  private added: Comment[] = [];
  private emitted = '';

  private readonly pages = new PageController(this, {
    args: () => [this.deliverableId, this.version] as const,
    load: async (client, [id, version], cursor, { signal }) =>
      id && version > 0 ? client.comments.list({ id, version, limit: 100, cursor, signal }) : { data: [], nextCursor: null },
    live: (e) => !this.noLive && e.resource.kind === 'deliverable' && e.resource.id === this.deliverableId,
    keep: true,
    key: (c) => c.id,
  });

  private readonly sending = new MutationController(this, {
    send: (client, { deliverableId: id, version, body, anchor }: PorticoCommentRequestDetail, { key, signal }) =>
      client.comments.create({ id, version, body, anchor, idempotencyKey: key, signal }),
    request: (detail) => ['portico-comment-request', detail],
    onSuccess: (comment, sent) => {
      this.draft = '';
      this.anchor = null;
      if (sent.deliverableId === this.deliverableId && sent.version === this.version) this.added = [...this.added, comment];
    },
    success: (comment) => ['portico-comment', { comment }],
  });

  /** Loads the comments again. */
  refresh(): Promise<void> {
    return this.pages.refresh();
  }

  /** The comments shown, oldest first. */
  get comments(): readonly Comment[] {
    const loaded = this.pages.items;
    const ids = new Set(loaded.map((c) => c.id));
    return [...loaded, ...this.added.filter((c) => !ids.has(c.id))].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /** Scrolls to and focuses a comment (e.g. when its marker on the preview is clicked). */
  focusComment(id: string): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`[part~="comment"][data-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
    el?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('deliverableId') || changed.has('version')) {
      this.added = [];
      this.sending.clearError();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.pages.resource.state !== 'complete') return;
    const comments = this.comments;
    const sig = `${this.deliverableId}/${this.version}:${comments.map((c) => c.id).join()}`;
    if (sig !== this.emitted) {
      this.emitted = sig;
      this.emit('portico-comments-change', { comments });
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const { t } = this.i18n;
    return html`<section part="base" class="base" lang=${lang} dir=${dir} aria-label=${t('commentThread.label')}>
      ${renderState(this, this.pages.resource, {
        complete: () => this.renderList(),
        isEmpty: () => this.comments.length === 0,
        emptyText: t('commentThread.empty'),
      })}
      ${renderMore(this, this.pages, { label: t('state.more') })}
      ${this.renderForm()}
    </section>`;
  }

  private renderList() {
    const { t, relativeTime, date } = this.i18n;
    const regions = regionNumbers(this.comments);
    return html`<ol part="list" class="list" aria-label=${t('commentThread.label')}>
      ${repeat(
        this.comments,
        (c) => c.id,
        (c) => html`<li>
          <article part="comment" class="comment" tabindex="-1" data-id=${c.id}>
            <p part="byline" class="byline">
              <span class="author" dir="auto">${c.author.name}</span>
              <time datetime=${c.createdAt} title=${date(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}>${relativeTime(c.createdAt)}</time>
              ${c.anchor ? html`<span part="anchor" class="anchor" data-kind=${c.anchor.kind}>${anchorLabel(t, c.anchor, regions.get(c.id))}</span>` : nothing}
            </p>
            <p part="body" class="body" dir="auto">${c.body}</p>
          </article>
        </li>`,
      )}
    </ol>`;
  }

  private renderForm() {
    const { t } = this.i18n;
    const a = this.anchor;
    const sending = this.sending.pending;
    return html`<form part="form" class="form" @submit=${this.submit}>
      <label class="label" for="body">${t('commentThread.new')}</label>
      <textarea
        id="body"
        part="textarea"
        class="field"
        rows="3"
        maxlength="10000"
        .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' && this.submit(e)}
      ></textarea>
      <div class="row">
        ${
          this.anchorMode === 'page'
            ? html`<label class="page"
                >${t('commentThread.page')}
                <input
                  part="page"
                  class="field"
                  type="number"
                  min="1"
                  inputmode="numeric"
                  .value=${a?.kind === 'page' ? String(a.page) : ''}
                  @change=${(e: Event) => {
                    const page = Math.trunc(Number((e.target as HTMLInputElement).value));
                    this.anchor = page >= 1 ? { kind: 'page', page } : null;
                  }}
              /></label>`
            : nothing
        }
        ${
          this.anchorMode === 'time' && this.timeSource
            ? html`<button part="use-time" class="button" type="button" @click=${this.useTime}>${t('commentThread.useTime')}</button>`
            : nothing
        }
        ${
          a && a.kind !== 'page'
            ? html`<span part="draft-anchor" class="draft-anchor"
                >${t('commentThread.attach')}: ${anchorLabel(t, a)}
                <button class="button" type="button" @click=${() => (this.anchor = null)}>${t('commentThread.removeAnchor')}</button></span
              >`
            : nothing
        }
        <button
          part="send"
          class="button button--primary send"
          type="submit"
          ?disabled=${sending || !this.draft.trim()}
          aria-busy=${sending ? 'true' : 'false'}
        >
          ${sending ? t('commentThread.sending') : t('commentThread.send')}
        </button>
      </div>
      ${renderFailure(this, this.sending, { part: 'send-error', retry: 'retry-send', onRetry: () => this.submit() })}
    </form>`;
  }

  private useTime(): void {
    const seconds = Number(this.timeSource?.());
    if (Number.isFinite(seconds) && seconds >= 0) this.anchor = { kind: 'time', seconds };
  }

  /** Sends the comment in the form (its text, anchor, version and deliverable as they are now). */
  private submit(e?: Event): void {
    e?.preventDefault();
    const body = this.draft.trim();
    if (!body || !this.deliverableId || !(this.version > 0)) return;
    void this.sending.run({ deliverableId: this.deliverableId, version: this.version, body, anchor: this.anchor });
  }
}
