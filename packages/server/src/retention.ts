/**
 * Retention: what the server keeps only for a while, deleted by a periodic job in every server
 * process (`startRetention`) or by a direct call (`runRetention`).
 *
 * - Idempotency keys after 24 h (a replay later than that is a new request anyway).
 * - Events after `eventRetentionHours` (PORTICO_EVENT_RETENTION_HOURS). The statement that deletes
 *   an organization's events also raises its `events_expired_seq`, so a stream resuming from an
 *   older `Last-Event-ID` is told `stream.reset` (routes/events.ts) instead of missing changes.
 * - Uploads attached to nothing after 24 h: `files` rows with no message and no row of any table
 *   whose foreign key points at files (read from the catalog, so a new referencing table is
 *   covered by declaring its foreign key). Their bytes are deleted only when no `files` row refers
 *   to the hash any more (content is shared), under the hash's advisory lock — the lock an upload
 *   holds from storing the bytes until its transaction commits (`holdContent`), so the bytes a new
 *   upload reuses are never deleted under it. And what interrupted puts left in the storage.
 *
 * No long locks: every batch is one short statement (`LIMIT … FOR UPDATE SKIP LOCKED`) or one
 * short transaction per hash. Several processes may run the job at once: they skip each other's
 * rows, events are deleted one organization per statement (one organization row locked at a time,
 * never two in opposite orders), and a hash is judged and deleted under its lock.
 */

import { pruneWebhookEvents } from './connectors/webhooks.js';
import type { Db, Queryable, Row } from './db/db.js';
import type { Logger } from './log.js';
import { deletePgBlob, type Storage } from './storage/index.js';

/** First key of the two-key advisory lock on a content hash (the second is from the hash). */
const CONTENT_LOCK_CLASS = 7273011;

/**
 * Takes the transaction-level advisory lock of a content hash on `q` (a transaction, or a handle
 * in one). Held until that transaction ends; the retention job takes it before judging whether
 * anything still refers to the hash.
 */
export async function lockContent(q: Pick<Queryable, 'query'>, sha256: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [CONTENT_LOCK_CLASS, Number.parseInt(sha256.slice(0, 8), 16) | 0]);
}

/**
 * For an upload whose bytes were just stored under `sha256`, inside the transaction that will
 * insert its `files` row: locks the hash until that transaction ends and makes sure the bytes are
 * still there — the retention job may have deleted the content (then unused) between the put and
 * the lock; `reput` stores it again. Without `store` (a storage that can't say) nothing is checked.
 */
export async function holdContent(
  q: Pick<Queryable, 'query'>,
  sha256: string,
  store: Pick<Storage, 'exists'> | undefined,
  reput: () => Promise<unknown>,
): Promise<void> {
  await lockContent(q, sha256);
  if (store && !(await store.exists(sha256))) await reput();
}

export interface RetentionOptions {
  /** Events older than this many hours are deleted (PORTICO_EVENT_RETENTION_HOURS). */
  eventRetentionHours: number;
  /** Idempotency keys older than this (default 24 h). */
  keyRetentionHours?: number;
  /** Uploads attached to nothing after this (default 24 h); also the age of storage leftovers swept. */
  orphanRetentionHours?: number;
  /** Rows per statement (default 500). */
  batchSize?: number;
}

export interface RetentionResult {
  idempotencyKeys: number;
  events: number;
  orphanFiles: number;
  /** Contents deleted from the storage (no `files` row referred to them any more). */
  contents: number;
  /** What interrupted puts left in the storage (`Storage.sweep`). */
  leftovers: number;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Every single-column foreign key that refers to `files`: table (as regclass text) and column. */
export async function fileReferences(db: Pick<Queryable, 'query'>): Promise<Array<{ table: string; column: string }>> {
  const rows = await db.query<{ tbl: string; col: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = 'files'::regclass AND cardinality(c.conkey) = 1
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ table: r.tbl, column: r.col }));
}

/** Deletes in batches until a batch comes back short; returns the total. */
async function batches(size: number, run: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await run();
    total += n;
    if (n < size) return total;
  }
}

/** One pass of the retention job: each kind in batches, each batch short. */
export async function runRetention(db: Db, storage: Storage | undefined, options: RetentionOptions): Promise<RetentionResult> {
  const size = options.batchSize ?? 500;
  const keyHours = options.keyRetentionHours ?? 24;
  const orphanHours = options.orphanRetentionHours ?? 24;
  const count = (rows: Row[]) => Number(rows[0]?.n ?? 0);

  const idempotencyKeys = await batches(size, async () =>
    count(
      await db.query(
        `WITH gone AS (
           DELETE FROM idempotency_keys WHERE (scope, principal, key) IN (
             SELECT scope, principal, key FROM idempotency_keys
             WHERE created_at < now() - $1::double precision * interval '1 hour'
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING 1)
         SELECT count(*) AS n FROM gone`,
        [keyHours, size],
      ),
    ),
  );

  // Connector webhook event ids (src/connectors/webhooks.ts): remembered 30 days.
  await pruneWebhookEvents(db, size);

  // Events: per organization, oldest first, and the organization's expiry mark in the same statement.
  let events = 0;
  const orgs = await db.query<{ org_id: string }>(
    `SELECT DISTINCT org_id FROM events WHERE occurred_at < now() - $1::double precision * interval '1 hour'`,
    [options.eventRetentionHours],
  );
  for (const { org_id } of orgs) {
    // Number what is committed first (migration 070): an unnumbered event deleted unseen would be a
    // gap no `Last-Event-ID` check could notice.
    await db.transaction((tx) => tx.query('SELECT number_events($1)', [org_id]));
    events += await batches(size, async () =>
      count(
        await db.query(
          `WITH gone AS (
             DELETE FROM events WHERE org_id = $1 AND seq IN (
               SELECT seq FROM events WHERE org_id = $1 AND occurred_at < now() - $2::double precision * interval '1 hour'
               ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED)
             RETURNING seq),
           marked AS (
             UPDATE organizations SET events_expired_seq = greatest(events_expired_seq, (SELECT max(seq) FROM gone))
             WHERE id = $1 AND EXISTS (SELECT 1 FROM gone))
           SELECT count(*) AS n FROM gone`,
          [org_id, options.eventRetentionHours, size],
        ),
      ),
    );
  }

  // Uploads attached to nothing: no message, no referencing row.
  const refs = await fileReferences(db);
  const unreferenced = refs
    .map(({ table, column }) => ` AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.${quoteIdent(column)} = f.id)`)
    .join('');
  let orphanFiles = 0;
  let contents = 0;
  for (;;) {
    const gone = await db.query<{ sha256: string }>(
      `DELETE FROM files WHERE id IN (
         SELECT f.id FROM files f
         WHERE f.message_id IS NULL AND f.created_at < now() - $1::double precision * interval '1 hour'${unreferenced}
         ORDER BY f.created_at LIMIT $2 FOR UPDATE OF f SKIP LOCKED)
       RETURNING sha256`,
      [orphanHours, size],
    );
    orphanFiles += gone.length;
    if (storage) for (const sha of new Set(gone.map((g) => g.sha256))) if (await deleteContentIfUnused(db, storage, sha)) contents++;
    if (gone.length < size) break;
  }

  const leftovers = storage ? await storage.sweep(orphanHours * 3600_000) : 0;
  return { idempotencyKeys, events, orphanFiles, contents, leftovers };
}

/**
 * Deletes the content of a hash when no `files` row refers to it, deciding and deleting under the
 * hash's lock (an upload reusing the content holds it until its row is committed).
 */
export function deleteContentIfUnused(db: Db, storage: Storage, sha256: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockContent(tx, sha256);
    const [used] = await tx.query('SELECT 1 FROM files WHERE sha256 = $1 LIMIT 1', [sha256]);
    if (used) return false;
    // The postgres backend keeps its bytes in this database: delete them in this transaction.
    return storage.kind === 'postgres' ? deletePgBlob(tx, sha256) : storage.delete(sha256);
  });
}

export interface RetentionJob {
  /** Runs one pass now (or waits for the one running). */
  run(): Promise<RetentionResult | undefined>;
  stop(): Promise<void>;
}

/**
 * Runs `runRetention` every `intervalMs` (first after a random part of a minute, so processes
 * started together spread out); 0 disables it. A pass never overlaps the previous one in this
 * process; failures are logged and the next pass tries again.
 */
export function startRetention(
  db: Db,
  storage: Storage | undefined,
  options: RetentionOptions & { intervalMs: number },
  log: Logger,
): RetentionJob {
  let current: Promise<RetentionResult | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = (): Promise<RetentionResult | undefined> => {
    current ??= runRetention(db, storage, options)
      .then(
        (r) => {
          if (r.idempotencyKeys || r.events || r.orphanFiles || r.contents || r.leftovers) log.info('retention', { ...r });
          return r;
        },
        (err) => {
          log.warn('retention pass failed', { error: String(err instanceof Error ? err.message : err) });
          return undefined;
        },
      )
      .finally(() => {
        current = undefined;
      });
    return current;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run().finally(() => schedule(options.intervalMs));
    }, ms);
    timer.unref?.();
  };
  if (options.intervalMs > 0) schedule(Math.random() * Math.min(options.intervalMs, 60_000));
  return {
    run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
