import * as z from 'zod/mini';
import { Currency, Id, Link, MinorUnits, PageQuery, Timestamp } from './common.js';

export const InvoiceStatus = z.enum(['draft', 'open', 'paid', 'void', 'uncollectible']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const InvoiceLine = z.object({
  id: Id,
  description: z.string(),
  quantity: z.number(),
  unitAmount: MinorUnits,
  amount: MinorUnits,
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

const InvoiceCore = {
  id: Id,
  number: z.string(),
  status: InvoiceStatus,
  currency: Currency,
  subtotal: MinorUnits,
  tax: MinorUnits,
  total: MinorUnits,
  amountPaid: MinorUnits,
  amountDue: MinorUnits,
  issuedAt: Timestamp,
  dueAt: z.nullable(Timestamp),
  paidAt: z.nullable(Timestamp),
  /** Derived by the server: open, with an amount due, past its due date. */
  overdue: z.boolean(),
  pdfUrl: Link,
  payUrl: Link,
};

export const InvoiceSummary = z.object(InvoiceCore);
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;
export const Invoice = z.object({ ...InvoiceCore, lines: z.array(InvoiceLine) });
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceSort = z.enum(['issued_at', '-issued_at', 'due_at', '-due_at', 'total', '-total']);
export const InvoiceListQuery = z.object({
  status: z.optional(InvoiceStatus),
  overdue: z.optional(z.enum(['true', 'false'])),
  sort: z.optional(InvoiceSort),
  ...PageQuery,
});
export type InvoiceListQuery = z.input<typeof InvoiceListQuery>;

/** Totals per currency over the invoices a filter selects (money in different currencies never adds up). */
export const InvoiceTotals = z.object({
  data: z.array(z.object({ currency: Currency, count: z.int(), total: MinorUnits, amountDue: MinorUnits })),
});
export type InvoiceTotals = z.infer<typeof InvoiceTotals>;
export const InvoiceTotalsQuery = z.object({
  status: z.optional(InvoiceStatus),
  overdue: z.optional(z.enum(['true', 'false'])),
});
