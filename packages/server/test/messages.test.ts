// Project messages (issue 14): one conversation per project, paged back in time, idempotent posts,
// each contact's read marker, staff posts, attachments, live events and tenancy.
import { describe, expect, it } from 'vitest';
import { type Fixture, fileForm, type Harness, useFixture } from './helpers.js';
import { openSse } from './sse.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

/** A project of acme with an empty conversation. */
async function freshProject(org = 'acme'): Promise<string> {
  const r = await h.staff('/projects', { body: { org, name: `Thread ${crypto.randomUUID()}` } });
  expect(r.status).toBe(201);
  return r.body.id;
}
const post = (token: string, project: string, body: Record<string, unknown>, key = crypto.randomUUID()) =>
  h.api(`/projects/${project}/messages`, { token, body, headers: { 'idempotency-key': key } });
const staffPost = (project: string, body: Record<string, unknown>) =>
  h.staff(`/projects/${project}/messages`, { body: { author_name: 'Dana Whitfield', ...body } });
const list = (token: string, project: string, q = '') => h.api(`/projects/${project}/messages${q}`, { token });
const readState = (token: string, project: string) => h.api(`/projects/${project}/messages/read`, { token });
const markRead = (token: string, project: string, messageId: string) =>
  h.api(`/projects/${project}/messages/read`, {
    token,
    body: { message_id: messageId },
    headers: { 'idempotency-key': crypto.randomUUID() },
  });

describe('project messages', () => {
  it('pages go back in time: the first page is the newest messages in reading order, next_cursor the older ones, and all pages together are every message once', async () => {
    const p = await freshProject();
    const sent: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = i % 2 ? await staffPost(p, { body: `staff ${i}` }) : await post(fx.tokens.alice, p, { body: `alice ${i}` });
      expect(r.status).toBe(201);
      sent.push(r.body.id);
    }
    const first = await list(fx.tokens.alice, p, '?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.data.map((m: { id: string }) => m.id)).toEqual(sent.slice(4));
    const second = await list(fx.tokens.alice, p, `?limit=3&cursor=${first.body.next_cursor}`);
    expect(second.body.data.map((m: { id: string }) => m.id)).toEqual(sent.slice(1, 4));
    const third = await list(fx.tokens.alice, p, `?limit=3&cursor=${second.body.next_cursor}`);
    expect(third.body.data.map((m: { id: string }) => m.id)).toEqual(sent.slice(0, 1));
    expect(third.body.next_cursor).toBeNull();
    expect(first.body.data[0]).toMatchObject({ author: { kind: 'contact', name: 'Alice Anders' }, body_format: 'markdown' });
    expect(first.body.data[1]).toMatchObject({ author: { kind: 'agent', name: 'Dana Whitfield' }, body: 'staff 5' });
  });

  it('a post retried with the same Idempotency-Key is stored once and answers the first response; another body with that key is 409', async () => {
    const p = await freshProject();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      post(fx.tokens.bob, p, { body: 'Hello **there**' }, key),
      post(fx.tokens.bob, p, { body: 'Hello **there**' }, key),
    ]);
    const c = await post(fx.tokens.bob, p, { body: 'Hello **there**' }, key);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    expect((await list(fx.tokens.bob, p)).body.data).toHaveLength(1);
    const other = await post(fx.tokens.bob, p, { body: 'Something else' }, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
  });

  it('read state is per contact: others’ messages after the marker are unread, one’s own never; the marker moves forward only', async () => {
    const p = await freshProject();
    const m1 = (await post(fx.tokens.alice, p, { body: 'one' })).body;
    const m2 = (await staffPost(p, { body: 'two' })).body;
    const m3 = (await staffPost(p, { body: 'three' })).body;
    // Alice wrote m1 (her marker is on it): two unread; Bob never read: three unread, from m1.
    expect((await readState(fx.tokens.alice, p)).body).toMatchObject({
      last_read_message_id: m1.id,
      unread_count: 2,
      first_unread_message_id: m2.id,
    });
    expect((await readState(fx.tokens.bob, p)).body).toMatchObject({
      last_read_message_id: null,
      unread_count: 3,
      first_unread_message_id: m1.id,
    });
    const r = await markRead(fx.tokens.bob, p, m3.id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ last_read_message_id: m3.id, unread_count: 0, first_unread_message_id: null });
    // Back to m2: refused silently (the marker stays on m3).
    expect((await markRead(fx.tokens.bob, p, m2.id)).body).toMatchObject({ last_read_message_id: m3.id, unread_count: 0 });
    // Alice's state did not move with Bob's.
    expect((await readState(fx.tokens.alice, p)).body.unread_count).toBe(2);
    // A message of another project is not a marker of this one.
    const other = await freshProject();
    const elsewhere = (await staffPost(other, { body: 'elsewhere' })).body;
    expect((await markRead(fx.tokens.bob, p, elsewhere.id)).status).toBe(404);
  });

  it('Markdown bodies are stored as written (sanitized where rendered, like ticket messages); an empty, over-long or NUL body is 400 naming the field', async () => {
    const p = await freshProject();
    const evil = '<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))';
    const r = await post(fx.tokens.alice, p, { body: evil });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ body: evil, body_format: 'markdown' });
    for (const body of ['   ', 'x'.repeat(20001), 'a\u0000b']) {
      const bad = await post(fx.tokens.alice, p, { body });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.errors)).toContain('body');
    }
    const noName = await h.staff(`/projects/${p}/messages`, { body: { body: 'x' } });
    expect(noName.status).toBe(400);
  });

  it('attachments: a contact attaches their own uploads (signed links back), not someone else’s; staff attach staff uploads', async () => {
    const p = await freshProject();
    const up = await h.api('/attachments', { token: fx.tokens.alice, form: fileForm('brief.txt', Buffer.from('brief\n'), 'text/plain') });
    expect(up.status).toBe(201);
    const stolen = await post(fx.tokens.bob, p, { body: 'mine now', attachment_ids: [up.body.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].path).toBe('attachment_ids.0');
    const ok = await post(fx.tokens.alice, p, { body: 'see attached', attachment_ids: [up.body.id] });
    expect(ok.status).toBe(201);
    expect(ok.body.attachments).toMatchObject([{ id: up.body.id, file_name: 'brief.txt', media_type: 'text/plain', size: 6 }]);
    const dl = await fetch(ok.body.attachments[0].url);
    expect(dl.status).toBe(200);
    expect(await dl.text()).toBe('brief\n');
    const staffFile = await h.staff('/orgs/acme/files', { form: fileForm('plan.txt', Buffer.from('plan\n'), 'text/plain') });
    const s = await staffPost(p, { body: 'plan attached', attachment_ids: [staffFile.body.id] });
    expect(s.status).toBe(201);
    expect(s.body.attachments[0].file_name).toBe('plan.txt');
    const page = (await list(fx.tokens.bob, p)).body.data;
    expect(page.map((m: { attachments: unknown[] }) => m.attachments.length)).toEqual([1, 1]);
  });

  it('tenancy: another organization’s project is 404 for every endpoint, and its messages never show', async () => {
    const acme = await freshProject('acme');
    await post(fx.tokens.alice, acme, { body: 'acme only' });
    const g = fx.tokens.gina;
    expect((await list(g, acme)).status).toBe(404);
    expect((await post(g, acme, { body: 'intrude' })).status).toBe(404);
    expect((await readState(g, acme)).status).toBe(404);
    const [row] = await h.db.query('SELECT id FROM project_messages WHERE project_id = $1', [acme]);
    expect((await markRead(g, acme, row!.id)).status).toBe(404);
    expect((await list(fx.tokens.alice, acme)).body.data).toHaveLength(1);
    expect((await h.staff('/projects/prj_nope/messages', { body: { author_name: 'X', body: 'x' } })).status).toBe(404);
  });

  it('live: a post (portal or staff) streams project.message_added to the organization; a read streams project.messages_read to its contact only', async () => {
    const p = await freshProject();
    const alice = await openSse(h.url, fx.tokens.alice);
    const bob = await openSse(h.url, fx.tokens.bob);
    const gina = await openSse(h.url, fx.tokens.gina);
    try {
      const m = (await staffPost(p, { body: 'live' })).body;
      await alice.waitFor(1);
      await bob.waitFor(1);
      expect(alice.events[0]!.data).toMatchObject({
        type: 'project.message_added',
        resource: { kind: 'project_message', id: m.id, parent_id: p },
      });
      await markRead(fx.tokens.bob, p, m.id);
      await bob.waitFor(2);
      expect(bob.events[1]!.data).toMatchObject({ type: 'project.messages_read', resource: { id: m.id, parent_id: p } });
      await post(fx.tokens.alice, p, { body: 'after' });
      await alice.waitFor(2);
      expect(alice.events.map((e) => e.data.type)).toEqual(['project.message_added', 'project.message_added']);
      expect(gina.events).toHaveLength(0);
    } finally {
      alice.close();
      bob.close();
      gina.close();
    }
  });
});
