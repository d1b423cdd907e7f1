import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, Row } from './db.js';
import { ORG_SETTING, TENANT_CONTEXT_SQL, TENANT_ROLE } from './tenancy.js';
import { orgHandle } from './tenant.js';

/**
 * PGlite-backed Db. `dataDir` undefined or 'memory://' keeps everything in memory.
 *
 * PGlite (PostgreSQL 18 in WebAssembly) has roles and row-level security, so tenant statements run
 * as the tenant role with the organization set, as on PostgreSQL. It is one session in this
 * process with no pooler, and it runs one statement or transaction at a time, so the tenant context
 * is kept at session level and switched only when the next statement needs another one: a steady
 * stream of one organization's reads costs no extra statement (a per-statement transaction would
 * cost ≈ 140 µs, +13 % on the ticket list). Every statement goes through `serial` so that a switch
 * and the statement after it are never separated by another caller's statement. Transactions start
 * from the server's own role and set the tenant context transaction-locally.
 *
 * `loadDataDir` starts from a tarball of another instance (`dumpDataDir`) instead of a new cluster:
 * the tests start every file from one migrated copy (test/global-setup.ts) rather than running
 * initdb and the migrations in each.
 *
 * pg_trgm (shipped with PGlite as contrib) is loaded so that knowledge-base search has the same
 * typo tolerance as on PostgreSQL (migrations/080_article_search.sql).
 */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<PgliteDb> {
  const pg = new PGlite({
    dataDir: dataDir && dataDir !== 'memory://' ? dataDir : undefined,
    extensions: { pg_trgm },
    loadDataDir: opts.loadDataDir,
  });
  await pg.waitReady;
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
  });
  const base = wrap(pg);

  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
  /** The organization whose tenant context the session is in; null: the server's own role. */
  let session: string | null = null;
  const enter = async (orgId: string | null) => {
    if (session === orgId) return;
    if (orgId === null) await pg.query(`SELECT set_config('role', 'none', false), set_config('${ORG_SETTING}', '', false)`);
    else await pg.query(`SELECT set_config('role', '${TENANT_ROLE}', false), set_config('${ORG_SETTING}', $1, false)`, [orgId]);
    session = orgId;
  };

  const transaction: Db['transaction'] = (fn, opts) =>
    serial(async () => {
      await enter(null);
      return pg.transaction(async (tx) => {
        if (opts?.orgId !== undefined) await tx.query(TENANT_CONTEXT_SQL, [opts.orgId]);
        return fn(wrap(tx));
      });
    });
  const tenantQuery = <T extends Row>(orgId: string, sql: string, params: unknown[]) =>
    serial(async () => {
      await enter(orgId);
      return (await pg.query<T>(sql, params)).rows;
    });

  return {
    kind: 'pglite',
    query: (sql, params) =>
      serial(async () => {
        await enter(null);
        return base.query(sql, params);
      }),
    exec: (sql) =>
      serial(async () => {
        await enter(null);
        await base.exec(sql);
      }),
    transaction,
    forOrg: (orgId) => orgHandle({ tenantQuery, transaction: (fn, opts) => transaction(fn, opts) }, orgId),
    async listen(channel, onMessage) {
      const unsub = await pg.listen(channel, onMessage);
      return async () => {
        await unsub();
      };
    },
    close: () => pg.close(),
    dumpDataDir: () => serial(() => pg.dumpDataDir('none')),
  };
}

/** A PGlite database; `dumpDataDir` is a tarball that `openPglite(…, { loadDataDir })` starts from. */
export interface PgliteDb extends Db {
  dumpDataDir(): Promise<Blob>;
}
