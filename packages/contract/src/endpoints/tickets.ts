import { IdParams, page } from '../schemas/common.js';
import { Ticket, TicketAction, TicketCreate, TicketListQuery, TicketMessage, TicketMessagesQuery, TicketReply } from '../schemas/ticket.js';
import { get, post } from './define.js';

/** Support tickets and their messages. */
export const tickets = {
  list: get({ path: '/tickets', query: TicketListQuery, response: page(Ticket) }),
  get: get({ path: '/tickets/{id}', params: IdParams, response: Ticket }),
  create: post({ path: '/tickets', body: TicketCreate, response: Ticket, status: 201 }),
  messages: get({
    path: '/tickets/{id}/messages',
    params: IdParams,
    query: TicketMessagesQuery,
    response: page(TicketMessage),
  }),
  reply: post({
    path: '/tickets/{id}/messages',
    params: IdParams,
    body: TicketReply,
    response: TicketMessage,
    status: 201,
  }),
  act: post({
    path: '/tickets/{id}/actions',
    params: IdParams,
    body: TicketAction,
    response: Ticket,
  }),
} as const;
