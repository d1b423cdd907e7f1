import { IdParams, page } from '../schemas/common.js';
import { Invoice, InvoiceListQuery, InvoiceSummary, InvoiceTotals, InvoiceTotalsQuery } from '../schemas/invoice.js';
import { get } from './define.js';

/** Invoices (admins only). */
export const invoices = {
  list: get({
    path: '/invoices',
    query: InvoiceListQuery,
    response: page(InvoiceSummary),
    roles: ['admin'],
  }),
  totals: get({
    path: '/invoices/totals',
    query: InvoiceTotalsQuery,
    response: InvoiceTotals,
    roles: ['admin'],
  }),
  get: get({
    path: '/invoices/{id}',
    params: IdParams,
    response: Invoice,
    roles: ['admin'],
  }),
} as const;
