import { Approval, ApprovalCreate, ApprovalListQuery } from '../schemas/approval.js';
import { IdParams, page } from '../schemas/common.js';
import { get, post } from './define.js';

/** Approval decisions on a deliverable. */
export const approvals = {
  list: get({
    path: '/deliverables/{id}/approvals',
    params: IdParams,
    query: ApprovalListQuery,
    response: page(Approval),
  }),
  create: post({
    path: '/deliverables/{id}/approvals',
    params: IdParams,
    body: ApprovalCreate,
    response: Approval,
    status: 201,
    roles: ['approver'],
  }),
} as const;
