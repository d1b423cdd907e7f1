import type { PortalEvent } from '@portico/contract';
import type { OrgDb } from './db/tenant.js';

export const EVENTS_CHANNEL = 'portico_events';

export interface NewEvent {
  type: PortalEvent['type'];
  kind: PortalEvent['resource']['kind'];
  id: string;
  parentId?: string | null;
  /** Only this contact (and admins) see it. */
  contactId?: string | null;
  adminOnly?: boolean;
  /** Only `contactId` sees it, not admins either (the contact's own notifications, profile, preferences). */
  private?: boolean;
}

/**
 * Appends to the organization's event log inside the caller's transaction: one INSERT, no lock.
 * The events are unnumbered until a reader numbers them after COMMIT (`number_events`,
 * migrations/070_event_numbers_after_commit.sql), so an organization's writes do not wait for one
 * another, and a number is only ever given to a committed event: numbers grow in commit order and
 * a reader resuming "after N" never skips an event committed later. The table's trigger notifies
 * `portico_events` with the organization's id (delivered at COMMIT).
 */
export async function appendEvents(tx: OrgDb, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params: unknown[] = [];
  const values = events.map((e, i) => {
    params.push(e.type, e.kind, e.id, e.parentId ?? null, e.contactId ?? null, e.adminOnly ?? false, e.private ?? false);
    const b = i * 7;
    return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7})`;
  });
  await tx.query(
    `INSERT INTO events (type, kind, resource_id, parent_id, contact_id, admin_only, private) VALUES ${values.join(',')}`,
    params,
  );
}

export interface EventRow {
  seq: string | number;
  type: string;
  kind: string;
  resource_id: string;
  parent_id: string | null;
  contact_id: string | null;
  admin_only: boolean;
  /** Only `contact_id` sees it (admins too only when it is theirs). */
  private: boolean;
  occurred_at: Date;
}

export interface Viewer {
  contactId: string;
  admin: boolean;
  /**
   * A guest (private client link, access-links/guard.ts): sees only the events of its project's
   * deliverables, document requests and messages (their parent is the project), none private or
   * for admins; `project: null` (a client-space link) is every project of the organization.
   */
  guest?: { project: string | null };
}

/** The kinds of event whose parent is a project: what a guest's stream may carry. */
const PROJECT_KINDS = new Set(['deliverable', 'document_request', 'project_message']);

const guestSees = (g: { project: string | null }, r: EventRow): boolean =>
  !r.private &&
  !r.admin_only &&
  r.contact_id === null &&
  PROJECT_KINDS.has(r.kind) &&
  r.parent_id !== null &&
  (g.project === null || r.parent_id === g.project);

/** Whether a viewer may see an event (the same rule for every stream of the organization). */
export const visibleTo = (v: Viewer, r: EventRow): boolean =>
  v.guest ? guestSees(v.guest, r) : (v.admin && !r.private) || (!r.admin_only && (r.contact_id === null || r.contact_id === v.contactId));

/** Numbered events after `after` (up to `upTo` when given), every viewer's, in order. */
export async function eventsAfter(q: OrgDb, after: number, limit = 500, upTo?: number) {
  return q.query<EventRow>(
    `SELECT seq, type, kind, resource_id, parent_id, contact_id, admin_only, private, occurred_at FROM events
     WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
    [after, upTo ?? Number.MAX_SAFE_INTEGER, limit],
  );
}

/**
 * Where the organization's event log stands: `head`, the last event number given out, and
 * `expired`, the highest number retention deleted (src/retention.ts). A stream can resume after
 * event N only if `expired <= N <= head`.
 */
export async function eventLogPosition(q: OrgDb): Promise<{ head: number; expired: number }> {
  const [row] = await q.query<{ event_seq: string | number; events_expired_seq: string | number }>(
    'SELECT event_seq, events_expired_seq FROM organizations',
  );
  return { head: Number(row?.event_seq ?? 0), expired: Number(row?.events_expired_seq ?? 0) };
}

export const toPortalEvent = (r: EventRow): PortalEvent => ({
  id: String(r.seq),
  type: r.type as PortalEvent['type'],
  resource: { kind: r.kind as PortalEvent['resource']['kind'], id: r.resource_id, parentId: r.parent_id },
  occurredAt: r.occurred_at.toISOString(),
});
