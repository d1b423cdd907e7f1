import * as z from 'zod/mini';
import { Id, Link, PageQuery, PersonRef, Timestamp } from './common.js';

export const ReviewStatus = z.enum(['pending', 'approved', 'changes_requested']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const DeliverableVersion = z.object({
  id: Id,
  number: z.int().check(z.positive()),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int().check(z.nonnegative()),
  /** SHA-256 of the file's bytes, hex. */
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  uploadedBy: PersonRef,
  createdAt: Timestamp,
  /** `processing` while previews are being made; `preview_url` is null until `ready`. */
  processing: z.enum(['processing', 'ready', 'failed']),
  previewUrl: Link,
  /** `null` only when the server sent a link the SDK may not use. */
  downloadUrl: Link,
});
export type DeliverableVersion = z.infer<typeof DeliverableVersion>;

export const LastAction = z.object({
  kind: z.enum(['uploaded', 'approved', 'changes_requested', 'commented']),
  by: PersonRef,
  at: Timestamp,
  version: z.int(),
});

const DeliverableCore = {
  id: Id,
  projectId: Id,
  title: z.string(),
  description: z.string(),
  reviewStatus: ReviewStatus,
  currentVersion: DeliverableVersion,
  lastAction: z.nullable(LastAction),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const DeliverableSummary = z.object(DeliverableCore);
export type DeliverableSummary = z.infer<typeof DeliverableSummary>;
/**
 * The most versions a deliverable carries in a response: the newest ones (a version switcher with
 * thousands would stall the page). `versionCount` says how many there are.
 */
export const MAX_VERSIONS = 100;

/** A deliverable with its versions, newest first: all of them, or the newest `MAX_VERSIONS` — see `versionCount`. */
export const Deliverable = z.object({
  ...DeliverableCore,
  versions: z.array(DeliverableVersion).check(z.maxLength(MAX_VERSIONS)),
  /** How many versions the deliverable has: more than `versions` holds when it was cut at `MAX_VERSIONS`. */
  versionCount: z.int().check(z.positive()),
});
export type Deliverable = z.infer<typeof Deliverable>;

export const DeliverableListQuery = z.object({ reviewStatus: z.optional(ReviewStatus), ...PageQuery });
export const ProjectDeliverablesParams = z.object({ projectId: Id });
