import type { Page, Ticket, TicketPriority, TicketSort, TicketStatus } from '@portico/contract';
import { Ticket as TicketSchema } from '@portico/contract/validators';
import { tickets } from '@portico/contract/validators/tickets';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { PagesController } from '../../controllers/pages-controller.js';
import { type RenderableResource, renderState, stateStyles } from '../../controllers/render-state.js';
import { rowsKeydown } from '../../controllers/roving.js';
import { type ListState, UrlStateController } from '../../controllers/url-state.js';
import { isolate } from '../../i18n/isolate.js';
import { PRIORITY_TONE, STATUS_TONE, slaState } from '../../tickets/ticket-state.js';

export { type SlaState, slaState } from '../../tickets/ticket-state.js';

import { en, type TicketListMessageKey } from './ticket-list.messages.js';
import { styles } from './ticket-list.styles.js';

const STATUSES: readonly TicketStatus[] = ['open', 'pending', 'on_hold', 'solved', 'closed'];
const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const SORTS: readonly TicketSort[] = [
  '-updated_at',
  'updated_at',
  '-created_at',
  'created_at',
  '-priority',
  'priority',
  '-number',
  'number',
];

/**
 * The signed-in contact's tickets (or, with `scope="organization"`, all of the organization's —
 * admins only): filters by status, priority and text, sorting, cursor pages, status / priority
 * badges and an SLA indicator. Rows are one tab stop: arrow keys, Home and End move between
 * them, Enter or Space selects. Under 480 px of width rows become cards.
 *
 * Data comes from the client of the nearest `<portico-provider>` (or `.client`); `ticket` live
 * events refresh the list in place.
 *
 * @summary A filterable, paginated list of support tickets.
 *
 * @slot header - Content above the filters, e.g. a heading.
 * @slot actions - Controls beside the header, e.g. a "New ticket" button.
 * @slot empty - Shown when no ticket matches. Default: "No tickets yet." / "No tickets match these filters."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - The container of the `header` and `actions` slots.
 * @csspart filters - The filter bar.
 * @csspart search - The text filter input.
 * @csspart status-filter - The status select.
 * @csspart priority-filter - The priority select.
 * @csspart sort - The sort select.
 * @csspart list - The list of rows.
 * @csspart row - A ticket row (a button).
 * @csspart number - The ticket number in a row.
 * @csspart subject - The subject in a row.
 * @csspart meta - Assignee, message count and update time in a row.
 * @csspart badge - Every badge; also `status`, `priority` or `sla`.
 * @csspart status - A status badge.
 * @csspart priority - A priority badge.
 * @csspart sla - The SLA badge.
 * @csspart pagination - The page navigation.
 * @csspart previous - The "Previous" button.
 * @csspart next - The "Next" button.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The error state's Retry button.
 *
 * @cssprop --portico-ticket-list-row-padding - Padding of a row (default: 3 spacing units).
 * @cssprop --portico-ticket-list-row-background - Row background (default: transparent, the page shows through).
 * @cssprop --portico-ticket-list-row-hover-background - Row background on hover (default: a primary tint).
 * @cssprop --portico-ticket-list-row-selected-background - Background of the selected row (default: a primary tint).
 * @cssprop --portico-ticket-list-border-color - Borders of the list and rows (default: `--portico-color-border`).
 * @cssprop --portico-ticket-list-badge-radius - Badge corner radius (default: pill).
 * @cssprop --portico-ticket-list-card-radius - Radius of the list, and of cards on narrow widths (default: 2 × `--portico-radius`).
 * @cssprop --portico-ticket-list-gap - Space between header, filters, list and pagination (default: 3 spacing units).
 *
 * @fires portico-ticket-select - A row was activated; `detail.ticket` is the ticket. Cancelable: `preventDefault()` keeps `selected` unchanged.
 * @fires portico-state-change - What the list shows (filters, search, sort and page) changed; `detail.state` for a host's router (`restoreState(state)` shows it again).
 * @attribute url-state - Opt-in: keeps filters, search, sort and page in the page's query string under this prefix (`history.replaceState`), restored on load, so Back returns to them.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 * @event portico-ticket-select
 * @event portico-error
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-ticket-list status="open" sort="-updated_at"></portico-ticket-list>
 * </portico-provider>
 * ```
 */
export class PorticoTicketList extends PorticoElement<TicketListMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { tickets },
    locales: { de: () => import('./ticket-list.messages.de.js'), ar: () => import('./ticket-list.messages.ar.js') },
  };

  static override properties = {
    status: { reflect: true },
    priority: { reflect: true },
    query: {},
    sort: { reflect: true },
    scope: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    selected: { reflect: true },
    hideFilters: { type: Boolean, reflect: true, attribute: 'hide-filters' },
    debounce: { type: Number },
    slaWarningHours: { type: Number, attribute: 'sla-warning-hours' },
    noLive: { type: Boolean, reflect: true, attribute: 'no-live' },
    focusIndex: { state: true },
    hasHeader: { state: true },
    tickets: { attribute: false },
  };

  /** Show only tickets of this status; empty for all. */
  status: TicketStatus | '' = '';

  /** Show only tickets of this priority; empty for all. */
  priority: TicketPriority | '' = '';

  /** Text filter (subject or number). Typing in the search field sets it after `debounce` ms. */
  query = '';

  /** Sort order: a field, `-` first for descending. */
  sort: TicketSort = '-updated_at';

  /** `mine`: the contact's own tickets; `organization`: all of the organization's (admins only, else a "no access" error). */
  scope: 'mine' | 'organization' = 'mine';

  /** Tickets per page (1–100). */
  pageSize = 25;

  /** Id of the selected ticket (its row has `aria-current="true"`). Set by a non-canceled `portico-ticket-select`. */
  selected = '';

  /** Hides the filter bar (filters set by attributes still apply). */
  hideFilters = false;

  /** Milliseconds between the last keystroke in the search field and the request. */
  debounce = 300;

  /** Hours before an SLA target from which a ticket shows "due soon". */
  slaWarningHours = 4;

  /** Don't refresh on live `ticket` events. */
  noLive = false;

  private focusIndex = 0;
  private hasHeader = false;

  private searchTimer?: ReturnType<typeof setTimeout>;
  private preloaded?: readonly Ticket[];
  /** The preloaded tickets as a resource: complete, or an `invalid_response` error when malformed. */
  private local?: RenderableResource<Page<Ticket>>;

  /** One page of tickets at a time (Previous / Next); a new filter starts from the first. */
  private readonly pages = new PagesController(this, {
    mode: 'pages',
    args: () =>
      [this.preloaded !== undefined, this.status, this.priority, this.query.trim(), this.sort, this.scope, this.pageSize] as const,
    load: async (client, [local, status, priority, q, sort, scope, limit], cursor, { signal }): Promise<Page<Ticket>> =>
      local
        ? { data: [], nextCursor: null }
        : client.tickets.list({
            status: status || undefined,
            priority: priority || undefined,
            q: q || undefined,
            sort,
            scope,
            limit: Math.min(100, Math.max(1, Math.trunc(limit) || 25)),
            cursor,
            signal,
          }),
    live: (event) => !this.noLive && !this.preloaded && event.resource.kind === 'ticket',
    enabled: () => this.preloaded === undefined,
  });

  /** Filters, search, sort and page for the host's router or the URL (`url-state`, `portico-state-change`). */
  private readonly state = new UrlStateController(
    this,
    () => ({ status: this.status, priority: this.priority, query: this.query, sort: this.sort, page: this.pages.position }),
    (s) => this.restoreState(s),
  );

  /**
   * Shows the list as a `portico-state-change` described it (what a router-driven host stored):
   * unknown or invalid values are ignored.
   */
  restoreState(state: ListState): void {
    const { status, priority, query, sort, page } = state;
    if (status === '' || STATUSES.includes(status as TicketStatus)) this.status = status as TicketStatus | '';
    if (priority === '' || PRIORITIES.includes(priority as TicketPriority)) this.priority = priority as TicketPriority | '';
    if (query !== undefined) this.query = query.slice(0, 200);
    if (SORTS.includes(sort as TicketSort)) this.sort = sort as TicketSort;
    if (page !== undefined) this.pages.position = page;
  }

  /** Loads the current page again (the rows stay visible, marked busy). */
  refresh(): Promise<void> {
    return this.pages.refresh();
  }

  /**
   * The tickets on screen (the current page), or `[]` before the first load. Set it to show these
   * tickets (e.g. a host's own data, or server-rendered): the list then requests nothing and shows
   * them in the given order, without filters or pagination (the host owns the data); malformed
   * tickets show the error state. `undefined` loads from the client again.
   */
  get tickets(): readonly Ticket[] {
    return (this.local ? this.local.value?.data : this.pages.resource.value?.data) ?? [];
  }
  set tickets(value: readonly Ticket[] | undefined) {
    const old = this.tickets;
    this.preloaded = value;
    this.local = undefined;
    if (value !== undefined) {
      const valid = Array.isArray(value) && value.every((t) => TicketSchema.safeParse(t).success);
      const error = Object.assign(new Error('malformed tickets'), { code: 'invalid_response' });
      this.local = valid
        ? { state: 'complete', value: { data: value, nextCursor: null }, error: undefined, refresh: () => undefined }
        : { state: 'error', value: undefined, error, refresh: () => undefined };
    }
    this.requestUpdate('tickets', old);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new filter starts again from the first page (the page controller goes back to it).
    const filters = ['status', 'priority', 'query', 'sort', 'scope', 'pageSize'] as const;
    if (this.hasUpdated && filters.some((name) => changed.has(name))) this.focusIndex = 0;
  }

  protected override render() {
    const { lang, dir } = this.locale;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onHeaderSlotChange}></slot>
        <slot name="actions" @slotchange=${this.onHeaderSlotChange}></slot>
      </div>
      ${this.hideFilters || this.local ? nothing : this.renderFilters()}
      ${renderState(this, this.local ?? this.pages.resource, {
        complete: (page) => this.renderRows(page.data),
        isEmpty: (page) => page.data.length === 0 && !this.pages.hasPrevious,
        emptyText: this.i18n.t(this.status || this.priority || this.query.trim() ? 'ticketList.emptyFiltered' : 'ticketList.empty'),
        skeleton: () => html`${[0, 1, 2, 3].map(() => html`<div class="skeleton-line"></div>`)}`,
      })}
      ${this.renderPagination()}
    </div>`;
  }

  private renderFilters() {
    const { t } = this.i18n;
    return html`<div part="filters" class="filters" role="group" aria-label=${t('ticketList.filters')}>
      <label class="filter filter--search">
        <span class="filter__label">${t('ticketList.search')}</span>
        <input
          part="search"
          class="field"
          type="search"
          .value=${this.query}
          placeholder=${t('ticketList.searchPlaceholder')}
          maxlength="200"
          @input=${this.onSearchInput}
          @search=${this.onSearchInput}
        />
      </label>
      <label class="filter">
        <span class="filter__label">${t('ticketList.status')}</span>
        <select part="status-filter" class="field" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as TicketStatus | '')}>
          <option value="" ?selected=${!this.status}>${t('ticketList.allStatuses')}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t(`ticket.status.${s}`)}</option>`)}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">${t('ticketList.priority')}</span>
        <select part="priority-filter" class="field" @change=${(e: Event) => (this.priority = (e.target as HTMLSelectElement).value as TicketPriority | '')}>
          <option value="" ?selected=${!this.priority}>${t('ticketList.allPriorities')}</option>
          ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${this.priority === p}>${t(`ticket.priority.${p}`)}</option>`)}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">${t('ticketList.sort')}</span>
        <select part="sort" class="field" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as TicketSort)}>
          ${SORTS.map((s) => html`<option value=${s} ?selected=${this.sort === s}>${t(`ticketList.sort.${s}` as TicketListMessageKey)}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private renderRows(tickets: readonly Ticket[]) {
    const { t, relativeTime } = this.i18n;
    const focus = Math.min(this.focusIndex, tickets.length - 1);
    const now = Date.now();
    // One template per row, no whitespace between its elements and no per-row listeners (the list
    // delegates click and focus): a list of 1,000 tickets renders in about the time bare DOM takes.
    // biome-ignore format: the row template is kept on few lines on purpose (no whitespace text nodes)
    return html`<ul part="list" class="list" role="list" aria-label=${t('ticketList.label')} @keydown=${this.onListKeydown} @click=${this.onListClick} @focusin=${this.onListFocus}>${repeat(
        tickets,
        (ticket) => ticket.id,
        (ticket, i) => {
          const sla = slaState(ticket, now, this.slaWarningHours);
          return html`<li class="item"><button part="row" class="row" type="button" data-id=${ticket.id} data-index=${i} tabindex=${i === focus ? '0' : '-1'} aria-current=${this.selected === ticket.id ? 'true' : nothing}><span part="number" class="number">${t('ticket.numberShort', { number: String(ticket.number) })}</span><span part="subject" class="subject" dir="auto">${ticket.subject}</span><span class="badges"><span part="badge status" class="badge" data-tone=${STATUS_TONE[ticket.status] ?? 'muted'} data-status=${ticket.status}><span class="visually-hidden">${t('ticket.statusLabel')}:</span> ${t(`ticket.status.${ticket.status}`)}</span><span part="badge priority" class="badge" data-tone=${PRIORITY_TONE[ticket.priority] ?? 'muted'} data-priority=${ticket.priority}><span class="visually-hidden">${t('ticket.priorityLabel')}:</span> ${t(`ticket.priority.${ticket.priority}`)}</span>${
            sla?.kind === 'breached'
              ? html`<span part="badge sla" class="badge" data-tone="danger" data-sla="breached">${t('ticket.sla.breached')}</span>`
              : sla?.kind === 'due-soon'
                ? html`<span part="badge sla" class="badge" data-tone="warning" data-sla="due-soon">${t('ticket.sla.dueSoon', { time: relativeTime(sla.dueAt) })}</span>`
                : nothing
          }</span><span part="meta" class="meta">${this.renderMeta(ticket)}</span></button></li>`;
        },
      )}</ul>`;
  }

  private onListClick(e: MouseEvent): void {
    const row = (e.target as Element).closest<HTMLElement>('.row');
    const ticket = row ? this.tickets[Number(row.dataset.index)] : undefined;
    if (ticket) this.select(ticket);
  }

  private onListFocus(e: FocusEvent): void {
    const row = (e.target as Element).closest<HTMLElement>('.row');
    if (row) this.focusIndex = Number(row.dataset.index);
  }

  private renderMeta(ticket: Ticket) {
    const { t, relativeTime } = this.i18n;
    return [
      ticket.assigneeName ? isolate(t, 'ticket.assignee', { name: ticket.assigneeName }, 'name') : t('ticket.unassigned'),
      ` · ${t('ticket.messages', { count: ticket.messageCount })} · ${t('ticket.updated', { time: relativeTime(ticket.updatedAt) })}`,
    ];
  }

  private renderPagination() {
    const pages = this.pages;
    const state = pages.resource.state;
    if (this.local || !pages.resource.value || state === 'error' || state === 'loading') return nothing;
    if (!pages.hasPrevious && !pages.hasNext) return nothing;
    const { t } = this.i18n;
    const go = (step: () => void) => () => {
      step.call(pages);
      this.focusIndex = 0;
    };
    return html`<nav part="pagination" class="pagination" aria-label=${t('ticketList.pagination')}>
      <button part="previous" class="button" type="button" ?disabled=${!pages.hasPrevious} @click=${go(pages.previousPage)}>${t('ticketList.previous')}</button>
      <span class="pagination__page">${t('ticketList.page', { page: pages.page })}</span>
      <button part="next" class="button" type="button" ?disabled=${!pages.hasNext} @click=${go(pages.nextPage)}>${t('ticketList.next')}</button>
    </nav>`;
  }

  private select(ticket: Ticket): void {
    if (this.emit('portico-ticket-select', { ticket }, { cancelable: true })) this.selected = ticket.id;
  }

  private onSearchInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.query = value;
    }, this.debounce);
  }

  private onHeaderSlotChange(): void {
    const slots = this.renderRoot.querySelectorAll<HTMLSlotElement>('.header slot');
    this.hasHeader = [...slots].some((s) => s.assignedNodes({ flatten: true }).length > 0);
  }

  private onListKeydown(e: KeyboardEvent): void {
    const next = rowsKeydown(this.renderRoot, e);
    if (next >= 0) this.focusIndex = next;
  }
}
