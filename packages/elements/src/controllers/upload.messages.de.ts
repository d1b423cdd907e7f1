import type { Message } from '../i18n/i18n.js';
import type { en } from './upload.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'upload.attach': 'Dateien anhängen',
  'upload.hint': 'Bis zu {count} Dateien, je {size}.',
  'upload.types': 'Erlaubt: {types}.',
  'upload.images': 'Bilder',
  'upload.text': 'Textdateien',
};
