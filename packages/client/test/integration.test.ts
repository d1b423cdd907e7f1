/**
 * The client against the real reference server (PGlite in memory, seeded demo data): no mocks.
 * Proves the server's answers satisfy the contract as the client validates it, and that the
 * client's rules hold end to end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintPortalToken, openPglite, type RunningServer, runRetention, seed, startServer } from '@portico/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPorticoClient, PorticoApiError, type PorticoClient, type PorticoDiagnostic, type PorticoStreamEvent } from '../src/index.js';

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

/** Waits until `check()` holds (polling), or fails after `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

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

  it('one decision per approver per version: a second is already_decided; changing one’s mind with supersedes is recorded and linked in the trail', async () => {
    const ivy = clientFor(tokenFor('ivy', 'globex', ['approver'])); // a new approver: no decision yet
    const projects = await ivy.projects.list({});
    const d = (await ivy.deliverables.list({ projectId: projects.data[0]!.id })).data[0]!;
    const version = d.currentVersion.number;
    const first = await ivy.approvals.create({ id: d.id, version, decision: 'changes_requested', comment: 'Bigger logo' });
    await expect(ivy.approvals.create({ id: d.id, version, decision: 'approved' })).rejects.toMatchObject({
      status: 409,
      code: 'already_decided',
    });
    const second = await ivy.approvals.create({ id: d.id, version, decision: 'approved', supersedes: first.id });
    expect(second).toMatchObject({ decision: 'approved', supersedes: first.id, supersededBy: null });
    const trail = await ivy.approvals.list({ id: d.id });
    expect(trail.data.find((a) => a.id === first.id)).toMatchObject({ supersededBy: second.id });
    await expect(ivy.approvals.create({ id: d.id, version, decision: 'approved', supersedes: first.id })).rejects.toMatchObject({
      status: 409,
      code: 'supersede_conflict',
    });
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

  it('a stream opened with a 2-second token: the server ends it at each expiry, the client reconnects at once with a fresh token from the provider, and every change arrives once, in order, with no refetch signal', async () => {
    let minted = 0;
    const diagnostics: PorticoDiagnostic[] = [];
    const shortLived = clientFor(
      async () => {
        minted++;
        return mintPortalToken({ secret: SECRET, sub: 'alice', org: 'acme', roles: ['admin'], ttl: 2 });
      },
      (d) => diagnostics.push(d),
    );
    const got: PorticoStreamEvent[] = [];
    const off = shortLived.subscribe((e) => got.push(e));
    const writer = clientFor(tokenFor('alice', 'acme', ['admin']));
    await new Promise((r) => setTimeout(r, 300)); // let the stream connect
    // Changes every 150 ms for 5 s: across at least two expiries, some made while reconnecting.
    const created: string[] = [];
    const t0 = Date.now();
    while (Date.now() - t0 < 5000) {
      created.push((await writer.tickets.create({ subject: `Across expiries ${created.length}`, body: 'x' })).id);
      await new Promise((r) => setTimeout(r, 150));
    }
    const mine = () => got.filter((e) => e.type === 'ticket.created' && 'resource' in e && created.includes(e.resource.id));
    await until(() => mine().length >= created.length, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    off();
    expect(mine().map((e) => ('resource' in e ? e.resource.id : ''))).toEqual(created);
    expect(got.filter((e) => e.type === 'stream.reconnected')).toEqual([]);
    const rotations = diagnostics.filter((d) => d.type === 'stream-reconnect' && d.reason === 'token_expired');
    expect(rotations.length).toBeGreaterThanOrEqual(2);
    expect(minted).toBeGreaterThanOrEqual(rotations.length + 1);
    expect(diagnostics.filter((d) => d.type === 'error')).toEqual([]);
  }, 30_000);

  it('a client away longer than the event log keeps its events: on reconnecting, the server answers stream.reset and listeners get stream.reconnected with reason reset', async () => {
    // The stream's reconnect (after its 2-second token expires) is held back while a change is
    // made and the log forgets it, as if the client had been away for days.
    let held: (() => void) | undefined;
    let streams = 0;
    const away = new Promise<void>((r) => {
      held = r;
    });
    const shortLived = createPorticoClient({
      baseUrl: server.url,
      getToken: () => mintPortalToken({ secret: SECRET, sub: 'alice', org: 'acme', roles: ['admin'], ttl: 2 }),
      fetch: async (input, init) => {
        if (String(input).endsWith('/events') && streams++ === 1) await away;
        return fetch(input, init);
      },
    });
    const writer = clientFor(tokenFor('alice', 'acme', ['admin']));
    const got: PorticoStreamEvent[] = [];
    const off = shortLived.subscribe((e) => got.push(e));
    await new Promise((r) => setTimeout(r, 300));
    await writer.tickets.create({ subject: 'Seen before going away', body: 'x' });
    await until(() => got.some((e) => e.type === 'ticket.created'), 5000);
    await until(() => streams === 2, 5000); // the token expired; the reconnect waits
    const missed = await writer.tickets.create({ subject: 'Made while away', body: 'x' });
    await server.db.query(`UPDATE events SET occurred_at = now() - interval '100 hours'`);
    expect((await runRetention(server.db, undefined, { eventRetentionHours: 72 })).events).toBeGreaterThan(0);
    held!();
    await until(() => got.some((e) => e.type === 'stream.reconnected'), 5000);
    await new Promise((r) => setTimeout(r, 200));
    off();
    expect(got.filter((e) => e.type === 'stream.reconnected')).toEqual([{ type: 'stream.reconnected', reason: 'reset' }]);
    // The missed change is not replayed (it is gone from the log): the reset tells listeners to refetch.
    expect(got.some((e) => 'resource' in e && e.resource.id === missed.id)).toBe(false);
  }, 20_000);

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
