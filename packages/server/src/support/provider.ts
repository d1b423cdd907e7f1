/**
 * Where support and knowledge-base data come from: one small interface per resource group
 * (tickets with their messages, attachments, articles with search and votes), with capability
 * flags that the portal responses pass on so components offer only what works (an article says
 * whether it takes votes). The database provider (`database.ts`: Portico's own tables) is the
 * default; a connector to a help desk (`../zendesk/`) implements the same interfaces and is given
 * to `createApp({ support, knowledgeBase })`. Modelled on `../billing/provider.ts`.
 */
import type {
  Article,
  ArticleCategory,
  ArticleSearchQuery,
  ArticleSummary,
  Attachment,
  AttachmentPolicy,
  KnowledgeBaseHome,
  Page,
  SearchHit,
  Ticket,
  TicketListQuery,
  TicketMessage,
} from '@portico/contract';
import type { Context } from 'hono';
import type { Principal } from '../auth.js';
import type { Services } from '../context.js';
import type { OrgDb } from '../db/tenant.js';
import type { Disposition } from '../storage.js';
import type { RawJson } from '../wire.js';
import { databaseKnowledgeBase, databaseSupport } from './database.js';

/** What a provider call gets: the caller, its organization-bound handle, a file-link signer, the server's services. */
export interface SupportCtx {
  db: OrgDb;
  principal: Principal;
  svc: Services;
  fileUrl(fileId: string, orgId: string, disposition: Disposition): string;
  /** The request (its `Accept-Language` chooses a help center's locale); absent outside HTTP (tests). */
  c?: Context;
}

export interface SupportCapabilities {
  /** `scope=organization` lists (admins): the organization's tickets, not only the contact's own. */
  organizationScope: boolean;
  /** Ticket actions the provider carries out (`POST /tickets/{id}/actions`). */
  close: boolean;
  reopen: boolean;
  escalate: boolean;
  /** Files on new tickets and replies. */
  attachments: boolean;
}

export interface PageArgs {
  limit?: number;
  cursor?: string;
}
type ListQuery = Omit<TicketListQuery, 'limit'> & { limit?: number };

export interface TicketProvider {
  /** The principal's tickets (or the organization's for `scope=organization`, admins only: 403 otherwise). */
  list(ctx: SupportCtx, query: ListQuery): Promise<Page<Ticket> | RawJson>;
  /** `not_found` (404) when the ticket is not the principal's to see. */
  get(ctx: SupportCtx, id: string): Promise<Ticket>;
  create(
    ctx: SupportCtx,
    input: { subject: string; body: string; priority?: Ticket['priority']; attachmentIds?: string[] },
  ): Promise<Ticket>;
  /** Messages the contact may read, oldest first: never an agent's internal note. */
  messages(ctx: SupportCtx, id: string, page: PageArgs): Promise<Page<TicketMessage>>;
  /** 409 `conflict` on a closed ticket. */
  reply(ctx: SupportCtx, id: string, input: { body: string; attachmentIds?: string[] }): Promise<TicketMessage>;
  act(ctx: SupportCtx, id: string, input: { action: 'close' | 'reopen' | 'escalate'; reason?: string }): Promise<Ticket>;
}

export interface AttachmentProvider {
  /** Takes a file the multipart reader stored; its `id` is what `attachmentIds` of a create or reply name. */
  upload(ctx: SupportCtx, file: File): Promise<Attachment>;
  policy(ctx: SupportCtx): Promise<AttachmentPolicy>;
}

export interface SupportProvider {
  readonly name: string;
  readonly capabilities: SupportCapabilities;
  readonly tickets: TicketProvider;
  readonly attachments: AttachmentProvider;
}

export interface KnowledgeBaseCapabilities {
  /** “Was this helpful?” votes: reaches the component as `Article.capabilities.votes` (false hides voting). */
  votes: boolean;
}

export interface ArticleProvider {
  list(ctx: SupportCtx, query: { category?: string } & PageArgs): Promise<Page<ArticleSummary>>;
  /** Drafts and articles restricted to some readers are `not_found` (404), as unknown ones. */
  get(ctx: SupportCtx, slug: string): Promise<Article>;
  search(ctx: SupportCtx, query: Pick<ArticleSearchQuery, 'q' | 'category'> & { limit?: number }): Promise<SearchHit[]>;
  /** 409 `conflict` when the provider takes no votes (`capabilities.votes` false). */
  vote(ctx: SupportCtx, slug: string, helpful: boolean): Promise<{ helpfulCount: number; notHelpfulCount: number }>;
  categories(ctx: SupportCtx): Promise<ArticleCategory[]>;
  home(ctx: SupportCtx, limit?: number): Promise<KnowledgeBaseHome>;
}

export interface KnowledgeBaseProvider {
  readonly name: string;
  readonly capabilities: KnowledgeBaseCapabilities;
  readonly articles: ArticleProvider;
}

const supportDefaults = new WeakMap<Services, SupportProvider>();
const kbDefaults = new WeakMap<Services, KnowledgeBaseProvider>();

/** The support provider of a server: the one given to `createApp`, else the database provider. */
export function supportOf(svc: Services): SupportProvider {
  if (svc.support) return svc.support;
  let p = supportDefaults.get(svc);
  if (!p) {
    p = databaseSupport();
    supportDefaults.set(svc, p);
  }
  return p;
}

/** The knowledge-base provider of a server: the one given to `createApp`, else the database provider. */
export function knowledgeBaseOf(svc: Services): KnowledgeBaseProvider {
  if (svc.knowledgeBase) return svc.knowledgeBase;
  let p = kbDefaults.get(svc);
  if (!p) {
    p = databaseKnowledgeBase();
    kbDefaults.set(svc, p);
  }
  return p;
}
