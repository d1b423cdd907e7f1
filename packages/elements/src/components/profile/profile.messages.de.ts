import type { Message } from '../../i18n/i18n.js';
import type { en } from './profile.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'profile.label': 'Ihr Profil',
  'profile.name': 'Name',
  'profile.email': 'E-Mail',
  'profile.language': 'Sprache',
  'profile.timeZone': 'Zeitzone',
  'profile.notSet': 'Nicht festgelegt',
  'profile.languageDefault': 'Nicht festgelegt (Sprache dieser Seite)',
  'profile.timeZoneDefault': 'Nicht festgelegt (Zeitzone dieses Geräts)',
  'profile.save': 'Speichern',
  'profile.saved': 'Gespeichert.',
  'profile.failed': 'Ihr Profil wurde nicht gespeichert. {reason}',
  'profile.manage': 'Ihre Angaben in den Kontoeinstellungen ändern',
  'profile.managedHint': 'Name und E-Mail stammen aus Ihrem Konto und werden dort geändert.',
};
