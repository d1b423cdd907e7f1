import type { Message } from '../../i18n/i18n.js';
import type { en } from './notification-bell.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'notificationBell.label': 'Benachrichtigungen',
  'notificationBell.unread': { one: 'Benachrichtigungen, {count} ungelesen', other: 'Benachrichtigungen, {count} ungelesen' },
  'notificationBell.unknown': 'Benachrichtigungen (die Zahl der ungelesenen konnte nicht geladen werden)',
  'notificationBell.all': 'Alle Benachrichtigungen ansehen',
};
