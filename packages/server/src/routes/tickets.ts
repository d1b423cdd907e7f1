import { DEFAULT_LIMIT, type Ticket, type TicketMessage } from '@portico/contract';
import type { Principal } from '../auth.js';
import type { PortalHandlers } from '../context.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { conflict, forbidden, notFound, validationFailed } from '../errors.js';
import { appendEvents } from '../events.js';
import { isoReq, newId } from '../ids.js';
import { type Disposition, PREVIEWABLE } from '../storage.js';
import { RawJson } from '../wire.js';
import { decodeCursor, encodeCursor, isAdmin, listPage, num, type Sort, where } from './common.js';
import { notifyContacts } from './notifications.js';
import { mapTicket, TICKET_SELECT, ticketJsonSql } from './ticket-serializer.js';

export const PRIORITY_RANK = { low: 1, normal: 2, high: 3, urgent: 4 } as const;
/** SLA targets per priority, hours: first response, resolution. */
export const SLA_HOURS = { low: [24, 168], normal: [8, 72], high: [4, 24], urgent: [1, 8] } as const;

type FileUrl = (id: string, org: string, d: Disposition) => string;

export async function mapMessages(db: OrgDb, rows: Row[], fileUrl: FileUrl): Promise<TicketMessage[]> {
  const ids = rows.map((r) => r.id);
  const files = ids.length
    ? await db.query(
        'SELECT id, message_id, file_name, media_type, size FROM files WHERE message_id = ANY($1::text[]) ORDER BY created_at, id',
        [ids],
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    author: { kind: r.author_kind, id: r.author_id, name: r.author_name },
    body: r.body,
    bodyFormat: r.body_format,
    attachments: files
      .filter((f) => f.message_id === r.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: num(f.size),
        url: fileUrl(f.id, db.orgId, PREVIEWABLE.has(f.media_type) ? 'inline' : 'attachment'),
      })),
    createdAt: isoReq(r.created_at),
  }));
}

/** The ticket if the principal may see it (admins: the organization's; members: their own). */
export async function findTicket(db: OrgDb, p: Principal, id: string, lock = false): Promise<Row> {
  const [row] = await db.query(`${TICKET_SELECT} WHERE t.id = $1 AND ($2 OR t.requester_id = $3)${lock ? ' FOR UPDATE OF t' : ''}`, [
    id,
    isAdmin(p),
    p.contactId,
  ]);
  if (!row) throw notFound('ticket');
  return row;
}

export async function ticketById(db: OrgDb, id: string): Promise<Ticket> {
  const [row] = await db.query(`${TICKET_SELECT} WHERE t.id = $1`, [id]);
  if (!row) throw notFound('ticket');
  return mapTicket(row);
}

export interface NewMessage {
  ticketId: string;
  requesterId: string;
  author: { kind: 'contact' | 'agent'; id: string; name: string };
  body: string;
  bodyFormat: 'text' | 'markdown';
  attachmentIds?: string[];
  /** Who uploaded the attachments (a contact id, or 'staff'). */
  uploader: string;
  /** Also bumps updated_at, message_count, SLA first response; false for the opening message. */
  bump: boolean;
  at?: Date;
}

/** Adds a message (and attaches uploaded files) inside the caller's transaction. */
export async function addMessage(db: OrgDb, m: NewMessage): Promise<Row> {
  const id = newId('msg');
  const at = m.at ?? new Date();
  const [row] = await db.query(
    `INSERT INTO ticket_messages (id, ticket_id, author_kind, author_id, author_name, body, body_format, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
    [id, m.ticketId, m.author.kind, m.author.id, m.author.name, m.body, m.bodyFormat, at],
  );
  const ids = [...new Set(m.attachmentIds ?? [])];
  if (ids.length) {
    const attached = await db.query(
      'UPDATE files SET message_id = $1 WHERE id = ANY($2::text[]) AND uploaded_by = $3 AND message_id IS NULL RETURNING id',
      [id, ids, m.uploader],
    );
    if (attached.length !== ids.length) {
      const ok = new Set(attached.map((a) => a.id));
      throw validationFailed(
        (m.attachmentIds ?? []).flatMap((a, i) =>
          ok.has(a) ? [] : [{ path: `attachment_ids.${i}`, message: 'No such unattached upload of yours.' }],
        ),
      );
    }
  }
  if (m.bump) {
    await db.query(
      `UPDATE tickets SET message_count = message_count + 1, updated_at = $2,
         first_responded_at = CASE WHEN $3 = 'agent' THEN COALESCE(first_responded_at, $2) ELSE first_responded_at END,
         status = CASE WHEN $3 = 'agent' AND status IN ('open', 'on_hold') THEN 'pending'
                       WHEN $3 = 'contact' AND status IN ('pending', 'solved') THEN 'open' ELSE status END
       WHERE id = $1`,
      [m.ticketId, at, m.author.kind],
    );
    await appendEvents(db, [{ type: 'ticket.message_added', kind: 'ticket', id: m.ticketId, parentId: null, contactId: m.requesterId }]);
  }
  return row!;
}

const SORTS: Record<string, Omit<Sort, 'name' | 'dir'>> = {
  created_at: { expr: 't.created_at', cast: 'timestamptz' },
  updated_at: { expr: 't.updated_at', cast: 'timestamptz' },
  priority: { expr: 't.priority_rank', cast: 'smallint' },
  number: { expr: 't.number', cast: 'integer' },
};

export function sortOf(name: string, table: Record<string, Omit<Sort, 'name' | 'dir'>>): Sort {
  const desc = name.startsWith('-');
  const key = desc ? name.slice(1) : name;
  return { name, dir: desc ? 'desc' : 'asc', ...table[key]! };
}

type ListQuery = Parameters<PortalHandlers['tickets']['list']>[0]['query'];

/** WHERE clause, parameters and sort of a ticket list (scope, filters, `q`); shared by both list paths. */
function listFilter(p: Principal, query: ListQuery): { where: string; params: unknown[]; sort: Sort; requester?: string } {
  const scope = query.scope ?? 'mine';
  if (scope === 'organization' && !isAdmin(p)) throw forbidden("Only admins may list the organization's tickets.");
  const sort = sortOf(query.sort ?? '-created_at', SORTS);
  const params: unknown[] = [];
  const conds: string[] = [];
  let requester: string | undefined;
  if (scope === 'mine') {
    params.push(p.contactId);
    requester = `$${params.length}`;
    conds.push(`t.requester_id = ${requester}`);
  }
  if (query.status) {
    params.push(query.status);
    conds.push(`t.status = $${params.length}`);
  }
  if (query.priority) {
    params.push(query.priority);
    conds.push(`t.priority = $${params.length}`);
  }
  if (query.q?.trim()) {
    const q = query.q.trim();
    params.push(`%${q.replace(/[\\%_]/g, (ch: string) => `\\${ch}`)}%`);
    const n = /^#?\d{1,9}$/.test(q) ? Number(q.replace('#', '')) : null;
    params.push(n);
    conds.push(`(t.subject ILIKE $${params.length - 1} OR t.number = $${params.length}::integer)`);
  }
  return { where: where(conds), params, sort, requester };
}

/**
 * The ticket list as objects, mapped in JavaScript (`mapTicket`): the reference for
 * `listTicketsJson`, which must serialise to exactly the same bytes (test/tickets-json.test.ts).
 */
export async function listTicketsMapped(db: OrgDb, p: Principal, query: ListQuery) {
  const { where, params, sort } = listFilter(p, query);
  const sql = `${TICKET_SELECT.replace('SELECT ', `SELECT ${sort.expr} AS _sk, `)} WHERE ${where}`;
  return listPage(db, { sql, params, sort, idCol: 't.id' }, query, (rows) => rows.map(mapTicket));
}

/** SQL text of the ticket list per query shape, built once: same string, same prepared statement. */
const listSql = new Map<string, string>();
const MAX_LIST_SQL = 2000;

/**
 * The ticket list response body as JSON text, built by the database in one query returning one
 * row: the page's limit + 1 tickets in the sort order (`ticketJsonSql`, mostly texts kept on the
 * row), numbered in that order, the first `limit` of them joined into the `data` array, and the
 * sort key and id of ticket `limit` for the next cursor (only when ticket limit + 1 exists),
 * encoded by `encodeCursor` as on every other list. The server neither decodes the tickets nor
 * builds objects: it sends the text as it comes. One row rather than one per ticket: node-postgres
 * spends ≈ 3 µs on every row it receives, more than the database spends aggregating them.
 */
export async function listTicketsJson(db: OrgDb, p: Principal, query: ListQuery): Promise<string> {
  const { where, params, sort, requester } = listFilter(p, query);
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`bad limit ${limit}`);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, sort);
    params.push(value, id);
  }
  const key = `${sort.name} ${limit} ${query.cursor ? 1 : 0} ${where}`;
  let sql = listSql.get(key);
  if (sql === undefined) {
    let cond = where;
    if (query.cursor) {
      const op = sort.dir === 'desc' ? '<' : '>';
      cond += ` AND (${sort.expr}, t.id) ${op} ($${params.length - 1}::${sort.cast}, $${params.length}::text)`;
    }
    // Own tickets: one requester, whose name is read once (an InitPlan) rather than joined to each
    // ticket. Other scopes join contacts (a few names per organization, looked up per ticket).
    const from = requester ? 'tickets t' : 'tickets t JOIN contacts c ON c.id = t.requester_id';
    const name = requester ? `(SELECT to_json(c.name)::text FROM contacts c WHERE c.id = ${requester})` : 'to_json(c.name)::text';
    // string_agg without ORDER BY takes the rows in the order the numbered subquery gives them,
    // already sorted (ORDER BY … LIMIT, then a window over that order). PostgreSQL's documentation
    // gives a sorted subquery as the way to order an aggregate's input, as long as the outer level
    // adds no join that could reorder it; this one has none, and no grouping (one plain aggregate
    // above the window, evaluated serially). With ORDER BY rn here PostgreSQL 15 sorts the page's
    // texts once more (≈ 10 µs per list). test/tickets-json.test.ts checks the order of every sort.
    sql = `SELECT count(*)::int AS n,
      '[' || coalesce(string_agg(j, ',') FILTER (WHERE rn <= ${limit}), '') || ']' AS data,
      max(sk) FILTER (WHERE rn = ${limit}) AS sk, max(id) FILTER (WHERE rn = ${limit}) AS id
      FROM (SELECT row_number() OVER (ORDER BY sk ${sort.dir}, id ${sort.dir}) AS rn, sk, id, j
        FROM (SELECT ${sort.expr} AS sk, t.id, ${ticketJsonSql({ requesterName: name })} AS j
          FROM ${from}
          WHERE ${cond} ORDER BY ${sort.expr} ${sort.dir}, t.id ${sort.dir} LIMIT ${limit + 1}) page) numbered`;
    if (listSql.size < MAX_LIST_SQL) listSql.set(key, sql);
  }
  const [row] = await db.query<{ n: number; data: string; sk: unknown; id: string | null }>(sql, params);
  const cursor = row && row.n > limit && row.id != null ? encodeCursor(sort.name, row.sk, row.id) : null;
  // base64url needs no escaping inside a JSON string.
  return `{"data":${row?.data ?? '[]'},"next_cursor":${cursor === null ? 'null' : `"${cursor}"`}}`;
}

export const tickets: PortalHandlers['tickets'] = {
  async list({ db, principal, query }) {
    // The database sends the page's JSON (mostly stored on the rows); on PGlite too, where it is
    // about twice as fast as mapping the rows here.
    return new RawJson(await listTicketsJson(db, principal, query));
  },

  async get({ db, principal, params }) {
    return mapTicket(await findTicket(db, principal, params.id));
  },

  async create({ db, principal: p, body }) {
    // The number comes from the organization's counter in a statement that commits at once (on
    // PostgreSQL), not in this transaction: its row lock lasts that statement, not until this
    // creation's COMMIT, so an organization's creations no longer run one at a time. A creation
    // that fails after this leaves a gap in the numbers (numbers stay unique and increasing).
    const [org] = await db.autonomous<{ ticket_seq: number }>('UPDATE organizations SET ticket_seq = ticket_seq + 1 RETURNING ticket_seq');
    const priority = (body.priority ?? 'normal') as keyof typeof SLA_HOURS;
    const now = new Date();
    const [fr, res] = SLA_HOURS[priority];
    const id = newId('tkt');
    await db.query(
      `INSERT INTO tickets (id, number, subject, status, priority, priority_rank, requester_id, message_count,
         first_response_due_at, resolution_due_at, created_at, updated_at)
       VALUES ($1,$2,$3,'open',$4,$5,$6,1,$7,$8,$9,$9)`,
      [
        id,
        org!.ticket_seq,
        body.subject,
        priority,
        PRIORITY_RANK[priority],
        p.contactId,
        new Date(+now + fr * 3600e3),
        new Date(+now + res * 3600e3),
        now,
      ],
    );
    await addMessage(db, {
      ticketId: id,
      requesterId: p.contactId,
      author: { kind: 'contact', id: p.contactId, name: p.name },
      body: body.body,
      bodyFormat: 'text',
      attachmentIds: body.attachmentIds,
      uploader: p.contactId,
      bump: false,
      at: now,
    });
    await appendEvents(db, [{ type: 'ticket.created', kind: 'ticket', id, contactId: p.contactId }]);
    return ticketById(db, id);
  },

  async messages({ db, principal: p, params, query, fileUrl }) {
    await findTicket(db, p, params.id);
    const sort: Sort = { name: 'created_at', expr: 'm.created_at', cast: 'timestamptz', dir: 'asc' };
    const sql = 'SELECT m.*, m.created_at AS _sk FROM ticket_messages m WHERE m.ticket_id = $1';
    return listPage(db, { sql, params: [params.id], sort, idCol: 'm.id' }, query, (rows) => mapMessages(db, rows, fileUrl));
  },

  async reply({ db, principal: p, params, body, fileUrl }) {
    const t = await findTicket(db, p, params.id, true);
    if (t.status === 'closed') throw conflict('conflict', 'This ticket is closed; reopen it first.');
    const row = await addMessage(db, {
      ticketId: t.id,
      requesterId: t.requester_id,
      author: { kind: 'contact', id: p.contactId, name: p.name },
      body: body.body,
      bodyFormat: 'text',
      attachmentIds: body.attachmentIds,
      uploader: p.contactId,
      bump: true,
    });
    const [m] = await mapMessages(db, [row], fileUrl);
    return m!;
  },

  async act({ db, principal: p, params, body }) {
    const t = await findTicket(db, p, params.id, true);
    let set: string;
    switch (body.action) {
      case 'close':
        if (t.status === 'closed') throw conflict('conflict', 'The ticket is already closed.');
        set = "status = 'closed', resolved_at = COALESCE(resolved_at, now())";
        break;
      case 'reopen':
        if (t.status !== 'closed' && t.status !== 'solved') throw conflict('conflict', 'Only a solved or closed ticket can be reopened.');
        set = "status = 'open', resolved_at = NULL";
        break;
      default:
        if (t.status === 'closed') throw conflict('conflict', 'A closed ticket cannot be escalated.');
        set = 'escalated = true';
    }
    await db.query(`UPDATE tickets SET ${set}, updated_at = now() WHERE id = $1`, [t.id]);
    await appendEvents(db, [{ type: 'ticket.updated', kind: 'ticket', id: t.id, contactId: t.requester_id }]);
    return ticketById(db, t.id);
  },
};

export { notifyContacts };
