import type { InvoiceSummary } from '@portico/contract';

export interface PorticoInvoiceSelectDetail {
  invoice: InvoiceSummary;
}
/** `portico-invoice-download` and `portico-invoice-pay`. */
export interface PorticoInvoiceLinkDetail {
  invoice: InvoiceSummary;
  url: string;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A row was activated (Enter, or a click outside its links). Cancelable: `preventDefault()` keeps `selected` unchanged. */
    'portico-invoice-select': PorticoInvoiceSelectDetail;
    /** The PDF link was activated. Cancelable: `preventDefault()` stops the browser following `url` (the host handles it). */
    'portico-invoice-download': PorticoInvoiceLinkDetail;
    /** The Pay link was activated. Cancelable: `preventDefault()` stops the browser following `url` (the host handles it). */
    'portico-invoice-pay': PorticoInvoiceLinkDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-invoice-select': CustomEvent<PorticoInvoiceSelectDetail>;
    'portico-invoice-download': CustomEvent<PorticoInvoiceLinkDetail>;
    'portico-invoice-pay': CustomEvent<PorticoInvoiceLinkDetail>;
  }
}
