import type { Article, ArticleSummary } from '@portico/contract';
import type { PortalHandlers } from '../context.js';
import type { Queryable, Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { notFound } from '../errors.js';
import { isoReq } from '../ids.js';
import { listPage, num, type Sort } from './common.js';

// Through an organization-bound handle `articles` are those published to everyone and the
// organization's own (db/tenancy.ts: shared).
const SELECT = `SELECT a.*, c.slug AS category_slug, c.name AS category_name FROM articles a LEFT JOIN article_categories c ON c.id = a.category_id`;

export const mapSummary = (r: Row): ArticleSummary => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  category: r.category_id ? { id: r.category_id, slug: r.category_slug, name: r.category_name } : null,
  tags: r.tags ?? [],
  updatedAt: isoReq(r.updated_at),
});

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

/** Splits text into highlighted / plain segments (never markup). */
export function highlight(text: string, terms: string[]): Array<{ text: string; highlight: boolean }> {
  if (!terms.length || !text) return text ? [{ text, highlight: false }] : [];
  const re = new RegExp(`(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  const out: Array<{ text: string; highlight: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), highlight: false });
    out.push({ text: m[0], highlight: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), highlight: false });
  return out;
}

const plain = (s: string) =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function snippet(text: string, terms: string[], width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return text.slice(0, width) + (text.length > width ? '…' : '');
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}

const count = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < 50; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

export const articles: PortalHandlers['articles'] = {
  async list({ db, query }) {
    const params: unknown[] = query.category ? [query.category] : [];
    const sql = `${SELECT.replace('SELECT a.*', 'SELECT a.*, a.updated_at AS _sk')} WHERE ${query.category ? 'c.slug = $1' : 'true'}`;
    const sort: Sort = { name: '-updated_at', expr: 'a.updated_at', cast: 'timestamptz', dir: 'desc' };
    return listPage(db, { sql, params, sort, idCol: 'a.id' }, query, (rows) => rows.map(mapSummary));
  },

  async search({ db, query }) {
    const terms = [
      ...new Set(
        query.q
          .toLowerCase()
          .split(/\s+/)
          .filter((t: string) => t.length > 0),
      ),
    ].slice(0, 8) as string[];
    const params: unknown[] = [terms.map((t) => `%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)];
    let sql = `${SELECT} WHERE (a.title ILIKE ANY($1::text[]) OR a.summary ILIKE ANY($1::text[]) OR a.body ILIKE ANY($1::text[]))`;
    if (query.category) {
      params.push(query.category);
      sql += ` AND c.slug = $${params.length}`;
    }
    const rows = await db.query(`${sql} LIMIT 500`, params);
    const scored = rows.map((r) => {
      const title = String(r.title).toLowerCase();
      const summary = String(r.summary).toLowerCase();
      const body = String(r.body).toLowerCase();
      let score = 0;
      for (const t of terms) score += count(title, t) * 5 + count(summary, t) * 2 + Math.min(count(body, t), 10);
      return { r, score };
    });
    scored.sort((a, b) => b.score - a.score || String(a.r.id).localeCompare(String(b.r.id)));
    return {
      data: scored.slice(0, query.limit ?? 10).map(({ r, score }) => {
        const text = [r.summary, plain(r.body)].find((s) => terms.some((t) => s.toLowerCase().includes(t))) ?? r.summary;
        return {
          article: mapSummary(r),
          title: highlight(r.title, terms),
          snippet: highlight(snippet(text, terms), terms),
          score,
        };
      }),
    };
  },

  async get({ db, params }) {
    return articleById(db, await findBySlug(db, params.slug));
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
