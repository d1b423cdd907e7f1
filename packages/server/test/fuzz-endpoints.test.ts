/**
 * Generated garbage at every endpoint of both endpoint tables: no answer is a 5xx, and every 4xx
 * is an RFC 9457 problem. The tables are iterated (`endpointList()`, `staffEndpointList()`), so an
 * endpoint added later is covered without touching this file.
 *
 * Per endpoint, two properties: schema-guided near-valid requests (fast-check arbitraries built
 * from the endpoint's params, query and body schemas — known ids of the fixture mixed in so that
 * handlers and the database are reached — with mutations: NUL, huge and fractional numbers, deep
 * nesting, wrong types, long strings, odd Unicode, extra fields), and raw byte-level noise (random
 * bytes as body, random path segments and query strings, random Content-Type, Idempotency-Key,
 * Authorization and Range headers). Seeded: `PORTICO_FUZZ_SEED=<n>` replays a run (the seed and the
 * shrunk counterexample are printed on failure); `PORTICO_FUZZ_RUNS` scales it.
 */

import { Agent } from 'node:http';
import { API_PREFIX, type EndpointDef, endpointList, snakeKey } from '@portico/contract';
import { STAFF_PREFIX, staffEndpointList } from '@portico/contract/staff';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Fixture, type Harness, PNG, STAFF_KEY, useFixture } from './helpers.js';
import { type RawResponse, rawRequest } from './raw-http.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => {
  ({ h, fx } = x);
});
afterAll(() => agent.destroy());

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const SEED = Number(process.env.PORTICO_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.PORTICO_FUZZ_RUNS ?? 1);
const NEAR_VALID_RUNS = Math.max(1, Math.round(16 * RUNS));
const NOISE_RUNS = Math.max(1, Math.round(8 * RUNS));

type Schema = { _zod: { def: Def } };
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  pattern?: RegExp;
  format?: string;
  coerce?: boolean;
  checks?: Array<{ _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; pattern?: RegExp } } }>;
}
const defOf = (s: unknown) => (s as Schema)._zod.def;

/** A value that JSON cannot say, written into the JSON text as it is (a number out of range, say). */
class RawJsonToken {
  constructor(readonly text: string) {}
}
/** A file part of a multipart body. */
class FilePart {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly bytes: Uint8Array,
  ) {}
}

const nested = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? { k: v } : [v];
  return v;
};

/** Values that broke or could break a server: the mutations of a near-valid request. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '\u0000',
    'a\u0000b',
    '%00',
    99999999999,
    2147483648,
    -2147483649,
    2 ** 53,
    -(2 ** 63),
    1.5,
    -0,
    0,
    -1,
    new RawJsonToken('1e400'),
    new RawJsonToken('-1e400'),
    new RawJsonToken('123456789012345678901234567890'),
    new RawJsonToken('1.0e-400'),
    '\ud800',
    '\udfff\ud800',
    '\u202e\u0301\ufeff',
    '𝕏🏳️‍🌈'.repeat(50),
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999999999Z',
    '2026-02-30',
    'x'.repeat(100_000),
    '',
    ' ',
    null,
    true,
    [],
    {},
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"x":1},"constructor":{"prototype":{}}}'),
    nested(100),
    nested(64),
    nested(65),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Ids of the fixture, so that requests reach real rows (and their handlers' queries). */
function knownValues(): Record<string, unknown[]> {
  const file = new URL(fx.acme.fileUrl);
  const fileId = file.pathname.split('/').pop()!;
  return {
    id: [
      fx.acme.ticketAlice,
      fx.acme.ticketBob,
      fx.acme.deliverable,
      fx.acme.invoice,
      fx.acme.notificationBob,
      fx.acme.project,
      fileId,
      fx.globex.ticket,
    ],
    projectId: [fx.acme.project, fx.globex.project],
    slug: ['public-guide', 'globex-secret'],
    version: [1, 2],
    org: ['acme', 'globex'],
    exp: [file.searchParams.get('exp')],
    sig: [file.searchParams.get('sig')],
    externalId: ['acme', 'alice', 'bob', 'visa'],
    methodId: [fx.billing.acmeMethod, fx.billing.acmeOtherMethod, fx.billing.globexMethod],
    key: ['api_calls', 'globex_calls'],
  };
}

/** An arbitrary of near-valid values for a schema: valid ones mostly, known ids mixed in. */
function arbitraryOf(s: Schema, key: string, known: Record<string, unknown[]>): fc.Arbitrary<unknown> {
  const d = defOf(s);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  const withKnown = (a: fc.Arbitrary<unknown>) => (known[key] ? fc.oneof({ arbitrary: fc.constantFrom(...known[key]!), weight: 3 }, a) : a);
  switch (d.type) {
    case 'string': {
      const pattern = d.pattern ?? checks.find((c) => c.pattern)?.pattern;
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 60, 60);
      const base =
        pattern && pattern.source !== '^[^\\u0000]*$'
          ? fc.stringMatching(pattern)
          : fc.string({
              unit: fc.oneof(fc.constantFrom('a', 'B', ' ', 'é', '中', '😀', '-', '_'), fc.string({ minLength: 1, maxLength: 1 })),
              minLength: min,
              maxLength: Math.max(min, max),
            });
      return withKnown(base);
    }
    case 'number': {
      let min = Number.MIN_SAFE_INTEGER;
      let max = Number.MAX_SAFE_INTEGER;
      let int = d.format === 'safeint';
      for (const c of checks) {
        if (c.check === 'greater_than') min = Math.max(min, c.value!);
        if (c.check === 'less_than') max = Math.min(max, c.value!);
        if (c.check === 'number_format') int = true;
      }
      return withKnown(
        int
          ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) })
          : fc.double({ min, max, noNaN: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries!));
    case 'literal':
      return fc.constantFrom(...d.values!);
    case 'file':
      return fc
        .tuple(
          fc.constantFrom('a.png', 'b.txt', '../../etc/passwd', 'x\u0000y.pdf', 'ü.bin'),
          fc.oneof(fc.constant(PNG), fc.uint8Array({ maxLength: 300 }), fc.constant(Buffer.from('plain text'))),
        )
        .map(([name, bytes]) => new FilePart(name, 'application/octet-stream', bytes));
    case 'array':
      return fc.array(arbitraryOf(d.element!, key, known), { maxLength: 4 });
    case 'object': {
      const shape = d.shape ?? {};
      const required = Object.keys(shape).filter((k) => defOf(shape[k]).type !== 'optional');
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, k, known)])), {
        requiredKeys: required,
      });
    }
    case 'optional':
      return fc.option(arbitraryOf(d.innerType!, key, known), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryOf(d.innerType!, key, known), { nil: null });
    case 'union':
      return fc.oneof(...d.options!.map((o) => arbitraryOf(o, key, known)));
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A near-valid value with some of its fields replaced by garbage, extra fields added, or garbage in its place. */
function mutated(s: Schema | undefined, known: Record<string, unknown[]>): fc.Arbitrary<unknown> {
  const valid = s ? arbitraryOf(s, '', known) : fc.constant(undefined);
  const keys = s && defOf(s).shape ? Object.keys(defOf(s).shape!) : [];
  const field = fc.oneof(...(keys.length ? [fc.constantFrom(...keys)] : []), fc.constantFrom('extra', 'x\u0000', 'nested'));
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    {
      arbitrary: fc.tuple(valid, fc.array(fc.tuple(field, garbage), { minLength: 1, maxLength: 3 })).map(([v, edits]) => {
        const out: Record<string, unknown> = v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : {};
        for (const [k, g] of edits) out[k] = g;
        return out;
      }),
      weight: 4,
    },
    { arbitrary: garbage, weight: 1 },
  );
}

/** Wire (snake_case) keys at any depth: `toWire` itself refuses what is nested too deeply, and garbage is. */
const wire = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(wire)
    : v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [snakeKey(k), wire(x)]))
      : v;

/** The JSON text of a body: wire (snake_case) keys, raw tokens written out. */
function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(wire(value), (_k, v) => {
    if (v instanceof RawJsonToken) {
      raws.push(v.text);
      return `__RAW_${raws.length - 1}__`;
    }
    return v;
  });
  return (text ?? '').replace(/"__RAW_(\d+)__"/g, (_, i: string) => raws[Number(i)]!);
}

function multipartBody(value: unknown, boundary: string): Buffer {
  const parts: Buffer[] = [];
  const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(wire(value) as object) : [['file', value]];
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    if (v instanceof FilePart) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${v.name}"\r\nContent-Type: ${v.type}\r\n\r\n`,
        ),
      );
      parts.push(Buffer.from(v.bytes), Buffer.from('\r\n'));
    } else {
      const text = typeof v === 'string' ? v : v instanceof RawJsonToken ? v.text : JSON.stringify(v);
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${text}\r\n`));
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

interface Target {
  label: string;
  prefix: string;
  e: EndpointDef;
  staff: boolean;
}
const targets: Target[] = [
  ...endpointList().map(([g, n, e]) => ({ label: `${g}.${n}`, prefix: API_PREFIX, e, staff: false })),
  ...staffEndpointList().map(([g, n, e]) => ({ label: `staff.${g}.${n}`, prefix: STAFF_PREFIX, e, staff: true })),
];

const authFor = (t: Target) => (t.staff ? `Bearer ${STAFF_KEY}` : `Bearer ${fx.tokens.alice}`);

/** A path for the endpoint: its params filled in (garbage included), each segment URI-encoded. */
function pathOf(t: Target, params: unknown): string {
  const p = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return (
    t.prefix +
    t.e.path.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
      const camel = name.replace(/_([a-z0-9])/g, (__, c: string) => c.toUpperCase());
      const v = p[camel];
      const text = v instanceof RawJsonToken ? v.text : typeof v === 'string' ? v : (JSON.stringify(v) ?? 'x');
      // A lone surrogate can't be put in a URL (encodeURIComponent throws): as U+FFFD, like a browser.
      return encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd') || 'x');
    })
  );
}

function queryOf(query: unknown): string {
  if (!query || typeof query !== 'object' || Array.isArray(query)) return '';
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(wire(query) as object)) {
    if (v === undefined) continue;
    search.append(k, v instanceof RawJsonToken ? v.text : typeof v === 'string' ? v : JSON.stringify(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** What must hold of every answer: no 5xx; a 4xx is a problem+json with its status and a code. */
function check(label: string, r: RawResponse, method: string) {
  expect(r.status, `${label}: ${r.status} ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400) {
    expect(String(r.headers['content-type']), `${label}: ${r.status} ${r.text.slice(0, 200)}`).toContain('application/problem+json');
    if (method === 'HEAD') return; // the headers of the GET, without its body
    const body = JSON.parse(r.text) as { status: number; code: string };
    expect(body.status).toBe(r.status);
    expect(typeof body.code).toBe('string');
  }
}

const latin1 = (max: number) =>
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: max,
  });

describe(`garbage at every endpoint (seed ${SEED})`, () => {
  it('covers both tables', () => {
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.some((t) => t.staff)).toBe(true);
  });

  for (const t of targets) {
    it(`${t.label}: schema-guided near-valid requests with mutations → no 5xx, every 4xx a problem`, async () => {
      const known = knownValues();
      const request = fc.record({
        params: mutated(t.e.params as Schema | undefined, known),
        query: mutated(t.e.query as Schema | undefined, known),
        body: mutated(t.e.body as Schema | undefined, known),
        key: fc.option(fc.oneof(fc.uuid(), latin1(300)), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ params, query, body, key }) => {
          const headers: Record<string, string> = { authorization: authFor(t) };
          if (key !== undefined) headers['idempotency-key'] = key;
          let payload: Buffer | undefined;
          if (t.e.method !== 'GET') {
            if (t.e.bodyKind === 'multipart') {
              headers['content-type'] = 'multipart/form-data; boundary=fuzz-boundary';
              payload = multipartBody(body, 'fuzz-boundary');
            } else if (body !== undefined) {
              headers['content-type'] = 'application/json';
              payload = Buffer.from(jsonText(body));
            }
          }
          if (payload) headers['content-length'] = String(payload.length);
          const url = `${h.url}${pathOf(t, params)}${queryOf(query)}`;
          check(
            `${t.label} ${url}`,
            await rawRequest(url, { method: t.e.method, headers, chunks: payload ? [payload] : [], agent }),
            t.e.method,
          );
        }),
        { seed: SEED, numRuns: NEAR_VALID_RUNS, endOnFailure: true },
      );
    });

    it(`${t.label}: raw noise (bytes, paths, queries, headers) → no 5xx, every 4xx a problem`, async () => {
      const known = knownValues();
      const request = fc.record({
        method: fc.constantFrom(t.e.method, t.e.method, 'GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD'),
        segment: fc.oneof(
          fc.constantFrom(...(known.id as string[])),
          latin1(20),
          fc.constantFrom('%00', '%', '%E0%A4%A', '..', '%2e%2e', '%5c', 'a%2Fb', '%F0%9F', '\\'),
        ),
        query: fc.oneof(
          latin1(60),
          fc.constantFrom(
            'cursor=%00',
            'limit=1e400',
            'limit=-1&limit=2',
            `cursor=${'A'.repeat(600)}`,
            'sort=%FF',
            '&&==&',
            'exp=99999999999999&sig=x',
          ),
        ),
        contentType: fc.option(
          fc.oneof(
            fc.constantFrom(
              'application/json',
              'application/json; charset=latin1',
              'text/plain',
              'multipart/form-data',
              'multipart/form-data; boundary=',
              'multipart/form-data; boundary=x',
              'application/x-www-form-urlencoded',
              'application/problem+json',
            ),
            latin1(40),
          ),
          { nil: undefined },
        ),
        authorization: fc.oneof(
          fc.constant(authFor(t)),
          fc.constant(authFor(t)),
          fc.constantFrom(
            'Bearer',
            'Bearer a.b.c',
            'Basic Zm9vOmJhcg==',
            `Bearer ${fx.tokens.gina}`,
            `Bearer ${fx.tokens.bob}`,
            'Bearer e30.e30.',
          ),
          latin1(80),
        ),
        key: fc.option(latin1(300), { nil: undefined }),
        lastEventId: fc.option(fc.oneof(latin1(30), fc.constantFrom('0', '-1', '99999999999999999999', '1e3', ' 7 ')), { nil: undefined }),
        range: fc.option(
          fc.oneof(latin1(20), fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=99999999999-', 'bytes=0-1,2-3', 'bytes=5-2')),
          { nil: undefined },
        ),
        body: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(new Uint8Array())),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const path = t.prefix + t.e.path.replace(/\{[a-z_]+\}/g, () => r.segment.replace(/[/?#\s]/g, '_'));
          const headers: Record<string, string> = { authorization: r.authorization, 'content-length': String(r.body.length) };
          if (r.contentType !== undefined) headers['content-type'] = r.contentType;
          if (r.key !== undefined) headers['idempotency-key'] = r.key;
          if (r.range !== undefined) headers.range = r.range;
          if (r.lastEventId !== undefined) headers['last-event-id'] = r.lastEventId;
          const url = `${h.url}${path}?${r.query.replace(/[#\s]/g, '_')}`;
          check(
            `${t.label} ${r.method} ${url}`,
            await rawRequest(url, { method: r.method, headers, chunks: r.body.length ? [r.body] : [], agent }),
            r.method,
          );
        }),
        { seed: SEED, numRuns: NOISE_RUNS, endOnFailure: true },
      );
    });
  }
});
