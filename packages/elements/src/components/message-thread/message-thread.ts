import { PorticoMessageThread } from './message-thread.component.js';

export { PorticoMessageThread };

PorticoMessageThread.define('portico-message-thread');

declare global {
  interface HTMLElementTagNameMap {
    'portico-message-thread': PorticoMessageThread;
  }
}
