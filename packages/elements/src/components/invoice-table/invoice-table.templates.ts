import type { InvoiceSummary, InvoiceTotals } from '@portico/contract';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PageController } from '../../controllers/page-controller.js';
import { renderMore } from '../../controllers/render-state.js';
import type { ResourceController } from '../../controllers/resource-controller.js';
import { rovingTarget } from '../../controllers/roving.js';
import type { PorticoInvoiceTable } from './invoice-table.component.js';
import {
  type InvoiceCurrencyTotal,
  type InvoiceFilter,
  type InvoiceSort,
  isSafeLink,
  PLAIN_ROWS,
  type SortField,
  STATUS_TONE,
  STATUSES,
} from './invoice-table.data.js';
import type { InvoiceTableMessageKey } from './invoice-table.messages.js';

type Virtual = typeof import('./invoice-table.virtual.js');

/**
 * The table as its templates see it: its public API plus the state and helpers it keeps for them
 * (private on the class, so that they stay out of the element's API).
 */
export type InvoiceTableView = Pick<PorticoInvoiceTable, keyof PorticoInvoiceTable> & {
  readonly pages: PageController<InvoiceSummary, readonly [boolean, InvoiceFilter, InvoiceSort, number]>;
  readonly totals: ResourceController<InvoiceTotals>;
  readonly localTotals: InvoiceCurrencyTotal[];
  focusIndex: number;
  range: { first: number; last: number };
  /** The virtualizer module when the rows need it and it is loaded. */
  virtualized(rows: readonly InvoiceSummary[]): Virtual | undefined;
  select(invoice: InvoiceSummary): void;
};

/** Rows from the end of the loaded ones at which the next page is requested. */
const PREFETCH_ROWS = 30;

const text = (v: InvoiceTableView, key: InvoiceTableMessageKey, params?: Record<string, string | number>) => v.i18n.t(key, params);

export function renderFilter(v: InvoiceTableView) {
  if (v.hideFilter) return nothing;
  return html`<label class="filter">
    <span class="filter__label">${text(v, 'invoiceTable.filter')}</span>
    <select part="filter" class="field" .value=${v.filter} @change=${(e: Event) => (v.filter = (e.target as HTMLSelectElement).value as InvoiceFilter)}>
      <option value="" ?selected=${!v.filter}>${text(v, 'invoiceTable.filter.all')}</option>
      <option value="overdue" ?selected=${v.filter === 'overdue'}>${text(v, 'invoiceTable.filter.overdue')}</option>
      ${STATUSES.map((s) => html`<option value=${s} ?selected=${v.filter === s}>${text(v, `invoiceTable.status.${s}`)}</option>`)}
    </select>
  </label>`;
}

/**
 * An amount with its sign; a negative one (a credit note, or a balance the customer is owed) with
 * the label "credit", so that it never reads as a charge. `due`: the message of a positive amount due.
 */
function signed(v: InvoiceTableView, minor: number, currency: string, due?: 'invoiceTable.amountDue' | 'invoiceTable.totalsDue') {
  const amount = v.i18n.money(minor, currency);
  return minor < 0 ? text(v, 'invoiceTable.credit', { amount }) : due ? text(v, due, { amount }) : amount;
}

/** The totals per currency: the preloaded invoices', or the server's for the filter; `'error'` when they failed. */
function currentTotals(v: InvoiceTableView): InvoiceCurrencyTotal[] | 'error' | undefined {
  if (v.invoices !== undefined) return v.localTotals;
  if (v.totals.state === 'error') return 'error';
  return v.totals.value?.data;
}

export function renderTotals(v: InvoiceTableView) {
  if (v.hideTotals) return nothing;
  const totals = currentTotals(v);
  return html`<div part="totals" class="totals" role="group" aria-label=${text(v, 'invoiceTable.totals')}>
    ${
      totals === 'error'
        ? html`<span class="totals__error">${text(v, 'invoiceTable.totalsUnavailable')}</span>`
        : (totals ?? []).map(
            (x) => html`<span part="total" class="total" data-currency=${x.currency}>
              <strong class="total__amount">${signed(v, x.total, x.currency)}</strong>
              <span class="total__meta">${text(v, 'invoiceTable.totalsCount', { count: x.count })}${
                x.amountDue ? html` · ${signed(v, x.amountDue, x.currency, 'invoiceTable.totalsDue')}` : nothing
              }</span>
            </span>`,
          )
    }
  </div>`;
}

/** `aria-rowcount` (header row included): exact when known, `-1` while more pages may follow. */
function rowCount(v: InvoiceTableView, rows: readonly InvoiceSummary[]): number {
  if (v.invoices !== undefined || !v.pages.hasMore) return rows.length + 1;
  const totals = currentTotals(v);
  const known = Array.isArray(totals) ? totals.reduce((n, x) => n + x.count, 0) : 0;
  return known > rows.length ? known + 1 : -1;
}

export function renderTable(v: InvoiceTableView) {
  const rows = v.rows;
  const virtual = v.virtualized(rows);
  // Plain rows: all of them (or the first PLAIN_ROWS while the virtualizer loads).
  const range = virtual ? v.range : { first: 0, last: Math.min(rows.length, PLAIN_ROWS) - 1 };
  const focus = Math.min(v.focusIndex, rows.length - 1);
  // The focused row may be scrolled out of the DOM: the first rendered row is the tab stop then.
  const tabStop = focus >= range.first && focus <= range.last ? focus : range.first;
  const row = (e: Event) => (e.target as Element).closest<HTMLElement>('.body > .row');
  return html`<div part="table" class="table" role="table" aria-label=${text(v, 'invoiceTable.label')} aria-rowcount=${rowCount(v, rows)}>
      <div class="head" role="rowgroup">
        <div part="head" class="row row--head" role="row" aria-rowindex="1">
          ${columnHeader(v, 'invoiceTable.column.number')}
          ${columnHeader(v, 'invoiceTable.column.issued', 'issued_at')}
          ${columnHeader(v, 'invoiceTable.column.due', 'due_at')}
          ${columnHeader(v, 'invoiceTable.column.status')}
          ${columnHeader(v, 'invoiceTable.column.amount', 'total')}
          ${columnHeader(v, 'invoiceTable.column.actions')}
        </div>
      </div>
      <div
        part="body"
        class="body"
        role="rowgroup"
        @keydown=${(e: KeyboardEvent) => onKeydown(v, e)}
        @click=${(e: MouseEvent) => {
          const invoice = (e.target as Element).closest('a, button') ? undefined : v.rows[Number(row(e)?.dataset.index)];
          if (invoice) v.select(invoice);
        }}
        @focusin=${(e: FocusEvent) => {
          const r = row(e);
          if (r) v.focusIndex = Number(r.dataset.index);
        }}
        @rangeChanged=${(e: Event & { first: number; last: number }) => {
          if (e.first !== v.range.first || e.last !== v.range.last) v.range = { first: e.first, last: e.last };
        }}
        @visibilityChanged=${(e: Event & { last: number }) => {
          if (v.pages.hasMore && e.last >= v.rows.length - PREFETCH_ROWS && v.pages.moreState === 'idle') void v.loadMore();
        }}
      >${
        // Plain → virtual happens at most once per table (it is sticky), so the virtualizer's
        // inline styles on this container never outlive it.
        virtual
          ? virtual.virtualize({
              items: rows as InvoiceSummary[],
              keyFunction: (inv: InvoiceSummary | undefined) => inv?.id,
              layout: virtual.LAYOUT,
              renderItem: (inv: InvoiceSummary | undefined, i: number) => (inv ? renderRow(v, inv, i, i === tabStop) : html``),
            })
          : repeat(
              rows.slice(0, range.last + 1),
              (inv) => inv.id,
              (inv, i) => renderRow(v, inv, i, i === tabStop),
            )
      }</div>
    </div>
    ${v.invoices === undefined ? renderMore(v, v.pages, { loading: text(v, 'invoiceTable.loadingMore'), failed: text(v, 'invoiceTable.loadMoreFailed') }) : nothing}`;
}

function columnHeader(v: InvoiceTableView, label: InvoiceTableMessageKey, field?: SortField) {
  const name = text(v, label);
  if (!field) return html`<div part="columnheader" class="cell cell--head" role="columnheader">${name}</div>`;
  const current = v.sort.replace(/^-/, '') === field;
  const desc = v.sort.startsWith('-');
  // A new column starts descending (newest, latest due, largest first); the same column flips.
  const toggle = () => (v.sort = (current ? (desc ? field : `-${field}`) : `-${field}`) as InvoiceSort);
  return html`<div
    part="columnheader sortable"
    class="cell cell--head"
    role="columnheader"
    aria-sort=${current ? (desc ? 'descending' : 'ascending') : 'none'}
    data-field=${field}
  >
    <button part="sort-button" class="sort-button" type="button" @click=${toggle} aria-describedby=${field === 'total' ? 'sort-note' : nothing}>
      ${name}<span class="sort-icon" aria-hidden="true">${current ? (desc ? '▼' : '▲') : '↕'}</span>
    </button>
    ${field === 'total' ? html`<span id="sort-note" part="sort-note" class="sort-note">${text(v, 'invoiceTable.sortNote')}</span>` : nothing}
  </div>`;
}

function renderRow(v: InvoiceTableView, inv: InvoiceSummary, i: number, tabStop: boolean) {
  const { date } = v.i18n;
  const tab = tabStop ? '0' : '-1';
  const pdf = isSafeLink(inv.pdfUrl) ? inv.pdfUrl : null;
  const pay = isSafeLink(inv.payUrl) && inv.amountDue > 0 ? inv.payUrl : null;
  const due = inv.amountDue !== 0 && inv.amountDue !== inv.total;
  // The link's current href: a fresh one when an expiring link was renewed on click (LinkRefreshController).
  const link = (name: 'portico-invoice-download' | 'portico-invoice-pay') => (e: MouseEvent) => {
    const url = (e.currentTarget as HTMLAnchorElement).getAttribute('href')!;
    if (!v.emit(name, { invoice: inv, url }, { cancelable: true })) e.preventDefault();
  };
  // No whitespace between tags and text through `.textContent`: every node counts when thousands of rows scroll by.
  // Links are named "PDF INV-00001" / "Pay INV-00001" by their own text plus the number cell (ids are per rendered row).
  return html`<div part="row" class="row" role="row" aria-rowindex=${i + 2} aria-current=${v.selected === inv.id ? 'true' : 'false'} data-index=${i} data-id=${inv.id} tabindex=${tab}><div part="cell number" class="cell cell--number" role="cell" id=${`n${i}`} .textContent=${inv.number}></div><div part="cell issued" class="cell" role="cell" data-label=${text(v, 'invoiceTable.column.issued')} .textContent=${date(inv.issuedAt)}></div><div part="cell due" class="cell" role="cell" data-label=${text(v, 'invoiceTable.column.due')} .textContent=${inv.dueAt ? date(inv.dueAt) : text(v, 'invoiceTable.noDate')}></div><div part="cell status" class="cell cell--status" role="cell"><span part="badge status-badge" class="badge" data-tone=${STATUS_TONE[inv.status] ?? 'muted'} data-status=${inv.status} .textContent=${text(v, `invoiceTable.status.${inv.status}`)}></span>${
    inv.overdue
      ? html`<span part="badge overdue" class="badge" data-tone="danger" .textContent=${text(v, 'invoiceTable.overdue')}></span>`
      : nothing
  }</div><div part="cell amount" class="cell cell--amount" role="cell"><span class="amount" .textContent=${signed(v, inv.total, inv.currency)}></span>${
    due ? html`<span class="amount-due" .textContent=${signed(v, inv.amountDue, inv.currency, 'invoiceTable.amountDue')}></span>` : nothing
  }</div><div part="cell actions" class="cell cell--actions" role="cell">${
    pdf
      ? html`<a part="download" class="link" href=${pdf} tabindex=${tab} id=${`d${i}`} aria-labelledby=${`d${i} n${i}`} @click=${link('portico-invoice-download')} .textContent=${text(v, 'invoiceTable.download')}></a>`
      : nothing
  }${
    pay
      ? html`<a part="pay" class="link link--pay" href=${pay} tabindex=${tab} id=${`p${i}`} aria-labelledby=${`p${i} n${i}`} @click=${link('portico-invoice-pay')} .textContent=${text(v, 'invoiceTable.pay')}></a>`
      : nothing
  }</div></div>`;
}

function onKeydown(v: InvoiceTableView, e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  if (!target.matches('.body > .row')) return;
  const current = Number(target.dataset.index);
  const rows = v.rows;
  const page = v.virtualized(rows) ? Math.max(1, v.range.last - v.range.first - 4) : 10;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    const invoice = rows[current];
    if (invoice) v.select(invoice);
    return;
  }
  const next = rovingTarget(e.key, current, rows.length - 1, page);
  if (next === undefined) return;
  e.preventDefault();
  void v.focusRow(next);
}
