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
  /** Documentation only (the OpenAPI document); the portal table keeps it in `docs.ts`, out of the browser bundle. */
  readonly summary?: string;
  readonly tag?: string;
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
    get: get({ path: '/me', response: Me }),
  },
  tickets: {
    list: get({ path: '/tickets', query: TicketListQuery, response: page(Ticket) }),
    get: get({ path: '/tickets/{id}', params: IdParams, response: Ticket }),
    create: post({ path: '/tickets', body: TicketCreate, response: Ticket, status: 201 }),
    messages: get({
      path: '/tickets/{id}/messages',
      params: IdParams,
      query: TicketMessagesQuery,
      response: page(TicketMessage),
    }),
    reply: post({
      path: '/tickets/{id}/messages',
      params: IdParams,
      body: TicketReply,
      response: TicketMessage,
      status: 201,
    }),
    act: post({
      path: '/tickets/{id}/actions',
      params: IdParams,
      body: TicketAction,
      response: Ticket,
    }),
  },
  attachments: {
    upload: post({
      path: '/attachments',
      body: AttachmentUpload,
      bodyKind: 'multipart',
      response: Attachment,
      status: 201,
    }),
  },
  articles: {
    list: get({
      path: '/articles',
      query: ArticleListQuery,
      response: page(ArticleSummary),
    }),
    search: get({
      path: '/articles/search',
      query: ArticleSearchQuery,
      response: SearchResults,
    }),
    get: get({ path: '/articles/{slug}', params: SlugParams, response: Article }),
    vote: post({
      path: '/articles/{slug}/votes',
      params: SlugParams,
      body: ArticleVote,
      response: ArticleVoteResult,
    }),
    categories: get({ path: '/categories', response: CategoryList }),
  },
  invoices: {
    list: get({
      path: '/invoices',
      query: InvoiceListQuery,
      response: page(InvoiceSummary),
      roles: ['admin'],
    }),
    totals: get({
      path: '/invoices/totals',
      query: InvoiceTotalsQuery,
      response: InvoiceTotals,
      roles: ['admin'],
    }),
    get: get({
      path: '/invoices/{id}',
      params: IdParams,
      response: Invoice,
      roles: ['admin'],
    }),
  },
  projects: {
    list: get({ path: '/projects', query: ProjectListQuery, response: page(Project) }),
    get: get({
      path: '/projects/{id}',
      params: IdParams,
      response: Project,
    }),
  },
  deliverables: {
    list: get({
      path: '/projects/{project_id}/deliverables',
      params: ProjectDeliverablesParams,
      query: DeliverableListQuery,
      response: page(DeliverableSummary),
    }),
    get: get({
      path: '/deliverables/{id}',
      params: IdParams,
      response: Deliverable,
    }),
  },
  comments: {
    list: get({
      path: '/deliverables/{id}/versions/{version}/comments',
      params: VersionParams,
      query: CommentListQuery,
      response: page(Comment),
    }),
    create: post({
      path: '/deliverables/{id}/versions/{version}/comments',
      params: VersionParams,
      body: CommentCreate,
      response: Comment,
      status: 201,
    }),
  },
  approvals: {
    list: get({
      path: '/deliverables/{id}/approvals',
      params: IdParams,
      query: ApprovalListQuery,
      response: page(Approval),
    }),
    create: post({
      path: '/deliverables/{id}/approvals',
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
      query: NotificationListQuery,
      response: page(Notification),
    }),
    read: post({
      path: '/notifications/{id}/read',
      params: IdParams,
      response: Notification,
    }),
    readAll: post({
      path: '/notifications/read-all',
      response: ReadAllResult,
    }),
  },
  files: {
    get: get({
      path: '/files/{id}',
      params: IdParams,
      query: z.object({ exp: z.string(), sig: z.string(), disposition: z.optional(z.enum(['inline', 'attachment'])) }),
      response: 'binary',
    }),
  },
  events: {
    stream: get({
      path: '/events',
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
