import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-home.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'kbHome.categories': 'Nach Thema stöbern',
  'kbHome.articleCount': { one: '{count} Artikel', other: '{count} Artikel' },
  'kbHome.popular': 'Beliebte Artikel',
  'kbHome.recent': 'Kürzlich aktualisiert',
  'kbHome.updated': 'Aktualisiert {time}',
  'kbHome.empty': 'Das Hilfe-Center hat noch keine Artikel.',
  'kbHome.all': 'Alle Themen',
  'kbHome.categoryEmpty': 'Zu diesem Thema gibt es noch keine Artikel.',
};
