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
  'project.message_added',
  'project.messages_read',
  'notification.created',
  'notification.updated',
  'notification.read_all',
  'contact.updated',
  'payment_method.updated',
  'subscription.updated',
  'usage.updated',
  'document_request.updated',
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
    kind: z.enum([
      'ticket',
      'article',
      'invoice',
      'deliverable',
      'project_message',
      'notification',
      'contact',
      'payment_method',
      'subscription',
      'usage',
      'document_request',
    ]),
    id: Id,
    parentId: z.optional(z.nullable(Id)),
  }),
  occurredAt: Timestamp,
});
export type PortalEvent = z.infer<typeof PortalEvent>;

/**
 * A message about the stream itself, not a change: SSE `event:` is its `type` and `data:` this
 * object (JSON). Clients tell it from a `PortalEvent` by its `type`.
 *
 * - `stream.reset` — the stream could not resume from the `Last-Event-ID` sent (the event log no
 *   longer reaches back that far, or does not know that id): changes may have been missed, so
 *   refetch everything on screen. Its SSE `id` is the position the stream continues from.
 * - `stream.token_expired` — the token the stream was opened with has expired; the server ends
 *   the stream after it. Reconnect with a fresh token and `Last-Event-ID`: nothing is lost.
 */
export const StreamControl = z.object({
  type: z.enum(['stream.reset', 'stream.token_expired']),
});
export type StreamControl = z.infer<typeof StreamControl>;
