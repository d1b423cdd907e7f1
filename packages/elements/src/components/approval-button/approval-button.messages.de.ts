import type { Message } from '../../i18n/i18n.js';
import type { en } from './approval-button.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'approvalButton.label': 'Freigabeentscheidung',
  'approvalButton.approve': 'Freigeben',
  'approvalButton.requestChanges': 'Änderungen anfordern',
  'approvalButton.undecided': 'Version {version} wartet auf Ihre Entscheidung.',
  'approvalButton.undecidedOther': 'Version {version} wartet auf die Entscheidung einer Person mit Freigaberecht.',
  'approvalButton.deciding': 'Ihre Entscheidung wird gespeichert …',
  'approvalButton.approved': 'Version {version} freigegeben von {name} am {date}.',
  'approvalButton.changesRequested': 'Änderungen an Version {version} angefordert von {name} am {date}.',
  'approvalButton.noRole':
    'Nur Kontakte mit der Rolle „Freigebende“ können freigeben oder Änderungen anfordern. Wenden Sie sich an eine Administratorin oder einen Administrator Ihrer Organisation.',
  'approvalButton.conflict':
    'Eine neuere Version (Version {version}) wurde hochgeladen, daher kann über Version {old} nicht mehr entschieden werden.',
  'approvalButton.openVersion': 'Version {version} öffnen',
  'approvalButton.approveTitle': 'Version {version} freigeben?',
  'approvalButton.changesTitle': 'Änderungen an Version {version} anfordern?',
  'approvalButton.approveText': 'Ihre Freigabe von „{title}“ wird im Prüfprotokoll festgehalten und kann nicht rückgängig gemacht werden.',
  'approvalButton.changesText': 'Beschreiben Sie, was sich an „{title}“ ändern soll. Die Agentur sieht Ihren Kommentar im Prüfprotokoll.',
  'approvalButton.comment': 'Kommentar (optional)',
  'approvalButton.commentRequired': 'Was soll sich ändern? (Pflichtfeld)',
  'approvalButton.commentMissing': 'Beschreiben Sie die gewünschten Änderungen.',
  'approvalButton.cancel': 'Abbrechen',
  'approvalButton.confirmApprove': 'Version {version} freigeben',
  'approvalButton.confirmChanges': 'Änderungswunsch senden',
};
