// The Zendesk connector (src/zendesk/) against an in-process fake of Zendesk (src/zendesk/fake.ts),
// over real HTTP through the portal, on PGlite and PostgreSQL (the contact ↔ Zendesk user mapping
// and the events are the server's own tables). No Zendesk account is reachable here: nothing below
// is a live test. The fake is written from Zendesk's published API reference; what the connector
// (and so the fake) relies on:
//
// Authentication: HTTP Basic `{email}/token:{api_token}`; an API token authenticates as any
//   verified user named by email, end users included. The agent (ZENDESK_EMAIL) reads
//   `GET /api/v2/users/{id}.json` → `user.{id,email,role}` ('end-user' | 'agent' | 'admin').
// Requests API ("a request is an end user's perspective on a ticket; end users can only see public
//   comments"), called as the mapped end user:
//   - `GET /api/v2/requests.json` and `GET /api/v2/organizations/{id}/requests.json` with
//     `page[size]`, `page[after]` (cursor pagination: `meta.has_more`, `meta.after_cursor`,
//     `links.next`), `sort_by` (created_at|updated_at), `sort_order` (asc|desc), `status` (comma
//     list), `include=users` (sideloaded `users[].{id,name}`);
//   - `GET /api/v2/requests/search.json?query=` (offset pages: `page`, `per_page`, `next_page`);
//   - request fields: id, subject, status (new|open|pending|hold|solved|closed), priority
//     (low|normal|high|urgent|null), requester_id, assignee_id, can_be_solved_by_me, created_at,
//     updated_at;
//   - `GET /api/v2/requests/{id}/comments.json`: `comments[].{id,body,plain_body,public,author_id,
//     attachments,created_at}` and sideloaded `users[].{id,name,agent}`; with `per_page` the offset
//     envelope's `count`; `sort_order`; cursor pagination as above. A request that is not the
//     user's answers 404 (403 is treated the same);
//   - `POST /api/v2/requests.json` `{request:{subject,priority,comment:{body,uploads:[token]}}}` →
//     201 `{request}`; `PUT /api/v2/requests/{id}.json` `{request:{comment:{…}}}` or
//     `{request:{solved:true}}` → 200 `{request}`; 422 `{error,description}` on a refused change.
// Uploads API: `POST /api/v2/uploads.json?filename=` with the bytes as body and their Content-Type
//   → 201 `{upload:{token,attachment:{id,file_name,content_type,size,content_url}}}`; the token goes
//   into a comment's `uploads`.
// Help Center API: `GET /api/v2/help_center/{locale}/articles.json` (and `/sections/{id}/articles.json`)
//   with cursor pagination or `per_page` (offset: `count`, `next_page`), `sort_by=updated_at`,
//   `include=sections`; `GET …/{locale}/articles/{id}.json`; `GET …/{locale}/sections/{id}.json`;
//   `GET /api/v2/help_center/articles/search.json?query=&locale=&section=&per_page=` → `results[]`
//   with `snippet` (matches in `<em>`); article fields id, title, body (HTML), locale, draft,
//   user_segment_id (null = everyone), section_id, label_names, vote_sum, vote_count, updated_at.
//   Read as the agent, a Guide admin, who also sees drafts and restricted articles: the connector
//   filters them.
// Rate limits: 429 with `Retry-After` (seconds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileForm, PNG } from './helpers.js';
import { startZendeskTarget, type ZendeskTarget } from './zendesk-target.js';

let z: ZendeskTarget;
beforeAll(async () => {
  z = await startZendeskTarget({ retries: 2, maxWaitMs: 2000 });
}, 240_000);
afterAll(() => z?.env.close());

const api = (path: string, token: string, init: Parameters<ZendeskTarget['h']['api']>[1] = {}) => z.h.api(path, { token, ...init });

describe('zendesk: tickets through the Requests API', () => {
  it('an internal note never reaches the portal: not in messages, the ticket or the list — even when Zendesk sends it', async () => {
    const r = z.fake.addRequest({ requester_id: z.users.alice, subject: 'Invoice is wrong', body: 'The total is off.' });
    z.fake.addComment(r.id, { author_id: 1, body: 'INTERNAL: customer is on the legacy plan, do not refund', public: false });
    z.fake.addComment(r.id, { author_id: 1, body: 'We have corrected the invoice.', public: true });
    const read = async () => [
      await api(`/tickets/${r.id}/messages`, z.env.alice),
      await api(`/tickets/${r.id}`, z.env.alice),
      await api('/tickets?limit=100', z.env.alice),
    ];
    for (const leak of [false, true]) {
      z.fake.leakInternalNotes = leak;
      const [msgs, ticket, list] = await read();
      expect(msgs!.status, msgs!.text).toBe(200);
      expect(msgs!.body.data.map((m: { body: string }) => m.body)).toEqual(['The total is off.', 'We have corrected the invoice.']);
      for (const res of [msgs!, ticket!, list!]) expect(res.text).not.toContain('INTERNAL');
      // The note really was there to leak: the fake sent it when told to.
      if (leak) expect(z.fake.log.at(-3)!.url).toContain('/comments.json');
    }
    z.fake.leakInternalNotes = false;
  });

  it("calls Zendesk as the contact's mapped end user, never as the agent, and an unmapped contact is refused (403)", async () => {
    z.fake.log.length = 0;
    expect((await api('/tickets', z.env.bob)).status).toBe(200);
    const asWhom = new Set(z.fake.log.filter((l) => l.url.startsWith('/api/v2/requests')).map((l) => l.as));
    expect([...asWhom]).toEqual(['bob@acme.example']);
    const carol = await z.h.token('acme', 'carol', ['member'], { name: 'Carol Chen' });
    const r = await api('/tickets', carol);
    expect(r.status, r.text).toBe(403);
    expect(r.body.code).toBe('forbidden');
  });

  it("maps Zendesk's statuses to Portico's (new → open, hold → on_hold) and filters by them", async () => {
    const mk = (status: 'new' | 'hold' | 'pending', subject: string) =>
      z.fake.addRequest({ requester_id: z.users.bob, subject, body: 'x', status });
    const n = mk('new', 'Status new');
    const h = mk('hold', 'Status hold');
    const p = mk('pending', 'Status pending');
    const get = async (id: number) => (await api(`/tickets/${id}`, z.env.bob)).body.status;
    expect([await get(n.id), await get(h.id), await get(p.id)]).toEqual(['open', 'on_hold', 'pending']);
    const onHold = await api('/tickets?status=on_hold&limit=100', z.env.bob);
    expect(onHold.body.data.map((t: { id: string }) => t.id)).toEqual([String(h.id)]);
    expect(z.fake.log.at(-2)!.url).toContain('status=hold');
  });

  it("cursor pagination passes Zendesk's after_cursor through as page[after]", async () => {
    for (let i = 0; i < 3; i++) z.fake.addRequest({ requester_id: z.users.alice, subject: `Paged ${i}`, body: 'x' });
    const first = await api('/tickets?limit=2', z.env.alice);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    z.fake.log.length = 0;
    const second = await api(`/tickets?limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`, z.env.alice);
    expect(second.status, second.text).toBe(200);
    const listCall = z.fake.log.find((l) => l.url.startsWith('/api/v2/requests.json'))!;
    expect(new URL(listCall.url, 'http://x').searchParams.get('page[after]')).toBe(first.body.next_cursor);
    expect(second.body.data.map((t: { id: string }) => t.id)).not.toContain(first.body.data[0].id);
  });

  it('a reply with an attachment goes through the Uploads API, then a comment naming its token', async () => {
    const r = z.fake.addRequest({ requester_id: z.users.alice, subject: 'Screenshot follows', body: 'x', status: 'pending' });
    const up = await api('/attachments', z.env.alice, { form: fileForm('error.png', PNG, 'image/png') });
    expect(up.status, up.text).toBe(201);
    const upload = z.fake.log.find((l) => l.url.startsWith('/api/v2/uploads.json'))!;
    expect(upload).toMatchObject({ method: 'POST', as: 'alice@acme.example', status: 201 });
    const reply = await api(`/tickets/${r.id}/messages`, z.env.alice, { body: { body: 'Here it is.', attachment_ids: [up.body.id] } });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.body.attachments).toEqual([
      expect.objectContaining({ file_name: 'error.png', media_type: 'image/png', size: PNG.length }),
    ]);
    const stored = z.fake.requests.find((x) => x.id === r.id)!.comments.at(-1)!;
    expect(stored).toMatchObject({ body: 'Here it is.', public: true, author_id: z.users.alice });
    expect(stored.attachments[0]!.file_name).toBe('error.png');
    // Replying reopened the pending request, and the portal says so.
    expect((await api(`/tickets/${r.id}`, z.env.alice)).body.status).toBe('open');
  });

  it("an admin's organization scope lists the Zendesk organization's requests; a member's is refused", async () => {
    const r = z.fake.addRequest({ requester_id: z.users.bob, subject: 'Org wide', body: 'x' });
    const org = await api('/tickets?scope=organization&limit=100', z.env.alice);
    expect(org.status, org.text).toBe(200);
    expect(org.body.data.map((t: { id: string }) => t.id)).toContain(String(r.id));
    expect(z.fake.log.some((l) => l.url.startsWith(`/api/v2/organizations/${z.zorg}/requests.json`))).toBe(true);
    expect((await api('/tickets?scope=organization', z.env.bob)).status).toBe(403);
  });

  it('a closed request takes no reply (409), and a reply to an unknown request is 404', async () => {
    const r = z.fake.addRequest({ requester_id: z.users.alice, subject: 'Old one', body: 'x', status: 'closed' });
    expect((await api(`/tickets/${r.id}/messages`, z.env.alice, { body: { body: 'again' } })).status).toBe(409);
    expect((await api('/tickets/999999/messages', z.env.alice, { body: { body: 'again' } })).status).toBe(404);
    expect((await api('/tickets/not-a-number', z.env.alice)).status).toBe(404);
  });
});

describe('zendesk: rate limits', () => {
  it('a 429 with Retry-After is waited out and retried: the portal gets its answer', async () => {
    z.fake.log.length = 0;
    z.fake.throttle(1, 1);
    const t0 = Date.now();
    const r = await api('/articles', z.env.bob);
    expect(r.status, r.text).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(z.fake.log.map((l) => l.status).slice(0, 2)).toEqual([429, 200]);
  });

  it('a Retry-After longer than the server waits itself goes to the portal: 503 unavailable with Retry-After, no blank', async () => {
    z.fake.throttle(1, 30);
    const r = await api('/articles', z.env.bob);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(r.body).toMatchObject({ code: 'unavailable', status: 503 });
    expect(r.body.detail).toMatch(/Zendesk/);
    z.fake.throttle(0, 0);
  });

  it('a 429 that persists past the retries ends in 503 unavailable', async () => {
    z.fake.throttle(10, 0);
    const r = await api('/tickets', z.env.bob);
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('unavailable');
    z.fake.throttle(0, 0);
  });
});

describe('zendesk: Help Center articles', () => {
  it('drafts and restricted (user segment) articles are never listed, found or read', async () => {
    const slugs = (r: { body: { data: { slug: string }[] } }) => r.body.data.map((a) => a.slug);
    const list = await api('/articles?limit=100', z.env.bob);
    expect(slugs(list)).toEqual(['115001-exporting-reports']);
    const search = await api('/articles/search?q=spreadsheet', z.env.bob);
    expect(search.body.data.map((h: { article: { slug: string } }) => h.article.slug)).toEqual(['115001-exporting-reports']);
    for (const a of [z.articles.draft, z.articles.restricted]) {
      expect((await api(`/articles/${a.id}-x`, z.env.bob)).status).toBe(404);
    }
    const home = await api('/knowledge-base', z.env.bob);
    expect(home.body.recent.map((a: { slug: string }) => a.slug)).toEqual(['115001-exporting-reports']);
    expect(home.body.article_count).toBe(1);
    expect(home.body.categories).toEqual([{ id: '360001', slug: '360001-reports', name: 'Reports', article_count: 1 }]);
    // The fake did send them (the agent sees drafts and restricted ones): the connector dropped them.
    expect(JSON.stringify(z.fake.articles.filter((a) => a.draft || a.user_segment_id))).toContain('Partner spreadsheet pricing');
  });

  it('an article is HTML for the sanitizer, without votes, with its section as category; search highlights come as segments', async () => {
    const a = await api('/articles/115001-exporting-reports', z.env.bob);
    expect(a.body).toMatchObject({
      title: 'Exporting reports',
      body_format: 'html',
      body: z.articles.published.body,
      summary: 'Export Open a report and choose Export as spreadsheet.',
      category: { id: '360001', name: 'Reports' },
      tags: ['export'],
      helpful_count: 4,
      not_helpful_count: 1,
      capabilities: { votes: false },
    });
    const s = await api('/articles/search?q=spreadsheet', z.env.bob);
    const snippet = s.body.data[0].snippet as { text: string; highlight: boolean }[];
    expect(snippet.filter((x) => x.highlight).map((x) => x.text)).toEqual(['spreadsheet']);
    expect(snippet.map((x) => x.text).join('')).not.toMatch(/<|>/);
  });

  it("the request's Accept-Language picks the Help Center locale", async () => {
    const de = await api('/articles', z.env.bob, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(de.body.data.map((a: { title: string; lang: string }) => [a.title, a.lang])).toEqual([['Berichte exportieren', 'de']]);
    const en = await api('/articles', z.env.bob, { headers: { 'accept-language': 'fr' } });
    expect(en.body.data.map((a: { lang: string }) => a.lang)).toEqual(['en-us']);
  });
});
