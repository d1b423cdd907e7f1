import { createHmac } from 'node:crypto';
import { type EndpointDef, endpointList, fillPath } from '@portico/contract';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES, sniffMediaType } from '../src/storage.js';
import { type Fixture, fileForm, type Harness, PDF, PNG, SECRET, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

/** A valid request body per mutation (so that the request reaches the lookup or the role check). */
function validInput(group: string, name: string): { body?: unknown; form?: FormData } {
  switch (`${group}.${name}`) {
    case 'tickets.create':
      return { body: { subject: 'A valid subject', body: 'Body' } };
    case 'tickets.reply':
      return { body: { body: 'A reply' } };
    case 'tickets.act':
      return { body: { action: 'escalate' } };
    case 'attachments.upload':
      return { form: fileForm('a.png', PNG) };
    case 'articles.vote':
      return { body: { helpful: true } };
    case 'billing.setAutoPay':
      return { body: { enabled: false } };
    case 'comments.create':
      return { body: { body: 'A comment' } };
    case 'approvals.create':
      return { body: { version: 1, decision: 'approved' } };
    case 'documentRequests.upload':
      return { form: fileForm('a.pdf', PDF) };
    case 'documentRequests.review':
      return { body: { decision: 'accepted' } };
    case 'messages.create':
      return { body: { body: 'A message' } };
    case 'messages.markRead':
      return { body: { message_id: 'msg_somewhere' } };
    default:
      return {};
  }
}

/** Path parameters naming a resource of the other organization (globex). */
function globexParams(group: string): Record<string, unknown> {
  switch (group) {
    case 'tickets':
      return { id: fx.globex.ticket };
    case 'invoices':
      return { id: fx.globex.invoice };
    case 'projects':
      return { id: fx.globex.project };
    case 'deliverables':
      return { id: fx.globex.deliverable, projectId: fx.globex.project };
    case 'comments':
      return { id: fx.globex.deliverable, version: 1 };
    case 'approvals':
      return { id: fx.globex.deliverable };
    case 'notifications':
      return { id: fx.globex.notification };
    case 'articles':
      return { slug: fx.globex.articleSlug };
    case 'billing':
      return { id: fx.globex.invoice, methodId: fx.billing.globexMethod };
    case 'documentRequests':
      return { projectId: fx.globex.project, requestId: 'dreq_of_globex', itemId: 'ditm_of_globex' };
    case 'messages':
      return { projectId: fx.globex.project };
    default:
      return {};
  }
}

const portal = endpointList().filter(([, , e]) => e.response !== 'binary' && e.response !== 'sse');
const withParams = portal.filter(([, , e]) => /\{/.test(e.path));

describe('organization scoping', () => {
  it.each(withParams.map(([g, n, e]) => [`${g}.${n}`, g, n, e] as const))(
    '%s: another organization’s id answers 404 like a missing one',
    async (_label, g, n, e: EndpointDef) => {
      const input = validInput(g, n);
      // A role the endpoint needs, so that the request reaches the lookup (alice is no reviewer).
      const token = e.roles?.includes('reviewer') ? await h.token('acme', 'rita', ['member', 'reviewer']) : fx.tokens.alice;
      const other = await h.api(fillPath(e.path, globexParams(g)), { token, method: e.method, ...input });
      const missing = await h.api(
        fillPath(
          e.path,
          Object.fromEntries(Object.entries(globexParams(g)).map(([k, v]) => [k, typeof v === 'number' ? v : 'zzz_missing'])),
        ),
        { token, method: e.method, ...validInput(g, n) },
      );
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      expect(missing.status).toBe(404);
      const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
      expect(strip(other.body)).toEqual(strip(missing.body));
    },
  );

  it.each(portal.filter(([, , e]) => e.method === 'GET' && !/\{/.test(e.path)).map(([g, n, e]) => [`${g}.${n}`, e] as const))(
    '%s lists nothing of another organization',
    async (_label, e: EndpointDef) => {
      const q = e.path === '/articles/search' ? '?q=globex' : e.path === '/tickets' ? '?scope=organization' : '';
      const r = await h.api(e.path + q, { token: fx.tokens.alice });
      expect(r.status).toBe(200);
      for (const id of [
        fx.globex.ticket,
        fx.globex.project,
        fx.globex.deliverable,
        fx.globex.invoice,
        fx.globex.notification,
        fx.billing.globexMethod,
        fx.billing.globexMeter,
        'globex-secret',
        'Globex only',
      ]) {
        expect(r.text).not.toContain(id);
      }
    },
  );

  it('a file link of another organization cannot be re-signed with ours', async () => {
    const ours = new URL(fx.acme.fileUrl);
    const forged = `/files/${fx.globex.fileId}?${ours.searchParams.toString()}`;
    const r = await h.api(forged);
    expect(r.status).toBe(404);
    const good = await fetch(fx.globex.fileUrl);
    expect(good.status).toBe(200);
  });

  it('a member sees only their own tickets', async () => {
    const r = await h.api(`/tickets/${fx.acme.ticketAlice}`, { token: fx.tokens.bob });
    expect(r.status).toBe(404);
    const own = await h.api(`/tickets/${fx.acme.ticketBob}`, { token: fx.tokens.bob });
    expect(own.status).toBe(200);
    const list = await h.api('/tickets', { token: fx.tokens.bob });
    expect(list.body.data.map((t: { id: string }) => t.id)).toEqual([fx.acme.ticketBob]);
    const admin = await h.api(`/tickets/${fx.acme.ticketBob}`, { token: fx.tokens.alice });
    expect(admin.status).toBe(200);
  });
});

describe('roles', () => {
  const roleBound = portal.filter(([, , e]) => e.roles?.length);
  it('the table has role-bound endpoints', () => expect(roleBound.length).toBeGreaterThanOrEqual(4));

  it.each(roleBound.map(([g, n, e]) => [`${g}.${n}`, g, n, e] as const))('%s answers 403 to a member', async (_l, g, n, e: EndpointDef) => {
    const params =
      g === 'invoices'
        ? { id: fx.acme.invoice }
        : g === 'billing'
          ? { id: fx.acme.invoice, methodId: fx.billing.acmeMethod }
          : g === 'documentRequests'
            ? { projectId: fx.acme.project, requestId: 'dreq_1', itemId: 'ditm_1' }
            : { id: fx.acme.deliverable };
    const r = await h.api(fillPath(e.path, params), { token: fx.tokens.bob, method: e.method, ...validInput(g, n) });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('forbidden');
  });

  it('an admin without the approver role may not decide', async () => {
    const r = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
      token: fx.tokens.carol,
      body: { version: 1, decision: 'approved' },
    });
    expect(r.status).toBe(403);
  });

  it('scope=organization is for admins', async () => {
    expect((await h.api('/tickets?scope=organization', { token: fx.tokens.bob })).status).toBe(403);
    expect((await h.api('/tickets?scope=organization', { token: fx.tokens.alice })).status).toBe(200);
  });
});

describe('authentication', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const key = new TextEncoder().encode(SECRET);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = () => ({ sub: 'alice', org: 'acme', roles: ['admin'], iat: now(), exp: now() + 600 });

  const badTokens: Array<[string, () => Promise<string | null>]> = [
    ['missing', async () => null],
    ['garbage', async () => 'not.a.jwt'],
    ['expired', () => new SignJWT({ ...claims(), iat: now() - 7200, exp: now() - 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    [
      'wrongly signed',
      () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-of-sufficient-len')),
    ],
    ['alg=none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'forged payload',
      async () => {
        const good = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(key);
        const [hd, , sig] = good.split('.');
        return `${hd}.${b64({ ...claims(), org: 'globex' })}.${sig}`;
      },
    ],
    ['without exp', () => new SignJWT({ sub: 'alice', org: 'acme', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    ['lifetime over 24 h', () => new SignJWT({ ...claims(), exp: now() + 3 * 86400 }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    [
      'iat ten years ahead (exp = iat + 1 h)',
      () =>
        new SignJWT({ ...claims(), iat: now() + 10 * 365 * 86400, exp: now() + 10 * 365 * 86400 + 3600 })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(key),
    ],
    [
      'iat two minutes ahead',
      () => new SignJWT({ ...claims(), iat: now() + 120, exp: now() + 600 }).setProtectedHeader({ alg: 'HS256' }).sign(key),
    ],
    [
      'without iat, 25 h left',
      () =>
        new SignJWT({ sub: 'alice', org: 'acme', roles: ['admin'], exp: now() + 25 * 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(key),
    ],
    ['NUL in sub', () => new SignJWT({ ...claims(), sub: 'ali\u0000ce' }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    ['NUL in org', () => new SignJWT({ ...claims(), org: 'ac\u0000me' }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    ['without org', () => new SignJWT({ sub: 'alice', iat: now(), exp: now() + 600 }).setProtectedHeader({ alg: 'HS256' }).sign(key)],
    [
      'HS512 with the secret',
      () => new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET.padEnd(64, 'x'))),
    ],
    [
      'none-signed by hand with an HMAC of another alg',
      async () => {
        const hd = b64({ alg: 'HS384' });
        const pl = b64(claims());
        return `${hd}.${pl}.${createHmac('sha384', SECRET).update(`${hd}.${pl}`).digest('base64url')}`;
      },
    ],
  ];

  it.each(badTokens)('%s token → 401 problem on every endpoint', async (_l, make) => {
    const token = await make();
    for (const [g, n, e] of endpointList().filter(([, , d]) => d.response !== 'binary')) {
      const params = {
        id: fx.acme.ticketAlice,
        slug: 'public-guide',
        projectId: fx.acme.project,
        version: 1,
        methodId: fx.billing.acmeMethod,
        requestId: 'dreq_1',
        itemId: 'ditm_1',
      };
      const r = await h.api(fillPath(e.path, params), { token: token ?? undefined, method: e.method, ...validInput(g, n) });
      expect(r.status, `${g}.${n}`).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(['unauthorized', 'token_expired']).toContain(r.body.code);
    }
  });

  it('accepts an iat within the clock tolerance and a full lifetime counted from iat', async () => {
    const sign = (c: Record<string, unknown>) => new SignJWT({ ...claims(), ...c }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    // A minter whose clock runs 20 s ahead, minting for the whole 24 h.
    expect((await h.api('/me', { token: await sign({ iat: now() + 20, exp: now() + 20 + 86400 }) })).status).toBe(200);
    // Minted an hour ago for 24 h: 23 h left.
    expect((await h.api('/me', { token: await sign({ iat: now() - 3600, exp: now() + 23 * 3600 }) })).status).toBe(200);
    // Without iat: what is left counts.
    expect((await h.api('/me', { token: await sign({ iat: undefined, exp: now() + 23 * 3600 }) })).status).toBe(200);
  });

  it('a NUL in the name or email claim is dropped, not stored', async () => {
    const t = await new SignJWT({ ...claims(), sub: 'nul-claims', name: 'Eve\u0000', email: 'e\u0000@x.example' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key);
    const r = await h.api('/me', { token: t });
    expect(r.status).toBe(200);
    expect(r.body.name).toBe('nul-claims');
    expect(r.body.email).toBeNull();
  });

  it('expired tokens say token_expired', async () => {
    const t = await new SignJWT({ ...claims(), iat: now() - 7200, exp: now() - 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    const r = await h.api('/me', { token: t });
    expect(r.body.code).toBe('token_expired');
  });

  it('the staff API needs the staff key', async () => {
    const r = await fetch(`${h.url}/staff/v1/orgs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.tokens.alice}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
    const none = await fetch(`${h.url}/staff/v1/orgs`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
  });

  it('unknown organizations and contacts are created on first sight, with name and email claims', async () => {
    const t = await h.token('initech', 'peter', ['member'], { name: 'Peter Gibbons', email: 'peter@initech.example' });
    const r = await h.api('/me', { token: t });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      external_id: 'peter',
      name: 'Peter Gibbons',
      email: 'peter@initech.example',
      organization: { external_id: 'initech' },
    });
    expect((await h.api('/tickets', { token: t })).body.data).toEqual([]);
  });
});

describe('uploads', () => {
  it('GET /attachments/policy states the limits an upload is held to: the configured size, the files per message, the sniffed types', async () => {
    const r = await h.api('/attachments/policy', { token: fx.tokens.bob });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ max_bytes: 1024 * 1024, max_files: 10, accepted_types: [...ACCEPTED_TYPES] });
    // The size it states is the size upload enforces, to the byte.
    const at = await h.api('/attachments', {
      token: fx.tokens.bob,
      form: fileForm('at.txt', Buffer.alloc(r.body.max_bytes, 0x61), 'text/plain'),
    });
    expect(at.status).toBe(201);
    const over = await h.api('/attachments', {
      token: fx.tokens.bob,
      form: fileForm('over.txt', Buffer.alloc(r.body.max_bytes + 1, 0x61), 'text/plain'),
    });
    expect(over.status).toBe(413);
    expect((await h.api('/attachments/policy', {})).status).toBe(401);
  });

  it('the accepted types are exactly what the sniffer recognises', () => {
    const samples: Record<string, number[] | string> = {
      'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0],
      'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
      'image/gif': 'GIF89a...',
      'image/webp': 'RIFF\u0000\u0000\u0000\u0000WEBPVP8 ',
      'application/pdf': '%PDF-1.7',
      'video/mp4': '\u0000\u0000\u0000\u0018ftypmp42',
      'audio/mpeg': 'ID3\u0004',
      'application/zip': [0x50, 0x4b, 0x03, 0x04, 0],
      'text/plain': 'plain words',
    };
    const sniffed = Object.values(samples).map((v) => sniffMediaType(typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from(v)));
    expect(new Set(sniffed)).toEqual(new Set(ACCEPTED_TYPES));
    expect(sniffed).toEqual(Object.keys(samples));
  });

  it('rejects oversized uploads with 413', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x61);
    const r = await h.api('/attachments', { token: fx.tokens.bob, form: fileForm('big.txt', big, 'text/plain') });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('payload_too_large');
  });

  it('checks the type from the bytes, not the declared type → 415', async () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const r = await h.api('/attachments', { token: fx.tokens.bob, form: fileForm('photo.png', exe, 'image/png') });
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('unsupported_media_type');
    const html = await h.api('/attachments', {
      token: fx.tokens.bob,
      form: fileForm('x.png', Buffer.from('<html>\u0000</html>'), 'image/png'),
    });
    expect(html.status).toBe(415);
  });

  it('stores the sniffed type and serves downloads safely', async () => {
    const r = await h.api('/attachments', {
      token: fx.tokens.bob,
      form: fileForm('notes.pdf', Buffer.from('<script>alert(1)</script>'), 'application/pdf'),
    });
    expect(r.status).toBe(201);
    expect(r.body.media_type).toBe('text/plain');
    const dl = await fetch(r.body.url);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(dl.headers.get('content-security-policy')).toContain('sandbox');
    expect(dl.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await dl.text()).toBe('<script>alert(1)</script>');
  });

  it('signed links bind the disposition and expire', async () => {
    const url = new URL(fx.acme.fileUrl);
    expect((await fetch(url)).headers.get('content-disposition')).toMatch(/^attachment/);
    const inline = new URL(url);
    inline.searchParams.set('disposition', 'inline');
    expect((await fetch(inline)).status).toBe(404);
    const d = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice });
    const preview = await fetch(d.body.current_version.preview_url);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-disposition')).toMatch(/^inline/);
    expect(preview.headers.get('content-type')).toBe('image/png');
    const expired = new URL(url);
    expired.searchParams.set('exp', String(Math.floor(Date.now() / 1000) - 10));
    expect((await fetch(expired)).status).toBe(403);
    const tampered = new URL(url);
    tampered.searchParams.set('sig', `${url.searchParams.get('sig')!.slice(0, -2)}AA`);
    expect((await fetch(tampered)).status).toBe(404);
  });
});

describe('hostile strings', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '"; DROP TABLE tickets;--',
    "Robert'); DELETE FROM approvals; --",
    'Ünïcödé ✓ 日本語 🚀 \u202Eevil',
    '{{constructor.constructor("alert(1)")()}}',
    '../../etc/passwd',
  ];

  it.each(hostile)('%s is stored and returned verbatim in every text field', async (s) => {
    const subject = `${s} subject`;
    const t = await h.api('/tickets', { token: fx.tokens.bob, body: { subject, body: s } });
    expect(t.status).toBe(201);
    expect(t.body.subject).toBe(subject);
    const msgs = await h.api(`/tickets/${t.body.id}/messages`, { token: fx.tokens.bob });
    expect(msgs.body.data[0].body).toBe(s);
    const reply = await h.api(`/tickets/${t.body.id}/messages`, { token: fx.tokens.bob, body: { body: s } });
    expect(reply.body.body).toBe(s);
    const act = await h.api(`/tickets/${t.body.id}/actions`, { token: fx.tokens.bob, body: { action: 'escalate', reason: s } });
    expect(act.status).toBe(200);
    const c = await h.api(`/deliverables/${fx.acme.deliverable}/versions/1/comments`, { token: fx.tokens.bob, body: { body: s } });
    expect(c.body.body).toBe(s);
    const search = await h.api(`/tickets?q=${encodeURIComponent(s)}`, { token: fx.tokens.bob });
    expect(search.status).toBe(200);
    expect(search.body.data.map((x: { subject: string }) => x.subject)).toContain(subject);
    const me = await h.api('/me', { token: await h.token('acme', `x-${hostile.indexOf(s)}`, ['member'], { name: s }) });
    expect(me.body.name).toBe(s);
    const staffReply = await h.staff(`/tickets/${t.body.id}/messages`, { body: { body: s, agent_name: s } });
    expect(staffReply.body).toMatchObject({ body: s, author: { name: s } });
    const art = await h.api(`/articles/search?q=${encodeURIComponent(s.slice(0, 50))}`, { token: fx.tokens.bob });
    expect(art.status).toBe(200);
  });

  it('tables survived', async () => {
    expect((await h.api('/tickets', { token: fx.tokens.bob })).status).toBe(200);
  });
});
