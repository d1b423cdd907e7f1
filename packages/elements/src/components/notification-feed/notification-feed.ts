import { PorticoNotificationFeed } from './notification-feed.component.js';

export { PorticoNotificationFeed };

PorticoNotificationFeed.define('portico-notification-feed');

declare global {
  interface HTMLElementTagNameMap {
    'portico-notification-feed': PorticoNotificationFeed;
  }
}
