import type { Message } from '../../i18n/i18n.js';
import type { en } from './provider.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'provider.link.missing': 'Diese Seite braucht den privaten Link, den Sie erhalten haben. Öffnen Sie den Link aus Ihrer Nachricht erneut.',
  'provider.link.invalid':
    'Dieser Link ist ungültig. Prüfen Sie, ob Sie den vollständigen Link geöffnet haben, oder bitten Sie den Absender um einen neuen.',
  'provider.link.revoked': 'Dieser Link wurde vom Absender deaktiviert. Bitten Sie ihn um einen neuen Link.',
  'provider.link.expired': 'Dieser Link ist abgelaufen. Bitten Sie den Absender um einen neuen Link.',
  'provider.link.used': 'Dieser Link ließ sich nur einmal öffnen und wurde bereits verwendet. Bitten Sie den Absender um einen neuen Link.',
  'provider.link.ended': 'Ihr Zugang über diesen Link ist beendet. Bitten Sie den Absender um einen neuen Link.',
  'provider.link.rateLimited': 'Zu viele Versuche, diesen Link zu öffnen. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  'provider.link.failed':
    'Der Link konnte nicht geprüft werden: Das Portal hat nicht geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'provider.link.retry': 'Erneut versuchen',
};
