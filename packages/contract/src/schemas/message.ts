import * as z from 'zod/mini';
import { Attachment, MAX_ATTACHMENTS } from './attachment.js';
import { Id, PageQuery, Timestamp, text } from './common.js';

/**
 * One message of a project's conversation (one conversation per project, between the client's
 * contacts and the firm's staff). `body` is untrusted: Markdown is sanitized before it reaches the
 * DOM, exactly as a ticket message's.
 */
export const ProjectMessage = z.object({
  id: Id,
  projectId: Id,
  /** `contact`: a person of the client's organization; `agent`: the firm's staff (posted through the staff API). */
  author: z.object({ kind: z.enum(['contact', 'agent']), id: Id, name: z.string() }),
  body: z.string(),
  bodyFormat: z.enum(['text', 'markdown']),
  attachments: z.array(Attachment),
  createdAt: Timestamp,
});
export type ProjectMessage = z.infer<typeof ProjectMessage>;

export const ProjectMessagesParams = z.object({ projectId: Id });

/**
 * A page of the conversation. Pages go backwards in time: the first page holds the newest
 * messages and `next_cursor` the older ones; each page is in reading order (oldest first).
 */
export const ProjectMessageListQuery = z.object({ ...PageQuery });

export const ProjectMessageCreate = z.object({
  body: text(z.trim(), z.minLength(1), z.maxLength(20000)),
  /** `markdown` (default) or `text`. */
  bodyFormat: z.optional(z.enum(['text', 'markdown'])),
  /** Files uploaded through `POST /attachments`. */
  attachmentIds: z.optional(z.array(Id).check(z.maxLength(MAX_ATTACHMENTS))),
});
export type ProjectMessageCreate = z.input<typeof ProjectMessageCreate>;

/** "I have read up to this message" (and every message before it). Never moves the marker back. */
export const ProjectMessageMarkRead = z.object({ messageId: Id });
export type ProjectMessageMarkRead = z.input<typeof ProjectMessageMarkRead>;

/** The signed-in contact's read state of a project's conversation. */
export const ProjectMessageReadState = z.object({
  /** The signed-in contact (their own messages are the `contact` messages with this author id). */
  contactId: Id,
  /** The last message the contact has read, or `null` before they read any. */
  lastReadMessageId: z.nullable(Id),
  lastReadAt: z.nullable(Timestamp),
  /** Messages after the marker written by someone else. */
  unreadCount: z.int().check(z.nonnegative()),
  /** The oldest of them (where a "new messages" divider goes), or `null`. */
  firstUnreadMessageId: z.nullable(Id),
});
export type ProjectMessageReadState = z.infer<typeof ProjectMessageReadState>;
