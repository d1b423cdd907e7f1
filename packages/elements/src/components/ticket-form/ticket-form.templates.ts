import type { SearchHit, Ticket, TicketPriority } from '@portico/contract';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type PorticoElement, waitFor } from '../../base/portico-element.js';
import type { MutationController } from '../../controllers/mutation-controller.js';
import { renderFailure } from '../../controllers/render-mutation.js';
import { renderAttach, renderUploads, uploadHint } from '../../controllers/render-upload.js';
import type { SearchController } from '../../controllers/search-controller.js';
import type { UploadController } from '../../controllers/upload-controller.js';
import type { PorticoTicketForm } from './ticket-form.component.js';
import type { Field, FieldErrors } from './ticket-form.validation.js';

const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/**
 * The form as its templates see it: its public API plus the state and handlers it keeps for them
 * (private on the class, so that they stay out of the element's API).
 */
export type TicketFormView = Pick<PorticoTicketForm, keyof PorticoTicketForm> & {
  readonly uploads: UploadController;
  readonly search: SearchController;
  readonly sending: MutationController<unknown, Ticket>;
  readonly visibleErrors: FieldErrors;
  readonly contextTheme: PorticoTicketForm['theme'];
  opened?: { slug: string; loaded?: boolean };
  onInput(field: 'subject' | 'body' | 'priority', value: string): void;
  touch(field: Field): void;
  onSubmit(e: Event): void;
  backToForm(): void;
  openArticle(hit: SearchHit): void;
  articleShown(slug: string, loaded: boolean): void;
  closeArticle(): void;
  onArticleKeydown(e: KeyboardEvent): void;
  solved(): void;
};

export function renderDeflected(f: TicketFormView) {
  const { t } = f.i18n;
  return html`<div part="deflected" class="notice" tabindex="-1">
    <p>${t('ticketForm.deflected')}</p>
    <button class="button" type="button" @click=${() => f.backToForm()}>${t('ticketForm.newTicket')}</button>
  </div>`;
}

export function renderCreated(f: TicketFormView, ticket: Ticket) {
  const { t } = f.i18n;
  return html`<div part="success" class="notice notice--success" tabindex="-1">
    <slot name="success"><p>${t('ticketForm.created', { number: t('ticket.numberShort', { number: String(ticket.number) }) })}</p></slot>
    <button class="button" type="button" @click=${() => f.backToForm()}>${t('ticketForm.newTicket')}</button>
  </div>`;
}

const describedBy = (name: Field, error: string | undefined): string | typeof nothing => {
  const ids = [name === 'subject' || name === 'body' ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
};

function field(f: TicketFormView, name: Exclude<Field, 'attachments'>, error: string | undefined, control: unknown) {
  const { t } = f.i18n;
  const hint = name === 'subject' ? t('ticketForm.subjectHint') : name === 'body' ? t('ticketForm.bodyHint') : '';
  return html`<div part="field ${name}-field" class="field-wrap">
    <label part="label" class="label" for=${name}>
      ${t(`ticketForm.${name}`)}
      ${name === 'priority' ? nothing : html`<span class="required">(${t('ticketForm.required')})</span>`}
    </label>
    ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
    ${control}
    ${error ? html`<p part="field-error" class="field-error" id="${name}-error" data-field=${name}>${error}</p>` : nothing}
  </div>`;
}

export function renderForm(f: TicketFormView) {
  const { t } = f.i18n;
  const errors = f.visibleErrors;
  const submitting = f.sending.pending;
  const text = (name: 'subject' | 'body') => (e: Event) => f.onInput(name, (e.target as HTMLInputElement).value);
  return html`<form part="form" class="form" novalidate aria-label=${t('ticketForm.label')} @submit=${(e: Event) => f.onSubmit(e)}>
    ${field(
      f,
      'subject',
      errors.subject,
      html`<input
        part="subject"
        class="field input"
        id="subject"
        name="subject"
        type="text"
        autocomplete="off"
        required
        maxlength="400"
        .value=${f.subject}
        ?readonly=${submitting}
        aria-invalid=${errors.subject ? 'true' : 'false'}
        aria-describedby=${describedBy('subject', errors.subject)}
        @input=${text('subject')}
        @blur=${() => f.touch('subject')}
      />`,
    )}
    ${f.noSuggestions ? nothing : renderSuggestions(f)}
    ${field(
      f,
      'body',
      errors.body,
      html`<textarea
        part="body"
        class="field textarea"
        id="body"
        name="body"
        rows="6"
        required
        .value=${f.body}
        ?readonly=${submitting}
        aria-invalid=${errors.body ? 'true' : 'false'}
        aria-describedby=${describedBy('body', errors.body)}
        @input=${text('body')}
        @blur=${() => f.touch('body')}
      ></textarea>`,
    )}
    ${field(
      f,
      'priority',
      errors.priority,
      html`<select
        part="priority"
        class="field select"
        id="priority"
        name="priority"
        ?disabled=${submitting}
        aria-invalid=${errors.priority ? 'true' : 'false'}
        aria-describedby=${describedBy('priority', errors.priority)}
        @change=${(e: Event) => f.onInput('priority', (e.target as HTMLSelectElement).value)}
      >
        ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${f.priority === p}>${t(`ticket.priority.${p}`)}</option>`)}
      </select>`,
    )}
    ${renderAttachments(f, errors.attachments)}
    ${renderFailure(f, f.sending, {
      part: 'failure',
      retry: 'retry',
      label: t('ticketForm.retry'),
      message: (reason) => t('ticketForm.failed', { reason }),
      onRetry: () => f.submit(),
    })}
    <div class="footer">
      <button
        part="submit"
        class="button button--primary"
        type="submit"
        ?disabled=${submitting || f.uploads.uploading}
        aria-busy=${submitting ? 'true' : 'false'}
      >
        ${submitting ? t('ticketForm.submitting') : t('ticketForm.submit')}
      </button>
    </div>
  </form>`;
}

function renderAttachments(f: TicketFormView, error: string | undefined) {
  const { t } = f.i18n;
  const submitting = f.sending.pending;
  return html`<div part="field attachments-field" class="field-wrap">
    <span part="label" class="label" id="attachments-label">${t('ticketForm.attachments')}</span>
    <p part="files-hint" class="hint" id="files-hint">${uploadHint(f, f.uploads)}</p>
    ${renderUploads(f, f.uploads, { disabled: submitting })}
    <div class="attach-row">${renderAttach(f, f.uploads, { disabled: submitting, describedBy: error ? 'attachments-error' : '' })}</div>
    ${error ? html`<p part="field-error" class="field-error" id="attachments-error" data-field="attachments">${error}</p>` : nothing}
  </div>`;
}

type Suggestions = ReturnType<typeof import('./ticket-form.suggestions.js').default>;
let suggestions: Suggestions | undefined;
let suggestionsLoading: Promise<unknown> | undefined;

/**
 * The suggested articles, or the one opened in place: their templates load with the first
 * suggestions (ticket-form.suggestions.ts), and `updateComplete` waits for them.
 */
function renderSuggestions(f: TicketFormView) {
  if (!f.opened && (f.search.resource.state === 'error' || !f.search.results.length)) return nothing;
  if (suggestions) return suggestions.render(f);
  suggestionsLoading ??= import('./ticket-form.suggestions.js').then(
    (m) => (suggestions = m.default({ html, nothing, repeat })),
    (error) => {
      suggestionsLoading = undefined; // tried again on the next render
      throw error;
    },
  );
  waitFor(f as unknown as PorticoElement, suggestionsLoading);
  return nothing;
}
