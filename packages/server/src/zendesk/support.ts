/**
 * Tickets from Zendesk as the end user sees them: the Requests API, called as the Zendesk user
 * mapped to the signed-in contact (staff API: `zendesk`/`user`), so Zendesk itself limits the
 * answers to that user's requests and their public comments. A comment that is not `public` is
 * dropped here as well: an agent's internal note never reaches the portal, whatever Zendesk sends.
 */
import { type Attachment, MAX_ATTACHMENTS, type Page, type Ticket, type TicketMessage } from '@portico/contract';
import { externalIdOf } from '../connectors/accounts.js';
import type { ConnectorCache } from '../connectors/cache.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { appendEvents } from '../events.js';
import { isAdmin } from '../routes/common.js';
import { ACCEPTED_TYPES } from '../storage.js';
import type { SupportCtx, SupportProvider } from '../support/provider.js';
import type { ZendeskClient, ZendeskJson } from './client.js';
import { FROM_STATUS, mapAttachment, mapRequest, type ZRequest, type ZUser } from './map.js';

interface ZComment {
  id: number;
  body?: string;
  plain_body?: string;
  public: boolean;
  author_id: number;
  attachments?: ZendeskJson[];
  created_at: string;
}

const USER_TTL_MS = 300_000;
/** Cache keys of an organization's tickets all start so: a write or a webhook drops them together. */
export const TICKETS_KEY = 'zendesk:tickets';

export function zendeskSupport(client: ZendeskClient, opts: { cache?: ConnectorCache } = {}): SupportProvider {
  /** A read through the organization's cache (none: straight to Zendesk). */
  const cached = <T>(ctx: SupportCtx, key: string, load: () => Promise<T>): Promise<T> =>
    opts.cache ? opts.cache.get(ctx.db.orgId, `${TICKETS_KEY}:${ctx.principal.contactId}:${key}`, load) : load();
  /** After a write: the organization's cached tickets go, here and in every process. */
  const dropTickets = (ctx: SupportCtx) => opts.cache?.publish(ctx.db, ctx.db.orgId, [TICKETS_KEY]);
  /** Zendesk user id → email, looked up as the agent (end users only). */
  const emails = new Map<string, { email: string; at: number }>();

  async function identity(ctx: SupportCtx): Promise<{ userId: string; email: string }> {
    const userId = await externalIdOf(ctx.db, 'zendesk', 'user', ctx.principal.contactId);
    if (!userId) throw forbidden('Your account is not linked to the help desk yet; ask us to link it.');
    const hit = emails.get(userId);
    if (hit && Date.now() - hit.at < USER_TTL_MS) return { userId, email: hit.email };
    const { user } = await client.call<{ user: ZUser & { email?: string; role?: string } }>(
      undefined,
      'GET',
      `/api/v2/users/${encodeURIComponent(userId)}.json`,
      { what: 'help desk user' },
    );
    // Acting as an agent would reach more than the portal may show: only end users are acted for.
    if (!user.email || user.role !== 'end-user') throw forbidden('The linked help desk account is not an end user.');
    emails.set(userId, { email: user.email, at: Date.now() });
    return { userId, email: user.email };
  }

  const ticketId = (id: string) => {
    if (!/^\d{1,18}$/.test(id)) throw notFound('ticket');
    return id;
  };

  /** Public comments of a request: their number (offset pagination's `count`). */
  async function commentCount(email: string, id: number): Promise<number> {
    const r = await client.call<{ count?: number; comments: ZComment[] }>(email, 'GET', `/api/v2/requests/${id}/comments.json?per_page=1`, {
      what: 'ticket',
    });
    return r.count ?? r.comments.filter((c) => c.public === true).length;
  }

  async function getRequest(ctx: SupportCtx, id: string) {
    const me = await identity(ctx);
    const r = await client.call<{ request: ZRequest; users?: ZUser[] }>(
      me.email,
      'GET',
      `/api/v2/requests/${ticketId(id)}.json?include=users`,
      {
        what: 'ticket',
      },
    );
    // Zendesk may show an end user their organization's requests (a shared organization); in the
    // portal only admins see tickets that are not their own.
    if (String(r.request.requester_id) !== me.userId && !isAdmin(ctx.principal)) throw notFound('ticket');
    return { me, request: r.request, users: r.users ?? [] };
  }

  function mapMessage(ctx: SupportCtx, me: { userId: string }, ticket: string, c: ZComment, users: ZUser[]): TicketMessage {
    const author = users.find((u) => u.id === c.author_id);
    const mine = String(c.author_id) === me.userId;
    return {
      id: String(c.id),
      ticketId: ticket,
      author: mine
        ? { kind: 'contact', id: ctx.principal.contactId, name: ctx.principal.name }
        : { kind: author?.agent ? 'agent' : 'contact', id: `zendesk-user-${c.author_id}`, name: author?.name ?? '' },
      body: c.plain_body ?? c.body ?? '',
      bodyFormat: 'text',
      attachments: (c.attachments ?? []).map(mapAttachment),
      createdAt: new Date(c.created_at).toISOString(),
    };
  }

  const provider: SupportProvider = {
    name: 'zendesk',
    capabilities: { organizationScope: true, close: true, reopen: false, escalate: false, attachments: true },
    tickets: {
      async list(ctx, query) {
        const scope = query.scope ?? 'mine';
        if (scope === 'organization' && !isAdmin(ctx.principal)) throw forbidden("Only admins may list the organization's tickets.");
        const me = await identity(ctx);
        const limit = query.limit ?? 25;
        const sortName = query.sort ?? '-created_at';
        const sortBy = sortName.replace('-', '') === 'updated_at' ? 'updated_at' : 'created_at';
        const sortOrder = sortName.startsWith('-') ? 'desc' : 'asc';
        let requests: ZRequest[];
        let users: ZUser[];
        let nextCursor: string | null;
        if (query.q?.trim()) {
          // The Requests search has offset pages only: the cursor carries the page number.
          const page = query.cursor?.startsWith('p') ? Number(query.cursor.slice(1)) || 1 : 1;
          const params = new URLSearchParams({ query: query.q.trim(), per_page: String(limit), page: String(page), include: 'users' });
          if (query.status) params.set('status', FROM_STATUS[query.status]);
          const r = await client.call<{ requests: ZRequest[]; users?: ZUser[]; next_page?: string | null }>(
            me.email,
            'GET',
            `/api/v2/requests/search.json?${params}`,
          );
          ({ requests } = r);
          users = r.users ?? [];
          nextCursor = r.next_page ? `p${page + 1}` : null;
        } else {
          let path = '/api/v2/requests.json';
          if (scope === 'organization') {
            const org = await externalIdOf(ctx.db, 'zendesk', 'organization');
            if (!org) throw forbidden('The organization is not linked to the help desk yet.');
            path = `/api/v2/organizations/${encodeURIComponent(org)}/requests.json`;
          }
          const params = new URLSearchParams({ 'page[size]': String(limit), sort_by: sortBy, sort_order: sortOrder, include: 'users' });
          if (query.cursor) params.set('page[after]', query.cursor);
          if (query.status) params.set('status', FROM_STATUS[query.status]);
          const r = await client.call<{
            requests: ZRequest[];
            users?: ZUser[];
            meta?: { has_more?: boolean; after_cursor?: string | null };
          }>(me.email, 'GET', `${path}?${params}`);
          ({ requests } = r);
          users = r.users ?? [];
          nextCursor = r.meta?.has_more && r.meta.after_cursor ? r.meta.after_cursor : null;
        }
        if (query.priority) requests = requests.filter((r) => (r.priority ?? 'normal') === query.priority);
        const counts = await Promise.all(requests.map((r) => commentCount(me.email, r.id)));
        const data: Ticket[] = requests.map((r, i) => mapRequest(r, users, me.userId, ctx.principal, counts[i]!));
        return { data, nextCursor } satisfies Page<Ticket>;
      },

      async get(ctx, id) {
        const { me, request, users } = await getRequest(ctx, id);
        return mapRequest(request, users, me.userId, ctx.principal, await commentCount(me.email, request.id));
      },

      async create(ctx, input) {
        const me = await identity(ctx);
        const { request } = await client.call<{ request: ZRequest }>(me.email, 'POST', '/api/v2/requests.json', {
          json: {
            request: {
              subject: input.subject,
              priority: input.priority ?? 'normal',
              comment: { body: input.body, ...(input.attachmentIds?.length ? { uploads: input.attachmentIds } : {}) },
            },
          },
        });
        const ticket = mapRequest(request, [], me.userId, ctx.principal, 1);
        await appendEvents(ctx.db, [{ type: 'ticket.created', kind: 'ticket', id: ticket.id, contactId: ctx.principal.contactId }]);
        return ticket;
      },

      async messages(ctx, id, page) {
        const { me } = await getRequest(ctx, id);
        const params = new URLSearchParams({ 'page[size]': String(page.limit ?? 25), sort_order: 'asc' });
        if (page.cursor) params.set('page[after]', page.cursor);
        const r = await client.call<{ comments: ZComment[]; users?: ZUser[]; meta?: { has_more?: boolean; after_cursor?: string | null } }>(
          me.email,
          'GET',
          `/api/v2/requests/${ticketId(id)}/comments.json?${params}`,
          { what: 'ticket' },
        );
        return {
          // Never an internal note: the Requests API sends none, and one that came anyway stops here.
          data: r.comments.filter((c) => c.public === true).map((c) => mapMessage(ctx, me, id, c, r.users ?? [])),
          nextCursor: r.meta?.has_more && r.meta.after_cursor ? r.meta.after_cursor : null,
        };
      },

      async reply(ctx, id, input) {
        const { me, request } = await getRequest(ctx, id);
        if (request.status === 'closed') throw conflict('conflict', 'This ticket is closed; open a new one.');
        await client.call(me.email, 'PUT', `/api/v2/requests/${request.id}.json`, {
          json: { request: { comment: { body: input.body, ...(input.attachmentIds?.length ? { uploads: input.attachmentIds } : {}) } } },
          what: 'ticket',
        });
        const r = await client.call<{ comments: ZComment[]; users?: ZUser[] }>(
          me.email,
          'GET',
          `/api/v2/requests/${request.id}/comments.json?sort_order=desc&per_page=5`,
          { what: 'ticket' },
        );
        const mine = r.comments.find((c) => c.public === true && String(c.author_id) === me.userId);
        if (!mine) throw notFound('reply');
        await appendEvents(ctx.db, [
          { type: 'ticket.message_added', kind: 'ticket', id: String(request.id), parentId: null, contactId: ctx.principal.contactId },
        ]);
        return mapMessage(ctx, me, String(request.id), mine, r.users ?? []);
      },

      async act(ctx, id, input) {
        const { me, request } = await getRequest(ctx, id);
        if (input.action !== 'close')
          throw conflict('conflict', 'The help desk takes no such action from the portal; reply to reopen a solved ticket.');
        if (request.status === 'closed' || request.status === 'solved') throw conflict('conflict', 'The ticket is already closed.');
        if (request.can_be_solved_by_me === false) throw conflict('conflict', 'The help desk does not let you close this ticket.');
        const r = await client.call<{ request: ZRequest }>(me.email, 'PUT', `/api/v2/requests/${request.id}.json`, {
          json: { request: { solved: true } },
          what: 'ticket',
        });
        await appendEvents(ctx.db, [
          { type: 'ticket.updated', kind: 'ticket', id: String(request.id), contactId: ctx.principal.contactId },
        ]);
        return mapRequest(r.request, [], me.userId, ctx.principal, await commentCount(me.email, request.id));
      },
    },
    attachments: {
      async upload(ctx, file): Promise<Attachment> {
        const me = await identity(ctx);
        const sha = (file as File & { sha256?: string }).sha256;
        const stored = sha ? await ctx.svc.storage.get(sha) : null;
        const bytes = stored ? Buffer.from(await new Response(stored.body).arrayBuffer()) : Buffer.from(await file.arrayBuffer());
        const mediaType = (file as File & { mediaType?: string }).mediaType ?? file.type;
        const { upload } = await client.call<{ upload: { token: string; attachment?: ZendeskJson } }>(
          me.email,
          'POST',
          `/api/v2/uploads.json?filename=${encodeURIComponent(file.name)}`,
          { body: bytes, contentType: mediaType || 'application/octet-stream' },
        );
        const a = upload.attachment ? mapAttachment(upload.attachment) : null;
        // The upload token is what a new ticket's or reply's `attachmentIds` name (Zendesk's `uploads`).
        return {
          id: upload.token,
          fileName: a?.fileName ?? file.name,
          mediaType: a?.mediaType ?? mediaType,
          size: a?.size ?? bytes.length,
          url: a?.url ?? null,
        };
      },
      async policy({ svc }) {
        return { maxBytes: svc.config.maxUploadBytes, maxFiles: MAX_ATTACHMENTS, acceptedTypes: [...ACCEPTED_TYPES] };
      },
    },
  };
  const t = provider.tickets;
  const write =
    <A extends unknown[], R>(fn: (ctx: SupportCtx, ...a: A) => Promise<R>) =>
    async (ctx: SupportCtx, ...a: A): Promise<R> => {
      const r = await fn(ctx, ...a);
      await dropTickets(ctx);
      return r;
    };
  return {
    ...provider,
    tickets: {
      list: (ctx, q) => cached(ctx, `list:${JSON.stringify(q)}`, () => t.list(ctx, q)),
      get: (ctx, id) => cached(ctx, `get:${id}`, () => t.get(ctx, id)),
      messages: (ctx, id, page) => cached(ctx, `messages:${id}:${JSON.stringify(page)}`, () => t.messages(ctx, id, page)),
      create: write(t.create),
      reply: write(t.reply),
      act: write(t.act),
    },
  };
}
