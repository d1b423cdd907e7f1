import type { InvoiceStatus, InvoiceSummary, InvoiceTotals, Page } from '@portico/contract';
import { SafeUrl } from '@portico/contract/validators';
import { invoices } from '@portico/contract/validators/invoices';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { type RenderableResource, renderState, stateStyles } from '../../controllers/render-state.js';
import { isAbort, ResourceController } from '../../controllers/resource-controller.js';
import { rovingTarget } from '../../controllers/roving.js';

export type { PorticoInvoiceLinkDetail, PorticoInvoiceSelectDetail } from './invoice-table.events.js';

import { en, type InvoiceTableMessageKey } from './invoice-table.messages.js';
import { styles } from './invoice-table.styles.js';

export type InvoiceSort = 'issued_at' | '-issued_at' | 'due_at' | '-due_at' | 'total' | '-total';
type SortField = 'issued_at' | 'due_at' | 'total';
/** The filter select's values: every status, plus `overdue` (open with an amount due past its due date). */
export type InvoiceFilter = '' | 'overdue' | InvoiceStatus;
export type InvoiceCurrencyTotal = InvoiceTotals['data'][number];

const STATUSES: readonly InvoiceStatus[] = ['open', 'paid', 'draft', 'void', 'uncollectible'];
const SORTS: ReadonlySet<string> = new Set(['issued_at', '-issued_at', 'due_at', '-due_at', 'total', '-total']);
const STATUS_TONE: Record<InvoiceStatus, string> = {
  draft: 'muted',
  open: 'primary',
  paid: 'success',
  void: 'muted',
  uncollectible: 'danger',
};
const EMPTY_PAGE: Page<InvoiceSummary> = { data: [], nextCursor: null };
/**
 * Up to this many invoices, with no further page to load, the table renders every row; a longer
 * table loads the virtualizer (a lazy chunk) and renders only the rows near the viewport.
 */
export const PLAIN_ROWS = 50;
type Virtual = typeof import('./invoice-table.virtual.js');
let virtual: Virtual | undefined;
let virtualLoading: Promise<Virtual> | undefined;
/** Loads the virtualizer once; a failed download is forgotten, so the next render tries again. */
const loadVirtual = () => {
  virtualLoading ??= import('./invoice-table.virtual.js').then(
    (m) => (virtual = m),
    (error) => {
      virtualLoading = undefined;
      throw error;
    },
  );
  return virtualLoading;
};

/** Rows from the end of the loaded ones at which the next page is requested. */
const PREFETCH_ROWS = 30;

/**
 * The contract's `SafeUrl` rule (an absolute http(s) URL or a same-origin path, no control
 * characters, ≤ 4,096 characters), by its own validator. The client already rejects anything else;
 * this guards invoices a host passes in `.invoices`.
 */
export function isSafeLink(value: string | null | undefined): value is string {
  return SafeUrl.safeParse(value).success;
}

const cmpTime = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1; // no due date last, both directions
  if (b === null) return -1;
  // Same-format ISO strings order like their instants; fall back to parsing otherwise.
  if (a.length === b.length) return a < b ? -1 : 1;
  return Date.parse(a) - Date.parse(b);
};

/** A comparator for `sort` (descending for `-field`; no due date always last). */
export function invoiceComparator(sort: InvoiceSort): (a: InvoiceSummary, b: InvoiceSummary) => number {
  const desc = sort.startsWith('-');
  const field = sort.replace(/^-/, '') as SortField;
  const base =
    field === 'total'
      ? (a: InvoiceSummary, b: InvoiceSummary) => a.total - b.total
      : field === 'due_at'
        ? (a: InvoiceSummary, b: InvoiceSummary) => cmpTime(a.dueAt, b.dueAt)
        : (a: InvoiceSummary, b: InvoiceSummary) => cmpTime(a.issuedAt, b.issuedAt);
  if (!desc) return base;
  return field === 'due_at' ? (a, b) => (a.dueAt === null || b.dueAt === null ? base(a, b) : -base(a, b)) : (a, b) => -base(a, b);
}

/** Sorts a copy unless `rows` already are in order (one linear pass: a server's or host's order is usually right). */
export function sortInvoices(rows: readonly InvoiceSummary[], sort: InvoiceSort): readonly InvoiceSummary[] {
  const cmp = invoiceComparator(sort);
  for (let i = 1; i < rows.length; i++) {
    if (cmp(rows[i - 1]!, rows[i]!) > 0) return [...rows].sort(cmp);
  }
  return rows;
}

/** Totals per currency (sorted by code); amounts of different currencies are never added together. */
export function totalsByCurrency(rows: readonly InvoiceSummary[]): InvoiceCurrencyTotal[] {
  const by = new Map<string, InvoiceCurrencyTotal>();
  for (const r of rows) {
    let t = by.get(r.currency);
    if (!t) {
      t = { currency: r.currency, count: 0, total: 0, amountDue: 0 };
      by.set(r.currency, t);
    }
    t.count++;
    t.total += r.total;
    t.amountDue += r.amountDue;
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

const matchesFilter = (filter: InvoiceFilter) => (r: InvoiceSummary) => (filter === 'overdue' ? r.overdue : r.status === filter);

/**
 * The organization's invoices as an accessible, virtualized table: a status filter, sorting by
 * issue date, due date or amount, amounts formatted per currency, an overdue badge, totals per
 * currency for the current filter, PDF and Pay links. Only the rows near the viewport are in the
 * DOM, so 100,000 invoices scroll smoothly; pages load as the user scrolls near the end (or pass
 * them all in `.invoices`). Under 480 px of width rows become cards.
 *
 * The table is one tab stop: arrow keys, Page Up/Down, Home and End move between rows, Enter
 * selects; Tab from a row reaches its links. Rows keep `aria-rowindex` and the table
 * `aria-rowcount`, so assistive technology knows where it is although most rows are not rendered.
 *
 * Data comes from the client of the nearest `<portico-provider>` (or `.client`), admins only;
 * `invoice` live events refresh it.
 *
 * @summary A virtualized, sortable table of invoices with per-currency totals.
 *
 * @slot header - Content above the filter, e.g. a heading.
 * @slot actions - Controls beside the header.
 * @slot empty - Shown when no invoice matches. Default: "No invoices yet." / "No invoices match this filter."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart header - The container of the `header` and `actions` slots.
 * @csspart toolbar - The bar holding the filter and the totals.
 * @csspart filter - The status filter select.
 * @csspart totals - The totals (one `total` per currency).
 * @csspart total - The totals of one currency (`data-currency`).
 * @csspart table - The element with `role="table"`.
 * @csspart head - The header row.
 * @csspart columnheader - A column header; also `sortable` for the sortable ones.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart body - The row group holding the (virtualized) rows.
 * @csspart row - An invoice row (`data-id`, `data-index`).
 * @csspart cell - Every cell; also `number`, `issued`, `due`, `status`, `amount` or `actions`.
 * @csspart badge - Every badge; also `status-badge` or `overdue`.
 * @csspart download - A PDF link.
 * @csspart pay - A Pay link.
 * @csspart more - The "loading more" / "couldn't load more" line under the table.
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button (error state, or a failed next page).
 *
 * @cssprop --portico-invoice-table-row-padding - Padding of a cell (default: spacing s × m).
 * @cssprop --portico-invoice-table-row-background - Row background (default: `--portico-color-background`).
 * @cssprop --portico-invoice-table-row-hover-background - Row background on hover.
 * @cssprop --portico-invoice-table-row-selected-background - Background of the selected row.
 * @cssprop --portico-invoice-table-header-background - Background of the (sticky) header row.
 * @cssprop --portico-invoice-table-border-color - Borders (default: `--portico-color-border`).
 * @cssprop --portico-invoice-table-radius - Radius of the table and of cards (default: twice `--portico-radius`).
 * @cssprop --portico-invoice-table-badge-radius - Badge radius (default: pill).
 * @cssprop --portico-invoice-table-gap - Space between header, toolbar and table (default: spacing m).
 * @cssprop --portico-invoice-table-sticky-top - Offset of the sticky header row, e.g. under a fixed page header (default: 0).
 *
 * @fires portico-invoice-select - A row was activated (Enter or a click outside its links); `detail.invoice`. Cancelable: keeps `selected`.
 * @fires portico-invoice-download - A PDF link was activated; `detail.invoice`, `detail.url`. Cancelable: the link is not followed.
 * @fires portico-invoice-pay - A Pay link was activated; `detail.invoice`, `detail.url`. Cancelable: the link is not followed.
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-provider base-url="https://portal.example.com">
 *   <portico-invoice-table filter="open" sort="-due_at"></portico-invoice-table>
 * </portico-provider>
 * ```
 */
export class PorticoInvoiceTable extends PorticoElement<InvoiceTableMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, styles];
  static override resources = {
    en,
    endpoints: { invoices },
    locales: {
      de: () => import('./invoice-table.messages.de.js').then((m) => m.de),
      ar: () => import('./invoice-table.messages.ar.js').then((m) => m.ar),
    },
  };

  static override properties = {
    filter: { reflect: true },
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    selected: { reflect: true },
    hideFilter: { type: Boolean, reflect: true, attribute: 'hide-filter' },
    hideTotals: { type: Boolean, reflect: true, attribute: 'hide-totals' },
    invoices: { attribute: false },
    more: { state: true },
    nextCursor: { state: true },
    moreState: { state: true },
    focusIndex: { state: true },
    range: { state: true },
    hasHeader: { state: true },
  };

  /** Show only invoices of this status, or `overdue` ones; empty for all. */
  filter: InvoiceFilter = '';

  /** Sort order: `issued_at`, `due_at` or `total`, `-` first for descending. */
  sort: InvoiceSort = '-issued_at';

  /** Invoices per request (1–100) while scrolling. */
  pageSize = 50;

  /** Id of the selected invoice (its row has `aria-current="true"`). Set by a non-canceled `portico-invoice-select`. */
  selected = '';

  /** Hides the filter select (`filter` still applies). */
  hideFilter = false;

  /** Hides the totals. */
  hideTotals = false;

  /**
   * Preloaded invoices. When set, the table shows them (filtered, sorted and totalled locally)
   * and requests nothing; `undefined` (the default) loads from the client.
   */
  invoices?: readonly InvoiceSummary[];

  private more: InvoiceSummary[] = [];
  private nextCursor: string | null = null;
  private moreState: 'idle' | 'loading' | 'error' = 'idle';
  private focusIndex = 0;
  private range = { first: 0, last: -1 };
  private hasHeader = false;

  private moreAbort?: AbortController;
  private localView: readonly InvoiceSummary[] = [];
  private localTotals: InvoiceCurrencyTotal[] = [];
  private remoteView: { page?: Page<InvoiceSummary>; more?: InvoiceSummary[]; rows: readonly InvoiceSummary[] } = { rows: [] };

  private readonly list = new ResourceController(this, {
    args: () => [this.invoices !== undefined, this.filter, this.sort, this.pageSize] as const,
    load: async (client, [local, filter, sort], { signal }): Promise<Page<InvoiceSummary>> => {
      this.resetMore();
      if (local) return EMPTY_PAGE;
      const page = await client.invoices.list({ ...this.query(filter), sort, limit: this.limit, signal });
      if (!signal.aborted) this.nextCursor = page.nextCursor;
      return page;
    },
    live: ['invoice'],
  });

  private readonly totals = new ResourceController(this, {
    args: () => [this.invoices !== undefined || this.hideTotals, this.filter] as const,
    load: (client, [skip, filter], { signal }): Promise<InvoiceTotals> =>
      skip ? Promise.resolve({ data: [] }) : client.invoices.totals({ ...this.query(filter), signal }),
    live: ['invoice'],
  });

  /** Loads again from the first page (rows stay visible, marked busy). */
  async refresh(): Promise<void> {
    await Promise.all([this.list.refresh(), this.totals.refresh()]);
  }

  /** The invoices in table order: the pages loaded so far, or the filtered and sorted `.invoices`. */
  get rows(): readonly InvoiceSummary[] {
    return this.invoices !== undefined ? this.localView : this.remoteRows();
  }

  /** Scrolls row `index` into view and focuses it (it becomes the table's tab stop). */
  async focusRow(index: number): Promise<void> {
    const rows = this.rows;
    if (!rows.length) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    this.focusIndex = i;
    let row = this.rowElement(i);
    if (!row) {
      const body = this.renderRoot.querySelector('.body');
      if (virtual && body)
        (body as import('./invoice-table.virtual.js').VirtualizerHostElement)[virtual.virtualizerRef]
          ?.element(i)
          ?.scrollIntoView({ block: 'nearest' });
      for (let tries = 0; !row && tries < 10; tries++) {
        await new Promise((r) => requestAnimationFrame(r));
        await this.updateComplete;
        row = this.rowElement(i);
      }
    }
    await this.updateComplete;
    row?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resetMore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('filter') || changed.has('sort') || changed.has('invoices')) {
      if (!SORTS.has(this.sort)) this.sort = '-issued_at';
      this.focusIndex = 0;
      if (this.invoices !== undefined) {
        const all = Array.isArray(this.invoices) ? this.invoices : [];
        const filtered = this.filter ? all.filter(matchesFilter(this.filter)) : all;
        this.localView = sortInvoices(filtered, this.sort);
        this.localTotals = totalsByCurrency(this.localView);
      } else {
        this.localView = [];
        this.localTotals = [];
      }
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const local = this.invoices !== undefined;
    const resource: RenderableResource<Page<InvoiceSummary>> = local
      ? { state: 'complete', value: EMPTY_PAGE, error: undefined, refresh: () => undefined }
      : this.list;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onHeaderSlotChange}></slot>
        <slot name="actions" @slotchange=${this.onHeaderSlotChange}></slot>
      </div>
      ${this.hideFilter && this.hideTotals ? nothing : html`<div part="toolbar" class="toolbar">${this.renderFilter()}${this.renderTotals()}</div>`}
      ${renderState(this, resource, {
        complete: () => this.renderTable(),
        isEmpty: () => this.rows.length === 0,
        emptyText: this.t(this.filter ? 'invoiceTable.emptyFiltered' : 'invoiceTable.empty'),
        skeleton: () => html`${[0, 1, 2, 3].map(() => html`<div class="skeleton-line"></div>`)}`,
      })}
    </div>`;
  }

  private t(key: InvoiceTableMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  private query(filter: InvoiceFilter) {
    return filter === 'overdue' ? { overdue: 'true' as const } : filter ? { status: filter } : {};
  }

  private get limit(): number {
    return Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 50));
  }

  private remoteRows(): readonly InvoiceSummary[] {
    const page = this.list.value;
    const cached = this.remoteView;
    if (cached.page !== page || cached.more !== this.more) {
      this.remoteView = { page, more: this.more, rows: page ? (this.more.length ? [...page.data, ...this.more] : page.data) : [] };
    }
    return this.remoteView.rows;
  }

  private renderFilter() {
    if (this.hideFilter) return nothing;
    return html`<label class="filter">
      <span class="filter__label">${this.t('invoiceTable.filter')}</span>
      <select part="filter" class="field" .value=${this.filter} @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as InvoiceFilter)}>
        <option value="" ?selected=${!this.filter}>${this.t('invoiceTable.filter.all')}</option>
        <option value="overdue" ?selected=${this.filter === 'overdue'}>${this.t('invoiceTable.filter.overdue')}</option>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${this.t(`invoiceTable.status.${s}`)}</option>`)}
      </select>
    </label>`;
  }

  private currentTotals(): InvoiceCurrencyTotal[] | 'error' | undefined {
    if (this.invoices !== undefined) return this.localTotals;
    if (this.totals.state === 'error') return 'error';
    return this.totals.value?.data;
  }

  private renderTotals() {
    if (this.hideTotals) return nothing;
    const totals = this.currentTotals();
    const { money } = this.i18n;
    return html`<div part="totals" class="totals" role="group" aria-label=${this.t('invoiceTable.totals')}>
      ${
        totals === 'error'
          ? html`<span class="totals__error">${this.t('invoiceTable.totalsUnavailable')}</span>`
          : (totals ?? []).map(
              (x) => html`<span part="total" class="total" data-currency=${x.currency}>
                <strong class="total__amount">${money(x.total, x.currency)}</strong>
                <span class="total__meta">${this.t('invoiceTable.totalsCount', { count: x.count })}${
                  x.amountDue > 0 ? html` · ${this.t('invoiceTable.totalsDue', { amount: money(x.amountDue, x.currency) })}` : nothing
                }</span>
              </span>`,
            )
      }
    </div>`;
  }

  /** `aria-rowcount` (header row included): exact when known, `-1` while more pages may follow. */
  private rowCount(rows: readonly InvoiceSummary[]): number {
    if (this.invoices !== undefined || !this.nextCursor) return rows.length + 1;
    const totals = this.currentTotals();
    const known = Array.isArray(totals) ? totals.reduce((n, x) => n + x.count, 0) : 0;
    return known > rows.length ? known + 1 : -1;
  }

  private renderTable() {
    const rows = this.rows;
    const v = this.virtualized(rows) ? virtual : undefined;
    // Plain rows: all of them (or the first PLAIN_ROWS while the virtualizer loads).
    const range = v ? this.range : { first: 0, last: Math.min(rows.length, PLAIN_ROWS) - 1 };
    const focus = Math.min(this.focusIndex, rows.length - 1);
    // The focused row may be scrolled out of the DOM: the first rendered row is the tab stop then.
    const tabStop = focus >= range.first && focus <= range.last ? focus : range.first;
    return html`<div part="table" class="table" role="table" aria-label=${this.t('invoiceTable.label')} aria-rowcount=${this.rowCount(rows)}>
        <div class="head" role="rowgroup">
          <div part="head" class="row row--head" role="row" aria-rowindex="1">
            ${this.renderColumnHeader('invoiceTable.column.number')}
            ${this.renderColumnHeader('invoiceTable.column.issued', 'issued_at')}
            ${this.renderColumnHeader('invoiceTable.column.due', 'due_at')}
            ${this.renderColumnHeader('invoiceTable.column.status')}
            ${this.renderColumnHeader('invoiceTable.column.amount', 'total')}
            ${this.renderColumnHeader('invoiceTable.column.actions')}
          </div>
        </div>
        <div
          part="body"
          class="body"
          role="rowgroup"
          @keydown=${this.onKeydown}
          @click=${this.onBodyClick}
          @focusin=${this.onFocusIn}
          @rangeChanged=${this.onRangeChanged}
          @visibilityChanged=${this.onVisibilityChanged}
        >${
          // Plain → virtual happens at most once per table (virtualOn is sticky), so the
          // virtualizer's inline styles on this container never outlive it.
          v
            ? v.virtualize({
                items: rows as InvoiceSummary[],
                keyFunction: (inv: InvoiceSummary | undefined) => inv?.id,
                layout: v.LAYOUT,
                renderItem: (inv: InvoiceSummary | undefined, i: number) => (inv ? this.renderRow(inv, i, i === tabStop) : html``),
              })
            : repeat(
                rows.slice(0, range.last + 1),
                (inv) => inv.id,
                (inv, i) => this.renderRow(inv, i, i === tabStop),
              )
        }</div>
      </div>
      ${this.renderMore()}`;
  }

  private renderColumnHeader(label: InvoiceTableMessageKey, field?: SortField) {
    const text = this.t(label);
    if (!field) return html`<div part="columnheader" class="cell cell--head" role="columnheader">${text}</div>`;
    const current = this.sort.replace(/^-/, '') === field;
    const desc = this.sort.startsWith('-');
    return html`<div
      part="columnheader sortable"
      class="cell cell--head"
      role="columnheader"
      aria-sort=${current ? (desc ? 'descending' : 'ascending') : 'none'}
      data-field=${field}
    >
      <button part="sort-button" class="sort-button" type="button" @click=${() => this.toggleSort(field)}>
        ${text}<span class="sort-icon" aria-hidden="true">${current ? (desc ? '▼' : '▲') : '↕'}</span>
      </button>
    </div>`;
  }

  private renderRow(inv: InvoiceSummary, i: number, tabStop: boolean) {
    const { money, date } = this.i18n;
    const tab = tabStop ? '0' : '-1';
    const pdf = isSafeLink(inv.pdfUrl) ? inv.pdfUrl : null;
    const pay = isSafeLink(inv.payUrl) && inv.amountDue > 0 ? inv.payUrl : null;
    const due = inv.amountDue > 0 && inv.amountDue !== inv.total;
    // No whitespace between tags and text through `.textContent`: every node counts when thousands of rows scroll by.
    // Links are named "PDF INV-00001" / "Pay INV-00001" by their own text plus the number cell (ids are per rendered row).
    return html`<div part="row" class="row" role="row" aria-rowindex=${i + 2} aria-current=${this.selected === inv.id ? 'true' : 'false'} data-index=${i} data-id=${inv.id} tabindex=${tab}><div part="cell number" class="cell cell--number" role="cell" id=${`n${i}`} .textContent=${inv.number}></div><div part="cell issued" class="cell" role="cell" data-label=${this.t('invoiceTable.column.issued')} .textContent=${date(inv.issuedAt)}></div><div part="cell due" class="cell" role="cell" data-label=${this.t('invoiceTable.column.due')} .textContent=${inv.dueAt ? date(inv.dueAt) : this.t('invoiceTable.noDate')}></div><div part="cell status" class="cell cell--status" role="cell"><span part="badge status-badge" class="badge" data-tone=${STATUS_TONE[inv.status] ?? 'muted'} data-status=${inv.status} .textContent=${this.t(`invoiceTable.status.${inv.status}`)}></span>${
      inv.overdue
        ? html`<span part="badge overdue" class="badge" data-tone="danger" .textContent=${this.t('invoiceTable.overdue')}></span>`
        : nothing
    }</div><div part="cell amount" class="cell cell--amount" role="cell"><span class="amount" .textContent=${money(inv.total, inv.currency)}></span>${
      due
        ? html`<span class="amount-due" .textContent=${this.t('invoiceTable.amountDue', { amount: money(inv.amountDue, inv.currency) })}></span>`
        : nothing
    }</div><div part="cell actions" class="cell cell--actions" role="cell">${
      pdf
        ? html`<a part="download" class="link" href=${pdf} tabindex=${tab} id=${`d${i}`} aria-labelledby=${`d${i} n${i}`} @click=${(e: MouseEvent) => this.onLink(e, 'portico-invoice-download', inv, pdf)} .textContent=${this.t('invoiceTable.download')}></a>`
        : nothing
    }${
      pay
        ? html`<a part="pay" class="link link--pay" href=${pay} tabindex=${tab} id=${`p${i}`} aria-labelledby=${`p${i} n${i}`} @click=${(e: MouseEvent) => this.onLink(e, 'portico-invoice-pay', inv, pay)} .textContent=${this.t('invoiceTable.pay')}></a>`
        : nothing
    }</div></div>`;
  }

  private renderMore() {
    if (this.invoices !== undefined) return nothing;
    if (this.moreState === 'error') {
      return html`<div part="more" class="more" role="alert">
        <span>${this.t('invoiceTable.loadMoreFailed')}</span>
        <button part="retry" class="button" type="button" @click=${() => this.loadMore()}>${this.i18n.t('state.retry')}</button>
      </div>`;
    }
    return html`<div part="more" class="more" role="status">${this.moreState === 'loading' ? this.t('invoiceTable.loadingMore') : nothing}</div>`;
  }

  private toggleSort(field: SortField): void {
    const current = this.sort.replace(/^-/, '') === field;
    // A new column starts descending (newest, latest due, largest first); the same column flips.
    this.sort = (current ? (this.sort.startsWith('-') ? field : `-${field}`) : `-${field}`) as InvoiceSort;
  }

  private resetMore(): void {
    this.moreAbort?.abort();
    this.moreAbort = undefined;
    if (this.more.length) this.more = [];
    this.nextCursor = null;
    this.moreState = 'idle';
  }

  /** Loads the page after the loaded ones (cursor pagination); no-op while one is loading or none is left. */
  async loadMore(): Promise<void> {
    const client = this.effectiveClient;
    const cursor = this.nextCursor;
    if (this.invoices !== undefined || !client || !cursor || this.moreState === 'loading' || this.list.state !== 'complete') return;
    const abort = new AbortController();
    this.moreAbort = abort;
    this.moreState = 'loading';
    try {
      const page = await client.invoices.list({
        ...this.query(this.filter),
        sort: this.sort,
        limit: this.limit,
        cursor,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.more = [...this.more, ...page.data];
      this.nextCursor = page.nextCursor;
      this.moreState = 'idle';
    } catch (error) {
      if (abort.signal.aborted || isAbort(error)) return;
      this.moreState = 'error';
      this.emit('portico-error', { error, code: String((error as { code?: unknown })?.code ?? 'unknown') });
    }
  }

  /** Also waits for the virtualizer when the rows need it, so that `updateComplete` means the rows are final. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (virtual || !this.needsVirtual(this.rows)) return done;
    // A failed download leaves the plain rows on screen; the next render tries again.
    const loaded = await loadVirtual().then(
      () => true,
      () => false,
    );
    return loaded ? super.getUpdateComplete() : done;
  }

  /** Once a table needed the virtualizer it keeps it (switching back and forth would rebuild every row and drop focus). */
  private virtualOn = false;

  private needsVirtual(rows: readonly InvoiceSummary[]): boolean {
    this.virtualOn ||= rows.length > PLAIN_ROWS || (this.invoices === undefined && this.nextCursor !== null);
    return this.virtualOn;
  }

  /**
   * Whether the rows need the virtualizer: more than PLAIN_ROWS, or more pages to come. Starts
   * loading it when they do; until it is there the first PLAIN_ROWS rows render plainly.
   */
  private virtualized(rows: readonly InvoiceSummary[]): boolean {
    const needed = this.needsVirtual(rows);
    if (needed && !virtual) {
      void loadVirtual().then(
        () => this.requestUpdate(),
        () => undefined, // plain rows stay; the next render tries again
      );
    }
    return needed && !!virtual;
  }

  private rowElement(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.body > .row[data-index="${index}"]`);
  }

  private onRangeChanged(e: Event & { first: number; last: number }): void {
    if (e.first !== this.range.first || e.last !== this.range.last) this.range = { first: e.first, last: e.last };
  }

  private onVisibilityChanged(e: Event & { first: number; last: number }): void {
    if (this.nextCursor && e.last >= this.rows.length - PREFETCH_ROWS && this.moreState === 'idle') void this.loadMore();
  }

  private onFocusIn(e: FocusEvent): void {
    const row = (e.target as Element).closest<HTMLElement>('.body > .row');
    if (row) this.focusIndex = Number(row.dataset.index);
  }

  private onBodyClick(e: MouseEvent): void {
    if ((e.target as Element).closest('a, button')) return;
    const row = (e.target as Element).closest<HTMLElement>('.body > .row');
    const invoice = row ? this.rows[Number(row.dataset.index)] : undefined;
    if (invoice) this.select(invoice);
  }

  private onKeydown(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (!target.matches('.body > .row')) return;
    const current = Number(target.dataset.index);
    const last = this.rows.length - 1;
    const page = this.virtualized(this.rows) ? Math.max(1, this.range.last - this.range.first - 4) : 10;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const invoice = this.rows[current];
      if (invoice) this.select(invoice);
      return;
    }
    const next = rovingTarget(e.key, current, last, page);
    if (next === undefined) return;
    e.preventDefault();
    void this.focusRow(next);
  }

  private onLink(e: MouseEvent, name: 'portico-invoice-download' | 'portico-invoice-pay', invoice: InvoiceSummary, url: string): void {
    if (!this.emit(name, { invoice, url }, { cancelable: true })) e.preventDefault();
  }

  private select(invoice: InvoiceSummary): void {
    if (this.emit('portico-invoice-select', { invoice }, { cancelable: true })) this.selected = invoice.id;
  }

  private onHeaderSlotChange(): void {
    const slots = this.renderRoot.querySelectorAll<HTMLSlotElement>('.header slot');
    this.hasHeader = [...slots].some((s) => s.assignedNodes({ flatten: true }).length > 0);
  }
}
