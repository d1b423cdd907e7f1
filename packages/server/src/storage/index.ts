/**
 * The storage layer: where file bytes live, addressed by their SHA-256, streamed in and out.
 * `createStorage(config, db)` picks the backend the configuration names (`PORTICO_STORAGE`).
 */
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import { createDiskStorage } from './disk.js';
import { createPgStorage } from './pg.js';
import { createS3Storage } from './s3.js';
import type { Storage } from './types.js';

export { createDiskStorage } from './disk.js';
export { createPgStorage, deletePgBlob, type PgStorageOptions } from './pg.js';
export { createS3Client, createS3Storage, type S3StorageOptions } from './s3.js';
export { DEFAULT_HEAD_BYTES, readAll } from './stream.js';
export * from './types.js';

/** The backend named by the configuration (`PORTICO_STORAGE`, `PORTICO_S3_*`, `PORTICO_FILES_DIR`). */
export function createStorage(config: Pick<Config, 'filesDir' | 'storage'>, db?: Db): Storage {
  const s = config.storage;
  switch (s.kind) {
    case 'disk':
      return createDiskStorage(config.filesDir);
    case 'postgres':
      if (!db) throw new Error('PORTICO_STORAGE=postgres needs the database.');
      // PGlite runs one statement or transaction at a time: a file stored from inside a transaction
      // (an invoice's PDF, the seed) would wait for that very transaction.
      if (db.kind === 'pglite') throw new Error('PORTICO_STORAGE=postgres needs PostgreSQL (DATABASE_URL); with PGlite use disk.');
      return createPgStorage(db);
    case 's3':
      if (!s.s3) throw new Error('PORTICO_STORAGE=s3 needs PORTICO_S3_BUCKET.');
      return createS3Storage(s.s3);
  }
}
