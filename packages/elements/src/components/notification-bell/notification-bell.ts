import { PorticoNotificationBell } from './notification-bell.component.js';

export { PorticoNotificationBell };

PorticoNotificationBell.define('portico-notification-bell');

declare global {
  interface HTMLElementTagNameMap {
    'portico-notification-bell': PorticoNotificationBell;
  }
}
