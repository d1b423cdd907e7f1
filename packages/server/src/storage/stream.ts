import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type ByteSource, ChecksumMismatchError, type PutOptions, SHA256_RE, TooLargeError } from './types.js';

export const DEFAULT_HEAD_BYTES = 8192;

interface SourceReader {
  next(): Promise<IteratorResult<Uint8Array>>;
  /** Stops reading: destroys a Node stream, cancels a web stream, returns an iterator. Idempotent. */
  cancel(reason?: unknown): Promise<void>;
}

function isWebStream(s: unknown): s is ReadableStream<Uint8Array> {
  return typeof (s as ReadableStream | null)?.getReader === 'function';
}

function readerOf(source: ByteSource): SourceReader {
  if (source instanceof Uint8Array) {
    let done = false;
    return {
      async next() {
        if (done) return { done: true, value: undefined };
        done = true;
        return { done: false, value: source };
      },
      async cancel() {
        done = true;
      },
    };
  }
  if (isWebStream(source)) {
    const reader = source.getReader();
    let cancelled = false;
    return {
      next: () => reader.read() as Promise<IteratorResult<Uint8Array>>,
      async cancel(reason) {
        if (cancelled) return;
        cancelled = true;
        await reader.cancel(reason).catch(() => {});
      },
    };
  }
  const it = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  let cancelled = false;
  return {
    next: () => it.next(),
    async cancel() {
      if (cancelled) return;
      cancelled = true;
      // A Node stream is destroyed by its iterator's return(); destroy it anyway, so that a
      // request body stops arriving even if the iterator was never started.
      if (source instanceof Readable) source.destroy();
      await it.return?.().catch(() => {});
    },
  };
}

function asBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError('Storage sources must yield Uint8Array chunks (a stream without an encoding).');
}

/**
 * One put's way through the checks every backend shares. `start` reads the head (calling
 * `onHead`) before the backend is touched; `chunks` then yields the head and the rest of the
 * content while counting and hashing it, and throws — before it ends — when the limit is passed,
 * the checksum does not match or the signal aborts. A backend writes what it is given to a
 * temporary place and publishes only after `chunks` ended normally; when it stops early (its own
 * failure) the source is cancelled.
 */
export interface PutPipeline {
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** Size and SHA-256 of the content; valid once `chunks` has ended normally. */
  result(): { sha256: string; size: number };
  /** Bytes read from the source so far. */
  readonly bytesRead: number;
  /** Stops reading the source (a backend that fails before or while consuming `chunks`). */
  cancel(): Promise<void>;
}

export async function startPut(source: ByteSource, options: PutOptions = {}): Promise<PutPipeline> {
  const { maxBytes = Number.POSITIVE_INFINITY, signal, onHead } = options;
  const headBytes = options.headBytes ?? DEFAULT_HEAD_BYTES;
  const expected = options.expectedSha256?.toLowerCase();
  if (expected !== undefined && !SHA256_RE.test(expected)) throw new TypeError('expectedSha256 must be 64 hex digits.');
  const src = readerOf(source);
  const hash = createHash('sha256');
  let count = 0;
  let digest: string | undefined;

  const aborted = signal
    ? new Promise<never>((_, reject) => {
        const fail = () => reject(signal.reason ?? new DOMException('The put was aborted.', 'AbortError'));
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      })
    : undefined;
  aborted?.catch(() => {}); // observed where it matters (read); never an unhandled rejection

  /** The next chunk, counted and hashed; throws TooLargeError once the count passes the limit. */
  const read = async (): Promise<Uint8Array | null> => {
    const r = await (aborted ? Promise.race([src.next(), aborted]) : src.next());
    if (r.done) return null;
    const chunk = asBytes(r.value);
    count += chunk.byteLength;
    if (count > maxBytes) throw new TooLargeError(maxBytes);
    hash.update(chunk);
    return chunk;
  };

  // The head: read until `headBytes` are there (or the content ended), before any backend work.
  const first: Uint8Array[] = [];
  let ended = false;
  try {
    let have = 0;
    while (have < headBytes) {
      const chunk = await read();
      if (!chunk) {
        ended = true;
        break;
      }
      if (chunk.byteLength) first.push(chunk);
      have += chunk.byteLength;
    }
    if (onHead) {
      const all = first.length === 1 ? (first[0] as Uint8Array) : Buffer.concat(first);
      // A copy, so that the callback can keep it whatever the producer does with its chunks.
      const head = Uint8Array.prototype.slice.call(all, 0, Math.min(headBytes, all.byteLength));
      await onHead(head, { complete: ended && head.byteLength === count });
    }
  } catch (err) {
    await src.cancel(err);
    throw err;
  }

  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    let finished = false;
    try {
      for (const c of first) yield c;
      first.length = 0;
      if (!ended) {
        for (;;) {
          const chunk = await read();
          if (!chunk) break;
          if (chunk.byteLength) yield chunk;
        }
      }
      digest = hash.digest('hex');
      if (expected !== undefined && digest !== expected) throw new ChecksumMismatchError(expected, digest);
      finished = true;
    } finally {
      // Thrown (limit, checksum, abort, source error) or stopped by the backend: read no further.
      if (!finished) await src.cancel();
    }
  }

  return {
    chunks: chunks(),
    result() {
      if (digest === undefined) throw new Error('The content has not been read to its end.');
      return { sha256: digest, size: count };
    },
    get bytesRead() {
      return count;
    },
    cancel: () => src.cancel(),
  };
}

/**
 * A web stream over a pull function, reading at most one chunk ahead. `close` runs exactly once:
 * at the end, on an error, or when the consumer cancels.
 */
export function pullStream(read: () => Promise<Uint8Array | null>, close: () => Promise<void>): ReadableStream<Uint8Array> {
  let closed = false;
  const finish = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await read();
          if (chunk === null) {
            await finish();
            controller.close();
          } else controller.enqueue(chunk);
        } catch (err) {
          await finish().catch(() => {});
          controller.error(err);
        }
      },
      cancel: () => finish(),
    },
    { highWaterMark: 1 },
  );
}

/** Reads a whole stream into one Buffer (small files, tests and the legacy `get`). */
export async function readAll(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** A random suffix for temporary names (unique across processes and machines). */
export function tempName(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID()}`;
}

/** Reads the rest of a put's content without storing it (verifies the limit and checksum only). */
export async function drain(pipe: PutPipeline): Promise<void> {
  for await (const _ of pipe.chunks) {
    // counted and hashed by the pipeline
  }
}
