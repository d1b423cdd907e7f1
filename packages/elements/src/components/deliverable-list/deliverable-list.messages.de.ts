import type { Message } from '../../i18n/i18n.js';
import type { en } from './deliverable-list.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'deliverable.status.pending': 'Wartet auf Prüfung',
  'deliverable.status.approved': 'Freigegeben',
  'deliverable.status.changes_requested': 'Änderungen angefordert',
  'deliverable.statusLabel': 'Prüfstatus',
  'deliverable.versionShort': 'V{number}',
  'deliverable.action.uploaded': 'Version {version} hochgeladen von {name}, {time}',
  'deliverable.action.approved': 'Freigegeben von {name}, {time}',
  'deliverable.action.changes_requested': 'Änderungen angefordert von {name}, {time}',
  'deliverable.action.commented': 'Kommentar von {name}, {time}',
  'deliverableList.label': 'Lieferobjekte',
  'deliverableList.filter': 'Prüfstatus',
  'deliverableList.all': 'Alle',
  'deliverableList.empty': 'Noch keine Lieferobjekte.',
  'deliverableList.emptyFiltered': 'Keine Lieferobjekte mit diesem Status.',
};
