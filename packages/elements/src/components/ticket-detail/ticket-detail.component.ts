import type { Attachment, Ticket, TicketMessage } from '@portico/contract';
import { SafeUrl } from '@portico/contract/validators';
import { attachments } from '@portico/contract/validators/attachments';
import { tickets } from '@portico/contract/validators/tickets';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { errorMessage, renderState, stateStyles } from '../../controllers/render-state.js';
import { errorCode, ResourceController } from '../../controllers/resource-controller.js';
import { richText } from '../../sanitize/rich-text.js';
import { ACTIVE, nextDue, PRIORITY_TONE, STATUS_TONE, slaState } from '../../tickets/ticket-state.js';
import type { TicketAction } from './ticket-detail.events.js';
import { en, type TicketDetailMessageKey } from './ticket-detail.messages.js';
import { styles } from './ticket-detail.styles.js';

/** The contract's limits of a reply (`TicketReply`), repeated here so the bundle needs no zod. */
const MAX_BODY = 20_000;
const MAX_FILES = 10;
const PAGE_SIZE = 50;

interface Thread {
  ticket: Ticket;
  messages: TicketMessage[];
  nextCursor: string | null;
}

/** A file picked for the reply: uploading, uploaded (`attachment`), or failed. */
interface Upload {
  localId: string;
  file: File;
  status: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
}

/** The reply on its way: shown at once in the thread, marked "Sending…". */
interface PendingReply {
  localId: string;
  body: string;
  uploads: Upload[];
  createdAt: string;
}

let seq = 0;
const localId = () => `local-${++seq}`;

/**
 * One support ticket: its header (subject, number, status and priority badges, SLA), the
 * message thread (Markdown rendered and sanitized; plain text stays text), a reply composer
 * with attachments, and close / reopen / escalate.
 *
 * A reply shows in the thread at once, marked "Sending…", while the Send button is disabled and
 * `aria-busy`. If sending fails the pending message goes away, the text and files return to the
 * composer, and "Try again" (or Send with the same text) reuses the same idempotency key, so the
 * server stores the reply once however often it is retried. Ctrl+Enter (⌘+Enter) sends.
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
 * @csspart thread - The list of messages.
 * @csspart message - A message; also `pending` while it is being sent.
 * @csspart author - A message's author line.
 * @csspart body - A message's body.
 * @csspart message-attachments - A message's attachment links.
 * @csspart more - The "Show more messages" button.
 * @csspart composer - The reply form.
 * @csspart textarea - The reply text area.
 * @csspart attach - The "Attach files" button (a label of a hidden file input).
 * @csspart chips - The list of files picked for the reply.
 * @csspart chip - A picked file; `data-status` is `uploading`, `done` or `failed`.
 * @csspart chip-remove - A chip's remove button.
 * @csspart send - The Send button.
 * @csspart reply-error - The alert shown when a reply failed (with `retry-reply`).
 * @csspart retry-reply - "Try again" after a failed reply.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty thread.
 * @csspart error - The error state.
 * @csspart retry - The error state's Retry button.
 * @csspart not-found - Shown when the ticket does not exist (404).
 *
 * @cssprop --portico-ticket-detail-gap - Space between header, thread and composer (default: 4 spacing units).
 * @cssprop --portico-ticket-detail-message-padding - Padding of a message (default: 3 spacing units).
 * @cssprop --portico-ticket-detail-message-radius - Radius of a message (default: 2 × `--portico-radius`).
 * @cssprop --portico-ticket-detail-message-background - Background of a contact's message (default: `--portico-color-background`).
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
export class PorticoTicketDetail extends PorticoElement<TicketDetailMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { tickets, attachments },
    locales: {
      de: () => import('./ticket-detail.messages.de.js').then((m) => m.de),
      ar: () => import('./ticket-detail.messages.ar.js').then((m) => m.ar),
    },
  };

  static override properties = {
    ticketId: { attribute: 'ticket-id', reflect: true },
    noReply: { type: Boolean, reflect: true, attribute: 'no-reply' },
    noActions: { type: Boolean, reflect: true, attribute: 'no-actions' },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    slaWarningHours: { type: Number, attribute: 'sla-warning-hours' },
    draft: { state: true },
    uploads: { state: true },
    pending: { state: true },
    replyError: { state: true },
    replyInvalid: { state: true },
    uploadNotice: { state: true },
    sent: { state: true },
    later: { state: true },
    laterCursor: { state: true },
    loadingMore: { state: true },
    acting: { state: true },
    actionError: { state: true },
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
  private uploads: Upload[] = [];
  private pending?: PendingReply;
  private replyError?: string;
  private replyInvalid?: string;
  private uploadNotice?: string;
  /** Replies stored by this element that the loaded page may not contain yet. */
  private sent: TicketMessage[] = [];
  /** Messages of the pages after the first ("Show more"). */
  private later: TicketMessage[] = [];
  private laterCursor?: string | null;
  private loadingMore = false;
  private acting?: TicketAction;
  private actionError?: string;
  private acted?: { ticket: Ticket; over: Thread | undefined };
  private announcement = '';

  /** The key of the last failed reply and what it sent: the same reply again reuses the key. */
  private failed?: { fingerprint: string; key: string };

  private readonly resource = new ResourceController(this, {
    args: () => [this.ticketId] as const,
    load: async (client, [id], { signal }): Promise<Thread> => {
      const [ticket, page] = await Promise.all([
        client.tickets.get({ id, signal }),
        client.tickets.messages({ id, limit: PAGE_SIZE, signal }),
      ]);
      return { ticket, messages: page.data, nextCursor: page.nextCursor };
    },
    live: (event) =>
      !this.noLive &&
      event.resource.kind === 'ticket' &&
      (event.resource.id === this.ticketId || event.resource.parentId === this.ticketId),
  });

  /** The ticket on screen (after any action), or `undefined` before it loaded. */
  get ticket(): Ticket | undefined {
    const value = this.resource.value;
    if (this.acted && this.acted.over === value) return this.acted.ticket;
    return value?.ticket;
  }

  /** The messages on screen, oldest first (without the pending reply). */
  get messages(): readonly TicketMessage[] {
    const value = this.resource.value;
    if (!value) return [];
    const byId = new Map<string, TicketMessage>();
    for (const m of [...value.messages, ...this.later, ...this.sent]) byId.set(m.id, m);
    return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  /** Whether a reply is being sent. */
  get sending(): boolean {
    return !!this.pending;
  }

  /** Loads the ticket and the first page of messages again (the content stays visible, marked busy). */
  refresh(): Promise<void> {
    return this.resource.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ticketId') && changed.get('ticketId') !== undefined) {
      this.draft = '';
      this.uploads = [];
      this.sent = [];
      this.later = [];
      this.laterCursor = undefined;
      this.acted = undefined;
      this.failed = undefined;
      this.replyError = this.replyInvalid = this.actionError = this.uploadNotice = undefined;
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const notFound = this.resource.state === 'error' && errorCode(this.resource.error) === 'not_found';
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <slot name="header"></slot>
      ${
        notFound
          ? html`<div part="not-found" class="state state--error" role="alert">
              <p class="state__message">${this.i18n.t('ticketDetail.notFound')}</p>
            </div>`
          : renderState(this, this.resource, {
              complete: (thread) => this.renderTicket(thread),
              skeleton: () =>
                html`<div class="skeleton-line skeleton-line--title"></div>
                  ${[0, 1, 2].map(() => html`<div class="skeleton-line skeleton-line--message"></div>`)}`,
            })
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderTicket(thread: Thread) {
    const ticket = this.ticket ?? thread.ticket;
    return html`${this.renderHeader(ticket)} ${this.renderThread(thread)} ${this.renderComposer(ticket)}`;
  }

  private renderHeader(ticket: Ticket) {
    const { t, relativeTime } = this.i18n;
    const sla = slaState(ticket, Date.now(), this.slaWarningHours);
    const due = ACTIVE.has(ticket.status) ? nextDue(ticket) : null;
    return html`<div part="header" class="header">
      <div class="title">
        <p part="number" class="number">${t('ticket.numberShort', { number: String(ticket.number) })}</p>
        <h2 part="subject" class="subject" id="subject">${ticket.subject}</h2>
      </div>
      <div class="badges">
        <span part="badge status" class="badge" data-tone=${STATUS_TONE[ticket.status] ?? 'muted'} data-status=${ticket.status}>
          <span class="visually-hidden">${t('ticket.statusLabel')}:</span> ${t(`ticket.status.${ticket.status}`)}
        </span>
        <span part="badge priority" class="badge" data-tone=${PRIORITY_TONE[ticket.priority] ?? 'muted'} data-priority=${ticket.priority}>
          <span class="visually-hidden">${t('ticket.priorityLabel')}:</span> ${t(`ticket.priority.${ticket.priority}`)}
        </span>
        ${ticket.escalated ? html`<span part="badge escalated" class="badge" data-tone="warning">${t('ticketDetail.escalated')}</span>` : nothing}
        ${
          sla?.kind === 'breached'
            ? html`<span part="badge sla" class="badge" data-tone="danger" data-sla="breached">${t('ticket.sla.breached')}</span>`
            : sla?.kind === 'due-soon'
              ? html`<span part="badge sla" class="badge" data-tone="warning" data-sla="due-soon">
                  ${t('ticket.sla.dueSoon', { time: relativeTime(sla.dueAt) })}
                </span>`
              : nothing
        }
      </div>
      <p part="meta" class="meta">
        <span>${t('ticketDetail.created', { time: relativeTime(ticket.createdAt) })}</span>
        ${ticket.assigneeName ? html`<span>${t('ticket.assignee', { name: ticket.assigneeName })}</span>` : nothing}
        ${
          due
            ? html`<span data-due=${due.kind}>
                ${t(due.kind === 'first-response' ? 'ticketDetail.slaFirstResponse' : 'ticketDetail.slaResolution', {
                  time: this.i18n.date(due.at, { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </span>`
            : nothing
        }
      </p>
      ${this.noActions ? nothing : this.renderActions(ticket)}
    </div>`;
  }

  private renderActions(ticket: Ticket) {
    const { t } = this.i18n;
    const closed = ticket.status === 'closed' || ticket.status === 'solved';
    const actions: TicketAction[] = closed ? ['reopen'] : ticket.escalated ? ['close'] : ['close', 'escalate'];
    return html`<div part="actions" class="actions" role="group" aria-label=${t('ticketDetail.actions')}>
        ${actions.map(
          (action) => html`<button
            part="action ${action}"
            class="button"
            type="button"
            data-action=${action}
            ?disabled=${!!this.acting}
            aria-busy=${this.acting === action ? 'true' : 'false'}
            @click=${() => this.act(action)}
          >
            ${t(`ticketDetail.${action}`)}
          </button>`,
        )}
        <slot name="actions"></slot>
      </div>
      ${this.actionError ? html`<p part="action-error" class="inline-error" role="alert">${this.actionError}</p>` : nothing}`;
  }

  private renderThread(thread: Thread) {
    const { t } = this.i18n;
    const messages = this.messages;
    const more = this.laterCursor === undefined ? thread.nextCursor : this.laterCursor;
    if (messages.length === 0 && !this.pending) {
      return html`<div part="empty" class="state state--empty">
        <slot name="empty"><p class="state__message">${t('ticketDetail.emptyThread')}</p></slot>
      </div>`;
    }
    return html`<ol part="thread" class="thread" role="list" aria-label=${t('ticketDetail.thread')}>
        ${repeat(
          messages,
          (m) => m.id,
          (m) => this.renderMessage(m),
        )}
        ${this.pending ? this.renderPending(this.pending) : nothing}
      </ol>
      ${
        more
          ? html`<button
              part="more"
              class="button more"
              type="button"
              ?disabled=${this.loadingMore}
              aria-busy=${this.loadingMore ? 'true' : 'false'}
              @click=${() => this.loadMore(more)}
            >
              ${t('ticketDetail.loadEarlier')}
            </button>`
          : nothing
      }`;
  }

  private renderMessage(m: TicketMessage) {
    const { t, date } = this.i18n;
    const agent = m.author.kind === 'agent';
    return html`<li part="message" class="message" data-id=${m.id} data-author=${m.author.kind}>
      <p part="author" class="author">
        <span class="author__name">${m.author.name}</span>
        ${agent ? html`<span class="author__role">${t('ticketDetail.agent')}</span>` : nothing}
        <time class="time" datetime=${m.createdAt}>${date(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <div part="body" class="body" data-format=${m.bodyFormat}>${richText(m.body, m.bodyFormat === 'markdown' ? 'markdown' : 'text')}</div>
      ${
        m.attachments.length
          ? html`<ul part="message-attachments" class="message-attachments" role="list" aria-label=${t('ticketDetail.attachmentsOf')}>
              ${m.attachments.map((a) => {
                const href = this.fileUrl(a.url);
                return html`<li>
                  ${href ? html`<a href=${href} download=${a.fileName} rel="noopener noreferrer">${a.fileName}</a>` : a.fileName}
                  <span class="size">${this.fileSize(a.size)}</span>
                </li>`;
              })}
            </ul>`
          : nothing
      }
    </li>`;
  }

  private renderPending(p: PendingReply) {
    const { t } = this.i18n;
    return html`<li part="message pending" class="message message--pending" data-id=${p.localId} data-author="contact" data-pending>
      <p part="author" class="author">
        <span class="author__name">${t('ticketDetail.you')}</span>
        <span class="sending">${t('ticketDetail.sending')}</span>
      </p>
      <div part="body" class="body" data-format="text">${p.body}</div>
      ${
        p.uploads.length
          ? html`<ul part="message-attachments" class="message-attachments" role="list" aria-label=${t('ticketDetail.attachmentsOf')}>
              ${p.uploads.map((u) => html`<li>${u.file.name}</li>`)}
            </ul>`
          : nothing
      }
    </li>`;
  }

  private renderComposer(ticket: Ticket) {
    if (this.noReply) return nothing;
    const { t } = this.i18n;
    if (ticket.status === 'closed') {
      return html`<p part="closed-notice" class="notice">${t('ticketDetail.closedNotice')}</p>`;
    }
    const sending = !!this.pending;
    const uploading = this.uploads.some((u) => u.status === 'uploading');
    const describedBy = ['reply-hint', this.replyInvalid ? 'reply-invalid' : ''].filter(Boolean).join(' ');
    return html`<form part="composer" class="composer" aria-labelledby="reply-heading" novalidate @submit=${this.onSubmit}>
      <h3 class="visually-hidden" id="reply-heading">${t('ticketDetail.reply')}</h3>
      <label class="label" for="reply">${t('ticketDetail.replyLabel')}</label>
      <textarea
        part="textarea"
        class="field textarea"
        id="reply"
        rows="4"
        .value=${this.draft}
        aria-invalid=${this.replyInvalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onDraftInput}
        @keydown=${this.onDraftKeydown}
      ></textarea>
      <p class="hint" id="reply-hint">${t('ticketDetail.replyHint')}</p>
      ${this.replyInvalid ? html`<p class="inline-error" id="reply-invalid">${this.replyInvalid}</p>` : nothing}
      ${this.renderChips()}
      ${this.uploadNotice ? html`<p class="inline-error" role="alert">${this.uploadNotice}</p>` : nothing}
      ${
        this.replyError
          ? html`<div part="reply-error" class="reply-error" role="alert">
              <p>${this.replyError}</p>
              <button part="retry-reply" class="button" type="button" ?disabled=${sending} @click=${() => this.send()}>
                ${t('ticketDetail.retry')}
              </button>
            </div>`
          : nothing
      }
      <div class="toolbar">
        <input
          class="file-input visually-hidden"
          id="files"
          type="file"
          multiple
          ?disabled=${sending || this.uploads.length >= MAX_FILES}
          @change=${this.onFiles}
        />
        <label part="attach" class="button" for="files">${t('ticketDetail.attach')}</label>
        <button
          part="send"
          class="button button--primary send"
          type="submit"
          ?disabled=${sending || uploading}
          aria-busy=${sending ? 'true' : 'false'}
        >
          ${sending ? t('ticketDetail.sending') : t('ticketDetail.send')}
        </button>
      </div>
    </form>`;
  }

  private renderChips() {
    if (!this.uploads.length) return nothing;
    const { t } = this.i18n;
    return html`<ul part="chips" class="chips" role="list" aria-label=${t('ticketDetail.attachments')}>
      ${repeat(
        this.uploads,
        (u) => u.localId,
        (u) => html`<li part="chip" class="chip" data-status=${u.status} aria-busy=${u.status === 'uploading' ? 'true' : 'false'}>
          <span class="chip__name">${u.file.name}</span>
          ${
            u.status === 'uploading'
              ? html`<span class="visually-hidden">${t('ticketDetail.uploading', { name: u.file.name })}</span>`
              : u.status === 'failed'
                ? html`<span class="chip__error">${t('ticketDetail.uploadFailed', { name: u.file.name })}</span>`
                : html`<span class="size">${this.fileSize(u.file.size)}</span>`
          }
          <button
            part="chip-remove"
            class="chip__remove"
            type="button"
            aria-label=${t('ticketDetail.remove', { name: u.file.name })}
            ?disabled=${!!this.pending}
            @click=${() => this.removeUpload(u.localId)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  // ——— Reply ———

  private onDraftInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    if (this.replyInvalid && this.draft.trim()) this.replyInvalid = undefined;
  }

  private onDraftKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.send();
    }
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.send();
  }

  /** Sends the composer's reply. Resolves when it was stored or failed; does nothing while one is on its way. */
  async send(): Promise<void> {
    const ticket = this.ticket;
    if (this.pending || !ticket || this.uploads.some((u) => u.status === 'uploading')) return;
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
    const uploads = this.uploads.filter((u) => u.status === 'done');
    const attachmentIds = uploads.map((u) => u.attachment!.id);
    if (!this.emit('portico-reply-request', { ticketId: ticket.id, body, attachmentIds }, { cancelable: true })) return;

    const fingerprint = JSON.stringify([ticket.id, body, attachmentIds]);
    const key = this.failed?.fingerprint === fingerprint ? this.failed.key : crypto.randomUUID();
    const draft = this.draft;
    const allUploads = this.uploads;
    this.pending = { localId: localId(), body, uploads, createdAt: new Date().toISOString() };
    this.draft = '';
    this.uploads = [];
    this.replyError = undefined;
    this.uploadNotice = undefined;
    this.announcement = '';
    try {
      const client = this.effectiveClient;
      if (!client) throw Object.assign(new Error('No client'), { code: 'no_client' });
      const message = await client.tickets.reply({ id: ticket.id, body, attachmentIds, idempotencyKey: key });
      this.failed = undefined;
      if (ticket.id === this.ticketId) this.sent = [...this.sent, message];
      this.announcement = t('ticketDetail.sent');
      this.emit('portico-reply', { message });
    } catch (error) {
      if (ticket.id !== this.ticketId) return;
      this.failed = { fingerprint, key };
      // Whatever was typed meanwhile stays, after the restored text.
      this.draft = this.draft.trim() ? `${draft}\n\n${this.draft}` : draft;
      this.uploads = [...allUploads, ...this.uploads];
      this.replyError = t('ticketDetail.replyFailed', { reason: errorMessage(this, error) });
    } finally {
      this.pending = undefined;
    }
  }

  private onFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.addFiles(files);
  }

  /** Adds files to the reply and uploads them (at most 10 per reply). */
  addFiles(files: readonly File[]): void {
    const room = MAX_FILES - this.uploads.length;
    this.uploadNotice = files.length > room ? this.i18n.t('ticketDetail.tooManyFiles', { max: MAX_FILES }) : undefined;
    for (const file of files.slice(0, Math.max(0, room))) void this.upload({ localId: localId(), file, status: 'uploading' });
  }

  private async upload(u: Upload): Promise<void> {
    this.uploads = [...this.uploads, u];
    const update = (patch: Partial<Upload>) => {
      this.uploads = this.uploads.map((x) => (x.localId === u.localId ? { ...x, ...patch } : x));
    };
    try {
      const client = this.effectiveClient;
      if (!client) throw new Error('No client');
      const attachment = await client.attachments.upload({ file: u.file });
      update({ status: 'done', attachment });
    } catch {
      update({ status: 'failed' });
    }
  }

  private removeUpload(id: string): void {
    const index = this.uploads.findIndex((u) => u.localId === id);
    this.uploads = this.uploads.filter((u) => u.localId !== id);
    this.uploadNotice = undefined;
    // Keep focus in the list: the next chip's remove button, else the attach button.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.chip__remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#files'))?.focus();
    });
  }

  // ——— More messages ———

  private async loadMore(cursor: string): Promise<void> {
    const client = this.effectiveClient;
    const id = this.ticketId;
    if (!client || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await client.tickets.messages({ id, cursor, limit: PAGE_SIZE });
      if (id !== this.ticketId) return;
      this.later = [...this.later, ...page.data];
      this.laterCursor = page.nextCursor;
    } catch (error) {
      this.announcement = errorMessage(this, error);
    } finally {
      this.loadingMore = false;
    }
  }

  // ——— Actions ———

  /** Closes, reopens or escalates the ticket. */
  async act(action: TicketAction): Promise<void> {
    const ticket = this.ticket;
    if (!ticket || this.acting) return;
    if (!this.emit('portico-ticket-action-request', { action, ticket }, { cancelable: true })) return;
    this.acting = action;
    this.actionError = undefined;
    try {
      const client = this.effectiveClient;
      if (!client) throw Object.assign(new Error('No client'), { code: 'no_client' });
      const updated = await client.tickets.act({ id: ticket.id, action });
      if (ticket.id !== this.ticketId) return;
      this.acted = { ticket: updated, over: this.resource.value };
      this.announcement = this.i18n.t(`ticketDetail.actionDone.${action}`);
      this.emit('portico-ticket-action', { action, ticket: updated });
    } catch (error) {
      this.actionError = this.i18n.t('ticketDetail.actionFailed', { reason: errorMessage(this, error) });
    } finally {
      this.acting = undefined;
    }
    await this.updateComplete;
    // The clicked button may have been replaced (close ⇄ reopen): keep focus in the group.
    if (!this.shadowRoot?.activeElement) {
      this.renderRoot.querySelector<HTMLElement>('[part~="action"]')?.focus();
    }
  }

  // ——— Helpers ———

  /** An attachment's link, resolved against the API origin; null unless the contract's `SafeUrl` (http(s) or a path). */
  private fileUrl(url: string): string | null {
    if (!SafeUrl.safeParse(url).success) return null;
    try {
      return new URL(url, this.effectiveClient?.baseUrl ?? location.href).href;
    } catch {
      return null;
    }
  }

  private fileSize(bytes: number): string {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return this.i18n.number(value, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit ? 1 : 0 });
  }
}
