import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { header } from './headers.js';

/** Sends an endpoint's response with the headers every response carries (see `requestContext`). */
export type Send = (c: Context, body: string | null, status: number, headers: Record<string, string>) => Response;

// The tus headers: resumable uploads (http/resumable.ts).
const EXPOSE =
  'Retry-After,X-Request-Id,Idempotent-Replayed,Content-Disposition,Location,Tus-Resumable,Upload-Offset,Upload-Length,Upload-Expires';
const PREFLIGHT = {
  'Access-Control-Max-Age': '600',
  'Access-Control-Allow-Methods': 'GET,HEAD,POST,PATCH,DELETE,OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization,Content-Type,Idempotency-Key,Last-Event-ID,X-Request-Id,Tus-Resumable,Upload-Length,Upload-Offset,Upload-Metadata,Upload-Defer-Length',
};

/**
 * Request id, CORS and one JSON log line per request, in one middleware (the first). CORS is done
 * here rather than with hono/cors: that middleware touches `c.res` before the handler runs, which
 * makes Hono copy every response into a new Response and stream its body (≈ 15 % of the CPU time
 * of a small JSON response, plus a timer tick of latency). The headers every response carries are
 * computed here; the endpoints' own responses (`send`) are made with them in a plain object, which
 * @hono/node-server writes as it is; any other response (errors, health, OpenAPI…) gets them set
 * on its Headers after it is made. Preflights (any OPTIONS request) are answered here.
 */
export function requestContext(config: Pick<Config, 'allowedOrigins'>, log: Logger): { middleware: MiddlewareHandler; send: Send } {
  const allowAny = config.allowedOrigins.includes('*');
  const allowed = new Set(config.allowedOrigins);
  /** Responses made by `send`: they already carry the common headers. */
  const complete = new WeakSet<Response>();
  const logRequests = log.enabled('info');

  const middleware: MiddlewareHandler = async (c, next) => {
    const t0 = logRequests ? performance.now() : 0;
    const given = header(c, 'x-request-id');
    const id = given && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    c.set('requestId' as never, id as never);
    const origin = header(c, 'origin');
    const allowOrigin = origin && (allowAny || allowed.has(origin)) ? origin : null;
    if (c.req.method === 'OPTIONS') {
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
  };

  const send: Send = (c, body, status, headers) => {
    const common = c.get('commonHeaders' as never) as Record<string, string> | undefined;
    const res = new Response(body, { status, headers: common ? { ...headers, ...common } : headers });
    if (common) complete.add(res);
    return res;
  };
  return { middleware, send };
}
