import * as z from 'zod/mini';
import { Id, Link } from './common.js';

/** A file uploaded through `POST /attachments` and then referenced from a ticket or message. */
export const Attachment = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int().check(z.nonnegative()),
  /** `null` only when the server sent a link the SDK may not use. */
  url: Link,
});
export type Attachment = z.infer<typeof Attachment>;

/** Files per ticket or reply (`attachmentIds`): the contract's limit, which the server's upload policy reports. */
export const MAX_ATTACHMENTS = 10;

/**
 * What the server accepts as an upload (`GET /attachments/policy`), so that a form can say it up
 * front and refuse a file before sending it: the size limit in bytes, the files per ticket or
 * reply, and the media types it recognises from a file's bytes (any UTF-8 text counts as `text/plain`).
 */
export const AttachmentPolicy = z.object({
  maxBytes: z.int().check(z.positive()),
  maxFiles: z.int().check(z.positive()),
  acceptedTypes: z.array(z.string().check(z.maxLength(255))).check(z.maxLength(100)),
});
export type AttachmentPolicy = z.infer<typeof AttachmentPolicy>;
