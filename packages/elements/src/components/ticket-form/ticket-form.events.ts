import type { Ticket, TicketCreate } from '@portico/contract';

// `portico-article-open` is declared once, by <portico-kb-search>; this form fires the same event.
export type { PorticoArticleOpenDetail } from '../kb-search/kb-search.events.js';

export interface PorticoTicketCreateRequestDetail {
  input: TicketCreate;
}
export interface PorticoTicketCreateDetail {
  ticket: Ticket;
}
export interface PorticoDeflectDetail {
  slug: string;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A new ticket is about to be sent; `detail.input` is what will be sent. Cancelable: `preventDefault()` sends nothing. */
    'portico-ticket-create-request': PorticoTicketCreateRequestDetail;
    /** The ticket was created; `detail.ticket` is the server's ticket. */
    'portico-ticket-create': PorticoTicketCreateDetail;
    /** The customer opened a suggested article and then left without sending (or said it solved the problem). */
    'portico-deflect': PorticoDeflectDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-ticket-create-request': CustomEvent<PorticoTicketCreateRequestDetail>;
    'portico-ticket-create': CustomEvent<PorticoTicketCreateDetail>;
    'portico-deflect': CustomEvent<PorticoDeflectDetail>;
  }
}
