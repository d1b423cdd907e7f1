import { API_PREFIX, type EndpointDef, endpointList, fromWire } from '@portico/contract';
import { STAFF_PREFIX, staffEndpointList } from '@portico/contract/staff';
import type { Context, Hono } from 'hono';
import { guardGuest, guestRule } from '../access-links/guard.js';
import type { Principal } from '../auth.js';
import type { Config } from '../config.js';
import type { PortalCtx, Services, StaffCtx } from '../context.js';
import type { Db, Queryable } from '../db/db.js';
import { bindOrg, type OrgDb, unbound } from '../db/tenant.js';
import { portalHandlers } from '../routes/index.js';
import { staffHandlers } from '../routes/staff.js';
import type { Disposition } from '../storage.js';
import { RawJson, toWire } from '../wire.js';
import { checkStaffKey, portalPrincipal } from './authenticate.js';
import { idempotent, type MutationResult, STAFF_SCOPE } from './idempotency.js';
import { type EndpointInput, readInput, type StandardSchema } from './input.js';
import type { Send } from './request-context.js';

/** A handler as registered: the contract's schemas checked its params, query and body. */
type Handler<Ctx> = (ctx: Ctx) => Promise<unknown>;
type HandlerTable<Ctx> = Record<string, Record<string, Handler<Ctx>>>;

export interface EndpointDeps {
  db: Db;
  config: Config;
  services: Services;
  send: Send;
}

/**
 * Registers the portal and staff endpoint tables of the contract: one route per endpoint, which
 * authenticates (portal token or staff key), reads and validates the input, gives the handler its
 * database — the caller's organization-bound handle for the portal, the server's own role for the
 * staff API — and serialises the result; a mutation runs in one transaction with its
 * Idempotency-Key record (idempotency.ts).
 */
export function registerEndpoints(app: Hono, deps: EndpointDeps): void {
  const { db, config, services, send } = deps;
  const baseUrl = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin;
  const fileUrlFor = (c: Context) => (fileId: string, orgId: string, disposition: Disposition) => {
    const { exp, sig } = services.signer.sign(fileId, orgId, disposition);
    const qs = `exp=${exp}&sig=${sig}${disposition === 'inline' ? '&disposition=inline' : ''}`;
    return `${baseUrl(c)}${API_PREFIX}/files/${encodeURIComponent(fileId)}?${qs}`;
  };

  /** Checks a result against the contract (tests, PORTICO_VALIDATE_RESPONSES=1); raw JSON parsed back first. */
  const checkResponse = async (e: EndpointDef, out: unknown, label: string) => {
    if (!config.validateResponses || typeof e.response !== 'object') return;
    const value = out instanceof RawJson ? fromWire(JSON.parse(out.text)) : out;
    const r = await (e.response as StandardSchema)['~standard'].validate(value);
    if (r.issues) throw new Error(`response of ${label} does not match the contract: ${JSON.stringify(r.issues).slice(0, 2000)}`);
  };
  const serialise = (e: EndpointDef, out: unknown) =>
    (e.status ?? 200) === 204 ? '' : out instanceof RawJson ? out.text : JSON.stringify(toWire(out));

  /** A read: the handler's result (or its own Response) as JSON. */
  const read = async (c: Context, e: EndpointDef, label: string, call: () => Promise<unknown>) => {
    const out = await call();
    if (out instanceof Response) return out;
    await checkResponse(e, out, label);
    return send(c, serialise(e, out), e.status ?? 200, { 'Content-Type': 'application/json' });
  };
  /** A mutation: `open` starts its transaction and gives the handler's database and the key store. */
  const mutate = async <Tx>(
    c: Context,
    e: EndpointDef,
    label: string,
    input: EndpointInput,
    principal: string,
    open: (fn: (tx: Tx, keys: OrgDb) => Promise<MutationResult>) => Promise<MutationResult>,
    call: (tx: Tx) => Promise<unknown>,
  ) => {
    const status = e.status ?? 200;
    const result = await open((tx, keys) =>
      idempotent(c, keys, principal, input.fingerprint, status, async () => {
        const out = await call(tx);
        await checkResponse(e, out, label);
        return serialise(e, out);
      }),
    );
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    return send(c, result.status === 204 ? null : result.body, result.status, headers);
  };

  const portal = portalHandlers as unknown as HandlerTable<PortalCtx>;
  for (const [group, name, e] of endpointList()) {
    const handler = portal[group]?.[name];
    if (!handler) throw new Error(`no handler for ${group}.${name}`);
    const label = `${group}.${name}`;
    app.on(e.method, API_PREFIX + e.path.replace(/\{([a-z_]+)\}/g, ':$1'), async (c) => {
      // A binary response is a signed file link: no token, no organization until the link's file is read.
      const principal = e.response === 'binary' ? null : await portalPrincipal(c, e, services);
      if (principal?.guest) guestRule(e, principal);
      const input = await readInput(c, e, services);
      const ctx = (db: OrgDb): PortalCtx => ({
        svc: services,
        principal: principal as Principal,
        db,
        params: input.params,
        query: input.query,
        body: input.body,
        c,
        fileUrl: fileUrlFor(c),
      });
      if (!principal) return read(c, e, label, () => handler(ctx(unbound)));
      const org = db.forOrg(principal.orgId);
      // A guest token (private client link): the one guard of what it may reach.
      if (principal.guest) await guardGuest(org, e, input.params, principal);
      if (e.method === 'GET') return read(c, e, label, () => handler(ctx(org)));
      return mutate<OrgDb>(
        c,
        e,
        label,
        input,
        principal.contactId,
        (fn) => org.transaction((tx) => fn(tx, tx)),
        (tx) => handler(ctx(tx)),
      );
    });
  }

  const staff = staffHandlers as unknown as HandlerTable<StaffCtx>;
  for (const [group, name, e] of staffEndpointList()) {
    const handler = staff[group]?.[name];
    if (!handler) throw new Error(`no handler for staff.${group}.${name}`);
    const label = `staff.${group}.${name}`;
    app.on(e.method, STAFF_PREFIX + e.path.replace(/\{([a-z_]+)\}/g, ':$1'), async (c) => {
      checkStaffKey(c, config);
      const input = await readInput(c, e, services);
      const ctx = (q: Queryable): StaffCtx => ({
        svc: services,
        db: q,
        params: input.params,
        query: input.query,
        body: input.body,
        c,
        fileUrl: fileUrlFor(c),
      });
      if (e.method === 'GET') return read(c, e, label, () => handler(ctx(db)));
      return mutate<Queryable>(
        c,
        e,
        label,
        input,
        'staff',
        (fn) => db.transaction((tx) => fn(tx, bindOrg(tx, STAFF_SCOPE))),
        (tx) => handler(ctx(tx)),
      );
    });
  }
}
