/** English strings of <portico-notification-preferences> (the source: de and ar must have exactly these keys). */
export const en = {
  'notificationPreferences.label': 'Notification preferences',
  'notificationPreferences.category': 'Category',
  'notificationPreferences.inPortal': 'In the portal',
  'notificationPreferences.email': 'By email',
  'notificationPreferences.cat.tickets': 'Support',
  'notificationPreferences.cat.billing': 'Billing',
  'notificationPreferences.cat.projects': 'Projects',
  'notificationPreferences.cat.announcements': 'Announcements',
  'notificationPreferences.hint.tickets': 'Replies to your tickets and changes of their status',
  'notificationPreferences.hint.billing': 'New invoices',
  'notificationPreferences.hint.projects': 'New versions to review and recorded decisions',
  'notificationPreferences.hint.announcements': 'News and planned maintenance',
  'notificationPreferences.saved': 'Saved.',
  'notificationPreferences.failed': 'Your change wasn’t saved. {reason}',
} as const;

export type NotificationPreferencesMessageKey = keyof typeof en;
