import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/db.js';
import { openPglite } from '../src/db/pglite.js';
import { createStorage } from '../src/storage/index.js';
import { sniffMediaType } from '../src/storage.js';

const storageOf = (env: Record<string, string>) => loadConfig(env).storage;

describe('storage configuration (PORTICO_STORAGE, PORTICO_S3_*)', () => {
  it('defaults to disk; PORTICO_STORAGE names the backend', () => {
    expect(storageOf({})).toEqual({ kind: 'disk', presign: false, presignTtlSeconds: 300 });
    expect(storageOf({ PORTICO_STORAGE: 'postgres' }).kind).toBe('postgres');
    expect(storageOf({ PORTICO_STORAGE: 'disk', PORTICO_S3_BUCKET: 'b' }).kind).toBe('disk');
  });

  it('a bucket alone implies s3, with defaults for the rest', () => {
    expect(storageOf({ PORTICO_S3_BUCKET: 'files' })).toEqual({
      kind: 's3',
      s3: {
        bucket: 'files',
        endpoint: undefined,
        region: 'us-east-1',
        accessKeyId: undefined,
        secretAccessKey: undefined,
        forcePathStyle: false,
        prefix: undefined,
        partSize: 8 * 1024 * 1024,
      },
      presign: false,
      presignTtlSeconds: 300,
    });
  });

  it('reads every S3 variable', () => {
    expect(
      storageOf({
        PORTICO_STORAGE: 's3',
        PORTICO_S3_ENDPOINT: 'http://minio:9000',
        PORTICO_S3_BUCKET: 'portal',
        PORTICO_S3_REGION: 'eu-central-1',
        PORTICO_S3_ACCESS_KEY_ID: 'AK',
        PORTICO_S3_SECRET_ACCESS_KEY: 'SK',
        PORTICO_S3_FORCE_PATH_STYLE: 'true',
        PORTICO_S3_PREFIX: 'portico/',
        PORTICO_S3_PART_SIZE_MB: '16',
        PORTICO_S3_PRESIGN: '1',
        PORTICO_S3_PRESIGN_TTL: '120',
      }),
    ).toEqual({
      kind: 's3',
      s3: {
        bucket: 'portal',
        endpoint: 'http://minio:9000',
        region: 'eu-central-1',
        accessKeyId: 'AK',
        secretAccessKey: 'SK',
        forcePathStyle: true,
        prefix: 'portico/',
        partSize: 16 * 1024 * 1024,
      },
      presign: true,
      presignTtlSeconds: 120,
    });
  });

  it('refuses inconsistent settings at start, naming the variable', () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ PORTICO_STORAGE: 'nfs' }, /PORTICO_STORAGE must be disk, postgres or s3/],
      [{ PORTICO_STORAGE: 's3' }, /PORTICO_S3_BUCKET/],
      [{ PORTICO_S3_BUCKET: 'b', PORTICO_S3_ACCESS_KEY_ID: 'AK' }, /PORTICO_S3_SECRET_ACCESS_KEY/],
      [{ PORTICO_S3_PRESIGN: '1' }, /PORTICO_S3_PRESIGN=1 needs the s3 storage/],
      [{ PORTICO_S3_BUCKET: 'b', PORTICO_S3_FORCE_PATH_STYLE: 'maybe' }, /PORTICO_S3_FORCE_PATH_STYLE must be 1 or 0/],
      [{ PORTICO_S3_BUCKET: 'b', PORTICO_S3_PART_SIZE_MB: '4' }, /PORTICO_S3_PART_SIZE_MB must be a number from 5/],
      [{ PORTICO_S3_BUCKET: 'b', PORTICO_S3_PRESIGN_TTL: '0' }, /PORTICO_S3_PRESIGN_TTL/],
      [{ PORTICO_S3_BUCKET: 'b', PORTICO_S3_PRESIGN_TTL: '700000' }, /PORTICO_S3_PRESIGN_TTL/],
    ];
    for (const [env, message] of bad) expect(() => loadConfig(env), JSON.stringify(env)).toThrow(message);
  });

  it('createStorage builds the configured backend', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portico-cfg-'));
    const db = await openPglite('memory://');
    try {
      const cfg = (env: Record<string, string>) => ({ ...loadConfig(env), filesDir: dir });
      expect(createStorage(cfg({})).kind).toBe('disk');
      // A PostgreSQL store is made without a statement: a Db of that kind is enough here.
      expect(createStorage(cfg({ PORTICO_STORAGE: 'postgres' }), { ...db, kind: 'postgres' } as Db).kind).toBe('postgres');
      // PGlite runs one transaction at a time: a file stored inside one (an invoice's PDF) would wait for it.
      expect(() => createStorage(cfg({ PORTICO_STORAGE: 'postgres' }), db)).toThrow(/needs PostgreSQL/);
      expect(() => createStorage(cfg({ PORTICO_STORAGE: 'postgres' }))).toThrow(/needs the database/);
      // The S3 client is made on first use: building the store needs no network.
      const s3 = createStorage(cfg({ PORTICO_S3_BUCKET: 'b', PORTICO_S3_PRESIGN: '1' }));
      expect(s3.kind).toBe('s3');
      expect(typeof s3.presign).toBe('function');
      expect(createStorage(cfg({})).presign).toBeUndefined();
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sniffMediaType on the head of a stream', () => {
  it('a UTF-8 character cut at the end of the head is still text when more follows, not when the content ends there', () => {
    const text = Buffer.from('Grüße aus Köln — ');
    const cut = text.subarray(0, text.indexOf(Buffer.from('—')) + 1); // first byte of a 3-byte character
    expect(sniffMediaType(cut, { complete: false })).toBe('text/plain');
    expect(sniffMediaType(cut)).toBeNull();
    expect(sniffMediaType(text)).toBe('text/plain');
    expect(sniffMediaType(Buffer.from([0x47, 0x00, 0x41]), { complete: false })).toBeNull();
  });
});
