/**
 * The default support and knowledge-base providers: Portico's own tables, filled by the portal and
 * the staff API. The statements are those the routes ran before providers existed
 * (routes/tickets.ts, articles.ts, article-search.ts, files.ts), through the caller's
 * organization-bound handle, with the same events.
 */
import { MAX_ATTACHMENTS } from '@portico/contract';
import { conflict } from '../errors.js';
import { appendEvents } from '../events.js';
import { newId } from '../ids.js';
import { knowledgeBaseHome, searchArticles } from '../routes/article-search.js';
import { articleById, findBySlug, mapSummary, withServerImages } from '../routes/articles.js';
import { listPage, num, type Sort } from '../routes/common.js';
import { storeUpload } from '../routes/files.js';
import { mapTicket } from '../routes/ticket-serializer.js';
import { addMessage, findTicket, listTicketsJson, mapMessages, PRIORITY_RANK, SLA_HOURS, ticketById } from '../routes/tickets.js';
import { ACCEPTED_TYPES, PREVIEWABLE } from '../storage.js';
import { RawJson } from '../wire.js';
import type { KnowledgeBaseProvider, SupportProvider } from './provider.js';

export function databaseSupport(): SupportProvider {
  return {
    name: 'database',
    capabilities: { organizationScope: true, close: true, reopen: true, escalate: true, attachments: true },
    tickets: {
      async list({ db, principal }, query) {
        // The database sends the page's JSON (mostly stored on the rows); on PGlite too, where it is
        // about twice as fast as mapping the rows here.
        return new RawJson(await listTicketsJson(db, principal, query));
      },

      async get({ db, principal }, id) {
        return mapTicket(await findTicket(db, principal, id));
      },

      async create({ db, principal: p }, body) {
        // The number comes from the organization's counter in a statement that commits at once (on
        // PostgreSQL), not in this transaction: its row lock lasts that statement, not until this
        // creation's COMMIT, so an organization's creations no longer run one at a time. A creation
        // that fails after this leaves a gap in the numbers (numbers stay unique and increasing).
        const [org] = await db.autonomous<{ ticket_seq: number }>(
          'UPDATE organizations SET ticket_seq = ticket_seq + 1 RETURNING ticket_seq',
        );
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

      async messages({ db, principal: p, fileUrl }, id, page) {
        await findTicket(db, p, id);
        const sort: Sort = { name: 'created_at', expr: 'm.created_at', cast: 'timestamptz', dir: 'asc' };
        const sql = 'SELECT m.*, m.created_at AS _sk FROM ticket_messages m WHERE m.ticket_id = $1';
        return listPage(db, { sql, params: [id], sort, idCol: 'm.id' }, page, (rows) => mapMessages(db, rows, fileUrl));
      },

      async reply({ db, principal: p, fileUrl }, id, body) {
        const t = await findTicket(db, p, id, true);
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

      async act({ db, principal: p }, id, body) {
        const t = await findTicket(db, p, id, true);
        let set: string;
        switch (body.action) {
          case 'close':
            if (t.status === 'closed') throw conflict('conflict', 'The ticket is already closed.');
            set = "status = 'closed', resolved_at = COALESCE(resolved_at, now())";
            break;
          case 'reopen':
            if (t.status !== 'closed' && t.status !== 'solved')
              throw conflict('conflict', 'Only a solved or closed ticket can be reopened.');
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
    },
    attachments: {
      async upload({ db, principal: p, fileUrl }, file) {
        const f = await storeUpload(db, p.contactId, file);
        return {
          id: f.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          size: f.size,
          url: fileUrl(f.id, p.orgId, PREVIEWABLE.has(f.mediaType) ? 'inline' : 'attachment'),
        };
      },
      /** The limits `upload` enforces, from the configuration and the type sniffer, for forms to show and check up front. */
      async policy({ svc }) {
        return { maxBytes: svc.config.maxUploadBytes, maxFiles: MAX_ATTACHMENTS, acceptedTypes: [...ACCEPTED_TYPES] };
      },
    },
  };
}

// Through an organization-bound handle `articles` are those published to everyone and the
// organization's own (db/tenancy.ts: shared).
const SELECT = `SELECT a.*, c.slug AS category_slug, c.name AS category_name FROM articles a LEFT JOIN article_categories c ON c.id = a.category_id`;

export function databaseKnowledgeBase(): KnowledgeBaseProvider {
  return {
    name: 'database',
    capabilities: { votes: true },
    articles: {
      async list({ db }, query) {
        const params: unknown[] = query.category ? [query.category] : [];
        const sql = `${SELECT.replace('SELECT a.*', 'SELECT a.*, a.updated_at AS _sk')} WHERE ${query.category ? 'c.slug = $1' : 'true'}`;
        const sort: Sort = { name: '-updated_at', expr: 'a.updated_at', cast: 'timestamptz', dir: 'desc' };
        return listPage(db, { sql, params, sort, idCol: 'a.id' }, query, (rows) => rows.map(mapSummary));
      },

      async search({ db }, query) {
        return searchArticles(db, query);
      },

      async get({ db, fileUrl }, slug) {
        return withServerImages(await articleById(db, await findBySlug(db, slug)), fileUrl);
      },

      async vote({ db, principal: p }, slug, helpful) {
        const id = await findBySlug(db, slug);
        await db.query(
          `INSERT INTO article_votes (article_id, contact_id, helpful) VALUES ($1, $2, $3)
           ON CONFLICT (article_id, contact_id) DO UPDATE SET helpful = EXCLUDED.helpful, voted_at = now()`,
          [id, p.contactId, helpful],
        );
        const [r] = await db.query('SELECT helpful, not_helpful FROM article_vote_counts($1)', [id]);
        return { helpfulCount: num(r!.helpful), notHelpfulCount: num(r!.not_helpful) };
      },

      async categories({ db }) {
        const rows = await db.query(
          `SELECT c.id, c.slug, c.name, count(a.id)::int AS n FROM article_categories c
           LEFT JOIN articles a ON a.category_id = c.id
           GROUP BY c.id, c.slug, c.name HAVING count(a.id) > 0 ORDER BY c.name, c.id`,
        );
        return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, articleCount: num(r.n) }));
      },

      async home({ db }, limit) {
        return knowledgeBaseHome(db, limit);
      },
    },
  };
}
