import type { ArticleCategory } from '@portico/contract';

/** Detail of `portico-category-select`: the chosen category, or `null` for "All topics". */
export interface PorticoCategorySelectDetail {
  slug: string;
  category: ArticleCategory | null;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A knowledge-base category was chosen (or "All topics"). Cancelable: `preventDefault()` skips `category-href` navigation and keeps the view. */
    'portico-category-select': PorticoCategorySelectDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-category-select': CustomEvent<PorticoCategorySelectDetail>;
  }
}

// `portico-article-open` is declared once, with <portico-kb-search> (both fire it).
export type { PorticoArticleOpenDetail } from '../kb-search/kb-search.events.js';
