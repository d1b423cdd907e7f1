/** English strings of <portico-ticket-list> (the source: de and ar must have exactly these keys). */
export const en = {
  'ticketList.label': 'Tickets',
  'ticketList.filters': 'Filter tickets',
  'ticketList.search': 'Search',
  'ticketList.searchPlaceholder': 'Subject or number',
  'ticketList.status': 'Status',
  'ticketList.allStatuses': 'All statuses',
  'ticketList.priority': 'Priority',
  'ticketList.allPriorities': 'All priorities',
  'ticketList.sort': 'Sort',
  'ticketList.sort.-updated_at': 'Recently updated',
  'ticketList.sort.updated_at': 'Least recently updated',
  'ticketList.sort.-created_at': 'Newest first',
  'ticketList.sort.created_at': 'Oldest first',
  'ticketList.sort.-priority': 'Highest priority first',
  'ticketList.sort.priority': 'Lowest priority first',
  'ticketList.sort.-number': 'Highest number first',
  'ticketList.sort.number': 'Lowest number first',
  'ticketList.empty': 'No tickets yet.',
  'ticketList.emptyFiltered': 'No tickets match these filters.',
  'ticketList.count': { one: '{count} ticket', other: '{count} tickets' },
  'ticketList.pagination': 'Pages',
  'ticketList.previous': 'Previous',
  'ticketList.next': 'Next',
  'ticketList.page': 'Page {page}',
} as const;

export type TicketListMessageKey = keyof typeof en;
