/** English strings of <portico-notification-feed> (the source: de and ar must have exactly these keys). */
export const en = {
  'notificationFeed.label': 'Notifications',
  'notificationFeed.view': 'Show',
  'notificationFeed.unread': 'Unread',
  'notificationFeed.all': 'All',
  'notificationFeed.archived': 'Archived',
  'notificationFeed.category': 'Category',
  'notificationFeed.allCategories': 'All categories',
  'notificationFeed.cat.tickets': 'Support',
  'notificationFeed.cat.billing': 'Billing',
  'notificationFeed.cat.projects': 'Projects',
  'notificationFeed.cat.announcements': 'Announcements',
  'notificationFeed.readAll': 'Mark all read',
  'notificationFeed.readAllDone': { one: 'Marked {count} notification read.', other: 'Marked {count} notifications read.' },
  'notificationFeed.markRead': 'Mark read',
  'notificationFeed.archive': 'Archive',
  'notificationFeed.open': 'Open',
  'notificationFeed.isUnread': 'Unread:',
  'notificationFeed.actionsFor': 'Actions for “{title}”',
  'notificationFeed.failed': 'That didn’t work. {reason}',
  'notificationFeed.emptyUnread': 'You’re all caught up.',
  'notificationFeed.empty': 'No notifications yet.',
  'notificationFeed.emptyArchived': 'Nothing archived.',
} as const;

export type NotificationFeedMessageKey = keyof typeof en;
