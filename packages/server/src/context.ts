import type { Context } from 'hono';
import type { createPrincipalResolver, Principal, TokenVerifier } from './auth.js';
import type { BillingProvider } from './billing/provider.js';
import type { Config } from './config.js';
import type { Connectors } from './connectors/index.js';
import type { EndpointDef, Endpoints, StaffEndpointsShape } from './contract-types.js';
import type { Queryable } from './db/db.js';
import type { OrgDb } from './db/tenant.js';
import type { EventBus } from './event-feed.js';
import type { Logger } from './log.js';
import type { Shutdown } from './shutdown.js';
import type { Storage } from './storage/index.js';
import type { Disposition, FileSigner } from './storage.js';
import type { KnowledgeBaseProvider, SupportProvider } from './support/provider.js';
import type { RawJson } from './wire.js';

/** What every handler may use. The database is not here: see the `db` of each context. */
export interface Services {
  config: Config;
  /** Where file bytes live (streaming, content-addressed: src/storage/). */
  storage: Storage;
  signer: FileSigner;
  bus: EventBus;
  verify: TokenVerifier;
  principals: ReturnType<typeof createPrincipalResolver>;
  log: Logger;
  /** Set when the process begins to stop (streams end with a reconnect hint). */
  shutdown: Shutdown;
  /**
   * A signed file link names a file, not an organization: its organization (and what the download
   * needs) is read first, by the server's own role, and only then is the signature over file and
   * organization checked (routes/files.ts). The one portal read that runs without a handle.
   */
  fileForLink(id: string): Promise<LinkedFile | undefined>;
  /** Where billing data comes from (src/billing/provider.ts); unset: the database provider. */
  billing?: BillingProvider;
  /** Where tickets and attachments come from (src/support/provider.ts); unset: the database provider. */
  support?: SupportProvider;
  /** Where articles come from (src/support/provider.ts); unset: the database provider. */
  knowledgeBase?: KnowledgeBaseProvider;
  /** The connectors (src/connectors/): response cache, backoff, webhooks, configured providers. */
  connectors: Connectors;
}

export interface LinkedFile {
  org_id: string;
  sha256: string;
  media_type: string;
  file_name: string;
  size: string | number;
}

interface BaseCtx<P, Q, B> {
  svc: Services;
  params: P;
  query: Q;
  body: B;
  c: Context;
  /** A signed link to a file of an organization. */
  fileUrl(fileId: string, orgId: string, disposition: Disposition): string;
}
export interface PortalCtx<P = unknown, Q = unknown, B = unknown> extends BaseCtx<P, Q, B> {
  principal: Principal;
  /**
   * The caller's organization-bound handle (db/tenant.ts): in the mutation's transaction for
   * writes, pipelined statements for reads. Every statement is bound to the principal's
   * organization and runs under row-level security; there is no way to an unbound statement.
   */
  db: OrgDb;
}
export interface StaffCtx<P = unknown, Q = unknown, B = unknown> extends BaseCtx<P, Q, B> {
  /**
   * The server's own role (the mutation's transaction, or the database for reads): the staff API
   * acts on any organization. Where it acts on one, it binds its statements with
   * `bindOrg(db, orgId)` and uses the same helpers as the portal.
   */
  db: Queryable;
}

type Out<S> = S extends { '~standard': { types?: { output: infer O } } } ? (unknown extends O ? undefined : O) : undefined;
type Result<E extends EndpointDef> = E['response'] extends { '~standard': { types?: { input: infer I } } } ? I : never;

export type PortalHandler<E extends EndpointDef> = (
  ctx: PortalCtx<Out<E['params']>, Out<E['query']>, Out<E['body']>>,
) => Promise<Result<E> | Response | RawJson>;
export type StaffHandler<E extends EndpointDef> = (ctx: StaffCtx<Out<E['params']>, Out<E['query']>, Out<E['body']>>) => Promise<Result<E>>;

export type PortalHandlers = {
  [G in keyof Endpoints]: { [N in keyof Endpoints[G]]: Endpoints[G][N] extends EndpointDef ? PortalHandler<Endpoints[G][N]> : never };
};
export type StaffHandlers = {
  [G in keyof StaffEndpointsShape]: {
    [N in keyof StaffEndpointsShape[G]]: StaffEndpointsShape[G][N] extends EndpointDef ? StaffHandler<StaffEndpointsShape[G][N]> : never;
  };
};
