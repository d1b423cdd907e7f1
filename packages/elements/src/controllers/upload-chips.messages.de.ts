import type { Message } from '../i18n/i18n.js';
import type { en } from './upload-chips.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'upload.files': 'Zu sendende Dateien',
  'upload.uploading': '{name} wird hochgeladen…',
  'upload.tooLarge': '{name} ist größer als {size}, die Grenze für eine Datei.',
  'upload.wrongType': '{name} ist keine Art von Datei, die gesendet werden kann.',
  'upload.failed': '{name} konnte nicht hochgeladen werden. {reason}',
  'upload.retry': 'Erneut versuchen',
  'upload.retryLabel': 'Erneut versuchen: {name} hochladen',
  'upload.remove': '{name} entfernen',
  'upload.cancel': 'Hochladen von {name} abbrechen',
};
