import type { Db, Queryable } from '../db/db.js';
import { drain, pullStream, startPut, tempName } from './stream.js';
import { type ByteSource, type PutOptions, type PutResult, resolveRange, SHA256_RE, type Storage, type StoredObject } from './types.js';

export interface PgStorageOptions {
  /** Bytes per `file_chunks` row (default 256 KiB). Stored per blob, so it can change later. */
  chunkSize?: number;
}

/**
 * Deletes a published blob through `q` — the storage's own database, or a transaction on it (the
 * retention job deletes inside the transaction that holds the hash's lock: on PGlite a statement
 * outside it would wait for it forever). False when there was none.
 */
export async function deletePgBlob(q: Pick<Queryable, 'query'>, sha256: string): Promise<boolean> {
  if (!SHA256_RE.test(sha256)) return false;
  return (await q.query('DELETE FROM file_blobs WHERE sha256 = $1 RETURNING id', [sha256])).length > 0;
}

/** First key of the two-key advisory locks taken while publishing a hash (the second is from the hash). */
const PUBLISH_LOCK_CLASS = 7273020;

/**
 * Content in the `file_chunks` table (migration 020), for deployments whose only shared service is
 * PostgreSQL (or a single PGlite). A put writes its chunks under a new blob row whose sha256 is
 * still NULL, one statement per chunk (one chunk in flight while the next fills, so at most two
 * chunks are in memory), then publishes in one short transaction: under an advisory lock on the
 * hash, set the row's sha256 — or, when another blob already has it, delete ours. No transaction
 * stays open while bytes arrive. A get reads one chunk per statement as the consumer pulls.
 */
export function createPgStorage(db: Db, options: PgStorageOptions = {}): Storage {
  const chunkSize = options.chunkSize ?? 256 * 1024;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new TypeError('chunkSize must be a positive integer.');

  const head = async (sha256: string) => {
    if (!SHA256_RE.test(sha256)) return null;
    const [row] = await db.query<{ size: string | number }>('SELECT size FROM file_blobs WHERE sha256 = $1', [sha256]);
    return row ? { size: Number(row.size) } : null;
  };

  // PGlite converts bytea to and from hex in JavaScript, byte by byte; base64 text (encoded and
  // decoded natively on both sides) moves chunks 7× faster in and 13× faster out. node-postgres
  // sends a Buffer parameter as binary and parses bytea natively already.
  const base64 = db.kind === 'pglite';
  const insertChunk = (id: string, idx: number, data: Uint8Array) =>
    base64
      ? db.query("INSERT INTO file_chunks (blob_id, idx, data) VALUES ($1, $2, decode($3, 'base64'))", [
          id,
          idx,
          Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64'),
        ])
      : db.query('INSERT INTO file_chunks (blob_id, idx, data) VALUES ($1, $2, $3)', [id, idx, data]);
  const readChunk = async (id: string, idx: number): Promise<Uint8Array | null> => {
    if (base64) {
      const [row] = await db.query<{ b64: string }>(
        "SELECT encode(data, 'base64') AS b64 FROM file_chunks WHERE blob_id = $1 AND idx = $2",
        [id, idx],
      );
      return row ? Buffer.from(row.b64, 'base64') : null;
    }
    const [row] = await db.query<{ data: Uint8Array }>('SELECT data FROM file_chunks WHERE blob_id = $1 AND idx = $2', [id, idx]);
    return row ? row.data : null;
  };

  const discard = (id: string) => db.query('DELETE FROM file_blobs WHERE id = $1', [id]);

  return {
    kind: 'postgres',

    async put(source: ByteSource, putOptions?: PutOptions): Promise<PutResult> {
      const pipe = await startPut(source, putOptions);
      const expected = putOptions?.expectedSha256?.toLowerCase();
      if (expected && (await head(expected).catch(() => null))) {
        // Already stored: only verify the claim.
        await drain(pipe);
        return { ...pipe.result(), created: false };
      }
      const id = `blob_${tempName()}`;
      let inserted = false;
      let inflight: Promise<unknown> | undefined;
      try {
        await db.query('INSERT INTO file_blobs (id, chunk_size) VALUES ($1, $2)', [id, chunkSize]);
        inserted = true;
        let idx = 0;
        const flush = async (data: Uint8Array) => {
          if (inflight) await inflight;
          inflight = insertChunk(id, idx++, data);
          inflight.catch(() => {}); // awaited before the next chunk and at the end
        };
        let buf = Buffer.allocUnsafe(chunkSize);
        let fill = 0;
        for await (const chunk of pipe.chunks) {
          let off = 0;
          while (off < chunk.byteLength) {
            const n = Math.min(chunkSize - fill, chunk.byteLength - off);
            buf.set(chunk.subarray(off, off + n), fill);
            fill += n;
            off += n;
            if (fill === chunkSize) {
              await flush(buf);
              buf = Buffer.allocUnsafe(chunkSize);
              fill = 0;
            }
          }
        }
        if (fill > 0) await flush(buf.subarray(0, fill));
        if (inflight) await inflight;
        const { sha256, size } = pipe.result();
        const created = await db.transaction(async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [
            PUBLISH_LOCK_CLASS,
            Number.parseInt(sha256.slice(0, 8), 16) | 0,
          ]);
          const [existing] = await tx.query('SELECT id FROM file_blobs WHERE sha256 = $1', [sha256]);
          if (existing) {
            await tx.query('DELETE FROM file_blobs WHERE id = $1', [id]);
            return false;
          }
          const done = await tx.query('UPDATE file_blobs SET sha256 = $1, size = $2 WHERE id = $3 RETURNING id', [sha256, size, id]);
          if (done.length !== 1) throw new Error(`file_blobs ${id} vanished before it was published (swept?)`);
          return true;
        });
        return { sha256, size, created };
      } catch (err) {
        await pipe.cancel();
        await inflight?.catch(() => {});
        if (inserted) await discard(id).catch(() => {}); // else `sweep` removes it later
        throw err;
      }
    },

    async get(sha256, getOptions = {}): Promise<StoredObject | null> {
      if (!SHA256_RE.test(sha256)) return null;
      const [blob] = await db.query<{ id: string; size: string | number; chunk_size: number }>(
        'SELECT id, size, chunk_size FROM file_blobs WHERE sha256 = $1',
        [sha256],
      );
      if (!blob) return null;
      const size = Number(blob.size);
      const cs = blob.chunk_size;
      const { start, end } = resolveRange(size, getOptions.range);
      const firstIdx = Math.floor(start / cs);
      const lastIdx = end < start ? -1 : Math.floor(end / cs);
      let idx = firstIdx;
      const body = pullStream(
        async () => {
          if (idx > lastIdx) return null;
          const data = await readChunk(blob.id, idx);
          if (!data) throw new Error(`${sha256}: chunk ${idx} is missing (deleted while being read?)`);
          const base = idx * cs;
          const from = idx === firstIdx ? start - base : 0;
          const to = idx === lastIdx ? end - base + 1 : data.byteLength;
          idx++;
          return from === 0 && to === data.byteLength ? data : data.subarray(from, to);
        },
        async () => {},
      );
      return { size, start, end, body };
    },

    head,

    async exists(sha256) {
      return (await head(sha256)) !== null;
    },

    delete: (sha256) => deletePgBlob(db, sha256),

    async sweep(olderThanMs) {
      const rows = await db.query(
        `DELETE FROM file_blobs WHERE sha256 IS NULL AND created_at < now() - $1::double precision * interval '1 millisecond' RETURNING id`,
        [olderThanMs],
      );
      return rows.length;
    },

    async check() {
      await db.query('SELECT 1 FROM file_blobs LIMIT 1');
    },

    async close() {},
  };
}
