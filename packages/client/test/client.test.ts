import { toWire } from '@portico/contract';
import { invoiceSummary, ticket, ticketMessage } from '@portico/contract/fixtures';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createPorticoClient,
  INVALID_LINK_EVENT,
  type InvalidLink,
  PorticoApiError,
  type PorticoClientOptions,
  type PorticoDiagnostic,
  PorticoInputError,
  PorticoNetworkError,
  PorticoTimeoutError,
  PorticoValidationError,
} from '../src/index.js';
import { fakeJwt, instantSleep, tick, until } from '../src/testing/fetch.js';
import { type Received, send, sendText, startServer, type TestServer } from '../src/testing/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.received.length = 0;
});

const page = (n = 2, nextCursor: string | null = null) => toWire({ data: Array.from({ length: n }, (_, i) => ticket(i + 1)), nextCursor });

function setup(o: Partial<PorticoClientOptions> = {}) {
  const token = fakeJwt();
  const tokens: string[] = [];
  const diagnostics: PorticoDiagnostic[] = [];
  const sleeper = instantSleep();
  const client = createPorticoClient({
    baseUrl: server.url,
    getToken: async () => {
      tokens.push(token);
      return token;
    },
    onEvent: (d) => diagnostics.push(d),
    ...o,
    retry: { sleep: sleeper.sleep, ...o.retry },
  });
  return { client, tokens, diagnostics, delays: sleeper.delays, token };
}

const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );

describe('wire mapping', () => {
  it('appends /portal/v1 to the base URL unless it is already there, and sends snake_case queries', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    const a = setup();
    expect(a.client.baseUrl).toBe(`${server.url}/portal/v1`);
    expect(createPorticoClient({ baseUrl: `${server.url}/portal/v1/`, getToken: async () => 't' }).baseUrl).toBe(`${server.url}/portal/v1`);
    await a.client.tickets.list({ status: 'open', limit: 25, cursor: 'c1', sort: '-updated_at' });
    expect(server.received[0]!.url).toBe('/portal/v1/tickets?status=open&sort=-updated_at&limit=25&cursor=c1');
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${a.token}`);
  });

  it('fills snake_case path params, sends snake_case JSON bodies and returns camelCase results', async () => {
    server.handle((_req, res) => send(res, 201, toWire(ticketMessage(1, { ticketId: 'tkt 1/2' }))));
    const { client } = setup();
    const msg = await client.tickets.reply({ id: 'tkt 1/2', body: '  Hello  ', attachmentIds: ['att_1'] });
    expect(server.received[0]!.url).toBe('/portal/v1/tickets/tkt%201%2F2/messages');
    expect(JSON.parse(server.received[0]!.body.toString())).toEqual({ body: 'Hello', attachment_ids: ['att_1'] });
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
    expect(msg.ticketId).toBe('tkt 1/2');
    expect(msg.bodyFormat).toBe('text');
  });

  it('uploads attachments as multipart form data', async () => {
    server.handle((_req, res) =>
      send(res, 201, {
        id: 'att_1',
        name: 'a.txt',
        content_type: 'text/plain',
        size: 5,
        url: '/portal/v1/files/att_1?exp=4102444800&sig=x',
      }),
    );
    const { client } = setup();
    await caught(client.attachments.upload({ file: new File(['hello'], 'a.txt', { type: 'text/plain' }) })).catch(() => {});
    const req = server.received[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.body.toString()).toContain('name="file"; filename="a.txt"');
    expect(req.body.toString()).toContain('hello');
  });
});

describe('upload progress (Node: a counted stream)', () => {
  const attachment = { id: 'att_1', file_name: 'big.bin', media_type: 'application/zip', size: 3_000_000, url: '/f/att_1' };
  const big = () => new File([new Uint8Array(3_000_000).fill(7)], 'big.bin', { type: 'application/zip' });
  const progressOf = () => {
    const events: Array<{ loaded: number; total: number }> = [];
    return { events, onUploadProgress: (p: { loaded: number; total: number }) => events.push(p) };
  };

  it('reports growing byte counts up to the whole multipart body, which the server receives intact', async () => {
    server.handle((_req, res) => send(res, 201, attachment));
    const { client } = setup();
    const { events, onUploadProgress } = progressOf();
    const result = await client.attachments.upload({ file: big(), onUploadProgress });
    expect(result.id).toBe('att_1');
    const req = server.received[0]!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.body.length).toBeGreaterThan(3_000_000);
    expect(events.length).toBeGreaterThan(2);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThan(events[i - 1]!.loaded);
    expect(events.at(-1)).toEqual({ loaded: req.body.length, total: req.body.length });
    expect(req.body.includes(Buffer.from('name="file"; filename="big.bin"'))).toBe(true);
  });

  it('keeps the token refresh on 401 and the idempotency key across retries; progress starts again from 0', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    server.handle((req, res, n) =>
      req.headers.authorization === `Bearer ${issued[0]}`
        ? send(res, 401, { title: 'Expired', status: 401, code: 'token_expired' })
        : n === 1
          ? send(res, 503, { title: 'Down', status: 503, code: 'unavailable' })
          : send(res, 201, attachment),
    );
    let t = 0;
    const { client } = setup({ getToken: async () => issued[Math.min(t++, 1)]! });
    const { events, onUploadProgress } = progressOf();
    await client.attachments.upload({ file: big(), onUploadProgress, idempotencyKey: 'upload-key' });
    expect(server.received.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${issued[0]}`,
      `Bearer ${issued[1]}`,
      `Bearer ${issued[1]}`,
    ]);
    expect(server.received.map((r) => r.headers['idempotency-key'])).toEqual(['upload-key', 'upload-key', 'upload-key']);
    expect(server.received.every((r) => r.body.length > 3_000_000)).toBe(true);
    const restarts = events.filter((e, i) => i > 0 && e.loaded < events[i - 1]!.loaded);
    expect(restarts).toHaveLength(2);
  });

  it('aborting stops the upload with the caller’s AbortError', async () => {
    server.handle(async (_req, res) => {
      await tick(300);
      send(res, 201, attachment);
    });
    const { client } = setup();
    const ac = new AbortController();
    const p = client.attachments.upload({ file: big(), signal: ac.signal, onUploadProgress: () => {} });
    setTimeout(() => ac.abort(), 50);
    const e = (await caught(p)) as Error;
    expect(e.name).toBe('AbortError');
  });

  it('without onUploadProgress the upload is a plain fetch (no progress module needed)', async () => {
    server.handle((_req, res) => send(res, 201, attachment));
    const calls: string[] = [];
    const { client } = setup({
      fetch: (input, init) => {
        calls.push(String(init?.body instanceof FormData));
        return fetch(input, init);
      },
    });
    await client.attachments.upload({ file: big() });
    expect(calls).toEqual(['true']);
  });

  it('a custom fetch receives onUploadProgress, and progress is reported at least at the start and the end', async () => {
    server.handle((_req, res) => send(res, 201, attachment));
    const seen: unknown[] = [];
    const { client } = setup({
      fetch: (input, init) => {
        const report = (init as { onUploadProgress?: (p: { loaded: number; total: number }) => void }).onUploadProgress;
        seen.push(typeof report);
        report?.({ loaded: 1_500_000, total: 3_000_000 });
        return fetch(input, init);
      },
    });
    const { events, onUploadProgress } = progressOf();
    await client.attachments.upload({ file: big(), onUploadProgress });
    expect(seen).toEqual(['function']);
    expect(events).toEqual([
      { loaded: 0, total: 3_000_000 },
      { loaded: 1_500_000, total: 3_000_000 },
      { loaded: 3_000_000, total: 3_000_000 },
    ]);
  });

  it('the timeout counts from the last progress, so a long upload that keeps moving is not cut off', async () => {
    server.handle(async (_req, res) => {
      await tick(30);
      send(res, 201, attachment);
    });
    const { client } = setup({
      timeoutMs: 120,
      fetch: async (input, init) => {
        const report = (init as { onUploadProgress?: (p: { loaded: number; total: number }) => void }).onUploadProgress!;
        // 6 × 60 ms = 360 ms in all: three times the timeout, but never 120 ms without progress.
        for (let i = 1; i <= 6; i++) {
          await tick(60);
          report({ loaded: i * 500_000, total: 3_000_000 });
        }
        return fetch(input, init);
      },
      retry: { limit: 0 },
    });
    const result = await client.attachments.upload({ file: big(), onUploadProgress: () => {} });
    expect(result.id).toBe('att_1');
    const stalled = setup({
      timeoutMs: 120,
      fetch: async (input, init) => {
        await tick(400);
        return fetch(input, init);
      },
      retry: { limit: 0 },
    });
    const e = (await caught(stalled.client.attachments.upload({ file: big(), onUploadProgress: () => {} }))) as PorticoTimeoutError;
    expect(e).toBeInstanceOf(PorticoTimeoutError);
  });
});

describe('input validation', () => {
  it('rejects invalid input with PorticoInputError (validation_failed, fieldErrors) before any request', async () => {
    const { client, tokens } = setup();
    const e = (await caught(client.tickets.create({ subject: 'x', body: ' ' }))) as PorticoInputError;
    expect(e).toBeInstanceOf(PorticoInputError);
    expect(e).toBeInstanceOf(PorticoApiError);
    expect(e.code).toBe('validation_failed');
    expect(e.status).toBe(0);
    expect(e.retryable).toBe(false);
    expect(e.fieldErrors.map((f) => f.path).sort()).toEqual(['body', 'subject']);
    expect(server.received).toHaveLength(0);
    expect(tokens).toHaveLength(0);
  });
});

describe('tokens', () => {
  it('calls getToken lazily and caches the token across requests', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    const { client, tokens } = setup();
    expect(tokens).toHaveLength(0);
    await client.tickets.list();
    await client.tickets.list({ status: 'open' });
    expect(tokens).toHaveLength(1);
  });

  it('refreshes a token that expires within the 30 s skew', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    let calls = 0;
    const { client } = setup({
      getToken: async () => {
        calls++;
        return fakeJwt(20); // expires in 20 s: inside the skew, so every request fetches a new one
      },
    });
    await client.tickets.list();
    await client.tickets.list();
    expect(calls).toBe(2);
    let objCalls = 0;
    const b = setup({
      getToken: async () => {
        objCalls++;
        return { token: 'opaque', expiresAt: Date.now() + 3_600_000 };
      },
    });
    await b.client.tickets.list();
    await b.client.tickets.list();
    expect(objCalls).toBe(1);
  });

  it('shares one in-flight token request among concurrent requests', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    let calls = 0;
    const { client } = setup({
      getToken: async () => {
        calls++;
        await tick(20);
        return fakeJwt();
      },
    });
    await Promise.all([
      client.tickets.list(),
      client.tickets.list({ q: 'y' }),
      client.tickets.list({ q: 'z' }),
      client.tickets.list({ q: 'x' }),
    ]);
    expect(calls).toBe(1);
  });

  it('on a 401 refreshes once and retries once with the new token', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    server.handle((req, res) =>
      req.headers.authorization === `Bearer ${issued[0]}`
        ? send(res, 401, { title: 'Expired', status: 401, code: 'token_expired' })
        : send(res, 200, page(1)),
    );
    let n = 0;
    const { client, diagnostics } = setup({ getToken: async () => issued[n++]! });
    const result = await client.tickets.list();
    expect(result.data).toHaveLength(1);
    expect(n).toBe(2);
    expect(server.received.map((r) => r.headers.authorization)).toEqual([`Bearer ${issued[0]}`, `Bearer ${issued[1]}`]);
    expect(diagnostics.filter((d) => d.type === 'token-refresh').map((d) => (d as { reason: string }).reason)).toEqual([
      'initial',
      'unauthorized',
    ]);
  });

  it('concurrent 401s share one refresh', async () => {
    const issued = [fakeJwt(), fakeJwt()];
    server.handle(async (req, res) => {
      await tick(5);
      return req.headers.authorization === `Bearer ${issued[0]}`
        ? send(res, 401, { title: 'No', status: 401, code: 'unauthorized' })
        : send(res, 200, page(1));
    });
    let n = 0;
    const { client } = setup({ getToken: async () => issued[Math.min(n++, 1)]! });
    await Promise.all([client.tickets.list(), client.tickets.list({ q: 'a' }), client.tickets.list({ q: 'b' })]);
    expect(n).toBe(2);
  });

  it('a second 401 raises PorticoApiError', async () => {
    server.handle((_req, res) => send(res, 401, { title: 'Unauthorized', status: 401, code: 'unauthorized' }));
    const { client, tokens } = setup();
    const e = (await caught(client.tickets.list())) as PorticoApiError;
    expect(e).toBeInstanceOf(PorticoApiError);
    expect(e.status).toBe(401);
    expect(e.code).toBe('unauthorized');
    expect(server.received).toHaveLength(2);
    expect(tokens).toHaveLength(2);
  });

  it('wraps a failing token provider in a PorticoError', async () => {
    const { client } = setup({ getToken: () => Promise.reject(new Error('signed out')) });
    const e = (await caught(client.tickets.list())) as PorticoApiError;
    expect(e.code).toBe('token_unavailable');
    expect(server.received).toHaveLength(0);
  });
});

describe('retries', () => {
  const statusThen =
    (statuses: number[], headers: Record<string, string> = {}) =>
    (_req: Received, res: import('node:http').ServerResponse, n: number) =>
      n < statuses.length
        ? send(res, statuses[n]!, { title: 'x', status: statuses[n], code: 'unavailable' }, headers)
        : send(res, 200, page(1));

  it('retries a GET on 5xx and 429 with growing jittered backoff', async () => {
    server.handle(statusThen([503, 429]));
    const { client, delays, diagnostics } = setup({ retry: { baseDelayMs: 100, maxDelayMs: 1000 } });
    const r = await client.tickets.list();
    expect(r.data).toHaveLength(1);
    expect(server.received).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThanOrEqual(200);
    expect(diagnostics.filter((d) => d.type === 'retry')).toHaveLength(2);
  });

  it('gives up after the configured number of retries (default 2)', async () => {
    server.handle(statusThen([500, 500, 500, 500]));
    const a = setup();
    const e = (await caught(a.client.tickets.list())) as PorticoApiError;
    expect(e.status).toBe(500);
    expect(e.retryable).toBe(true);
    expect(server.received).toHaveLength(3);
    server.received.length = 0;
    const b = setup({ retry: { limit: 0 } });
    await caught(b.client.tickets.list());
    expect(server.received).toHaveLength(1);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    server.handle(statusThen([429], { 'retry-after': '3' }));
    const a = setup();
    await a.client.tickets.list();
    expect(a.delays).toEqual([3000]);
    server.received.length = 0;
    server.handle(statusThen([503], { 'retry-after': new Date(Date.now() + 10_000).toUTCString() }));
    const b = setup();
    await b.client.tickets.list();
    expect(b.delays[0]).toBeGreaterThan(8000);
    expect(b.delays[0]).toBeLessThanOrEqual(10_000);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    server.handle(statusThen([503], { 'retry-after': '3600' }));
    const { client, delays } = setup();
    const e = (await caught(client.tickets.list())) as PorticoApiError;
    expect(e.code).toBe('unavailable');
    expect(delays).toEqual([]);
  });

  it('does not retry 4xx errors other than 429', async () => {
    server.handle((_req, res) => send(res, 404, { title: 'Not found', status: 404, code: 'not_found' }));
    const { client } = setup();
    const e = (await caught(client.tickets.get({ id: 'tkt_404' }))) as PorticoApiError;
    expect(e.code).toBe('not_found');
    expect(e.retryable).toBe(false);
    expect(server.received).toHaveLength(1);
  });

  it('retries a GET after a network error (connection reset)', async () => {
    server.handle((_req, res, n) => (n === 0 ? res.destroy() : send(res, 200, page(1))));
    const { client } = setup();
    expect((await client.tickets.list()).data).toHaveLength(1);
    expect(server.received).toHaveLength(2);
  });

  it('raises PorticoNetworkError when the server is unreachable', async () => {
    const { client } = setup({ baseUrl: 'http://127.0.0.1:9', retry: { limit: 1 } });
    const e = (await caught(client.tickets.list())) as PorticoNetworkError;
    expect(e).toBeInstanceOf(PorticoNetworkError);
    expect(e.code).toBe('network');
    expect(e.retryable).toBe(true);
  });

  it('sends a generated Idempotency-Key with every mutation and keeps it across retries', async () => {
    server.handle((_req, res, n) => (n === 0 ? res.destroy() : n === 1 ? send(res, 503, {}) : send(res, 200, toWire(ticket(1)))));
    const { client } = setup();
    await client.tickets.act({ id: 'tkt_1', action: 'close' });
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    server.received.length = 0;
    await client.tickets.act({ id: 'tkt_1', action: 'close' }).catch(() => {});
    await client.tickets.act({ id: 'tkt_1', action: 'close', idempotencyKey: 'my-key' });
    expect(server.received.at(-1)!.headers['idempotency-key']).toBe('my-key');
  });

  it('never retries a mutation without an Idempotency-Key', async () => {
    server.handle((_req, res) => send(res, 503, { title: 'Down', status: 503, code: 'unavailable' }));
    const { client } = setup();
    const e = (await caught(client.tickets.act({ id: 'tkt_1', action: 'close', idempotencyKey: false }))) as PorticoApiError;
    expect(e.code).toBe('unavailable');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('does not add an Idempotency-Key to GETs', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    await setup().client.tickets.list();
    expect(server.received[0]!.headers['idempotency-key']).toBeUndefined();
  });
});

describe('abort and timeout', () => {
  it('rethrows the caller’s AbortError for an in-flight request, unwrapped', async () => {
    server.handle(async (_req, res) => {
      await tick(300);
      send(res, 200, page(1));
    });
    const { client } = setup();
    const ac = new AbortController();
    const p = client.tickets.list({ signal: ac.signal });
    await until(() => server.received.length);
    ac.abort();
    const e = (await caught(p)) as DOMException;
    expect(e).toBe(ac.signal.reason);
    expect(e.name).toBe('AbortError');
    await until(() => server.received[0]!.aborted);
  });

  it('does not send anything for an already aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    const e = (await caught(setup().client.tickets.list({ signal: ac.signal }))) as DOMException;
    expect(e.name).toBe('AbortError');
    expect(server.received).toHaveLength(0);
  });

  it('aborts a pending retry wait', async () => {
    server.handle((_req, res) => send(res, 503, {}));
    const { client } = setup({ retry: { sleep: undefined as never, baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const ac = new AbortController();
    const p = client.tickets.list({ signal: ac.signal });
    await until(() => server.received.length);
    await tick(20);
    const started = Date.now();
    ac.abort();
    expect(((await caught(p)) as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('times out with PorticoTimeoutError (a retryable PorticoNetworkError)', async () => {
    server.handle(async (_req, res) => {
      await tick(400);
      send(res, 200, page(1));
    });
    const { client } = setup({ timeoutMs: 50, retry: { limit: 1 } });
    const e = (await caught(client.tickets.list())) as PorticoTimeoutError;
    expect(e).toBeInstanceOf(PorticoTimeoutError);
    expect(e).toBeInstanceOf(PorticoNetworkError);
    expect(e.code).toBe('timeout');
    expect(server.received).toHaveLength(2);
  });
});

describe('responses', () => {
  it('an invalid link leaves that link out (null) and reports its record on the caller’s signal and as a diagnostic; the rest parses', async () => {
    const body = toWire({ data: Array.from({ length: 50 }, (_, i) => invoiceSummary(i + 1)), nextCursor: null }) as {
      data: Array<{ pdf_url: unknown }>;
    };
    body.data[20]!.pdf_url = 'javascript:alert(1)';
    server.handle((_req, res) => send(res, 200, body));
    const { client, diagnostics } = setup();
    const ac = new AbortController();
    const reported: InvalidLink[] = [];
    ac.signal.addEventListener(INVALID_LINK_EVENT, (e) => reported.push((e as CustomEvent<InvalidLink>).detail));
    const list = await client.invoices.list({ signal: ac.signal });
    expect(list.data).toHaveLength(50);
    expect(list.data[20]!.pdfUrl).toBeNull();
    expect(list.data[21]!.pdfUrl).toBe(invoiceSummary(22).pdfUrl);
    const expected = { endpoint: 'invoices.list', path: 'data.20.pdfUrl', record: list.data[20]!.id };
    expect(reported).toEqual([expected]);
    expect(diagnostics).toContainEqual({ type: 'invalid-link', ...expected });
  });

  it('raises PorticoValidationError naming the endpoint and field path for a contract mismatch', async () => {
    const body = page(5) as { data: Array<{ sla: { breached: unknown } }> };
    body.data[3]!.sla.breached = 'yes';
    server.handle((_req, res) => send(res, 200, body));
    const e = (await caught(setup().client.tickets.list())) as PorticoValidationError;
    expect(e).toBeInstanceOf(PorticoValidationError);
    expect(e.code).toBe('invalid_response');
    expect(e.endpoint).toBe('tickets.list');
    expect(e.path).toBe('data.3.sla.breached');
    expect(e.issues.length).toBeGreaterThan(0);
  });

  it.each([
    ['an HTML page', '<!doctype html><h1>Hi</h1>', 'text/html'],
    ['an empty body', '', 'application/json'],
    ['truncated JSON', '{"data":[{"id":"tkt_1",', 'application/json'],
  ])('raises PorticoValidationError for %s with status 200', async (_name, text, type) => {
    server.handle((_req, res) => sendText(res, 200, text, type));
    const e = (await caught(setup().client.tickets.list())) as PorticoValidationError;
    expect(e).toBeInstanceOf(PorticoValidationError);
    expect(e.path).toBe('(body)');
  });

  it('maps problem bodies to PorticoApiError with camelCase field errors and the request id', async () => {
    server.handle((_req, res) =>
      send(
        res,
        422,
        {
          type: 'about:blank',
          title: 'Invalid',
          status: 422,
          code: 'validation_failed',
          detail: 'Check the form',
          errors: [{ path: 'attachment_ids.0', message: 'unknown' }],
        },
        { 'x-request-id': 'req_42' },
      ),
    );
    const e = (await caught(setup().client.tickets.reply({ id: 'tkt_1', body: 'hi' }))) as PorticoApiError;
    expect(e).toBeInstanceOf(PorticoApiError);
    expect({ status: e.status, code: e.code, title: e.title, detail: e.detail, retryable: e.retryable, requestId: e.requestId }).toEqual({
      status: 422,
      code: 'validation_failed',
      title: 'Invalid',
      detail: 'Check the form',
      retryable: false,
      requestId: 'req_42',
    });
    expect(e.fieldErrors).toEqual([{ path: 'attachmentIds.0', message: 'unknown' }]);
  });

  it.each([
    [404, 'not_found', false],
    [503, 'unavailable', true],
    [502, 'unavailable', true],
    [500, 'internal', true],
    [429, 'rate_limited', true],
    [418, 'bad_request', false],
  ])('a non-problem %i body still gives PorticoApiError %s (retryable %s)', async (status, code, retryable) => {
    server.handle((_req, res) => sendText(res, status, '<html>Bad gateway</html>', 'text/html'));
    const e = (await caught(setup({ retry: { limit: 0 } }).client.tickets.list())) as PorticoApiError;
    expect(e).toBeInstanceOf(PorticoApiError);
    expect([e.status, e.code, e.retryable]).toEqual([status, code, retryable]);
  });
});

describe('deduplication', () => {
  const slow = async (_req: Received, res: import('node:http').ServerResponse) => {
    await tick(80);
    send(res, 200, page(1));
  };

  it('sends one request for identical concurrent GETs', async () => {
    server.handle(slow);
    const { client } = setup();
    const [a, b] = await Promise.all([client.tickets.list({ status: 'open' }), client.tickets.list({ status: 'open' })]);
    expect(a).toEqual(b);
    expect(server.received).toHaveLength(1);
    await Promise.all([client.tickets.list({ status: 'open' }), client.tickets.list({ status: 'closed' })]);
    expect(server.received).toHaveLength(3);
  });

  it('one caller aborting does not abort the shared request for the other', async () => {
    server.handle(slow);
    const { client } = setup();
    const ac = new AbortController();
    const a = client.tickets.list({ signal: ac.signal });
    const b = client.tickets.list({});
    await until(() => server.received.length);
    ac.abort();
    expect(((await caught(a)) as Error).name).toBe('AbortError');
    expect((await b).data).toHaveLength(1);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.aborted).toBe(false);
  });

  it('aborts the shared request once every caller aborted', async () => {
    server.handle(slow);
    const { client } = setup();
    const [x, y] = [new AbortController(), new AbortController()];
    const a = client.tickets.list({ signal: x.signal });
    const b = client.tickets.list({ signal: y.signal });
    await until(() => server.received.length);
    x.abort();
    y.abort();
    await Promise.all([caught(a), caught(b)]);
    await until(() => server.received[0]!.aborted);
  });

  it('does not deduplicate mutations', async () => {
    server.handle((_req, res) => send(res, 200, toWire(ticket(1))));
    const { client } = setup();
    await Promise.all([client.tickets.act({ id: 'tkt_1', action: 'close' }), client.tickets.act({ id: 'tkt_1', action: 'close' })]);
    expect(server.received).toHaveLength(2);
  });
});

describe('pagination', () => {
  it('follows next_cursor page by page; items via a nested loop', async () => {
    server.handle((req, res) => {
      const cursor = new URL(req.url, server.url).searchParams.get('cursor');
      const n = cursor ? Number(cursor) : 0;
      send(res, 200, toWire({ data: [ticket(n * 2 + 1), ticket(n * 2 + 2)], nextCursor: n < 2 ? String(n + 1) : null }));
    });
    const { client } = setup();
    const ids: string[] = [];
    let pages = 0;
    for await (const p of client.paginate(client.tickets.list, { status: 'open', limit: 2 })) {
      pages++;
      for (const t of p.data) ids.push(t.id);
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(['tkt_1', 'tkt_2', 'tkt_3', 'tkt_4', 'tkt_5', 'tkt_6']);
    expect(server.received.map((r) => r.url)).toEqual([
      '/portal/v1/tickets?status=open&limit=2',
      '/portal/v1/tickets?status=open&limit=2&cursor=1',
      '/portal/v1/tickets?status=open&limit=2&cursor=2',
    ]);
  });
});

describe('diagnostics', () => {
  it('reports request, response, retry, token-refresh and error events', async () => {
    server.handle((_req, res, n) => (n === 0 ? send(res, 503, {}) : send(res, 404, {})));
    const { client, diagnostics } = setup();
    await caught(client.tickets.get({ id: 'tkt_1' }));
    expect(diagnostics.map((d) => d.type)).toEqual(['token-refresh', 'request', 'response', 'retry', 'request', 'response', 'error']);
    expect(diagnostics[1]).toMatchObject({ endpoint: 'tickets.get', method: 'GET', attempt: 0 });
    expect(diagnostics[2]).toMatchObject({ status: 503 });
  });

  it('a throwing onEvent hook does not break requests', async () => {
    server.handle((_req, res) => send(res, 200, page(1)));
    const { client } = setup({
      onEvent: () => {
        throw new Error('logger down');
      },
    });
    expect((await client.tickets.list()).data).toHaveLength(1);
  });
});
