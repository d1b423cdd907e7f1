import type { Message } from '../../i18n/i18n.js';
import type { en } from './payment-methods.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'paymentMethods.label': 'Zahlungsmethoden',
  'paymentMethods.empty': 'Noch keine Zahlungsmethode.',
  'paymentMethods.card': '{brand} mit Endziffern {last4}',
  'paymentMethods.bank': '{brand}-Konto mit Endziffern {last4}',
  'paymentMethods.bankAccount': 'Bankkonto',
  'paymentMethods.expires': 'Gültig bis {date}',
  'paymentMethods.expiredOn': 'Abgelaufen {date}',
  'paymentMethods.default': 'Standard',
  'paymentMethods.expired': 'Abgelaufen',
  'paymentMethods.expiring': 'Läuft bald ab',
  'paymentMethods.makeDefault': 'Als Standard festlegen',
  'paymentMethods.update': 'Aktualisieren',
  'paymentMethods.remove': 'Entfernen',
  'paymentMethods.add': 'Zahlungsmethode hinzufügen',
  'paymentMethods.confirm': '{method} entfernen?',
  'paymentMethods.confirmRemove': 'Ja, entfernen',
  'paymentMethods.keep': 'Behalten',
  'paymentMethods.lastWithAutoPay': 'Dies ist die einzige Zahlungsmethode: Schalten Sie die automatische Zahlung aus, um sie zu entfernen.',
  'paymentMethods.defaultWithAutoPay':
    'Die automatische Zahlung nutzt diese Methode: Legen Sie eine andere als Standard fest, um sie zu entfernen.',
  'paymentMethods.autoPay': 'Rechnungen automatisch bezahlen',
  'paymentMethods.autoPayHint': 'Belastet die Standard-Zahlungsmethode, sobald eine Rechnung ausgestellt wird.',
  'paymentMethods.autoPayNeedsDefault': 'Benötigt eine gültige Standard-Zahlungsmethode.',
  'paymentMethods.failed': 'Die Änderung wurde nicht gespeichert. {reason}',
  'paymentMethods.conflict': 'Diese Änderung ist mit der aktuellen Einstellung der automatischen Zahlung nicht möglich.',
  'paymentMethods.opening': 'Die Zahlungsseite wird geöffnet …',
  'paymentMethods.removed': '{method} wurde entfernt.',
  'paymentMethods.madeDefault': '{method} ist jetzt der Standard.',
};
