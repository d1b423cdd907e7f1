/**
 * The behaviour every `Storage` backend must have, as one suite: `storage-disk.test.ts`,
 * `storage-pg.test.ts` (PGlite and PostgreSQL) and `storage-s3.test.ts` (a real s3rver) run it
 * against their backend. Each backend hands in a way to look at what it really stored (files,
 * rows, bucket keys), so "nothing stored" and "stored once" are checked in the store itself.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksumMismatchError, RangeNotSatisfiableError, readAll, type Storage, TooLargeError } from '../src/storage/index.js';

export interface Backend {
  storage: Storage;
  /** Hashes published in the store itself (directory listing, rows, bucket keys). */
  listStored(): Promise<string[]>;
  /** Temporary objects in the store (what a put writes before publishing). */
  countTemporary(): Promise<number>;
  /** Leaves a temporary object behind as a killed process would. */
  makeLeftover(): Promise<void>;
  /** Whether `created` is exact under concurrency (disk, PostgreSQL) or best-effort (S3). */
  exactCreated: boolean;
  /**
   * Most growth of the process's live memory (heap + array buffers, after GC) allowed while a
   * 50 MB object streams in or out; undefined when the store itself lives in this process's
   * memory (PGlite), where `statementBytes` bounds what the layer handles at once instead.
   */
  memoryBound?: number;
  /** The largest single value the layer sent to or read from the database (PostgreSQL backends). */
  statementBytes?(): number;
  /** Most bytes a database statement may carry (the chunk size). */
  statementBound?: number;
  /** Checks that the 50 MB put went up as a multipart upload (S3). */
  assertMultipart?(): void;
  /** Called before the 50 MB put (S3 resets its command log). */
  beforeLarge?(): void;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Deterministic, non-repeating bytes (a counter-mode SHA-256 stream). */
export function bytes(n: number, seed = 'portico'): Buffer {
  const out = Buffer.allocUnsafe(n);
  for (let i = 0, k = 0; i < n; i += 32, k++) {
    const block = createHash('sha256').update(`${seed}:${k}`).digest();
    block.copy(out, i, 0, Math.min(32, n - i));
  }
  return out;
}

/**
 * A source generated on the fly: `total` bytes in 64 KiB chunks, each a fresh buffer, hashed as it
 * is produced. `pulled` counts what the consumer took; `hook` runs every `every` bytes.
 */
export function generated(total: number, opts: { every?: number; hook?: () => void | Promise<void>; seed?: number } = {}) {
  const base = bytes(MiB, `base${opts.seed ?? 0}`);
  const state = { pulled: 0, finished: false, sha256: '' };
  const hash = createHash('sha256');
  async function* gen(): AsyncGenerator<Uint8Array> {
    let i = 0;
    let sinceHook = 0;
    while (state.pulled < total) {
      const n = Math.min(CHUNK, total - state.pulled);
      const c = Buffer.allocUnsafe(n);
      base.copy(c, 0, (i * CHUNK) % MiB, ((i * CHUNK) % MiB) + n);
      c.writeUInt32BE(i++ >>> 0, 0);
      state.pulled += n;
      hash.update(c);
      sinceHook += n;
      if (opts.hook && opts.every && sinceHook >= opts.every) {
        sinceHook = 0;
        await opts.hook();
      }
      yield c;
    }
    state.finished = true;
    state.sha256 = hash.digest('hex');
  }
  return { source: gen(), state };
}

/**
 * Live memory (heap + array buffers, outside the heap) after a full GC. V8 frees the memory of
 * dead ArrayBuffers in a task after the GC: let it run, then collect again, or buffers that are
 * already garbage count as live (several MiB when 256 KiB chunks come and go fast).
 */
const gc = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
export async function liveBytes(): Promise<number> {
  gc();
  await new Promise((r) => setImmediate(r));
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function expectNothingStored(b: Backend) {
  expect(await b.listStored()).toEqual([]);
  expect(await b.countTemporary()).toBe(0);
}

export function storageSuite(name: string, open: () => Promise<Backend>) {
  describe(`Storage behaviour: ${name}`, () => {
    let b: Backend;
    let s: Storage;
    beforeAll(async () => {
      b = await open();
      s = b.storage;
    });
    afterAll(() => b?.close());

    /** Every test starts from an empty store. */
    async function empty() {
      for (const h of await b.listStored()) await s.delete(h);
      expect(await b.listStored()).toEqual([]);
    }

    it('round-trips content from every kind of source (bytes, Node stream, web stream, async iterable)', async () => {
      await empty();
      const content = bytes(300_000, 'round');
      const sources = [
        () => content,
        () => Readable.from([content.subarray(0, 1000), content.subarray(1000)]),
        () =>
          new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(content.subarray(0, 70_000));
              c.enqueue(content.subarray(70_000));
              c.close();
            },
          }),
        () =>
          (async function* () {
            for (let i = 0; i < content.length; i += 4096) yield content.subarray(i, i + 4096);
          })(),
      ];
      for (const [i, make] of sources.entries()) {
        const r = await s.put(make());
        expect(r).toEqual({ sha256: sha(content), size: content.length, created: i === 0 });
        const o = await s.get(r.sha256);
        expect(o).not.toBeNull();
        expect(o!.size).toBe(content.length);
        expect([o!.start, o!.end]).toEqual([0, content.length - 1]);
        expect((await readAll(o!.body)).equals(content)).toBe(true);
      }
      expect(await s.head(sha(content))).toEqual({ size: content.length });
      expect(await s.exists(sha(content))).toBe(true);
      expect(await b.listStored()).toEqual([sha(content)]);
      expect(await b.countTemporary()).toBe(0);
    });

    it('stores empty content', async () => {
      await empty();
      const r = await s.put(new Uint8Array(0));
      expect(r).toEqual({ sha256: sha(new Uint8Array(0)), size: 0, created: true });
      const o = await s.get(r.sha256);
      expect(o!.size).toBe(0);
      expect((await readAll(o!.body)).length).toBe(0);
    });

    it('stores the same bytes once (content-addressed dedupe)', async () => {
      await empty();
      const content = bytes(100_000, 'dedupe');
      const first = await s.put(content);
      const second = await s.put(Readable.from([content]));
      expect(first.created).toBe(true);
      expect(second).toEqual({ ...first, created: false });
      expect(await b.listStored()).toEqual([first.sha256]);
      expect(await b.countTemporary()).toBe(0);
    });

    it('concurrent puts of the same 6 MB content all succeed and store it once', async () => {
      await empty();
      const gens = Array.from({ length: 4 }, () => generated(6 * MiB, { seed: 7 }));
      const results = await Promise.all(gens.map((g) => s.put(g.source)));
      const want = gens[0]!.state.sha256;
      for (const r of results) expect(r).toMatchObject({ sha256: want, size: 6 * MiB });
      const created = results.filter((r) => r.created).length;
      if (b.exactCreated) expect(created).toBe(1);
      else expect(created).toBeGreaterThanOrEqual(1);
      expect(await b.listStored()).toEqual([want]);
      expect(await b.countTemporary()).toBe(0);
      const o = await s.get(want);
      expect(sha(await readAll(o!.body))).toBe(want);
    });

    it('stops reading at the limit: TooLargeError at once, the source not consumed, nothing stored', async () => {
      await empty();
      // An async iterable of 1 GiB: only what the limit allows may be pulled.
      const g = generated(1024 * MiB);
      const limit = MiB + 10;
      const err = await s.put(g.source, { maxBytes: limit }).catch((e) => e);
      expect(err).toBeInstanceOf(TooLargeError);
      expect(err.maxBytes).toBe(limit);
      expect(g.state.pulled).toBeLessThanOrEqual(limit + CHUNK);
      expect(g.state.finished).toBe(false);
      await expectNothingStored(b);

      // A Node stream (an upload) is destroyed, a web stream cancelled.
      let pushed = 0;
      const node = new Readable({
        read() {
          pushed += CHUNK;
          this.push(Buffer.alloc(CHUNK, 1));
        },
      });
      await expect(s.put(node, { maxBytes: limit })).rejects.toBeInstanceOf(TooLargeError);
      expect(node.destroyed).toBe(true);
      expect(pushed).toBeLessThanOrEqual(limit + 3 * CHUNK);
      let cancelled = false;
      let enqueued = 0;
      const web = new ReadableStream<Uint8Array>({
        pull(c) {
          enqueued += CHUNK;
          c.enqueue(new Uint8Array(CHUNK));
        },
        cancel() {
          cancelled = true;
        },
      });
      await expect(s.put(web, { maxBytes: limit })).rejects.toBeInstanceOf(TooLargeError);
      expect(cancelled).toBe(true);
      expect(enqueued).toBeLessThanOrEqual(limit + 3 * CHUNK);
      await expectNothingStored(b);
    });

    it('accepts content of exactly maxBytes, refuses one byte more', async () => {
      await empty();
      const content = bytes(200_000, 'exact');
      await expect(s.put(content.subarray(0, 199_999), { maxBytes: 199_998 })).rejects.toBeInstanceOf(TooLargeError);
      await expect(s.put(Readable.from([content]), { maxBytes: 199_999 })).rejects.toBeInstanceOf(TooLargeError);
      await expectNothingStored(b);
      expect(await s.put(Readable.from([content]), { maxBytes: 200_000 })).toMatchObject({ size: 200_000 });
    });

    it('refuses content whose SHA-256 is not the expected one (small and multipart-sized), storing nothing', async () => {
      await empty();
      for (const size of [1000, 6 * MiB]) {
        const g = generated(size, { seed: size });
        const wrong = 'ab'.repeat(32);
        const err = await s.put(g.source, { expectedSha256: wrong }).catch((e) => e);
        expect(err).toBeInstanceOf(ChecksumMismatchError);
        expect(err.expected).toBe(wrong);
        expect(err.actual).toBe(g.state.sha256);
        await expectNothingStored(b);
        // The right checksum is accepted (and stored under it).
        const again = generated(size, { seed: size });
        const r = await s.put(again.source, { expectedSha256: g.state.sha256.toUpperCase() });
        expect(r).toEqual({ sha256: g.state.sha256, size, created: true });
        expect(await s.exists(g.state.sha256)).toBe(true);
        // A false claim about content that is already stored is still refused.
        const liar = generated(size, { seed: size + 1 });
        await expect(s.put(liar.source, { expectedSha256: g.state.sha256 })).rejects.toBeInstanceOf(ChecksumMismatchError);
        expect(await b.listStored()).toEqual([g.state.sha256]);
        expect(await b.countTemporary()).toBe(0);
        await empty();
      }
    });

    it('shows the first bytes to onHead before anything is stored; a refusal there stops the put', async () => {
      await empty();
      class Unsupported extends Error {}
      const g = generated(20 * MiB);
      let seen: Uint8Array | undefined;
      const err = await s
        .put(g.source, {
          headBytes: 4096,
          onHead: async (head, { complete }) => {
            seen = head;
            expect(complete).toBe(false);
            await expectNothingStored(b);
            throw new Unsupported('415');
          },
        })
        .catch((e) => e);
      expect(err).toBeInstanceOf(Unsupported);
      expect(seen?.byteLength).toBe(4096);
      expect(Buffer.from(seen!).readUInt32BE(0)).toBe(0); // the first chunk's counter
      expect(g.state.pulled).toBe(CHUNK); // one chunk read of 20 MB
      await expectNothingStored(b);

      // Short content: the head is all of it.
      const small = Buffer.from('hello, world');
      let info: { complete: boolean } | undefined;
      let head: Uint8Array | undefined;
      const r = await s.put(small, {
        onHead: (h, i) => {
          head = h;
          info = i;
        },
      });
      expect(Buffer.from(head!).equals(small)).toBe(true);
      expect(info).toEqual({ complete: true });
      expect(r.size).toBe(small.length);
    });

    it('refuses at the limit even inside the head, before onHead', async () => {
      await empty();
      let called = false;
      await expect(
        s.put(bytes(10_000), {
          maxBytes: 100,
          onHead: () => {
            called = true;
          },
        }),
      ).rejects.toBeInstanceOf(TooLargeError);
      expect(called).toBe(false);
      await expectNothingStored(b);
    });

    it('an aborted signal stops the put and stores nothing', async () => {
      await empty();
      const ac = new AbortController();
      const g = generated(64 * MiB, { every: 2 * MiB, hook: () => ac.abort(new Error('client went away')) });
      await expect(s.put(g.source, { signal: ac.signal })).rejects.toThrow('client went away');
      expect(g.state.finished).toBe(false);
      expect(g.state.pulled).toBeLessThan(4 * MiB);
      await expectNothingStored(b);
    });

    it('streams a 50 MB object in and out with bounded memory', { timeout: 180_000 }, async () => {
      await empty();
      const size = 50 * MiB;
      let base = 0;
      let peakIn = 0;
      const g = generated(size, {
        every: 2 * MiB,
        hook: async () => {
          peakIn = Math.max(peakIn, (await liveBytes()) - base);
        },
      });
      b.beforeLarge?.();
      base = await liveBytes();
      const r = await s.put(g.source, { maxBytes: 64 * MiB });
      peakIn = Math.max(peakIn, (await liveBytes()) - base);
      expect(r).toEqual({ sha256: g.state.sha256, size, created: true });
      b.assertMultipart?.();

      const o = await s.get(r.sha256);
      expect(o!.size).toBe(size);
      const hash = createHash('sha256');
      let read = 0;
      let sinceSample = 0;
      let peakOut = 0;
      base = await liveBytes();
      const reader = o!.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        read += value.byteLength;
        sinceSample += value.byteLength;
        if (sinceSample >= 2 * MiB) {
          sinceSample = 0;
          peakOut = Math.max(peakOut, (await liveBytes()) - base);
        }
      }
      expect(read).toBe(size);
      expect(hash.digest('hex')).toBe(r.sha256);
      console.log(
        `[storage ${name}] 50 MB: live memory growth in ${(peakIn / MiB).toFixed(1)} MiB, out ${(peakOut / MiB).toFixed(1)} MiB` +
          (b.statementBytes ? `; largest database value ${(b.statementBytes() / 1024).toFixed(0)} KiB` : ''),
      );
      if (b.memoryBound !== undefined) {
        expect(peakIn).toBeLessThan(b.memoryBound);
        expect(peakOut).toBeLessThan(b.memoryBound);
      }
      if (b.statementBytes) expect(b.statementBytes()).toBeLessThanOrEqual(b.statementBound!);
      await s.delete(r.sha256);
    });

    it('serves byte ranges (inclusive, clamped, open-ended, suffix) and refuses one past the end', async () => {
      await empty();
      const content = bytes(MiB + 123, 'ranges'); // crosses chunk boundaries (PostgreSQL: 256 KiB)
      const { sha256 } = await s.put(content);
      const size = content.length;
      const cases: Array<[Parameters<Storage['get']>[1], number, number]> = [
        [{ range: { start: 0, end: 0 } }, 0, 0],
        [{ range: { start: 300_000, end: 700_000 } }, 300_000, 700_000],
        [{ range: { start: 262_143, end: 262_144 } }, 262_143, 262_144],
        [{ range: { start: 1_000_000 } }, 1_000_000, size - 1],
        [{ range: { suffix: 500 } }, size - 500, size - 1],
        [{ range: { suffix: 10 * size } }, 0, size - 1],
        [{ range: { start: size - 1, end: size + 100 } }, size - 1, size - 1],
      ];
      for (const [opts, start, end] of cases) {
        const o = await s.get(sha256, opts);
        expect([o!.size, o!.start, o!.end], JSON.stringify(opts)).toEqual([size, start, end]);
        expect((await readAll(o!.body)).equals(content.subarray(start, end + 1)), JSON.stringify(opts)).toBe(true);
      }
      for (const range of [{ start: size }, { start: size + 5, end: size + 10 }, { start: 10, end: 5 }, { suffix: 0 }]) {
        const err = await s.get(sha256, { range }).catch((e) => e);
        expect(err, JSON.stringify(range)).toBeInstanceOf(RangeNotSatisfiableError);
        expect(err.size).toBe(size);
      }
    });

    it('a download can be cancelled midway and the store keeps serving', async () => {
      await empty();
      const content = bytes(2 * MiB, 'cancel');
      const { sha256 } = await s.put(content);
      for (let i = 0; i < 20; i++) {
        const o = await s.get(sha256);
        const reader = o!.body.getReader();
        await reader.read();
        await reader.cancel();
      }
      expect((await readAll((await s.get(sha256))!.body)).equals(content)).toBe(true);
    });

    it('head, exists and delete; unknown and malformed keys are simply absent', async () => {
      await empty();
      const content = bytes(5000, 'delete');
      const { sha256 } = await s.put(content);
      expect(await s.head(sha256)).toEqual({ size: 5000 });
      expect(await s.delete(sha256)).toBe(true);
      expect(await s.get(sha256)).toBeNull();
      expect(await s.head(sha256)).toBeNull();
      expect(await s.exists(sha256)).toBe(false);
      expect(await s.delete(sha256)).toBe(false);
      for (const key of ['../../etc/passwd', sha256.toUpperCase(), `${sha256}0`, '', 'x'.repeat(64)]) {
        expect(await s.get(key)).toBeNull();
        expect(await s.head(key)).toBeNull();
        expect(await s.exists(key)).toBe(false);
        expect(await s.delete(key)).toBe(false);
      }
      await expectNothingStored(b);
    });

    it('sweep removes what interrupted puts left behind once older than the age, and keeps fresh ones', async () => {
      await empty();
      await b.makeLeftover();
      expect(await b.countTemporary()).toBe(1);
      expect(await s.sweep(60_000)).toBe(0);
      expect(await b.countTemporary()).toBe(1);
      await new Promise((r) => setTimeout(r, 1100)); // S3 keeps modification times in seconds
      expect(await s.sweep(500)).toBe(1);
      expect(await b.countTemporary()).toBe(0);
    });

    it('check() passes against a reachable store', async () => {
      await expect(s.check()).resolves.toBeUndefined();
    });
  });
}
