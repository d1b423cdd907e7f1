import { describe } from 'vitest';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { createPgStorage } from '../src/storage/index.js';
import { freshDb, isPostgres } from './helpers.js';
import { storageSuite } from './storage-suite.js';

const CHUNK = 256 * 1024;

/** The database as the storage sees it, noting the largest value it sends or reads. */
function observed(db: Db) {
  let largest = 0;
  const size = (v: unknown) => (v instanceof Uint8Array ? v.byteLength : typeof v === 'string' ? v.length : 0);
  const note = (rows: Record<string, unknown>[], params: unknown[] = []) => {
    for (const p of params) largest = Math.max(largest, size(p));
    for (const r of rows) for (const v of Object.values(r)) largest = Math.max(largest, size(v));
    return rows;
  };
  const wrapped: Db = {
    ...db,
    kind: db.kind,
    query: async (sql, params) => note(await db.query(sql, params), params) as never,
    transaction: (fn) =>
      db.transaction((tx) => fn({ ...tx, query: async (sql, params) => note(await tx.query(sql, params), params) as never })),
  };
  return { db: wrapped, largest: () => largest };
}

describe(`file_chunks storage on ${isPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  storageSuite(`postgres file_chunks (${isPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const fresh = await freshDb(undefined, { migrated: true });
    await migrate(fresh.db);
    const { db, largest } = observed(fresh.db);
    const count = async (sql: string) => Number((await fresh.db.query<{ n: string | number }>(sql))[0]!.n);
    return {
      storage: createPgStorage(db, { chunkSize: CHUNK }),
      listStored: async () =>
        (await fresh.db.query<{ sha256: string }>('SELECT sha256 FROM file_blobs WHERE sha256 IS NOT NULL ORDER BY sha256')).map(
          (r) => r.sha256,
        ),
      // Unpublished blobs, and chunks that belong to no published blob.
      countTemporary: async () =>
        (await count('SELECT count(*) AS n FROM file_blobs WHERE sha256 IS NULL')) +
        (await count('SELECT count(*) AS n FROM file_chunks c JOIN file_blobs b ON b.id = c.blob_id WHERE b.sha256 IS NULL')),
      async makeLeftover() {
        await fresh.db.query("INSERT INTO file_blobs (id, chunk_size) VALUES ('blob_killed', 262144)");
      },
      exactCreated: true,
      // PGlite keeps the database in this process's memory: there the bound is the statement size.
      // PostgreSQL: two chunks and the driver's buffers (≈ 1 MiB measured); buffering shows 50+.
      memoryBound: isPostgres ? 4 * 1024 * 1024 : undefined,
      statementBytes: largest,
      // a chunk: binary on PostgreSQL, base64 text on PGlite (4/3 and PostgreSQL's line breaks)
      statementBound: isPostgres ? CHUNK : Math.ceil(CHUNK * 1.36),
      close: () => fresh.drop(),
    };
  });
});
