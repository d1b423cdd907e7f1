import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-home.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'kbHome.categories': 'تصفّح حسب الموضوع',
  'kbHome.articleCount': {
    zero: 'لا توجد مقالات',
    one: 'مقال واحد',
    two: 'مقالان',
    few: '{count} مقالات',
    many: '{count} مقالًا',
    other: '{count} مقال',
  },
  'kbHome.popular': 'المقالات الأكثر شيوعًا',
  'kbHome.recent': 'حُدّثت مؤخرًا',
  'kbHome.updated': 'حُدّث {time}',
  'kbHome.empty': 'لا يحتوي مركز المساعدة على مقالات بعد.',
  'kbHome.all': 'كل المواضيع',
  'kbHome.categoryEmpty': 'لا توجد مقالات في هذا الموضوع بعد.',
};
