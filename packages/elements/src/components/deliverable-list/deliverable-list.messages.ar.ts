import type { Message } from '../../i18n/i18n.js';
import type { en } from './deliverable-list.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'deliverable.status.pending': 'بانتظار المراجعة',
  'deliverable.status.approved': 'تمت الموافقة',
  'deliverable.status.changes_requested': 'طُلبت تعديلات',
  'deliverable.statusLabel': 'حالة المراجعة',
  'deliverable.versionShort': 'الإصدار {number}',
  'deliverable.action.uploaded': 'رفع {name} الإصدار {version} {time}',
  'deliverable.action.approved': 'وافق عليه {name} {time}',
  'deliverable.action.changes_requested': 'طلب {name} تعديلات {time}',
  'deliverable.action.commented': 'علّق {name} {time}',
  'deliverableList.label': 'المخرجات',
  'deliverableList.filter': 'حالة المراجعة',
  'deliverableList.all': 'الكل',
  'deliverableList.empty': 'لا توجد مخرجات بعد.',
  'deliverableList.emptyFiltered': 'لا توجد مخرجات بهذه الحالة.',
};
