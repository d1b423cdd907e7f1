import type { Invoice, InvoiceSummary } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { iso, isoReq } from '../ids.js';
import type { Disposition } from '../storage.js';
import { listPage, num, type Sort, where } from './common.js';
import { sortOf } from './tickets.js';

const OVERDUE = "(i.status = 'open' AND i.total - i.amount_paid > 0 AND i.due_at IS NOT NULL AND i.due_at < now())";
export const INVOICE_SELECT = `SELECT i.*, ${OVERDUE} AS overdue FROM invoices i`;

type FileUrl = (id: string, org: string, d: Disposition) => string;

export const mapInvoice = (r: Row, fileUrl: FileUrl): InvoiceSummary => ({
  id: r.id,
  number: r.number,
  status: r.status,
  currency: r.currency,
  subtotal: num(r.subtotal),
  tax: num(r.tax),
  total: num(r.total),
  amountPaid: num(r.amount_paid),
  amountDue: Math.max(0, num(r.total) - num(r.amount_paid)),
  issuedAt: isoReq(r.issued_at),
  dueAt: iso(r.due_at),
  paidAt: iso(r.paid_at),
  overdue: Boolean(r.overdue),
  pdfUrl: r.pdf_file_id ? fileUrl(r.pdf_file_id, r.org_id, 'inline') : null,
  payUrl: r.pay_url,
});

/**
 * A draft is the company's work in progress (numbers, lines and totals may still change): the
 * portal never shows one — not listed, not counted, and not found by id. The staff API sees them.
 */
const NOT_DRAFT = "i.status <> 'draft'";

/** The invoice with its lines, in the handle's organization (a draft only for the staff API: `drafts`). */
export async function invoiceWithLines(db: OrgDb, id: string, fileUrl: FileUrl, drafts = false): Promise<Invoice> {
  const [row] = await db.query(`${INVOICE_SELECT} WHERE i.id = $1${drafts ? '' : ` AND ${NOT_DRAFT}`}`, [id]);
  if (!row) throw notFound('invoice');
  const lines = await db.query('SELECT * FROM invoice_lines WHERE invoice_id = $1 ORDER BY position', [id]);
  return {
    ...mapInvoice(row, fileUrl),
    lines: lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: num(l.quantity),
      unitAmount: num(l.unit_amount),
      amount: num(l.amount),
    })),
  };
}

const SORTS: Record<string, Omit<Sort, 'name' | 'dir'>> = {
  issued_at: { expr: 'i.issued_at', cast: 'timestamptz' },
  due_at: { expr: "COALESCE(i.due_at, 'infinity'::timestamptz)", cast: 'timestamptz' },
  // Amounts in different currencies don't compare: by currency, then amount (as the invoice table
  // sorts). One text key for keyset paging: the code, then the amount offset by 2^63 to 20 digits,
  // compared byte-wise (COLLATE "C") so that "-5" sorts below "3" and "JPY" after "EUR" everywhere.
  total: { expr: `((i.currency || lpad((i.total::numeric + 9223372036854775808)::text, 20, '0')) COLLATE "C")`, cast: 'currency_amount' },
};

function filter(query: { status?: string; overdue?: string }, params: unknown[]): string {
  const conds: string[] = [NOT_DRAFT];
  if (query.status) {
    params.push(query.status);
    conds.push(`i.status = $${params.length}`);
  }
  if (query.overdue === 'true') conds.push(OVERDUE);
  if (query.overdue === 'false') conds.push(`NOT ${OVERDUE}`);
  return where(conds);
}

export const invoices: PortalHandlers['invoices'] = {
  async list({ db, query, fileUrl }) {
    const sort = sortOf(query.sort ?? '-issued_at', SORTS);
    const params: unknown[] = [];
    const sql = `SELECT i.*, ${OVERDUE} AS overdue, ${sort.expr} AS _sk FROM invoices i WHERE ${filter(query, params)}`;
    return listPage(db, { sql, params, sort, idCol: 'i.id' }, query, (rows) => rows.map((r) => mapInvoice(r, fileUrl)));
  },
  async totals({ db, query }) {
    const params: unknown[] = [];
    const rows = await db.query(
      `SELECT i.currency, count(*)::int AS count, COALESCE(sum(i.total), 0)::bigint AS total,
         COALESCE(sum(GREATEST(i.total - i.amount_paid, 0)), 0)::bigint AS amount_due
       FROM invoices i WHERE ${filter(query, params)} GROUP BY i.currency ORDER BY i.currency`,
      params,
    );
    return { data: rows.map((r) => ({ currency: r.currency, count: num(r.count), total: num(r.total), amountDue: num(r.amount_due) })) };
  },
  async get({ db, params, fileUrl }) {
    return invoiceWithLines(db, params.id, fileUrl);
  },
};
