import type { Message } from '../i18n/i18n.js';
import type { en } from './upload-chips.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'upload.files': 'الملفات المراد إرسالها',
  'upload.uploading': 'جارٍ رفع {name}…',
  'upload.tooLarge': '{name} أكبر من {size}، وهو الحد الأقصى للملف.',
  'upload.wrongType': '{name} ليس من أنواع الملفات التي يمكن إرسالها.',
  'upload.failed': 'تعذّر رفع {name}. {reason}',
  'upload.retry': 'إعادة المحاولة',
  'upload.retryLabel': 'إعادة المحاولة: رفع {name}',
  'upload.remove': 'إزالة {name}',
  'upload.cancel': 'إيقاف رفع {name}',
};
