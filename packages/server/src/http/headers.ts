import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

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
export function header(c: Context, name: string): string | undefined {
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
export function authorization(c: Context): string | undefined {
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
