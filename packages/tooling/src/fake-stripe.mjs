// AN IN-PROCESS FAKE OF THE STRIPE API (node:http), not Stripe: no Stripe account is reachable
// from here, so the connector's tests drive the real `stripe` client (its host/port/protocol
// options) against this server. Its objects are Stripe's published example objects
// (fixtures/stripe/fixtures3.json at the repository root, vendored with its licence note; so this
// works in the workspace only) with the fields a test sets.
//
// What it relies on and reproduces of Stripe's API (and nothing more):
// - GET lists (`/v1/invoices`, `/v1/customers/{id}/payment_methods`, `/v1/subscriptions`,
//   `/v1/credit_notes`, `/v1/refunds` (by `payment_intent`), `/v1/billing/meters`, `/v1/billing/meters/{id}/event_summaries`,
//   `/v1/invoices/{id}/lines`): `{ object: 'list', data, has_more, url }`, newest `created` first,
//   `limit` (default 10, at most 100), `starting_after` (the page after that id), filters
//   `customer`, `status` (`all` for subscriptions), `invoice`, meter summaries by `customer` and a
//   `start_time`/`end_time` window.
// - GET one object (`/v1/invoices/{id}`, `/v1/customers/{id}`, `/v1/subscriptions/{id}`,
//   `/v1/products/{id}`): 404 `resource_missing` for an unknown id; a deleted customer answers
//   `{ id, object: 'customer', deleted: true }` (Stripe's deleted_customer shape).
// - `expand[]`: any dotted path, `data` stepping into lists and arrays stepping into each element;
//   an id string on the path is replaced by the stored object. An invoice's `payments` is
//   includable: absent unless an `expand` path starts with `payments`.
// - POST `/v1/invoices/{id}/pay` (an open invoice becomes paid in full),
//   POST `/v1/customers/{id}` (invoice_settings[default_payment_method]) and
//   `/v1/billing_portal/sessions` (a session object with a per-call URL; the request kept).
// - 429 with `Retry-After` for the next N requests when a test asks (`rateLimit`).
// - Every request is recorded (method, path, query, form body) for assertions.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const FIXTURES = new URL('../../../fixtures/stripe/fixtures3.json', import.meta.url);
const resources = JSON.parse(readFileSync(FIXTURES, 'utf8')).resources;

/** Stripe's example object of a resource (fixtures3.json), deep-copied, with `over` merged in (objects merge, the rest replaces). */
/** @param {string} resource @param {Record<string, unknown>} [over] */
export function example(resource, over = {}) {
  const base = resources[resource];
  if (!base) throw new Error(`no example object for ${resource}`);
  return merge(structuredClone(base), over);
}

function merge(target, over) {
  for (const [k, v] of Object.entries(over)) {
    const t = target[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && t && typeof t === 'object' && !Array.isArray(t)) merge(t, v);
    else target[k] = v;
  }
  return target;
}

const list = (data, url, q) => {
  const sorted = [...data].sort((a, b) => (b.created ?? 0) - (a.created ?? 0) || (a.id < b.id ? 1 : -1));
  const after = q.get('starting_after');
  const from = after ? sorted.findIndex((o) => o.id === after) + 1 : 0;
  const limit = Math.min(100, Number(q.get('limit') ?? 10));
  const page = sorted.slice(from, from + limit);
  return { object: 'list', data: page, has_more: from + limit < sorted.length, url };
};

/**
 * @param {{ port?: number }} [opts]
 * @returns {Promise<import('./fake-stripe.d.mts').FakeStripe>}
 */
export async function startFakeStripe(opts = {}) {
  const objects = new Map();
  const summaries = [];
  const requests = [];
  let limited = 0;
  let retryAfter = '0';
  const byPrefix = (p) => [...objects.values()].filter((o) => o.id.startsWith(p));

  const expand = (obj, segs) => {
    if (!segs.length || obj == null) return obj;
    if (Array.isArray(obj)) return obj.map((o) => expand(o, segs));
    if (typeof obj !== 'object') return obj;
    const o = obj;
    const [k, ...rest] = segs;
    let v = o[k];
    if (typeof v === 'string' && objects.has(v)) v = structuredClone(objects.get(v));
    o[k] = expand(v, rest);
    return o;
  };
  const render = (o, q) => {
    const out = structuredClone(o);
    const paths = [...q.entries()].filter(([k]) => /^expand\[\d*\]$/.test(k)).map(([, v]) => v);
    if (out.object === 'invoice' && !paths.some((p) => p.startsWith('payments'))) delete out.payments;
    for (const p of paths) expand(out, p.split('.'));
    return out;
  };
  const notFound = (id) => ({
    status: 404,
    body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'`, param: 'id' } },
  });

  const route = (method, path, q, body) => {
    const one = (id) => {
      const o = objects.get(id);
      return o ? { status: 200, body: render(o, q) } : notFound(id);
    };
    const listOf = (data) => {
      const l = list(data, path, q);
      return {
        status: 200,
        body: { ...l, data: l.data.map((o) => render(o, new URLSearchParams([...q].map(([k, v]) => [k, v.replace(/^data\./, '')])))) },
      };
    };
    let m = null;
    /** Matches the path and keeps the groups in `m`. */
    const hit = (re) => {
      m = re.exec(path);
      return m !== null;
    };
    const g = (i) => m[i];
    if (method === 'GET' && path === '/v1/invoices')
      return listOf(byPrefix('in_').filter((i) => i.customer === q.get('customer') && (!q.get('status') || i.status === q.get('status'))));
    if (method === 'GET' && hit(/^\/v1\/invoices\/([^/]+)\/lines$/)) {
      const inv = objects.get(g(1));
      if (!inv) return notFound(g(1));
      return listOf(inv.lines.data);
    }
    if (method === 'POST' && hit(/^\/v1\/invoices\/([^/]+)\/pay$/)) {
      // Stripe's "pay an invoice": an open invoice becomes paid in full.
      const inv = objects.get(g(1));
      if (!inv) return notFound(g(1));
      if (inv.status !== 'open')
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', code: 'invoice_not_open', message: 'Invoice is not open' } },
        };
      const t = Math.floor(Date.now() / 1000);
      Object.assign(inv, {
        status: 'paid',
        amount_paid: inv.amount_due,
        amount_remaining: 0,
        status_transitions: { ...inv.status_transitions, paid_at: t },
      });
      return { status: 200, body: render(inv, q) };
    }
    if (method === 'GET' && hit(/^\/v1\/invoices\/([^/]+)$/)) {
      const inv = objects.get(g(1));
      if (!inv) return notFound(g(1));
      // Stripe embeds the first 10 lines and says whether there are more.
      const lines = inv.lines.data;
      const view = { ...inv, lines: { object: 'list', data: lines.slice(0, 10), has_more: lines.length > 10, url: `${path}/lines` } };
      return { status: 200, body: render(view, q) };
    }
    if (method === 'GET' && hit(/^\/v1\/customers\/([^/]+)\/payment_methods$/))
      return listOf(byPrefix('pm_').filter((p) => p.customer === g(1)));
    if (hit(/^\/v1\/customers\/([^/]+)$/)) {
      const c = objects.get(g(1));
      if (!c) return notFound(g(1));
      if (c.deleted) return { status: 200, body: { id: c.id, object: 'customer', deleted: true } };
      if (method === 'POST') {
        const pm = body.get('invoice_settings[default_payment_method]');
        if (pm) c.invoice_settings.default_payment_method = pm;
      }
      return { status: 200, body: render(c, q) };
    }
    if (method === 'GET' && path === '/v1/subscriptions')
      return listOf(
        byPrefix('sub_').filter(
          (s) =>
            s.object === 'subscription' &&
            s.customer === q.get('customer') &&
            (q.get('status') === 'all' || s.status === (q.get('status') ?? 'active')),
        ),
      );
    if (method === 'GET' && hit(/^\/v1\/(subscriptions|products)\/([^/]+)$/)) return one(g(2));
    if (method === 'GET' && path === '/v1/refunds')
      return listOf(byPrefix('re_').filter((r) => r.payment_intent === q.get('payment_intent')));
    if (method === 'GET' && path === '/v1/credit_notes') return listOf(byPrefix('cn_').filter((c) => c.invoice === q.get('invoice')));
    if (method === 'GET' && path === '/v1/billing/meters')
      return listOf(byPrefix('mtr_').filter((x) => !q.get('status') || x.status === q.get('status')));
    if (method === 'GET' && hit(/^\/v1\/billing\/meters\/([^/]+)\/event_summaries$/)) {
      const [from, to] = [Number(q.get('start_time')), Number(q.get('end_time'))];
      if (!q.get('customer') || !Number.isFinite(from) || !Number.isFinite(to))
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', message: 'customer, start_time and end_time are required' } },
        };
      return listOf(
        summaries.filter((s) => s.meter === g(1) && s.customer === q.get('customer') && s.start_time >= from && s.end_time <= to),
      );
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      const id = `bps_${randomBytes(8).toString('hex')}`;
      return {
        status: 200,
        body: example('billing_portal.session', {
          id,
          customer: body.get('customer'),
          return_url: body.get('return_url'),
          url: `https://billing.stripe.example/p/session/${id}`,
          created: Math.floor(Date.now() / 1000),
        }),
      };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } };
  };

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://fake');
      const body = new URLSearchParams(Buffer.concat(chunks).toString());
      requests.push({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, body });
      if (limited > 0) {
        limited--;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter, 'request-id': 'req_fake' });
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } }));
        return;
      }
      const out = route(req.method ?? 'GET', u.pathname, u.searchParams, body);
      res.writeHead(out.status, { 'content-type': 'application/json', 'request-id': 'req_fake' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    objects,
    summaries,
    requests,
    put(...objs) {
      for (const o of objs) objects.set(o.id, o);
    },
    rateLimit(n, after) {
      limited = n;
      retryAfter = after;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
