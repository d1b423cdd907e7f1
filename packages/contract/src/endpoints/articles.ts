import {
  Article,
  ArticleListQuery,
  ArticleSearchQuery,
  ArticleSummary,
  ArticleVote,
  ArticleVoteResult,
  CategoryList,
  SearchResults,
  SlugParams,
} from '../schemas/article.js';
import { page } from '../schemas/common.js';
import { get, post } from './define.js';

/** The knowledge base. */
export const articles = {
  list: get({
    path: '/articles',
    query: ArticleListQuery,
    response: page(ArticleSummary),
  }),
  search: get({
    path: '/articles/search',
    query: ArticleSearchQuery,
    response: SearchResults,
  }),
  get: get({ path: '/articles/{slug}', params: SlugParams, response: Article }),
  vote: post({
    path: '/articles/{slug}/votes',
    params: SlugParams,
    body: ArticleVote,
    response: ArticleVoteResult,
  }),
  categories: get({ path: '/categories', response: CategoryList }),
} as const;
