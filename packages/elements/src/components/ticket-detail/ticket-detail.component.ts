import type { Ticket, TicketMessage } from '@portico/contract';
import { tickets } from '@portico/contract/validators/tickets';
import { html, type PropertyValues } from 'lit';
import { PorticoElement } from '../../base/portico-element.js';
import { LinkRefreshController } from '../../controllers/link-refresh.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { PageController } from '../../controllers/page-controller.js';
import { renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode } from '../../controllers/resource-controller.js';
import type { UploadMessageKey } from '../../controllers/upload.messages.js';
import { UploadController } from '../../controllers/upload-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import type { TicketAction, TicketReplyRequestDetail } from './ticket-detail.events.js';
import { en, type TicketDetailMessageKey } from './ticket-detail.messages.js';
import { styles } from './ticket-detail.styles.js';
import { type PendingReply, renderComposer, renderHeader, renderThread, type TicketDetailView } from './ticket-detail.templates.js';

/** The contract's limit of a reply's text (`TicketReply`), repeated here so the bundle needs no zod. */
const MAX_BODY = 20_000;
const PAGE_SIZE = 50;

let seq = 0;

/**
 * One support ticket: its header (subject, number, status and priority badges, SLA), the
 * message thread (Markdown rendered and sanitized; plain text stays text), a reply composer
 * with attachments, and close / reopen / escalate.
 *
 * A reply shows in the thread at once, marked "Sending…", while the Send button is disabled and
 * `aria-busy`. If sending fails the pending message goes away, the text and files return to the
 * composer, and "Try again" (or Send with the same text) reuses the same idempotency key, so the
 * server stores the reply once however often it is retried. Ctrl+Enter (⌘+Enter) sends. Files are
 * checked against the server's limits before they are sent and upload with progress (see
 * `<portico-ticket-form>`). Messages come 50 at a time; "Show more messages" adds the next ones.
 *
 * Live `ticket` events for this ticket reload it in place.
 *
 * @summary A ticket's conversation, with reply, attachments and ticket actions.
 *
 * @slot header - Content above the ticket header, e.g. a "Back to tickets" link.
 * @slot actions - Extra controls after the built-in ticket actions.
 * @slot empty - Shown when the thread has no messages. Default: "No messages yet."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - The ticket header.
 * @csspart subject - The subject heading.
 * @csspart number - The ticket number.
 * @csspart badge - Every badge; also `status`, `priority`, `escalated` or `sla`.
 * @csspart status - The status badge.
 * @csspart priority - The priority badge.
 * @csspart escalated - The "Escalated" badge.
 * @csspart sla - The SLA badge.
 * @csspart meta - Opened time and SLA due dates.
 * @csspart actions - The group of ticket actions.
 * @csspart action - Each action button; also `close`, `reopen` or `escalate`.
 * @csspart action-error - The alert shown when an action failed (with `retry-action`).
 * @csspart retry-action - "Try again" after a failed action: the same action, with the same idempotency key.
 * @csspart thread - The list of messages.
 * @csspart message - A message; also `pending` while it is being sent.
 * @csspart author - A message's author line.
 * @csspart body - A message's body.
 * @csspart message-attachments - A message's attachment links.
 * @csspart more - The "Show more messages" button, or the alert when they failed to load.
 * @csspart composer - The reply form.
 * @csspart textarea - The reply text area.
 * @csspart attach - The "Attach files" button (a label of a hidden file input).
 * @csspart files-hint - What may be attached: how many files, how large, which types (the server's limits).
 * @csspart chips - The list of files picked for the reply.
 * @csspart chip - A picked file; `data-status` is `uploading`, `done` or `failed`.
 * @csspart chip-progress - A chip's progress bar while it uploads.
 * @csspart chip-retry - "Try again" on a chip whose upload failed (network or server).
 * @csspart chip-remove - A chip's remove button (while uploading: stops the upload).
 * @csspart send - The Send button.
 * @csspart reply-error - The alert shown when a reply failed (with `retry-reply`).
 * @csspart retry-reply - "Try again" after a failed reply.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty thread.
 * @csspart error - The error state.
 * @csspart retry - The Retry button of the error state, or of messages that failed to load.
 * @csspart not-found - Shown when the ticket does not exist (404).
 *
 * @cssprop --portico-ticket-detail-gap - Space between header, thread and composer (default: 4 spacing units).
 * @cssprop --portico-ticket-detail-message-padding - Padding of a message (default: 3 spacing units).
 * @cssprop --portico-ticket-detail-message-radius - Radius of a message (default: 2 × `--portico-radius`).
 * @cssprop --portico-ticket-detail-message-background - Background of a contact's message (default: transparent).
 * @cssprop --portico-ticket-detail-agent-background - Background of a support agent's message (default: `--portico-color-surface`).
 * @cssprop --portico-ticket-detail-border-color - Borders of messages and the composer (default: `--portico-color-border`).
 * @cssprop --portico-ticket-detail-badge-radius - Badge corner radius (default: pill).
 *
 * @fires portico-reply-request - A reply is about to be sent; `detail` has `ticketId`, `body`, `attachmentIds`. Cancelable: `preventDefault()` keeps it unsent in the composer.
 * @fires portico-reply - A reply was stored; `detail.message` is the server's message.
 * @fires portico-ticket-action-request - Close, reopen or escalate is about to be sent; `detail` has `action`, `ticket`. Cancelable.
 * @fires portico-ticket-action - Close, reopen or escalate succeeded; `detail.ticket` is the updated ticket.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-ticket-detail ticket-id="tkt_123"></portico-ticket-detail>
 * </portico-provider>
 * ```
 */
export class PorticoTicketDetail extends PorticoElement<TicketDetailMessageKey | UploadMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { tickets },
    locales: { de: () => import('./ticket-detail.messages.de.js'), ar: () => import('./ticket-detail.messages.ar.js') },
  };

  static override properties = {
    ticketId: { attribute: 'ticket-id', reflect: true },
    noReply: { type: Boolean, reflect: true, attribute: 'no-reply' },
    noActions: { type: Boolean, reflect: true, attribute: 'no-actions' },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    slaWarningHours: { type: Number, attribute: 'sla-warning-hours' },
    draft: { state: true },
    pending: { state: true },
    replyInvalid: { state: true },
    sent: { state: true },
    acted: { state: true },
    announcement: { state: true },
  };

  /** Id of the ticket to show (`tkt_…`). */
  ticketId = '';

  /** Hides the reply composer (read-only view). */
  noReply = false;

  /** Hides close / reopen / escalate. */
  noActions = false;

  /** Don't reload on live `ticket` events. */
  noLive = false;

  /** Hours before an SLA target from which the SLA badge shows "due soon". */
  slaWarningHours = 4;

  private draft = '';
  private pending?: PendingReply;
  private replyInvalid?: string;
  /** Replies stored by this element that the loaded page may not contain yet. */
  private sent: TicketMessage[] = [];
  private acted?: { ticket: Ticket; over: unknown };
  private announcement = '';

  /** The ticket with its messages, 50 at a time: the first page carries the ticket. */
  private readonly thread = new PageController(this, {
    args: () => [this.ticketId] as const,
    load: async (client, [id], cursor, { signal }): Promise<{ data: TicketMessage[]; nextCursor: string | null; ticket?: Ticket }> => {
      if (cursor) return client.tickets.messages({ id, cursor, limit: PAGE_SIZE, signal });
      const [ticket, page] = await Promise.all([
        client.tickets.get({ id, signal }),
        client.tickets.messages({ id, limit: PAGE_SIZE, signal }),
      ]);
      return { ...page, ticket };
    },
    live: (event) =>
      !this.noLive &&
      event.resource.kind === 'ticket' &&
      (event.resource.id === this.ticketId || event.resource.parentId === this.ticketId),
    keep: true,
    key: (m) => m.id,
  });

  /** An attachment clicked near its link's expiry is followed fresh (the first page of the thread is read again for it). */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a controller works through its host
  private readonly links = new LinkRefreshController(this, { refresh: () => this.thread.refresh(), value: () => this.thread.items });

  private readonly uploads = new UploadController(this);

  private readonly reply = new MutationController(this, {
    send: (client, { ticketId: id, body, attachmentIds }: TicketReplyRequestDetail, { key, signal }) =>
      client.tickets.reply({ id, body, attachmentIds, idempotencyKey: key, signal }),
    request: (input) => ['portico-reply-request', input],
    optimistic: ({ ticketId, body }) => {
      // Shown in the thread at once; the composer is emptied (and given back on failure).
      const draft = this.draft;
      const uploads = this.uploads.take();
      this.pending = { localId: `local-${++seq}`, body, uploads };
      this.draft = '';
      this.announcement = '';
      return () => {
        this.pending = undefined;
        if (ticketId !== this.ticketId) return;
        // Whatever was typed meanwhile stays, after the restored text.
        this.draft = this.draft.trim() ? `${draft}\n\n${this.draft}` : draft;
        this.uploads.restore(uploads);
      };
    },
    onSuccess: (message, { ticketId }) => {
      this.pending = undefined;
      if (ticketId === this.ticketId) this.sent = [...this.sent, message];
      this.announcement = this.i18n.t('ticketDetail.sent');
    },
    success: (message) => ['portico-reply', { message }],
  });

  private readonly actions = new MutationController(this, {
    send: (client, { action, ticket }: { action: TicketAction; ticket: Ticket }, { key, signal }) =>
      client.tickets.act({ id: ticket.id, action, idempotencyKey: key, signal }),
    fingerprint: ({ action, ticket }) => [ticket.id, action],
    request: (input) => ['portico-ticket-action-request', input],
    onSuccess: (updated, { action, ticket }) => {
      if (ticket.id !== this.ticketId) return;
      this.acted = { ticket: updated, over: this.thread.resource.value };
      this.announcement = this.i18n.t(`ticketDetail.actionDone.${action}`);
      void this.keepFocus();
    },
    onError: () => void this.keepFocus(),
    success: (ticket, { action }) => ['portico-ticket-action', { action, ticket }],
  });

  /** The ticket on screen (after any action), or `undefined` before it loaded. */
  get ticket(): Ticket | undefined {
    const value = this.thread.resource.value;
    if (this.acted && this.acted.over === value) return this.acted.ticket;
    return value?.ticket;
  }

  /** The messages on screen, oldest first (without the pending reply). */
  get messages(): readonly TicketMessage[] {
    if (!this.thread.resource.value) return [];
    const byId = new Map<string, TicketMessage>();
    for (const m of [...this.thread.items, ...this.sent]) byId.set(m.id, m);
    return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /** Whether a reply is being sent. */
  get sending(): boolean {
    return this.reply.pending;
  }

  /** Loads the ticket and the first page of messages again (the content stays visible, marked busy). */
  refresh(): Promise<void> {
    return this.thread.refresh();
  }

  /** Sends the composer's reply. Resolves when it was stored or failed; does nothing while one is on its way. */
  async send(): Promise<void> {
    const ticket = this.ticket;
    if (this.reply.pending || !ticket || this.uploads.uploading) return;
    const { t } = this.i18n;
    const body = this.draft.trim();
    this.replyInvalid = !body
      ? t('ticketDetail.replyEmpty')
      : body.length > MAX_BODY
        ? t('ticketDetail.replyTooLong', { max: MAX_BODY })
        : undefined;
    if (this.replyInvalid) {
      await this.updateComplete;
      this.renderRoot.querySelector('textarea')?.focus();
      return;
    }
    await this.reply.run({ ticketId: ticket.id, body, attachmentIds: this.uploads.attachments.map((a) => a.id) });
  }

  /** Adds files to the reply and uploads them (as many as the server takes per reply, 10 by default). */
  addFiles(files: readonly File[]): void {
    this.uploads.add(files);
  }

  /** Closes, reopens or escalates the ticket. */
  async act(action: TicketAction): Promise<void> {
    const ticket = this.ticket;
    if (ticket) await this.actions.run({ action, ticket });
  }

  /** The clicked action button may have been replaced (close ⇄ reopen): keep focus in the group. */
  private async keepFocus(): Promise<void> {
    await this.updateComplete;
    if (!this.shadowRoot?.activeElement) this.renderRoot.querySelector<HTMLElement>('[part~="action"]')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ticketId') && changed.get('ticketId') !== undefined) {
      this.draft = '';
      this.uploads.clear();
      this.sent = [];
      this.acted = undefined;
      this.replyInvalid = undefined;
      this.reply.clearError();
      this.actions.clearError();
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const resource = this.thread.resource;
    const view = this as unknown as TicketDetailView;
    const notFound = resource.state === 'error' && errorCode(resource.error) === 'not_found';
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <slot name="header"></slot>
      ${
        notFound
          ? html`<div part="not-found" class="state state--error" role="alert">
              <p class="state__message">${this.i18n.t('ticketDetail.notFound')}</p>
            </div>`
          : renderState(this, resource, {
              complete: (thread) => {
                const ticket = this.ticket ?? thread.ticket!;
                return html`${renderHeader(view, ticket)} ${renderThread(view)} ${renderComposer(view, ticket)}`;
              },
              skeleton: () =>
                html`<div class="skeleton-line skeleton-line--title"></div>
                  ${[0, 1, 2].map(() => html`<div class="skeleton-line skeleton-line--message"></div>`)}`,
            })
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
