/**
 * English: the source catalog. Every other catalog must have exactly these keys (the type
 * `Catalog` enforces it, i18n.test.ts checks it at runtime). A message is a string with
 * `{name}` placeholders, or a plural object keyed by Intl.PluralRules categories (`other` required)
 * whose `{count}` is formatted for the locale.
 */
export const en = {
  'state.loading': 'Loading…',
  'state.refreshing': 'Updating…',
  'state.retry': 'Retry',
  'state.empty': 'Nothing here yet.',
  'state.more': 'Show more',

  'error.network': 'Can’t reach the server. Check your connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again.',
  'error.invalid_response': 'The server sent data that couldn’t be read. Try again later.',
  'error.unauthorized': 'Your session has expired. Sign in again.',
  'error.token_expired': 'Your session has expired. Sign in again.',
  'error.forbidden': 'You don’t have access to this.',
  'error.not_found': 'This couldn’t be found.',
  'error.rate_limited': 'Too many requests. Wait a moment and try again.',
  'error.internal': 'Something went wrong on our side. Try again later.',
  'error.unavailable': 'The service is unavailable right now. Try again later.',
  'error.no_client': 'Not connected to the portal.',
  'error.unknown': 'Something went wrong. Try again.',

  'ticket.status.open': 'Open',
  'ticket.status.pending': 'Pending',
  'ticket.status.on_hold': 'On hold',
  'ticket.status.solved': 'Solved',
  'ticket.status.closed': 'Closed',
  'ticket.priority.low': 'Low',
  'ticket.priority.normal': 'Normal',
  'ticket.priority.high': 'High',
  'ticket.priority.urgent': 'Urgent',
  'ticket.number': 'Ticket {number}',
  'ticket.numberShort': '#{number}',
  'ticket.statusLabel': 'Status',
  'ticket.priorityLabel': 'Priority',
  'ticket.updated': 'Updated {time}',
  'ticket.unassigned': 'Unassigned',
  'ticket.assignee': 'Assigned to {name}',
  'ticket.messages': { one: '{count} message', other: '{count} messages' },
  'ticket.sla.breached': 'SLA breached',
  'ticket.sla.dueSoon': 'Due {time}',
} as const;
