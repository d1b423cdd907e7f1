import type { Ticket, TicketMessage } from '@portico/contract';
import { SafeUrl } from '@portico/contract/validators';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MutationController } from '../../controllers/mutation-controller.js';
import type { PageController } from '../../controllers/page-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderMore } from '../../controllers/render-state.js';
import { renderAttach, renderUploads, uploadHint } from '../../controllers/render-upload.js';
import type { UploadController, UploadItem } from '../../controllers/upload-controller.js';
import { fileSize } from '../../i18n/file-size.js';
import { isolate } from '../../i18n/isolate.js';
import { richText } from '../../sanitize/rich-text.js';
import { ACTIVE, nextDue, PRIORITY_TONE, STATUS_TONE, slaState } from '../../tickets/ticket-state.js';
import type { PorticoTicketDetail } from './ticket-detail.component.js';
import type { TicketAction, TicketReplyRequestDetail } from './ticket-detail.events.js';

/** The reply on its way: shown at once in the thread, marked "Sending…". */
export interface PendingReply {
  localId: string;
  body: string;
  uploads: readonly UploadItem[];
}

/**
 * The ticket as its templates see it: its public API plus the state and handlers it keeps for them
 * (private on the class, so that they stay out of the element's API).
 */
export type TicketDetailView = Pick<PorticoTicketDetail, keyof PorticoTicketDetail> & {
  readonly thread: PageController<TicketMessage, readonly [string], { ticket?: Ticket }>;
  readonly uploads: UploadController;
  readonly reply: MutationController<TicketReplyRequestDetail, TicketMessage>;
  readonly actions: MutationController<{ action: TicketAction; ticket: Ticket }, Ticket>;
  readonly pending?: PendingReply;
  draft: string;
  replyInvalid?: string;
};

/** An attachment's link, resolved against the API origin; null unless the contract's `SafeUrl` (http(s) or a path). */
function fileUrl(d: TicketDetailView, url: string | null): string | null {
  if (!url || !SafeUrl.safeParse(url).success) return null;
  try {
    return new URL(url, d.effectiveClient?.baseUrl ?? location.href).href;
  } catch {
    return null;
  }
}

export function renderHeader(d: TicketDetailView, ticket: Ticket) {
  const { t, relativeTime } = d.i18n;
  const sla = slaState(ticket, Date.now(), d.slaWarningHours);
  const due = ACTIVE.has(ticket.status) ? nextDue(ticket) : null;
  return html`<div part="header" class="header">
    <div class="title">
      <p part="number" class="number">${t('ticket.numberShort', { number: String(ticket.number) })}</p>
      <h2 part="subject" class="subject" id="subject" dir="auto">${ticket.subject}</h2>
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
      ${ticket.assigneeName ? html`<span>${isolate(t, 'ticket.assignee', { name: ticket.assigneeName }, 'name')}</span>` : nothing}
      ${
        due
          ? html`<span data-due=${due.kind}>
              ${t(due.kind === 'first-response' ? 'ticketDetail.slaFirstResponse' : 'ticketDetail.slaResolution', {
                time: d.i18n.date(due.at, { dateStyle: 'medium', timeStyle: 'short' }),
              })}
            </span>`
          : nothing
      }
    </p>
    ${d.noActions ? nothing : renderActions(d, ticket)}
  </div>`;
}

function renderActions(d: TicketDetailView, ticket: Ticket) {
  const { t } = d.i18n;
  const closed = ticket.status === 'closed' || ticket.status === 'solved';
  const actions: TicketAction[] = closed ? ['reopen'] : ticket.escalated ? ['close'] : ['close', 'escalate'];
  const acting = d.actions.pending ? d.actions.input?.action : undefined;
  return html`<div part="actions" class="actions" role="group" aria-label=${t('ticketDetail.actions')}>
      ${actions.map(
        (action) => html`<button
          part="action ${action}"
          class="button"
          type="button"
          data-action=${action}
          ?disabled=${!!acting}
          aria-busy=${acting === action ? 'true' : 'false'}
          @click=${() => d.act(action)}
        >
          ${t(`ticketDetail.${action}`)}
        </button>`,
      )}
      <slot name="actions"></slot>
    </div>
    ${renderFailure(d, d.actions, {
      part: 'action-error',
      retry: 'retry-action',
      label: t('ticketDetail.retry'),
      message: (reason) => t('ticketDetail.actionFailed', { reason }),
      onRetry: () => d.act(d.actions.input!.action),
    })}`;
}

export function renderThread(d: TicketDetailView) {
  const { t } = d.i18n;
  const messages = d.messages;
  if (messages.length === 0 && !d.pending) {
    return html`<div part="empty" class="state state--empty">
      <slot name="empty"><p class="state__message">${t('ticketDetail.emptyThread')}</p></slot>
    </div>`;
  }
  return html`<ol part="thread" class="thread" role="list" aria-label=${t('ticketDetail.thread')}>
      ${repeat(
        messages,
        (m) => m.id,
        (m) => renderMessage(d, m),
      )}
      ${d.pending ? renderPending(d, d.pending) : nothing}
    </ol>
    ${renderMore(d, d.thread, { label: t('ticketDetail.loadEarlier') })}`;
}

function renderMessage(d: TicketDetailView, m: TicketMessage) {
  const { t, date } = d.i18n;
  const agent = m.author.kind === 'agent';
  return html`<li part="message" class="message" data-id=${m.id} data-author=${m.author.kind}>
    <p part="author" class="author">
      <span class="author__name" dir="auto">${m.author.name}</span>
      ${agent ? html`<span class="author__role">${t('ticketDetail.agent')}</span>` : nothing}
      <time class="time" datetime=${m.createdAt}>${date(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
    </p>
    <div part="body" class="body" data-format=${m.bodyFormat} dir="auto">${richText(m.body, m.bodyFormat === 'markdown' ? 'markdown' : 'text', true)}</div>
    ${
      m.attachments.length
        ? html`<ul part="message-attachments" class="message-attachments" role="list" aria-label=${t('ticketDetail.attachmentsOf')}>
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
  </li>`;
}

function renderPending(d: TicketDetailView, p: PendingReply) {
  const { t } = d.i18n;
  const files = p.uploads.filter((u) => u.attachment);
  return html`<li part="message pending" class="message message--pending" data-id=${p.localId} data-author="contact" data-pending>
    <p part="author" class="author">
      <span class="author__name">${t('ticketDetail.you')}</span>
      <span class="sending">${t('ticketDetail.sending')}</span>
    </p>
    <div part="body" class="body" data-format="text" dir="auto">${p.body}</div>
    ${
      files.length
        ? html`<ul part="message-attachments" class="message-attachments" role="list" aria-label=${t('ticketDetail.attachmentsOf')}>
            ${files.map((u) => html`<li dir="auto">${u.file.name}</li>`)}
          </ul>`
        : nothing
    }
  </li>`;
}

export function renderComposer(d: TicketDetailView, ticket: Ticket) {
  if (d.noReply) return nothing;
  const { t } = d.i18n;
  if (ticket.status === 'closed') {
    return html`<p part="closed-notice" class="notice">${t('ticketDetail.closedNotice')}</p>`;
  }
  const sending = d.sending;
  const uploads = d.uploads;
  const describedBy = ['reply-hint', d.replyInvalid ? 'reply-invalid' : ''].filter(Boolean).join(' ');
  const send = (e: Event) => {
    e.preventDefault();
    void d.send();
  };
  return html`<form part="composer" class="composer" aria-labelledby="reply-heading" novalidate @submit=${send}>
    <h3 class="visually-hidden" id="reply-heading">${t('ticketDetail.reply')}</h3>
    <label class="label" for="reply">${t('ticketDetail.replyLabel')}</label>
    <textarea
      part="textarea"
      class="field textarea"
      id="reply"
      rows="4"
      .value=${d.draft}
      aria-invalid=${d.replyInvalid ? 'true' : 'false'}
      aria-describedby=${describedBy}
      @input=${(e: Event) => {
        d.draft = (e.target as HTMLTextAreaElement).value;
        if (d.replyInvalid && d.draft.trim()) d.replyInvalid = undefined;
      }}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && send(e)}
    ></textarea>
    <p class="hint" id="reply-hint">${t('ticketDetail.replyHint')}</p>
    ${d.replyInvalid ? html`<p class="inline-error" id="reply-invalid">${d.replyInvalid}</p>` : nothing}
    ${renderUploads(d, uploads, { disabled: sending })}
    ${uploads.overflow ? html`<p class="inline-error" role="alert">${t('ticketDetail.tooManyFiles', { max: uploads.policy.maxFiles })}</p>` : nothing}
    ${renderFailure(d, d.reply, {
      part: 'reply-error',
      retry: 'retry-reply',
      label: t('ticketDetail.retry'),
      message: (reason) => t('ticketDetail.replyFailed', { reason }),
      onRetry: () => d.send(),
    })}
    <div class="toolbar">
      ${renderAttach(d, uploads, { disabled: sending })}
      <button
        part="send"
        class="button button--primary send"
        type="submit"
        ?disabled=${sending || uploads.uploading}
        aria-busy=${sending ? 'true' : 'false'}
      >
        ${sending ? t('ticketDetail.sending') : t('ticketDetail.send')}
      </button>
    </div>
    <p part="files-hint" class="hint" id="files-hint">${uploadHint(d, uploads)}</p>
  </form>`;
}
