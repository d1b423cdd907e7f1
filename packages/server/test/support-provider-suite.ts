// The support and knowledge-base provider suite: the same portal requests, over real HTTP, against
// a server whose tickets, attachments and articles come from one provider. Every provider passes it
// (test/support-providers.test.ts: the database provider and the Zendesk connector against its
// fake). What differs by design is asked of the target (how an agent replies, which article is
// published) and of the provider's capabilities (votes), never special-cased by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileForm, type Harness, PNG } from './helpers.js';

export interface SuiteEnv {
  h: Harness;
  /** Tokens of two contacts of one organization: alice (member, admin), bob (member). */
  alice: string;
  bob: string;
  /** An agent's public reply on a ticket, as the provider's back office would add it. */
  agentReply(ticketId: string, body: string): Promise<void>;
  /** A published article: its slug, a word of its body, and that its body has this text. */
  article: { slug: string; word: string; bodyText: string };
  close(): Promise<void>;
}

export function supportProviderSuite(name: string, start: () => Promise<SuiteEnv>) {
  describe(`support provider suite: ${name}`, () => {
    let env: SuiteEnv;
    /** The contacts' ids in Portico (`GET /me`), which tickets and messages name. */
    const ids = { alice: '', bob: '' };
    beforeAll(async () => {
      env = await start();
      ids.alice = (await env.h.api('/me', { token: env.alice })).body.id;
      ids.bob = (await env.h.api('/me', { token: env.bob })).body.id;
    }, 240_000);
    afterAll(() => env?.close());

    const create = async (token: string, subject: string, extra: Record<string, unknown> = {}) => {
      const r = await env.h.api('/tickets', { token, body: { subject, body: `First words of ${subject}`, ...extra } });
      expect(r.status, r.text).toBe(201);
      return r.body;
    };

    it('a new ticket reads back: subject, open, the contact as requester, one message that is theirs', async () => {
      const t = await create(env.alice, 'Cannot export the CSV');
      const got = await env.h.api(`/tickets/${t.id}`, { token: env.alice });
      expect(got.status, got.text).toBe(200);
      expect(got.body).toMatchObject({
        id: t.id,
        subject: 'Cannot export the CSV',
        status: 'open',
        requester: { id: ids.alice },
        message_count: 1,
      });
      const msgs = await env.h.api(`/tickets/${t.id}/messages`, { token: env.alice });
      expect(msgs.status, msgs.text).toBe(200);
      expect(msgs.body.data).toHaveLength(1);
      expect(msgs.body.data[0]).toMatchObject({ body: 'First words of Cannot export the CSV', author: { kind: 'contact', id: ids.alice } });
    });

    it("a contact's list holds their own tickets, not a colleague's; a colleague's ticket is 404 to a member", async () => {
      const mine = await create(env.alice, 'Alice only');
      const theirs = await create(env.bob, 'Bob only');
      const list = await env.h.api('/tickets?limit=100', { token: env.bob });
      expect(list.status, list.text).toBe(200);
      const ids = list.body.data.map((t: { id: string }) => t.id);
      expect(ids).toContain(theirs.id);
      expect(ids).not.toContain(mine.id);
      expect((await env.h.api(`/tickets/${mine.id}`, { token: env.bob })).status).toBe(404);
      expect((await env.h.api(`/tickets/${mine.id}/messages`, { token: env.bob })).status).toBe(404);
      expect((await env.h.api(`/tickets/${mine.id}/messages`, { token: env.bob, body: { body: 'not mine' } })).status).toBe(404);
    });

    it("a reply follows the first message, oldest first, as the contact's; an agent's public reply as the agent's", async () => {
      const t = await create(env.bob, 'Error 500 on login');
      await env.agentReply(t.id, 'We are looking into it.');
      const r = await env.h.api(`/tickets/${t.id}/messages`, { token: env.bob, body: { body: 'Thanks, still broken.' } });
      expect(r.status, r.text).toBe(201);
      expect(r.body).toMatchObject({ body: 'Thanks, still broken.', author: { kind: 'contact', id: ids.bob } });
      const msgs = await env.h.api(`/tickets/${t.id}/messages`, { token: env.bob });
      expect(msgs.body.data.map((m: { body: string; author: { kind: string } }) => [m.author.kind, m.body])).toEqual([
        ['contact', 'First words of Error 500 on login'],
        ['agent', 'We are looking into it.'],
        ['contact', 'Thanks, still broken.'],
      ]);
    });

    it('pages: limit 2 walks every ticket once, then the cursor ends', async () => {
      const created = [await create(env.bob, 'Page one'), await create(env.bob, 'Page two'), await create(env.bob, 'Page three')];
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const r = await env.h.api(`/tickets?limit=2${q}`, { token: env.bob });
        expect(r.status, r.text).toBe(200);
        expect(r.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...r.body.data.map((t: { id: string }) => t.id));
        cursor = r.body.next_cursor;
        pages++;
      } while (cursor && pages < 20);
      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
      for (const t of created) expect(seen).toContain(t.id);
      expect(pages).toBeGreaterThanOrEqual(2);
    });

    it("an attachment uploaded first travels with the new ticket's first message", async () => {
      const up = await env.h.api('/attachments', { token: env.alice, form: fileForm('screenshot.png', PNG, 'image/png') });
      expect(up.status, up.text).toBe(201);
      expect(up.body).toMatchObject({ file_name: 'screenshot.png', media_type: 'image/png' });
      const t = await create(env.alice, 'With a screenshot', { attachment_ids: [up.body.id] });
      const msgs = await env.h.api(`/tickets/${t.id}/messages`, { token: env.alice });
      expect(msgs.body.data[0].attachments).toHaveLength(1);
      expect(msgs.body.data[0].attachments[0]).toMatchObject({ file_name: 'screenshot.png', media_type: 'image/png', size: PNG.length });
    });

    it('closing a ticket takes it out of the open states', async () => {
      const t = await create(env.alice, 'Please close me');
      const r = await env.h.api(`/tickets/${t.id}/actions`, { token: env.alice, body: { action: 'close' } });
      expect(r.status, r.text).toBe(200);
      expect(['solved', 'closed']).toContain(r.body.status);
      expect(['solved', 'closed']).toContain((await env.h.api(`/tickets/${t.id}`, { token: env.alice })).body.status);
    });

    it('a published article is listed, read by its slug with its body, and found by a word of it', async () => {
      const list = await env.h.api('/articles?limit=100', { token: env.bob });
      expect(list.status, list.text).toBe(200);
      expect(list.body.data.map((a: { slug: string }) => a.slug)).toContain(env.article.slug);
      const a = await env.h.api(`/articles/${env.article.slug}`, { token: env.bob });
      expect(a.status, a.text).toBe(200);
      expect(a.body.body).toContain(env.article.bodyText);
      const s = await env.h.api(`/articles/search?q=${encodeURIComponent(env.article.word)}`, { token: env.bob });
      expect(s.status, s.text).toBe(200);
      expect(s.body.data.map((hit: { article: { slug: string } }) => hit.article.slug)).toContain(env.article.slug);
      const home = await env.h.api('/knowledge-base', { token: env.bob });
      expect(home.status, home.text).toBe(200);
      expect(home.body.recent.map((x: { slug: string }) => x.slug)).toContain(env.article.slug);
    });

    it('votes follow the capability the article carries: counted when taken, refused (409) when not', async () => {
      const a = await env.h.api(`/articles/${env.article.slug}`, { token: env.bob });
      expect(typeof a.body.capabilities?.votes).toBe('boolean');
      const v = await env.h.api(`/articles/${env.article.slug}/votes`, { token: env.bob, body: { helpful: true } });
      if (a.body.capabilities.votes) {
        expect(v.status, v.text).toBe(200);
        expect(v.body.helpful_count).toBe(a.body.helpful_count + 1);
      } else expect(v.status, v.text).toBe(409);
    });
  });
}
