import { describe, expect, it } from 'vitest';
import { type Fixture, type Harness, isPostgres, pausedServer, useFixture } from './helpers.js';
import { openSse, type Sse } from './sse.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

const reply = (ticket: string, body: string, url = h.url) =>
  fetch(`${url}/portal/v1/tickets/${ticket}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fx.tokens.alice}`, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
    body: JSON.stringify({ body }),
  });

describe('a reader resuming after event N never skips an event', () => {
  it.runIf(isPostgres)(
    'an event committed after a later-started write is numbered after it: a reader that resumed past the first still gets it',
    async () => {
      const a = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Slow writer', body: 'x' } });
      const b = await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Fast writer', body: 'x' } });
      const s = await openSse(h.url, fx.tokens.alice);
      // The slow write has inserted its event and stops before storing its idempotent response,
      // i.e. before COMMIT; the fast write commits meanwhile.
      const paused = await pausedServer(h, /^UPDATE idempotency_keys SET status/);
      try {
        const slow = reply(a.body.id, 'slow', paused.url);
        await paused.reached;
        expect((await reply(b.body.id, 'fast')).status).toBe(201);
        await s.waitFor(1);
        expect(s.events[0]!.data.resource.id).toBe(b.body.id);
        s.close();
        // Resume after the fast write's event, then let the slow one commit.
        const resumed = await openSse(h.url, fx.tokens.alice, s.events[0]!.id);
        await new Promise((r) => setTimeout(r, 100));
        paused.release();
        expect((await slow).status).toBe(201);
        await resumed.waitFor(1);
        expect(resumed.events[0]!.data.resource.id).toBe(a.body.id);
        expect(Number(resumed.events[0]!.id)).toBeGreaterThan(Number(s.events[0]!.id));
        resumed.close();
      } finally {
        await paused.close();
      }
    },
  );

  it.runIf(isPostgres)(
    'publishing a global article waits for no organization: a write of acme held before COMMIT does not block it',
    async () => {
      const paused = await pausedServer(h, /^UPDATE idempotency_keys SET status/);
      try {
        const held = reply(fx.acme.ticketAlice, 'held across the publication', paused.url);
        await paused.reached; // acme's event is inserted, its transaction open
        const t0 = Date.now();
        const article = await h.staff('/articles', {
          body: { slug: `everyone-${Date.now()}`, title: 'For everyone', summary: 's', body: 'b', body_format: 'markdown' },
        });
        expect(article.status).toBe(200);
        // Before, the publication took every organization's row lock (the event sequence) and
        // waited here until the held write committed.
        expect(Date.now() - t0).toBeLessThan(2000);
        paused.release();
        expect((await held).status).toBe(201);
      } finally {
        await paused.close();
      }
    },
  );

  it.runIf(isPostgres)(
    "a ticket creation held before COMMIT holds no lock of its organization: another creation, a reply and the events' numbering go on",
    async () => {
      const create = (subject: string, url = h.url) =>
        fetch(`${url}/portal/v1/tickets`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${fx.tokens.alice}`,
            'content-type': 'application/json',
            'idempotency-key': `k-${Math.random()}`,
          },
          body: JSON.stringify({ subject, body: 'x' }),
        });
      const paused = await pausedServer(h, /^UPDATE idempotency_keys SET status/);
      try {
        const held = create('Held before its COMMIT', paused.url);
        await paused.reached; // its number taken, its ticket, message and event inserted, not committed
        const t0 = Date.now();
        // Before, the creation kept the organization's row (its ticket counter) locked until
        // COMMIT: the next creation, and the readers' numbering of events, waited for it here.
        const next = await create('Created meanwhile');
        expect(next.status).toBe(201);
        expect((await reply(fx.acme.ticketAlice, 'meanwhile')).status).toBe(201);
        const [{ head }] = (await h.db.query("SELECT number_events(id) AS head FROM organizations WHERE external_id = 'acme'")) as [
          { head: string },
        ];
        expect(Number(head)).toBeGreaterThan(0);
        expect(Date.now() - t0).toBeLessThan(2000);
        paused.release();
        const first = await held;
        expect(first.status).toBe(201);
        // Numbers stay unique and follow the order in which they were taken.
        expect((await next.json()).number).toBe((await first.json()).number + 1);
      } finally {
        await paused.close();
      }
    },
  );

  it('under concurrent writers, a reader that keeps reconnecting with Last-Event-ID gets every event once, in increasing order', async () => {
    const writers = isPostgres ? 20 : 6;
    const each = 5;
    const tickets: string[] = [];
    for (let i = 0; i < writers; i++)
      tickets.push((await h.api('/tickets', { token: fx.tokens.alice, body: { subject: `Writer ${i}`, body: 'x' } })).body.id);
    const mine = new Set(tickets);
    const seen: Array<{ id: number; ticket: string }> = [];
    let done = false;
    // The reader: a stream at a time, closed after a few events (or a short while), resumed from
    // the last id it received, starting from the log's head before anything is written.
    const [{ head }] = (await h.db.query("SELECT number_events(id) AS head FROM organizations WHERE external_id = 'acme'")) as [
      { head: string },
    ];
    const reader = (async () => {
      let last = String(head);
      let s: Sse = await openSse(h.url, fx.tokens.alice, last);
      for (;;) {
        const until = Date.now() + 60 + Math.random() * 60;
        while (Date.now() < until && s.events.length < 3) await new Promise((r) => setTimeout(r, 5));
        s.close();
        for (const e of s.events) {
          last = e.id;
          if (e.event === 'ticket.message_added' && mine.has(e.data.resource.id))
            seen.push({ id: Number(e.id), ticket: e.data.resource.id });
        }
        if (done && seen.length >= writers * each) return;
        s = await openSse(h.url, fx.tokens.alice, last);
      }
    })();
    await Promise.all(
      tickets.map(async (t, w) => {
        for (let i = 0; i < each; i++) expect((await reply(t, `w${w} #${i}`)).status).toBe(201);
      }),
    );
    done = true;
    await Promise.race([
      reader,
      new Promise((_, rej) => setTimeout(() => rej(new Error(`reader got ${seen.length} of ${writers * each}`)), 10000)),
    ]);
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size, 'no event twice').toBe(ids.length);
    expect(ids, 'ids increase').toEqual([...ids].sort((x, y) => x - y));
    for (const t of tickets) expect(seen.filter((e) => e.ticket === t).length, t).toBe(each);
  });
});
