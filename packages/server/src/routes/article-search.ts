import type { ArticleSearchQuery, ArticleSummary, Highlighted, KnowledgeBaseHome, SearchHit } from '@portico/contract';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { isoReq } from '../ids.js';
import { num } from './common.js';

export const summaryOf = (r: Row): ArticleSummary => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  summary: r.summary,
  category: r.category_id ? { id: r.category_id, slug: r.category_slug, name: r.category_name } : null,
  tags: r.tags ?? [],
  lang: r.lang,
  updatedAt: isoReq(r.updated_at),
});

/**
 * Knowledge-base search on PostgreSQL full-text search (migrations/080_article_search.sql), the
 * same statement on PostgreSQL and PGlite:
 *
 * - each article is matched in its own language's configuration (english, german, simple), so
 *   stop words ("how", "do", "I", "my") are no terms and words match by stem (invoice/invoices);
 * - a plain query finds articles with any of its words and ranks those with all of them first
 *   (`websearch_to_tsquery`); a query with operators — "quoted phrase", -word, or — means what
 *   `websearch_to_tsquery` says;
 * - the last word also matches as a prefix (search as you type: "invo");
 * - a word that no article has is replaced by the nearest one that some article has, by trigram
 *   similarity, where pg_trgm is installed (`article_search_typos()`);
 * - rank: the share of the query's words an article has, plus `ts_rank` with title (A) over
 *   summary and tags (B) over body (C), plus one for matching the whole query;
 * - highlights come from `ts_headline` with private-use markers, split here into segments (whole
 *   words, never HTML).
 *
 * `input` and `q` are MATERIALIZED: inlined, PostgreSQL would build the queries again for every
 * article (≈ 5× slower).
 */
const SEARCH_SQL = (category: boolean) => `
WITH terms AS (
  SELECT t.term, t.ord,
    CASE WHEN length(t.term) < 4 OR t.term !~ '^[[:alpha:]]+$' OR EXISTS (SELECT 1 FROM article_words w WHERE w.word = t.term)
      THEN t.term
      ELSE coalesce((SELECT w.word FROM article_words w WHERE article_word_near(w.word, t.term)
                     ORDER BY article_word_similarity(w.word, t.term) DESC, w.word LIMIT 1), t.term)
    END AS fixed
  FROM unnest($2::text[]) WITH ORDINALITY AS t(term, ord)
), input AS MATERIALIZED (
  SELECT coalesce(string_agg(fixed, ' ' ORDER BY ord), '') AS words FROM terms
), q AS MATERIALIZED (
  SELECT c.cfg, article_any_query(c.cfg, input.words, $3) AS anyq, tsvector_to_array(to_tsvector(c.cfg, input.words)) AS lexemes,
    CASE WHEN $4 THEN websearch_to_tsquery(c.cfg, $1) ELSE websearch_to_tsquery(c.cfg, input.words) END AS allq
  FROM input, (VALUES ('english'::regconfig), ('german'::regconfig), ('simple'::regconfig)) AS c(cfg)
), hits AS (
  SELECT a.id, a.slug, a.title, a.summary, a.body, a.category_id, c.slug AS category_slug, c.name AS category_name,
    a.tags, a.lang, a.updated_at, q.cfg, q.anyq,
    article_coverage(a.search, q.lexemes) + ts_rank('{0.1, 0.2, 0.4, 1.0}', a.search, q.anyq, 1) + (a.search @@ q.allq)::int AS score
  FROM articles a
  JOIN q ON q.cfg = article_ts_config(a.lang)
  LEFT JOIN article_categories c ON c.id = a.category_id
  WHERE CASE WHEN $4 THEN a.search @@ q.allq ELSE a.search @@ q.anyq END${category ? ' AND c.slug = $6' : ''}
  ORDER BY score DESC, a.id
  LIMIT $5
)
SELECT hits.*,
  article_headline(cfg, title, anyq, 'HighlightAll=true') AS title_marked,
  article_headline(cfg, summary || ' ' || article_plain(body), anyq,
    'MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') AS snippet_marked
FROM hits ORDER BY score DESC, id`;

const START = '\uE000';
const END = '\uE001';

/** Splits `ts_headline` output (matches between U+E000 and U+E001) into text segments. */
export function markedSegments(marked: string): Highlighted {
  const out: Highlighted = [];
  const push = (text: string, highlight: boolean) => {
    const clean = text.replace(/[\uE000\uE001]/g, '');
    if (!clean) return;
    const prev = out[out.length - 1];
    if (prev && prev.highlight === highlight) prev.text += clean;
    else out.push({ text: clean, highlight });
  };
  let i = 0;
  for (;;) {
    const s = marked.indexOf(START, i);
    const e = s < 0 ? -1 : marked.indexOf(END, s + 1);
    if (e < 0) break;
    push(marked.slice(i, s), false);
    push(marked.slice(s + 1, e), true);
    i = e + 1;
  }
  push(marked.slice(i), false);
  return out;
}

/** A query's words (lower case, letters and digits), at most 12. */
export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/** Whether the query uses `websearch_to_tsquery` operators: a quoted phrase, -word, or `or`. */
export const hasOperators = (q: string) => /"|(^|\s)-[\p{L}\p{N}]|\sor\s/iu.test(q);

export async function searchArticles(db: OrgDb, query: Pick<ArticleSearchQuery, 'q' | 'category' | 'limit'>): Promise<SearchHit[]> {
  const words = queryWords(query.q);
  if (!words.length) return [];
  const params: unknown[] = [query.q, words, words[words.length - 1], hasOperators(query.q), query.limit ?? 10];
  if (query.category) params.push(query.category);
  const rows = await db.query(SEARCH_SQL(Boolean(query.category)), params);
  return rows.map((r) => ({
    article: summaryOf(r),
    title: markedSegments(String(r.title_marked)),
    snippet: markedSegments(String(r.snippet_marked)),
    score: Number(r.score),
  }));
}

const SUMMARY_COLS = `a.id, a.slug, a.title, a.summary, a.category_id, c.slug AS category_slug, c.name AS category_name, a.tags, a.lang, a.updated_at`;
const FROM = `FROM articles a LEFT JOIN article_categories c ON c.id = a.category_id`;

/** The knowledge base at a glance: categories with their article counts, popular and recent articles. */
export async function knowledgeBaseHome(db: OrgDb, limit = 5): Promise<KnowledgeBaseHome> {
  const categories = await db.query(
    `SELECT c.id, c.slug, c.name, count(a.id)::int AS n FROM article_categories c
     JOIN articles a ON a.category_id = c.id GROUP BY c.id, c.slug, c.name ORDER BY c.name, c.id`,
  );
  const [total] = await db.query('SELECT count(*)::int AS n FROM articles a');
  // Popular: found helpful by most readers (counted across organizations by article_vote_counts).
  const popular = await db.query(
    `SELECT ${SUMMARY_COLS}, vc.helpful ${FROM} CROSS JOIN LATERAL article_vote_counts(a.id) vc
     WHERE vc.helpful > 0 ORDER BY vc.helpful DESC, a.updated_at DESC, a.id LIMIT $1`,
    [limit],
  );
  const recent = await db.query(`SELECT ${SUMMARY_COLS} ${FROM} ORDER BY a.updated_at DESC, a.id DESC LIMIT $1`, [limit]);
  return {
    categories: categories.map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: num(r.n) })),
    popular: popular.map(summaryOf),
    recent: recent.map(summaryOf),
    articleCount: num(total!.n),
  };
}
