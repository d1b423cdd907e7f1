/**
 * A mock of the portal API for tests and stories, as a `fetch` to give `createPorticoClient`.
 * Handlers are plain data functions keyed by the contract's endpoint table (`'tickets.list'`):
 * `(req: { params, query, body }) => { status, body, headers?, delayMs? }` with camelCase input
 * and a wire-format (snake_case) body, so the same handlers can back msw in Storybook.
 *
 * Exported at `@portico/elements/testing` only; never part of the main bundle.
 *
 * ```ts
 * const api = createMockApi();
 * api.use('tickets.list', MockApi.problem(503, 'unavailable'));   // one test's override
 * const client = createPorticoClient({ baseUrl: 'https://portal.test', getToken: () => 'token', fetch: api.fetch });
 * ```
 */
import {
  API_PREFIX,
  camelKey,
  type EndpointDef,
  endpointList,
  type PortalEvent,
  type StreamControl,
  type Ticket,
  toWire,
} from '@portico/contract';
import * as fx from '@portico/contract/fixtures';
import { billingHandlers } from './mock-billing.js';
import { documentRequestHandlers } from './mock-document-requests.js';
import { messagesHandlers } from './mock-messages.js';
import { notificationCentreHandlers } from './mock-notifications.js';

export interface MockRequest {
  /** Path parameters, camelCase (`{ id }`, `{ projectId }`). */
  params: Record<string, string>;
  /** Query parameters, camelCase keys, string values. */
  query: Record<string, string>;
  /** Parsed JSON body with camelCase keys (or FormData for multipart), else undefined. */
  body: unknown;
  headers: Headers;
  method: string;
  url: URL;
  /** The request's abort signal. */
  signal?: AbortSignal | null;
}

export interface MockResponse {
  status?: number;
  /** A JSON value (sent as JSON), a string (sent verbatim: use it for malformed bodies), or a stream (SSE). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer after this many ms (aborting the request's signal cancels the wait). */
  delayMs?: number;
}

export type MockHandler = (req: MockRequest) => MockResponse | Promise<MockResponse>;
/** `group.name` of an endpoint, e.g. `tickets.list`. */
export type EndpointKey = string;

export interface MockCall {
  key: EndpointKey;
  method: string;
  url: URL;
  query: Record<string, string>;
  headers: Headers;
}

export interface MockApiOptions {
  /** Delay of every response (ms), default 0. */
  delayMs?: number;
  /** Number of tickets in the default data set (default 40). */
  tickets?: number;
  /** "Now" of the default data set (SLA due dates are relative to it). Default `Date.now()`. */
  now?: number;
}

export interface MockApi {
  /** Give this to `createPorticoClient({ fetch })`. */
  fetch: typeof fetch;
  /** The handlers in use, by endpoint key (defaults merged with overrides). */
  readonly handlers: Map<EndpointKey, MockHandler>;
  /** Every request received, in order. */
  readonly calls: MockCall[];
  /** The default data set (mutable: tests may push or edit rows). */
  readonly data: MockData;
  /** Replaces an endpoint's handler (or answers it with a fixed response) until `reset()`. */
  use(key: EndpointKey, handler: MockHandler | MockResponse): void;
  /** Restores the default handlers and clears `calls`. */
  reset(): void;
  /** Delay every response from now on. */
  delay(ms: number): void;
  /** Sends a live event to every open `/events` stream. */
  emit(event: PortalEvent): void;
  /** Sends a message about the stream itself (`stream.reset` with the id it continues from…) to every open stream. */
  control(message: StreamControl, id?: string): void;
  /** Number of open `/events` streams. */
  readonly openStreams: number;
}

export interface MockData {
  tickets: Ticket[];
}

const HOUR = 3_600_000;

/** An RFC 9457 problem response with Portico's `code`. */
export const problem = (
  status: number,
  code: string,
  title = code.replace(/_/g, ' '),
  extra: Record<string, unknown> = {},
): MockResponse => ({
  status,
  body: { type: 'about:blank', title, status, code, ...extra },
  headers: { 'content-type': 'application/problem+json' },
});

/** A 200 whose body is not valid JSON. */
export const malformedJson = (): MockResponse => ({
  status: 200,
  body: '{"data": [{"id": "tkt_1", "subj',
  headers: { 'content-type': 'application/json' },
});

/** A 200 with valid JSON that breaks the contract (a list whose rows miss required fields). */
export const malformedList = (): MockResponse => ({ status: 200, body: { data: [{ id: 'tkt_1', number: 'one' }], next_cursor: null } });

/** A JSON response (`body` is converted to the wire format). */
export const json = (body: unknown, status = 200): MockResponse => ({ status, body: toWire(body) });

export const MockApi = { problem, malformedJson, malformedList, json };

/** Tickets whose dates are relative to `now`, so SLA badges look as they would in production. */
export function mockTickets(count: number, now = Date.now()): Ticket[] {
  const iso = (ms: number) => new Date(ms).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const created = now - n * 5 * HOUR;
    // A mix: some breached, some due within 2 h, most comfortably ahead.
    const dueIn = n % 7 === 0 ? -HOUR : n % 5 === 0 ? 2 * HOUR : 40 * HOUR;
    return fx.ticket(n, {
      createdAt: iso(created),
      updatedAt: iso(now - n * HOUR),
      sla: {
        firstResponseDueAt: iso(created + 4 * HOUR),
        firstRespondedAt: iso(created + HOUR),
        resolutionDueAt: iso(now + dueIn),
        breached: n % 7 === 0,
      },
    });
  });
}

const encodeCursor = (offset: number) => btoa(`o:${offset}`);
const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) return 0;
  try {
    const m = /^o:(\d+)$/.exec(atob(cursor));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

/** Cursor pagination over an array: `{ data, nextCursor }` in wire format. */
export function paginate<T>(rows: readonly T[], query: Record<string, string>): MockResponse {
  const limit = Math.min(100, Math.max(1, Number(query.limit) || 25));
  const offset = decodeCursor(query.cursor);
  const data = rows.slice(offset, offset + limit);
  return json({ data, nextCursor: offset + limit < rows.length ? encodeCursor(offset + limit) : null });
}

const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

function listTickets(data: MockData, q: Record<string, string>): MockResponse {
  let rows = data.tickets.filter(
    (t) =>
      (!q.status || t.status === q.status) &&
      (!q.priority || t.priority === q.priority) &&
      (q.scope === 'organization' || t.requester.id === 'ct_alice') &&
      (!q.q || t.subject.toLowerCase().includes(q.q.toLowerCase()) || String(t.number).includes(q.q)),
  );
  const sort = q.sort ?? '-updated_at';
  const desc = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  const key = (t: Ticket): number =>
    field === 'priority'
      ? PRIORITY_RANK[t.priority]
      : field === 'number'
        ? t.number
        : Date.parse(field === 'created_at' ? t.createdAt : t.updatedAt);
  rows = [...rows].sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b)));
  return paginate(rows, q);
}

function defaultHandlers(data: MockData, now: number): Record<EndpointKey, MockHandler> {
  const byId = <T extends { id: string }>(rows: T[], id: string | undefined): MockResponse => {
    const row = rows.find((r) => r.id === id);
    return row ? json(row) : problem(404, 'not_found', 'Not found');
  };
  const range = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i + 1));
  const articles = range(12, (i) => fx.article(i));
  const invoices = range(12, (i) => fx.invoice(i));
  const invoiceFilter = (query: Record<string, string>) =>
    invoices.filter(
      (i) => (!query.status || i.status === query.status) && (query.overdue === undefined || String(i.overdue) === query.overdue),
    );
  const projects = range(3, (i) => fx.project(i));
  const deliverables = range(4, (i) => fx.deliverable(i));
  return {
    'me.get': () => json(fx.me()),
    'tickets.list': ({ query }) => listTickets(data, query),
    'tickets.get': ({ params }) => byId(data.tickets, params.id),
    'tickets.create': ({ body }) => {
      const input = body as { subject: string; priority?: Ticket['priority'] };
      const t = fx.ticket(data.tickets.length + 1, {
        subject: input.subject,
        status: 'open',
        priority: input.priority ?? 'normal',
        createdAt: new Date(now).toISOString(),
      });
      data.tickets.unshift(t);
      return json(t, 201);
    },
    'tickets.messages': ({ query }) =>
      paginate(
        range(4, (i) => fx.ticketMessage(i)),
        query,
      ),
    'tickets.reply': ({ params, body }) => json(fx.ticketMessage(9, { ticketId: params.id!, body: (body as { body: string }).body }), 201),
    'tickets.act': ({ params, body }) => {
      const t = data.tickets.find((r) => r.id === params.id);
      if (!t) return problem(404, 'not_found');
      const action = (body as { action: string }).action;
      Object.assign(t, action === 'close' ? { status: 'closed' } : action === 'reopen' ? { status: 'open' } : { escalated: true });
      return json(t);
    },
    'attachments.policy': () =>
      json({
        maxBytes: 25 * 1024 * 1024,
        maxFiles: 10,
        acceptedTypes: [
          'image/png',
          'image/jpeg',
          'image/gif',
          'image/webp',
          'application/pdf',
          'video/mp4',
          'audio/mpeg',
          'application/zip',
          'text/plain',
        ],
      }),
    'attachments.upload': () =>
      json(
        { id: 'att_1', fileName: 'file.txt', mediaType: 'text/plain', size: 4, url: '/portal/v1/files/att_1?exp=4102444800&sig=x' },
        201,
      ),
    'articles.list': ({ query }) =>
      paginate(
        articles.map(({ body: _b, bodyFormat: _f, helpfulCount: _h, notHelpfulCount: _n, ...s }) => s),
        query,
      ),
    'articles.search': () => json({ data: range(3, (i) => fx.searchHit(i)) }),
    'articles.get': ({ params }) => {
      const a = articles.find((r) => r.slug === params.slug);
      return a ? json(a) : problem(404, 'not_found');
    },
    'articles.vote': () => json({ helpfulCount: 13, notHelpfulCount: 1 }),
    'articles.categories': () => json({ data: [{ id: 'cat_1', slug: 'reports', name: 'Reports', articleCount: 12 }] }),
    'knowledgeBase.home': () => json(fx.knowledgeBaseHome()),
    'invoices.list': ({ query }) => {
      const sort = query.sort ?? '-issued_at';
      const field = sort.replace(/^-/, '') as 'issued_at' | 'due_at' | 'total';
      const key = (i: { total: number; dueAt: string | null; issuedAt: string }) =>
        field === 'total' ? i.total : ((field === 'due_at' ? i.dueAt : i.issuedAt) ?? '');
      const rows = invoiceFilter(query)
        .map(({ lines: _l, ...s }) => s)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (sort.startsWith('-') ? -1 : 1));
      return paginate(rows, query);
    },
    // Totals per currency of what the filter selects: amounts in different currencies never add up.
    'invoices.totals': ({ query }) => {
      const by = new Map<string, { currency: string; count: number; total: number; amountDue: number }>();
      for (const i of invoiceFilter(query)) {
        const t = by.get(i.currency) ?? { currency: i.currency, count: 0, total: 0, amountDue: 0 };
        t.count++;
        t.total += i.total;
        t.amountDue += i.amountDue;
        by.set(i.currency, t);
      }
      return json({ data: [...by.values()] });
    },
    'invoices.get': ({ params }) => byId(invoices, params.id),
    'projects.list': ({ query }) => paginate(projects, query),
    'projects.get': ({ params }) => byId(projects, params.id),
    'deliverables.list': ({ query }) =>
      paginate(
        deliverables.map(({ versions: _v, ...s }) => s),
        query,
      ),
    'deliverables.get': ({ params }) => byId(deliverables, params.id),
    'comments.list': ({ query }) =>
      paginate(
        range(3, (i) => fx.comment(i)),
        query,
      ),
    'comments.create': ({ body }) => json(fx.comment(9, { body: (body as { body: string }).body }), 201),
    'approvals.list': ({ query }) =>
      paginate(
        range(2, (i) => fx.approval(i)),
        query,
      ),
    'approvals.create': () => json(fx.approval(3), 201),
    // The notification centre's endpoints (stateful): testing/mock-notifications.ts.
    ...notificationCentreHandlers(json, paginate, problem).handlers,
    // Project conversations (stateful): testing/mock-messages.ts.
    ...messagesHandlers(json, problem).handlers,
    'files.get': () => ({ status: 200, body: 'file', headers: { 'content-type': 'text/plain' } }),
    ...billingHandlers(json),
    // Document requests (stateful): testing/mock-document-requests.ts.
    ...documentRequestHandlers(json, paginate, problem),
  };
}

interface Route {
  key: EndpointKey;
  def: EndpointDef;
  pattern: RegExp;
  names: string[];
}

const routes: Route[] = endpointList()
  .map(([group, name, def]) => {
    const names: string[] = [];
    const source = def.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([a-z_]+)\\?\}/g, (_, n: string) => {
      names.push(camelKey(n));
      return '([^/]+)';
    });
    return { key: `${group}.${name}`, def, pattern: new RegExp(`^${source}/?$`), names };
  })
  // Literal paths before templated ones (`/articles/search` before `/articles/{slug}`).
  .sort((a, b) => a.names.length - b.names.length);

const abortError = (signal: AbortSignal) => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

const wait = (ms: number, signal: AbortSignal | null | undefined) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError(signal));
      },
      { once: true },
    );
  });

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const now = options.now ?? Date.now();
  const data: MockData = { tickets: mockTickets(options.tickets ?? 40, now) };
  const defaults = defaultHandlers(data, now);
  const handlers = new Map<EndpointKey, MockHandler>(Object.entries(defaults));
  const calls: MockCall[] = [];
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  let delayMs = options.delayMs ?? 0;

  handlers.set('events.stream', ({ headers, signal }) => {
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        ctrl = c;
        streams.add(c);
        c.enqueue(encoder.encode(`: connected${headers.get('last-event-id') ? ' (resumed)' : ''}\nretry: 1000\n\n`));
        // A real fetch ends the body when its request is aborted; do the same.
        signal?.addEventListener('abort', () => {
          streams.delete(c);
          try {
            c.error(abortError(signal));
          } catch {}
        });
      },
      cancel() {
        streams.delete(ctrl);
      },
    });
    return { status: 200, body, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } };
  });
  const eventsHandler = handlers.get('events.stream')!;

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    const url = new URL(request.url);
    const at = url.pathname.indexOf(API_PREFIX);
    const path = at >= 0 ? url.pathname.slice(at + API_PREFIX.length) || '/' : url.pathname;
    const query = Object.fromEntries([...url.searchParams].map(([k, v]) => [camelKey(k), v]));

    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const r of routes) {
      if (r.def.method !== request.method) continue;
      match = r.pattern.exec(path);
      if (match) {
        route = r;
        break;
      }
    }
    if (!route || !match) return respond(problem(404, 'not_found', `No mock route for ${request.method} ${path}`), signal);
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match![i + 1]!)]));
    calls.push({ key: route.key, method: request.method, url, query, headers: request.headers });

    let body: unknown;
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('json')) body = camelize(await request.json().catch(() => undefined));
    else if (type.includes('multipart/form-data')) body = await request.formData();

    const handler = handlers.get(route.key) ?? (() => problem(501, 'internal', `No mock handler for ${route.key}`));
    const res = await handler({ params, query, body, headers: request.headers, method: request.method, url, signal });
    // An upload asked for progress (the client's `onUploadProgress` reaches a custom fetch as
    // `init.onUploadProgress`): half the bytes halfway through the response's delay.
    const progress = (init as { onUploadProgress?: (p: { loaded: number; total: number }) => void } | undefined)?.onUploadProgress;
    const ms = res.delayMs ?? delayMs;
    if (progress && body instanceof FormData && ms > 0) {
      let total = 0;
      for (const [, v] of body) if (typeof v !== 'string') total += v.size;
      const timer = setTimeout(() => progress({ loaded: Math.round(total / 2), total }), ms / 2);
      signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }
    return respond(res, signal);
  };

  function broadcast(frame: string): void {
    const chunk = encoder.encode(frame);
    for (const c of streams) {
      try {
        c.enqueue(chunk);
      } catch {
        streams.delete(c);
      }
    }
  }

  async function respond(res: MockResponse, signal: AbortSignal | null | undefined): Promise<Response> {
    const ms = res.delayMs ?? delayMs;
    if (ms > 0) await wait(ms, signal);
    else if (signal?.aborted) throw abortError(signal);
    const status = res.status ?? 200;
    const headers = new Headers(res.headers);
    let payload: BodyInit | null = null;
    if (res.body instanceof ReadableStream || typeof res.body === 'string') payload = res.body as BodyInit;
    else if (res.body !== undefined) {
      payload = JSON.stringify(res.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    return new Response(status === 204 ? null : payload, { status, headers });
  }

  return {
    fetch: mockFetch as typeof fetch,
    handlers,
    calls,
    data,
    use(key, handler) {
      if (!routes.some((r) => r.key === key)) throw new Error(`Unknown endpoint ${key}`);
      handlers.set(key, typeof handler === 'function' ? handler : () => handler);
    },
    reset() {
      handlers.clear();
      for (const [k, h] of Object.entries(defaults)) handlers.set(k, h);
      handlers.set('events.stream', eventsHandler);
      calls.length = 0;
    },
    delay(ms) {
      delayMs = ms;
    },
    emit(event) {
      broadcast(`id: ${event.id}\nevent: message\ndata: ${JSON.stringify(toWire(event))}\n\n`);
    },
    control(message, id) {
      broadcast(`${id ? `id: ${id}\n` : ''}event: ${message.type}\ndata: ${JSON.stringify(toWire(message))}\n\n`);
    },
    get openStreams() {
      return streams.size;
    },
  };
}

function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), camelize(v)]));
}

export { createMockClient, type MockClient } from './test-client.js';
