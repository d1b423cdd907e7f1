import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { type Fixture, type Harness, isPostgres, STAFF_KEY, useFixture } from './helpers.js';
import { openSse } from './sse.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

describe('health, readiness and metrics', () => {
  it('/healthz answers while the process runs; /readyz checks the database, the storage and the migrations', async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', storage: 'ok' });
    // A migration this build has that the database lacks: not ready, and it says which.
    await h.db.query(`DELETE FROM schema_migrations WHERE name = '070_event_numbers_after_commit.sql'`);
    try {
      const r = await fetch(`${h.url}/readyz`);
      expect(r.status).toBe(503);
      expect((await r.json()).database).toBe('migrations not applied: 070_event_numbers_after_commit.sql');
    } finally {
      await h.db.query(`INSERT INTO schema_migrations (name) VALUES ('070_event_numbers_after_commit.sql')`);
    }
  });

  it('/metrics (staff key only): requests by route pattern and status, latency histogram, open streams, pool', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    await h.api('/tickets?limit=5', { token: fx.tokens.alice });
    await h.api(`/tickets/${fx.acme.ticketAlice}`, { token: fx.tokens.alice });
    await h.api('/tickets/tkt_nope', { token: fx.tokens.alice });
    const s = await openSse(h.url, fx.tokens.alice);
    await new Promise((r) => setTimeout(r, 100));
    const r = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${STAFF_KEY}` } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    const text = await r.text();
    s.close();
    expect(text).toMatch(/portico_http_requests_total\{method="GET",route="\/portal\/v1\/tickets",status="200"\} [1-9]/);
    expect(text).toMatch(/portico_http_requests_total\{method="GET",route="\/portal\/v1\/tickets\/:id",status="200"\} [1-9]/);
    expect(text).toMatch(/portico_http_requests_total\{method="GET",route="\/portal\/v1\/tickets\/:id",status="404"\} [1-9]/);
    expect(text).not.toContain('tkt_nope');
    expect(text).toMatch(
      /portico_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/portal\/v1\/tickets",status="200"\} \d/,
    );
    expect(text).toMatch(/^portico_event_streams_open 1$/m);
    expect(text).toMatch(/^portico_process_cpu_seconds_total /m);
    if (isPostgres) expect(text).toMatch(/^portico_db_pool_max 20$/m);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, ends event streams with a reconnect hint, lets an in-flight request finish, then closes', async () => {
    const s2 = await startServer({ db: h.db, migrate: false, config: { ...h.config, shutdownTimeoutMs: 5000 } });
    const stream = await openSse(s2.url, fx.tokens.alice);
    // A reply whose body is still arriving when the shutdown begins.
    const body = JSON.stringify({ body: 'Sent across the shutdown.' });
    const inflight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${s2.url}/portal/v1/tickets/${fx.acme.ticketAlice}/messages`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${fx.tokens.alice}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 400);
    });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    const closed = s2.close();
    await stream.waitForEnd(2000);
    expect(stream.comments.join('\n')).toContain('server shutting down');
    await expect(fetch(`${s2.url}/healthz`)).rejects.toThrow(); // no longer accepting
    const done = await inflight;
    expect(done.status, done.text).toBe(201);
    await closed;
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
