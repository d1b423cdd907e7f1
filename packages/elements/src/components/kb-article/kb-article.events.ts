import type { Article } from '@portico/contract';

/** Detail of `portico-article-load`: an article is on screen (after its first load or a refresh). */
export interface PorticoArticleLoadDetail {
  slug: string;
  article: Article;
}

/** Detail of `portico-article-vote-request`: about to send a vote. */
export interface PorticoArticleVoteRequestDetail {
  slug: string;
  helpful: boolean;
}

/** Detail of `portico-article-vote`: a vote was recorded; the counts are the server's after it. */
export interface PorticoArticleVoteDetail {
  slug: string;
  helpful: boolean;
  helpfulCount: number;
  notHelpfulCount: number;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** An article is on screen, its body sanitized (after the first load, and again after a refresh). */
    'portico-article-load': PorticoArticleLoadDetail;
    /** “Was this helpful?” was answered; fired before sending. Cancelable: `preventDefault()` sends nothing. */
    'portico-article-vote-request': PorticoArticleVoteRequestDetail;
    /** The vote was recorded (after `articles.vote` succeeded). */
    'portico-article-vote': PorticoArticleVoteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-article-load': CustomEvent<PorticoArticleLoadDetail>;
    'portico-article-vote-request': CustomEvent<PorticoArticleVoteRequestDetail>;
    'portico-article-vote': CustomEvent<PorticoArticleVoteDetail>;
  }
}
