import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable, Row } from './db.js';
import { wrapDbError } from './db.js';
import { pgTypes } from './pgdate.js';
import { TENANT_CONTEXT_SQL } from './tenancy.js';
import { orgHandle } from './tenant.js';

// int8 → string stays (mappers call Number()); keep timestamps as Date (default).

const MAX_NAMED = 1000;

export interface PostgresOptions {
  /** Most connections of the pool that runs transactions (default 20). */
  max?: number;
  /** How long a request waits for a connection before the server answers 503. */
  connectionTimeoutMillis?: number;
  /**
   * Connections that carry the statements made outside a transaction, pipelined (default 4):
   * each statement is written at once, without waiting for the answers to those before it on the
   * same connection. 0 sends them through the pool like transactions.
   */
  pipelines?: number;
  /** Named prepared statements (default true); false behind a pooler that does not keep them. */
  prepare?: boolean;
  /** Where LISTEN connects (default: `url`): a direct connection when `url` is a transaction-mode pooler. */
  listenUrl?: string;
}

const QUERY_TIMEOUT = 30000;

interface PipelineConn {
  client: pg.Client;
  ready: Promise<void>;
  inflight: number;
  /** Its socket is corked until the end of this event-loop turn (see `query`). */
  corked: boolean;
}

/** pg's connection object, as far as `TenantQuery` uses it. */
interface PgConnection {
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(q: { text: string; name: string }): void;
  bind(b: { portal: string; statement: string; values: unknown[] }): void;
  execute(e: { portal: string }): void;
}

/** pg.Query's internals that `TenantQuery` overrides (not in @types/pg). */
interface QueryInternals {
  requiresPreparation(): boolean;
  prepare(connection: PgConnection): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: PgConnection): void;
  handleError(err: Error, connection: PgConnection): void;
}
const BaseQuery = pg.Query as unknown as new (text: string, values: unknown[]) => QueryInternals;

const CONTEXT_NAME = 'portico_tenant_context';

/**
 * One statement run in an organization's tenant context within its own implicit transaction: the
 * tenant context statement (TENANT_CONTEXT_SQL: the tenant role and `portico.org_id`, both
 * transaction-local) and then the statement, written together and followed by a single Sync, so
 * both run in the same implicit transaction with no round trip in between. That keeps the
 * pipelined path fast and pooler-safe: nothing outlives the statement on the connection (a
 * transaction-mode pooler may give the next one to another backend).
 *
 * pg routes every message of the exchange to this query: the context statement's parse
 * completion, its data row (no Describe was sent for it, so the row is skipped) and its command
 * completion come first; `phase` switches to the statement at that completion. While the context
 * statement is answered, `name` and `text` are its own, so pg records its parse under its name.
 */
class TenantQuery extends BaseQuery {
  private phase: 'context' | 'statement';
  // Set through the accessors below, first by pg.Query's constructor. Declared only: a field would
  // be initialised after super() under standard class fields (tsx, Node's type stripping, esbuild),
  // wiping the text pg had set, and every tenant statement would be parsed empty (0 parameters).
  declare private statementName: string | undefined;
  declare private statementText: string;
  /** Whether this query sent the statement's Parse (to forget it if the context statement fails). */
  private parsesStatement: boolean;
  declare callback?: (err: Error | null, res: pg.QueryResult<Row>) => void;

  constructor(
    readonly orgId: string,
    text: string,
    values: unknown[],
    /** Whether the context statement is prepared once per connection (named) or parsed each time. */
    private readonly named = true,
  ) {
    super(text, values);
    this.statementText = text;
    this.phase = 'context';
    this.parsesStatement = false;
  }
  get name(): string | undefined {
    return this.phase === 'context' ? (this.named ? CONTEXT_NAME : undefined) : this.statementName;
  }
  set name(v: string | undefined) {
    this.statementName = v;
  }
  get text(): string {
    return this.phase === 'context' ? TENANT_CONTEXT_SQL : this.statementText;
  }
  set text(v: string) {
    this.statementText = v;
  }
  /** Always the extended protocol (pg would send a statement without values as a simple query). */
  override requiresPreparation() {
    return true;
  }
  override prepare(connection: PgConnection) {
    const context = this.named ? CONTEXT_NAME : '';
    if (!this.named) connection.parse({ text: TENANT_CONTEXT_SQL, name: '' });
    else if (!(connection.parsedStatements[CONTEXT_NAME] || connection.submittedNamedStatements[CONTEXT_NAME])) {
      connection.parse({ text: TENANT_CONTEXT_SQL, name: CONTEXT_NAME });
      connection.submittedNamedStatements[CONTEXT_NAME] = TENANT_CONTEXT_SQL;
    }
    connection.bind({ portal: '', statement: context, values: [this.orgId] });
    connection.execute({ portal: '' });
    // Then pg's own prepare for the statement: parse if new, bind, describe, execute, sync.
    this.phase = 'statement';
    const name = this.statementName;
    this.parsesStatement = Boolean(name && !(connection.parsedStatements[name] || connection.submittedNamedStatements[name]));
    try {
      super.prepare(connection);
    } finally {
      this.phase = 'context';
    }
  }
  override handleDataRow(msg: unknown) {
    if (this.phase === 'statement') super.handleDataRow(msg);
  }
  override handleCommandComplete(msg: unknown, connection: PgConnection) {
    if (this.phase === 'context') this.phase = 'statement';
    else super.handleCommandComplete(msg, connection);
  }
  override handleError(err: Error, connection: PgConnection) {
    // The context statement failed: the server skipped the statement's Parse as well.
    if (this.phase === 'context' && this.parsesStatement && this.statementName) {
      delete connection.submittedNamedStatements[this.statementName];
    }
    this.phase = 'statement';
    super.handleError(err, connection);
  }
}

/** A statement as pg runs it: a pg.Query (or TenantQuery) with the callback pg calls once. */
type PgQuery = (pg.Query | TenantQuery) & { callback?: (err: Error | null, res: pg.QueryResult<Row>) => void };

/** Runs a query object on a client (a Query made directly, not from a config object, which pg
 * copies property by property with getOwnPropertyDescriptors on every call: ≈ 4 % of a list
 * request's CPU). */
function submit(client: pg.ClientBase, query: PgQuery): Promise<pg.QueryResult<Row>> {
  return new Promise((resolve, reject) => {
    query.callback = (err, res) => (err ? reject(err) : resolve(res));
    client.query(query as pg.Query);
  });
}

/**
 * Statements outside transactions go to a few long-lived connections in pg's pipeline mode rather
 * than through the pool. The pool gives each statement a connection of its own for a round trip:
 * under load every statement is one write and one read on each side and a wake-up of one of many
 * backends. Pipelined, the statements of concurrent requests share writes and reads, so both this
 * process and PostgreSQL spend about half the CPU per statement (ticket list under 50 concurrent
 * requests: ≈ 90 → 45 µs here, ≈ 160 → 110 µs in PostgreSQL).
 *
 * Each statement is still its own implicit transaction (pg ends every one with Sync): an error
 * fails only that statement. A connection is picked by fewest statements in flight, and opened
 * lazily up to `size`; one that fails or is closed by the server is dropped (statements in flight
 * on it fail like on a broken pool connection, i.e. 503) and replaced by the next statement.
 * Statements that need one connection for several round trips (transactions, LISTEN) never come
 * here.
 */
function createPipelines(url: string, size: number, connectionTimeoutMillis: number) {
  const conns: PipelineConn[] = [];
  let closed = false;
  const open = (): PipelineConn => {
    const client = new pg.Client({
      connectionString: url,
      types: pgTypes,
      pipeline: true,
      query_timeout: QUERY_TIMEOUT,
      connectionTimeoutMillis,
    });
    const conn: PipelineConn = { client, inflight: 0, ready: Promise.resolve(), corked: false };
    const drop = () => {
      const i = conns.indexOf(conn);
      if (i >= 0) conns.splice(i, 1);
    };
    client.on('error', () => {
      drop();
      client.end().catch(() => {});
    });
    client.on('end', drop);
    conn.ready = client.connect().then(
      () => {},
      (err: unknown) => {
        drop();
        client.end().catch(() => {});
        throw err;
      },
    );
    conns.push(conn);
    return conn;
  };
  return {
    async query(query: PgQuery): Promise<pg.QueryResult<Row>> {
      if (closed) throw new Error('Client was closed and is not queryable');
      let conn: PipelineConn | undefined;
      for (const c of conns) if (!conn || c.inflight < conn.inflight) conn = c;
      if (!conn || (conn.inflight > 0 && conns.length < size)) conn = open();
      conn.inflight++;
      try {
        await conn.ready;
        // The statements of one event-loop turn go out in one write per connection: the socket is
        // corked at the first and uncorked after the turn's I/O callbacks (setImmediate), so the
        // requests that arrived together share one syscall here and one read in PostgreSQL rather
        // than one each (pg itself writes every statement at once). Under the ticket list's load
        // that is ≈ 5 statements per write, ≈ 30 µs less CPU per request here and as much in
        // PostgreSQL (bench/server/README.md).
        if (!conn.corked) {
          const stream = conn.client.connection.stream;
          conn.corked = true;
          stream.cork();
          setImmediate(() => {
            conn.corked = false;
            stream.uncork();
          });
        }
        return await submit(conn.client, query);
      } finally {
        conn.inflight--;
      }
    },
    size: () => conns.length,
    async close() {
      closed = true;
      await Promise.all(conns.splice(0).map((c) => c.client.end().catch(() => {})));
    },
  };
}

/** node-postgres-backed Db. The Pool reconnects by itself when the database comes back. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    max: opts.max ?? 20,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3000,
    idleTimeoutMillis: 30000,
    // A dead server must not hang a request forever.
    query_timeout: QUERY_TIMEOUT,
  });
  const pipelineCount = opts.pipelines ?? 4;
  const pipelines = pipelineCount > 0 ? createPipelines(url, pipelineCount, opts.connectionTimeoutMillis ?? 3000) : null;
  // Idle clients killed by the server (restart, pg_terminate_backend) emit here; the pool drops them.
  pool.on('error', () => {});
  // Parameterised statements are prepared once per connection under a name derived from their
  // text: PostgreSQL then skips parsing and planning on every later execution (for the ticket
  // list that halves the database's CPU per request). Bounded: only short statements with few
  // parameters (not the seed's bulk INSERTs), and at most MAX_NAMED distinct texts per process.
  const names = new Map<string, string>();
  const prepare = opts.prepare !== false;
  /** The query object of a statement: named when it may be prepared; in a tenant context with `orgId`. */
  const makeQuery = (sql: string, params: unknown[] | undefined, orgId?: string): PgQuery => {
    const values = params && params.length > 0 ? params : undefined;
    const query: PgQuery = orgId === undefined ? new pg.Query(sql, values) : new TenantQuery(orgId, sql, values ?? [], prepare);
    if (values && prepare) {
      let name = names.get(sql);
      if (name === undefined && names.size < MAX_NAMED && sql.length <= 8192 && values.length <= 64) {
        name = `p_${createHash('sha1').update(sql).digest('base64url').slice(0, 24)}`;
        names.set(sql, name);
      }
      if (name !== undefined) (query as { name?: string }).name = name;
    }
    return query;
  };
  // Statements a transaction runs on the side (`Queryable.autonomous`) when nothing is pipelined:
  // a small pool of their own, opened on first use, so that they never wait for a connection held
  // by a transaction that waits for them.
  let sidePool: pg.Pool | undefined;
  const side = () => {
    if (!sidePool) {
      sidePool = new pg.Pool({
        connectionString: url,
        types: pgTypes,
        max: 2,
        connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3000,
        idleTimeoutMillis: 30000,
        query_timeout: QUERY_TIMEOUT,
      });
      sidePool.on('error', () => {});
    }
    return sidePool;
  };
  /** A statement outside a transaction: pipelined, or on a pooled connection of its own. */
  const single = async (query: PgQuery, from: () => pg.Pool = () => pool) => {
    if (pipelines) return pipelines.query(query);
    const client = await from().connect();
    let failed: Error | undefined;
    try {
      return await submit(client, query);
    } catch (err) {
      failed = err as Error; // like pool.query: a client whose statement failed is not reused
      throw err;
    } finally {
      client.release(failed);
    }
  };
  const run = async <T extends Row>(result: Promise<pg.QueryResult<Row>>) => {
    try {
      return (await result).rows as T[];
    } catch (err) {
      throw wrapDbError(err);
    }
  };
  const listeners: Array<{ stop(): Promise<void> }> = [];
  const transaction: Db['transaction'] = async (fn, opts) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      throw wrapDbError(err);
    }
    let broken = false;
    // Removed again in finally: pooled clients are reused, a listener per transaction would pile up.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    const tx: Queryable = {
      query: (sql, params) => run(submit(client, makeQuery(sql, params))),
      exec: async (sql) => {
        await run(client.query(sql));
      },
      // Behind a transaction-mode pooler (prepare off: PgBouncer) the server connections are shared
      // by every client connection: transactions holding all of them while each waits for a statement
      // on the side would deadlock, so there the statement runs in the transaction (its row lock is
      // then held to COMMIT, as before issue 16).
      autonomous: (sql, params) =>
        prepare ? run(single(makeQuery(sql, params, opts?.orgId), side)) : run(submit(client, makeQuery(sql, params))),
    };
    try {
      // One round trip: the tenant context (transaction-local) travels with BEGIN.
      await run(
        client.query(opts?.orgId === undefined ? 'BEGIN' : `BEGIN; ${TENANT_CONTEXT_SQL.replace('$1', pg.escapeLiteral(opts.orgId))}`),
      );
      const out = await fn(tx);
      await tx.query('COMMIT');
      return out;
    } catch (err) {
      try {
        if (!broken) await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw wrapDbError(err);
    } finally {
      client.off('error', onError);
      client.release(broken ? true : undefined);
    }
  };
  return {
    kind: 'postgres',
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: opts.max ?? 20,
      pipelines: pipelines?.size() ?? 0,
    }),
    query: (sql, params) => run(single(makeQuery(sql, params))),
    exec: async (sql) => {
      await run(pool.query(sql));
    },
    transaction,
    forOrg: (orgId) =>
      orgHandle(
        { tenantQuery: (org, sql, params) => run(single(makeQuery(sql, params, org))), transaction: (fn, o) => transaction(fn, o) },
        orgId,
      ),
    async listen(channel, onMessage, onReconnect) {
      let stopped = false;
      let client: pg.Client | null = null;
      let delay = 250;
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const c = new pg.Client({ connectionString: opts.listenUrl ?? url, connectionTimeoutMillis: 3000 });
        c.on('error', () => {});
        c.on('end', () => {
          if (stopped || client !== c) return;
          client = null;
          setTimeout(() => void connect().then(() => onReconnect?.()), delay);
        });
        c.on('notification', (msg) => {
          if (msg.channel === channel) onMessage(msg.payload ?? '');
        });
        try {
          await c.connect();
          await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          client = c;
          delay = 250;
        } catch {
          c.end().catch(() => {});
          delay = Math.min(delay * 2, 5000);
          await new Promise((r) => setTimeout(r, delay));
          return connect();
        }
      };
      // The first connection must succeed quickly or start-up fails loudly.
      await connect();
      const handle = {
        async stop() {
          stopped = true;
          const c = client;
          client = null;
          await c?.end().catch(() => {});
        },
      };
      listeners.push(handle);
      return () => handle.stop();
    },
    async close() {
      await Promise.all(listeners.map((l) => l.stop()));
      await pipelines?.close();
      await Promise.all([pool.end(), sidePool?.end()]);
    },
  };
}
