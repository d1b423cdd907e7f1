import type { Message } from '../../i18n/i18n.js';
import type { en } from './comment-thread.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'commentThread.label': 'التعليقات',
  'commentThread.empty': 'لا توجد تعليقات على هذا الإصدار بعد.',
  'commentThread.new': 'أضف تعليقًا',
  'commentThread.send': 'تعليق',
  'commentThread.sending': 'جارٍ الإرسال…',
  'commentThread.anchor.region': 'منطقة',
  'commentThread.anchor.regionNumber': 'المنطقة {number}',
  'commentThread.anchor.page': 'الصفحة {page}',
  'commentThread.anchor.time': 'عند {time}',
  'commentThread.attach': 'يشير إلى',
  'commentThread.removeAnchor': 'إزالة',
  'commentThread.page': 'الصفحة (اختياري)',
  'commentThread.useTime': 'إرفاق الوقت الحالي',
  'commentThread.byline': '{name}، {time}',
};
