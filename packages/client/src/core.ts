// Only the table-free parts of the contract: this module must not import `endpoints` (the whole
// table, every schema), so that a bundle holds the schemas of the groups it registers only.
import { type EndpointInput, type EndpointOutput, type Endpoints, fromWire, toWire } from '@portico/contract';
import { API_PREFIX, type EndpointDef, type EndpointGroupDefs, fillPath } from '@portico/contract/endpoints/define';
import {
  apiError,
  PorticoApiError,
  PorticoError,
  PorticoInputError,
  PorticoNetworkError,
  PorticoTimeoutError,
  PorticoValidationError,
  type ValidationIssue,
} from './errors.js';
import { createEventStream, type PorticoEventListener, type PorticoStreamEvent } from './events.js';
import { backoff, type PorticoDiagnostic, type RetryOptions, race, sleep, type UploadProgress } from './options.js';
import type { EndpointTable } from './registry.js';
import { createTokenCache, type TokenProvider } from './token.js';

export interface PorticoClientOptions {
  /**
   * Origin (or origin + path) of the portal API, e.g. `https://portal.example.com` or
   * `https://x.test/portal/v1`. `/portal/v1` is appended unless the URL already ends with it.
   */
  baseUrl: string;
  /** Resolves to a JWT (or `{ token, expiresAt }`, ms since the epoch). Called lazily, one call at a time. */
  getToken: TokenProvider;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt timeout (default 15 000 ms). */
  timeoutMs?: number;
  /** Diagnostics: requests, responses, retries, token refreshes, errors (incl. dropped events). */
  onEvent?: (event: PorticoDiagnostic) => void;
  retry?: RetryOptions;
}

/** Per-call options, merged into an endpoint method's input. */
export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Mutations only: the `Idempotency-Key` (default: a fresh UUID per call, kept across retries).
   * `false` sends none, and then the mutation is never retried.
   */
  idempotencyKey?: string | false;
  /**
   * File uploads (multipart endpoints) only: called with `{ loaded, total }` bytes of the request
   * body as it is sent (again from 0 on a retry). In a browser it is sent through XMLHttpRequest,
   * in Node as a counted stream; a custom `fetch` receives it as `init.onUploadProgress`.
   */
  onUploadProgress?: UploadProgress;
}

type AnyInput = Record<string, unknown> & RequestOptions;
type Parser = {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown; error?: undefined; dropped?: ValidationIssue[] }
    | { success: false; data?: undefined; error: { issues: ValidationIssue[] } };
};

/**
 * A link of a response the contract's `Link` read as null (the server sent one the SDK may not
 * use): the endpoint, the field's path in the (camelCase) response, and the id of the nearest
 * record around it. Dispatched as a `portico-invalid-link` CustomEvent on the caller's `signal`
 * (an AbortSignal is an EventTarget), so that whoever made the call can say which record it was
 * — the components fire `portico-error` with code `invalid_link` — and as an `invalid-link` diagnostic.
 */
export interface InvalidLink {
  endpoint: string;
  path: string;
  record?: string;
}
export const INVALID_LINK_EVENT = 'portico-invalid-link';

/** Links dropped while parsing a response, by the parsed value (shared by every caller of a flight). */
const droppedLinks = new WeakMap<object, ValidationIssue[]>();
/** Endpoint names of a group that answer JSON (binary and SSE endpoints get no method). */
type JsonNames<G> = { [N in keyof G]: G[N] extends { response: 'binary' | 'sse' } ? never : N }[keyof G];

/** The method of one endpoint: its input is params, query and body merged (camelCase). */
export type EndpointMethod<E extends EndpointDef> = (
  ...args: {} extends EndpointInput<E> ? [input?: EndpointInput<E> & RequestOptions] : [input: EndpointInput<E> & RequestOptions]
) => Promise<EndpointOutput<E>>;

/** `client.<group>.<name>()` for every JSON endpoint of the contract. */
export type PorticoApi = {
  [G in keyof Endpoints as JsonNames<Endpoints[G]> extends never ? never : G]: {
    [N in JsonNames<Endpoints[G]>]: Endpoints[G][N] extends EndpointDef ? EndpointMethod<Endpoints[G][N]> : never;
  };
};

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PorticoClient extends PorticoApi {
  /** The API root requests go to, e.g. `https://x.test/portal/v1`. */
  readonly baseUrl: string;
  /** Pages of a list endpoint, following `nextCursor` from `input.cursor` until it is null. */
  paginate<M extends (input: never) => Promise<Page<unknown>>>(
    method: M,
    input?: Parameters<M>[0],
  ): AsyncGenerator<Awaited<ReturnType<M>>, void>;
  /** Listens to the shared event stream (opened on the first listener, closed after the last). Returns unsubscribe. */
  subscribe(listener: PorticoEventListener): () => void;
  /**
   * The portal token the client sends (cached), for requests it does not make itself — resumable
   * uploads (tus). With `stale` (a token the server refused with 401): a fresh one.
   */
  token(stale?: string): Promise<string>;
}

interface Flight {
  p: Promise<unknown>;
  n: number;
  leave(reason: unknown): void;
}

/** Calls `f` with each snake_case key and non-null value of `value`. */
const each = (value: object | undefined, f: (key: string, v: unknown) => void) => {
  for (const [k, v] of Object.entries(toWire(value ?? {}))) if (v != null) f(k, v);
};

const retryAfter = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? +value * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
};

/**
 * Groups of the contract that have client methods (JSON endpoints). A client answers these names
 * even before its table holds them, so that a group registered later is found (see
 * `endpointRegistry`). `satisfies` keeps the list equal to the keys of `PorticoApi`.
 */
const API_GROUPS = Object.keys({
  me: 1,
  tickets: 1,
  attachments: 1,
  articles: 1,
  invoices: 1,
  projects: 1,
  deliverables: 1,
  comments: 1,
  messages: 1,
  approvals: 1,
  notifications: 1,
  knowledgeBase: 1,
  profile: 1,
  billing: 1,
  documentRequests: 1,
} satisfies Record<keyof PorticoApi, 1>);

/**
 * Builds a client over `table`: `client.<group>.<name>()` for each JSON endpoint of the table's
 * groups. Group methods are built on first access and read the table then, so `table` may be a
 * live registry (`endpointRegistry`) that fills in after the client exists. The result is typed
 * as the whole `PorticoClient`; a group that the table does not hold when accessed throws a
 * `PorticoError` with code `unknown_endpoint`. `createPorticoClient(options)` is
 * `createClientFor(endpoints, options)`.
 */
export function createClientFor(table: EndpointTable, options: PorticoClientOptions): PorticoClient {
  const { getToken, timeoutMs = 15_000, onEvent, retry = {} } = options;
  const { limit = 2, baseDelayMs = 300, maxDelayMs = 10_000, maxRetryAfterMs = 60_000, sleep: wait = sleep } = retry;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const diagnose = (d: PorticoDiagnostic) => {
    try {
      onEvent?.(d);
    } catch {
      // a failing diagnostics hook must not break requests
    }
  };
  const base = options.baseUrl.replace(/\/+$/, '');
  const baseUrl = base.endsWith(API_PREFIX) ? base : base + API_PREFIX;
  const tokens = createTokenCache(getToken, (reason) => diagnose({ type: 'token-refresh', reason } as PorticoDiagnostic));
  const flights = new Map<unknown, Flight>();

  /**
   * Joins the flight of `key` or starts one (a mutation passes a fresh Symbol: never shared).
   * A caller's abort rejects only that caller; the flight is aborted once all callers aborted.
   */
  const join = (key: unknown, run: (signal: AbortSignal) => Promise<unknown>, signal?: AbortSignal) => {
    let f = flights.get(key);
    if (!f) {
      const ac = new AbortController();
      const forget = () => flights.get(key) === flight && flights.delete(key);
      const flight: Flight = {
        p: run(ac.signal),
        n: 0,
        leave: (reason) => {
          if (--flight.n) return;
          forget();
          ac.abort(reason);
        },
      };
      flight.p.then(forget, forget);
      flights.set(key, flight);
      f = flight;
    }
    const flight = f;
    flight.n++;
    return race(flight.p, signal, () => flight.leave(signal!.reason));
  };

  async function call(endpoint: string, def: EndpointDef, input: AnyInput = {}): Promise<unknown> {
    const { signal, idempotencyKey, onUploadProgress: progress } = input;
    signal?.throwIfAborted();
    const issues: { path: PropertyKey[]; message: string }[] = [];
    const [params, query, body] = ([def.params, def.query, def.body] as Array<Parser | undefined>).map((schema) => {
      const r = schema?.safeParse(input);
      if (r && !r.success) issues.push(...r.error.issues);
      return r?.data as Record<string, unknown> | undefined;
    });
    if (issues.length) throw new PorticoInputError(issues.map((i) => ({ path: i.path.join('.'), message: i.message })));

    const search = new URLSearchParams();
    each(query, (k, v) => search.append(k, String(v)));
    const url = baseUrl + fillPath(def.path, params ?? {}) + (search.size ? `?${search}` : '');
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body && def.bodyKind === 'multipart') {
      const form = new FormData();
      each(body, (k, v) => form.append(k, v as string | Blob));
      payload = form;
    } else if (body) {
      payload = JSON.stringify(toWire(body));
      headers['content-type'] = 'application/json';
    }
    if (!def.idempotent && idempotencyKey !== false) headers['idempotency-key'] = idempotencyKey || crypto.randomUUID();
    const canRetry = def.idempotent || !!headers['idempotency-key'];
    const schema = def.response as unknown as Parser;

    const attempt = async (token: string, n: number, signal: AbortSignal): Promise<unknown> => {
      const started = Date.now();
      diagnose({ type: 'request', endpoint, method: def.method, url, attempt: n });
      let res: Response;
      let text: string;
      try {
        const init = { method: def.method, headers: { ...headers, authorization: `Bearer ${token}` }, body: payload, signal };
        // An upload reporting progress times out only after `timeoutMs` without progress (upload.ts).
        res = await (progress && payload instanceof FormData
          ? (await import('./upload.js')).sendWithProgress(url, init, progress, timeoutMs, options.fetch)
          : doFetch(url, { ...init, signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) }));
        text = await res.text();
      } catch (e) {
        signal.throwIfAborted();
        throw (e as Error)?.name === 'TimeoutError' ? new PorticoTimeoutError(timeoutMs) : new PorticoNetworkError(undefined, e);
      }
      diagnose({ type: 'response', endpoint, status: res.status, attempt: n, ms: Date.now() - started });
      let json: unknown;
      let parsed = false;
      try {
        json = fromWire(JSON.parse(text));
        parsed = true;
      } catch {}
      if (!res.ok) {
        const error = apiError(res, json);
        (error as { retryAfterMs?: number }).retryAfterMs = retryAfter(res.headers.get('retry-after'));
        throw error;
      }
      if (!parsed) throw new PorticoValidationError(endpoint, [], '(body)');
      const r = schema.safeParse(json);
      if (!r.success) throw new PorticoValidationError(endpoint, r.error.issues);
      if (r.dropped && r.data && typeof r.data === 'object') droppedLinks.set(r.data, r.dropped);
      return r.data;
    };

    const run = async (signal: AbortSignal) => {
      let refreshed = false;
      for (let n = 0; ; n++) {
        try {
          return await attempt(token, n, signal);
        } catch (error) {
          signal.throwIfAborted();
          if (error instanceof PorticoApiError && error.status === 401 && !refreshed) {
            refreshed = true;
            token = await tokens.refresh(token);
            continue;
          }
          const after = (error as { retryAfterMs?: number }).retryAfterMs;
          if (!(error instanceof PorticoError && error.retryable && canRetry && n < limit && !(after! > maxRetryAfterMs))) {
            diagnose({ type: 'error', endpoint, error });
            throw error;
          }
          const delayMs = after ?? backoff(n, baseDelayMs, maxDelayMs);
          diagnose({ type: 'retry', endpoint, attempt: n + 1, delayMs, error });
          await wait(delayMs, signal);
          token = await tokens.get();
        }
      }
    };

    let token = await race(tokens.get(), signal);
    const data = await join(def.method === 'GET' ? `${url} ${token}` : Symbol(), run, signal);
    const dropped = data && typeof data === 'object' ? droppedLinks.get(data) : undefined;
    // Rare (a server sending a link the SDK may not use): reporting it is loaded when needed.
    if (dropped) (await import('./invalid-links.js')).reportInvalidLinks(endpoint, data, dropped, diagnose, signal, INVALID_LINK_EVENT);
    return data;
  }

  /** The methods of each group, built from the table's group object on first access. */
  const built: Record<string, [defs: EndpointGroupDefs, methods: Record<string, unknown>]> = {};
  const methodsOf = (group: string) => {
    const defs = table[group];
    if (!defs) {
      throw new PorticoError(
        'unknown_endpoint',
        `The "${group}" endpoints are not registered: import a component that calls them, or call ` +
          `registerEndpoints({ ${group} }) with ${group} from '@portico/contract/validators/${group}', or use createPorticoClient`,
      );
    }
    if (built[group]?.[0] !== defs) {
      const methods: Record<string, unknown> = {};
      for (const [name, def] of Object.entries(defs)) {
        if (typeof def.response === 'object') methods[name] = (input?: AnyInput) => call(`${group}.${name}`, def, input);
      }
      built[group] = [defs, methods];
    }
    return built[group][1];
  };

  const subscribe = createEventStream({ url: `${baseUrl}/events`, tokens, fetch: doFetch, diagnose, maxDelayMs, sleep: wait });

  const client: Omit<PorticoClient, keyof PorticoApi> = {
    baseUrl,
    async *paginate(method, input) {
      const call = method as unknown as (input: object) => Promise<Page<unknown>>;
      let cursor = (input as { cursor?: string } | undefined)?.cursor;
      do {
        const page = await call({ ...(input as object), cursor });
        yield page as never;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
    subscribe,
    token: (stale) => (stale ? tokens.refresh(stale) : tokens.get()),
  };
  // A getter per group (the contract's, and any other with JSON endpoints the table holds now),
  // enumerable like the plain properties they replace.
  const json = (group: string) => Object.values(table[group] ?? {}).some((def) => typeof def.response === 'object');
  for (const group of new Set([...API_GROUPS, ...Object.keys(table).filter(json)])) {
    if (group in client) continue;
    Object.defineProperty(client, group, { get: () => methodsOf(group), enumerable: true, configurable: true });
  }
  return client as PorticoClient;
}

export type { PorticoStreamEvent };
