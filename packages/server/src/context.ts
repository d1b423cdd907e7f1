import type { Context } from 'hono';
import type { createPrincipalResolver, Principal, TokenVerifier } from './auth.js';
import type { Config } from './config.js';
import type { EndpointDef, Endpoints, StaffEndpointsShape } from './contract-types.js';
import type { Db, Queryable } from './db/db.js';
import type { EventBus } from './events.js';
import type { Logger } from './log.js';
import type { Disposition, FileSigner, Storage } from './storage.js';
import type { RawJson } from './wire.js';

export interface Services {
  db: Db;
  config: Config;
  storage: Storage;
  signer: FileSigner;
  bus: EventBus;
  verify: TokenVerifier;
  principals: ReturnType<typeof createPrincipalResolver>;
  log: Logger;
}

interface BaseCtx<P, Q, B> {
  svc: Services;
  /** The transaction for mutations, the pool for reads. */
  db: Queryable;
  params: P;
  query: Q;
  body: B;
  c: Context;
  /** A signed link to a file of an organization. */
  fileUrl(fileId: string, orgId: string, disposition: Disposition): string;
}
export interface PortalCtx<P = unknown, Q = unknown, B = unknown> extends BaseCtx<P, Q, B> {
  principal: Principal;
}
export type StaffCtx<P = unknown, Q = unknown, B = unknown> = BaseCtx<P, Q, B>;

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
