import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-preferences.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'notificationPreferences.label': 'تفضيلات الإشعارات',
  'notificationPreferences.category': 'الفئة',
  'notificationPreferences.inPortal': 'في البوابة',
  'notificationPreferences.email': 'بالبريد الإلكتروني',
  'notificationPreferences.cat.tickets': 'الدعم',
  'notificationPreferences.cat.billing': 'الفواتير',
  'notificationPreferences.cat.projects': 'المشاريع',
  'notificationPreferences.cat.announcements': 'الإعلانات',
  'notificationPreferences.hint.tickets': 'الردود على تذاكرك وتغييرات حالتها',
  'notificationPreferences.hint.billing': 'الفواتير الجديدة',
  'notificationPreferences.hint.projects': 'الإصدارات الجديدة للمراجعة والقرارات المسجلة',
  'notificationPreferences.hint.announcements': 'الأخبار والصيانة المخطط لها',
  'notificationPreferences.saved': 'تم الحفظ.',
  'notificationPreferences.failed': 'لم يُحفظ التغيير. {reason}',
};
