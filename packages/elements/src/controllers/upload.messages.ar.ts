import type { Message } from '../i18n/i18n.js';
import type { en } from './upload.messages.js';

export const ar: Record<keyof typeof en, Message> = {
  'upload.attach': 'إرفاق ملفات',
  'upload.hint': 'حتى {count} ملفات، بحد أقصى {size} لكل ملف.',
  'upload.types': 'المسموح: {types}.',
  'upload.images': 'الصور',
  'upload.text': 'الملفات النصية',
};
