import type { Message } from '../../i18n/i18n.js';
import type { en } from './ticket-list.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'ticketList.label': 'Tickets',
  'ticketList.filters': 'Tickets filtern',
  'ticketList.search': 'Suche',
  'ticketList.searchPlaceholder': 'Betreff oder Nummer',
  'ticketList.status': 'Status',
  'ticketList.allStatuses': 'Alle Status',
  'ticketList.priority': 'Priorität',
  'ticketList.allPriorities': 'Alle Prioritäten',
  'ticketList.sort': 'Sortierung',
  'ticketList.sort.-updated_at': 'Zuletzt aktualisiert',
  'ticketList.sort.updated_at': 'Am längsten nicht aktualisiert',
  'ticketList.sort.-created_at': 'Neueste zuerst',
  'ticketList.sort.created_at': 'Älteste zuerst',
  'ticketList.sort.-priority': 'Höchste Priorität zuerst',
  'ticketList.sort.priority': 'Niedrigste Priorität zuerst',
  'ticketList.sort.-number': 'Höchste Nummer zuerst',
  'ticketList.sort.number': 'Niedrigste Nummer zuerst',
  'ticketList.empty': 'Noch keine Tickets.',
  'ticketList.emptyFiltered': 'Keine Tickets entsprechen diesen Filtern.',
  'ticketList.count': { one: '{count} Ticket', other: '{count} Tickets' },
  'ticketList.pagination': 'Seiten',
  'ticketList.previous': 'Zurück',
  'ticketList.next': 'Weiter',
  'ticketList.page': 'Seite {page}',
};
