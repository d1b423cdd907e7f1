import type { ProjectMessage, ProjectMessageReadState } from '@portico/contract';
import { messages } from '@portico/contract/validators/messages';
import { html, type PropertyValues, unsafeCSS } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode } from '../../controllers/resource-controller.js';
import type { UploadMessageKey } from '../../controllers/upload.messages.js';
import { UploadController, type UploadItem } from '../../controllers/upload-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { adoptLate } from '../../styles/late-styles.js';
import type { PorticoMessageRequestDetail } from './message-thread.events.js';
import type * as Later from './message-thread.later.js';
import { en, type MessageThreadMessageKey } from './message-thread.messages.js';
import { styles } from './message-thread.styles.js';
import { kit, renderComposer, renderFeed, type ThreadView } from './message-thread.templates.js';

const PAGE_SIZE = 50;
/** Within this many pixels of the top, the next older page loads; of the bottom, the view follows new messages. */
const NEAR_TOP = 320;
const NEAR_BOTTOM = 48;
/** Messages in the DOM at most (a window over the history, moved as the reader scrolls), and by how many it moves. */
const WINDOW = 120;
const STEP = 25;

/** A message on its way (or one that failed: `failed`), shown at the end of the thread. */
export interface PendingMessage {
  localId: string;
  body: string;
  uploads: readonly UploadItem[];
  failed: boolean;
}

type FirstPage = { data: ProjectMessage[]; nextCursor: string | null; read?: ProjectMessageReadState };

let seq = 0;
/** Reading order: by time, then id (the server's order). ISO strings of one format compare as text. */
const before = (a: ProjectMessage, b: ProjectMessage) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A project's conversation between the client's contacts and the firm's staff: the messages
 * (Markdown rendered and sanitized like ticket messages; author names isolated), a composer with
 * attachments, and where the signed-in contact stopped reading.
 *
 * **History.** The newest 50 messages load first; older ones load as the reader scrolls up (or
 * with "Load earlier messages"), and the message in view stays where it was. At most 120 messages
 * are in the DOM, a window that moves as the reader scrolls (the view kept still each time): a
 * thread of thousands scrolls like a short one.
 *
 * **Unread.** A "New messages" divider sits before the first message that was unread when the
 * thread opened, and the thread opens there. Messages become read as they scroll into view (the
 * marker only moves forward: `portico-messages-read`). Scrolled up, a "N unread · Jump to latest"
 * button shows. Live messages follow the view when it is at the bottom.
 *
 * **Sending.** A message shows at once, marked "Sending…"; if sending fails it stays in the thread
 * marked "Not sent" with "Try again" (the same idempotency key: the server stores it once however
 * often it is retried) and "Edit" (back into the composer). Ctrl+Enter (⌘+Enter) sends.
 *
 * **Keyboard and screen readers.** The thread is a `feed` of `article`s, one tab stop: ↑/↓ and
 * Page Up/Page Down move between messages, Home/End to the first and last loaded, Ctrl+End to the
 * composer. Only what is new is announced (a live message, "N earlier messages loaded", sent or
 * not sent), never the history.
 *
 * @summary A project's live conversation with unread marker, paged history and optimistic send.
 *
 * @slot header - Content above the thread, e.g. a heading.
 * @slot empty - Shown when the conversation has no messages. Default: "No messages yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart feed - The scrolling list of messages (`role="feed"`).
 * @csspart message - A message; also `own` (the signed-in contact's), `staff` (the firm's), `pending`, `failed`.
 * @csspart author - A message's author name (isolated: `<bdi>`).
 * @csspart staff-badge - The "Team" badge of a staff message.
 * @csspart time - A message's time.
 * @csspart body - A message's body.
 * @csspart message-attachments - A message's attachment links.
 * @csspart divider - The "New messages" divider.
 * @csspart beginning - "This is the beginning of the conversation."
 * @csspart more - "Load earlier messages", or the alert when they failed to load.
 * @csspart jump - "N unread · Jump to latest".
 * @csspart message-error - The alert of a message that was not sent (with `retry-message` and `edit-message`).
 * @csspart retry-message - "Try again" on a message that was not sent: the same message, with the same idempotency key.
 * @csspart edit-message - "Edit" on a message that was not sent: back into the composer.
 * @csspart composer - The message form.
 * @csspart textarea - The message text area.
 * @csspart attach - The "Attach files" button (a label of a hidden file input).
 * @csspart files-hint - What may be attached (the server's limits).
 * @csspart chips - The files picked for the message.
 * @csspart chip - A picked file; `data-status` is `uploading`, `done` or `failed`.
 * @csspart chip-progress - A chip's progress bar while it uploads.
 * @csspart chip-retry - "Try again" on a chip whose upload failed.
 * @csspart chip-remove - A chip's remove button (while uploading: stops the upload).
 * @csspart send - The Send button.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty conversation.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of the error state, or of earlier messages that failed to load.
 * @csspart not-found - Shown when the project does not exist or is not the contact's (404).
 *
 * @cssprop --portico-message-thread-height - Height of the scrolling thread (default: 32rem; the composer is below it).
 * @cssprop --portico-message-thread-gap - Space between messages (default: 1 spacing unit).
 * @cssprop --portico-message-thread-message-background - Background of others' messages (default: `--portico-color-surface`).
 * @cssprop --portico-message-thread-own-background - Background of the contact's own messages (default: a tint of `--portico-color-primary`).
 * @cssprop --portico-message-thread-radius - Radius of a message (default: 2 × `--portico-radius`).
 * @cssprop --portico-message-thread-divider-color - Colour of the "New messages" divider (default: `--portico-color-danger`).
 *
 * @fires portico-message-request - A message is about to be sent; `detail` has `projectId`, `body`, `attachmentIds`. Cancelable: `preventDefault()` keeps it unsent in the composer.
 * @fires portico-message - A message was stored; `detail.message` is the server's message.
 * @fires portico-messages-read - The read marker moved forward; `detail` has `projectId` and `readState` (`unreadCount`…).
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-message-thread project-id="prj_123"></portico-message-thread>
 * </portico-provider>
 * ```
 */
export class PorticoMessageThread extends PorticoElement<MessageThreadMessageKey | UploadMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { messages },
    locales: { de: () => import('./message-thread.messages.de.js'), ar: () => import('./message-thread.messages.ar.js') },
  };

  static override properties = {
    projectId: { attribute: 'project-id', reflect: true },
    noReply: { type: Boolean, reflect: true, attribute: 'no-reply' },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    pending: { state: true },
    invalid: { state: true },
    announcement: { state: true },
    read: { state: true },
    pinned: { state: true },
    focusId: { state: true },
  };

  /** Id of the project whose conversation to show (`prj_…`). */
  projectId = '';

  /** Hides the composer (read-only view). */
  noReply = false;

  /** Don't follow live events. */
  noLive = false;

  /** Text typed in the composer (not reactive: typing does not re-render thousands of messages). */
  private draft = '';
  private pending?: PendingMessage;
  private invalid?: string;
  private announcement = '';
  /** The signed-in contact's read state, the freshest known. */
  private read?: ProjectMessageReadState;
  /** Whether the view is at the bottom (and follows new messages). */
  private pinned = true;
  /** The message with the feed's tab stop (default: the last). */
  private focusId?: string;
  /** Where the "New messages" divider goes: the first unread message when the thread opened. */
  private dividerId: string | null = null;
  /** Every message seen for this project (pages, live reloads and sent ones), by id, and in reading order. */
  private known = new Map<string, ProjectMessage>();
  private sorted: ProjectMessage[] = [];
  /** Position of each message in `sorted`. */
  private index = new Map<string, number>();
  /** The first and last message in the DOM (the window over `sorted`); unset: the newest `WINDOW`. */
  private winFirst?: string;
  private winLast?: string;
  private seenItems?: readonly ProjectMessage[];
  private seenFirst?: FirstPage;
  private opened = false;
  private anchor?: { id: string; offset: number };
  private marking?: string;

  private frame = 0;
  private resizer?: ResizeObserver;
  /** The parts not needed at first paint (the message being sent, the feed's keys), loaded right after it. */
  private later?: typeof Later;
  private laterLoad?: Promise<typeof Later>;

  private loadLater(): Promise<typeof Later> {
    this.laterLoad ??= import('./message-thread.later.js').then((m) => {
      this.later = m;
      adoptLate(this.renderRoot as ShadowRoot, unsafeCSS(m.laterCss));
      // An attachment clicked near its link's expiry is followed fresh (the newest page is read again).
      new m.LinkRefreshController(this, { refresh: () => this.thread.refresh(), value: () => this.sorted });
      this.requestUpdate();
      return m;
    });
    return this.laterLoad;
  }

  /** The newest page with the read state, then older pages as the reader scrolls up. */
  private readonly thread = new PageController(this, {
    mode: 'older',
    keep: true,
    key: (m: ProjectMessage) => m.id,
    enabled: () => this.projectId.trim() !== '',
    args: () => [this.projectId] as const,
    load: async (client, [projectId], cursor, { signal }): Promise<FirstPage> => {
      if (cursor) return client.messages.list({ projectId, cursor, limit: PAGE_SIZE, signal });
      const [page, read] = await Promise.all([
        client.messages.list({ projectId, limit: PAGE_SIZE, signal }),
        client.messages.readState({ projectId, signal }),
      ]);
      return { ...page, read };
    },
    live: (event) => !this.noLive && event.resource.kind === 'project_message' && event.resource.parentId === this.projectId,
  });

  private readonly uploads = new UploadController(this);

  private readonly send$ = new MutationController(this, {
    send: (client, { projectId, body, attachmentIds }: PorticoMessageRequestDetail, { key, signal }) =>
      client.messages.create({ projectId, body, attachmentIds, idempotencyKey: key, signal }),
    request: (input) => ['portico-message-request', input],
    optimistic: ({ body }) => {
      const uploads = this.pending?.uploads ?? this.uploads.take();
      this.pending = { localId: this.pending?.localId ?? `local-${++seq}`, body, uploads, failed: false };
      this.pinned = true;
      return () => {
        // It stays in the thread, marked "Not sent", until it is sent again or edited.
        if (this.pending) this.pending = { ...this.pending, failed: true };
      };
    },
    onSuccess: (message, { projectId }) => {
      this.pending = undefined;
      if (projectId !== this.projectId) return;
      this.remember([message]);
      this.announcement = this.i18n.t('messageThread.sent');
    },
    onError: (error) => {
      this.announcement = this.i18n.t('messageThread.notSent', { reason: errorCode(error) });
    },
    success: (message) => ['portico-message', { message }],
  });

  private readonly markRead$ = new MutationController(this, {
    send: (client, { projectId, messageId }: { projectId: string; messageId: string }, { key, signal }) =>
      client.messages.markRead({ projectId, messageId, idempotencyKey: key, signal }),
    onSuccess: (readState, { projectId }) => {
      if (projectId !== this.projectId) return;
      this.read = readState;
      this.emit('portico-messages-read', { projectId, readState });
    },
  });

  /** The messages on screen, oldest first (without the one being sent). */
  get messages(): readonly ProjectMessage[] {
    return this.sorted;
  }

  /** The signed-in contact's unread messages in this conversation (as the server last said). */
  get unreadCount(): number {
    return this.read?.unreadCount ?? 0;
  }

  /** Whether a message is being sent. */
  get sending(): boolean {
    return this.send$.pending;
  }

  /** Loads the newest page again (what is on screen stays). */
  refresh(): Promise<void> {
    return this.thread.refresh();
  }

  /** Loads the next older page, keeping the message in view where it is. */
  async loadEarlier(): Promise<void> {
    const before = this.sorted.length;
    await this.thread.loadMore();
    await this.updateComplete;
    const added = this.sorted.length - before;
    if (added > 0) {
      this.announcement = this.i18n.t('messageThread.earlierLoaded', { count: added });
      const [start, end] = this.range;
      if (start > 0) this.setRange(Math.max(0, start - STEP), Math.min(end, Math.max(0, start - STEP) + WINDOW));
    }
  }

  /** Sends the composer's message (or the one that was not sent, again). */
  async send(): Promise<void> {
    if (this.send$.pending || !this.projectId || this.uploads.uploading) return;
    const { t } = this.i18n;
    if (this.pending?.failed) {
      this.invalid = t('messageThread.waitForRetry');
      return;
    }
    const body = this.textarea?.value.trim() ?? this.draft.trim();
    const later = this.later ?? (await this.loadLater());
    if (this.send$.pending) return;
    this.invalid = later.invalidBody(body, t);
    if (this.invalid) {
      await this.updateComplete;
      this.textarea?.focus();
      return;
    }
    const attachmentIds = this.uploads.attachments.map((a) => a.id);
    this.setDraft('');
    const stored = await this.send$.run({ projectId: this.projectId, body, attachmentIds });
    // Canceled by the host (`portico-message-request`): the text returns unsent.
    if (!stored && this.send$.status === 'idle' && !this.pending) this.setDraft(body);
  }

  /** Sends the message that was not sent again, with the same idempotency key. */
  retry(): Promise<unknown> {
    return this.send$.retry();
  }

  /** Puts the message that was not sent back into the composer (text and files). */
  edit(): void {
    const p = this.pending;
    if (!p?.failed) return;
    this.pending = undefined;
    this.send$.clearError();
    this.uploads.restore(p.uploads);
    this.setDraft(p.body);
    void this.updateComplete.then(() => this.textarea?.focus());
  }

  /** Adds files to the message and uploads them. */
  addFiles(files: readonly File[]): void {
    this.uploads.add(files);
  }

  /** Scrolls to the newest message and gives it focus when `focus`. */
  async jumpToLatest(focus = false): Promise<void> {
    this.pinned = true;
    this.setRange(this.sorted.length - WINDOW, this.sorted.length);
    await this.updateComplete;
    const feed = this.feed;
    if (feed) this.scrollFeed(feed.scrollHeight);
    if (focus) this.articles().at(-1)?.focus();
  }

  private get feed(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="feed"]');
  }
  private get textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }
  private articles(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('article[data-id]')];
  }

  private setDraft(value: string): void {
    this.draft = value;
    if (this.textarea) this.textarea.value = value;
  }

  private remember(list: readonly ProjectMessage[]): void {
    const newest = this.sorted.at(-1);
    const following = !this.winLast || this.winLast === newest?.id;
    for (const m of list) this.known.set(m.id, m);
    this.sorted = [...this.known.values()].sort(before);
    this.index = new Map(this.sorted.map((m, i) => [m.id, i]));
    // A window that ends at the newest message keeps ending there (live messages, one's own).
    if (following && this.winLast) {
      const [start] = this.range;
      const end = this.sorted.length;
      this.setRange(this.pinned ? Math.max(start, end - WINDOW) : start, end);
    }
  }

  /** The slice of `sorted` in the DOM: [start, end). */
  private get range(): [number, number] {
    const n = this.sorted.length;
    const end = this.winLast !== undefined ? (this.index.get(this.winLast) ?? n - 1) + 1 : n;
    const start =
      this.winFirst !== undefined ? Math.min(this.index.get(this.winFirst) ?? 0, Math.max(0, end - 1)) : Math.max(0, end - WINDOW);
    return [start, end];
  }

  private setRange(start: number, end: number): void {
    const n = this.sorted.length;
    if (!n) return;
    const e = Math.max(1, Math.min(n, end));
    const b = Math.max(0, Math.min(start, e - 1));
    if (this.winFirst === this.sorted[b]!.id && this.winLast === this.sorted[e - 1]!.id) return;
    this.winFirst = this.sorted[b]!.id;
    this.winLast = this.sorted[e - 1]!.id;
    this.requestUpdate();
  }

  /** Older messages into the DOM (from memory, or the next older page), newer ones out of it. */
  private async extendUp(): Promise<void> {
    const [start, end] = this.range;
    if (start > 0) {
      const from = Math.max(0, start - STEP);
      this.setRange(from, Math.min(end, from + WINDOW));
    } else if (this.thread.hasMore && this.thread.moreState === 'idle') {
      await this.loadEarlier();
    }
  }

  /** Newer messages into the DOM, older ones out of it. */
  private extendDown(): void {
    const [start, end] = this.range;
    if (end < this.sorted.length) this.setRange(Math.max(start, end + STEP - WINDOW), end + STEP);
  }

  /** The first message starting in view and how far below the feed's top edge it is (binary search). */
  private topOfView(): { id: string; offset: number } | undefined {
    const feed = this.feed;
    const list = feed?.querySelectorAll<HTMLElement>('article[data-id]');
    if (!feed || !list?.length) return undefined;
    const top = feed.scrollTop;
    let lo = 0;
    let hi = list.length - 1;
    // The first message that starts in view: one cut by the top edge may still grow (its body renders late).
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.offsetTop < top) lo = mid + 1;
      else hi = mid;
    }
    const el = list[lo]!;
    return { id: el.dataset.id!, offset: el.offsetTop - top };
  }

  /** Moves the read marker to the last message in view, when that is past it and the page is visible. */
  private markReadInView(): void {
    const read = this.read;
    if (!read || read.unreadCount === 0 || document.visibilityState !== 'visible' || this.markRead$.pending) return;
    const feed = this.feed;
    const id = feed && this.later?.lastInView(feed);
    if (!id || id === this.marking || id === read.lastReadMessageId) return;
    const m = this.known.get(id);
    const marker = read.lastReadMessageId ? this.known.get(read.lastReadMessageId) : undefined;
    if (!m || (marker && before(m, marker) <= 0)) return;
    this.marking = id;
    void this.markRead$.run({ projectId: this.projectId, messageId: id });
  }

  private readonly onScroll = (): void => {
    // Unpinned at once: a body that renders before the next frame must not pull the view back down.
    const f = this.feed;
    if (f && this.pinned && f.scrollHeight - f.scrollTop - f.clientHeight >= NEAR_BOTTOM) this.pinned = false;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const feed = this.feed;
      if (!feed) return;
      const below = feed.scrollHeight - feed.scrollTop - feed.clientHeight;
      const [, end] = this.range;
      const pinned = below < NEAR_BOTTOM && end === this.sorted.length;
      if (pinned !== this.pinned) this.pinned = pinned;
      if (feed.scrollTop < NEAR_TOP) void this.extendUp();
      else if (below < NEAR_TOP) this.extendDown();
      this.markReadInView();
    });
  };

  private readonly onVisibility = () => this.markReadInView();

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: used by the templates (ThreadView)
  private onFeedKeydown(e: KeyboardEvent): void {
    this.later?.feedKeydown(e, this.articles(), this.textarea, (up) => (up ? void this.extendUp() : this.extendDown()), kit);
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: used by the templates (ThreadView)
  private onFeedFocusIn(e: FocusEvent): void {
    const id = (e.target as HTMLElement).closest<HTMLElement>('article[data-id]')?.dataset.id;
    if (id && id !== this.focusId) this.focusId = id;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.resizer?.disconnect();
    this.resizer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('projectId') && changed.get('projectId') !== undefined) {
      this.known = new Map();
      this.sorted = [];
      this.index = new Map();
      this.winFirst = this.winLast = undefined;
      this.seenItems = this.seenFirst = this.read = this.anchor = this.marking = this.focusId = undefined;
      this.dividerId = null;
      this.opened = false;
      this.pinned = true;
      this.pending = this.invalid = undefined;
      this.setDraft('');
      this.uploads.clear();
      this.send$.reset();
      this.markRead$.reset();
    }
    const first = this.thread.resource.value as FirstPage | undefined;
    if (first && first !== this.seenFirst) {
      this.seenFirst = first;
      if (first.read) this.read = first.read;
      if (!this.opened) this.dividerId = first.read?.firstUnreadMessageId ?? null;
    }
    const items = this.thread.items as readonly ProjectMessage[];
    if (items !== this.seenItems) {
      this.seenItems = items;
      const newest = this.sorted.at(-1);
      this.remember(items);
      // Live arrivals (after the newest known, by someone else) are announced, never the history.
      if (this.opened && newest) {
        const said = this.later?.arrivals(
          this.sorted.filter((m) => before(m, newest) > 0 && !this.isOwn(m)),
          this.i18n.t,
        );
        if (said) this.announcement = said;
      }
    }
    // Where the view is before the DOM changes: restored after, so older pages added above do not move it.
    this.anchor = this.opened && !this.pinned ? this.topOfView() : undefined;
  }

  /** The signed-in contact's own message. */
  private isOwn(m: ProjectMessage): boolean {
    return m.author.kind === 'contact' && m.author.id === this.read?.contactId;
  }

  /** Scrolls the feed from code. */
  private scrollFeed(top: number): void {
    const feed = this.feed;
    if (feed) feed.scrollTop = top;
  }

  /** Puts the message that was at the top of the view back where it was. */
  private restoreAnchor(): void {
    const feed = this.feed;
    const anchor = this.anchor;
    if (!feed || !anchor) return;
    const el = feed.querySelector<HTMLElement>(`article[data-id="${CSS.escape(anchor.id)}"]`);
    if (!el) return;
    const delta = el.offsetTop - feed.scrollTop - anchor.offset;
    if (Math.abs(delta) >= 1) this.scrollFeed(feed.scrollTop + delta);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const feed = this.feed;
    if (!feed) return;
    void this.loadLater();
    if (!this.resizer) {
      // Bodies render (sanitized Markdown) after the list: while pinned, the view follows the growth.
      // Bodies render (sanitized Markdown) after the list, and grow: while pinned the view follows
      // (elsewhere the browser's scroll anchoring keeps the message in view still).
      this.resizer = new ResizeObserver(() => {
        const f = this.feed;
        if (f && this.pinned) this.scrollFeed(f.scrollHeight);
      });
    }
    const list = feed.firstElementChild;
    if (list && !(list as HTMLElement).dataset.observed) {
      (list as HTMLElement).dataset.observed = '';
      this.resizer.observe(list);
      feed.addEventListener('scroll', this.onScroll, { passive: true });
    }
    if (!this.opened && this.sorted.length) {
      this.opened = true;
      const [start, end] = this.range;
      this.winFirst = this.sorted[start]!.id;
      this.winLast = this.sorted[end - 1]!.id;
      const divider = this.dividerId ? feed.querySelector<HTMLElement>('[part~="divider"]') : null;
      if (divider && divider.offsetTop > feed.clientHeight / 2) {
        this.pinned = false;
        this.scrollFeed(divider.offsetTop - 8);
      } else {
        this.scrollFeed(feed.scrollHeight);
      }
    } else if (this.anchor && !this.pinned) {
      this.restoreAnchor();
    } else if (this.pinned) {
      this.scrollFeed(feed.scrollHeight);
    }
    this.markReadInView();
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const resource = this.thread.resource;
    const view = this as unknown as ThreadView;
    const notFound = resource.state === 'error' && errorCode(resource.error) === 'not_found';
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <slot name="header"></slot>
      ${
        notFound
          ? html`<div part="not-found" class="state state--error" role="alert">
              <p class="state__message">${this.i18n.t('messageThread.notFound')}</p>
            </div>`
          : renderState(this, resource, {
              complete: () => html`${renderFeed(view)} ${renderComposer(view)}`,
              skeleton: () => html`${[0, 1, 2].map(() => html`<div class="skeleton-line skeleton-line--message"></div>`)}`,
            })
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
