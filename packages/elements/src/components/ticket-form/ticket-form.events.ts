import type { Ticket, TicketCreate } from '@portico/contract';
// `portico-article-open` is declared once, by <portico-kb-search>; this form fires the same event.
import type {} from '../kb-search/kb-search.events.js';

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A new ticket is about to be sent; `detail.input` is what will be sent. Cancelable: `preventDefault()` sends nothing. */
    'portico-ticket-create-request': { input: TicketCreate };
    /** The ticket was created; `detail.ticket` is the server's ticket. */
    'portico-ticket-create': { ticket: Ticket };
    /** The customer opened a suggested article and then left without sending (or said it solved the problem). */
    'portico-deflect': { slug: string };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-ticket-create-request': CustomEvent<{ input: TicketCreate }>;
    'portico-ticket-create': CustomEvent<{ ticket: Ticket }>;
    'portico-deflect': CustomEvent<{ slug: string }>;
  }
}
