import { type StreamControl, toWire } from '@portico/contract';
import { streamSSE } from 'hono/streaming';
import type { PortalHandlers } from '../context.js';
import { type EventRow, toPortalEvent } from '../events.js';
import { isAdmin } from './common.js';

/** Longest delay setTimeout keeps (about 24.8 days); a token never lives that long here anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Events waiting to be written to one stream before it is ended instead (a client not reading). */
const MAX_QUEUED = 2000;

export const events: PortalHandlers['events'] = {
  async stream({ svc, db, principal: p, c }) {
    const viewer = { contactId: p.contactId, admin: isAdmin(p), guest: p.guest ? { project: p.guest.project } : undefined };
    const given = c.req.header('last-event-id')?.trim();
    /**
     * A resumed stream (`Last-Event-ID`) is checked by the event bus: if the log no longer holds
     * every event after it (retention), or the id is not one of this log's, the client gets
     * `stream.reset` and the stream continues from the log's head. A fresh stream starts now
     * (after what is committed, numbered first).
     */
    const resumable = given !== undefined && /^\d{1,18}$/.test(given);
    const after = given === undefined ? await svc.bus.number(p.orgId) : resumable ? Number(given) : 0;
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const control = (type: StreamControl['type'], id?: string) =>
        stream.writeSSE({ event: type, data: JSON.stringify(toWire({ type } satisfies StreamControl)), ...(id ? { id } : {}) });
      // The bus hands events over synchronously and in order; they are written one at a time.
      const queue: Array<EventRow | { reset: number }> = [];
      let writing: Promise<void> | undefined;
      let closed = false;
      const drain = async () => {
        while (queue.length > 0 && !closed) {
          const item = queue.shift()!;
          if ('reset' in item) await control('stream.reset', String(item.reset));
          else {
            const e = toPortalEvent(item);
            await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(toWire(e)) });
          }
        }
        writing = undefined;
      };
      let overflow = () => {};
      const push = (item: EventRow | { reset: number }) => {
        // A client that does not read (its TCP window full) is not buffered without bound here: its
        // stream ends and it resumes with Last-Event-ID, reading the log at its own pace.
        if (queue.length >= MAX_QUEUED) return overflow();
        queue.push(item);
        writing ??= drain().catch(() => {
          closed = true;
        });
      };
      await stream.write(`retry: 3000\n: connected\n\n`);
      const unsubscribe = svc.bus.subscribe(
        db,
        { after, resume: resumable, invalid: given !== undefined && !resumable },
        { viewer, event: push, reset: (head) => push({ reset: head }) },
      );
      const heartbeat = setInterval(() => {
        if (!closed) stream.write(': heartbeat\n\n').catch(() => {});
      }, svc.config.heartbeatMs);
      // The stream lives as long as the token it was opened with: then it says so and ends, and the
      // client reconnects with a fresh token and Last-Event-ID (nothing is lost: an event's id is
      // sent only with the whole event). On shutdown it asks the client to come back soon (to
      // another process behind the same address) and ends.
      let expiry: ReturnType<typeof setTimeout> | undefined;
      let offShutdown = () => {};
      const why = await new Promise<'aborted' | 'expired' | 'shutdown' | 'overflow'>((resolve) => {
        stream.onAbort(() => resolve('aborted'));
        overflow = () => resolve('overflow');
        offShutdown = svc.shutdown.onShutdown(() => resolve('shutdown'));
        if (p.tokenExpiresAt !== undefined)
          expiry = setTimeout(() => resolve('expired'), Math.min(MAX_TIMER_MS, Math.max(0, p.tokenExpiresAt - Date.now())));
      });
      clearTimeout(expiry);
      offShutdown();
      clearInterval(heartbeat);
      unsubscribe();
      if (why === 'expired' || why === 'shutdown') await writing;
      closed = true;
      if (why === 'expired') await control('stream.token_expired').catch(() => {});
      if (why === 'shutdown') await stream.write('retry: 500\n: server shutting down, reconnect with Last-Event-ID\n\n').catch(() => {});
    });
  },
};
