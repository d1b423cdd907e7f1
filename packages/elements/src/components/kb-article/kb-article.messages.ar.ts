import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-article.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'kbArticle.category': 'الفئة',
  'kbArticle.updated': 'آخر تحديث {date}',
  'kbArticle.notFound': 'هذا المقال غير موجود أو لم يعد متاحًا.',
  'kbArticle.feedback': 'الملاحظات',
  'kbArticle.question': 'هل كان هذا مفيدًا؟',
  'kbArticle.yes': 'نعم',
  'kbArticle.no': 'لا',
  'kbArticle.sending': 'جارٍ إرسال ملاحظاتك…',
  'kbArticle.thanks': 'شكرًا على ملاحظاتك!',
  'kbArticle.voteError': 'تعذّر إرسال ملاحظاتك. حاول مرة أخرى.',
  'kbArticle.helpfulCount': {
    zero: 'لم يجد أحد هذا مفيدًا.',
    one: 'وجد شخص واحد هذا مفيدًا.',
    two: 'وجد شخصان هذا مفيدًا.',
    few: 'وجد {count} أشخاص هذا مفيدًا.',
    many: 'وجد {count} شخصًا هذا مفيدًا.',
    other: 'وجد {count} شخص هذا مفيدًا.',
  },
};
