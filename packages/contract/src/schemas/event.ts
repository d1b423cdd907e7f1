import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

export const PortalEventType = z.enum([
  'ticket.created',
  'ticket.updated',
  'ticket.message_added',
  'article.updated',
  'invoice.updated',
  'deliverable.version_added',
  'deliverable.decision_recorded',
  'deliverable.comment_added',
  'notification.created',
]);
export type PortalEventType = z.infer<typeof PortalEventType>;

/**
 * One change in the organization, as `GET /events` streams it (the SSE `data:` line, JSON).
 * It names what changed; clients refetch the resource rather than trusting a payload.
 */
export const PortalEvent = z.object({
  id: z.string(),
  type: PortalEventType,
  resource: z.object({
    kind: z.enum(['ticket', 'article', 'invoice', 'deliverable', 'notification']),
    id: Id,
    parentId: z.optional(z.nullable(Id)),
  }),
  occurredAt: Timestamp,
});
export type PortalEvent = z.infer<typeof PortalEvent>;
