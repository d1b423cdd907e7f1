import type { Project } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Queryable, Row } from '../db/db.js';
import { notFound } from '../errors.js';
import { iso, isoReq } from '../ids.js';
import { listPage } from './common.js';

const MILESTONES = `SELECT id, project_id, title, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, completed_at
  FROM milestones WHERE project_id = ANY($1::text[]) ORDER BY position, id`;

export async function mapProjects(db: Queryable, rows: Row[]): Promise<Project[]> {
  const ms = rows.length ? await db.query(MILESTONES, [rows.map((r) => r.id)]) : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    milestones: ms
      .filter((m) => m.project_id === r.id)
      .map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, status: m.status, completedAt: iso(m.completed_at) })),
    createdAt: isoReq(r.created_at),
    updatedAt: isoReq(r.updated_at),
  }));
}

export async function projectById(db: Queryable, id: string, orgId?: string): Promise<Project> {
  const rows = await db.query(`SELECT * FROM projects WHERE id = $1${orgId ? ' AND org_id = $2' : ''}`, orgId ? [id, orgId] : [id]);
  if (!rows.length) throw notFound('project');
  return (await mapProjects(db, rows))[0]!;
}

export const projects: PortalHandlers['projects'] = {
  async list({ db, principal: p, query }) {
    const params: unknown[] = [p.orgId];
    let sql = 'SELECT p.*, p.created_at AS _sk FROM projects p WHERE p.org_id = $1';
    if (query.status) {
      params.push(query.status);
      sql += ` AND p.status = $${params.length}`;
    }
    return listPage(
      db,
      {
        sql,
        params,
        sort: { name: '-created_at', expr: 'p.created_at', cast: 'timestamptz', dir: 'desc' },
        idCol: 'p.id',
        limit: query.limit,
        cursor: query.cursor,
      },
      (rows) => mapProjects(db, rows),
    );
  },
  async get({ db, principal: p, params }) {
    return projectById(db, params.id, p.orgId);
  },
};
