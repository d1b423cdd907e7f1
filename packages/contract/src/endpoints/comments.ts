import { Comment, CommentCreate, CommentListQuery, VersionParams } from '../schemas/comment.js';
import { page } from '../schemas/common.js';
import { get, post } from './define.js';

/** Review comments on a deliverable version. */
export const comments = {
  list: get({
    path: '/deliverables/{id}/versions/{version}/comments',
    params: VersionParams,
    query: CommentListQuery,
    response: page(Comment),
  }),
  create: post({
    path: '/deliverables/{id}/versions/{version}/comments',
    params: VersionParams,
    body: CommentCreate,
    response: Comment,
    status: 201,
  }),
} as const;
