import * as z from 'zod/mini';
import { CHANGES_NEED_COMMENT_MESSAGE, changesNeedComment } from './checks.js';
import { Id, PageQuery, PersonRef, PositiveInt32, Timestamp, text } from './common.js';

export const Decision = z.enum(['approved', 'changes_requested']);
export type Decision = z.infer<typeof Decision>;

/** One entry of the append-only audit trail of decisions on a deliverable. */
export const Approval = z.object({
  id: Id,
  deliverableId: Id,
  version: z.int().check(z.positive()),
  decision: Decision,
  comment: z.nullable(z.string()),
  decidedBy: PersonRef,
  decidedAt: Timestamp,
});
export type Approval = z.infer<typeof Approval>;

/**
 * A decision names the version it was made on; if that is no longer the current version the
 * server answers 409 `version_conflict`. Requesting changes requires a comment.
 */
export const ApprovalCreate = z
  .object({
    version: PositiveInt32,
    decision: Decision,
    comment: z.optional(text(z.trim(), z.maxLength(5000))),
  })
  .check(
    z.refine(changesNeedComment, {
      message: CHANGES_NEED_COMMENT_MESSAGE,
      path: ['comment'],
    }),
  );
export type ApprovalCreate = z.input<typeof ApprovalCreate>;
export const ApprovalListQuery = z.object({ ...PageQuery });
