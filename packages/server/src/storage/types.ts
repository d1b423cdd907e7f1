import type { Readable } from 'node:stream';

/**
 * Bytes to store: a Node stream (an upload, a file), a web `ReadableStream` (a `Request` body,
 * `File.stream()`), any async iterable of chunks, or bytes already in memory. Chunks must not be
 * reused by the producer once handed over (Node and web streams never do).
 */
export type ByteSource = Uint8Array | Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /**
   * Most bytes accepted. The put fails with `TooLargeError` as soon as the count passes it: the
   * source is not read further (it is destroyed or cancelled) and nothing is stored.
   */
  maxBytes?: number;
  /**
   * Expected SHA-256 of the content (hex, e.g. from a resumable upload's metadata). A mismatch fails
   * with `ChecksumMismatchError` before anything is published: nothing is stored.
   */
  expectedSha256?: string;
  /** How many bytes `onHead` sees (default 8 KiB; fewer when the whole content is shorter). */
  headBytes?: number;
  /**
   * Sees the first bytes before anything is written to the backend (type sniffing). Throwing
   * refuses the content: the put rejects with that very error, the source is not read further and
   * nothing is stored. `complete` says whether `head` is the whole content.
   */
  onHead?: (head: Uint8Array, info: { complete: boolean }) => void | Promise<void>;
  /** Aborting stops the put (rejects with the signal's reason); nothing is stored. */
  signal?: AbortSignal;
}

export interface PutResult {
  /** Hex SHA-256 of the content: its key. */
  sha256: string;
  size: number;
  /**
   * False when the content was already stored (deduplicated). Exact on disk and PostgreSQL;
   * on S3 two concurrent first puts of the same content may both say true (both copies are
   * the same bytes, stored once).
   */
  created: boolean;
}

/** Inclusive byte positions (as in HTTP `Range: bytes=start-end`), or the last `suffix` bytes. */
export type ByteRange = { start: number; end?: number } | { suffix: number };

export interface StoredObject {
  /** Size of the whole object. */
  size: number;
  /** First and last byte (inclusive) that `body` carries; the whole object without a range (end = size − 1). */
  start: number;
  end: number;
  /** The bytes, streamed; cancel it to stop reading (releases the file, statement or connection). */
  body: ReadableStream<Uint8Array>;
}

export interface PresignOptions {
  /** `Content-Type` of the download (the same value the proxied download would send). */
  contentType: string;
  /** `Content-Disposition` of the download (the same value the proxied download would send). */
  contentDisposition: string;
  /** Lifetime of the URL in seconds. */
  expiresInSeconds: number;
  /** `Cache-Control` of the download (default `private, max-age=<expiresInSeconds>`). */
  cacheControl?: string;
}

/**
 * Where file bytes live, addressed by their SHA-256. Every operation streams: a put never holds
 * the content in memory (at most a backend's part or chunk size), a get hands out a stream.
 * Implementations: `createDiskStorage` (one machine), `createPgStorage` (the `file_chunks`
 * table, PGlite or PostgreSQL: shared by every process on the database), `createS3Storage`
 * (any S3-compatible store).
 */
export interface Storage {
  readonly kind: 'disk' | 'postgres' | 's3';
  /**
   * Streams `source` in, computing SHA-256 and size on the way, and publishes it under its hash.
   * The content goes to a temporary place first and becomes visible under its key only once it
   * is complete and checked (limit, checksum): a failed put leaves nothing behind. The same bytes
   * put twice, even concurrently, are stored once.
   */
  put(source: ByteSource, options?: PutOptions): Promise<PutResult>;
  /**
   * Streams a stored object (or a range of it) out; `null` when nothing is stored under that key
   * (or the key is not a SHA-256). A range that starts past the end throws `RangeNotSatisfiableError`;
   * an end past the end is clamped, as in HTTP.
   */
  get(sha256: string, options?: { range?: ByteRange }): Promise<StoredObject | null>;
  /** Size of a stored object, `null` when absent. */
  head(sha256: string): Promise<{ size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  /**
   * Removes a stored object; false when there was none. Content is shared by every file with
   * the same bytes: delete only when no `files` row refers to the hash any more.
   */
  delete(sha256: string): Promise<boolean>;
  /**
   * A short-lived URL that downloads the object straight from the store with the given headers
   * (S3 only: `response-content-type`/`response-content-disposition` overrides in the signed URL).
   * Absent when the backend can't; the server then proxies the bytes.
   */
  presign?(sha256: string, options: PresignOptions): Promise<string>;
  /**
   * Removes what interrupted puts left behind (a process killed mid-upload) that is older than
   * `olderThanMs`; returns how many. Run it from the retention job with an age well above the
   * longest upload (a day).
   */
  sweep(olderThanMs: number): Promise<number>;
  /** Throws when the store can't be reached or isn't set up (readiness probe). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Base of the errors the storage layer raises on purpose; `code` is stable. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: 'too_large' | 'checksum_mismatch' | 'range_not_satisfiable' | 'object_too_large_to_publish',
    message: string,
  ) {
    super(message);
  }
}

/** The content passed `maxBytes`; the source was not read further and nothing was stored. */
export class TooLargeError extends StorageError {
  override name = 'TooLargeError';
  constructor(readonly maxBytes: number) {
    super('too_large', `The content exceeds the limit of ${maxBytes} bytes.`);
  }
}

/** The content's SHA-256 is not the expected one; nothing was stored. */
export class ChecksumMismatchError extends StorageError {
  override name = 'ChecksumMismatchError';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super('checksum_mismatch', `SHA-256 mismatch: expected ${expected}, got ${actual}.`);
  }
}

/** The range starts past the end of the object (HTTP 416 with `Content-Range: bytes * /size`). */
export class RangeNotSatisfiableError extends StorageError {
  override name = 'RangeNotSatisfiableError';
  constructor(readonly size: number) {
    super('range_not_satisfiable', `The range is outside the object (${size} bytes).`);
  }
}

export const SHA256_RE = /^[0-9a-f]{64}$/;

/** Resolves a range against an object's size: inclusive [start, end], or throws `RangeNotSatisfiableError`. */
export function resolveRange(size: number, range: ByteRange | undefined): { start: number; end: number } {
  if (!range) return { start: 0, end: size - 1 };
  if ('suffix' in range) {
    if (!Number.isSafeInteger(range.suffix) || range.suffix <= 0 || size === 0) throw new RangeNotSatisfiableError(size);
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  const { start } = range;
  const end = range.end === undefined ? size - 1 : Math.min(range.end, size - 1);
  if (
    !Number.isSafeInteger(start) ||
    start < 0 ||
    start >= size ||
    (range.end !== undefined && (!Number.isSafeInteger(range.end) || range.end < start))
  )
    throw new RangeNotSatisfiableError(size);
  return { start, end };
}

const UNAVAILABLE_IO = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EMFILE', 'ENFILE', 'EAGAIN', 'EACCES', 'EPERM']);
const UNAVAILABLE_NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/**
 * The store could not do its work, through no fault of the request: unreachable (network errors,
 * timeouts), failing (S3 5xx, throttling) or out of space or permissions on disk. The server answers
 * 503 rather than 500; the database's own outages are recognised by `isUnavailable` (db.ts).
 */
export function isStorageUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; name?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: number } };
  if (typeof e.code === 'string' && UNAVAILABLE_IO.has(e.code)) return true;
  // The AWS SDK's errors carry $metadata (network failures too, once its retries are spent); the
  // database's network errors do not, and are the database's (db.ts `isUnavailable`).
  if (!e.$metadata) return false;
  if (typeof e.code === 'string' && UNAVAILABLE_NET.has(e.code)) return true;
  if (e.name === 'TimeoutError' || e.name === 'SlowDown' || e.name === 'ServiceUnavailable' || e.name === 'InternalError') return true;
  return e.$fault === 'server' || (e.$metadata.httpStatusCode ?? 0) >= 500;
}
