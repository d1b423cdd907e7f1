import * as z from 'zod/mini';
import { Id, PageQuery, Timestamp, text } from './common.js';

export const ArticleCategory = z.object({ id: Id, slug: z.string(), name: z.string(), articleCount: z.int() });
export type ArticleCategory = z.infer<typeof ArticleCategory>;

const ArticleCore = {
  id: Id,
  slug: z.string().check(z.minLength(1), z.maxLength(200)),
  title: z.string(),
  summary: z.string(),
  category: z.nullable(z.object({ id: Id, slug: z.string(), name: z.string() })),
  tags: z.array(z.string()),
  /** The article's language (BCP 47), e.g. `en`, `de`: search stems its words in that language. */
  lang: z.optional(z.string().check(z.maxLength(35))),
  updatedAt: Timestamp,
};

export const ArticleSummary = z.object(ArticleCore);
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = z.object({
  ...ArticleCore,
  /** Markdown or HTML as authored: untrusted, always sanitized before it reaches the DOM. */
  body: z.string(),
  bodyFormat: z.enum(['markdown', 'html']),
  helpfulCount: z.int().check(z.nonnegative()),
  notHelpfulCount: z.int().check(z.nonnegative()),
  /**
   * What the server's knowledge-base provider can do with the article: `votes` false (e.g. a help
   * center whose votes the portal cannot cast) hides “Was this helpful?”. Absent: votes are taken.
   */
  capabilities: z.optional(z.object({ votes: z.boolean() })),
});
export type Article = z.infer<typeof Article>;

/** Highlighting travels as segments, never as markup, so a snippet cannot inject HTML. */
export const Highlighted = z.array(z.object({ text: z.string(), highlight: z.boolean() }));
export type Highlighted = z.infer<typeof Highlighted>;

export const SearchHit = z.object({
  article: ArticleSummary,
  title: Highlighted,
  snippet: Highlighted,
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ArticleListQuery = z.object({ category: z.optional(text(z.maxLength(200))), ...PageQuery });
export const ArticleSearchQuery = z.object({
  q: text(z.trim(), z.minLength(1), z.maxLength(200)),
  category: z.optional(text(z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(20))),
});
export type ArticleSearchQuery = z.input<typeof ArticleSearchQuery>;
export const SearchResults = z.object({ data: z.array(SearchHit) });

/** The knowledge base at a glance: its categories with counts, popular and recently updated articles. */
export const KnowledgeBaseHome = z.object({
  categories: z.array(ArticleCategory),
  /** Most found helpful (votes across organizations), then most recently updated. */
  popular: z.array(ArticleSummary),
  recent: z.array(ArticleSummary),
  articleCount: z.int().check(z.nonnegative()),
});
export type KnowledgeBaseHome = z.infer<typeof KnowledgeBaseHome>;
export const KnowledgeBaseHomeQuery = z.object({
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(20))),
});
export type KnowledgeBaseHomeQuery = z.input<typeof KnowledgeBaseHomeQuery>;

export const SlugParams = z.object({ slug: text(z.minLength(1), z.maxLength(200)) });
export const ArticleVote = z.object({ helpful: z.boolean() });
export const ArticleVoteResult = z.object({ helpfulCount: z.int(), notHelpfulCount: z.int() });
export const CategoryList = z.object({ data: z.array(ArticleCategory) });
