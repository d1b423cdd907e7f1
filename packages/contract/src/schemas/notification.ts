import * as z from 'zod/mini';
import { Id, Link, PageQuery, Timestamp } from './common.js';

export const Notification = z.object({
  id: Id,
  kind: z.enum(['ticket_reply', 'ticket_status', 'invoice_issued', 'deliverable_version', 'decision_recorded', 'announcement']),
  title: z.string(),
  body: z.string(),
  link: Link,
  createdAt: Timestamp,
  readAt: z.nullable(Timestamp),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({ unread: z.optional(z.enum(['true', 'false'])), ...PageQuery });
export const ReadAllResult = z.object({ updated: z.int().check(z.nonnegative()) });
