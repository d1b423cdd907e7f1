// The invoice table's data rules, apart from the element: sorting, filtering and totals of
// invoices a host passes in, and the link check. Pure functions, tested on their own.
import type { InvoiceStatus, InvoiceSummary, InvoiceTotals, Page } from '@portico/contract';
import { SafeUrl } from '@portico/contract/validators';

export type InvoiceSort = 'issued_at' | '-issued_at' | 'due_at' | '-due_at' | 'total' | '-total';
export type SortField = 'issued_at' | 'due_at' | 'total';
/** The filter select's values: every status, plus `overdue` (open with an amount due past its due date). */
export type InvoiceFilter = '' | 'overdue' | InvoiceStatus;
export type InvoiceCurrencyTotal = InvoiceTotals['data'][number];

export const STATUSES: readonly InvoiceStatus[] = ['open', 'paid', 'draft', 'void', 'uncollectible'];
export const SORTS: ReadonlySet<string> = new Set(['issued_at', '-issued_at', 'due_at', '-due_at', 'total', '-total']);
export const STATUS_TONE: Record<InvoiceStatus, string> = {
  draft: 'muted',
  open: 'primary',
  paid: 'success',
  void: 'muted',
  uncollectible: 'danger',
};
export const EMPTY_PAGE: Page<InvoiceSummary> = { data: [], nextCursor: null };
/**
 * Up to this many invoices, with no further page to load, the table renders every row; a longer
 * table loads the virtualizer (a lazy chunk) and renders only the rows near the viewport.
 */
export const PLAIN_ROWS = 50;
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
      ? // Amounts in different currencies don't compare: by currency (code), then amount — as the server sorts.
        (a: InvoiceSummary, b: InvoiceSummary) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.total - b.total)
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

export const matchesFilter = (filter: InvoiceFilter) => (r: InvoiceSummary) => (filter === 'overdue' ? r.overdue : r.status === filter);
