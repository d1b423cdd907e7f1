import * as z from 'zod/mini';
import { CHANGES_NEED_COMMENT_MESSAGE, changesNeedComment } from './checks.js';
import { Id, PageQuery, PersonRef, PositiveInt32, Timestamp, text } from './common.js';

export const Decision = z.enum(['approved', 'changes_requested']);
export type Decision = z.infer<typeof Decision>;

/**
 * One entry of the append-only audit trail of decisions on a deliverable. An approver makes one
 * decision per version; changing one's mind is a new entry that `supersedes` the previous one,
 * which the trail then shows with `supersededBy`. The current decisions on a version are those
 * with no `supersededBy`. (Both are optional on the wire: servers before them send neither.)
 */
export const Approval = z.object({
  id: Id,
  deliverableId: Id,
  version: z.int().check(z.positive()),
  decision: Decision,
  comment: z.nullable(z.string()),
  decidedBy: PersonRef,
  decidedAt: Timestamp,
  /** The same approver's earlier decision on this version that this one replaces. */
  supersedes: z.optional(z.nullable(Id)),
  /** The same approver's later decision on this version that replaced this one. */
  supersededBy: z.optional(z.nullable(Id)),
});
export type Approval = z.infer<typeof Approval>;

/**
 * A decision names the version it was made on; if that is no longer the current version the
 * server answers 409 `version_conflict`. Requesting changes requires a comment.
 *
 * One decision per approver per version: a second one answers 409 `already_decided`, unless it
 * names the approver's current decision on that version in `supersedes` (changing one's mind).
 * Naming any other decision answers 409 `supersede_conflict`.
 */
export const ApprovalCreate = z
  .object({
    version: PositiveInt32,
    decision: Decision,
    comment: z.optional(text(z.trim(), z.maxLength(5000))),
    supersedes: z.optional(Id),
  })
  .check(
    z.refine(changesNeedComment, {
      message: CHANGES_NEED_COMMENT_MESSAGE,
      path: ['comment'],
    }),
  );
export type ApprovalCreate = z.input<typeof ApprovalCreate>;
export const ApprovalListQuery = z.object({ ...PageQuery });
