import { expect } from '@open-wc/testing';
import { type PortalEvent, toWire } from '@portico/contract';
import { ticket } from '@portico/contract/fixtures';
import {
  createPorticoClient,
  PorticoApiError,
  type PorticoClientOptions,
  type PorticoStreamEvent,
  PorticoValidationError,
} from '../src/index.js';
import { fakeJwt, instantSleep, problem, scriptedFetch, sseResponse, until, wireJson } from '../src/testing/fetch.js';

const page = (n = 1) => ({ data: Array.from({ length: n }, (_, i) => ticket(i + 1)), nextCursor: null });

function make(handler: (req: Request, n: number) => Response | Promise<Response>, o: Partial<PorticoClientOptions> = {}) {
  const scripted = scriptedFetch(handler);
  const sleeper = instantSleep();
  const client = createPorticoClient({
    baseUrl: 'https://api.test',
    getToken: async () => fakeJwt(),
    fetch: scripted.fetch,
    retry: { sleep: sleeper.sleep },
    ...o,
  });
  return { client, requests: scripted.requests, delays: sleeper.delays };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );

describe('@portico/client in the browser', () => {
  it('shares one in-flight token request among concurrent requests', async () => {
    let calls = 0;
    const { client } = make(() => wireJson(page()), {
      getToken: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        return fakeJwt();
      },
    });
    await Promise.all([client.tickets.list(), client.tickets.list({ q: 'a' }), client.tickets.list({ q: 'b' })]);
    expect(calls).to.equal(1);
  });

  it('refreshes the token once on a 401 and retries with the new one', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    let n = 0;
    const { client, requests } = make(
      (req) => (req.headers.get('authorization') === `Bearer ${issued[0]}` ? problem(401, 'token_expired') : wireJson(page())),
      {
        getToken: async () => issued[n++]!,
      },
    );
    const result = await client.tickets.list();
    expect(result.data[0]!.id).to.equal('tkt_1');
    expect(requests.map((r) => r.headers.get('authorization'))).to.deep.equal([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`]);
  });

  it('a second 401 raises PorticoApiError', async () => {
    const { client, requests } = make(() => problem(401, 'unauthorized'));
    const e = (await rejection(client.tickets.list())) as PorticoApiError;
    expect(e).to.be.instanceOf(PorticoApiError);
    expect(e.code).to.equal('unauthorized');
    expect(requests).to.have.length(2);
  });

  it('sends snake_case and raises PorticoValidationError with the endpoint and field path', async () => {
    const wire = toWire(page(4)) as { data: Array<{ sla: { breached: unknown } }> };
    wire.data[3]!.sla.breached = 'no';
    const { client, requests } = make(() => new Response(JSON.stringify(wire), { headers: { 'content-type': 'application/json' } }));
    const e = (await rejection(client.tickets.list({ sort: '-updated_at', limit: 4 }))) as PorticoValidationError;
    expect(new URL(requests[0]!.url).search).to.equal('?sort=-updated_at&limit=4');
    expect(e).to.be.instanceOf(PorticoValidationError);
    expect([e.code, e.endpoint, e.path]).to.deep.equal(['invalid_response', 'tickets.list', 'data.3.sla.breached']);
  });

  it('an HTML error page becomes a PorticoApiError with a status code', async () => {
    const { client } = make(() => new Response('<html>oops</html>', { status: 503, headers: { 'content-type': 'text/html' } }), {
      retry: { limit: 0 },
    });
    const e = (await rejection(client.tickets.list())) as PorticoApiError;
    expect([e.status, e.code, e.retryable]).to.deep.equal([503, 'unavailable', true]);
  });

  it('rethrows the caller’s AbortError unwrapped', async () => {
    const { client } = make(() => new Promise<Response>(() => {}));
    const ac = new AbortController();
    const p = client.tickets.list({ signal: ac.signal });
    await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    const e = (await rejection(p)) as DOMException;
    expect(e).to.equal(ac.signal.reason);
    expect(e.name).to.equal('AbortError');
  });

  it('parses the SSE stream into validated events and reconnects with Last-Event-ID', async () => {
    const ev: PortalEvent = {
      id: 'evt_1',
      type: 'ticket.message_added',
      resource: { kind: 'ticket', id: 'tkt_1', parentId: null },
      occurredAt: '2026-10-01T09:00:00.000Z',
    };
    const frame = `id: evt_1\ndata: ${JSON.stringify(toWire(ev))}\n\n`;
    const { client, requests } = make((_req, n) =>
      n === 0 ? sseResponse([frame.slice(0, 10), frame.slice(10), 'data: {"bad": true}\n\n']) : sseResponse([], { end: false }),
    );
    const got: PorticoStreamEvent[] = [];
    const off = client.subscribe((e) => got.push(e));
    await until(() => got.length === 2);
    off();
    expect(got).to.deep.equal([ev, { type: 'stream.reconnected', reason: 'dropped' }]);
    expect(requests[0]!.headers.get('accept')).to.equal('text/event-stream');
    expect(requests[1]!.headers.get('last-event-id')).to.equal('evt_1');
  });

  it('keeps tokens out of localStorage, sessionStorage and cookies', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const before = document.cookie;
    const { client } = make((req) => (req.url.endsWith('/events') ? sseResponse([], { end: false }) : wireJson(page())));
    await client.tickets.list();
    const off = client.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 20));
    off();
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal(before);
  });
});
