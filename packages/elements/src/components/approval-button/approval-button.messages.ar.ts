import type { Message } from '../../i18n/i18n.js';
import type { en } from './approval-button.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'approvalButton.label': 'قرار المراجعة',
  'approvalButton.approve': 'اعتماد',
  'approvalButton.requestChanges': 'طلب تعديلات',
  'approvalButton.undecided': 'الإصدار {version} بانتظار قرارك.',
  'approvalButton.undecidedOther': 'الإصدار {version} بانتظار قرار من أحد المعتمِدين.',
  'approvalButton.deciding': 'جارٍ تسجيل قرارك…',
  'approvalButton.approved': 'اعتمد {name} الإصدار {version} في {date}.',
  'approvalButton.changesRequested': 'طلب {name} تعديلات على الإصدار {version} في {date}.',
  'approvalButton.noRole': 'لا يمكن الاعتماد أو طلب التعديلات إلا لجهات الاتصال التي لديها دور المعتمِد. تواصل مع مسؤول مؤسستك.',
  'approvalButton.conflict': 'تم رفع إصدار أحدث (الإصدار {version})، لذا لم يعد بالإمكان اتخاذ قرار بشأن الإصدار {old}.',
  'approvalButton.openVersion': 'فتح الإصدار {version}',
  'approvalButton.approveTitle': 'اعتماد الإصدار {version}؟',
  'approvalButton.changesTitle': 'طلب تعديلات على الإصدار {version}؟',
  'approvalButton.approveText': 'يُسجَّل اعتمادك لـ«{title}» في سجل التدقيق ولا يمكن التراجع عنه.',
  'approvalButton.changesText': 'صف ما يجب تغييره في «{title}». ستطّلع الوكالة على تعليقك في سجل التدقيق.',
  'approvalButton.comment': 'تعليق (اختياري)',
  'approvalButton.commentRequired': 'ما الذي يجب تغييره؟ (مطلوب)',
  'approvalButton.commentMissing': 'صف التعديلات التي تحتاجها.',
  'approvalButton.cancel': 'إلغاء',
  'approvalButton.confirmApprove': 'اعتماد الإصدار {version}',
  'approvalButton.confirmChanges': 'إرسال طلب التعديل',
};
