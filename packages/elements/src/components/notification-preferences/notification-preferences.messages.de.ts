import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-preferences.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'notificationPreferences.label': 'Benachrichtigungseinstellungen',
  'notificationPreferences.category': 'Kategorie',
  'notificationPreferences.inPortal': 'Im Portal',
  'notificationPreferences.email': 'Per E-Mail',
  'notificationPreferences.cat.tickets': 'Support',
  'notificationPreferences.cat.billing': 'Rechnungen',
  'notificationPreferences.cat.projects': 'Projekte',
  'notificationPreferences.cat.announcements': 'Ankündigungen',
  'notificationPreferences.hint.tickets': 'Antworten auf Ihre Tickets und Änderungen ihres Status',
  'notificationPreferences.hint.billing': 'Neue Rechnungen',
  'notificationPreferences.hint.projects': 'Neue Versionen zur Prüfung und getroffene Entscheidungen',
  'notificationPreferences.hint.announcements': 'Neuigkeiten und geplante Wartungen',
  'notificationPreferences.saved': 'Gespeichert.',
  'notificationPreferences.failed': 'Ihre Änderung wurde nicht gespeichert. {reason}',
};
