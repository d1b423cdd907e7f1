// The notification centre (issue 13): categories, archive, one-statement "mark all read", the
// unread count, preferences honoured when notifying, the profile and its configuration, events
// only their contact sees, and the staff endpoints the host's mailer reads. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsAfter, visibleTo } from '../src/events.js';
import { seed } from '../src/seed.js';
import { type Fixture, type Harness, harness, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

const acmeId = async () => (await h.db.query("SELECT id FROM organizations WHERE external_id = 'acme'"))[0]!.id as string;
const contactId = async (ext: string) =>
  (
    await h.db.query(
      "SELECT c.id FROM contacts c JOIN organizations o ON o.id = c.org_id WHERE o.external_id = 'acme' AND c.external_id = $1",
      [ext],
    )
  )[0]!.id as string;
const notify = (contact: string, kind: string, title = `${kind} for ${contact}`) =>
  h.staff('/notifications', { body: { org: 'acme', contact, kind, title, body: 'Body', link: '/support' } });
const unread = async (token: string) => (await h.api('/notifications/summary', { token })).body.unread as number;

describe('the feed', () => {
  it('lists by category and unread, carries each category, and leaves archived ones out unless asked', async () => {
    for (const kind of ['ticket_reply', 'invoice_issued', 'deliverable_version', 'announcement'])
      expect((await notify('carol', kind)).status).toBe(201);
    const all = await h.api('/notifications', { token: fx.tokens.carol });
    expect(all.status).toBe(200);
    expect(new Set(all.body.data.map((n: { category: string }) => n.category))).toEqual(
      new Set(['tickets', 'billing', 'projects', 'announcements']),
    );
    const billing = await h.api('/notifications?category=billing', { token: fx.tokens.carol });
    // (carol is an admin: the fixture's invoice notified her too.)
    expect(billing.body.data.length).toBeGreaterThan(0);
    expect(billing.body.data.every((n: { kind: string }) => n.kind === 'invoice_issued')).toBe(true);
    const target = all.body.data[0];
    const archived = await h.api(`/notifications/${target.id}/archive`, { token: fx.tokens.carol, method: 'POST' });
    expect(archived.status).toBe(200);
    expect(archived.body.archived_at).not.toBeNull();
    expect(archived.body.read_at).not.toBeNull();
    const after = await h.api('/notifications', { token: fx.tokens.carol });
    expect(after.body.data.map((n: { id: string }) => n.id)).not.toContain(target.id);
    const shelf = await h.api('/notifications?archived=true', { token: fx.tokens.carol });
    expect(shelf.body.data.map((n: { id: string }) => n.id)).toEqual([target.id]);
  });

  it('the unread count follows read, archive and read-all, and counts only the caller’s own', async () => {
    const before = await unread(fx.tokens.bob);
    await notify('bob', 'ticket_status');
    await notify('bob', 'announcement');
    expect(await unread(fx.tokens.bob)).toBe(before + 2);
    const [first] = (await h.api('/notifications?unread=true', { token: fx.tokens.bob })).body.data;
    expect((await h.api(`/notifications/${first.id}/read`, { token: fx.tokens.bob, method: 'POST' })).status).toBe(200);
    expect(await unread(fx.tokens.bob)).toBe(before + 1);
    // Another contact of the same organization, even an admin, cannot touch it.
    expect((await h.api(`/notifications/${first.id}/archive`, { token: fx.tokens.alice, method: 'POST' })).status).toBe(404);
    expect((await h.api('/notifications', { token: fx.tokens.alice })).text).not.toContain(first.id);
    const all = await h.api('/notifications/read-all', { token: fx.tokens.bob, method: 'POST' });
    expect(all.body.updated).toBe(before + 1);
    expect(await unread(fx.tokens.bob)).toBe(0);
  });

  it('read-all marks every unread notification in one statement, with no cap (1 200 here), and one category only when named', async () => {
    const org = await acmeId();
    const dave = await h.token('acme', 'dave', ['member'], { name: 'Dave Doe' });
    await h.api('/me', { token: dave });
    const id = await contactId('dave');
    const rows = Array.from({ length: 1200 }, (_, i) => [`ntf_bulk_${i}`, org, id, i % 2 ? 'ticket_reply' : 'announcement']);
    await h.db.query(
      `INSERT INTO notifications (id, org_id, contact_id, kind, title, body, created_at)
       SELECT i, o, c, k, 'Bulk', 'Body', now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(i, o, c, k)`,
      [0, 1, 2, 3].map((k) => rows.map((r) => r[k])),
    );
    expect(await unread(dave)).toBe(1200);
    const tickets = await h.api('/notifications/read-all?category=tickets', { token: dave, method: 'POST' });
    expect(tickets.body).toEqual({ updated: 600 });
    expect(await unread(dave)).toBe(600);
    const rest = await h.api('/notifications/read-all', { token: dave, method: 'POST' });
    expect(rest.body).toEqual({ updated: 600 });
    expect(await unread(dave)).toBe(0);
    expect((await h.api('/notifications/read-all', { token: dave, method: 'POST' })).body).toEqual({ updated: 0 });
  });

  it('events of a contact’s notifications reach only that contact, not the organization’s admins', async () => {
    const org = await acmeId();
    await h.db.query('SELECT number_events($1)', [org]); // what earlier tests wrote is numbered: the head is after it
    const head = Number((await h.db.query('SELECT event_seq FROM organizations WHERE id = $1', [org]))[0]!.event_seq);
    await notify('bob', 'ticket_reply');
    const [n] = (await h.api('/notifications?unread=true', { token: fx.tokens.bob })).body.data;
    await h.api(`/notifications/${n.id}/read`, { token: fx.tokens.bob, method: 'POST' });
    await h.api('/notifications/read-all', { token: fx.tokens.bob, method: 'POST' });
    await notify('bob', 'ticket_reply');
    await h.api('/notifications/read-all', { token: fx.tokens.bob, method: 'POST' });
    await h.db.query('SELECT number_events($1)', [org]); // as a reader does after COMMIT (migration 070)
    const log = await eventsAfter(h.db.forOrg(org), head);
    const bobViewer = { contactId: await contactId('bob'), admin: false };
    const bob = log.filter((e) => visibleTo(bobViewer, e));
    expect(bob.map((e) => e.type)).toEqual([
      'notification.created',
      'notification.updated',
      'notification.created',
      'notification.read_all',
    ]);
    const aliceViewer = { contactId: await contactId('alice'), admin: true };
    expect(log.filter((e) => visibleTo(aliceViewer, e))).toEqual([]);
  });
});

describe('preferences', () => {
  it('start all on, change per category and channel, and switch off in-portal notifications of a category', async () => {
    const p = await h.api('/notifications/preferences', { token: fx.tokens.bob });
    expect(p.body.categories).toEqual(
      ['tickets', 'billing', 'projects', 'announcements'].map((category) => ({ category, in_portal: true, email: true })),
    );
    const set = await h.api('/notifications/preferences', {
      token: fx.tokens.bob,
      body: {
        switches: [
          { category: 'tickets', channel: 'inPortal', enabled: false },
          { category: 'announcements', channel: 'email', enabled: false },
        ],
      },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.categories[0]).toEqual({ category: 'tickets', in_portal: false, email: true });
    expect(set.body.categories[3]).toEqual({ category: 'announcements', in_portal: true, email: false });
    // The host's mailer reads them through the staff API.
    const staff = await h.staff('/orgs/acme/contacts/bob/notification-preferences');
    expect(staff.body).toEqual(set.body);
    // In-portal off: no ticket notification is created for bob; others still are.
    expect((await notify('bob', 'ticket_reply')).body).toEqual({ created: 0 });
    expect((await notify('bob', 'announcement')).body).toEqual({ created: 1 });
    // Staff writes them too, and they are the contact's own: alice's are untouched.
    const patched = await h.staff('/orgs/acme/contacts/bob/notification-preferences', {
      method: 'PATCH',
      body: { switches: [{ category: 'tickets', channel: 'inPortal', enabled: true }] },
    });
    expect(patched.body.categories[0]).toEqual({ category: 'tickets', in_portal: true, email: true });
    const alice = await h.api('/notifications/preferences', { token: fx.tokens.alice });
    expect(alice.body.categories.every((c: { in_portal: boolean; email: boolean }) => c.in_portal && c.email)).toBe(true);
    expect((await h.staff('/orgs/acme/contacts/nobody/notification-preferences')).status).toBe(404);
    expect((await h.staff('/orgs/globex/contacts/bob/notification-preferences')).status).toBe(404);
  });
});

describe('profile', () => {
  it('shows the token’s name and email and the stored language and time zone, and changes what the server allows', async () => {
    const p = await h.api('/profile', { token: fx.tokens.alice });
    expect(p.body).toEqual({
      name: 'Alice Anders',
      email: 'alice@acme.example',
      language: null,
      time_zone: null,
      editable: ['language', 'timeZone'],
      manage_url: null,
    });
    const u = await h.api('/profile', { token: fx.tokens.alice, body: { language: 'de-AT', time_zone: 'Europe/Vienna' } });
    expect(u.status).toBe(200);
    expect(u.body).toMatchObject({ language: 'de-AT', time_zone: 'Europe/Vienna' });
    // Only the named field changes; null clears it.
    const cleared = await h.api('/profile', { token: fx.tokens.alice, body: { language: null } });
    expect(cleared.body).toMatchObject({ language: null, time_zone: 'Europe/Vienna' });
    const bad = await h.api('/profile', { token: fx.tokens.alice, body: { time_zone: 'Mars/Olympus_Mons' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('time_zone');
    // Bob's profile is his own.
    expect((await h.api('/profile', { token: fx.tokens.bob })).body).toMatchObject({ name: 'Bob Brown', time_zone: null });
    expect((await h.staff('/orgs/acme/contacts/alice/profile')).body.time_zone).toBe('Europe/Vienna');
  });
});

describe('profile managed by the host (PORTICO_PROFILE_EDITABLE empty, PORTICO_PROFILE_URL set)', () => {
  let managed: Harness;
  beforeAll(async () => {
    managed = await harness({ profileEditable: [], profileManageUrl: 'https://host.example/account' });
  });
  afterAll(() => managed?.close());

  it('is read-only with the host’s link, refuses changes with 403, and the staff API still writes it', async () => {
    const t = await managed.token('acme', 'erin', ['member'], { name: 'Erin Ek' });
    const p = await managed.api('/profile', { token: t });
    expect(p.body).toMatchObject({ editable: [], manage_url: 'https://host.example/account' });
    const refused = await managed.api('/profile', { token: t, body: { language: 'de' } });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('https://host.example/account');
    const staff = await managed.staff('/orgs/acme/contacts/erin/profile', { method: 'PATCH', body: { language: 'de' } });
    expect(staff.status).toBe(200);
    expect((await managed.api('/profile', { token: t })).body.language).toBe('de');
  });
});

describe('seed', () => {
  it('gives a contact of the demo data notifications of every category, unread ones among them, with links to the host’s pages', async () => {
    await seed(h.db, { filesDir: h.filesDir });
    const alice = await h.token('acme', 'alice', ['member', 'admin', 'approver']);
    const all = await h.api('/notifications?limit=100', { token: alice });
    const cats = (rows: Array<{ category: string }>) => new Set(rows.map((n) => n.category));
    expect(cats(all.body.data)).toEqual(new Set(['tickets', 'billing', 'projects', 'announcements']));
    const unread = await h.api('/notifications?unread=true&limit=100', { token: alice });
    expect(cats(unread.body.data)).toEqual(new Set(['tickets', 'billing', 'projects', 'announcements']));
    expect(all.body.data.some((n: { link: string | null }) => n.link?.startsWith('/support/tickets/'))).toBe(true);
    expect((await h.api('/notifications?archived=true', { token: alice })).body.data.length).toBeGreaterThan(0);
  });
});
