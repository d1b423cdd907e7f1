import { describe, expect, it } from 'vitest';
import { type Fixture, type Harness, STAFF_KEY, useFixture } from './helpers.js';
import { bytesOf, multipartChunks, rawRequest } from './raw-http.js';
import { liveBytes } from './storage-suite.js';

const MiB = 1024 * 1024;
let h: Harness;
let fx: Fixture;
useFixture(
  (x) => {
    ({ h, fx } = x);
  },
  { maxUploadBytes: 32 * MiB },
);

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The 400 problem naming `path` among its fields. */
const expectFieldError = (r: { status: number; headers: Headers; body: { errors?: Array<{ path: string }> } }, path: string) => {
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body.errors?.map((e) => e.path)).toContain(path);
};

describe('malformed input is a 400 naming the field, never a 500', () => {
  it('NUL in a path id, a query string and a JSON string', async () => {
    const t = fx.tokens.alice;
    expectFieldError(await h.api('/tickets/tkt%00x', { token: t }), 'id');
    expectFieldError(await h.api('/tickets?q=a%00b', { token: t }), 'q');
    expectFieldError(await h.api('/articles/x%00y', { token: t }), 'slug');
    expectFieldError(await h.api('/tickets', { token: t, body: { subject: 'Hello \u0000 there', body: 'x' } }), 'subject');
    expectFieldError(await h.api(`/tickets/${fx.acme.ticketAlice}/messages`, { token: t, body: { body: '\u0000' } }), 'body');
    const staff = await h.staff('/orgs', { body: { external_id: 'a\u0000b', name: 'N' } });
    expectFieldError(staff, 'external_id');
  });

  it('an integer within the JSON range but above PostgreSQL integer (a version of 99999999999)', async () => {
    const t = fx.tokens.alice;
    const d = fx.acme.deliverable;
    expectFieldError(
      await h.api(`/deliverables/${d}/approvals`, { token: t, body: { version: 99999999999, decision: 'approved' } }),
      'version',
    );
    expectFieldError(await h.api(`/deliverables/${d}/versions/99999999999/comments`, { token: t }), 'version');
    expectFieldError(await h.api(`/deliverables/${d}/versions/2147483648/comments`, { token: t, body: { body: 'hi' } }), 'version');
    expect((await h.api(`/deliverables/${d}/versions/2147483647/comments`, { token: t })).status).toBe(404);
  });

  it('JSON nested deeper than 64 levels, even inside an ignored extra field, is refused before parsing', async () => {
    const t = fx.tokens.alice;
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const body = (extra: string) => `{"subject":"Nested","body":"x","extra":{"k":${extra}}}`;
    const r = await h.api('/tickets', { token: t, body: body(deep(100)) });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe(`body.extra.k${'.0'.repeat(62)}`);
    expect(r.body.errors[0].message).toMatch(/deeper than 64/);
    // 64 levels in all is fine (the body object, `extra`, and 62 arrays): the extra field is ignored.
    expect((await h.api('/tickets', { token: t, body: body(deep(62)) })).status).toBe(201);
    // Brackets inside strings are text, not nesting.
    expect((await h.api('/tickets', { token: t, body: { subject: '[[[[ brackets', body: '{'.repeat(5000) } })).status).toBe(201);
  });

  it('a crafted cursor: not base64 JSON, another sort, an invalid date, wrong types, a NUL id, out of range', async () => {
    const t = fx.tokens.alice;
    const bad: Array<[string, string]> = [
      ['/tickets?scope=organization', 'not a cursor'],
      ['/tickets?scope=organization', cursor(['created_at', '2026-01-01T00:00:00.000Z', 'tkt_1'])],
      ['/tickets?scope=organization', cursor(['-created_at', '2026-13-45T99:00:00.000Z', 'tkt_1'])],
      ['/tickets?scope=organization', cursor(['-created_at', 'yesterday', 'tkt_1'])],
      ['/tickets?scope=organization', cursor(['-created_at', 12345, 'tkt_1'])],
      ['/tickets?scope=organization', cursor(['-created_at', '2026-01-01T00:00:00.000Z', 42])],
      ['/tickets?scope=organization', cursor(['-created_at', '2026-01-01T00:00:00.000Z', 'tkt\u0000'])],
      ['/tickets?scope=organization&sort=number', cursor(['number', 99999999999, 'tkt_1'])],
      ['/tickets?scope=organization&sort=number', cursor(['number', '12', 'tkt_1'])],
      ['/tickets?scope=organization&sort=priority', cursor(['priority', 40000, 'tkt_1'])],
      ['/invoices?sort=total', cursor(['total', '99999999999999999999999', 'inv_1'])],
      ['/invoices?sort=total', cursor(['total', 1.5, 'inv_1'])],
      ['/invoices?sort=total', cursor(['total', 'EUR12', 'inv_1'])],
      ['/invoices?sort=total', cursor(['total', 2400, 'inv_1'])],
      ['/invoices?sort=due_at', cursor(['due_at', { a: 1 }, 'inv_1'])],
      ['/notifications', cursor(['-created_at', '0000-01-01T00:00:00.000Z', 'ntf_1'])],
      ['/projects', cursor(['-created_at', null, 'prj_1'])],
    ];
    for (const [path, c] of bad) {
      const r = await h.api(`${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(c)}`, { token: t });
      expectFieldError(r, 'cursor');
    }
    // Good cursors still page.
    const first = await h.api('/invoices?sort=total&limit=1', { token: t });
    expect(first.status).toBe(200);
  });

  it('invoices sorted by due date page through those without one (their key is infinity)', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await h.staff('/invoices', {
        body: { org: 'acme', number: `NODUE-${i}`, currency: 'EUR', lines: [{ description: 'x', quantity: 1, unit_amount: 100 }] },
      });
      expect(r.status, r.text).toBeLessThan(300);
    }
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const r = await h.api(`/invoices?sort=due_at&limit=1${next ? `&cursor=${next}` : ''}`, { token: fx.tokens.alice });
      expect(r.status, r.text).toBe(200);
      seen.push(...r.body.data.map((i: { number: string }) => i.number));
      next = r.body.next_cursor;
    }
    expect(seen.filter((n) => n.startsWith('NODUE-')).sort()).toEqual(['NODUE-0', 'NODUE-1', 'NODUE-2']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('invoice amounts that would not fit are a 400, not an overflow in the database', async () => {
    const r = await h.staff('/invoices', {
      body: { org: 'acme', number: 'HUGE-1', currency: 'EUR', lines: [{ description: 'x', quantity: 1e6, unit_amount: 9007199254740991 }] },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('lines');
  });
});

describe('Content-Type of JSON bodies', () => {
  const post = (headers: Record<string, string>, body: string, path = '/tickets') =>
    rawRequest(`${h.url}/portal/v1${path}`, {
      headers: { authorization: `Bearer ${fx.tokens.alice}`, 'content-length': String(Buffer.byteLength(body)), ...headers },
      chunks: [body],
    });
  const json = JSON.stringify({ subject: 'Typed body', body: 'x' });

  it('a JSON body sent as another type, or without one, is 415', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
    ]) {
      const r = await post({ 'content-type': type }, json);
      expect(r.status, type).toBe(415);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(r.text).code).toBe('unsupported_media_type');
    }
    expect((await post({}, json)).status).toBe(415);
  });

  it('application/json (any case, UTF-8) and +json types are accepted', async () => {
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8', 'application/vnd.portico+json']) {
      expect((await post({ 'content-type': type }, json)).status, type).toBe(201);
    }
  });

  it('an endpoint without a body takes an empty one whatever its type, and refuses a non-JSON one', async () => {
    expect((await post({}, '', '/notifications/read-all')).status).toBe(200);
    expect((await post({ 'content-type': 'text/plain' }, '', '/notifications/read-all')).status).toBe(200);
    expect((await post({ 'content-type': 'application/json' }, '{}', '/notifications/read-all')).status).toBe(200);
    expect((await post({ 'content-type': 'text/plain' }, 'hello', '/notifications/read-all')).status).toBe(415);
  });
});

describe('body limits while streaming', () => {
  const auth = () => ({ authorization: `Bearer ${fx.tokens.alice}` });

  it('a chunked JSON body over 1 MiB is refused with 413 at the limit, without reading the rest', async () => {
    const r = await rawRequest(`${h.url}/portal/v1/tickets`, {
      headers: { ...auth(), 'content-type': 'application/json' },
      chunks: ['{"subject":"big","body":"', ...bytesOf(8 * MiB), '"}'],
      delayMs: 2,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).code).toBe('payload_too_large');
    expect(r.complete).toBe(false);
    expect(r.sentBeforeResponse).toBeLessThan(4 * MiB);
  });

  it('a declared Content-Length over the limit is refused before any of the body is read', async () => {
    // 2 MiB announced, sent 64 KiB every 50 ms (1.6 s in all): the answer comes while it is still being sent.
    const r = await rawRequest(`${h.url}/portal/v1/tickets`, {
      headers: { ...auth(), 'content-type': 'application/json', 'content-length': String(2 * MiB) },
      chunks: [...bytesOf(2 * MiB, new Uint8Array(), 0x20)],
      delayMs: 50,
    });
    expect(r.status).toBe(413);
    expect(r.complete).toBe(false);
    expect(r.sentBeforeResponse).toBeLessThan(MiB);
  });

  it('a 20 MB upload of unknown type is refused (415) within a second, from its first bytes', async () => {
    const boundary = 'portico-boundary-1';
    // About 20 MB in 64 KiB chunks, 10 ms apart: sending it all would take over 3 s.
    const r = await rawRequest(`${h.url}/portal/v1/attachments`, {
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      chunks: multipartChunks(boundary, {}, { name: 'blob.bin', content: bytesOf(20 * 1000 * 1000, new Uint8Array([0, 1, 2, 3]), 0) }),
      delayMs: 10,
    });
    expect(r.status).toBe(415);
    expect(JSON.parse(r.text).code).toBe('unsupported_media_type');
    expect(r.ms).toBeLessThan(1000);
    expect(r.complete).toBe(false);
    console.info(`415 after ${Math.round(r.ms)} ms, ${Math.round(r.sentBeforeResponse / 1024)} KiB sent of 20 MB`);
  });

  it('an upload over the limit is refused (413) when the limit is passed, chunked and without Content-Length', async () => {
    const boundary = 'portico-boundary-2';
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const r = await rawRequest(`${h.url}/portal/v1/attachments`, {
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      chunks: multipartChunks(boundary, {}, { name: 'big.png', content: bytesOf(48 * MiB, png) }),
    });
    expect(r.status).toBe(413);
    expect(r.complete).toBe(false);
    expect(r.sentBeforeResponse).toBeLessThan(40 * MiB);
  });

  it('an upload is streamed into the storage, not held in memory (30 MiB file, live memory measured)', async () => {
    const boundary = 'portico-boundary-3';
    const size = 30 * MiB;
    let peak = 0;
    const base = await liveBytes();
    // Live memory (after a full GC) sampled every 2 MiB sent, while the server receives and stores.
    async function* sampled() {
      let n = 0;
      for (const chunk of multipartChunks(boundary, {}, { name: 'notes.txt', content: bytesOf(size, Buffer.from('notes\n'), 0x61) })) {
        yield chunk;
        n += chunk.length;
        if (n >= 2 * MiB) {
          n = 0;
          await new Promise((r) => setTimeout(r, 5));
          peak = Math.max(peak, (await liveBytes()) - base);
        }
      }
    }
    const r = await rawRequest(`${h.url}/portal/v1/attachments`, {
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      chunks: sampled(),
    });
    expect(r.status, r.text).toBe(201);
    const body = JSON.parse(r.text);
    expect(body.size).toBe(size);
    expect(body.media_type).toBe('text/plain');
    console.info(`live memory growth during a ${size / MiB} MiB upload: ${(peak / MiB).toFixed(1)} MiB at most`);
    // Holding the file once would be 30 MiB (twice: 60); streaming keeps a few chunks.
    expect(peak).toBeLessThan(8 * MiB);
  });

  it('the staff multipart endpoints take the same path (type sniffed from the bytes: 415)', async () => {
    const boundary = 'portico-boundary-4';
    const r = await rawRequest(`${h.url}/staff/v1/projects/${fx.acme.project}/deliverables`, {
      headers: { authorization: `Bearer ${STAFF_KEY}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      chunks: multipartChunks(
        boundary,
        { title: 'Binary' },
        { name: 'x.png', type: 'image/png', content: bytesOf(1000, new Uint8Array([0, 0, 0]), 0) },
      ),
    });
    expect(r.status).toBe(415);
  });

  it('a multipart body with an unexpected file field, or two files for one, is a 400', async () => {
    const boundary = 'portico-boundary-5';
    const send = (chunks: Iterable<Uint8Array | string>) =>
      rawRequest(`${h.url}/portal/v1/attachments`, {
        headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        chunks,
      });
    expect((await send(multipartChunks(boundary, {}, { field: 'other', name: 'a.txt', content: [Buffer.from('hi')] }))).status).toBe(400);
    const twice = [...multipartChunks(boundary, {}, { name: 'a.txt', content: [Buffer.from('one')] })].slice(0, -1);
    twice.push(`\r\n`, ...[...multipartChunks(boundary, {}, { name: 'b.txt', content: [Buffer.from('two')] })]);
    expect((await send(twice)).status).toBe(400);
    expect(
      (await send([`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated`])).status,
    ).toBe(400);
  });
});

describe('downloads: ranges', () => {
  const url = () => fx.acme.fileUrl;

  it('the whole file says Accept-Ranges; a range is 206 with Content-Range; a suffix range too', async () => {
    const whole = await fetch(url());
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const all = Buffer.from(await whole.arrayBuffer());
    const part = await fetch(url(), { headers: { range: 'bytes=2-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-9/${all.length}`);
    expect(part.headers.get('content-length')).toBe('8');
    expect(part.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await part.arrayBuffer()).equals(all.subarray(2, 10))).toBe(true);
    const tail = await fetch(url(), { headers: { range: 'bytes=-5' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(all.subarray(all.length - 5))).toBe(true);
    const open = await fetch(url(), { headers: { range: `bytes=${all.length - 3}-` } });
    expect(Buffer.from(await open.arrayBuffer()).equals(all.subarray(all.length - 3))).toBe(true);
  });

  it('a range past the end is 416 with Content-Range: bytes */size and a problem body', async () => {
    const size = (await (await fetch(url())).arrayBuffer()).byteLength;
    const r = await fetch(url(), { headers: { range: `bytes=${size}-` } });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect((await r.json()).code).toBe('range_not_satisfiable');
  });

  it('a malformed or multiple range, or an If-Range that no longer matches, gets the whole file', async () => {
    for (const headers of [
      { range: 'bytes=5-2' },
      { range: 'bytes=0-1,4-5' },
      { range: 'items=0-1' },
      { range: 'bytes=0-1', 'if-range': '"other"' },
    ] as Record<string, string>[]) {
      const r = await fetch(url(), { headers });
      expect(r.status, JSON.stringify(headers)).toBe(200);
      await r.arrayBuffer();
    }
  });

  it('HEAD answers the headers only', async () => {
    const r = await fetch(url(), { method: 'HEAD', headers: { range: 'bytes=0-3' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-length')).toBe('4');
    expect((await r.arrayBuffer()).byteLength).toBe(0);
  });
});
