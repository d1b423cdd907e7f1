import { PorticoNotificationPreferences } from './notification-preferences.component.js';

export { PorticoNotificationPreferences };

PorticoNotificationPreferences.define('portico-notification-preferences');

declare global {
  interface HTMLElementTagNameMap {
    'portico-notification-preferences': PorticoNotificationPreferences;
  }
}
