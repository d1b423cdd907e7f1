import { MAX_MILESTONES, type Project } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { iso, isoReq } from '../ids.js';
import { listPage, num, type Sort } from './common.js';

// The first MAX_MILESTONES of each project in plan order, each row with its project's count.
const MILESTONES = `SELECT * FROM (
    SELECT id, project_id, title, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, completed_at, position,
      row_number() OVER (PARTITION BY project_id ORDER BY position, id) AS n, count(*) OVER (PARTITION BY project_id) AS total
    FROM milestones WHERE project_id = ANY($1::text[])
  ) m WHERE n <= ${MAX_MILESTONES} ORDER BY position, id`;

export async function mapProjects(db: OrgDb, rows: Row[]): Promise<Project[]> {
  const ms = rows.length ? await db.query(MILESTONES, [rows.map((r) => r.id)]) : [];
  return rows.map((r) => {
    const mine = ms.filter((m) => m.project_id === r.id);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      status: r.status,
      milestones: mine.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, status: m.status, completedAt: iso(m.completed_at) })),
      milestoneCount: mine.length ? num(mine[0]!.total) : 0,
      createdAt: isoReq(r.created_at),
      updatedAt: isoReq(r.updated_at),
    };
  });
}

/** The project with its milestones, in the handle's organization. */
export async function projectById(db: OrgDb, id: string): Promise<Project> {
  const rows = await db.query('SELECT * FROM projects WHERE id = $1', [id]);
  if (!rows.length) throw notFound('project');
  return (await mapProjects(db, rows))[0]!;
}

export const projects: PortalHandlers['projects'] = {
  async list({ db, query }) {
    const params: unknown[] = query.status ? [query.status] : [];
    const sql = `SELECT p.*, p.created_at AS _sk FROM projects p WHERE ${query.status ? 'p.status = $1' : 'true'}`;
    const sort: Sort = { name: '-created_at', expr: 'p.created_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params, sort, idCol: 'p.id' }, query, (rows) => mapProjects(db, rows));
  },
  async get({ db, params }) {
    return projectById(db, params.id);
  },
};
