import { IdParams, page } from '../schemas/common.js';
import { Deliverable, DeliverableListQuery, DeliverableSummary, ProjectDeliverablesParams } from '../schemas/deliverable.js';
import { get } from './define.js';

/** A project's deliverables and their versions. */
export const deliverables = {
  list: get({
    path: '/projects/{project_id}/deliverables',
    params: ProjectDeliverablesParams,
    query: DeliverableListQuery,
    response: page(DeliverableSummary),
  }),
  get: get({
    path: '/deliverables/{id}',
    params: IdParams,
    response: Deliverable,
  }),
} as const;
