import type { ServerResponse } from 'node:http';
import { type PortalEvent, toWire } from '@portico/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPorticoClient, type PorticoDiagnostic, type PorticoStreamEvent, PorticoValidationError, readSse } from '../src/index.js';
import { fakeJwt, instantSleep, sseResponse, until } from '../src/testing/fetch.js';
import { send, startServer, type TestServer } from '../src/testing/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.received.length = 0;
});

const event = (n: number, o: Partial<PortalEvent> = {}): PortalEvent => ({
  id: `evt_${n}`,
  type: 'ticket.updated',
  resource: { kind: 'ticket', id: `tkt_${n}`, parentId: null },
  occurredAt: '2026-10-01T09:00:00.000Z',
  ...o,
});
const frame = (e: PortalEvent) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(toWire(e))}\n\n`;
const openStream = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.flushHeaders();
};

function setup(getToken = async () => fakeJwt()) {
  const diagnostics: PorticoDiagnostic[] = [];
  const sleeper = instantSleep();
  const client = createPorticoClient({
    baseUrl: server.url,
    getToken,
    onEvent: (d) => diagnostics.push(d),
    retry: { sleep: sleeper.sleep },
  });
  const events: PorticoStreamEvent[] = [];
  return {
    client,
    diagnostics,
    events,
    delays: sleeper.delays,
    listen: (l = (e: PorticoStreamEvent) => void events.push(e)) => client.subscribe(l),
  };
}

describe('readSse', () => {
  it('parses fields split across chunks, CRLF/CR/LF line ends, comments and multi-line data', async () => {
    const got: string[] = [];
    const ids: string[] = [];
    const retries: number[] = [];
    const text = ': hello\r\nretry: 250\r\nid: 1\r\ndata: a\r\ndata:b\r\r\nid: 2\ndata: {"x":\n\ndata: tail';
    const chunks = Array.from({ length: Math.ceil(text.length / 3) }, (_, i) => text.slice(i * 3, i * 3 + 3));
    await readSse(sseResponse(chunks).body!, { message: (d) => got.push(d), id: (i) => ids.push(i), retry: (ms) => retries.push(ms) });
    expect(got).toEqual(['a\nb', '{"x":']);
    expect(ids).toEqual(['1', '2']);
    expect(retries).toEqual([250]);
  });
});

describe('subscribe', () => {
  it('opens no connection before the first listener, shares one for all, closes after the last unsubscribes', async () => {
    server.handle((_req, res) => openStream(res));
    const { client } = setup();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.received).toHaveLength(0);
    const off1 = client.subscribe(() => {});
    const off2 = client.subscribe(() => {});
    await until(() => server.received.length);
    expect(server.received[0]!.url).toBe('/portal/v1/events');
    expect(server.received[0]!.headers.accept).toBe('text/event-stream');
    expect(server.received[0]!.headers.authorization).toMatch(/^Bearer /);
    off1();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.received[0]!.aborted).toBe(false);
    off2();
    await until(() => server.received[0]!.aborted);
    expect(server.received).toHaveLength(1);
  });

  it('delivers validated camelCase events; drops and reports invalid ones without breaking the stream', async () => {
    server.handle((_req, res) => {
      openStream(res);
      res.write(frame(event(1)));
      res.write('data: not json\n\n');
      res.write(`data: ${JSON.stringify({ id: 'x', type: 'ticket.exploded' })}\n\n`);
      res.write(frame(event(2, { type: 'deliverable.comment_added', resource: { kind: 'deliverable', id: 'dlv_1', parentId: 'prj_1' } })));
    });
    const { events, diagnostics, listen } = setup();
    const off = listen();
    await until(() => events.length === 2);
    off();
    expect(events).toEqual([
      event(1),
      event(2, { type: 'deliverable.comment_added', resource: { kind: 'deliverable', id: 'dlv_1', parentId: 'prj_1' } }),
    ]);
    const errors = diagnostics.filter((d) => d.type === 'error').map((d) => (d as { error: unknown }).error as PorticoValidationError);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e instanceof PorticoValidationError && e.endpoint === 'events.stream')).toBe(true);
    expect(errors[1]!.path).toBe('type');
  });

  it('reconnects after a drop, resumes with Last-Event-ID, honours retry: and emits stream.reconnected', async () => {
    server.handle((_req, res, n) => {
      openStream(res);
      if (n === 0) {
        res.write('retry: 25\n\n');
        res.write(frame(event(1)));
        res.write('id: evt_partial\ndata: {"cut'); // dropped mid-event: its id must not be committed
        setTimeout(() => res.destroy(), 20);
      } else res.write(frame(event(2)));
    });
    const { events, delays, listen } = setup();
    const off = listen();
    await until(() => events.length === 3);
    off();
    expect(server.received[1]!.headers['last-event-id']).toBe('evt_1');
    expect(server.received[0]!.headers['last-event-id']).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ticket.updated', 'stream.reconnected', 'ticket.updated']);
    expect(delays[0]).toBe(25);
  });

  it('backs off exponentially while the server keeps failing', async () => {
    server.handle((_req, res, n) => (n < 3 ? send(res, 503, { title: 'Down', status: 503, code: 'unavailable' }) : openStream(res)));
    const { delays, diagnostics, listen } = setup();
    const off = listen();
    await until(() => server.received.length === 4);
    off();
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(1000);
    expect(delays[1]).toBeGreaterThan(delays[0]! / 2);
    expect(delays[2]).toBeGreaterThanOrEqual(4000);
    expect(diagnostics.some((d) => d.type === 'error' && (d.error as { code?: string }).code === 'unavailable')).toBe(true);
  });

  it('refreshes the token once on a 401 and reconnects with the new one', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    let n = 0;
    server.handle((req, res) =>
      req.headers.authorization === `Bearer ${issued[0]}`
        ? send(res, 401, { title: 'Expired', status: 401, code: 'token_expired' })
        : openStream(res),
    );
    const { delays, listen } = setup(async () => issued[n++]!);
    const off = listen();
    await until(() => server.received.length === 2);
    off();
    expect(n).toBe(2);
    expect(server.received[1]!.headers.authorization).toBe(`Bearer ${issued[1]}`);
    expect(delays).toEqual([]);
  });

  it('stream.token_expired: reconnects at once with a fresh token from the provider and Last-Event-ID, and tells listeners nothing (nothing was missed)', async () => {
    const issued = [fakeJwt(), fakeJwt(), fakeJwt()];
    let n = 0;
    // Told apart by token, not by order: a request left over from another test may come first.
    server.handle((req, res) => {
      openStream(res);
      if (req.headers.authorization === `Bearer ${issued[0]}`) {
        res.write('retry: 5000\n\n');
        res.write(frame(event(1)));
        res.write('event: stream.token_expired\ndata: {"type":"stream.token_expired"}\n\n');
        res.end();
      } else if (req.headers.authorization === `Bearer ${issued[1]}`) res.write(frame(event(2)));
    });
    const { events, delays, diagnostics, listen } = setup(async () => issued[n++]!);
    const off = listen();
    await until(() => events.length === 2);
    off();
    expect(events).toEqual([event(1), event(2)]);
    const mine = server.received.filter((r) => issued.some((t) => r.headers.authorization === `Bearer ${t}`));
    expect(mine.map((r) => r.headers.authorization)).toEqual([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`]);
    expect(mine[1]!.headers['last-event-id']).toBe('evt_1');
    expect(delays).toEqual([]); // not the 5 s retry: at once
    expect(diagnostics).toContainEqual({ type: 'stream-reconnect', delayMs: 0, reason: 'token_expired' });
    expect(diagnostics.filter((d) => d.type === 'error')).toEqual([]);
  });

  it('stream.token_expired with a provider that returns the same token again: backs off instead of reconnecting in a loop', async () => {
    const same = fakeJwt();
    server.handle((_req, res) => {
      openStream(res);
      res.write('event: stream.token_expired\ndata: {"type":"stream.token_expired"}\n\n');
      res.end();
    });
    const { delays, diagnostics, listen } = setup(async () => same);
    const off = listen();
    await until(() => delays.length >= 2);
    off();
    expect(delays[0]).toBeGreaterThanOrEqual(1000);
    expect(diagnostics.some((d) => d.type === 'error' && (d.error as { code?: string }).code === 'token_unavailable')).toBe(true);
  });

  it('stream.reset: listeners get stream.reconnected with reason reset, and the stream goes on from the reset’s id', async () => {
    // Told apart by Last-Event-ID, not by order: a request left over from another test may come first.
    server.handle((req, res) => {
      openStream(res);
      const last = req.headers['last-event-id'];
      if (last === undefined) {
        res.write('retry: 10\n\n');
        res.write(frame(event(1)));
        setTimeout(() => res.destroy(), 20);
      } else if (last === 'evt_1') {
        res.write('id: 77\nevent: stream.reset\ndata: {"type":"stream.reset"}\n\n');
        setTimeout(() => res.destroy(), 20);
      } else if (last === '77') res.write(frame(event(78)));
    });
    const { events, listen } = setup();
    const off = listen();
    await until(() => events.length === 5);
    off();
    expect(events).toEqual([
      event(1),
      { type: 'stream.reconnected', reason: 'dropped' },
      { type: 'stream.reconnected', reason: 'reset' },
      { type: 'stream.reconnected', reason: 'dropped' },
      event(78),
    ]);
  });

  it('reports a malformed control message and keeps the stream', async () => {
    server.handle((_req, res) => {
      openStream(res);
      res.write('data: {"type":"stream.explode"}\n\n');
      res.write(frame(event(1)));
    });
    const { events, diagnostics, listen } = setup();
    const off = listen();
    await until(() => events.length === 1);
    off();
    expect(events).toEqual([event(1)]);
    const errors = diagnostics.filter((d) => d.type === 'error').map((d) => (d as { error: unknown }).error);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PorticoValidationError);
  });

  it('a throwing listener does not stop the others', async () => {
    server.handle((_req, res) => {
      openStream(res);
      res.write(frame(event(1)));
    });
    const { client, events, diagnostics, listen } = setup();
    const off1 = client.subscribe(() => {
      throw new Error('boom');
    });
    const off2 = listen();
    await until(() => events.length);
    off1();
    off2();
    expect(diagnostics.some((d) => d.type === 'error' && (d.error as Error).message === 'boom')).toBe(true);
  });
});
