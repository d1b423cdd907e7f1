import type { StaffHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import { bindOrg, type OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { addProjectMessage, listProjectMessages, mapProjectMessages } from './messages.js';
import { agentId } from './staff.js';

/** The project's organization, as a handle bound to it (the staff API acts on any organization). */
async function projectOrg(db: Queryable, projectId: string): Promise<OrgDb> {
  const [p] = await db.query('SELECT id, org_id FROM projects WHERE id = $1', [projectId]);
  if (!p) throw notFound('project');
  return bindOrg(db, p.org_id);
}

/** `/staff/v1/projects/{project_id}/messages`: the firm's side of a project's conversation. */
export const staffMessages: StaffHandlers['messages'] = {
  async post({ db, params, body, fileUrl }) {
    const org = await projectOrg(db, params.projectId);
    const row = await addProjectMessage(org, {
      projectId: params.projectId,
      author: { kind: 'agent', id: agentId(body.authorName), name: body.authorName },
      body: body.body,
      bodyFormat: body.bodyFormat ?? 'markdown',
      attachmentIds: body.attachmentIds,
      uploader: 'staff',
    });
    const [m] = await mapProjectMessages(org, [row], fileUrl);
    return m!;
  },
  async list({ db, params, query, fileUrl }) {
    return listProjectMessages(await projectOrg(db, params.projectId), params.projectId, query, fileUrl);
  },
};
