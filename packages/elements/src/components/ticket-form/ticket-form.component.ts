import type { SearchHit, Ticket, TicketCreate, TicketPriority } from '@portico/contract';
import { TicketCreate as TicketCreateSchema } from '@portico/contract/validators';
import { articles } from '@portico/contract/validators/articles';
import { tickets } from '@portico/contract/validators/tickets';
import { html, type PropertyValues } from 'lit';
import { PorticoElement, waitFor } from '../../base/portico-element.js';
import { MutationController } from '../../controllers/mutation-controller.js';
import { stateStyles } from '../../controllers/render-state.js';
import { errorCode } from '../../controllers/resource-controller.js';
import { SearchController } from '../../controllers/search-controller.js';
import type { UploadMessageKey } from '../../controllers/upload.messages.js';
import { UploadController } from '../../controllers/upload-controller.js';
import { failureStyles } from '../../styles/failure.styles.js';
import { en, type TicketFormMessageKey } from './ticket-form.messages.js';
import { styles } from './ticket-form.styles.js';
import { renderCreated, renderDeflected, renderForm, type TicketFormView } from './ticket-form.templates.js';
import type { Field, FieldErrors } from './ticket-form.validation.js';

export type { PorticoDeflectDetail, PorticoTicketCreateDetail, PorticoTicketCreateRequestDetail } from './ticket-form.events.js';

const FIELDS: readonly Field[] = ['subject', 'body', 'priority', 'attachments'];
type Validation = typeof import('./ticket-form.validation.js');
let validation: Validation | undefined;
let validationLoading: Promise<Validation> | undefined;
/** The validation messages, loaded once a field was left or the form submitted; a failed download is tried again. */
const loadValidation = () =>
  (validationLoading ??= import('./ticket-form.validation.js').then(
    (m) => (validation = m),
    (error) => {
      validationLoading = undefined;
      throw error;
    },
  ));

/**
 * A form for a new support ticket: subject, description, priority and attachments, validated
 * inline against the contract's `TicketCreate` schema (errors show once a field was left or the
 * form was submitted; submit focuses the first invalid field). Server-side field errors land on
 * their fields; any other failure shows an alert with "Try again", which — like a second click —
 * reuses the same idempotency key, so one ticket is created however often it is sent.
 *
 * Attachments are checked against the server's limits (`GET /attachments/policy`: size, number,
 * types — said under the field) before they are sent, upload with a progress bar, and can be
 * stopped, retried or removed; a refused file says why (the limit, or the accepted types).
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
 * @csspart files-hint - What may be attached: how many files, how large, which types (the server's limits).
 * @csspart attach - The "Attach files" button (a label of a hidden file input).
 * @csspart chips - The list of picked files.
 * @csspart chip - A picked file; `data-status` is `uploading`, `done` or `failed`.
 * @csspart chip-progress - A chip's progress bar while it uploads.
 * @csspart chip-retry - "Try again" on a chip whose upload failed (network or server).
 * @csspart chip-remove - A chip's remove button (while uploading: stops the upload).
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
export class PorticoTicketForm extends PorticoElement<TicketFormMessageKey | UploadMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { tickets, articles },
    locales: { de: () => import('./ticket-form.messages.de.js'), ar: () => import('./ticket-form.messages.ar.js') },
  };

  static override properties = {
    subject: {},
    body: {},
    priority: { reflect: true },
    debounce: { type: Number },
    noSuggestions: { type: Boolean, reflect: true, attribute: 'no-suggestions' },
    submitting: { state: true },
    touched: { state: true },
    attempted: { state: true },
    serverErrors: { state: true },
    created: { state: true },
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

  private touched = new Set<Field>();
  private attempted = false;
  private serverErrors: FieldErrors = {};
  private created?: Ticket;
  /** The suggestion opened in place: shown (`portico-article-load`) or failed (`portico-error`) so far. */
  private opened?: { slug: string; loaded?: boolean };
  private deflectedView = false;
  private announcement = '';

  /** The last suggested article opened since the form was last sent. */
  private openedSlug?: string;
  private deflectFired = false;
  private lastParent?: Node | null;
  /** The suggestions on screen when the count was last announced. */
  private announced?: unknown;
  private readonly onPageHide = () => this.deflect();

  private readonly uploads = new UploadController(this);

  private readonly search = new SearchController(this, {
    debounce: () => this.debounce,
    minLength: () => 3,
    limit: () => 5,
    enabled: () => !this.noSuggestions,
    quiet: true, // suggestions are a help, not a requirement: a failed search shows none
  });

  private readonly sending = new MutationController(this, {
    send: (client, input: TicketCreate, { key, signal }) => client.tickets.create({ ...input, idempotencyKey: key, signal }),
    request: (input) => ['portico-ticket-create-request', { input }],
    onSuccess: (ticket) => {
      const { t } = this.i18n;
      this.openedSlug = undefined; // sent: not a deflection
      this.reset();
      this.created = ticket;
      this.announcement = t('ticketForm.created', { number: t('ticket.numberShort', { number: String(ticket.number) }) });
    },
    success: (ticket) => ['portico-ticket-create', { ticket }],
    onError: (error) => {
      // submit() loaded the validation module before sending.
      const mapped = validation!.serverFieldErrors(error);
      const count = Object.keys(mapped).length;
      if (errorCode(error) !== 'validation_failed' || !count) return;
      // Field errors show on their fields, not in the alert (the same input keeps its key).
      this.sending.clearError();
      this.serverErrors = mapped;
      this.announcement = this.i18n.t('ticketForm.error.summary', { count });
      void this.focusFirstInvalid();
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.lastParent = this.parentNode;
    this.deflectFired = false;
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    this.deflect();
  }

  /** Clears the form (fields, files, errors, suggestions). */
  reset(): void {
    this.subject = '';
    this.body = '';
    this.priority = 'normal';
    this.uploads.clear();
    this.touched = new Set();
    this.attempted = false;
    this.serverErrors = {};
    this.sending.clearError();
    this.search.now('');
    this.opened = undefined;
  }

  /**
   * Validates and sends the form. Resolves with the ticket, or `undefined` when nothing was sent
   * (invalid, canceled, already sending) or sending failed.
   */
  async submit(): Promise<Ticket | undefined> {
    if (this.sending.pending || this.uploads.uploading) return undefined;
    this.attempted = true;
    this.sending.clearError();
    const { data } = (await loadValidation()).validate(TicketCreateSchema, this.i18n.t, this.input);
    const count = Object.keys(this.visibleErrors).length;
    if (!data || count) {
      this.announcement = count ? this.i18n.t('ticketForm.error.summary', { count }) : '';
      await this.focusFirstInvalid();
      return undefined;
    }
    this.announcement = '';
    const ticket = await this.sending.run(data);
    this.submitting = this.sending.pending;
    return ticket;
  }

  /** Adds files to the ticket and uploads them (as many as the server takes, 10 by default). */
  addFiles(files: readonly File[]): void {
    this.touch('attachments');
    this.uploads.add(files);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.submitting = this.sending.pending;
    if ((changed.has('subject') || changed.has('body')) && !this.noSuggestions) this.search.type(`${this.subject} ${this.body}`);
    // Say how many articles are suggested when the set changes (not while one is open).
    const value = this.search.resource.value;
    if (this.search.resource.state === 'complete' && value !== this.announced) {
      const before = this.announced;
      this.announced = value;
      const count = this.search.results.length;
      if (before !== undefined && !this.opened) this.announcement = count ? this.i18n.t('ticketForm.suggestionsCount', { count }) : '';
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const view = this as unknown as TicketFormView;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <slot name="header"></slot>
      ${this.deflectedView ? renderDeflected(view) : this.created ? renderCreated(view, this.created) : renderForm(view)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  /** The input as the contract sees it. */
  private get input(): TicketCreate {
    const attachmentIds = this.uploads.attachments.map((a) => a.id);
    return { subject: this.subject, body: this.body, priority: this.priority, ...(attachmentIds.length ? { attachmentIds } : {}) };
  }

  /** The errors on screen: the server's for a field until it is edited, else the client's for touched fields. */
  private get visibleErrors(): FieldErrors {
    const checked = this.attempted || this.touched.size > 0;
    if (checked && !validation) waitFor(this, loadValidation());
    const client = checked && validation ? validation.validate(TicketCreateSchema, this.i18n.t, this.input).errors : {};
    const overflow = this.uploads.overflow ? this.i18n.t('ticketForm.error.tooManyFiles', { max: this.uploads.policy.maxFiles }) : '';
    const out: FieldErrors = {};
    for (const field of FIELDS) {
      const shown =
        this.serverErrors[field] ??
        ((field === 'attachments' && overflow) || (this.attempted || this.touched.has(field) ? client[field] : undefined));
      if (shown) out[field] = shown;
    }
    return out;
  }

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

  // ——— Suggestions and deflection ———

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
    this.emit('portico-deflect', { slug });
    if (this.isConnected) return;
    // Removed: an event on a detached element reaches only its own listeners, so tell the former
    // surroundings too (the parent if still in the page, else the document).
    const target = this.lastParent?.isConnected ? this.lastParent : this.ownerDocument;
    target.dispatchEvent(new CustomEvent('portico-deflect', { bubbles: true, composed: true, detail: { slug } }));
  }
}
