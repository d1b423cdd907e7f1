import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-feed.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'notificationFeed.label': 'الإشعارات',
  'notificationFeed.view': 'عرض',
  'notificationFeed.unread': 'غير المقروءة',
  'notificationFeed.all': 'الكل',
  'notificationFeed.archived': 'المؤرشفة',
  'notificationFeed.category': 'الفئة',
  'notificationFeed.allCategories': 'كل الفئات',
  'notificationFeed.cat.tickets': 'الدعم',
  'notificationFeed.cat.billing': 'الفواتير',
  'notificationFeed.cat.projects': 'المشاريع',
  'notificationFeed.cat.announcements': 'الإعلانات',
  'notificationFeed.readAll': 'تعليم الكل كمقروء',
  'notificationFeed.readAllDone': {
    zero: 'لم يُعلَّم أي إشعار كمقروء.',
    one: 'عُلِّم إشعار واحد كمقروء.',
    two: 'عُلِّم إشعاران كمقروءين.',
    few: 'عُلِّمت {count} إشعارات كمقروءة.',
    many: 'عُلِّم {count} إشعارًا كمقروء.',
    other: 'عُلِّم {count} إشعار كمقروء.',
  },
  'notificationFeed.markRead': 'تعليم كمقروء',
  'notificationFeed.archive': 'أرشفة',
  'notificationFeed.open': 'فتح',
  'notificationFeed.isUnread': 'غير مقروء:',
  'notificationFeed.actionsFor': 'إجراءات «{title}»',
  'notificationFeed.failed': 'لم ينجح ذلك. {reason}',
  'notificationFeed.emptyUnread': 'لا توجد إشعارات غير مقروءة.',
  'notificationFeed.empty': 'لا توجد إشعارات بعد.',
  'notificationFeed.emptyArchived': 'لا شيء في الأرشيف.',
};
