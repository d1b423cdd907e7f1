/**
 * The client against the real reference server (PGlite in memory, seeded demo data): no mocks.
 * Proves the server's answers satisfy the contract as the client validates it, and that the
 * client's rules hold end to end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintPortalToken, openPglite, type RunningServer, seed, startServer } from '@portico/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorticoClient, PorticoApiError, type PorticoClient, type PorticoDiagnostic } from '../src/index.js';

const SECRET = 'integration-secret-0123456789abcdef01234567';
const STAFF_KEY = 'integration-staff-key';
let server: RunningServer;
let filesDir: string;

const tokenFor = (sub: string, org: string, roles: Array<'member' | 'admin' | 'approver'>) => () =>
  mintPortalToken({ secret: SECRET, sub, org, roles, ttl: 600 });

const clientFor = (getToken: () => Promise<string>, onEvent?: (d: PorticoDiagnostic) => void): PorticoClient =>
  createPorticoClient({ baseUrl: server.url, getToken, onEvent });

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'portico-client-it-'));
  const db = await openPglite('memory://');
  server = await startServer({
    db,
    config: { port: 0, jwtSecret: SECRET, staffKey: STAFF_KEY, filesDir, logLevel: 'silent', allowedOrigins: [] },
  });
  await seed(server.db, { filesDir });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await server?.db.close();
  await rm(filesDir, { recursive: true, force: true });
});

describe('client against the reference server', () => {
  it('reads the signed-in contact created on first sight from the token', async () => {
    const me = await clientFor(tokenFor('alice', 'acme', ['admin', 'approver'])).me.get();
    expect(me.externalId).toBe('alice');
    expect(me.organization.externalId).toBe('acme');
    expect(me.roles).toEqual(expect.arrayContaining(['admin', 'approver']));
  });

  it('pages through every seeded ticket of the organization with each page valid against the contract', async () => {
    const client = clientFor(tokenFor('alice', 'acme', ['admin']));
    const ids = new Set<string>();
    let pages = 0;
    for await (const page of client.paginate(client.tickets.list, { scope: 'organization', limit: 100 })) {
      pages++;
      for (const t of page.data) ids.add(t.id);
    }
    expect(pages).toBeGreaterThan(1);
    expect(ids.size).toBeGreaterThanOrEqual(150);
  });

  it('validates every kind of seeded resource: invoices, articles, projects, deliverables, comments, approvals', async () => {
    const client = clientFor(tokenFor('alice', 'acme', ['admin', 'approver']));
    const invoices = await client.invoices.list({ limit: 100 });
    expect(invoices.data.length).toBeGreaterThan(10);
    expect(new Set(invoices.data.map((i) => i.currency)).size).toBeGreaterThan(1);
    const invoice = await client.invoices.get({ id: invoices.data[0]!.id });
    expect(invoice.lines.length).toBeGreaterThan(0);
    const totals = await client.invoices.totals({});
    expect(totals.data.length).toBeGreaterThan(1);

    const articles = await client.articles.list({ limit: 100 });
    expect(articles.data.length).toBeGreaterThan(20);
    const article = await client.articles.get({ slug: articles.data[0]!.slug });
    expect(article.body.length).toBeGreaterThan(100);
    const hits = await client.articles.search({ q: article.title.split(' ')[0]! });
    expect(hits.data.length).toBeGreaterThan(0);

    const projects = await client.projects.list({});
    expect(projects.data.length).toBe(3);
    const deliverables = await client.deliverables.list({ projectId: projects.data[0]!.id });
    expect(deliverables.data.length).toBeGreaterThan(0);
    const deliverable = await client.deliverables.get({ id: deliverables.data[0]!.id });
    expect(deliverable.versions.length).toBeGreaterThan(0);
    await client.comments.list({ id: deliverable.id, version: deliverable.currentVersion.number });
    await client.approvals.list({ id: deliverable.id });
    await client.notifications.list({});
  });

  it('creates exactly one ticket when the same idempotency key is sent twice', async () => {
    const client = clientFor(tokenFor('bob', 'acme', ['member']));
    const key = `it-${Date.now()}`;
    const a = await client.tickets.create({ subject: 'Printer on fire', body: 'It is on fire.', idempotencyKey: key });
    const b = await client.tickets.create({ subject: 'Printer on fire', body: 'It is on fire.', idempotencyKey: key });
    expect(b.id).toBe(a.id);
    const mine = await client.tickets.list({ q: 'Printer on fire' });
    expect(mine.data.filter((t) => t.subject === 'Printer on fire')).toHaveLength(1);
  });

  it('maps the server problems to PorticoApiError codes: forbidden, not_found, version_conflict', async () => {
    const bob = clientFor(tokenFor('bob', 'acme', ['member']));
    await expect(bob.invoices.list({})).rejects.toMatchObject({ name: 'PorticoApiError', status: 403, code: 'forbidden' });

    const gina = clientFor(tokenFor('gina', 'globex', ['admin', 'approver']));
    const acmeTicket = (await clientFor(tokenFor('alice', 'acme', ['admin'])).tickets.list({ scope: 'organization', limit: 1 })).data[0]!;
    const err = await gina.tickets.get({ id: acmeTicket.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PorticoApiError);
    expect(err).toMatchObject({ status: 404, code: 'not_found' });

    const alice = clientFor(tokenFor('alice', 'acme', ['admin', 'approver']));
    const projects = await alice.projects.list({});
    let conflictChecked = false;
    for (const p of projects.data) {
      for (const d of (await alice.deliverables.list({ projectId: p.id })).data) {
        if (d.currentVersion.number < 2) continue;
        await expect(
          alice.approvals.create({ id: d.id, version: d.currentVersion.number - 1, decision: 'approved' }),
        ).rejects.toMatchObject({
          status: 409,
          code: 'version_conflict',
        });
        conflictChecked = true;
        break;
      }
      if (conflictChecked) break;
    }
    expect(conflictChecked).toBe(true);
  });

  it('asks the token provider once for many concurrent requests', async () => {
    let calls = 0;
    const mint = tokenFor('alice', 'acme', ['admin']);
    const client = clientFor(() => {
      calls++;
      return mint();
    });
    await Promise.all([client.me.get(), client.tickets.list({}), client.articles.list({}), client.projects.list({})]);
    expect(calls).toBe(1);
  });

  it('delivers a staff reply as a live event on the subscription', async () => {
    const alice = clientFor(tokenFor('alice', 'acme', ['admin']));
    const ticket = (await alice.tickets.list({ scope: 'organization', limit: 1 })).data[0]!;
    const received = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
      const stop = alice.subscribe((event) => {
        if (event.type === 'ticket.message_added' && 'resource' in event && event.resource.id === ticket.id) {
          clearTimeout(timer);
          stop();
          resolve(event);
        }
      });
    });
    await new Promise((r) => setTimeout(r, 300)); // let the stream connect
    const res = await fetch(`${server.url}/staff/v1/tickets/${ticket.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${STAFF_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'We are on it.', agent_name: 'Sam Agent' }),
    });
    expect(res.status).toBe(201);
    await expect(received).resolves.toMatchObject({ type: 'ticket.message_added' });
  });
});
