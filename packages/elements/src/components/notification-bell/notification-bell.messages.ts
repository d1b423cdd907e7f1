/** English strings of <portico-notification-bell> (the source: de and ar must have exactly these keys). */
export const en = {
  'notificationBell.label': 'Notifications',
  'notificationBell.unread': { one: 'Notifications, {count} unread', other: 'Notifications, {count} unread' },
  'notificationBell.unknown': 'Notifications (the unread count could not be loaded)',
  'notificationBell.all': 'See all notifications',
} as const;

export type NotificationBellMessageKey = keyof typeof en;
