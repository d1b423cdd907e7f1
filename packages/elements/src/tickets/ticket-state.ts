import type { Ticket, TicketPriority, TicketStatus } from '@portico/contract';

/** Statuses in which a ticket's SLA runs. */
export const ACTIVE: ReadonlySet<TicketStatus> = new Set(['open', 'pending', 'on_hold']);

/** The badge tone (`data-tone`, see badge.styles.ts) of each status and priority. */
export const STATUS_TONE: Record<TicketStatus, string> = {
  open: 'primary',
  pending: 'warning',
  on_hold: 'muted',
  solved: 'success',
  closed: 'muted',
};
export const PRIORITY_TONE: Record<TicketPriority, string> = { low: 'muted', normal: 'muted', high: 'warning', urgent: 'danger' };

export type SlaState = { kind: 'breached' } | { kind: 'due-soon'; dueAt: string } | null;

/** The next SLA target of a ticket: the first response until answered, then the resolution. */
export function nextDue(ticket: Ticket): { kind: 'first-response' | 'resolution'; at: string } | null {
  const { sla } = ticket;
  if (!sla.firstRespondedAt && sla.firstResponseDueAt) return { kind: 'first-response', at: sla.firstResponseDueAt };
  return sla.resolutionDueAt ? { kind: 'resolution', at: sla.resolutionDueAt } : null;
}

/**
 * The SLA indicator of a ticket at `now`: `breached` (flagged by the server, or a due date passed),
 * `due-soon` (the next target — first response until answered, then resolution — is within
 * `warnHours`), or none. Only open, pending and on-hold tickets have one. The ticket list and the
 * ticket detail show the same.
 */
export function slaState(ticket: Ticket, now: number, warnHours: number): SlaState {
  if (!ACTIVE.has(ticket.status)) return null;
  const due = nextDue(ticket);
  const at = due ? Date.parse(due.at) : Number.NaN;
  if (ticket.sla.breached || at <= now) return { kind: 'breached' };
  if (due && at - now <= warnHours * 3_600_000) return { kind: 'due-soon', dueAt: due.at };
  return null;
}
