import { PorticoInvoiceTable } from './invoice-table.component.js';

export { PorticoInvoiceTable };

PorticoInvoiceTable.define('portico-invoice-table');

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-table': PorticoInvoiceTable;
  }
}
