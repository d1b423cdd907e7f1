import * as z from 'zod/mini';
import { Id, INT32_MAX, PageQuery, PositiveInt32, Timestamp, text } from './common.js';

const Fraction = z.number().check(z.minimum(0), z.maximum(1));
/** Where on a version a comment points: a region of an image (fractions of its size), a PDF page, a media time. */
export const CommentAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), x: Fraction, y: Fraction, width: Fraction, height: Fraction }),
  z.object({ kind: z.literal('page'), page: PositiveInt32 }),
  z.object({ kind: z.literal('time'), seconds: z.number().check(z.nonnegative()) }),
]);
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const Comment = z.object({
  id: Id,
  deliverableId: Id,
  version: z.int().check(z.positive()),
  body: z.string(),
  author: z.object({ kind: z.enum(['contact', 'agent']), id: Id, name: z.string() }),
  anchor: z.nullable(CommentAnchor),
  createdAt: Timestamp,
});
export type Comment = z.infer<typeof Comment>;

export const VersionParams = z.object({ id: Id, version: z.coerce.number().check(z.int(), z.positive(), z.maximum(INT32_MAX)) });
export const CommentListQuery = z.object({ ...PageQuery });
export const CommentCreate = z.object({
  body: text(z.trim(), z.minLength(1), z.maxLength(10000)),
  anchor: z.optional(z.nullable(CommentAnchor)),
});
export type CommentCreate = z.input<typeof CommentCreate>;
