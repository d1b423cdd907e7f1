import type { Notification, NotificationCategory } from '@portico/contract';

/** What a notification action does. */
export type NotificationAction = 'read' | 'archive';

/** Detail of `portico-notification-update-request`: a notification is about to be marked read or archived. */
export interface PorticoNotificationUpdateRequestDetail {
  id: string;
  action: NotificationAction;
}

/** Detail of `portico-notification-update`: the server stored it. */
export interface PorticoNotificationUpdateDetail {
  notification: Notification;
  action: NotificationAction;
}

/** Detail of `portico-notifications-read-all-request` and, with `updated`, of `portico-notifications-read-all`. */
export interface PorticoNotificationsReadAllDetail {
  /** The category marked (the feed's filter), or `null` for all. */
  category: NotificationCategory | null;
  /** How many were marked (after the write). */
  updated?: number;
}

/** Detail of `portico-notification-open`: the action link of a notification was activated. */
export interface PorticoNotificationOpenDetail {
  notification: Notification;
}

declare module '../../events/events.js' {
  interface PorticoEventDetailMap {
    /** Before "mark read" or "archive" is sent. Cancelable: `preventDefault()` sends nothing. */
    'portico-notification-update-request': PorticoNotificationUpdateRequestDetail;
    /** A notification was marked read or archived. */
    'portico-notification-update': PorticoNotificationUpdateDetail;
    /** Before "mark all read" is sent. Cancelable. */
    'portico-notifications-read-all-request': PorticoNotificationsReadAllDetail;
    /** "Mark all read" was stored; `updated` says how many. */
    'portico-notifications-read-all': PorticoNotificationsReadAllDetail;
    /** A notification's action link was activated (it is marked read too). Cancelable: `preventDefault()` keeps the browser from following the link (a single-page app routes itself). */
    'portico-notification-open': PorticoNotificationOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portico-notification-update-request': CustomEvent<PorticoNotificationUpdateRequestDetail>;
    'portico-notification-update': CustomEvent<PorticoNotificationUpdateDetail>;
    'portico-notifications-read-all-request': CustomEvent<PorticoNotificationsReadAllDetail>;
    'portico-notifications-read-all': CustomEvent<PorticoNotificationsReadAllDetail>;
    'portico-notification-open': CustomEvent<PorticoNotificationOpenDetail>;
  }
}
