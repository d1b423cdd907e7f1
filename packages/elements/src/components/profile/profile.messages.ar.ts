import type { Message } from '../../i18n/i18n.js';
import type { en } from './profile.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'profile.label': 'ملفك الشخصي',
  'profile.name': 'الاسم',
  'profile.email': 'البريد الإلكتروني',
  'profile.language': 'اللغة',
  'profile.timeZone': 'المنطقة الزمنية',
  'profile.notSet': 'غير محدد',
  'profile.languageDefault': 'غير محددة (لغة هذه الصفحة)',
  'profile.timeZoneDefault': 'غير محددة (المنطقة الزمنية لهذا الجهاز)',
  'profile.save': 'حفظ',
  'profile.saved': 'تم الحفظ.',
  'profile.failed': 'لم يُحفظ ملفك الشخصي. {reason}',
  'profile.manage': 'غيّر بياناتك في إعدادات حسابك',
  'profile.managedHint': 'اسمك وبريدك الإلكتروني يأتيان من حسابك ويُغيَّران هناك.',
};
