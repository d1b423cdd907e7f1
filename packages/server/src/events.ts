import type { PortalEvent } from '@portico/contract';
import type { Db } from './db/db.js';
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
 * Appends to the organization's event log inside the caller's transaction. The sequence
 * number comes from the organization's row under its lock, so numbers grow in commit order and
 * a reader resuming "after N" never skips an event committed later with a smaller number.
 * pg_notify is transactional: listeners hear of it only after COMMIT.
 */
export async function appendEvents(tx: OrgDb, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [row] = await tx.query<{ event_seq: string | number }>('UPDATE organizations SET event_seq = event_seq + $1 RETURNING event_seq', [
    events.length,
  ]);
  const last = Number(row!.event_seq);
  const first = last - events.length + 1;
  const params: unknown[] = [];
  const values = events.map((e, i) => {
    params.push(first + i, e.type, e.kind, e.id, e.parentId ?? null, e.contactId ?? null, e.adminOnly ?? false, e.private ?? false);
    const b = i * 8;
    return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`;
  });
  await tx.query(
    `INSERT INTO events (seq, type, kind, resource_id, parent_id, contact_id, admin_only, private) VALUES ${values.join(',')}`,
    params,
  );
  await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, `${tx.orgId}:${last}`]);
}

export interface EventRow {
  seq: string | number;
  type: string;
  kind: string;
  resource_id: string;
  parent_id: string | null;
  occurred_at: Date;
}

export async function eventsAfter(q: OrgDb, after: number, viewer: { contactId: string; admin: boolean }, limit = 500) {
  return q.query<EventRow>(
    `SELECT seq, type, kind, resource_id, parent_id, occurred_at FROM events
     WHERE seq > $1 AND (($2 AND NOT private) OR (NOT admin_only AND (contact_id IS NULL OR contact_id = $3)))
     ORDER BY seq LIMIT $4`,
    [after, viewer.admin, viewer.contactId, limit],
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

/**
 * One LISTEN per process fans notifications out to the open streams of that organization.
 * Works the same with PGlite (in-process) and PostgreSQL (across processes).
 */
export class EventBus {
  private subs = new Map<string, Set<() => void>>();
  private stop: (() => Promise<void>) | null = null;

  async start(db: Db): Promise<void> {
    this.stop = await db.listen(
      EVENTS_CHANNEL,
      (payload) => {
        const org = payload.slice(0, payload.lastIndexOf(':'));
        for (const fn of this.subs.get(org) ?? []) fn();
      },
      // After a lost LISTEN connection came back, everyone re-reads the log.
      () => {
        for (const set of this.subs.values()) for (const fn of set) fn();
      },
    );
  }

  subscribe(orgId: string, fn: () => void): () => void {
    let set = this.subs.get(orgId);
    if (!set) {
      set = new Set();
      this.subs.set(orgId, set);
    }
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.subs.delete(orgId);
    };
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = null;
  }
}
