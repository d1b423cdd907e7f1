/**
 * The event fan-out of one process: one LISTEN (`portico_events`), and per organization with open
 * streams one feed that, on each notification, numbers what was committed (`number_events`, a
 * short transaction of its own) and reads the new events once for every stream of the
 * organization; each stream gets the rows its viewer may see. A stream that starts behind the
 * feed (a `Last-Event-ID`, or a feed that moved on while it opened) reads up to the feed's
 * position by itself and then joins it. Works the same with PGlite (in-process) and PostgreSQL
 * (across processes).
 */
import type { Db } from './db/db.js';
import type { OrgDb } from './db/tenant.js';
import { EVENTS_CHANNEL, type EventRow, eventLogPosition, eventsAfter, type Viewer, visibleTo } from './events.js';
import type { Logger } from './log.js';

const PAGE = 500;

/** What a stream gives the bus. Calls are synchronous and in event order. */
export interface StreamSink {
  viewer: Viewer;
  /** A new event this viewer may see. */
  event(row: EventRow): void;
  /** The stream resumed after an event the log no longer holds: it goes on from `head`. */
  reset(head: number): void;
}

export interface SubscribeOptions {
  /** The stream's position: events after it are sent. */
  after: number;
  /** `after` came from the client (Last-Event-ID): check that the log still holds what follows it. */
  resume?: boolean;
  /** The resume point is not a number of this log at all: reset at once. */
  invalid?: boolean;
}

interface Sub {
  sink: StreamSink;
  last: number;
  synced: boolean;
  closed: boolean;
}

export interface BusStats {
  streams: number;
  organizations: number;
}

class Feed {
  subs = new Set<Sub>();
  private reading = false;
  private again = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly bus: EventBus,
    readonly orgId: string,
    readonly q: OrgDb,
    /**
     * Every event numbered up to here has been read and offered to the synced streams; null until
     * the first stream joins (one that resumes is checked first).
     */
    public pos: number | null,
    intervalMs: number,
  ) {
    // A missed notification (database away, LISTEN reconnecting) is caught up by this.
    this.timer = setInterval(() => this.pump(), intervalMs);
    this.timer.unref();
  }

  pump(): void {
    if (this.reading) this.again = true;
    else void this.read();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async read(): Promise<void> {
    this.reading = true;
    try {
      do {
        this.again = false;
        if (this.pos === null) return;
        await this.bus.number(this.orgId);
        const rows = await eventsAfter(this.q, this.pos, PAGE);
        for (const r of rows) {
          const seq = Number(r.seq);
          for (const s of this.subs) if (s.synced) this.bus.offer(s, r, seq);
          this.pos = seq;
        }
        if (rows.length === PAGE) this.again = true;
      } while (this.again && this.subs.size > 0);
    } catch (err) {
      this.bus.log?.debug('event feed read failed', { error: String(err) });
    } finally {
      this.reading = false;
    }
  }
}

export class EventBus {
  private feeds = new Map<string, Feed>();
  private db: Db | null = null;
  private stop: (() => Promise<void>) | null = null;
  /** Called with the seconds between an event's commit time and its hand-over to a stream. */
  onDelivered?: (lagSeconds: number) => void;

  constructor(
    readonly log?: Logger,
    private readonly intervalMs = 15000,
  ) {}

  async start(db: Db): Promise<void> {
    this.db = db;
    this.stop = await db.listen(
      EVENTS_CHANNEL,
      (payload) => {
        // `org` (a trigger of migration 070), or `org:seq` from a server of the previous release.
        const i = payload.indexOf(':');
        this.feeds.get(i < 0 ? payload : payload.slice(0, i))?.pump();
      },
      // After a lost LISTEN connection came back, every feed re-reads the log.
      () => {
        for (const f of this.feeds.values()) f.pump();
      },
    );
  }

  /** Numbers the organization's committed events (see migration 070); returns its head. */
  async number(orgId: string): Promise<number> {
    if (!this.db) throw new Error('the event bus is not started');
    const [row] = await this.db.transaction((tx) => tx.query<{ head: string | number }>('SELECT number_events($1) AS head', [orgId]));
    return Number(row?.head ?? 0);
  }

  /** Hands one event to a stream if it is new to it and its viewer may see it. */
  offer(s: Sub, r: EventRow, seq: number): void {
    if (s.closed || seq <= s.last) return;
    s.last = seq;
    if (!visibleTo(s.sink.viewer, r)) return;
    this.onDelivered?.(Math.max(0, (Date.now() - r.occurred_at.getTime()) / 1000));
    s.sink.event(r);
  }

  /**
   * Attaches a stream to its organization's feed (`q`: the organization's handle). Returns the
   * function that detaches it.
   */
  subscribe(q: OrgDb, opts: SubscribeOptions, sink: StreamSink): () => void {
    const sub: Sub = { sink, last: opts.after, synced: false, closed: false };
    let feed = this.feeds.get(q.orgId);
    if (!feed) {
      feed = new Feed(this, q.orgId, q, opts.resume || opts.invalid ? null : opts.after, this.intervalMs);
      this.feeds.set(q.orgId, feed);
    }
    feed.subs.add(sub);
    const f = feed;
    void this.join(f, sub, opts);
    return () => {
      sub.closed = true;
      f.subs.delete(sub);
      if (f.subs.size === 0 && this.feeds.get(f.orgId) === f) {
        f.stop();
        this.feeds.delete(f.orgId);
      }
    };
  }

  /** Brings a stream up to its feed's position by its own reads, then lets the feed carry it. */
  private async join(feed: Feed, sub: Sub, opts: SubscribeOptions): Promise<void> {
    let resume = opts.resume === true;
    for (let attempt = 0; !sub.closed; attempt++) {
      try {
        if (opts.invalid) {
          const { head } = await eventLogPosition(feed.q);
          if (sub.closed) return;
          sub.sink.reset(head);
          sub.last = Math.max(sub.last, head);
          opts.invalid = false;
          resume = false;
        }
        if (resume) {
          await this.number(feed.orgId);
          const rows = await eventsAfter(feed.q, sub.last, PAGE);
          // Read after the rows: retention raises `expired` in the statement that deletes, so if
          // this still allows `last`, nothing after it was gone when the rows were read.
          const { head, expired } = await eventLogPosition(feed.q);
          if (sub.closed) return;
          resume = false;
          if (sub.last < expired || sub.last > head) {
            sub.sink.reset(head);
            sub.last = head;
          } else for (const r of rows) this.offer(sub, r, Number(r.seq));
          if (rows.length === PAGE) resume = true;
          continue;
        }
        // Synchronous check and switch: the feed hands over rows only in synchronous steps.
        if (feed.pos === null || sub.last >= feed.pos) {
          if (feed.pos === null) feed.pos = sub.last;
          sub.synced = true;
          feed.pump();
          return;
        }
        const target = feed.pos;
        const rows = await eventsAfter(feed.q, sub.last, PAGE, target);
        for (const r of rows) this.offer(sub, r, Number(r.seq));
        if (rows.length < PAGE) sub.last = Math.max(sub.last, target);
      } catch (err) {
        this.log?.debug('event stream catch-up failed', { error: String(err) });
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }

  stats(): BusStats {
    let streams = 0;
    for (const f of this.feeds.values()) streams += f.subs.size;
    return { streams, organizations: this.feeds.size };
  }

  async close(): Promise<void> {
    for (const f of this.feeds.values()) f.stop();
    await this.stop?.();
    this.stop = null;
  }
}
