import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../src/config.js';
import { fileForm, type Harness, harness, PNG, seedFixture } from './helpers.js';
import { startS3rver } from './s3-server.js';

/**
 * The routes on an S3 store: a real S3-protocol server (s3rver, started here), the storage the
 * configuration names (`createStorage`), uploads and downloads through the portal and staff APIs.
 */
const s3Config = (endpoint: string, presign: boolean): StorageConfig => ({
  kind: 's3',
  s3: {
    bucket: 'portico-test',
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'routes/',
    partSize: 5 * 1024 * 1024,
  },
  presign,
  presignTtlSeconds: 120,
});

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

let s3: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3?.close());

describe('downloads from S3', () => {
  let h: Harness;
  let presigned: Harness;
  beforeAll(async () => {
    h = await harness({ storage: s3Config(s3.endpoint, false) });
    presigned = await harness({ storage: s3Config(s3.endpoint, true) });
  });
  afterAll(async () => {
    await h?.close();
    await presigned?.close();
  });

  it('proxied: the bytes come through the server with its headers, ranges included', async () => {
    const fx = await seedFixture(h);
    const whole = await fetch(fx.acme.fileUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await whole.arrayBuffer()).equals(PNG)).toBe(true);
    const part = await fetch(fx.acme.fileUrl, { headers: { range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1-3/${PNG.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(PNG.subarray(1, 4))).toBe(true);
  });

  it('presigned (PORTICO_S3_PRESIGN=1): the signed link redirects to a short-lived S3 URL carrying the type and disposition', async () => {
    const fx = await seedFixture(presigned);
    const r = await fetch(fx.acme.fileUrl, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const location = new URL(r.headers.get('location')!);
    expect(location.origin).toBe(s3.endpoint);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(location.searchParams.get('response-content-type')).toBe('image/png');
    expect(location.searchParams.get('response-content-disposition')).toMatch(/^attachment; filename="mock.png"/);
    const bytes = await fetch(location);
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(PNG)).toBe(true);
    // A wrong signature still answers like a missing file, before anything is presigned.
    expect((await fetch(fx.acme.fileUrl.replace(/sig=[^&]+/, 'sig=x'), { redirect: 'manual' })).status).toBe(404);
  });
});

describe('a file store that cannot be reached', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ storage: s3Config(`http://127.0.0.1:${await closedPort()}`, false) });
  });
  afterAll(() => h?.close());

  it('an upload answers 503 unavailable with Retry-After, not 500', async () => {
    const token = await h.token('acme', 'alice', ['member']);
    const r = await h.api('/attachments', { token, form: fileForm('a.png', PNG, 'image/png') });
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.headers.get('retry-after')).toBe('5');
    expect(r.body.code).toBe('unavailable');
    expect(r.body.detail).toMatch(/file storage/);
  });
});
