import type { ArticleSummary } from '@portico/contract';

/** Detail of `portico-article-open`: the chosen article (from search results or the popular list). */
export interface PorticoArticleOpenDetail {
  slug: string;
  article: ArticleSummary;
}

// The one declaration of `portico-article-open` (other components that fire it import this module).
declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** An article was chosen (click or Enter on a search result). Cancelable: `preventDefault()` keeps the popup open and skips `article-href` navigation. */
    'portico-article-open': PorticoArticleOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-article-open': CustomEvent<PorticoArticleOpenDetail>;
  }
}
