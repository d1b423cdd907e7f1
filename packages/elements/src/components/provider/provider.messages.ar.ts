import type { Message } from '../../i18n/i18n.js';
import type { en } from './provider.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'provider.link.missing': 'تحتاج هذه الصفحة إلى الرابط الخاص الذي أُرسل إليك. افتح الرابط من رسالتك مرة أخرى.',
  'provider.link.invalid': 'هذا الرابط غير صالح. تحقّق من أنك فتحت الرابط كاملًا، أو اطلب رابطًا جديدًا من المُرسِل.',
  'provider.link.revoked': 'أوقف المُرسِل هذا الرابط. اطلب منه رابطًا جديدًا.',
  'provider.link.expired': 'انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا من المُرسِل.',
  'provider.link.used': 'كان يمكن فتح هذا الرابط مرة واحدة فقط، وقد استُخدم بالفعل. اطلب رابطًا جديدًا من المُرسِل.',
  'provider.link.ended': 'انتهى وصولك عبر هذا الرابط. اطلب رابطًا جديدًا من المُرسِل.',
  'provider.link.rateLimited': 'محاولات كثيرة لفتح هذا الرابط. انتظر دقيقة ثم حاول مرة أخرى.',
  'provider.link.failed': 'تعذّر التحقق من الرابط: لم تستجب البوابة. تحقّق من اتصالك وحاول مرة أخرى.',
  'provider.link.retry': 'حاول مرة أخرى',
};
