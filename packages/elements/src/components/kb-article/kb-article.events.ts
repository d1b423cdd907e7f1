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
    /** “Was this helpful?” was answered; fired before sending. Cancelable: `preventDefault()` sends nothing. */
    'portico-article-vote-request': PorticoArticleVoteRequestDetail;
    /** The vote was recorded (after `articles.vote` succeeded). */
    'portico-article-vote': PorticoArticleVoteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-article-vote-request': CustomEvent<PorticoArticleVoteRequestDetail>;
    'portico-article-vote': CustomEvent<PorticoArticleVoteDetail>;
  }
}
