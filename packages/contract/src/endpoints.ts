import * as z from 'zod/mini';
import { Me } from './schemas/account.js';
import { Approval, ApprovalCreate, ApprovalListQuery } from './schemas/approval.js';
import {
  Article,
  ArticleListQuery,
  ArticleSearchQuery,
  ArticleSummary,
  ArticleVote,
  ArticleVoteResult,
  CategoryList,
  SearchResults,
  SlugParams,
} from './schemas/article.js';
import { Attachment } from './schemas/attachment.js';
import { Comment, CommentCreate, CommentListQuery, VersionParams } from './schemas/comment.js';
import { IdParams, page, type Role } from './schemas/common.js';
import { Deliverable, DeliverableListQuery, DeliverableSummary, ProjectDeliverablesParams } from './schemas/deliverable.js';
import { PortalEvent } from './schemas/event.js';
import { Invoice, InvoiceListQuery, InvoiceSummary, InvoiceTotals, InvoiceTotalsQuery } from './schemas/invoice.js';
import { Notification, NotificationListQuery, ReadAllResult } from './schemas/notification.js';
import { Project, ProjectListQuery } from './schemas/project.js';
import { Ticket, TicketAction, TicketCreate, TicketListQuery, TicketMessage, TicketMessagesQuery, TicketReply } from './schemas/ticket.js';

type Schema = z.core.$ZodType;
type ObjectSchema = z.ZodMiniObject;

/**
 * One endpoint of the portal API, as data. `path` is the wire path under `/portal/v1` with
 * snake_case `{param}` names; `params`, `query` and `body` are camelCase schemas.
 */
export interface EndpointDef {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: `/${string}`;
  readonly summary: string;
  readonly tag: string;
  readonly params?: ObjectSchema;
  readonly query?: ObjectSchema;
  readonly body?: Schema;
  /** `json` (default) or `multipart` (a file upload). */
  readonly bodyKind?: 'json' | 'multipart';
  /** The success body: a schema for JSON, `binary` for a file, `sse` for an event stream of `events`. */
  readonly response: Schema | 'binary' | 'sse';
  readonly events?: Schema;
  /** Success status (200 unless said). */
  readonly status?: 200 | 201 | 204;
  /**
   * Safe to repeat as it is (GET). A non-idempotent endpoint accepts an `Idempotency-Key`
   * header: a replay within 24 h answers the first response and does nothing twice.
   */
  readonly idempotent: boolean;
  /** Roles that may call it; absent means any signed-in contact. */
  readonly roles?: readonly Role[];
}

const def = <const E extends EndpointDef>(e: E): E => e;
const get = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) => def({ ...e, method: 'GET', idempotent: true } as const);
const post = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'POST', idempotent: false } as const);

export const AttachmentUpload = z.object({ file: z.file() });

/** Every endpoint of the portal API (`/portal/v1`), grouped by resource. */
export const endpoints = {
  me: {
    get: get({ path: '/me', tag: 'account', summary: 'The signed-in contact and organization', response: Me }),
  },
  tickets: {
    list: get({ path: '/tickets', tag: 'tickets', summary: 'List tickets', query: TicketListQuery, response: page(Ticket) }),
    get: get({ path: '/tickets/{id}', tag: 'tickets', summary: 'Get a ticket', params: IdParams, response: Ticket }),
    create: post({ path: '/tickets', tag: 'tickets', summary: 'Open a ticket', body: TicketCreate, response: Ticket, status: 201 }),
    messages: get({
      path: '/tickets/{id}/messages',
      tag: 'tickets',
      summary: "List a ticket's messages, oldest first",
      params: IdParams,
      query: TicketMessagesQuery,
      response: page(TicketMessage),
    }),
    reply: post({
      path: '/tickets/{id}/messages',
      tag: 'tickets',
      summary: 'Reply to a ticket',
      params: IdParams,
      body: TicketReply,
      response: TicketMessage,
      status: 201,
    }),
    act: post({
      path: '/tickets/{id}/actions',
      tag: 'tickets',
      summary: 'Close, reopen or escalate a ticket',
      params: IdParams,
      body: TicketAction,
      response: Ticket,
    }),
  },
  attachments: {
    upload: post({
      path: '/attachments',
      tag: 'tickets',
      summary: 'Upload a file to attach to a ticket or reply',
      body: AttachmentUpload,
      bodyKind: 'multipart',
      response: Attachment,
      status: 201,
    }),
  },
  articles: {
    list: get({
      path: '/articles',
      tag: 'knowledge base',
      summary: 'List articles',
      query: ArticleListQuery,
      response: page(ArticleSummary),
    }),
    search: get({
      path: '/articles/search',
      tag: 'knowledge base',
      summary: 'Search articles',
      query: ArticleSearchQuery,
      response: SearchResults,
    }),
    get: get({ path: '/articles/{slug}', tag: 'knowledge base', summary: 'Get an article', params: SlugParams, response: Article }),
    vote: post({
      path: '/articles/{slug}/votes',
      tag: 'knowledge base',
      summary: 'Say whether an article helped',
      params: SlugParams,
      body: ArticleVote,
      response: ArticleVoteResult,
    }),
    categories: get({ path: '/categories', tag: 'knowledge base', summary: 'List article categories', response: CategoryList }),
  },
  invoices: {
    list: get({
      path: '/invoices',
      tag: 'billing',
      summary: 'List invoices',
      query: InvoiceListQuery,
      response: page(InvoiceSummary),
      roles: ['admin'],
    }),
    totals: get({
      path: '/invoices/totals',
      tag: 'billing',
      summary: 'Totals per currency of the invoices a filter selects',
      query: InvoiceTotalsQuery,
      response: InvoiceTotals,
      roles: ['admin'],
    }),
    get: get({
      path: '/invoices/{id}',
      tag: 'billing',
      summary: 'Get an invoice with its lines',
      params: IdParams,
      response: Invoice,
      roles: ['admin'],
    }),
  },
  projects: {
    list: get({ path: '/projects', tag: 'projects', summary: 'List projects', query: ProjectListQuery, response: page(Project) }),
    get: get({
      path: '/projects/{id}',
      tag: 'projects',
      summary: 'Get a project with its milestones',
      params: IdParams,
      response: Project,
    }),
  },
  deliverables: {
    list: get({
      path: '/projects/{project_id}/deliverables',
      tag: 'projects',
      summary: "List a project's deliverables",
      params: ProjectDeliverablesParams,
      query: DeliverableListQuery,
      response: page(DeliverableSummary),
    }),
    get: get({
      path: '/deliverables/{id}',
      tag: 'projects',
      summary: 'Get a deliverable with its versions',
      params: IdParams,
      response: Deliverable,
    }),
  },
  comments: {
    list: get({
      path: '/deliverables/{id}/versions/{version}/comments',
      tag: 'projects',
      summary: 'List comments on a version, oldest first',
      params: VersionParams,
      query: CommentListQuery,
      response: page(Comment),
    }),
    create: post({
      path: '/deliverables/{id}/versions/{version}/comments',
      tag: 'projects',
      summary: 'Comment on a version',
      params: VersionParams,
      body: CommentCreate,
      response: Comment,
      status: 201,
    }),
  },
  approvals: {
    list: get({
      path: '/deliverables/{id}/approvals',
      tag: 'projects',
      summary: 'The audit trail of decisions, newest first',
      params: IdParams,
      query: ApprovalListQuery,
      response: page(Approval),
    }),
    create: post({
      path: '/deliverables/{id}/approvals',
      tag: 'projects',
      summary: 'Approve a version or request changes to it',
      params: IdParams,
      body: ApprovalCreate,
      response: Approval,
      status: 201,
      roles: ['approver'],
    }),
  },
  notifications: {
    list: get({
      path: '/notifications',
      tag: 'notifications',
      summary: 'List notifications, newest first',
      query: NotificationListQuery,
      response: page(Notification),
    }),
    read: post({
      path: '/notifications/{id}/read',
      tag: 'notifications',
      summary: 'Mark a notification read',
      params: IdParams,
      response: Notification,
    }),
    readAll: post({
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark every notification read',
      response: ReadAllResult,
    }),
  },
  files: {
    get: get({
      path: '/files/{id}',
      tag: 'files',
      summary: 'Download or preview a file through a signed link from a resource',
      params: IdParams,
      query: z.object({ exp: z.string(), sig: z.string(), disposition: z.optional(z.enum(['inline', 'attachment'])) }),
      response: 'binary',
    }),
  },
  events: {
    stream: get({
      path: '/events',
      tag: 'events',
      summary: "Server-Sent Events of the organization's changes; resume with Last-Event-ID",
      response: 'sse',
      events: PortalEvent,
    }),
  },
} as const;

export type Endpoints = typeof endpoints;
export type EndpointGroup = keyof Endpoints;

/** Base path of the portal API. */
export const API_PREFIX = '/portal/v1';

type In<S> = S extends z.core.$ZodType ? z.input<S> : unknown;
type Empty<T> = unknown extends T ? {} : T;
/** The single argument object of an endpoint's client method: params, query and body merged (camelCase). */
export type EndpointInput<E extends EndpointDef> = Empty<In<E['params']>> & Empty<In<E['query']>> & Empty<In<E['body']>>;
/** What an endpoint answers, camelCase. */
export type EndpointOutput<E extends EndpointDef> = E['response'] extends z.core.$ZodType ? z.output<E['response']> : never;

/** Flat list of `[group, name, def]`, e.g. for registering routes. */
export const endpointList = (): Array<[string, string, EndpointDef]> =>
  Object.entries(endpoints).flatMap(([group, defs]) =>
    Object.entries(defs as Record<string, EndpointDef>).map(([name, e]) => [group, name, e] as [string, string, EndpointDef]),
  );

/** Fills a wire path template: `/tickets/{id}` + `{ id: 'x' }` → `/tickets/x` (each value URI-encoded). */
export function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const camel = name.replace(/_([a-z0-9])/g, (__, c: string) => c.toUpperCase());
    const value = params[camel];
    if (value === undefined || value === null || value === '') throw new TypeError(`missing path parameter ${camel}`);
    return encodeURIComponent(String(value));
  });
}
