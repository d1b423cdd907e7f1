import * as z from 'zod/mini';
import { Attachment, MAX_ATTACHMENTS } from './attachment.js';
import { Id, PageQuery, PersonRef, Timestamp, text } from './common.js';

export const TicketStatus = z.enum(['open', 'pending', 'on_hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPriority>;

export const Sla = z.object({
  firstResponseDueAt: z.nullable(Timestamp),
  firstRespondedAt: z.nullable(Timestamp),
  resolutionDueAt: z.nullable(Timestamp),
  /** True once a target passed unmet. "Due soon" is derived by the UI from the due dates. */
  breached: z.boolean(),
});
export type Sla = z.infer<typeof Sla>;

export const Ticket = z.object({
  id: Id,
  number: z.int().check(z.positive()),
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  requester: PersonRef,
  assigneeName: z.nullable(z.string()),
  tags: z.array(z.string()),
  escalated: z.boolean(),
  messageCount: z.int().check(z.nonnegative()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sla: Sla,
});
export type Ticket = z.infer<typeof Ticket>;

export const MessageAuthor = z.object({ kind: z.enum(['contact', 'agent']), id: Id, name: z.string() });
export const BodyFormat = z.enum(['text', 'markdown']);

export const TicketMessage = z.object({
  id: Id,
  ticketId: Id,
  author: MessageAuthor,
  body: z.string(),
  bodyFormat: BodyFormat,
  attachments: z.array(Attachment),
  createdAt: Timestamp,
});
export type TicketMessage = z.infer<typeof TicketMessage>;

export const TicketSort = z.enum(['created_at', '-created_at', 'updated_at', '-updated_at', 'priority', '-priority', 'number', '-number']);
export type TicketSort = z.infer<typeof TicketSort>;

export const TicketListQuery = z.object({
  status: z.optional(TicketStatus),
  priority: z.optional(TicketPriority),
  q: z.optional(text(z.maxLength(200))),
  sort: z.optional(TicketSort),
  /** `mine` (default): the contact's own tickets; `organization`: all of them (admins only). */
  scope: z.optional(z.enum(['mine', 'organization'])),
  ...PageQuery,
});
export type TicketListQuery = z.input<typeof TicketListQuery>;

const Subject = text(z.trim(), z.minLength(3), z.maxLength(200));
const Body = text(z.trim(), z.minLength(1), z.maxLength(20000));
const AttachmentIds = z.optional(z.array(Id).check(z.maxLength(MAX_ATTACHMENTS)));

export const TicketCreate = z.object({
  subject: Subject,
  body: Body,
  priority: z.optional(TicketPriority),
  attachmentIds: AttachmentIds,
});
export type TicketCreate = z.input<typeof TicketCreate>;

export const TicketReply = z.object({ body: Body, attachmentIds: AttachmentIds });
export type TicketReply = z.input<typeof TicketReply>;

export const TicketAction = z.object({
  action: z.enum(['close', 'reopen', 'escalate']),
  reason: z.optional(text(z.maxLength(2000))),
});
export type TicketAction = z.input<typeof TicketAction>;

export const TicketMessagesQuery = z.object({ ...PageQuery });
