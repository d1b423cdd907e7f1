import type { Message } from '../../i18n/i18n.js';
import type { en } from './comment-thread.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'commentThread.label': 'Kommentare',
  'commentThread.empty': 'Noch keine Kommentare zu dieser Version.',
  'commentThread.new': 'Kommentar hinzufügen',
  'commentThread.send': 'Kommentieren',
  'commentThread.sending': 'Wird gesendet…',
  'commentThread.anchor.region': 'Bereich',
  'commentThread.anchor.regionNumber': 'Bereich {number}',
  'commentThread.anchor.page': 'Seite {page}',
  'commentThread.anchor.time': 'Bei {time}',
  'commentThread.attach': 'Bezieht sich auf',
  'commentThread.removeAnchor': 'Entfernen',
  'commentThread.page': 'Seite (optional)',
  'commentThread.useTime': 'Aktuelle Zeit anhängen',
  'commentThread.byline': '{name}, {time}',
};
