import type { Message } from '../../i18n/i18n.js';
import type { PagesMessageKey } from './deliverable-pages.messages.js';

/** Arabic messages of the deliverable viewer's PDF pages. */
export const ar: Record<PagesMessageKey, Message> = {
  'deliverableViewer.pages': 'الصفحات',
  'deliverableViewer.previousPage': 'الصفحة السابقة',
  'deliverableViewer.nextPage': 'الصفحة التالية',
  'deliverableViewer.pageOf': 'الصفحة {page} من {pages}',
  'deliverableViewer.pageLabel': 'الصفحة {page} من {pages} من {name}',
  'deliverableViewer.pdfHint': 'معاينة PDF. مفتاحا Page Up وPage Down يغيّران الصفحة، ومفتاحا الجمع والطرح للتكبير، و0 للملاءمة.',
  'deliverableViewer.pdfLoading': 'جارٍ تحميل ملف PDF…',
  'deliverableViewer.pdfError': 'تعذّر عرض ملف PDF هذا.',
  'deliverableViewer.pdfPassword': 'ملف PDF هذا محمي بكلمة مرور ولا يمكن عرضه هنا.',
  'deliverableViewer.downloadFile': 'تنزيل {name}',
  'deliverableViewer.pdfNoPage': 'ليس للإصدار {number} صفحة {page}: عدد صفحاته {pages}.',
};
