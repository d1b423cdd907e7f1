/**
 * Staff endpoints of a project's conversation: the firm's people post as staff, under a name the
 * staff system sends (their own id is derived from it, like an agent's ticket reply). Part of `staffEndpoints`.
 */
import * as z from 'zod/mini';
import type { EndpointDef } from './endpoints/define.js';
import { MAX_ATTACHMENTS } from './schemas/attachment.js';
import { Id, PageQuery, page, text } from './schemas/common.js';
import { ProjectMessage, ProjectMessagesParams } from './schemas/message.js';

export const StaffProjectMessageCreate = z.object({
  body: text(z.trim(), z.minLength(1), z.maxLength(20000)),
  /** `markdown` (default) or `text`. */
  bodyFormat: z.optional(z.enum(['text', 'markdown'])),
  /** Who writes, as the client will see it (e.g. "Dana from Studio Nord"). */
  authorName: text(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Files uploaded through `POST /staff/v1/orgs/{org}/files` (of the project's organization). */
  attachmentIds: z.optional(z.array(Id).check(z.maxLength(MAX_ATTACHMENTS))),
});
export type StaffProjectMessageCreate = z.input<typeof StaffProjectMessageCreate>;

const def = <const E extends EndpointDef>(e: E): E => e;

export const staffMessageEndpoints = {
  post: def({
    method: 'POST',
    idempotent: false,
    path: '/projects/{project_id}/messages',
    tag: 'staff',
    summary: "Post to a project's conversation as staff",
    params: ProjectMessagesParams,
    body: StaffProjectMessageCreate,
    response: ProjectMessage,
    status: 201,
  }),
  list: def({
    method: 'GET',
    idempotent: true,
    path: '/projects/{project_id}/messages',
    tag: 'staff',
    summary: "A page of a project's conversation (newest page first, each page oldest first)",
    params: ProjectMessagesParams,
    query: z.object({ ...PageQuery }),
    response: page(ProjectMessage),
  }),
} as const;
