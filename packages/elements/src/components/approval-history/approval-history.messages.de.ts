import type { Message } from '../../i18n/i18n.js';
import type { en } from './approval-history.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'approvalHistory.label': 'Entscheidungsverlauf',
  'approvalHistory.version': 'Version {version}',
  'approvalHistory.approved': 'Freigegeben',
  'approvalHistory.changes_requested': 'Änderungen angefordert',
  'approvalHistory.by': 'von {name}',
  'approvalHistory.comment': 'Kommentar:',
  'approvalHistory.empty': 'Noch keine Entscheidungen.',
};
