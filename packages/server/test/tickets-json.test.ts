// The ticket list is serialised by the database (listTicketsJson): its bytes must be exactly
// what the JavaScript mapping gives (JSON.stringify(toWire(listTicketsMapped(…)))), for every
// sort, filter, scope and page, on PGlite and PostgreSQL; and the raw body is still checked
// against the contract when responses are validated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/auth.js';
import { listTicketsJson, listTicketsMapped } from '../src/routes/tickets.js';
import { seed } from '../src/seed.js';
import { toWire } from '../src/wire.js';
import { type Harness, harness } from './helpers.js';

let h: Harness;
let alice: Principal;
let bob: Principal;
let aliceToken: string;

const SORTS = ['-created_at', 'created_at', '-updated_at', 'updated_at', '-priority', 'priority', '-number', 'number'] as const;
type Query = Parameters<typeof listTicketsJson>[2];

async function principal(org: string, ext: string, roles: Principal['roles']): Promise<Principal> {
  const [r] = await h.db.query(
    `SELECT o.id AS org_id, o.name AS org_name, c.id, c.name, c.email
     FROM contacts c JOIN organizations o ON o.id = c.org_id WHERE o.external_id = $1 AND c.external_id = $2`,
    [org, ext],
  );
  if (!r) throw new Error(`no contact ${org}/${ext}`);
  return {
    orgId: r.org_id,
    orgExternalId: org,
    orgName: r.org_name,
    contactId: r.id,
    externalId: ext,
    name: r.name,
    email: r.email,
    roles,
    features: [],
  };
}

/** Walks every page of a query with both implementations; returns the number of tickets seen. */
async function walk(p: Principal, query: Query): Promise<number> {
  let cursor: string | undefined;
  let seen = 0;
  let pages = 0;
  do {
    const q = { ...query, cursor };
    const expected = JSON.stringify(toWire(await listTicketsMapped(h.db.forOrg(p.orgId), p, q)));
    const actual = await listTicketsJson(h.db.forOrg(p.orgId), p, q);
    expect(actual, `${JSON.stringify(q)} page ${pages}`).toBe(expected);
    const page = JSON.parse(actual) as { data: unknown[]; next_cursor: string | null };
    seen += page.data.length;
    cursor = page.next_cursor ?? undefined;
    pages++;
  } while (cursor && pages < 500);
  return seen;
}

beforeAll(async () => {
  h = await harness();
  await seed(h.db, { filesDir: h.filesDir });
  // Awkward values the JSON text must escape exactly like JSON.stringify: quotes, backslashes,
  // control characters, non-ASCII, astral characters, U+2028/2029, HTML-ish text; a null
  // assignee, empty and several tags, a requester name that needs escaping.
  const awkward = [
    'Quote " and backslash \\ and slash / inside',
    'Tab\tnewline\ncarriage\rreturn\bbackspace\fformfeed',
    'Controls \u0001\u001f\u007f and \u0085 end',
    'Unicode: Ünïcödé, 日本語, emoji 🎉👩‍💻, line sep \u2028 para sep \u2029',
    '<script>alert("x")</script> & 100% _under_ #42',
  ];
  const rows = await h.db.query(
    `SELECT t.id FROM tickets t JOIN organizations o ON o.id = t.org_id WHERE o.external_id = 'acme' ORDER BY t.number LIMIT $1`,
    [awkward.length],
  );
  for (const [i, r] of rows.entries()) {
    await h.db.query('UPDATE tickets SET subject = $2, assignee_name = $3, tags = $4 WHERE id = $1', [
      r.id,
      awkward[i],
      i % 2 ? null : `Agent "${i}" \\ \u00e9`,
      i % 3 === 0 ? [] : ['a"b', 'c\\d', 'é\n'],
    ]);
  }
  await h.db.query(
    `UPDATE contacts SET name = 'Bob "the \\ builder" Brown\t😀' WHERE external_id = 'bob' AND org_id = (SELECT id FROM organizations WHERE external_id = 'acme')`,
  );
  // Timestamps at the edges of the format: whole seconds, .001, .999, an early year, a date with no
  // first response yet but a breached SLA.
  const edge = await h.db.query(
    `SELECT t.id FROM tickets t JOIN organizations o ON o.id = t.org_id WHERE o.external_id = 'acme' ORDER BY t.number DESC LIMIT 4`,
  );
  const stamps = ['2026-01-01T00:00:00.000Z', '2026-02-03T04:05:06.001Z', '2025-12-31T23:59:59.999Z', '0999-06-15T12:00:00.500Z'];
  for (const [i, r] of edge.entries()) {
    await h.db.query(
      'UPDATE tickets SET updated_at = $2, first_response_due_at = $3, first_responded_at = NULL, resolved_at = NULL WHERE id = $1',
      [r.id, new Date(stamps[i]!), new Date('2000-01-01T00:00:00.000Z')],
    );
  }
  alice = await principal('acme', 'alice', ['member', 'admin', 'approver']);
  bob = await principal('acme', 'bob', ['member']);
  aliceToken = await h.token('acme', 'alice', ['member', 'admin', 'approver'], { name: alice.name, email: alice.email ?? undefined });
}, 120000);
afterAll(() => h?.close());

describe('ticket list JSON built by the database', () => {
  it('equals the JavaScript mapping for every sort, page by page (organization scope and own tickets)', async () => {
    for (const sort of SORTS) {
      expect(await walk(alice, { scope: 'organization', sort, limit: 25 })).toBeGreaterThanOrEqual(200);
      expect(await walk(alice, { scope: 'organization', sort, limit: 7 })).toBeGreaterThanOrEqual(200);
      await walk(alice, { sort, limit: 10 });
      await walk(bob, { sort, limit: 10 });
    }
  });

  it('equals the JavaScript mapping for every filter, q and limit', async () => {
    const filters: Query[] = [
      {},
      ...['open', 'pending', 'on_hold', 'solved', 'closed'].map((status) => ({ status }) as Query),
      ...['low', 'normal', 'high', 'urgent'].map((priority) => ({ priority }) as Query),
      { status: 'open', priority: 'urgent' },
      { q: 'export' },
      { q: '  CSV  ' },
      { q: '42' },
      { q: '#7' },
      { q: '100%' },
      { q: '_under_' },
      { q: 'backslash \\' },
      { q: 'Ünïcödé' },
      { q: 'no such ticket anywhere' },
      { limit: 1 },
      { limit: 100 },
    ];
    for (const f of filters) {
      for (const sort of SORTS) {
        await walk(alice, { scope: 'organization', limit: 30, ...f, sort });
        await walk(bob, { limit: 30, ...f, sort });
      }
      await walk(alice, { scope: 'organization', ...f });
    }
  });

  it('an empty page and the default limit', async () => {
    const empty = await listTicketsJson(h.db.forOrg(alice.orgId), alice, { scope: 'organization', q: 'no such ticket anywhere' });
    expect(empty).toBe('{"data":[],"next_cursor":null}');
    const first = JSON.parse(await listTicketsJson(h.db.forOrg(alice.orgId), alice, { scope: 'organization' }));
    expect(first.data).toHaveLength(25);
    expect(typeof first.next_cursor).toBe('string');
  });

  it('member/admin scope and bad cursors behave as before', async () => {
    await expect(listTicketsJson(h.db.forOrg(alice.orgId), bob, { scope: 'organization' })).rejects.toMatchObject({ status: 403 });
    await expect(listTicketsJson(h.db.forOrg(alice.orgId), alice, { scope: 'organization', cursor: 'garbage' })).rejects.toMatchObject({
      status: 400,
    });
    const bobs = JSON.parse(await listTicketsJson(h.db.forOrg(alice.orgId), bob, { limit: 100 }));
    expect(bobs.data.length).toBeGreaterThan(0);
    expect(bobs.data.every((t: { requester: { id: string } }) => t.requester.id === bob.contactId)).toBe(true);
  });

  it('the endpoint sends that text as its body, as application/json', async () => {
    for (const qs of ['?limit=25&scope=organization', '?scope=organization&sort=priority&status=open', '']) {
      const r = await fetch(`${h.url}/portal/v1/tickets${qs}`, { headers: { authorization: `Bearer ${aliceToken}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/json');
      const query = Object.fromEntries(new URLSearchParams(qs)) as Query;
      if (query.limit) query.limit = Number(query.limit);
      expect(await r.text()).toBe(JSON.stringify(toWire(await listTicketsMapped(h.db.forOrg(alice.orgId), alice, query))));
    }
  });

  it('the raw body is validated against the contract in tests', async () => {
    const [t] = await h.db.query(`SELECT id, status FROM tickets WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`, [
      alice.orgId,
    ]);
    await h.db.query(`UPDATE tickets SET status = 'not_a_status' WHERE id = $1`, [t!.id]);
    try {
      const r = await fetch(`${h.url}/portal/v1/tickets?scope=organization`, { headers: { authorization: `Bearer ${aliceToken}` } });
      expect(r.status).toBe(500);
    } finally {
      await h.db.query('UPDATE tickets SET status = $2 WHERE id = $1', [t!.id, t!.status]);
    }
  });

  it('the JSON kept on the rows follows every write: create, reply, actions, staff update, a renamed requester', async () => {
    const token = await h.token('acme', 'bob', ['member'], { name: 'Bob "renamed" \\ Brown' });
    const t = await h.api('/tickets', { token, body: { subject: 'Written "through" the API', body: 'x', priority: 'urgent' } });
    expect(t.status).toBe(201);
    const id = t.body.id as string;
    // Own tickets (the requester's name read once) and the organization's (joined per ticket).
    const check = async (what: string) => {
      const me = await principal('acme', 'bob', ['member']);
      const q = { limit: 100 };
      expect(await listTicketsJson(h.db.forOrg(alice.orgId), me, q), what).toBe(
        JSON.stringify(toWire(await listTicketsMapped(h.db.forOrg(alice.orgId), me, q))),
      );
      const org = { scope: 'organization', limit: 100 } as const;
      expect(await listTicketsJson(h.db.forOrg(alice.orgId), alice, org), `${what} (organization)`).toBe(
        JSON.stringify(toWire(await listTicketsMapped(h.db.forOrg(alice.orgId), alice, org))),
      );
      const page = JSON.parse(await listTicketsJson(h.db.forOrg(alice.orgId), me, q));
      return page.data.find((x: { id: string }) => x.id === id);
    };
    expect(await check('created')).toMatchObject({ subject: 'Written "through" the API', requester: { name: 'Bob "renamed" \\ Brown' } });
    expect((await h.staff(`/tickets/${id}/messages`, { body: { body: 'On it', agent_name: 'Sam' } })).status).toBe(201);
    expect(await check('agent reply')).toMatchObject({ status: 'pending', message_count: 2 });
    expect((await h.api(`/tickets/${id}/messages`, { token, body: { body: 'thanks' } })).status).toBe(201);
    expect(await check('contact reply')).toMatchObject({ status: 'open', message_count: 3 });
    for (const action of ['escalate', 'close', 'reopen']) {
      expect((await h.api(`/tickets/${id}/actions`, { token, body: { action } })).status).toBe(200);
      await check(action);
    }
    const patched = await h.staff(`/tickets/${id}`, {
      method: 'PATCH',
      body: { status: 'solved', priority: 'low', assignee_name: 'Sam', tags: ['x"y'] },
    });
    expect(patched.status).toBe(200);
    expect(await check('staff update')).toMatchObject({
      status: 'solved',
      priority: 'low',
      assignee_name: 'Sam',
      tags: ['x"y'],
      escalated: true,
    });
    const renamed = await h.staff('/orgs/acme/contacts', { body: { external_id: 'bob', name: 'Bob \u2028 "again"' } });
    expect(renamed.status).toBe(200);
    expect(await check('renamed by the staff API')).toMatchObject({ requester: { name: 'Bob \u2028 "again"' } });
  });
});
