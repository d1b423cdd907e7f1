import type { InvoiceSummary } from '@portico/contract';

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A row was activated (Enter, or a click outside its links). Cancelable: `preventDefault()` keeps `selected` unchanged. */
    'portico-invoice-select': { invoice: InvoiceSummary };
    /** The PDF link was activated. Cancelable: `preventDefault()` stops the browser following `url` (the host handles it). */
    'portico-invoice-download': { invoice: InvoiceSummary; url: string };
    /** The Pay link was activated. Cancelable: `preventDefault()` stops the browser following `url` (the host handles it). */
    'portico-invoice-pay': { invoice: InvoiceSummary; url: string };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-invoice-select': CustomEvent<{ invoice: InvoiceSummary }>;
    'portico-invoice-download': CustomEvent<{ invoice: InvoiceSummary; url: string }>;
    'portico-invoice-pay': CustomEvent<{ invoice: InvoiceSummary; url: string }>;
  }
}
