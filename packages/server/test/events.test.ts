import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres.js';
import { runRetention } from '../src/retention.js';
import { seed } from '../src/seed.js';
import { startServer } from '../src/server.js';
import { type Fixture, type Harness, isPostgres, SECRET, STAFF_KEY, useFixture } from './helpers.js';
import { openSse } from './sse.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

describe('GET /events', () => {
  it('streams the organization’s changes with ids, and resumes from Last-Event-ID', async () => {
    const s = await openSse(h.url, fx.tokens.alice);
    await new Promise((r) => setTimeout(r, 100));
    const t = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Live ticket', body: 'x' } });
    await h.staff(`/tickets/${t.body.id}/messages`, { body: { body: 'hi', agent_name: 'Sam' } });
    await s.waitFor(3);
    expect(s.events.map((e) => e.event)).toEqual(['ticket.created', 'ticket.message_added', 'notification.created']);
    expect(s.events[0]!.data).toMatchObject({
      type: 'ticket.created',
      resource: { kind: 'ticket', id: t.body.id },
      occurred_at: expect.any(String),
    });
    const ids = s.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    s.close();

    // Changes while disconnected arrive after reconnecting with Last-Event-ID.
    const lastId = s.events.at(-1)!.id;
    await h.api(`/tickets/${t.body.id}/actions`, { token: fx.tokens.alice, body: { action: 'escalate' } });
    await h.staff('/invoices', {
      body: { org: 'acme', number: 'LIVE-1', currency: 'EUR', lines: [{ description: 'x', quantity: 1, unit_amount: 1 }] },
    });
    const resumed = await openSse(h.url, fx.tokens.alice, lastId);
    await resumed.waitFor(2);
    expect(resumed.events.map((e) => e.event).slice(0, 2)).toEqual(['ticket.updated', 'invoice.updated']);
    expect(Number(resumed.events[0]!.id)).toBeGreaterThan(Number(lastId));
    resumed.close();
  });

  it('members only see their own tickets’ and their notifications’ events; no other organization’s', async () => {
    const bob = await openSse(h.url, fx.tokens.bob, '0');
    const gina = await openSse(h.url, fx.tokens.gina, '0');
    await bob.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    const aliceTicket = fx.acme.ticketAlice;
    expect(bob.events.some((e) => e.data.resource.id === aliceTicket)).toBe(false);
    expect(bob.events.some((e) => e.data.type === 'invoice.updated')).toBe(false);
    expect(bob.events.some((e) => e.data.resource.id === fx.acme.ticketBob)).toBe(true);
    expect(gina.events.some((e) => e.data.resource.id === fx.acme.ticketBob)).toBe(false);
    bob.close();
    gina.close();
  });

  it('sends heartbeat comments', async () => {
    const fast = await startServer({ db: h.db, migrate: false, config: { ...h.config, heartbeatMs: 100 } });
    try {
      const s = await openSse(fast.url, fx.tokens.alice);
      await new Promise((r) => setTimeout(r, 350));
      expect(s.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2);
      s.close();
    } finally {
      await fast.close();
    }
  });
});

describe('streams outlive neither their token nor the event log', () => {
  it('a stream ends with stream.token_expired when its token expires, after every event so far; resuming with a fresh token and Last-Event-ID loses nothing', async () => {
    const short = await h.token('acme', 'alice', ['member', 'admin', 'approver'], {
      name: 'Alice Anders',
      email: 'alice@acme.example',
      ttl: 2,
    });
    const exp = JSON.parse(Buffer.from(short.split('.')[1]!, 'base64url').toString()).exp * 1000;
    const s = await openSse(h.url, short);
    await new Promise((r) => setTimeout(r, 100));
    const t = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Before expiry', body: 'x' } });
    await s.waitFor(1);
    await s.waitForEnd(exp - Date.now() + 2000);
    // Ended at the token's expiry (not before), with the control event last.
    expect(Date.now()).toBeGreaterThanOrEqual(exp - 50);
    expect(s.events.at(-1)).toMatchObject({ event: 'stream.token_expired', id: '', data: { type: 'stream.token_expired' } });
    expect(s.events[0]!.data.resource.id).toBe(t.body.id);
    // Changes made while no stream is open reach the next one, opened with a fresh token.
    const lastId = s.events.filter((e) => e.id).at(-1)!.id;
    const during = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Between streams', body: 'x' } });
    const next = await openSse(h.url, fx.tokens.alice, lastId);
    await next.waitFor(1);
    expect(next.events[0]).toMatchObject({ event: 'ticket.created', data: { resource: { id: during.body.id } } });
    expect(Number(next.events[0]!.id)).toBe(Number(lastId) + 1);
    next.close();
  });

  it('a Last-Event-ID older than the retention window is answered by stream.reset (then live events); one inside it resumes; unknown ids reset too', async () => {
    const s = await openSse(h.url, fx.tokens.alice);
    await new Promise((r) => setTimeout(r, 100));
    for (const subject of ['Old one', 'Old two', 'Recent'])
      await h.api('/tickets', { token: fx.tokens.alice, body: { subject, body: 'x' } });
    await s.waitFor(3);
    s.close();
    const [old1, old2, recent] = s.events.map((e) => Number(e.id));
    // The first two are older than the window: retention deletes them and marks the organization.
    await h.db.query(`UPDATE events SET occurred_at = now() - interval '100 hours' WHERE seq <= $1`, [old2!]);
    const r = await runRetention(h.db, undefined, { eventRetentionHours: 72 });
    expect(r.events).toBeGreaterThanOrEqual(2);

    const stale = await openSse(h.url, fx.tokens.alice, String(old1));
    await stale.waitFor(1);
    const [{ event_seq: head }] = (await h.db.query<{ event_seq: string | number }>(
      `SELECT event_seq FROM organizations WHERE external_id = 'acme'`,
    )) as [{ event_seq: string | number }];
    expect(stale.events[0]).toMatchObject({ event: 'stream.reset', id: String(head), data: { type: 'stream.reset' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(stale.events).toHaveLength(1); // nothing replayed: the client refetches instead
    const live = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'After reset', body: 'x' } });
    await stale.waitFor(2);
    expect(stale.events[1]).toMatchObject({ event: 'ticket.created', data: { resource: { id: live.body.id } } });
    stale.close();

    // Resuming from the newest deleted event loses nothing (everything after it is kept).
    const ok = await openSse(h.url, fx.tokens.alice, String(old2));
    await ok.waitFor(1);
    expect(ok.events[0]).toMatchObject({ event: 'ticket.created', id: String(recent) });
    ok.close();

    for (const id of [String(Number(head) + 1000), 'not-a-number']) {
      const odd = await openSse(h.url, fx.tokens.alice, id);
      await odd.waitFor(1);
      expect(odd.events[0]!.event, id).toBe('stream.reset');
      odd.close();
    }
  });
});

describe.runIf(isPostgres)('PostgreSQL: several processes', () => {
  it('LISTEN/NOTIFY: a change made through one server reaches streams on another', async () => {
    // A second server with its own pool and LISTEN connection on the same database.
    const db2 = await openPostgres(h.dbUrl!);
    const other = await startServer({ db: db2, migrate: false, config: h.config });
    try {
      const s = await openSse(other.url, fx.tokens.alice);
      await new Promise((r) => setTimeout(r, 150));
      const t = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Across processes', body: 'x' } });
      await s.waitFor(1);
      expect(s.events[0]!.data.resource.id).toBe(t.body.id);
      s.close();
    } finally {
      await other.close();
      await db2.close();
    }
  });

  it('database down: 503 with Retry-After, nothing half-written, and recovery by itself', async () => {
    // The server talks to PostgreSQL through a proxy we can cut.
    const target = new URL(h.dbUrl!);
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const up = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(up);
      client.pipe(up).pipe(client);
      const kill = () => {
        client.destroy();
        up.destroy();
      };
      client.on('error', kill).on('close', kill);
      up.on('error', kill).on('close', kill);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    const via = new URL(h.dbUrl!);
    via.host = `127.0.0.1:${port}`;
    const db = await openPostgres(via.toString(), { connectionTimeoutMillis: 500 });
    const s = await startServer({ db, migrate: false, config: h.config });
    try {
      const token = fx.tokens.bob;
      expect((await fetch(`${s.url}/portal/v1/tickets`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const before = (await h.api('/tickets?limit=100', { token })).body.data.length;

      // Cut: refuse new connections and kill the open ones.
      const closed = new Promise<void>((r) => proxy.close(() => r()));
      for (const sock of sockets) sock.destroy();
      sockets.clear();
      await closed;
      const down = await fetch(`${s.url}/portal/v1/tickets`, { headers: { authorization: `Bearer ${token}` } });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('5');
      expect((await down.json()).code).toBe('unavailable');
      const write = await fetch(`${s.url}/portal/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'outage-1' },
        body: JSON.stringify({ subject: 'During the outage', body: 'x' }),
      });
      expect(write.status).toBe(503);
      expect((await fetch(`${s.url}/readyz`)).status).toBe(503);

      // Back up on the same port: the pool reconnects by itself.
      await new Promise<void>((r) => proxy.listen(port, '127.0.0.1', r));
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await fetch(`${s.url}/readyz`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      expect((await h.api('/tickets?limit=100', { token })).body.data.length).toBe(before);
      const retry = await fetch(`${s.url}/portal/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'outage-1' },
        body: JSON.stringify({ subject: 'During the outage', body: 'x' }),
      });
      expect(retry.status).toBe(201);
      expect((await h.api('/tickets?limit=100', { token })).body.data.length).toBe(before + 1);
    } finally {
      await s.close();
      await db.close();
      proxy.close();
      for (const sock of sockets) sock.destroy();
    }
  });

  it('terminated backends (pg_terminate_backend) are replaced transparently', async () => {
    const r1 = await h.api('/me', { token: fx.tokens.alice });
    expect(r1.status).toBe(200);
    const admin = await openPostgres(process.env.DATABASE_URL!);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      new URL(h.dbUrl!).pathname.slice(1),
    ]);
    await admin.close();
    let ok = 0;
    for (let i = 0; i < 20 && ok !== 200; i++) {
      ok = (await h.api('/tickets', { token: fx.tokens.alice })).status;
      if (ok !== 200) {
        expect(ok).toBe(503);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(ok).toBe(200);
    // The LISTEN connection came back too: events still flow.
    const s = await openSse(h.url, fx.tokens.alice);
    await new Promise((r) => setTimeout(r, 1500));
    await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'After terminate', body: 'x' } });
    await s.waitFor(1, 8000);
    s.close();
  });
});

describe('seed', () => {
  it('loads the demo data quickly and idempotently', async () => {
    const t0 = Date.now();
    const first = await seed(h.db, { filesDir: h.filesDir });
    const ms = Date.now() - t0;
    expect(first).toMatchObject({ skipped: false, organizations: 2, tickets: 400, invoices: 100, projects: 6, articles: 83 });
    expect(ms).toBeLessThan(20000);
    const second = await seed(h.db, { filesDir: h.filesDir });
    expect(second.skipped).toBe(true);
    const alice = await h.token('acme', 'alice', ['member', 'admin', 'approver']);
    const all = await h.api('/tickets?scope=organization&limit=100', { token: alice });
    expect(all.body.next_cursor).toBeTruthy();
    const d = await h.api('/projects?limit=10', { token: alice });
    expect(d.body.data.length).toBeGreaterThanOrEqual(3);
    const dl = await h.api(`/projects/${d.body.data.find((p: { name: string }) => p.name === 'Website relaunch').id}/deliverables`, {
      token: alice,
    });
    for (const x of dl.body.data) {
      const f = await fetch(x.current_version.download_url);
      expect(f.status).toBe(200);
    }
    void SECRET;
    void STAFF_KEY;
  });
});
