import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-feed.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'notificationFeed.label': 'Benachrichtigungen',
  'notificationFeed.view': 'Anzeigen',
  'notificationFeed.unread': 'Ungelesen',
  'notificationFeed.all': 'Alle',
  'notificationFeed.archived': 'Archiviert',
  'notificationFeed.category': 'Kategorie',
  'notificationFeed.allCategories': 'Alle Kategorien',
  'notificationFeed.cat.tickets': 'Support',
  'notificationFeed.cat.billing': 'Rechnungen',
  'notificationFeed.cat.projects': 'Projekte',
  'notificationFeed.cat.announcements': 'Ankündigungen',
  'notificationFeed.readAll': 'Alle als gelesen markieren',
  'notificationFeed.readAllDone': {
    one: '{count} Benachrichtigung als gelesen markiert.',
    other: '{count} Benachrichtigungen als gelesen markiert.',
  },
  'notificationFeed.markRead': 'Als gelesen markieren',
  'notificationFeed.archive': 'Archivieren',
  'notificationFeed.open': 'Öffnen',
  'notificationFeed.isUnread': 'Ungelesen:',
  'notificationFeed.actionsFor': 'Aktionen für „{title}“',
  'notificationFeed.failed': 'Das hat nicht geklappt. {reason}',
  'notificationFeed.emptyUnread': 'Alles gelesen.',
  'notificationFeed.empty': 'Noch keine Benachrichtigungen.',
  'notificationFeed.emptyArchived': 'Nichts archiviert.',
};
