import type { Message } from '../../i18n/i18n.js';
import type { en } from './approval-history.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'approvalHistory.label': 'سجل القرارات',
  'approvalHistory.version': 'الإصدار {version}',
  'approvalHistory.approved': 'معتمد',
  'approvalHistory.changes_requested': 'طُلبت تعديلات',
  'approvalHistory.by': 'بواسطة {name}',
  'approvalHistory.comment': 'التعليق:',
  'approvalHistory.empty': 'لا توجد قرارات بعد.',
};
