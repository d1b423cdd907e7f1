import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-search.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'kbSearch.label': 'Hilfeartikel durchsuchen',
  'kbSearch.placeholder': 'Im Hilfe-Center suchen',
  'kbSearch.suggestions': 'Vorgeschlagene Artikel',
  'kbSearch.popular': 'Beliebte Artikel',
  'kbSearch.category': 'Kategorie',
  'kbSearch.allCategories': 'Alle Kategorien',
  'kbSearch.searching': 'Suche läuft…',
  'kbSearch.results': { one: '{count} Artikel gefunden', other: '{count} Artikel gefunden' },
  'kbSearch.noResults': 'Keine Artikel passen zu „{query}“.',
  'kbSearch.noResultsShort': 'Keine Artikel gefunden',
};
