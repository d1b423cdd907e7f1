// The per-process caches on the request path (verified tokens, resolved principals, the ticket
// list's SQL text) seen from outside, through HTTP: they never let a token do more than its own
// claims allow, never outlive the token's expiry, and never mix organizations.
import { type OutgoingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, harness } from './helpers.js';

let h: Harness;

beforeAll(async () => {
  h = await harness();
});
afterAll(() => h?.close());

const ids = (body: { data: Array<{ id: string }> }) => body.data.map((t) => t.id);

describe('token and principal caches', () => {
  it('a new token with other roles applies at once; each token keeps the roles it was signed with', async () => {
    const admin = await h.token('acme', 'dave', ['member', 'admin'], { name: 'Dave' });
    const member = await h.token('acme', 'dave', ['member'], { name: 'Dave' });
    expect((await h.api('/tickets?scope=organization', { token: admin })).status).toBe(200);
    expect((await h.api('/tickets?scope=organization', { token: admin })).status).toBe(200); // cached now
    expect((await h.api('/tickets?scope=organization', { token: member })).status).toBe(403);
    expect((await h.api('/me', { token: member })).body.roles).toEqual(['member']);
    expect((await h.api('/tickets?scope=organization', { token: admin })).status).toBe(200);
    expect((await h.api('/me', { token: admin })).body.roles).toEqual(['member', 'admin']);
  });

  it('the same subject in two organizations never shares a cache entry', async () => {
    const acme = await h.token('acme', 'sam', ['member', 'admin'], { name: 'Sam A' });
    const globex = await h.token('globex', 'sam', ['member', 'admin'], { name: 'Sam G' });
    const a = await h.api('/tickets', { token: acme, body: { subject: 'Acme only', body: 'x' } });
    const g = await h.api('/tickets', { token: globex, body: { subject: 'Globex only', body: 'x' } });
    expect(a.status).toBe(201);
    expect(g.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      for (const scope of ['mine', 'organization']) {
        const la = await h.api(`/tickets?scope=${scope}`, { token: acme });
        const lg = await h.api(`/tickets?scope=${scope}`, { token: globex });
        expect(ids(la.body)).toContain(a.body.id);
        expect(ids(la.body)).not.toContain(g.body.id);
        expect(ids(lg.body)).toContain(g.body.id);
        expect(ids(lg.body)).not.toContain(a.body.id);
      }
    }
    expect((await h.api('/me', { token: acme })).body.organization.id).not.toBe(
      (await h.api('/me', { token: globex })).body.organization.id,
    );
    expect((await h.api(`/tickets/${g.body.id}`, { token: acme })).status).toBe(404);
  });

  it('a token accepted (and cached) before is refused once it expires', async () => {
    const token = await h.token('acme', 'erin', ['member'], { ttl: 60 });
    expect((await h.api('/tickets', { token })).status).toBe(200);
    expect((await h.api('/tickets', { token })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000 + 31_000); // past exp and the 30 s clock tolerance
      const r = await h.api('/tickets', { token });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('token_expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('repeated Authorization headers are refused, even when each is valid', async () => {
    const token = await h.token('acme', 'frank', ['member']);
    // Two header lines (the capitalised name is not the typed `authorization?: string` property).
    const twice: OutgoingHttpHeaders = {};
    twice.Authorization = [`Bearer ${token}`, `Bearer ${token}`];
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h.url}/portal/v1/tickets`, { headers: twice }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
    expect((await h.api('/tickets', { token })).status).toBe(200);
  });
});
