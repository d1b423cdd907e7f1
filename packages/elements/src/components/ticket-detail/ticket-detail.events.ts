import type { Ticket, TicketMessage } from '@portico/contract';

/** Events of `<portico-ticket-detail>`, merged into the shared map by module augmentation. */
export interface TicketReplyRequestDetail {
  ticketId: string;
  body: string;
  attachmentIds: string[];
}
export type TicketAction = 'close' | 'reopen' | 'escalate';

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A reply is about to be sent. Cancelable: `preventDefault()` keeps it in the composer, unsent. */
    'portico-reply-request': TicketReplyRequestDetail;
    /** A reply was stored; `detail.message` is the server's message. */
    'portico-reply': { message: TicketMessage };
    /** Close, reopen or escalate is about to be sent. Cancelable. */
    'portico-ticket-action-request': { action: TicketAction; ticket: Ticket };
    /** Close, reopen or escalate succeeded; `detail.ticket` is the updated ticket. */
    'portico-ticket-action': { action: TicketAction; ticket: Ticket };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-reply-request': CustomEvent<TicketReplyRequestDetail>;
    'portico-reply': CustomEvent<{ message: TicketMessage }>;
    'portico-ticket-action-request': CustomEvent<{ action: TicketAction; ticket: Ticket }>;
    'portico-ticket-action': CustomEvent<{ action: TicketAction; ticket: Ticket }>;
  }
}
