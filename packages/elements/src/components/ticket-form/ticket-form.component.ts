import type { Attachment, Highlighted, SearchHit, Ticket, TicketCreate, TicketPriority } from '@portico/contract';
import { TicketCreate as TicketCreateSchema } from '@portico/contract/validators';
import { articles } from '@portico/contract/validators/articles';
import { attachments } from '@portico/contract/validators/attachments';
import { tickets } from '@portico/contract/validators/tickets';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { errorMessage, stateStyles } from '../../controllers/render-state.js';
import { errorCode } from '../../controllers/resource-controller.js';

export type { PorticoDeflectDetail, PorticoTicketCreateDetail, PorticoTicketCreateRequestDetail } from './ticket-form.events.js';

import { en, type TicketFormMessageKey } from './ticket-form.messages.js';
import { styles } from './ticket-form.styles.js';

const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const FIELDS = ['subject', 'body', 'priority', 'attachments'] as const;
type Field = (typeof FIELDS)[number];
const MAX_FILES = 10;
const MIN_QUERY = 3;

interface Upload {
  localId: string;
  file: File;
  status: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
}

let seq = 0;

/**
 * A form for a new support ticket: subject, description, priority and attachments, validated
 * inline against the contract's `TicketCreate` schema (errors show once a field was left or the
 * form was submitted; submit focuses the first invalid field). Server-side field errors land on
 * their fields; any other failure shows an alert with "Try again", which — like a second click —
 * reuses the same idempotency key, so one ticket is created however often it is sent.
 *
 * While the customer types, knowledge-base articles matching the subject and description are
 * suggested under the subject. Choosing one fires a cancelable `portico-article-open`; unless
 * canceled it opens in place, shown by a `<portico-kb-article>` (Escape or "Back to the form"
 * closes it; that element's `portico-error` bubbles out if the article fails). If the customer opened a
 * suggestion and then leaves without sending — the element is removed, the page is hidden, or
 * they click "This solved my problem" — `portico-deflect` fires once.
 *
 * @summary A new-ticket form with inline validation and knowledge-base deflection.
 *
 * @slot header - Content above the form, e.g. a heading.
 * @slot success - Replaces the default "Ticket created" message.
 *
 * @csspart base - The component's root.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper; also `subject-field`, `body-field`, `priority-field`, `attachments-field`.
 * @csspart label - Each field's label.
 * @csspart subject - The subject input.
 * @csspart body - The description text area.
 * @csspart priority - The priority select.
 * @csspart attach - The "Attach files" button (a label of a hidden file input).
 * @csspart chips - The list of picked files.
 * @csspart chip - A picked file; `data-status` is `uploading`, `done` or `failed`.
 * @csspart chip-remove - A chip's remove button.
 * @csspart field-error - A field's error message.
 * @csspart suggestions - The suggested articles.
 * @csspart suggestion - A suggested article's button.
 * @csspart article - The panel of an article opened in place (a heading, `<portico-kb-article>`, actions).
 * @csspart article-close - "Back to the form".
 * @csspart solved - "This solved my problem".
 * @csspart submit - The submit button.
 * @csspart failure - The alert of a failed submission (with `retry`).
 * @csspart retry - "Try again".
 * @csspart success - The message after a ticket was created.
 * @csspart deflected - The message after "This solved my problem".
 *
 * @cssprop --portico-ticket-form-gap - Space between fields (default: 4 spacing units).
 * @cssprop --portico-ticket-form-border-color - Borders of suggestions and the article panel (default: `--portico-color-border`).
 * @cssprop --portico-ticket-form-suggestion-background - Background of the suggestions (default: `--portico-color-surface`).
 * @cssprop --portico-ticket-form-radius - Radius of panels (default: 2 × `--portico-radius`).
 *
 * @fires portico-ticket-create-request - About to send; `detail.input` is the ticket input. Cancelable: `preventDefault()` sends nothing.
 * @fires portico-ticket-create - The ticket was created; `detail.ticket`.
 * @fires portico-article-open - A suggested article was chosen; `detail.slug`, `detail.article` (summary). Cancelable: `preventDefault()` keeps it from opening in place.
 * @fires portico-deflect - A suggested article was opened and the form left without sending; `detail.slug` (the last opened). When the element is removed, the event is dispatched on its former parent (or the document).
 * @fires portico-error - An opened suggestion failed to load (from its `<portico-kb-article>`); `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-ticket-form><h2 slot="header">Contact support</h2></portico-ticket-form>
 * </portico-provider>
 * ```
 */
export class PorticoTicketForm extends PorticoElement<TicketFormMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { tickets, attachments, articles },
    locales: {
      de: () => import('./ticket-form.messages.de.js').then((m) => m.de),
      ar: () => import('./ticket-form.messages.ar.js').then((m) => m.ar),
    },
  };

  static override properties = {
    subject: {},
    body: {},
    priority: { reflect: true },
    debounce: { type: Number },
    noSuggestions: { type: Boolean, reflect: true, attribute: 'no-suggestions' },
    submitting: { state: true },
    uploads: { state: true },
    touched: { state: true },
    attempted: { state: true },
    serverErrors: { state: true },
    failure: { state: true },
    created: { state: true },
    suggestions: { state: true },
    opened: { state: true },
    deflectedView: { state: true },
    announcement: { state: true },
  };

  /** The subject (prefill it, or read what was typed). */
  subject = '';

  /** The description (prefill it, or read what was typed). */
  body = '';

  /** The selected priority. */
  priority: TicketPriority = 'normal';

  /** Milliseconds between the last keystroke and the knowledge-base search. */
  debounce = 400;

  /** Don't suggest knowledge-base articles. */
  noSuggestions = false;

  /** Whether the form is being sent. */
  submitting = false;

  private uploads: Upload[] = [];
  private touched = new Set<Field>();
  private attempted = false;
  private serverErrors: Partial<Record<Field, string>> = {};
  private failure?: string;
  private created?: Ticket;
  private suggestions: SearchHit[] = [];
  /** The suggestion opened in place: shown (`portico-article-load`) or failed (`portico-error`) so far. */
  private opened?: { slug: string; loaded?: boolean };
  private deflectedView = false;
  private announcement = '';

  /** The idempotency key of the last failed submission and what it sent. */
  private lastAttempt?: { fingerprint: string; key: string };
  /** The last suggested article opened since the form was last sent. */
  private openedSlug?: string;
  private deflectFired = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private searchAbort?: AbortController;
  private searchedFor = '';
  private lastParent?: Node | null;
  private readonly onPageHide = () => this.deflect();

  override connectedCallback(): void {
    super.connectedCallback();
    this.lastParent = this.parentNode;
    this.deflectFired = false;
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    clearTimeout(this.searchTimer);
    this.searchAbort?.abort();
    this.deflect();
  }

  /** Clears the form (fields, files, errors, suggestions). */
  reset(): void {
    this.subject = '';
    this.body = '';
    this.priority = 'normal';
    this.uploads = [];
    this.touched = new Set();
    this.attempted = false;
    this.serverErrors = {};
    this.failure = undefined;
    this.suggestions = [];
    this.searchedFor = '';
    this.opened = undefined;
    this.lastAttempt = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('subject') || changed.has('body')) && !this.noSuggestions) this.scheduleSearch();
  }

  // ——— Validation ———

  /** The input as the contract sees it. */
  private get input(): TicketCreate {
    const attachmentIds = this.uploads.filter((u) => u.status === 'done').map((u) => u.attachment!.id);
    return { subject: this.subject, body: this.body, priority: this.priority, ...(attachmentIds.length ? { attachmentIds } : {}) };
  }

  /** Client-side errors by field, from `TicketCreate.safeParse`. */
  private get clientErrors(): Partial<Record<Field, string>> {
    const result = TicketCreateSchema.safeParse(this.input);
    const errors: Partial<Record<Field, string>> = {};
    if (result.success) return errors;
    for (const issue of result.error.issues as ZodIssueLike[]) {
      const field = fieldOf(String(issue.path[0] ?? ''));
      if (field && !errors[field]) errors[field] = this.issueMessage(field, issue);
    }
    return errors;
  }

  private issueMessage(field: Field, issue: ZodIssueLike): string {
    const { t } = this.i18n;
    const min = Number(issue.minimum ?? 0);
    const max = Number(issue.maximum ?? 0);
    if (field === 'subject' && issue.code === 'too_small') return t('ticketForm.error.subjectShort', { min });
    if (field === 'subject' && issue.code === 'too_big') return t('ticketForm.error.subjectLong', { max });
    if (field === 'body' && issue.code === 'too_small') return t('ticketForm.error.bodyEmpty');
    if (field === 'body' && issue.code === 'too_big') return t('ticketForm.error.bodyLong', { max });
    if (field === 'attachments' && issue.code === 'too_big') return t('ticketForm.error.tooManyFiles', { max });
    return t('ticketForm.error.invalid');
  }

  /** The errors on screen: the server's for a field until it is edited, else the client's for touched fields. */
  private get visibleErrors(): Partial<Record<Field, string>> {
    const client = this.clientErrors;
    const out: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const shown = this.serverErrors[field] ?? (this.attempted || this.touched.has(field) ? client[field] : undefined);
      if (shown) out[field] = shown;
    }
    return out;
  }

  // ——— Rendering ———

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <slot name="header"></slot>
      ${this.deflectedView ? this.renderDeflected() : this.created ? this.renderCreated(this.created) : this.renderForm()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderDeflected() {
    const { t } = this.i18n;
    return html`<div part="deflected" class="notice" tabindex="-1">
      <p>${t('ticketForm.deflected')}</p>
      <button class="button" type="button" @click=${this.backToForm}>${t('ticketForm.newTicket')}</button>
    </div>`;
  }

  private renderCreated(ticket: Ticket) {
    const { t } = this.i18n;
    return html`<div part="success" class="notice notice--success" tabindex="-1">
      <slot name="success"><p>${t('ticketForm.created', { number: t('ticket.numberShort', { number: String(ticket.number) }) })}</p></slot>
      <button class="button" type="button" @click=${this.backToForm}>${t('ticketForm.newTicket')}</button>
    </div>`;
  }

  private renderForm() {
    const { t } = this.i18n;
    const errors = this.visibleErrors;
    const uploading = this.uploads.some((u) => u.status === 'uploading');
    return html`<form part="form" class="form" novalidate aria-label=${t('ticketForm.label')} @submit=${this.onSubmit}>
      ${this.field(
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
          .value=${this.subject}
          ?readonly=${this.submitting}
          aria-invalid=${errors.subject ? 'true' : 'false'}
          aria-describedby=${this.describedBy('subject', errors.subject)}
          @input=${(e: Event) => this.onInput('subject', (e.target as HTMLInputElement).value)}
          @blur=${() => this.touch('subject')}
        />`,
      )}
      ${this.noSuggestions ? nothing : this.renderSuggestions()}
      ${this.field(
        'body',
        errors.body,
        html`<textarea
          part="body"
          class="field textarea"
          id="body"
          name="body"
          rows="6"
          required
          .value=${this.body}
          ?readonly=${this.submitting}
          aria-invalid=${errors.body ? 'true' : 'false'}
          aria-describedby=${this.describedBy('body', errors.body)}
          @input=${(e: Event) => this.onInput('body', (e.target as HTMLTextAreaElement).value)}
          @blur=${() => this.touch('body')}
        ></textarea>`,
      )}
      ${this.field(
        'priority',
        errors.priority,
        html`<select
          part="priority"
          class="field select"
          id="priority"
          name="priority"
          ?disabled=${this.submitting}
          aria-invalid=${errors.priority ? 'true' : 'false'}
          aria-describedby=${this.describedBy('priority', errors.priority)}
          @change=${(e: Event) => this.onInput('priority', (e.target as HTMLSelectElement).value as TicketPriority)}
        >
          ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${this.priority === p}>${t(`ticket.priority.${p}`)}</option>`)}
        </select>`,
      )}
      ${this.renderAttachments(errors.attachments)}
      ${
        this.failure
          ? html`<div part="failure" class="failure" role="alert">
              <p>${this.failure}</p>
              <button part="retry" class="button" type="button" ?disabled=${this.submitting} @click=${() => this.submit()}>
                ${t('ticketForm.retry')}
              </button>
            </div>`
          : nothing
      }
      <div class="footer">
        <button
          part="submit"
          class="button button--primary"
          type="submit"
          ?disabled=${this.submitting || uploading}
          aria-busy=${this.submitting ? 'true' : 'false'}
        >
          ${this.submitting ? t('ticketForm.submitting') : t('ticketForm.submit')}
        </button>
      </div>
    </form>`;
  }

  private field(name: Exclude<Field, 'attachments'>, error: string | undefined, control: unknown) {
    const { t } = this.i18n;
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

  private describedBy(name: Field, error: string | undefined): string | typeof nothing {
    const ids = [name === 'subject' || name === 'body' ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderAttachments(error: string | undefined) {
    const { t } = this.i18n;
    const full = this.uploads.length >= MAX_FILES;
    return html`<div part="field attachments-field" class="field-wrap">
      <span part="label" class="label" id="attachments-label">${t('ticketForm.attachments')}</span>
      ${
        this.uploads.length
          ? html`<ul part="chips" class="chips" role="list" aria-label=${t('ticketForm.files')}>
              ${repeat(
                this.uploads,
                (u) => u.localId,
                (u) => html`<li part="chip" class="chip" data-status=${u.status} aria-busy=${u.status === 'uploading' ? 'true' : 'false'}>
                  <span class="chip__name">${u.file.name}</span>
                  ${
                    u.status === 'uploading'
                      ? html`<span class="visually-hidden">${t('ticketForm.uploading', { name: u.file.name })}</span>`
                      : u.status === 'failed'
                        ? html`<span class="chip__error">${t('ticketForm.uploadFailed', { name: u.file.name })}</span>`
                        : nothing
                  }
                  <button
                    part="chip-remove"
                    class="chip__remove"
                    type="button"
                    aria-label=${t('ticketForm.remove', { name: u.file.name })}
                    ?disabled=${this.submitting}
                    @click=${() => this.removeUpload(u.localId)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="attach-row">
        <input
          class="file-input visually-hidden"
          id="files"
          type="file"
          multiple
          aria-describedby=${error ? 'attachments-error' : nothing}
          ?disabled=${this.submitting || full}
          @change=${this.onFiles}
        />
        <label part="attach" class="button" for="files">${t('ticketForm.attach')}</label>
      </div>
      ${error ? html`<p part="field-error" class="field-error" id="attachments-error" data-field="attachments">${error}</p>` : nothing}
    </div>`;
  }

  private renderSuggestions() {
    const { t } = this.i18n;
    if (this.opened) return this.renderArticle(this.opened);
    if (!this.suggestions.length) return nothing;
    return html`<section part="suggestions" class="suggestions" aria-labelledby="suggestions-heading">
      <h3 class="suggestions__heading" id="suggestions-heading">${t('ticketForm.suggestions')}</h3>
      <ul class="suggestions__list" role="list">
        ${repeat(
          this.suggestions,
          (hit) => hit.article.slug,
          (hit) => html`<li class="suggestion-item">
            <button
              part="suggestion"
              class="suggestion"
              type="button"
              data-slug=${hit.article.slug}
              aria-describedby="snippet-${hit.article.id}"
              @click=${() => this.openArticle(hit)}
            >
              ${highlighted(hit.title.length ? hit.title : [{ text: hit.article.title, highlight: false }])}
            </button>
            <p class="snippet" id="snippet-${hit.article.id}">${highlighted(hit.snippet)}</p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderArticle(open: { slug: string; loaded?: boolean }) {
    const { t } = this.i18n;
    const { lang, dir } = this.locale;
    return html`<section
      part="article"
      class="article"
      aria-labelledby="article-title"
      @keydown=${this.onArticleKeydown}
      @portico-article-load=${() => this.articleShown(open.slug, true)}
      @portico-error=${() => this.articleShown(open.slug, false)}
    >
      <h3 class="article__kicker" id="article-title" tabindex="-1">${t('ticketForm.article')}</h3>
      <portico-kb-article
        slug=${open.slug}
        heading-level="4"
        hide-feedback
        lang=${lang}
        dir=${dir}
        .client=${this.effectiveClient}
        .theme=${this.theme ?? this.contextTheme}
      ></portico-kb-article>
      <div class="article__actions">
        ${!open.loaded ? nothing : html`<button part="solved" class="button button--primary" type="button" @click=${this.solved}>${t('ticketForm.solved')}</button>`}
        <button part="article-close" class="button" type="button" @click=${this.closeArticle}>${t('ticketForm.closeArticle')}</button>
      </div>
    </section>`;
  }

  // ——— Input ———

  private onInput(field: 'subject' | 'body' | 'priority', value: string): void {
    if (field === 'priority') this.priority = value as TicketPriority;
    else this[field] = value;
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
  }

  private touch(field: Field): void {
    if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.submit();
  }

  /**
   * Validates and sends the form. Resolves with the ticket, or `undefined` when nothing was sent
   * (invalid, canceled, already sending) or sending failed.
   */
  async submit(): Promise<Ticket | undefined> {
    if (this.submitting || this.uploads.some((u) => u.status === 'uploading')) return undefined;
    const { t } = this.i18n;
    this.attempted = true;
    this.failure = undefined;
    const parsed = TicketCreateSchema.safeParse(this.input);
    const errors = this.visibleErrors;
    if (!parsed.success || Object.keys(errors).length) {
      const count = Object.keys(errors).length;
      this.announcement = count ? t('ticketForm.error.summary', { count }) : '';
      await this.focusFirstInvalid();
      return undefined;
    }
    const input = parsed.data as TicketCreate;
    if (!this.emit('portico-ticket-create-request', { input }, { cancelable: true })) return undefined;

    const fingerprint = JSON.stringify(input);
    const key = this.lastAttempt?.fingerprint === fingerprint ? this.lastAttempt.key : crypto.randomUUID();
    this.lastAttempt = { fingerprint, key };
    this.submitting = true;
    this.announcement = '';
    try {
      const client = this.effectiveClient;
      if (!client) throw Object.assign(new Error('No client'), { code: 'no_client' });
      const ticket = await client.tickets.create({ ...input, idempotencyKey: key });
      this.openedSlug = undefined; // sent: not a deflection
      this.reset();
      this.created = ticket;
      this.announcement = t('ticketForm.created', { number: t('ticket.numberShort', { number: String(ticket.number) }) });
      this.emit('portico-ticket-create', { ticket });
      return ticket;
    } catch (error) {
      const fieldErrors = (error as { fieldErrors?: Array<{ path: string; message: string }> }).fieldErrors ?? [];
      const mapped: Partial<Record<Field, string>> = {};
      for (const fe of fieldErrors) {
        const field = fieldOf(fe.path.split('.')[0] ?? '');
        if (field && !mapped[field]) mapped[field] = fe.message;
      }
      if (errorCode(error) === 'validation_failed' && Object.keys(mapped).length) {
        this.serverErrors = mapped;
        this.announcement = t('ticketForm.error.summary', { count: Object.keys(mapped).length });
        this.submitting = false;
        await this.focusFirstInvalid();
      } else {
        this.failure = t('ticketForm.failed', { reason: errorMessage(this, error) });
      }
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .field-error[data-field="attachments"]');
    const target = first?.classList.contains('field-error') ? this.renderRoot.querySelector<HTMLElement>('#files') : first;
    target?.focus();
  }

  private async backToForm(): Promise<void> {
    this.created = undefined;
    this.deflectedView = false;
    this.deflectFired = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#subject')?.focus();
  }

  // ——— Attachments ———

  private onFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    this.addFiles(files);
  }

  /** Adds files to the ticket and uploads them (at most 10). */
  addFiles(files: readonly File[]): void {
    const room = MAX_FILES - this.uploads.length;
    this.touch('attachments');
    if (files.length > room) {
      this.serverErrors = { ...this.serverErrors, attachments: this.i18n.t('ticketForm.error.tooManyFiles', { max: MAX_FILES }) };
    }
    for (const file of files.slice(0, Math.max(0, room))) void this.upload({ localId: `upload-${++seq}`, file, status: 'uploading' });
  }

  private async upload(u: Upload): Promise<void> {
    this.uploads = [...this.uploads, u];
    const update = (patch: Partial<Upload>) => {
      this.uploads = this.uploads.map((x) => (x.localId === u.localId ? { ...x, ...patch } : x));
    };
    try {
      const client = this.effectiveClient;
      if (!client) throw new Error('No client');
      update({ status: 'done', attachment: await client.attachments.upload({ file: u.file }) });
    } catch {
      update({ status: 'failed' });
    }
  }

  private removeUpload(id: string): void {
    const index = this.uploads.findIndex((u) => u.localId === id);
    this.uploads = this.uploads.filter((u) => u.localId !== id);
    if (this.serverErrors.attachments) this.serverErrors = { ...this.serverErrors, attachments: undefined };
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.chip__remove');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#files'))?.focus();
    });
  }

  // ——— Suggestions and deflection ———

  private scheduleSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.search(), this.debounce);
  }

  private async search(): Promise<void> {
    const q = `${this.subject.trim()} ${this.body.trim()}`.trim().slice(0, 200).trim();
    if (q === this.searchedFor) return;
    this.searchAbort?.abort();
    if (q.length < MIN_QUERY) {
      this.searchedFor = '';
      this.suggestions = [];
      return;
    }
    const client = this.effectiveClient;
    if (!client) return;
    const ac = new AbortController();
    this.searchAbort = ac;
    this.searchedFor = q;
    try {
      const result = await client.articles.search({ q, limit: 5, signal: ac.signal });
      if (ac.signal.aborted) return;
      const changed = result.data.map((h) => h.article.slug).join() !== this.suggestions.map((h) => h.article.slug).join();
      this.suggestions = result.data;
      if (changed && !this.opened) {
        this.announcement = result.data.length ? this.i18n.t('ticketForm.suggestionsCount', { count: result.data.length }) : '';
      }
    } catch {
      // Suggestions are a help, not a requirement: on failure, show none and let the next keystroke try again.
      if (!ac.signal.aborted) {
        this.suggestions = [];
        this.searchedFor = '';
      }
    }
  }

  private async openArticle(hit: SearchHit): Promise<void> {
    const { slug } = hit.article;
    this.openedSlug = slug;
    if (!this.emit('portico-article-open', { slug, article: hit.article }, { cancelable: true })) return;
    this.opened = { slug };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#article-title')?.focus();
  }

  /** "This solved my problem" only once the article is on screen (and not after it failed, until a retry shows it). */
  private articleShown(slug: string, loaded: boolean): void {
    if (this.opened?.slug === slug) this.opened = { slug, loaded };
  }

  private async closeArticle(): Promise<void> {
    const slug = this.opened?.slug;
    this.opened = undefined;
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>(`[part~="suggestion"][data-slug="${CSS.escape(slug ?? '')}"]`) ??
      this.renderRoot.querySelector<HTMLElement>('#subject')
    )?.focus();
  }

  private onArticleKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    void this.closeArticle();
  }

  private async solved(): Promise<void> {
    this.deflect();
    this.reset();
    this.deflectedView = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="deflected"]')?.focus();
  }

  /** Fires `portico-deflect` once if a suggestion was opened and nothing was sent since. */
  private deflect(): void {
    const slug = this.openedSlug;
    if (!slug || this.deflectFired) return;
    this.deflectFired = true;
    this.openedSlug = undefined;
    if (this.isConnected) {
      this.emit('portico-deflect', { slug });
      return;
    }
    // Removed: an event on a detached element reaches only its own listeners, so tell those
    // and the former surroundings (the parent if still in the page, else the document).
    this.emit('portico-deflect', { slug });
    const target = this.lastParent?.isConnected ? this.lastParent : this.ownerDocument;
    target.dispatchEvent(new CustomEvent('portico-deflect', { bubbles: true, composed: true, detail: { slug } }));
  }
}

const fieldOf = (key: string): Field | undefined =>
  key === 'subject' || key === 'body' || key === 'priority' ? key : key === 'attachmentIds' ? 'attachments' : undefined;

/** Search highlighting arrives as segments, never markup: render them as text with `<mark>`. */
const highlighted = (segments: Highlighted) => segments.map((s) => (s.highlight ? html`<mark>${s.text}</mark>` : s.text));
