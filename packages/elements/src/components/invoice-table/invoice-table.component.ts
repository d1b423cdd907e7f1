import type { InvoiceStatus, InvoiceSummary, InvoiceTotals } from '@portico/contract';
import { invoices } from '@portico/contract/validators/invoices';
import { html, nothing, type PropertyValues } from 'lit';
import { PorticoElement, waitFor } from '../../base/portico-element.js';
import { LinkRefreshController } from '../../controllers/link-refresh.js';
import { PageController } from '../../controllers/page-controller.js';
import { type RenderableResource, renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { type ListState, UrlStateController } from '../../controllers/url-state.js';
import { failureStyles } from '../../styles/failure.styles.js';
import {
  EMPTY_PAGE,
  type InvoiceCurrencyTotal,
  type InvoiceFilter,
  type InvoiceSort,
  matchesFilter,
  PLAIN_ROWS,
  SORTS,
  STATUSES,
  sortInvoices,
  totalsByCurrency,
} from './invoice-table.data.js';
import { en, type InvoiceTableMessageKey } from './invoice-table.messages.js';
import { styles } from './invoice-table.styles.js';
import { type InvoiceTableView, renderFilter, renderTable, renderTotals } from './invoice-table.templates.js';

export {
  type InvoiceCurrencyTotal,
  type InvoiceFilter,
  type InvoiceSort,
  invoiceComparator,
  isSafeLink,
  PLAIN_ROWS,
  sortInvoices,
  totalsByCurrency,
} from './invoice-table.data.js';
export type { PorticoInvoiceLinkDetail, PorticoInvoiceSelectDetail } from './invoice-table.events.js';

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

const query = (filter: InvoiceFilter) => (filter === 'overdue' ? { overdue: 'true' as const } : filter ? { status: filter } : {});

/**
 * The organization's invoices as an accessible, virtualized table: a status filter, sorting by
 * issue date, due date or amount (by currency, then amount, as the server sorts), amounts formatted
 * per currency (credits and refunds with their sign and "credit"), an overdue badge, totals per
 * currency for the current filter, PDF and Pay links (renewed on click near their expiry). Only the rows near the viewport are in the
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
 * @csspart sort-note - "by currency, then amount" under the Amount header (the button's description).
 * @csspart body - The row group holding the (virtualized) rows.
 * @csspart row - An invoice row (`data-id`, `data-index`).
 * @csspart cell - Every cell; also `number`, `issued`, `due`, `status`, `amount` or `actions`.
 * @csspart badge - Every badge; also `status-badge` or `overdue`.
 * @csspart download - A PDF link.
 * @csspart pay - A Pay link.
 * @csspart more - The "loading more" / "couldn't load more" line under the table (with `retry`).
 * @csspart loading - The loading state (skeleton).
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button (error state, or a failed next page).
 *
 * @cssprop --portico-invoice-table-row-padding - Padding of a cell (default: spacing s × m).
 * @cssprop --portico-invoice-table-row-background - Row background (default: transparent, the page shows through).
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
 * @fires portico-state-change - What the list shows (filter and sort) changed; `detail.state` for a host's router (`restoreState(state)` shows it again).
 * @attribute url-state - Opt-in: keeps filter and sort in the page's query string under this prefix (`history.replaceState`), restored on load, so Back returns to them.
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
  static override styles = [PorticoElement.styles, stateStyles, failureStyles, styles];
  static override resources = {
    en,
    endpoints: { invoices },
    locales: { de: () => import('./invoice-table.messages.de.js'), ar: () => import('./invoice-table.messages.ar.js') },
  };

  static override properties = {
    filter: { reflect: true },
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    selected: { reflect: true },
    hideFilter: { type: Boolean, reflect: true, attribute: 'hide-filter' },
    hideTotals: { type: Boolean, reflect: true, attribute: 'hide-totals' },
    invoices: { attribute: false },
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

  // Protected: state and helpers the templates (invoice-table.templates.ts) read; no API.
  protected focusIndex = 0;
  protected range = { first: 0, last: -1 };
  private hasHeader = false;
  private localView: readonly InvoiceSummary[] = [];
  protected localTotals: InvoiceCurrencyTotal[] = [];
  /** Once a table needed the virtualizer it keeps it (switching back and forth would rebuild every row and drop focus). */
  private virtualOn = false;

  /** Pages as the table scrolls near their end (a new filter or sort starts again). */
  private readonly pages = new PageController(this, {
    args: () => [this.invoices !== undefined, this.filter, this.sort, this.pageSize] as const,
    load: async (client, [local, filter, sort, size], cursor, { signal }) =>
      local
        ? EMPTY_PAGE
        : client.invoices.list({ ...query(filter), sort, limit: Math.min(100, Math.max(1, Math.trunc(size) || 50)), cursor, signal }),
    live: ['invoice'],
  });

  private readonly totals = new ResourceController(this, {
    args: () => [this.invoices !== undefined || this.hideTotals, this.filter] as const,
    load: (client, [skip, filter], { signal }): Promise<InvoiceTotals> =>
      skip ? Promise.resolve({ data: [] }) : client.invoices.totals({ ...query(filter), signal }),
    live: ['invoice'],
  });

  /** A PDF link clicked near its expiry is followed fresh: the invoice is read again for it (any page). */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: a controller works through its host
  private readonly links = new LinkRefreshController(this, {
    refresh: () => this.pages.refresh(),
    value: () => this.rows,
    fresh: async (a) => {
      const id = a.closest<HTMLElement>('[data-id]')?.dataset.id;
      return id && this.invoices === undefined ? (await this.effectiveClient?.invoices.get({ id }))?.pdfUrl : undefined;
    },
  });

  /** Filter and sort for the host's router or the URL (`url-state`, `portico-state-change`). */
  private readonly state = new UrlStateController(
    this,
    () => ({ filter: this.filter, sort: this.sort }),
    (s) => this.restoreState(s),
  );

  /** Shows the table as a `portico-state-change` described it (what a router-driven host stored); invalid values are ignored. */
  restoreState(state: ListState): void {
    const { filter, sort } = state;
    if (filter === '' || filter === 'overdue' || STATUSES.includes(filter as InvoiceStatus)) this.filter = filter as InvoiceFilter;
    if (SORTS.has(sort as InvoiceSort)) this.sort = sort as InvoiceSort;
  }

  /** Loads again from the first page (rows stay visible, marked busy). */
  async refresh(): Promise<void> {
    await Promise.all([this.pages.refresh(), this.totals.refresh()]);
  }

  /** The invoices in table order: the pages loaded so far, or the filtered and sorted `.invoices`. */
  get rows(): readonly InvoiceSummary[] {
    return this.invoices !== undefined ? this.localView : this.pages.items;
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

  /** Loads the page after the loaded ones (cursor pagination); no-op while one is loading or none is left. */
  async loadMore(): Promise<void> {
    if (this.invoices === undefined) await this.pages.loadMore();
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
    const view = this as unknown as InvoiceTableView;
    const resource: RenderableResource<unknown> = local
      ? { state: 'complete', value: EMPTY_PAGE, error: undefined, refresh: () => undefined }
      : this.pages.resource;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onHeaderSlotChange}></slot>
        <slot name="actions" @slotchange=${this.onHeaderSlotChange}></slot>
      </div>
      ${this.hideFilter && this.hideTotals ? nothing : html`<div part="toolbar" class="toolbar">${renderFilter(view)}${renderTotals(view)}</div>`}
      ${renderState(this, resource, {
        complete: () => renderTable(view),
        isEmpty: () => this.rows.length === 0,
        emptyText: this.i18n.t(this.filter ? 'invoiceTable.emptyFiltered' : 'invoiceTable.empty'),
        skeleton: () => html`${[0, 1, 2, 3].map(() => html`<div class="skeleton-line"></div>`)}`,
      })}
    </div>`;
  }

  /** Whether the rows need the virtualizer: more than PLAIN_ROWS, or more pages to come. */
  private needsVirtual(rows: readonly InvoiceSummary[]): boolean {
    this.virtualOn ||= rows.length > PLAIN_ROWS || (this.invoices === undefined && this.pages.hasMore);
    return this.virtualOn;
  }

  /**
   * The virtualizer when the rows need it and it is there. Starts loading it when they do (and
   * `updateComplete` waits for it); until it is there the first PLAIN_ROWS rows render plainly, as
   * they stay if it fails to load (the next render tries again).
   */
  protected virtualized(rows: readonly InvoiceSummary[]): Virtual | undefined {
    const needed = this.needsVirtual(rows);
    if (needed && !virtual) waitFor(this, loadVirtual());
    return needed ? virtual : undefined;
  }

  private rowElement(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.body > .row[data-index="${index}"]`);
  }

  protected select(invoice: InvoiceSummary): void {
    if (this.emit('portico-invoice-select', { invoice }, { cancelable: true })) this.selected = invoice.id;
  }

  private onHeaderSlotChange(): void {
    const slots = this.renderRoot.querySelectorAll<HTMLSlotElement>('.header slot');
    this.hasHeader = [...slots].some((s) => s.assignedNodes({ flatten: true }).length > 0);
  }
}
