// Private client links (issue 14): staff make, list and revoke links; a page redeems a link's
// token by POST for a short-lived guest token; the one guard (src/access-links/guard.ts) keeps a
// guest to its project. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import { endpointList } from '@portico/contract';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { GUEST_ROUTES, ruleFor } from '../src/access-links/guard.js';
import { type Fixture, fileForm, type Harness, PNG, SECRET, useFixture } from './helpers.js';
import { openSse } from './sse.js';

let h: Harness;
let fx: Fixture;
// Redemptions name their address in X-Forwarded-For (trusted here) so the per-IP limit is tested on its own.
useFixture((x) => ({ h, fx } = x), { trustProxy: true, linkRatePerIp: 8, linkRatePerLink: 5 });

const randomIp = () => `10.${randomBytes(3).join('.')}`;
const redeem = (token: string, ip = randomIp()) =>
  h.api('/access-links/redeem', { method: 'POST', body: { token }, headers: { 'x-forwarded-for': ip } });

async function makeLink(body: Record<string, unknown>) {
  const r = await h.staff('/access-links', { body: { org: 'acme', label: 'Client Dana', ...body } });
  expect(r.status, r.text).toBe(201);
  return r.body as { id: string; token: string; url: string | null; kind: string };
}
async function guestFor(body: Record<string, unknown>) {
  const link = await makeLink({ project_id: fx.acme.project, kind: 'permanent', ...body });
  const r = await redeem(link.token);
  expect(r.status, r.text).toBe(200);
  return { link, token: r.body.token as string, body: r.body };
}
const row = async (id: string) => (await h.db.query('SELECT * FROM access_links WHERE id = $1', [id]))[0]!;

describe('staff API', () => {
  it('creates a link whose token is 256 random bits (base64url), stored only as its sha256, shown once with the page URL', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'permanent', page_url: 'https://agency.example/client.html' });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    expect(link.url).toBe(`https://agency.example/client.html#link=${link.token}`);
    const stored = await row(link.id);
    expect(stored.token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const list = await h.staff('/orgs/acme/access-links?limit=100');
    expect(list.status).toBe(200);
    const listed = list.body.data.find((l: { id: string }) => l.id === link.id);
    expect(listed).toMatchObject({
      project_id: fx.acme.project,
      kind: 'permanent',
      label: 'Client Dana',
      last_used_at: null,
      use_count: 0,
    });
    expect(JSON.stringify(list.body)).not.toContain(link.token);
  });

  it('refuses an Idempotency-Key on create (a replay would need the token stored) and stores no key record', async () => {
    const r = await h.staff('/access-links', {
      body: { org: 'acme', label: 'x', kind: 'permanent' },
      headers: { 'idempotency-key': 'link-create-1' },
    });
    expect([r.status, r.body.code]).toEqual([400, 'bad_request']);
    expect(await h.db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'link-create-1'`)).toEqual([]);
  });

  it('lists links with their last use, newest first, filtered by project, one organization only', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'permanent' });
    expect((await redeem(link.token)).status).toBe(200);
    const list = await h.staff(`/orgs/acme/access-links?project_id=${fx.acme.project}&limit=100`);
    const listed = list.body.data.find((l: { id: string }) => l.id === link.id);
    expect(listed.use_count).toBe(1);
    expect(Date.now() - Date.parse(listed.last_used_at)).toBeLessThan(60_000);
    expect(list.body.data[0].id).toBe(link.id);
    expect((await h.staff('/orgs/globex/access-links')).body.data.map((l: { id: string }) => l.id)).not.toContain(link.id);
  });

  it('refuses an expiring link without a future expiry, an expiry on another kind, and a project of another organization', async () => {
    const bad = async (body: Record<string, unknown>) =>
      (await h.staff('/access-links', { body: { org: 'acme', label: 'x', ...body } })).status;
    expect(await bad({ kind: 'expiring' })).toBe(400);
    expect(await bad({ kind: 'expiring', expires_at: '2020-01-01T00:00:00.000Z' })).toBe(400);
    expect(await bad({ kind: 'permanent', expires_at: '2099-01-01T00:00:00.000Z' })).toBe(400);
    expect(await bad({ kind: 'permanent', project_id: fx.globex.project })).toBe(404);
    expect(await bad({ kind: 'permanent', org: 'no-such-org' })).toBe(404);
    expect((await h.api('/access-links', { method: 'POST', body: { org: 'acme', label: 'x', kind: 'permanent' } })).status).toBe(404);
  });

  it('revoking stops redemption (link_revoked) and every guest token of the link at once', async () => {
    const { link, token } = await guestFor({});
    expect((await h.api(`/projects/${fx.acme.project}`, { token })).status).toBe(200);
    const r = await h.staff(`/access-links/${link.id}/revoke`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.body.revoked_at).not.toBeNull();
    const again = await redeem(link.token);
    expect([again.status, again.body.code]).toEqual([410, 'link_revoked']);
    const after = await h.api(`/projects/${fx.acme.project}`, { token });
    expect([after.status, after.body.code]).toEqual([401, 'link_revoked']);
  });
});

describe('redemption', () => {
  it('a GET of the link or of the endpoint redeems nothing: a single-use link is still unused afterwards', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'single_use' });
    const get = await fetch(`${h.url}/portal/v1/access-links/redeem?token=${link.token}`);
    expect(get.status).toBe(404);
    const head = await fetch(`${h.url}/portal/v1/access-links/redeem?token=${link.token}`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect((await row(link.id)).used_at).toBeNull();
    expect((await row(link.id)).use_count).toBe(0);
    expect((await redeem(link.token)).status).toBe(200);
  });

  it('answers a guest token with the guest role only (never member), for the link’s project, that renews by POSTing again', async () => {
    const { link, token, body } = await guestFor({});
    expect(body).toMatchObject({ project_id: fx.acme.project, renewable: true });
    expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(900_000);
    const me = await h.api('/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['guest']);
    expect(me.body.name).toBe('Client Dana');
    const renewed = await redeem(link.token);
    expect(renewed.status).toBe(200);
    expect((await h.api(`/projects/${fx.acme.project}`, { token: renewed.body.token })).status).toBe(200);
  });

  it('an unknown token answers link_invalid; an expired link answers link_expired and its guest tokens stop', async () => {
    const unknown = await redeem(randomBytes(32).toString('base64url'));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'link_invalid']);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const { link, token, body } = await guestFor({ kind: 'expiring', expires_at: expiresAt });
    expect(Date.parse(body.expires_at)).toBeLessThanOrEqual(Date.parse(expiresAt));
    await h.db.query(`UPDATE access_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [link.id]);
    const late = await redeem(link.token);
    expect([late.status, late.body.code]).toEqual([410, 'link_expired']);
    const after = await h.api(`/projects/${fx.acme.project}`, { token });
    expect([after.status, after.body.code]).toEqual([401, 'link_expired']);
  });

  it('a single-use link redeemed by two concurrent POSTs: exactly one wins, the other and every later one answer link_used', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'single_use' });
    const both = await Promise.all([redeem(link.token), redeem(link.token)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(both.find((r) => r.status === 410)!.body.code).toBe('link_used');
    expect(both.find((r) => r.status === 200)!.body.renewable).toBe(false);
    const later = await redeem(link.token);
    expect([later.status, later.body.code]).toEqual([410, 'link_used']);
    expect((await row(link.id)).use_count).toBe(1);
  });

  it('rate limits per link (5 a minute here, from any address) and per address (8 a minute, whatever the token)', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'permanent' });
    for (let i = 0; i < 5; i++) expect((await redeem(link.token)).status).toBe(200);
    const limited = await redeem(link.token);
    expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const ip = randomIp();
    for (let i = 0; i < 8; i++) expect((await redeem(randomBytes(32).toString('base64url'), ip)).status).toBe(404);
    const other = await makeLink({ project_id: fx.acme.project, kind: 'permanent' });
    expect((await redeem(other.token, ip)).status).toBe(429);
    expect((await redeem(other.token)).status).toBe(200);
  });

  it('a token with the guest kid signed by anyone but the server (here: the host’s shared secret) is refused', async () => {
    const link = await makeLink({ project_id: fx.acme.project, kind: 'permanent' });
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ org: 'acme', roles: ['guest'], link: link.id, project: null })
      .setProtectedHeader({ alg: 'HS256', kid: 'portico-guest' })
      .setSubject(`guest:${link.id}`)
      .setIssuer('portico-guest')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode(SECRET));
    expect((await h.api(`/projects/${fx.acme.project}`, { token: forged })).status).toBe(401);
  });
});

describe('what a guest reaches', () => {
  it('the guard’s table: project messages and document requests (built in parallel) are the project’s; unlisted endpoints are closed', () => {
    expect(ruleFor({ method: 'GET', path: '/projects/{project_id}/messages' })).toEqual({ project: 'projectId' });
    expect(ruleFor({ method: 'POST', path: '/projects/{project_id}/document-requests/{id}/items' })).toEqual({ project: 'projectId' });
    expect(ruleFor({ method: 'GET', path: '/projects/{project_id}/messagesX' })).toBeUndefined();
    expect(ruleFor({ method: 'GET', path: '/tickets' })).toBeUndefined();
    expect(ruleFor({ method: 'GET', path: '/knowledge-base' })).toBeUndefined();
    // Every rule names a route of the contract (a renamed path would silently close it to guests).
    const paths = new Set(endpointList().map(([, , e]) => `${e.method} ${e.path}`));
    for (const key of Object.keys(GUEST_ROUTES)) expect(paths, key).toContain(key);
  });

  it('its project, the project’s deliverables, versions, approvals and comments (and it may comment)', async () => {
    const { token } = await guestFor({});
    expect((await h.api(`/projects/${fx.acme.project}`, { token })).status).toBe(200);
    const list = await h.api(`/projects/${fx.acme.project}/deliverables`, { token });
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: { id: string }) => d.id)).toContain(fx.acme.deliverable);
    const d = await h.api(`/deliverables/${fx.acme.deliverable}`, { token });
    expect(d.status).toBe(200);
    expect((await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, { token })).status).toBe(200);
    const v = d.body.current_version.number;
    expect((await h.api(`/deliverables/${fx.acme.deliverable}/versions/${v}/comments`, { token })).status).toBe(200);
    const c = await h.api(`/deliverables/${fx.acme.deliverable}/versions/${v}/comments`, { token, body: { body: 'Looks good' } });
    expect(c.status, c.text).toBe(201);
    expect(c.body.author.name).toBe('Client Dana');
  });

  it('its event stream carries its project’s messages, document requests and deliverable events live, never another project’s or a contact’s', async () => {
    const { token } = await guestFor({});
    const other = await h.staff('/projects', { body: { org: 'acme', name: `Other ${randomBytes(3).toString('hex')}` } });
    const sse = await openSse(h.url, token);
    try {
      // Another project's message and a ticket (a contact's resource) first: neither may arrive.
      expect((await h.staff(`/projects/${other.body.id}/messages`, { body: { author_name: 'Studio', body: 'Not for you' } })).status).toBe(
        201,
      );
      expect((await h.api('/tickets', { token: fx.tokens.alice, body: { subject: 'Private', body: 'Not for guests' } })).status).toBe(201);
      const mine = await h.staff(`/projects/${fx.acme.project}/messages`, { body: { author_name: 'Studio', body: 'For you' } });
      expect(mine.status, mine.text).toBe(201);
      const request = await h.staff(`/projects/${fx.acme.project}/document-requests`, {
        body: { title: 'Passport copy', items: [{ label: 'Passport' }] },
      });
      expect(request.status, request.text).toBe(201);
      const v = (await h.api(`/deliverables/${fx.acme.deliverable}`, { token })).body.current_version.number;
      expect((await h.api(`/deliverables/${fx.acme.deliverable}/versions/${v}/comments`, { token, body: { body: 'Seen' } })).status).toBe(
        201,
      );
      await sse.waitFor(3, 5000);
      await new Promise((r) => setTimeout(r, 300));
      expect(sse.events.map((e) => e.data.type)).toEqual([
        'project.message_added',
        'document_request.updated',
        'deliverable.comment_added',
      ]);
      expect(sse.events.map((e) => e.data.resource.id)).toEqual([mine.body.id, request.body.id, fx.acme.deliverable]);
    } finally {
      sse.close();
    }
  });

  it('not another project of the same organization, nor its deliverables (by project or by id)', async () => {
    const { token } = await guestFor({});
    const other = await h.staff('/projects', { body: { org: 'acme', name: 'Acme secret project' } });
    const form = fileForm('x.png', PNG, 'image/png', { title: 'Secret' });
    const otherDeliverable = (await h.staff(`/projects/${other.body.id}/deliverables`, { form })).body.id;
    for (const path of [
      `/projects/${other.body.id}`,
      `/projects/${other.body.id}/deliverables`,
      `/deliverables/${otherDeliverable}`,
      `/deliverables/${otherDeliverable}/approvals`,
      `/deliverables/${otherDeliverable}/versions/1/comments`,
      '/projects',
    ]) {
      const r = await h.api(path, { token });
      expect([path, r.status, r.body.code]).toEqual([path, 403, 'forbidden']);
    }
    const post = await h.api(`/deliverables/${otherDeliverable}/versions/1/comments`, { token, body: { body: 'hi' } });
    expect(post.status).toBe(403);
  });

  it('nothing of another organization, and no tickets, invoices, billing, notifications, profile or knowledge base', async () => {
    const { token } = await guestFor({});
    for (const path of [
      `/projects/${fx.globex.project}`,
      `/projects/${fx.globex.project}/deliverables`,
      `/deliverables/${fx.globex.deliverable}`,
      '/tickets',
      `/tickets/${fx.acme.ticketAlice}`,
      '/invoices',
      `/invoices/${fx.acme.invoice}`,
      '/billing/payment-methods',
      '/notifications',
      '/notifications/summary',
      '/profile',
      '/articles',
      '/knowledge-base',
    ]) {
      const r = await h.api(path, { token });
      expect([path, r.status]).toEqual([path, 403]);
    }
    const t = await h.api('/tickets', { token, body: { subject: 'x', body: 'y' } });
    expect(t.status).toBe(403);
  });

  it('approves only when the link allows it (the guest token then carries approver, still not member)', async () => {
    const decide = (token: string, version: number) =>
      h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
        token,
        body: { version, decision: 'changes_requested', comment: 'Bigger logo' },
      });
    const d = (await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice })).body;
    const plain = await guestFor({});
    expect((await decide(plain.token, d.current_version.number)).status).toBe(403);
    const approver = await guestFor({ allow_approve: true });
    expect((await h.api('/me', { token: approver.token })).body.roles).toEqual(['guest', 'approver']);
    expect((await decide(approver.token, d.current_version.number)).status).toBe(201);
  });

  it('a guest (its contact named guest:<link id>) is not notified: neither of organization-wide notifications nor, as approver, of new versions', async () => {
    const { link, token } = await guestFor({ allow_approve: true });
    expect((await h.api('/me', { token })).body.external_id).toBe(`guest:${link.id}`);
    expect((await h.staff('/notifications', { body: { org: 'acme', kind: 'announcement', title: 'Hello all', body: 'x' } })).status).toBe(
      201,
    );
    const form = fileForm('v2.png', PNG, 'image/png');
    expect((await h.staff(`/deliverables/${fx.acme.deliverable}/versions`, { form })).status).toBe(201);
    const rows = await h.db.query(`SELECT n.kind FROM notifications n JOIN contacts c ON c.id = n.contact_id WHERE c.external_id = $1`, [
      `guest:${link.id}`,
    ]);
    expect(rows).toEqual([]);
    const alice = await h.db.query(
      `SELECT n.kind FROM notifications n JOIN contacts c ON c.id = n.contact_id WHERE c.external_id = 'alice' AND n.title IN ('Hello all') `,
    );
    expect(alice).toHaveLength(1);
  });

  it('a client-space link reaches every project of its organization and their lists, still nothing else', async () => {
    const link = await makeLink({ kind: 'permanent' });
    const r = await redeem(link.token);
    expect(r.body.project_id).toBeNull();
    const token = r.body.token;
    const projects = await h.api('/projects', { token });
    expect(projects.status).toBe(200);
    expect(projects.body.data.map((p: { id: string }) => p.id)).toContain(fx.acme.project);
    expect((await h.api(`/deliverables/${fx.acme.deliverable}`, { token })).status).toBe(200);
    expect((await h.api(`/projects/${fx.globex.project}`, { token })).status).toBe(404);
    expect((await h.api(`/deliverables/${fx.globex.deliverable}`, { token })).status).toBe(404);
    expect((await h.api('/tickets', { token })).status).toBe(403);
  });
});
