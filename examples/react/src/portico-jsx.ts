// JSX types for the Portico tags this app writes directly (React 19; a .ts file, so it is checked). React 19 sets a prop as a
// property when the element has one (`name in element`), otherwise as an attribute, and adds an
// event listener for `on<event-name>` props: the names below are those the elements answer to.
import type { PorticoInvoiceTable, PorticoProvider, PorticoTicketDetail, PorticoTicketList } from '@portico/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Tag<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'portico-provider': Tag<PorticoProvider> & { 'base-url'?: string; getToken?: PorticoProvider['getToken'] };
      'portico-ticket-list': Tag<PorticoTicketList> & {
        'page-size'?: number | string;
        'hide-filters'?: boolean | '';
        'onportico-ticket-select'?: (event: GlobalEventHandlersEventMap['portico-ticket-select']) => void;
      };
      'portico-ticket-detail': Tag<PorticoTicketDetail> & { 'ticket-id'?: string; 'no-reply'?: boolean | '' };
      'portico-invoice-table': Tag<PorticoInvoiceTable> & { invoices?: PorticoInvoiceTable['invoices']; 'hide-totals'?: boolean | '' };
    }
  }
}
