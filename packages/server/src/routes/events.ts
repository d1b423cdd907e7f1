import { toWire } from '@portico/contract';
import { streamSSE } from 'hono/streaming';
import type { PortalHandlers } from '../context.js';
import { eventsAfter, toPortalEvent } from '../events.js';
import { isAdmin } from './common.js';

export const events: PortalHandlers['events'] = {
  async stream({ svc, db, principal: p, c }) {
    const viewer = { contactId: p.contactId, admin: isAdmin(p) };
    const given = c.req.header('last-event-id');
    let last: number;
    if (given !== undefined && /^\d{1,18}$/.test(given.trim())) {
      last = Number(given.trim());
    } else {
      // A fresh stream starts now: only changes from here on.
      const [row] = await db.query('SELECT event_seq FROM organizations');
      last = Number(row?.event_seq ?? 0);
    }
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let running = false;
      let again = false;
      let closed = false;
      const pump = async (): Promise<void> => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const rows = await eventsAfter(db, last, viewer);
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
      const unsubscribe = svc.bus.subscribe(p.orgId, () => void pump());
      await stream.write(`retry: 3000\n: connected\n\n`);
      await pump();
      const heartbeat = setInterval(() => {
        if (closed) return;
        stream.write(': heartbeat\n\n').catch(() => {});
        void pump();
      }, svc.config.heartbeatMs);
      await new Promise<void>((resolve) => stream.onAbort(() => resolve()));
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    });
  },
};
