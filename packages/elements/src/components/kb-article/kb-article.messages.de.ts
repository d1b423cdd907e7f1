import type { Message } from '../../i18n/i18n.js';
import type { en } from './kb-article.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'kbArticle.category': 'Kategorie',
  'kbArticle.updated': 'Aktualisiert am {date}',
  'kbArticle.notFound': 'Diesen Artikel gibt es nicht oder er ist nicht mehr verfügbar.',
  'kbArticle.feedback': 'Feedback',
  'kbArticle.question': 'War das hilfreich?',
  'kbArticle.yes': 'Ja',
  'kbArticle.no': 'Nein',
  'kbArticle.sending': 'Ihr Feedback wird gesendet…',
  'kbArticle.thanks': 'Danke für Ihr Feedback!',
  'kbArticle.voteError': 'Ihr Feedback konnte nicht gesendet werden. Versuchen Sie es erneut.',
  'kbArticle.helpfulCount': {
    one: '{count} Person fand das hilfreich.',
    other: '{count} Personen fanden das hilfreich.',
  },
};
