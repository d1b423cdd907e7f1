import { PorticoCommentThread } from './comment-thread.component.js';

export { PorticoCommentThread };

PorticoCommentThread.define('portico-comment-thread');

declare global {
  interface HTMLElementTagNameMap {
    'portico-comment-thread': PorticoCommentThread;
  }
}
