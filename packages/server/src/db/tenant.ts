/**
 * The organization-bound query handle: what portal handlers get instead of the database.
 *
 * Every statement made through it is bound to its organization by `bound` (db/bind.ts: tenant
 * tables are reachable only as this organization's rows, writes carry its id, anything the binder
 * cannot bind is refused), and — for handles made by `db.forOrg` — runs as the tenant role with
 * `portico.org_id` set, transaction-locally, so PostgreSQL's row-level security checks the same
 * thing a second time (migrations/003_tenancy.sql).
 *
 * `OrgDb` is a distinct type: a raw `Queryable` cannot be passed where a handle is expected, and a
 * handle has no way to run a statement unbound.
 */
import { type BoundStatement, bound } from './bind.js';
import type { Queryable, Row } from './db.js';

declare const orgBound: unique symbol;

export interface OrgDb {
  readonly orgId: string;
  /** Runs one statement bound to `orgId`. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs one statement bound to `orgId` that commits on its own at once, even when this handle is
   * a transaction's (`Queryable.autonomous`): what it locks is released before the transaction
   * goes on, and a rollback of the transaction does not undo it.
   */
  autonomous<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Brand: only `bindOrg` makes these. */
  readonly [orgBound]: true;
}

/** A handle that can also open a transaction in the organization's tenant context. */
export interface OrgHandle extends OrgDb {
  transaction<T>(fn: (tx: OrgDb) => Promise<T>): Promise<T>;
}

/** What a database driver gives the handle. */
export interface TenantDriver {
  /** One statement as the tenant role with the organization set (row-level security applies). */
  tenantQuery<T extends Row>(orgId: string, sql: string, params: unknown[]): Promise<T[]>;
  /** A transaction in the organization's tenant context. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts: { orgId: string }): Promise<T>;
}

type Run = (sql: string, params: unknown[]) => Promise<Row[]>;

function handle(run: Run, orgId: string, runAutonomous: Run = run): OrgDb {
  const bindTo =
    (r: Run) =>
    <T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> => {
      let b: BoundStatement;
      try {
        b = bound(sql);
      } catch (err) {
        return Promise.reject(err);
      }
      // The organization is `$(params + 1)`: a statement given more or fewer values than its
      // placeholders would shift it onto one of them.
      if (params.length !== b.params) {
        return Promise.reject(new Error(`statement has ${b.params} placeholders but ${params.length} values: ${sql.slice(0, 200)}`));
      }
      return r(b.text, b.usesOrg ? [...params, orgId] : params) as Promise<T[]>;
    };
  return { orgId, query: bindTo(run), autonomous: bindTo(runAutonomous) } as OrgDb;
}

/**
 * A handle over a connection or transaction that is not itself in a tenant context: binds every
 * statement (wall 1) but runs them as the connection's own role. For the reviewed system paths
 * that act on an organization they established themselves — the staff API (the organization of
 * the ticket, project… it names), the seed, and idempotency records of the staff API — never for
 * a portal request.
 */
export function bindOrg(q: Queryable, orgId: string): OrgDb {
  return handle(
    (sql, params) => q.query(sql, params),
    orgId,
    (sql, params) => (q.autonomous ? q.autonomous(sql, params) : q.query(sql, params)),
  );
}

/** `db.forOrg(orgId)`: both walls. */
export function orgHandle(driver: TenantDriver, orgId: string): OrgHandle {
  if (typeof orgId !== 'string' || orgId === '') throw new Error('forOrg needs an organization id');
  const h = handle((sql, params) => driver.tenantQuery(orgId, sql, params), orgId) as OrgHandle;
  return Object.assign(h, {
    transaction: <T>(fn: (tx: OrgDb) => Promise<T>) => driver.transaction((tx) => fn(bindOrg(tx, orgId)), { orgId }),
  });
}

/** The handle of a request that has no organization (a signed file link): every statement is refused. */
export const unbound: OrgDb = {
  orgId: '',
  query: () => Promise.reject(new Error('this request has no organization: it cannot query tenant data')),
  autonomous: () => Promise.reject(new Error('this request has no organization: it cannot query tenant data')),
} as unknown as OrgDb;
