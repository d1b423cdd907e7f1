import type { Comment, CommentAnchor } from '@portico/contract';

/** Detail of `portico-comment-request`: a comment about to be sent. */
export interface PorticoCommentRequestDetail {
  deliverableId: string;
  version: number;
  body: string;
  anchor: CommentAnchor | null;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** A comment is about to be sent. Cancelable: `preventDefault()` keeps it in the form, unsent. */
    'portico-comment-request': PorticoCommentRequestDetail;
    /** A comment was stored; `detail.comment` is the server's comment. */
    'portico-comment': { comment: Comment };
    /** The thread's comments changed (loaded, refreshed or one added), oldest first. */
    'portico-comments-change': { comments: readonly Comment[] };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-comment-request': CustomEvent<PorticoCommentRequestDetail>;
    'portico-comment': CustomEvent<{ comment: Comment }>;
    'portico-comments-change': CustomEvent<{ comments: readonly Comment[] }>;
  }
}
