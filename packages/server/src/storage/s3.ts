import { Readable } from 'node:stream';
import type { GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { drain, pullStream, startPut, tempName } from './stream.js';
import {
  type ByteSource,
  type PresignOptions,
  type PutOptions,
  type PutResult,
  RangeNotSatisfiableError,
  resolveRange,
  SHA256_RE,
  type Storage,
  StorageError,
  type StoredObject,
} from './types.js';

export interface S3StorageOptions {
  bucket: string;
  /** e.g. `https://s3.eu-central-1.amazonaws.com`, `http://minio:9000`; AWS's own when unset. */
  endpoint?: string;
  region?: string;
  /** Static credentials; without them the AWS SDK's default chain (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, s3rver, most self-hosted stores). */
  forcePathStyle?: boolean;
  /** Key prefix inside the bucket (e.g. `portico/`). */
  prefix?: string;
  /** Multipart part size: objects larger than this go up in parts (default 8 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
  /** Parts uploaded at once (default 2): a put holds at most about (queueSize + 1) × partSize. */
  queueSize?: number;
  /** A client of your own (tests observe the commands sent); the connection options above are then unused. */
  client?: S3Client;
}

/** CopyObject's limit: larger objects can only be published by a put that knows its checksum. */
const MAX_COPY = 5 * 1024 ** 3;

/**
 * An S3 client for Portico's use: path-style when asked, and request/response checksums only
 * where S3 requires them — we hash every byte ourselves (SHA-256), and several S3-compatible
 * stores reject the SDK's default CRC32 trailers on streamed bodies.
 */
export async function createS3Client(o: Omit<S3StorageOptions, 'bucket' | 'client'>): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({
    endpoint: o.endpoint,
    region: o.region ?? 'us-east-1',
    forcePathStyle: o.forcePathStyle ?? false,
    credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * Content in an S3-compatible bucket: `<prefix>blobs/<sha256>`. The SDK is loaded on first use.
 *
 * A put streams through `@aws-sdk/lib-storage`'s `Upload`: content up to `partSize` goes up in one
 * PutObject, larger content as a multipart upload (`queueSize` parts in flight). The checks run
 * before the body ends, so a content over the limit or with the wrong checksum never completes
 * an object (the single PUT is never sent, the multipart upload is never completed — and aborted).
 * Without a known checksum the content goes to `<prefix>tmp/<random>` and is published with a
 * server-side CopyObject to its hash (skipped when that key exists: deduplicated), then the
 * temporary object is deleted. With `expectedSha256` it goes straight to its final key: it only
 * becomes visible once verified. Downloads can be presigned GETs carrying the response headers.
 */
export function createS3Storage(options: S3StorageOptions): Storage {
  const { bucket } = options;
  const prefix = options.prefix ? options.prefix.replace(/\/*$/, '/') : '';
  const partSize = options.partSize ?? 8 * 1024 * 1024;
  const queueSize = options.queueSize ?? 2;
  const blobKey = (sha: string) => `${prefix}blobs/${sha}`;
  const tmpPrefix = `${prefix}tmp/`;

  let clientPromise: Promise<S3Client> | undefined;
  const client = () => {
    clientPromise ??= options.client ? Promise.resolve(options.client) : createS3Client(options);
    return clientPromise;
  };
  const sdk = () => import('@aws-sdk/client-s3');

  const headKey = async (key: string): Promise<{ size: number } | null> => {
    const { HeadObjectCommand } = await sdk();
    try {
      const r = await (await client()).send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: r.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  };
  const deleteKey = async (key: string) => {
    const { DeleteObjectCommand } = await sdk();
    await (await client()).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };
  const head = (sha256: string) => (SHA256_RE.test(sha256) ? headKey(blobKey(sha256)) : Promise.resolve(null));

  return {
    kind: 's3',

    async put(source: ByteSource, putOptions?: PutOptions): Promise<PutResult> {
      const pipe = await startPut(source, putOptions);
      const expected = putOptions?.expectedSha256?.toLowerCase();
      let key: string | undefined;
      let failure: unknown;
      // Remembers why the pipeline stopped: lib-storage may report its own follow-up error instead.
      async function* feed() {
        try {
          yield* pipe.chunks;
        } catch (err) {
          failure = err;
          throw err;
        }
      }
      try {
        if (expected && (await head(expected))) {
          await drain(pipe); // already stored: only verify the claim
          return { ...pipe.result(), created: false };
        }
        key = expected ? blobKey(expected) : `${tmpPrefix}${tempName()}`;
        const [{ Upload }, c] = await Promise.all([import('@aws-sdk/lib-storage'), client()]);
        const upload = new Upload({
          client: c,
          params: { Bucket: bucket, Key: key, Body: Readable.from(feed(), { objectMode: false }), ContentType: 'application/octet-stream' },
          partSize,
          queueSize,
          leavePartsOnError: false,
        });
        await upload.done();
        const { sha256, size } = pipe.result();
        if (expected) return { sha256, size, created: true };
        const tmp = key;
        try {
          if (await head(sha256)) return { sha256, size, created: false };
          if (size > MAX_COPY)
            throw new StorageError(
              'object_too_large_to_publish',
              'Objects over 5 GiB can only be stored on S3 by a put that gives expectedSha256 (CopyObject limit).',
            );
          const { CopyObjectCommand } = await sdk();
          await c.send(
            new CopyObjectCommand({
              Bucket: bucket,
              Key: blobKey(sha256),
              CopySource: `${bucket}/${tmp.split('/').map(encodeURIComponent).join('/')}`,
              ContentType: 'application/octet-stream',
              MetadataDirective: 'REPLACE',
            }),
          );
          return { sha256, size, created: true };
        } finally {
          await deleteKey(tmp).catch(() => {}); // else `sweep` (or a lifecycle rule) removes it
        }
      } catch (err) {
        await pipe.cancel();
        // A temporary object is never left complete by a failed upload; delete it in case the
        // failure came after it was written (the copy, say).
        if (key?.startsWith(tmpPrefix)) await deleteKey(key).catch(() => {});
        throw failure ?? err;
      }
    },

    async get(sha256, getOptions = {}): Promise<StoredObject | null> {
      if (!SHA256_RE.test(sha256)) return null;
      const key = blobKey(sha256);
      let range = getOptions.range;
      if (
        range &&
        ('suffix' in range || !Number.isSafeInteger(range.start) || range.start < 0 || (range.end !== undefined && range.end < range.start))
      ) {
        // Suffix and malformed ranges are resolved against the size here (not every S3-compatible
        // store implements `bytes=-N`).
        const h = await headKey(key);
        if (!h) return null;
        range = resolveRange(h.size, range);
      }
      const { GetObjectCommand } = await sdk();
      let r: GetObjectCommandOutput;
      try {
        r = await (await client()).send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: range && 'start' in range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
          }),
        );
      } catch (err) {
        if (isNotFound(err)) return null;
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        if (e.name === 'InvalidRange' || e.$metadata?.httpStatusCode === 416) {
          const h = await headKey(key);
          if (!h) return null;
          throw new RangeNotSatisfiableError(h.size);
        }
        throw err;
      }
      const body = r.Body?.transformToWebStream() as ReadableStream<Uint8Array> | undefined;
      if (!body) throw new Error(`${sha256}: S3 answered without a body`);
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(r.ContentRange ?? '');
      const size = m ? Number(m[3]) : (r.ContentLength ?? 0);
      const got = m ? { start: Number(m[1]), end: Number(m[2]) } : { start: 0, end: size - 1 };
      if (!range || !('start' in range)) return { size, ...got, body };
      // Some S3-compatible servers answer more than was asked (the whole object, or `bytes=0-0`
      // as 0-end): cut the answer to the range, as S3 itself would have.
      let want: { start: number; end: number };
      try {
        want = resolveRange(size, range);
      } catch (err) {
        await body.cancel().catch(() => {});
        throw err;
      }
      if (got.start === want.start && got.end === want.end) return { size, ...want, body };
      if (got.start > want.start || got.end < want.end) {
        await body.cancel().catch(() => {});
        throw new Error(`${sha256}: S3 answered bytes ${got.start}-${got.end} for ${want.start}-${want.end}`);
      }
      return { size, ...want, body: sliceStream(body, want.start - got.start, want.end + 1 - want.start) };
    },

    head,

    async exists(sha256) {
      return (await head(sha256)) !== null;
    },

    async delete(sha256) {
      if (!(await head(sha256))) return false;
      await deleteKey(blobKey(sha256));
      return true;
    },

    async presign(sha256: string, o: PresignOptions): Promise<string> {
      if (!SHA256_RE.test(sha256)) throw new TypeError('Not a SHA-256.');
      const [{ GetObjectCommand }, { getSignedUrl }, c] = await Promise.all([sdk(), import('@aws-sdk/s3-request-presigner'), client()]);
      return getSignedUrl(
        c,
        new GetObjectCommand({
          Bucket: bucket,
          Key: blobKey(sha256),
          ResponseContentType: o.contentType,
          ResponseContentDisposition: o.contentDisposition,
          ResponseCacheControl: o.cacheControl ?? `private, max-age=${o.expiresInSeconds}`,
        }),
        { expiresIn: o.expiresInSeconds },
      );
    },

    async sweep(olderThanMs) {
      // Incomplete multipart uploads are S3's to expire: set the bucket lifecycle rule
      // AbortIncompleteMultipartUpload (see the server README).
      const { ListObjectsV2Command } = await sdk();
      const c = await client();
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      let token: string | undefined;
      do {
        const page = await c.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: tmpPrefix, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (o.Key && o.LastModified && o.LastModified.getTime() <= cutoff) {
            await deleteKey(o.Key);
            removed++;
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return removed;
    },

    async check() {
      const { HeadBucketCommand } = await sdk();
      await (await client()).send(new HeadBucketCommand({ Bucket: bucket }));
    },

    async close() {
      if (clientPromise && !options.client) (await clientPromise).destroy();
    },
  };
}

/** `take` bytes of a stream after skipping `skip`; the rest is not read (the stream is cancelled). */
function sliceStream(body: ReadableStream<Uint8Array>, skip: number, take: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return pullStream(
    async () => {
      while (take > 0) {
        const { done, value } = await reader.read();
        if (done) throw new Error('S3 answer ended early');
        let v = value;
        if (skip > 0) {
          const n = Math.min(skip, v.byteLength);
          skip -= n;
          v = v.subarray(n);
        }
        if (v.byteLength === 0) continue;
        if (v.byteLength > take) v = v.subarray(0, take);
        take -= v.byteLength;
        return v;
      }
      return null;
    },
    () => reader.cancel().catch(() => {}),
  );
}
