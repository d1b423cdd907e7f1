/**
 * Help Center articles as Portico's knowledge base, per locale: the request's `Accept-Language`
 * picks one of the configured locales (`ZENDESK_LOCALES`, first = default). Bodies are Zendesk's
 * HTML, sent as `bodyFormat: 'html'`: the kb-article component runs them through the same
 * sanitizer as the built-in HTML articles. Drafts and articles restricted to a user segment
 * (`user_segment_id` set) are never shown: filtered out of every list and search, 404 when asked
 * for by slug. Votes: Help Center votes are cast by the reader's own Zendesk account, which the
 * portal does not sign in with — `capabilities.votes` is false and the component hides voting.
 */
import type { Article, ArticleCategory, ArticleSummary, Highlighted, SearchHit } from '@portico/contract';
import type { ConnectorCache } from '../connectors/cache.js';
import { conflict, notFound } from '../errors.js';
import type { KnowledgeBaseProvider, SupportCtx } from '../support/provider.js';
import type { ZendeskClient } from './client.js';

export interface ZArticle {
  id: number;
  title: string;
  body: string | null;
  locale: string;
  draft: boolean;
  user_segment_id: number | null;
  section_id: number | null;
  label_names?: string[];
  vote_sum?: number;
  vote_count?: number;
  updated_at: string;
  snippet?: string;
}
interface ZSection {
  id: number;
  name: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
/** Text of an HTML fragment (for summaries): tags out, entities decoded, whitespace collapsed. */
export const htmlText = (html: string) =>
  decode(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** Zendesk's search snippet (`<em>` around matches) as highlight segments: text only, never markup. */
export function snippetSegments(snippet: string): Highlighted {
  const out: Highlighted = [];
  for (const [i, part] of snippet.split(/<\/?em>/i).entries()) {
    const text = decode(part.replace(/<[^>]*>/g, ''));
    if (text) out.push({ text, highlight: i % 2 === 1 });
  }
  return out;
}

/** Title segments with the query's words highlighted (Zendesk highlights only the snippet). */
function titleSegments(title: string, q: string): Highlighted {
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);
  if (!words.length) return [{ text: title, highlight: false }];
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return title
    .split(re)
    .filter(Boolean)
    .map((text) => ({ text, highlight: words.includes(text.toLowerCase()) }));
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
const idOfSlug = (slug: string) => /^(\d{1,18})(-|$)/.exec(slug)?.[1];
/** Shown to the portal: published (not a draft) and not restricted to a user segment. */
export const visible = (a: ZArticle) => a.draft !== true && a.user_segment_id == null;

export function zendeskKnowledgeBase(
  client: ZendeskClient,
  locales: string[] = ['en-us'],
  opts: { cache?: ConnectorCache } = {},
): KnowledgeBaseProvider {
  /** A Help Center read (as the agent), through the organization's cache when there is one. */
  const get = <T>(ctx: SupportCtx, path: string, what?: string): Promise<T> => {
    const load = () => client.call<T>(undefined, 'GET', path, { what });
    return opts.cache ? opts.cache.get(ctx.db.orgId, `zendesk:kb:${path}`, load) : load();
  };
  /** One of the configured locales from the request's Accept-Language, else the first. */
  function localeOf(ctx: SupportCtx): string {
    const header = ctx.c?.req.header('accept-language') ?? '';
    for (const tag of header.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase())) {
      const hit = locales.find((l) => l === tag) ?? locales.find((l) => l.split('-')[0] === tag.split('-')[0]);
      if (tag && hit) return hit;
    }
    return locales[0]!;
  }

  const category = (a: ZArticle, sections: ZSection[]) => {
    const s = sections.find((x) => x.id === a.section_id);
    return s ? { id: String(s.id), slug: `${s.id}-${slugify(s.name)}`, name: s.name } : null;
  };
  const summary = (a: ZArticle, sections: ZSection[]): ArticleSummary => {
    const text = htmlText(a.body ?? '');
    return {
      id: String(a.id),
      slug: `${a.id}-${slugify(a.title) || 'article'}`,
      title: a.title,
      summary: text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text,
      category: category(a, sections),
      tags: a.label_names ?? [],
      lang: a.locale,
      updatedAt: new Date(a.updated_at).toISOString(),
    };
  };

  /** The newest articles of a locale (one page of 100) with their sections: home and categories are built from it. */
  async function window(ctx: SupportCtx, locale: string) {
    const r = await get<{ articles: ZArticle[]; sections?: ZSection[]; count?: number; next_page?: string | null }>(
      ctx,
      `/api/v2/help_center/${encodeURIComponent(locale)}/articles.json?per_page=100&sort_by=updated_at&sort_order=desc&include=sections`,
    );
    const shown = r.articles.filter(visible);
    return {
      shown,
      sections: r.sections ?? [],
      complete: !r.next_page,
      count: r.count ?? r.articles.length,
      hidden: r.articles.length - shown.length,
    };
  }

  function categoriesOf(shown: ZArticle[], sections: ZSection[]): ArticleCategory[] {
    const out = new Map<number, ArticleCategory>();
    for (const a of shown) {
      const c = category(a, sections);
      if (!c || a.section_id == null) continue;
      const e = out.get(a.section_id) ?? { ...c, articleCount: 0 };
      e.articleCount++;
      out.set(a.section_id, e);
    }
    return [...out.values()].sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
  }

  return {
    name: 'zendesk',
    capabilities: { votes: false },
    articles: {
      async list(ctx, query) {
        const locale = encodeURIComponent(localeOf(ctx));
        const section = query.category ? idOfSlug(query.category) : undefined;
        if (query.category && !section) return { data: [], nextCursor: null };
        const params = new URLSearchParams({
          'page[size]': String(query.limit ?? 25),
          sort_by: 'updated_at',
          sort_order: 'desc',
          include: 'sections',
        });
        if (query.cursor) params.set('page[after]', query.cursor);
        const path = section
          ? `/api/v2/help_center/${locale}/sections/${section}/articles.json`
          : `/api/v2/help_center/${locale}/articles.json`;
        const r = await get<{
          articles: ZArticle[];
          sections?: ZSection[];
          meta?: { has_more?: boolean; after_cursor?: string | null };
        }>(ctx, `${path}?${params}`, 'category');
        return {
          data: r.articles.filter(visible).map((a) => summary(a, r.sections ?? [])),
          nextCursor: r.meta?.has_more && r.meta.after_cursor ? r.meta.after_cursor : null,
        };
      },

      async get(ctx, slug) {
        const id = idOfSlug(slug);
        if (!id) throw notFound('article');
        const locale = encodeURIComponent(localeOf(ctx));
        const { article: a } = await get<{ article: ZArticle }>(ctx, `/api/v2/help_center/${locale}/articles/${id}.json`, 'article');
        if (!visible(a)) throw notFound('article');
        const sections: ZSection[] = [];
        if (a.section_id != null) {
          const s = await get<{ section: ZSection }>(ctx, `/api/v2/help_center/${locale}/sections/${a.section_id}.json`).catch(
            () => undefined,
          );
          if (s) sections.push(s.section);
        }
        const count = a.vote_count ?? 0;
        const sum = a.vote_sum ?? 0;
        return {
          ...summary(a, sections),
          body: a.body ?? '',
          bodyFormat: 'html',
          helpfulCount: Math.max(0, (count + sum) / 2),
          notHelpfulCount: Math.max(0, (count - sum) / 2),
        } satisfies Article;
      },

      async search(ctx, query): Promise<SearchHit[]> {
        const limit = query.limit ?? 10;
        const params = new URLSearchParams({ query: query.q, locale: localeOf(ctx), per_page: String(Math.min(100, limit * 2)) });
        if (query.category) {
          const section = idOfSlug(query.category);
          if (!section) return [];
          params.set('section', section);
        }
        const r = await get<{ results: ZArticle[] }>(ctx, `/api/v2/help_center/articles/search.json?${params}`);
        return r.results
          .filter(visible)
          .slice(0, limit)
          .map((a, i) => ({
            article: summary(a, []),
            title: titleSegments(a.title, query.q),
            snippet: snippetSegments(a.snippet ?? ''),
            // Zendesk gives an order, not a score: 1 for the first hit, less for each after.
            score: 1 / (i + 1),
          }));
      },

      async vote() {
        throw conflict('conflict', 'The help center takes no votes through the portal.');
      },

      async categories(ctx) {
        const w = await window(ctx, localeOf(ctx));
        return categoriesOf(w.shown, w.sections);
      },

      async home(ctx, limit = 5) {
        const w = await window(ctx, localeOf(ctx));
        const summaries = w.shown.map((a) => summary(a, w.sections));
        const popular = w.shown
          .map((a, i) => ({ a, i }))
          .filter(({ a }) => (a.vote_sum ?? 0) > 0)
          .sort((x, y) => (y.a.vote_sum ?? 0) - (x.a.vote_sum ?? 0) || x.i - y.i)
          .slice(0, limit)
          .map(({ i }) => summaries[i]!);
        return {
          categories: categoriesOf(w.shown, w.sections),
          popular,
          recent: summaries.slice(0, limit),
          // Exact when one page held them all; else Zendesk's count less the hidden ones seen.
          articleCount: w.complete ? w.shown.length : Math.max(0, w.count - w.hidden),
        };
      },
    },
  };
}
