import type { Message } from '../i18n/i18n.js';
import type { en } from './upload.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'upload.attach': 'إرفاق ملفات',
  'upload.files': 'الملفات المراد إرسالها',
  'upload.hint': 'حتى {count} ملفات، بحد أقصى {size} لكل ملف.',
  'upload.types': 'المسموح: {types}.',
  'upload.images': 'الصور',
  'upload.text': 'الملفات النصية',
  'upload.uploading': 'جارٍ رفع {name}…',
  'upload.tooLarge': '{name} أكبر من {size}، وهو الحد الأقصى للملف.',
  'upload.wrongType': '{name} ليس من أنواع الملفات التي يمكن إرسالها.',
  'upload.failed': 'تعذّر رفع {name}. {reason}',
  'upload.retry': 'إعادة المحاولة',
  'upload.retryLabel': 'إعادة المحاولة: رفع {name}',
  'upload.remove': 'إزالة {name}',
  'upload.cancel': 'إيقاف رفع {name}',
};
