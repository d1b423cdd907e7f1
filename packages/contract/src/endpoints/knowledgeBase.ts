import { KnowledgeBaseHome, KnowledgeBaseHomeQuery } from '../schemas/article.js';
import { get } from './define.js';

/**
 * The knowledge base as a place to browse (<portico-kb-home>). A group of its own, so that the
 * components that only search or show articles do not carry its validators.
 */
export const knowledgeBase = {
  home: get({ path: '/knowledge-base', query: KnowledgeBaseHomeQuery, response: KnowledgeBaseHome }),
} as const;
