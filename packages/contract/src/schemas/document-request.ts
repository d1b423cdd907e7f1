import * as z from 'zod/mini';
import { Id, Link, PageQuery, PersonRef, Timestamp, text } from './common.js';

/**
 * Where an item of a document request stands: nothing sent yet (`missing`), sent and waiting for
 * the firm (`uploaded`), `accepted`, `rejected` (with a `reason`: the client uploads again), or
 * `not_applicable` (the firm waived it).
 */
export const DocumentItemStatus = z.enum(['missing', 'uploaded', 'accepted', 'rejected', 'not_applicable']);
export type DocumentItemStatus = z.infer<typeof DocumentItemStatus>;

export const DocumentRequestStatus = z.enum(['open', 'closed']);
export type DocumentRequestStatus = z.infer<typeof DocumentRequestStatus>;

/** A file answering an item. */
export const DocumentFile = z.object({
  id: Id,
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int().check(z.nonnegative()),
  /** SHA-256 of the file's bytes, hex. */
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  uploadedBy: PersonRef,
  createdAt: Timestamp,
  downloadUrl: Link,
});
export type DocumentFile = z.infer<typeof DocumentFile>;

/** One document asked for. */
export const DocumentItem = z.object({
  id: Id,
  label: z.string(),
  required: z.boolean(),
  /** Media types the item takes (`application/pdf`, `image/*`); empty: any type the server accepts. */
  acceptedTypes: z.array(z.string()),
  /** The largest file the item takes, in bytes. */
  maxBytes: z.int().check(z.positive()),
  status: DocumentItemStatus,
  /** Why it was rejected (or a note on acceptance / not applicable); null when none. */
  reason: z.nullable(z.string()),
  decidedBy: z.nullable(z.string()),
  decidedAt: z.nullable(Timestamp),
  /** The files that answer it now (replaced or rejected ones are not listed). */
  files: z.array(DocumentFile),
});
export type DocumentItem = z.infer<typeof DocumentItem>;

/** The most items a request may ask for. */
export const MAX_DOCUMENT_ITEMS = 50;

export const DocumentRequest = z.object({
  id: Id,
  projectId: Id,
  title: z.string(),
  instructions: z.string(),
  dueAt: z.nullable(Timestamp),
  /** Days relative to the due date at which the client is reminded (negative: before). */
  reminderOffsets: z.array(z.int()),
  status: DocumentRequestStatus,
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  closedAt: z.nullable(Timestamp),
  items: z.array(DocumentItem).check(z.maxLength(MAX_DOCUMENT_ITEMS)),
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export const DocumentRequestListQuery = z.object({ status: z.optional(DocumentRequestStatus), ...PageQuery });
export const ProjectRequestsParams = z.object({ projectId: Id });
export const ProjectRequestParams = z.object({ projectId: Id, requestId: Id });
export const DocumentItemParams = z.object({ projectId: Id, requestId: Id, itemId: Id });

/** One file for an item (multipart). `replace: "true"` replaces the item's files (before acceptance). */
export const DocumentUpload = z.object({ file: z.file(), replace: z.optional(z.enum(['true', 'false'])) });

/** A reviewer's decision on an item; rejecting needs a reason. */
export const DocumentReview = z.object({
  decision: z.enum(['accepted', 'rejected', 'not_applicable']),
  reason: z.optional(z.nullable(text(z.trim(), z.maxLength(2000)))),
});
export type DocumentReview = z.infer<typeof DocumentReview>;

/**
 * Resumable uploads (the tus protocol 1.0, creation and termination extensions) live at
 * `/portal/v1` + this path, with the same Bearer token. A file larger than
 * `RESUMABLE_THRESHOLD_BYTES` goes there: its `Upload-Metadata` names `project_id`, `request_id`,
 * `item_id`, `filename`, optionally `replace` and `sha256` (hex; the server verifies it once the
 * last byte is in and refuses the file when it differs). The finished upload answers like the
 * multipart upload (the item, JSON) and the item's event is emitted.
 */
export const RESUMABLE_PATH = '/resumable-uploads';
export const RESUMABLE_THRESHOLD_BYTES = 5 * 1024 * 1024;
