import { type StreamControl, toWire } from '@portico/contract';
import { streamSSE } from 'hono/streaming';
import type { PortalHandlers } from '../context.js';
import { eventLogPosition, eventsAfter, toPortalEvent } from '../events.js';
import { isAdmin } from './common.js';

/** Longest delay setTimeout keeps (about 24.8 days); a token never lives that long here anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const events: PortalHandlers['events'] = {
  async stream({ svc, db, principal: p, c }) {
    const viewer = { contactId: p.contactId, admin: isAdmin(p) };
    const given = c.req.header('last-event-id')?.trim();
    let last: number;
    /**
     * A resumed stream (`Last-Event-ID`) first checks that the log still holds every event after
     * it; if retention deleted some (or the id is not one of this log's), the client gets
     * `stream.reset` and the stream continues from the log's head.
     */
    let resuming = given !== undefined;
    const resumable = given !== undefined && /^\d{1,18}$/.test(given);
    if (given === undefined) {
      // A fresh stream starts now: only changes from here on.
      last = (await eventLogPosition(db)).head;
    } else last = resumable ? Number(given) : 0;
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const control = (type: StreamControl['type'], id?: string) =>
        stream.writeSSE({ event: type, data: JSON.stringify(toWire({ type } satisfies StreamControl)), ...(id ? { id } : {}) });
      let running = false;
      let current: Promise<void> | undefined;
      let again = false;
      let closed = false;
      const read = async (): Promise<void> => {
        running = true;
        try {
          do {
            again = false;
            const rows = await eventsAfter(db, last, viewer);
            if (resuming) {
              // Read after the rows: retention raises `expired` in the statement that deletes, so
              // if this still allows `last`, nothing after it was gone when the rows were read.
              const { head, expired } = await eventLogPosition(db);
              resuming = false;
              if (!resumable || last < expired || last > head) {
                if (closed) return;
                await control('stream.reset', String(head));
                last = head;
                again = true;
                continue;
              }
            }
            for (const r of rows) {
              if (closed) return;
              const e = toPortalEvent(r);
              await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(toWire(e)) });
              last = Number(r.seq);
            }
            if (rows.length === 500) again = true;
          } while (again && !closed);
        } catch (err) {
          // Database away: the next notification or heartbeat tries again.
          svc.log.debug('event stream read failed', { error: String(err) });
        } finally {
          running = false;
        }
      };
      /** Reads what is new, or has the read under way go round once more. */
      const pump = (): void => {
        if (running) again = true;
        else current = read();
      };
      const unsubscribe = svc.bus.subscribe(p.orgId, pump);
      await stream.write(`retry: 3000\n: connected\n\n`);
      pump();
      const heartbeat = setInterval(() => {
        if (closed) return;
        stream.write(': heartbeat\n\n').catch(() => {});
        pump();
      }, svc.config.heartbeatMs);
      // The stream lives as long as the token it was opened with: then it says so and ends, and the
      // client reconnects with a fresh token and Last-Event-ID (nothing is lost: `last` only moves
      // past events that were written whole).
      let expiry: ReturnType<typeof setTimeout> | undefined;
      const why = await new Promise<'aborted' | 'expired'>((resolve) => {
        stream.onAbort(() => resolve('aborted'));
        if (p.tokenExpiresAt !== undefined)
          expiry = setTimeout(() => resolve('expired'), Math.min(MAX_TIMER_MS, Math.max(0, p.tokenExpiresAt - Date.now())));
      });
      closed = true;
      clearTimeout(expiry);
      clearInterval(heartbeat);
      unsubscribe();
      if (why === 'expired') {
        await current;
        await control('stream.token_expired').catch(() => {});
      }
    });
  },
};
