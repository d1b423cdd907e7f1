import { IdParams, page } from '../schemas/common.js';
import { Project, ProjectListQuery } from '../schemas/project.js';
import { get } from './define.js';

/** Projects and their milestones. */
export const projects = {
  list: get({ path: '/projects', query: ProjectListQuery, response: page(Project) }),
  get: get({
    path: '/projects/{id}',
    params: IdParams,
    response: Project,
  }),
} as const;
