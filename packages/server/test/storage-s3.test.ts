import { createHash, createHmac } from 'node:crypto';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createS3Client, createS3Storage, createStorage, readAll, type Storage } from '../src/storage/index.js';
import { isPostgres } from './helpers.js';
import { startS3rver } from './s3-server.js';
import { bytes, storageSuite } from './storage-suite.js';

const MiB = 1024 * 1024;

/** AWS Signature V4 of a presigned S3 GET URL (query-string auth, unsigned payload), from the spec. */
function sigV4(url: URL, secret: string): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = ['GET', url.pathname, query, `host:${url.host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const date = url.searchParams.get('X-Amz-Date')!;
  const scope = url.searchParams.get('X-Amz-Credential')!.split('/').slice(1).join('/');
  const toSign = ['AWS4-HMAC-SHA256', date, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const [day, region, service, term] = scope.split('/') as [string, string, string, string];
  let key: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [day, region, service, term]) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(toSign).digest('hex');
}
const PART = 5 * MiB;
const PREFIX = 'portico/';

async function openS3(commands: string[] = []) {
  const s3 = await startS3rver();
  const options = {
    endpoint: s3.endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER', // s3rver's built-in account
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  const client = await createS3Client(options);
  // Observes (does not alter) every command the storage sends.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName as string);
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  const storage = createS3Storage({ bucket: 'portico-test', prefix: PREFIX, client, partSize: PART, queueSize: 2 });
  const list = async (prefix: string) => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: 'portico-test', Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) keys.push(o.Key!);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  };
  return { s3, client, storage, list, options };
}

// S3 does not use the database: it runs once, in the PGlite project.
describe.skipIf(isPostgres)('S3 storage against s3rver (database-independent: runs in the pglite project only)', () => {
  const commands: string[] = [];
  storageSuite('s3 (s3rver)', async () => {
    const { s3, client, storage, list } = await openS3(commands);
    return {
      storage,
      listStored: async () => (await list(`${PREFIX}blobs/`)).map((k) => k.slice(`${PREFIX}blobs/`.length)).sort(),
      countTemporary: async () => (await list(`${PREFIX}tmp/`)).length,
      async makeLeftover() {
        await client.send(new PutObjectCommand({ Bucket: 'portico-test', Key: `${PREFIX}tmp/killed-mid-upload`, Body: 'partial' }));
      },
      exactCreated: false,
      // lib-storage: queueSize (2) parts of 5 MiB in flight, one filling and its concatenated copy
      // (≈ 17 MiB measured); buffering the content shows 50+.
      memoryBound: 24 * MiB,
      beforeLarge: () => {
        commands.length = 0;
      },
      assertMultipart() {
        const n = (name: string) => commands.filter((c) => c === name).length;
        expect(n('CreateMultipartUploadCommand')).toBe(1);
        expect(n('UploadPartCommand')).toBe(10); // 50 MiB in 5 MiB parts
        expect(n('CompleteMultipartUploadCommand')).toBe(1);
        expect(n('PutObjectCommand')).toBe(0);
        expect(n('CopyObjectCommand')).toBe(1); // published from the temporary key
      },
      close: async () => {
        await storage.close();
        client.destroy();
        await s3.close();
      },
    };
  });

  describe('presigned downloads', () => {
    let ctx: Awaited<ReturnType<typeof openS3>>;
    let storage: Storage;
    beforeAll(async () => {
      ctx = await openS3();
      storage = ctx.storage;
    });
    afterAll(async () => {
      ctx.client.destroy();
      await ctx.s3.close();
    });

    it('a presigned URL fetched with plain fetch returns the bytes with the given Content-Disposition, Content-Type and Cache-Control', async () => {
      const content = bytes(300_000, 'presign');
      const { sha256 } = await storage.put(content);
      const disposition = `attachment; filename="Q3 report_.pdf"; filename*=UTF-8''Q3%20report%C3%A9.pdf`;
      const url = await storage.presign!(sha256, { contentType: 'application/pdf', contentDisposition: disposition, expiresInSeconds: 60 });
      expect(url).toContain('X-Amz-Signature=');
      expect(url).toContain('response-content-disposition=');
      const r = await fetch(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toBe(disposition);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('cache-control')).toBe('private, max-age=60');
      expect(Buffer.from(await r.arrayBuffer()).equals(content)).toBe(true);

      // Ranges work on the presigned URL too (a video preview seeks without the server).
      const part = await fetch(url, { headers: { range: 'bytes=1000-1999' } });
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(content.subarray(1000, 2000))).toBe(true);
    });

    it('a presigned URL is signed over its response headers and object (SigV4 recomputed) and stops working when it expires', async () => {
      const a = await storage.put(bytes(1000, 'a'));
      const url = new URL(
        await storage.presign!(a.sha256, {
          contentType: 'text/plain; charset=utf-8',
          contentDisposition: 'attachment; filename="a.txt"',
          expiresInSeconds: 1,
        }),
      );
      // s3rver checks the expiry of V4 URLs but not their signature, so the signature is checked
      // here, as S3 computes it: the overrides and the key are part of what is signed.
      const signature = url.searchParams.get('X-Amz-Signature');
      expect(sigV4(url, ctx.options.secretAccessKey)).toBe(signature);
      expect(url.searchParams.get('response-content-disposition')).toBe('attachment; filename="a.txt"');
      expect(url.searchParams.get('response-content-type')).toBe('text/plain; charset=utf-8');
      expect(url.searchParams.get('X-Amz-Expires')).toBe('1');
      const altered = new URL(url);
      altered.searchParams.set('response-content-disposition', 'inline');
      expect(sigV4(altered, ctx.options.secretAccessKey)).not.toBe(signature);
      const elsewhere = new URL(url.href.replace(a.sha256, 'f'.repeat(64)));
      expect(sigV4(elsewhere, ctx.options.secretAccessKey)).not.toBe(signature);

      expect((await fetch(url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2100));
      expect((await fetch(url)).status).toBe(403);
    });

    it('a store built from the PORTICO_S3_* variables by createStorage works against the server', async () => {
      const config = loadConfig({
        PORTICO_S3_ENDPOINT: ctx.options.endpoint,
        PORTICO_S3_BUCKET: 'portico-test',
        PORTICO_S3_REGION: 'us-east-1',
        PORTICO_S3_ACCESS_KEY_ID: 'S3RVER',
        PORTICO_S3_SECRET_ACCESS_KEY: 'S3RVER',
        PORTICO_S3_FORCE_PATH_STYLE: '1',
        PORTICO_S3_PREFIX: 'from-env',
        PORTICO_S3_PRESIGN: '1',
      });
      const fromEnv = createStorage(config);
      try {
        await fromEnv.check();
        const content = bytes(10_000, 'env');
        const { sha256 } = await fromEnv.put(content);
        expect(await ctx.list('from-env/blobs/')).toEqual([`from-env/blobs/${sha256}`]);
        expect((await readAll((await fromEnv.get(sha256))!.body)).equals(content)).toBe(true);
        const url = await fromEnv.presign!(sha256, {
          contentType: 'text/plain',
          contentDisposition: 'attachment',
          expiresInSeconds: config.storage.presignTtlSeconds,
        });
        expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('300');
      } finally {
        await fromEnv.close();
      }
    });

    it('check() fails when the bucket does not exist', async () => {
      const missing = createS3Storage({ bucket: 'no-such-bucket', client: ctx.client });
      await expect(missing.check()).rejects.toThrow();
    });

    it('the object behind a presigned URL is the one proxied downloads read', async () => {
      const content = bytes(2000, 'same');
      const { sha256 } = await storage.put(content);
      const url = await storage.presign!(sha256, {
        contentType: 'image/png',
        contentDisposition: 'inline; filename="x.png"',
        expiresInSeconds: 30,
      });
      const viaUrl = Buffer.from(await (await fetch(url)).arrayBuffer());
      const viaGet = await readAll((await storage.get(sha256))!.body);
      expect(viaUrl.equals(viaGet)).toBe(true);
    });
  });
});
