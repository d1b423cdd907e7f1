import { API_PREFIX, type Article } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Queryable } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { KB_IMAGE_PATH } from '../http/public-assets.js';
import { knowledgeBaseHome, searchArticles, summaryOf } from './article-search.js';
import { listPage, num, type Sort } from './common.js';

// Through an organization-bound handle `articles` are those published to everyone and the
// organization's own (db/tenancy.ts: shared).
const SELECT = `SELECT a.*, c.slug AS category_slug, c.name AS category_name FROM articles a LEFT JOIN article_categories c ON c.id = a.category_id`;

export const mapSummary = summaryOf;

/** A Markdown image or an HTML `src` pointing at this server's help images by path. */
const ASSET_REFERENCE = new RegExp(`(\\]\\(|src=")${KB_IMAGE_PATH.replace(/\//g, '\\/')}/`, 'g');

/**
 * An article with its vote counts: through a portal handle, or the staff API's own role (an
 * article published to everyone has no organization). Votes are counted across organizations by
 * `article_vote_counts` (migrations/003_tenancy.sql), the votes themselves stay each organization's.
 */
export async function articleById(db: OrgDb | Queryable, id: string): Promise<Article> {
  const [row] = await db.query(
    `${SELECT.replace('SELECT a.*', 'SELECT a.*, vc.helpful, vc.not_helpful')} LEFT JOIN LATERAL article_vote_counts(a.id) vc ON true WHERE a.id = $1`,
    [id],
  );
  if (!row) throw notFound('article');
  return {
    ...mapSummary(row),
    body: row.body,
    bodyFormat: row.body_format,
    helpfulCount: num(row.helpful),
    notHelpfulCount: num(row.not_helpful),
  };
}

async function findBySlug(db: OrgDb, slug: string): Promise<string> {
  const [row] = await db.query('SELECT a.id FROM articles a WHERE a.slug = $1 ORDER BY a.org_id NULLS LAST LIMIT 1', [slug]);
  if (!row) throw notFound('article');
  return row.id;
}

export const articles: PortalHandlers['articles'] = {
  async list({ db, query }) {
    const params: unknown[] = query.category ? [query.category] : [];
    const sql = `${SELECT.replace('SELECT a.*', 'SELECT a.*, a.updated_at AS _sk')} WHERE ${query.category ? 'c.slug = $1' : 'true'}`;
    const sort: Sort = { name: '-updated_at', expr: 'a.updated_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params, sort, idCol: 'a.id' }, query, (rows) => rows.map(mapSummary));
  },

  async search({ db, query }) {
    return { data: await searchArticles(db, query) };
  },

  async get({ db, params, fileUrl }) {
    const article = await articleById(db, await findBySlug(db, params.slug));
    // This server's own images (the seeded screenshots) are stored as paths; the reader gets them
    // at the address files are served from (PORTICO_PUBLIC_URL, else this request's origin), so
    // they load from a host page on another origin too.
    const link = fileUrl('x', 'x', 'attachment');
    const base = link.slice(0, link.indexOf(`${API_PREFIX}/files/`));
    return { ...article, body: article.body.replace(ASSET_REFERENCE, `$1${base}${KB_IMAGE_PATH}/`) };
  },

  async vote({ db, principal: p, params, body }) {
    const id = await findBySlug(db, params.slug);
    await db.query(
      `INSERT INTO article_votes (article_id, contact_id, helpful) VALUES ($1, $2, $3)
       ON CONFLICT (article_id, contact_id) DO UPDATE SET helpful = EXCLUDED.helpful, voted_at = now()`,
      [id, p.contactId, body.helpful],
    );
    const [r] = await db.query('SELECT helpful, not_helpful FROM article_vote_counts($1)', [id]);
    return { helpfulCount: num(r!.helpful), notHelpfulCount: num(r!.not_helpful) };
  },

  async categories({ db }) {
    const rows = await db.query(
      `SELECT c.id, c.slug, c.name, count(a.id)::int AS n FROM article_categories c
       LEFT JOIN articles a ON a.category_id = c.id
       GROUP BY c.id, c.slug, c.name HAVING count(a.id) > 0 ORDER BY c.name, c.id`,
    );
    return { data: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: num(r.n) })) };
  },
};

export const knowledgeBase: PortalHandlers['knowledgeBase'] = {
  async home({ db, query }) {
    return knowledgeBaseHome(db, query.limit);
  },
};
