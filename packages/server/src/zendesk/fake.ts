/**
 * An in-process fake of the Zendesk endpoints the connector calls (node:http), written from
 * Zendesk's published API reference — not a recording, not a live account. What it relies on (and
 * so what the connector relies on) is listed in test/zendesk.test.ts's header. Used by the tests and
 * by the demo host (PORTICO_DEMO_CONNECTORS=zendesk); it holds its data in memory.
 *
 * Deliberate switches for tests: `throttle(n, seconds)` answers the next n calls 429 with
 * `Retry-After`; `leakInternalNotes` makes the Requests API's comments include non-public ones (as a
 * misconfigured proxy or an API change might), so the connector's own filter is tested too.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  cursorPage,
  type FakeArticle,
  type FakeAttachment,
  type FakeComment,
  type FakeRequest,
  type FakeUser,
  offsetPage,
  type ZendeskFake,
} from './fake-shapes.js';

export type { FakeArticle, FakeAttachment, FakeComment, FakeRequest, FakeSection, FakeUser, ZendeskFake } from './fake-shapes.js';

export async function startZendeskFake(opts: { port?: number; host?: string } = {}): Promise<ZendeskFake> {
  let nextId = 1000;
  const id = () => ++nextId;
  const apiToken = randomBytes(12).toString('hex');
  const uploads = new Map<string, FakeAttachment>();
  let throttled = 0;
  let retryAfter = 1;
  const now = () => new Date().toISOString();

  const fake: ZendeskFake = {
    url: '',
    apiToken,
    agentEmail: 'agent@support.example',
    users: [{ id: 1, name: 'Sam Agent', email: 'agent@support.example', role: 'admin', organization_id: null }],
    requests: [],
    articles: [],
    sections: [],
    log: [],
    leakInternalNotes: false,
    throttle(times, seconds) {
      throttled = times;
      retryAfter = seconds;
    },
    addUser(u) {
      const user = { ...u, id: u.id ?? id() };
      fake.users.push(user);
      return user;
    },
    addRequest(r) {
      const at = now();
      const requester = fake.users.find((u) => u.id === r.requester_id);
      const req: FakeRequest = {
        id: r.id ?? id(),
        subject: r.subject,
        status: r.status ?? 'new',
        priority: r.priority ?? null,
        requester_id: r.requester_id,
        organization_id: r.organization_id ?? requester?.organization_id ?? null,
        assignee_id: r.assignee_id ?? null,
        created_at: r.created_at ?? at,
        updated_at: r.updated_at ?? r.created_at ?? at,
        comments: [],
      };
      req.comments.push({ id: id(), author_id: r.requester_id, body: r.body, public: true, attachments: [], created_at: req.created_at });
      fake.requests.push(req);
      return req;
    },
    addComment(requestId, c) {
      const req = fake.requests.find((r) => r.id === requestId)!;
      const comment: FakeComment = {
        id: id(),
        author_id: c.author_id,
        body: c.body,
        public: c.public,
        attachments: [],
        created_at: (c.at ?? new Date()).toISOString(),
      };
      req.comments.push(comment);
      req.updated_at = comment.created_at;
      return comment;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };

  const userJson = (u: FakeUser) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    organization_id: u.organization_id,
    verified: true,
  });
  /** The Requests API's user sideload: no email, an `agent` flag. */
  const sideUser = (uid: number) => {
    const u = fake.users.find((x) => x.id === uid);
    return u ? { id: u.id, name: u.name, agent: u.role !== 'end-user', organization_id: u.organization_id, photo: null } : null;
  };
  const requestJson = (r: FakeRequest) => ({
    url: `${fake.url}/api/v2/requests/${r.id}.json`,
    id: r.id,
    status: r.status,
    priority: r.priority,
    type: null,
    subject: r.subject,
    description: r.comments[0]?.body ?? '',
    organization_id: r.organization_id,
    via: { channel: 'web' },
    requester_id: r.requester_id,
    assignee_id: r.assignee_id,
    collaborator_ids: [],
    email_cc_ids: [],
    can_be_solved_by_me: r.status !== 'solved' && r.status !== 'closed',
    solved: r.status === 'solved',
    is_public: true,
    created_at: r.created_at,
    updated_at: r.updated_at,
  });
  const commentJson = (r: FakeRequest, c: FakeComment) => ({
    url: `${fake.url}/api/v2/requests/${r.id}/comments/${c.id}.json`,
    id: c.id,
    type: 'Comment',
    request_id: r.id,
    body: c.body,
    html_body: `<div class="zd-comment"><p>${c.body.replace(/[<&]/g, (ch) => (ch === '<' ? '&lt;' : '&amp;'))}</p></div>`,
    plain_body: c.body,
    public: c.public,
    author_id: c.author_id,
    attachments: c.attachments,
    created_at: c.created_at,
  });
  const articleJson = (a: FakeArticle) => ({
    id: a.id,
    url: `${fake.url}/api/v2/help_center/${a.locale}/articles/${a.id}.json`,
    html_url: `${fake.url}/hc/${a.locale}/articles/${a.id}`,
    author_id: 1,
    comments_disabled: false,
    draft: a.draft,
    promoted: false,
    position: 0,
    vote_sum: a.vote_sum,
    vote_count: a.vote_count,
    section_id: a.section_id,
    created_at: a.created_at,
    updated_at: a.updated_at,
    edited_at: a.updated_at,
    title: a.title,
    source_locale: a.locale,
    locale: a.locale,
    outdated: false,
    label_names: a.label_names,
    body: a.body,
    user_segment_id: a.user_segment_id,
    permission_group_id: 1,
  });

  function sortRequests(list: FakeRequest[], q: URLSearchParams) {
    const by = q.get('sort_by') === 'updated_at' ? 'updated_at' : 'created_at';
    const dir = q.get('sort_order') === 'asc' ? 1 : -1;
    return [...list].sort((a, b) => dir * (a[by].localeCompare(b[by]) || a.id - b.id));
  }
  const byStatus = (list: FakeRequest[], q: URLSearchParams) => {
    const s = q.get('status');
    return s ? list.filter((r) => s.split(',').includes(r.status)) : list;
  };

  async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  function attachUploads(tokens: unknown): FakeAttachment[] | null {
    if (tokens == null) return [];
    if (!Array.isArray(tokens)) return null;
    const out: FakeAttachment[] = [];
    for (const t of tokens) {
      const a = uploads.get(String(t));
      if (!a) return null;
      out.push(a);
      uploads.delete(String(t));
    }
    return out;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<[number, unknown, Record<string, string>?]> {
    if (throttled > 0) {
      throttled--;
      return [429, { error: 'APIRateLimitExceeded', description: 'Rate limit exceeded' }, { 'Retry-After': String(retryAfter) }];
    }
    const url = new URL(req.url ?? '/', fake.url);
    const q = url.searchParams;
    const p = url.pathname;
    // Authentication: `{email}/token:{api_token}`; the API token authenticates as any user by email.
    const auth = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [who, token] = auth ? Buffer.from(auth, 'base64').toString().split('/token:') : [];
    const me = fake.users.find((u) => u.email === who);
    (res as http.ServerResponse & { as?: string }).as = who;
    if (!me || token !== apiToken) return [401, { error: "Couldn't authenticate you" }];
    const isAgent = me.role !== 'end-user';
    let m = [] as unknown as RegExpExecArray;
    /** Whether the path matches `re` (its groups in `m`). */
    const at = (re: RegExp) => {
      const hit = re.exec(p);
      if (hit) m = hit;
      return hit !== null;
    };

    if (req.method === 'GET' && at(/^\/api\/v2\/users\/(\d+)\.json$/)) {
      if (!isAgent && Number(m[1]) !== me.id) return [403, { error: 'Forbidden' }];
      const u = fake.users.find((x) => x.id === Number(m[1]));
      return u ? [200, { user: userJson(u) }] : [404, { error: 'RecordNotFound', description: 'Not found' }];
    }

    // ---- Requests API (an end user's view; agents are treated as end users too)
    // Organizations are "shared": an end user sees their organization's requests too (Zendesk's
    // per-organization setting), so the connector's own member/admin check is what keeps them apart.
    const visibleTo = (r: FakeRequest) =>
      r.requester_id === me.id || (r.organization_id != null && r.organization_id === me.organization_id);
    const ownOnly = (r: FakeRequest) => r.requester_id === me.id;
    const withUsers = (reqs: FakeRequest[]) =>
      q.get('include')?.split(',').includes('users')
        ? {
            users: [...new Set(reqs.flatMap((r) => [r.requester_id, r.assignee_id].filter((x): x is number => x != null)))]
              .map(sideUser)
              .filter(Boolean),
          }
        : {};
    if (req.method === 'GET' && (p === '/api/v2/requests.json' || at(/^\/api\/v2\/organizations\/(\d+)\/requests\.json$/))) {
      const org = p === '/api/v2/requests.json' ? null : Number(m[1]);
      if (org != null && me.organization_id !== org) return [403, { error: 'Forbidden' }];
      const list = sortRequests(
        byStatus(
          fake.requests.filter((r) => (org != null ? r.organization_id === org : ownOnly(r))),
          q,
        ),
        q,
      );
      if (q.has('page[size]')) {
        const pg = cursorPage(list, q, url);
        if (!pg) return [400, { error: 'InvalidPaginationParameter' }];
        return [200, { requests: pg.slice.map(requestJson), ...withUsers(pg.slice), meta: pg.meta, links: pg.links }];
      }
      const pg = offsetPage(list, q, url);
      return [
        200,
        { requests: pg.slice.map(requestJson), ...withUsers(pg.slice), count: pg.count, next_page: pg.next_page, previous_page: null },
      ];
    }
    if (req.method === 'GET' && p === '/api/v2/requests/search.json') {
      const words = (q.get('query') ?? '').toLowerCase();
      const list = byStatus(
        fake.requests.filter(
          (r) =>
            visibleTo(r) &&
            (r.subject.toLowerCase().includes(words) || r.comments.some((c) => c.public && c.body.toLowerCase().includes(words))),
        ),
        q,
      );
      const pg = offsetPage(sortRequests(list, q), q, url);
      return [
        200,
        { requests: pg.slice.map(requestJson), ...withUsers(pg.slice), count: pg.count, next_page: pg.next_page, previous_page: null },
      ];
    }
    if (at(/^\/api\/v2\/requests\/(\d+)(\/comments)?\.json$/)) {
      const r = fake.requests.find((x) => x.id === Number(m[1]));
      if (!r || !visibleTo(r)) return [404, { error: 'RecordNotFound', description: 'Not found' }];
      if (req.method === 'GET' && !m[2]) return [200, { request: requestJson(r), ...withUsers([r]) }];
      if (req.method === 'GET' && m[2]) {
        // End users see public comments only; `leakInternalNotes` breaks that on purpose.
        let list = r.comments.filter((c) => c.public || fake.leakInternalNotes);
        if (q.get('sort_order') === 'desc') list = [...list].reverse();
        const users = [...new Set(list.map((c) => c.author_id))].map(sideUser).filter(Boolean);
        if (q.has('page[size]')) {
          const pg = cursorPage(list, q, url);
          if (!pg) return [400, { error: 'InvalidPaginationParameter' }];
          return [200, { comments: pg.slice.map((c) => commentJson(r, c)), users, organizations: [], meta: pg.meta, links: pg.links }];
        }
        const pg = offsetPage(list, q, url);
        return [
          200,
          {
            comments: pg.slice.map((c) => commentJson(r, c)),
            users,
            organizations: [],
            count: pg.count,
            next_page: pg.next_page,
            previous_page: null,
          },
        ];
      }
      if (req.method === 'PUT' && !m[2]) {
        const body = JSON.parse((await readBody(req)).toString() || '{}') as {
          request?: { comment?: { body?: string; uploads?: unknown }; solved?: boolean };
        };
        if (r.status === 'closed') return [422, { error: 'RecordInvalid', description: 'Closed tickets cannot be updated' }];
        const c = body.request?.comment;
        if (c) {
          if (!c.body?.trim()) return [422, { error: 'RecordInvalid', description: 'Comment body is blank' }];
          const atts = attachUploads(c.uploads);
          if (!atts) return [422, { error: 'RecordInvalid', description: 'Invalid upload token' }];
          fake.addComment(r.id, { author_id: me.id, body: c.body, public: true }).attachments.push(...atts);
          // An end user's comment reopens a pending or solved request.
          if (r.status !== 'new' && r.status !== 'hold') r.status = 'open';
        }
        if (body.request?.solved === true) r.status = 'solved';
        r.updated_at = now();
        return [200, { request: requestJson(r) }];
      }
    }
    if (req.method === 'POST' && p === '/api/v2/requests.json') {
      const body = JSON.parse((await readBody(req)).toString() || '{}') as {
        request?: { subject?: string; priority?: FakeRequest['priority']; comment?: { body?: string; uploads?: unknown } };
      };
      const r = body.request;
      if (!r?.comment?.body?.trim()) return [422, { error: 'RecordInvalid', description: 'Description: cannot be blank' }];
      const atts = attachUploads(r.comment.uploads);
      if (!atts) return [422, { error: 'RecordInvalid', description: 'Invalid upload token' }];
      const created = fake.addRequest({
        requester_id: me.id,
        subject: r.subject ?? r.comment.body.slice(0, 50),
        body: r.comment.body,
        priority: r.priority ?? null,
      });
      created.comments[0]!.attachments.push(...atts);
      return [201, { request: requestJson(created) }];
    }
    if (req.method === 'POST' && p === '/api/v2/uploads.json') {
      const name = q.get('filename');
      if (!name) return [400, { error: 'filename required' }];
      const bytes = await readBody(req);
      const a: FakeAttachment = {
        id: id(),
        file_name: name,
        content_type: req.headers['content-type'] ?? 'application/binary',
        size: bytes.length,
        content_url: `${fake.url}/attachments/token/${randomBytes(8).toString('hex')}/?name=${encodeURIComponent(name)}`,
      };
      const token = randomBytes(12).toString('base64url');
      uploads.set(token, a);
      return [201, { upload: { token, expires_at: new Date(Date.now() + 3600e3).toISOString(), attachments: [a], attachment: a } }];
    }

    // ---- Help Center (as the agent: drafts and restricted articles included, as for a Guide admin)
    const visibleArticle = (a: FakeArticle) => isAgent || (!a.draft && a.user_segment_id == null);
    const sideSections = (arts: FakeArticle[]) =>
      q.get('include')?.split(',').includes('sections')
        ? {
            sections: fake.sections
              .filter((s) => arts.some((a) => a.section_id === s.id))
              .map((s) => ({ id: s.id, name: s.name, locale: s.locale })),
          }
        : {};
    if (req.method === 'GET' && at(/^\/api\/v2\/help_center\/([\w-]+)\/(?:sections\/(\d+)\/)?articles\.json$/)) {
      const [, locale, section] = m;
      let list = fake.articles.filter((a) => a.locale === locale && visibleArticle(a) && (!section || a.section_id === Number(section)));
      const by = (q.get('sort_by') ?? 'position') as 'updated_at' | 'created_at' | 'title' | 'position';
      const dir = q.get('sort_order') === 'asc' ? 1 : -1;
      if (by !== 'position') list = [...list].sort((a, b) => dir * (String(a[by]).localeCompare(String(b[by])) || a.id - b.id));
      if (q.has('page[size]')) {
        const pg = cursorPage(list, q, url);
        if (!pg) return [400, { error: 'InvalidPaginationParameter' }];
        return [200, { articles: pg.slice.map(articleJson), ...sideSections(pg.slice), meta: pg.meta, links: pg.links }];
      }
      const pg = offsetPage(list, q, url);
      return [
        200,
        {
          articles: pg.slice.map(articleJson),
          ...sideSections(pg.slice),
          count: pg.count,
          next_page: pg.next_page,
          previous_page: null,
          page: pg.page,
          per_page: pg.per_page,
        },
      ];
    }
    if (req.method === 'GET' && at(/^\/api\/v2\/help_center\/([\w-]+)\/articles\/(\d+)\.json$/)) {
      const a = fake.articles.find((x) => x.id === Number(m[2]) && x.locale === m[1] && visibleArticle(x));
      return a ? [200, { article: articleJson(a) }] : [404, { error: 'RecordNotFound', description: 'Not found' }];
    }
    if (req.method === 'GET' && at(/^\/api\/v2\/help_center\/([\w-]+)\/sections\/(\d+)\.json$/)) {
      const s = fake.sections.find((x) => x.id === Number(m[2]));
      return s ? [200, { section: { id: s.id, name: s.name, locale: s.locale } }] : [404, { error: 'RecordNotFound' }];
    }
    if (req.method === 'GET' && p === '/api/v2/help_center/articles/search.json') {
      const query = (q.get('query') ?? '').toLowerCase();
      const words = query.split(/\s+/).filter(Boolean);
      const locale = q.get('locale') ?? 'en-us';
      const section = q.get('section');
      const list = fake.articles.filter(
        (a) =>
          a.locale === locale &&
          visibleArticle(a) &&
          (!section || a.section_id === Number(section)) &&
          words.some((w) => `${a.title} ${a.body}`.toLowerCase().includes(w)),
      );
      const pg = offsetPage(list, q, url);
      const snippet = (a: FakeArticle) => {
        const text = a.body
          .replace(/<[^>]*>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        return words.reduce(
          (s, w) => s.replace(new RegExp(`(${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'), '<em>$1</em>'),
          text.slice(0, 160),
        );
      };
      return [
        200,
        {
          results: pg.slice.map((a) => ({ ...articleJson(a), result_type: 'article', snippet: snippet(a) })),
          count: pg.count,
          next_page: pg.next_page,
          previous_page: null,
          page: pg.page,
          per_page: pg.per_page,
          page_count: Math.ceil(pg.count / pg.per_page),
        },
      ];
    }
    return [404, { error: 'InvalidEndpoint', description: 'Not found' }];
  }

  const server = http.createServer((req, res) => {
    handle(req, res).then(
      ([status, body, headers]) => {
        fake.log.push({
          method: req.method ?? '',
          url: req.url ?? '',
          as: (res as http.ServerResponse & { as?: string }).as ?? null,
          status,
        });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      },
      (err) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(err) }));
      },
    );
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
