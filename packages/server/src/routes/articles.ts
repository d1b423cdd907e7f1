import { API_PREFIX, type Article } from '@portico/contract';
import type { Queryable } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { KB_IMAGE_PATH } from '../http/public-assets.js';
import { summaryOf } from './article-search.js';
import { num } from './common.js';

// Through an organization-bound handle `articles` are those published to everyone and the
// organization's own (db/tenancy.ts: shared).
const SELECT = `SELECT a.*, c.slug AS category_slug, c.name AS category_name FROM articles a LEFT JOIN article_categories c ON c.id = a.category_id`;

export const mapSummary = summaryOf;

/** A Markdown image or an HTML `src` pointing at this server's help images by path. */
const ASSET_REFERENCE = new RegExp(`(\\]\\(|src=")${KB_IMAGE_PATH.replace(/\//g, '\\/')}/`, 'g');

/**
 * This server's own images (the seeded screenshots) are stored as paths; the reader gets them at
 * the address files are served from (PORTICO_PUBLIC_URL, else this request's origin, as a signed
 * file link is made), so they load from a host page on another origin too.
 */
export function withServerImages(article: Article, fileUrl: (id: string, org: string, d: 'attachment') => string): Article {
  const link = fileUrl('x', 'x', 'attachment');
  const base = link.slice(0, link.indexOf(`${API_PREFIX}/files/`));
  return { ...article, body: article.body.replace(ASSET_REFERENCE, `$1${base}${KB_IMAGE_PATH}/`) };
}

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

export async function findBySlug(db: OrgDb, slug: string): Promise<string> {
  const [row] = await db.query('SELECT a.id FROM articles a WHERE a.slug = $1 ORDER BY a.org_id NULLS LAST LIMIT 1', [slug]);
  if (!row) throw notFound('article');
  return row.id;
}
