import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { API_PREFIX, type EndpointDef, endpointList, fromWire, snakeKey } from '@portico/contract';
import { STAFF_PREFIX, staffEndpointList } from '@portico/contract/staff';
import { type Context, Hono } from 'hono';
import { bearer, createPrincipalResolver, createTokenVerifier, type Principal, staffKeyMatches } from './auth.js';
import type { Config } from './config.js';
import type { PortalCtx, Services } from './context.js';
import { type Db, isUnavailable, type Queryable } from './db/db.js';
import { badRequest, type FieldError, forbidden, HttpError, problemBody, unauthorized, validationFailed } from './errors.js';
import { EventBus } from './events.js';
import { createLogger } from './log.js';
import { portalHandlers } from './routes/index.js';
import { staffHandlers } from './routes/staff.js';
import { createFileSigner, type Disposition, diskStorage, type Storage } from './storage.js';
import { RawJson, toWire } from './wire.js';

export interface CreateAppOptions {
  db: Db;
  config: Config;
  storage?: Storage;
}

export interface PorticoApp {
  app: Hono;
  services: Services;
  /** Starts the LISTEN that feeds /events (done by startServer). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A handler as registered: the contract's schemas checked its params, query and body. */
type AnyHandler = (ctx: PortalCtx) => Promise<unknown>;

/** The part of Standard Schema (zod's `~standard`) used here. */
interface StandardIssue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly StandardIssue[] };
interface StandardSchema {
  '~standard': { validate(value: unknown): StandardResult | Promise<StandardResult> };
}

const JSON_LIMIT = 1024 * 1024;

const incomingOf = (c: Context): IncomingMessage | undefined => {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming && typeof incoming.headers === 'object' ? incoming : undefined;
};

/**
 * A request header. Served by @hono/node-server, read from the headers Node has already parsed:
 * `c.req.header()` first builds a WHATWG Headers object of every header of the request, a few
 * microseconds per request for the two or three headers read here. Same value as the Headers
 * object gives (repeated headers joined with ", "); elsewhere (app.request in tests) from it.
 */
function header(c: Context, name: string): string | undefined {
  const incoming = incomingOf(c);
  if (!incoming) return c.req.header(name);
  const v = incoming.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/**
 * The Authorization header. Node keeps only the first of repeated Authorization headers; the
 * Headers object joins them (and `bearer` then refuses the result), so repeated ones are joined
 * here too: a request with two Authorization headers stays unauthenticated.
 */
function authorization(c: Context): string | undefined {
  const incoming = incomingOf(c);
  if (!incoming) return c.req.header('authorization');
  const raw = incoming.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const k = raw[i]!;
    if (k.length === 13 && k.toLowerCase() === 'authorization') value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
  }
  return value;
}

function loadOpenApi(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@portico/contract/openapi.json'), 'utf8');
}

async function validate(schema: unknown, value: unknown, where: string): Promise<unknown> {
  if (!schema) return undefined;
  const r = await (schema as StandardSchema)['~standard'].validate(value);
  if (!r.issues) return r.value;
  const errors: FieldError[] = r.issues.map((i) => ({
    path:
      (i.path ?? [])
        .map((p) => (typeof p === 'object' && p !== null ? p.key : p))
        .map((p) => (typeof p === 'string' ? snakeKey(p) : String(p)))
        .join('.') || where,
    message: i.message,
  }));
  throw validationFailed(errors);
}

/** Parses a JSON or multipart body, within the size limits. */
async function readBody(c: Context, e: EndpointDef, config: Config): Promise<{ value: unknown; fingerprint: string }> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (e.bodyKind === 'multipart') {
    if (length > config.maxUploadBytes + 256 * 1024) throw tooLarge(config);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw new HttpError(415, 'unsupported_media_type', 'Unsupported media type', 'Send multipart/form-data.');
    let form: Record<string, unknown>;
    try {
      form = (await c.req.parseBody()) as Record<string, unknown>;
    } catch {
      throw badRequest('The multipart body could not be read.');
    }
    const hash = createHash('sha256');
    for (const [k, v] of Object.entries(form).sort(([a], [b]) => a.localeCompare(b))) {
      if (v instanceof File) {
        if (v.size > config.maxUploadBytes) throw tooLarge(config);
        const bytes = new Uint8Array(await v.arrayBuffer());
        hash.update(`${k}=file:${v.name}:${createHash('sha256').update(bytes).digest('hex')}\n`);
      } else hash.update(`${k}=${JSON.stringify(v)}\n`);
    }
    return { value: fromWire(form), fingerprint: hash.digest('hex') };
  }
  if (length > JSON_LIMIT) throw new HttpError(413, 'payload_too_large', 'Payload too large', 'JSON bodies are limited to 1 MiB.');
  const text = await c.req.text();
  if (text.length > JSON_LIMIT) throw new HttpError(413, 'payload_too_large', 'Payload too large', 'JSON bodies are limited to 1 MiB.');
  if (!e.body) return { value: undefined, fingerprint: '' };
  let parsed: unknown = {};
  if (text.trim()) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badRequest('The body is not valid JSON.');
    }
  }
  return { value: fromWire(parsed), fingerprint: createHash('sha256').update(text).digest('hex') };
}

const tooLarge = (config: Config) =>
  new HttpError(413, 'payload_too_large', 'Payload too large', `Uploads are limited to ${Math.round(config.maxUploadBytes / 1048576)} MB.`);

export function createApp({ db, config, storage }: CreateAppOptions): PorticoApp {
  const log = createLogger(config.logLevel);
  const services: Services = {
    db,
    config,
    storage: storage ?? diskStorage(config.filesDir),
    signer: createFileSigner(config.fileUrlSecret, config.fileUrlTtlSeconds),
    bus: new EventBus(),
    verify: createTokenVerifier(config),
    principals: createPrincipalResolver(db),
    log,
  };
  const openapi = loadOpenApi();
  const app = new Hono();

  // Request id, CORS and one JSON log line per request, in one middleware. CORS is done here
  // rather than with hono/cors: that middleware touches `c.res` before the handler runs, which
  // makes Hono copy every response into a new Response and stream its body (≈ 15 % of the CPU
  // time of a small JSON response, plus a timer tick of latency). The headers every response
  // carries are computed here; the endpoints' own responses (`send`) are made with them in a
  // plain object, which @hono/node-server writes as it is; any other response (errors, health,
  // OpenAPI…) gets them set on its Headers after it is made. Behaviour (headers, preflight) is
  // unchanged.
  const allowAny = config.allowedOrigins.includes('*');
  const allowed = new Set(config.allowedOrigins);
  const EXPOSE = 'Retry-After,X-Request-Id,Idempotent-Replayed,Content-Disposition';
  const PREFLIGHT = {
    'Access-Control-Max-Age': '600',
    'Access-Control-Allow-Methods': 'GET,POST,PATCH,DELETE,OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization,Content-Type,Idempotency-Key,Last-Event-ID,X-Request-Id',
  };
  /** Responses made by `send`: they already carry the common headers. */
  const complete = new WeakSet<Response>();
  const logRequests = log.enabled('info');
  app.use('*', async (c, next) => {
    const t0 = logRequests ? performance.now() : 0;
    const given = header(c, 'x-request-id');
    const id = given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    c.set('requestId' as never, id as never);
    const origin = header(c, 'origin');
    const allowOrigin = origin && (allowAny || allowed.has(origin)) ? origin : null;
    if (c.req.method === 'OPTIONS') {
      // Preflight (any OPTIONS request): answered here, like hono/cors did.
      const headers = new Headers({ 'X-Request-Id': id, 'Access-Control-Expose-Headers': EXPOSE, ...PREFLIGHT });
      if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
      headers.append('Vary', 'Origin');
      headers.append('Vary', 'Access-Control-Request-Headers');
      c.res = new Response(null, { status: 204, headers });
    } else {
      const common: Record<string, string> = { 'X-Request-Id': id, 'Access-Control-Expose-Headers': EXPOSE, Vary: 'Origin' };
      if (allowOrigin) common['Access-Control-Allow-Origin'] = allowOrigin;
      c.set('commonHeaders' as never, common as never);
      await next();
      if (!complete.has(c.res)) {
        const h = c.res.headers;
        h.set('X-Request-Id', id);
        if (allowOrigin) h.set('Access-Control-Allow-Origin', allowOrigin);
        h.set('Access-Control-Expose-Headers', EXPOSE);
        h.append('Vary', 'Origin');
      }
    }
    if (logRequests) {
      log.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        request_id: id,
      });
    }
  });

  /** An endpoint's response, with the common headers of the middleware above. */
  const send = (c: Context, body: string | null, status: number, headers: Record<string, string>): Response => {
    const common = c.get('commonHeaders' as never) as Record<string, string> | undefined;
    const res = new Response(body, { status, headers: common ? { ...headers, ...common } : headers });
    if (common) complete.add(res);
    return res;
  };

  app.onError((err, c) => {
    const instance = c.req.path;
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.body(JSON.stringify(problemBody(err, instance)), err.status as 400, { 'Content-Type': 'application/problem+json' });
    }
    if (isUnavailable(err)) {
      log.warn('database unavailable', { error: String((err as Error).message ?? err) });
      const p = new HttpError(503, 'unavailable', 'Service unavailable', 'The database is not reachable; try again shortly.');
      return c.body(JSON.stringify(problemBody(p, instance)), 503, { 'Content-Type': 'application/problem+json', 'Retry-After': '5' });
    }
    log.error('unhandled error', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    const p = new HttpError(500, 'internal', 'Internal server error');
    return c.body(JSON.stringify(problemBody(p, instance)), 500, { 'Content-Type': 'application/problem+json' });
  });
  app.notFound((c) => {
    const p = new HttpError(404, 'not_found', 'Not found', 'No such endpoint.');
    return c.body(JSON.stringify(problemBody(p, c.req.path)), 404, { 'Content-Type': 'application/problem+json' });
  });

  app.get('/healthz', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch (err) {
      if (isUnavailable(err)) {
        return c.json({ status: 'unavailable', database: db.kind }, 503, { 'Retry-After': '5' });
      }
      throw err;
    }
  });
  app.get(`${API_PREFIX}/openapi.json`, (c) =>
    c.body(openapi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' }),
  );

  const baseUrl = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin;
  const fileUrlFor = (c: Context) => (fileId: string, orgId: string, disposition: Disposition) => {
    const { exp, sig } = services.signer.sign(fileId, orgId, disposition);
    const qs = `exp=${exp}&sig=${sig}${disposition === 'inline' ? '&disposition=inline' : ''}`;
    return `${baseUrl(c)}${API_PREFIX}/files/${encodeURIComponent(fileId)}?${qs}`;
  };

  async function authenticate(c: Context): Promise<Principal> {
    const token = bearer(authorization(c));
    if (!token) throw unauthorized('Send Authorization: Bearer <portal token>.');
    const claims = await services.verify(token);
    return services.principals.resolve(claims);
  }

  /** Runs a mutation in one transaction together with its Idempotency-Key record and events. */
  async function mutate(
    c: Context,
    scope: string,
    principalId: string,
    fingerprint: string,
    run: (tx: Queryable) => Promise<unknown>,
    e: EndpointDef,
  ): Promise<Response> {
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) throw badRequest('Idempotency-Key must be 1–255 visible ASCII characters.');
    const fp = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${fingerprint}`).digest('hex');
    const status = e.status ?? 200;
    const result = await db.transaction(async (tx) => {
      if (key !== undefined) {
        const fresh = await tx.query(
          `INSERT INTO idempotency_keys (scope, principal, key, fingerprint) VALUES ($1, $2, $3, $4)
           ON CONFLICT (scope, principal, key) DO UPDATE
             SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, created_at = now()
             WHERE idempotency_keys.created_at < now() - interval '24 hours'
           RETURNING key`,
          [scope, principalId, key, fp],
        );
        if (fresh.length === 0) {
          const [prev] = await tx.query<{ fingerprint: string; status: number; body: string }>(
            'SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = $1 AND principal = $2 AND key = $3',
            [scope, principalId, key],
          );
          if (!prev || prev.fingerprint !== fp) {
            throw new HttpError(409, 'idempotency_conflict', 'Conflict', 'This Idempotency-Key was used with a different request.');
          }
          return { replayed: true, status: Number(prev.status), body: prev.body };
        }
      }
      const out = await run(tx);
      const body = status === 204 ? '' : out instanceof RawJson ? out.text : JSON.stringify(toWire(out));
      if (key !== undefined) {
        await tx.query('UPDATE idempotency_keys SET status = $4, body = $5 WHERE scope = $1 AND principal = $2 AND key = $3', [
          scope,
          principalId,
          key,
          status,
          body,
        ]);
      }
      return { replayed: false, status, body };
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    return send(c, result.status === 204 ? null : result.body, result.status, headers);
  }

  /** Checks a result against the contract (tests, PORTICO_VALIDATE_RESPONSES=1); raw JSON parsed back first. */
  const checkResponse = async (e: EndpointDef, out: unknown, name: string) => {
    if (!config.validateResponses || typeof e.response !== 'object') return;
    const value = out instanceof RawJson ? fromWire(JSON.parse(out.text)) : out;
    const r = await (e.response as StandardSchema)['~standard'].validate(value);
    if (r.issues) throw new Error(`response of ${name} does not match the contract: ${JSON.stringify(r.issues).slice(0, 2000)}`);
  };

  const register = (
    prefix: string,
    list: Array<[string, string, EndpointDef]>,
    handlers: Record<string, Record<string, AnyHandler>>,
    staff: boolean,
  ) => {
    for (const [group, name, e] of list) {
      const handler = handlers[group]?.[name];
      if (!handler) throw new Error(`no handler for ${group}.${name}`);
      const path = prefix + e.path.replace(/\{([a-z_]+)\}/g, ':$1');
      const label = `${staff ? 'staff.' : ''}${group}.${name}`;
      app.on(e.method, path, async (c) => {
        let principal: Principal | null = null;
        if (staff) {
          if (!config.staffKey)
            throw new HttpError(404, 'not_found', 'Not found', 'The staff API is disabled (PORTICO_STAFF_KEY is not set).');
          if (!staffKeyMatches(bearer(authorization(c)), config.staffKey)) throw unauthorized('A valid staff key is required.');
        } else if (e.response !== 'binary') {
          principal = await authenticate(c);
          if (e.roles && !e.roles.some((r) => principal!.roles.includes(r))) {
            throw forbidden(`This needs the ${e.roles.join(' or ')} role.`);
          }
        }
        const params = await validate(e.params, fromWire(c.req.param()), 'params');
        const query = await validate(e.query, fromWire(c.req.query()), 'query');
        const { value: rawBody, fingerprint } = e.method === 'GET' ? { value: undefined, fingerprint: '' } : await readBody(c, e, config);
        const body = e.body ? await validate(e.body, rawBody ?? {}, 'body') : undefined;
        const ctx: Omit<PortalCtx, 'db'> = {
          svc: services,
          principal: principal as Principal,
          params,
          query,
          body,
          c,
          fileUrl: fileUrlFor(c),
        };
        if (e.method === 'GET') {
          const out = await handler({ ...ctx, db });
          if (out instanceof Response) return out;
          await checkResponse(e, out, label);
          const text = out instanceof RawJson ? out.text : JSON.stringify(toWire(out));
          return send(c, text, e.status ?? 200, { 'Content-Type': 'application/json' });
        }
        return mutate(
          c,
          staff ? '' : principal!.orgId,
          staff ? 'staff' : principal!.contactId,
          fingerprint,
          async (tx) => {
            const out = await handler({ ...ctx, db: tx });
            await checkResponse(e, out, label);
            return out;
          },
          e,
        );
      });
    }
  };
  register(API_PREFIX, endpointList(), portalHandlers as unknown as Record<string, Record<string, AnyHandler>>, false);
  register(STAFF_PREFIX, staffEndpointList(), staffHandlers as unknown as Record<string, Record<string, AnyHandler>>, true);

  return {
    app,
    services,
    start: () => services.bus.start(db),
    close: () => services.bus.close(),
  };
}
