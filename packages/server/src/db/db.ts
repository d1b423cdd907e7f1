/**
 * The query layer: plain parameterised SQL behind a tiny interface, implemented for PGlite
 * (embedded) and node-postgres (a real PostgreSQL). Both speak the same SQL and the same
 * migrations. Rows come back as plain objects; timestamps as Date, int8 as string (pg) or
 * number (PGlite) — mappers call Number() on them.
 */
import type { OrgHandle } from './tenant.js';

// biome-ignore lint/suspicious/noExplicitAny: rows of hand-written SQL; each mapper (routes/*) gives them their contract type, and typing every column at every call site would duplicate the SQL.
export type Row = Record<string, any>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * On a transaction: runs one statement in a transaction of its own, committed at once, whatever
   * this one does later — for a counter that must not stay locked until this transaction's COMMIT
   * (a ticket's number). On PostgreSQL another connection runs it (pipelined, or a small pool of
   * its own, never the transactions' pool: a transaction waiting for a connection of that pool
   * while holding one could exhaust it); on PGlite, one session running one transaction at a time,
   * no other transaction can wait for its locks, so it runs inside the transaction. Unset: `query`.
   */
  autonomous?<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The database as the server's own role: migrations, the seed, the staff API, the principal
 * resolver, the event bus. Portal requests never see it: they get `forOrg(orgId)`.
 */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: COMMIT when it resolves, ROLLBACK when it throws. With `orgId`,
   * the transaction runs in that organization's tenant context (db/tenancy.ts): use `forOrg`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, opts?: { orgId?: string }): Promise<T>;
  /** The organization-bound handle (db/tenant.ts): statements bound to the organization, under row-level security. */
  forOrg(orgId: string): OrgHandle;
  /** Subscribes to NOTIFY on a channel. `onReconnect` fires after a lost connection came back. */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** The PostgreSQL pool's state (metrics); PGlite has none. */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
  pipelines: number;
}

/** The database cannot be reached (connection refused, terminated, timed out): answer 503. */
export class DbUnavailableError extends Error {
  override name = 'DbUnavailableError';
}

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

export function isUnavailable(err: unknown): boolean {
  if (err instanceof DbUnavailableError) return true;
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string };
  if (e.code && (UNAVAILABLE_CODES.has(e.code) || UNAVAILABLE_NET.has(e.code))) return true;
  const m = String(e.message ?? '');
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable/i.test(
    m,
  );
}

export function wrapDbError(err: unknown): unknown {
  if (isUnavailable(err) && !(err instanceof DbUnavailableError)) {
    const u = new DbUnavailableError(err instanceof Error ? err.message : String(err));
    (u as { cause?: unknown }).cause = err;
    return u;
  }
  return err;
}

/** Builds `($1,$2),($3,$4)…` for a multi-row INSERT. */
export function valuesList(rows: unknown[][], offset = 0): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const groups = rows.map((row) => {
    const ph = row.map((v) => {
      params.push(v);
      return `$${offset + params.length}`;
    });
    return `(${ph.join(',')})`;
  });
  return { sql: groups.join(','), params };
}

/** Multi-row INSERT in chunks (PostgreSQL allows 65535 parameters per statement). */
export async function insertMany(q: Queryable, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(60000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const { sql, params } = valuesList(chunk);
    await q.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${sql}`, params);
  }
}
