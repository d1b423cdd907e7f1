import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-bell.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'notificationBell.label': 'الإشعارات',
  'notificationBell.unread': {
    zero: 'الإشعارات، لا يوجد غير مقروء',
    one: 'الإشعارات، إشعار واحد غير مقروء',
    two: 'الإشعارات، إشعاران غير مقروءين',
    few: 'الإشعارات، {count} إشعارات غير مقروءة',
    many: 'الإشعارات، {count} إشعارًا غير مقروء',
    other: 'الإشعارات، {count} إشعار غير مقروء',
  },
  'notificationBell.unknown': 'الإشعارات (تعذّر تحميل عدد غير المقروء)',
  'notificationBell.all': 'عرض كل الإشعارات',
};
