import { PorticoInvoiceDetail } from './invoice-detail.component.js';

export { PorticoInvoiceDetail };

PorticoInvoiceDetail.define('portico-invoice-detail');

declare global {
  interface HTMLElementTagNameMap {
    'portico-invoice-detail': PorticoInvoiceDetail;
  }
}
