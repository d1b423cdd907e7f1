import { page } from '../schemas/common.js';
import {
  DocumentItem,
  DocumentItemParams,
  DocumentRequest,
  DocumentRequestListQuery,
  DocumentReview,
  DocumentUpload,
  ProjectRequestParams,
  ProjectRequestsParams,
} from '../schemas/document-request.js';
import { get, post } from './define.js';

/**
 * Documents the firm asks a project's client for. Every path is under the project: whoever may see
 * the project may see its requests and answer them. Files over `RESUMABLE_THRESHOLD_BYTES` go
 * through the resumable upload endpoint (`RESUMABLE_PATH`).
 */
export const documentRequests = {
  list: get({
    path: '/projects/{project_id}/document-requests',
    params: ProjectRequestsParams,
    query: DocumentRequestListQuery,
    response: page(DocumentRequest),
  }),
  get: get({
    path: '/projects/{project_id}/document-requests/{request_id}',
    params: ProjectRequestParams,
    response: DocumentRequest,
  }),
  upload: post({
    path: '/projects/{project_id}/document-requests/{request_id}/items/{item_id}/files',
    params: DocumentItemParams,
    body: DocumentUpload,
    bodyKind: 'multipart',
    response: DocumentItem,
    status: 201,
  }),
  review: post({
    path: '/projects/{project_id}/document-requests/{request_id}/items/{item_id}/review',
    params: DocumentItemParams,
    body: DocumentReview,
    response: DocumentItem,
    roles: ['reviewer'],
  }),
} as const;
