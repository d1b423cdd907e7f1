import { constants } from 'node:fs';
import { access, type FileHandle, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { drain, pullStream, startPut, tempName } from './stream.js';
import { type ByteSource, type PutOptions, type PutResult, resolveRange, SHA256_RE, type Storage, type StoredObject } from './types.js';

const READ_CHUNK = 64 * 1024;

const code = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code;

/**
 * Content-addressed files on local disk (one machine): `<dir>/<aa>/<sha256>`, the layout the
 * server has always used. A put streams into `<dir>/tmp/<random>` (same file system), fsyncs it,
 * then publishes it with `link()` — which fails with EEXIST when the content is already there
 * (deduplicated: the temporary file is dropped) — so a reader never sees a partial file and two
 * concurrent puts of the same bytes leave one file.
 */
export function createDiskStorage(dir: string): Storage {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (sha: string) => join(dir, sha.slice(0, 2), sha);

  const publish = async (tmp: string, sha: string): Promise<boolean> => {
    const final = pathOf(sha);
    await mkdir(join(dir, sha.slice(0, 2)), { recursive: true });
    try {
      await link(tmp, final);
      return true;
    } catch (err) {
      if (code(err) === 'EEXIST') return false;
      // File systems without hard links: rename replaces atomically (same bytes by definition).
      if (code(err) === 'EPERM' || code(err) === 'ENOTSUP' || code(err) === 'EOPNOTSUPP' || code(err) === 'EXDEV') {
        const existed = await stat(final).then(
          () => true,
          () => false,
        );
        await rename(tmp, final);
        return !existed;
      }
      throw err;
    } finally {
      await unlink(tmp).catch(() => {});
    }
  };

  const head = async (sha256: string) => {
    if (!SHA256_RE.test(sha256)) return null;
    try {
      return { size: (await stat(pathOf(sha256))).size };
    } catch (err) {
      if (code(err) === 'ENOENT') return null;
      throw err;
    }
  };

  return {
    kind: 'disk',

    async put(source: ByteSource, options?: PutOptions): Promise<PutResult> {
      const pipe = await startPut(source, options);
      const expected = options?.expectedSha256?.toLowerCase();
      if (expected && (await head(expected).catch(() => null))) {
        // Already stored: only verify the claim.
        await drain(pipe);
        return { ...pipe.result(), created: false };
      }
      let fh: FileHandle | undefined;
      const tmp = join(tmpDir, tempName());
      try {
        await mkdir(tmpDir, { recursive: true });
        fh = await open(tmp, 'wx', 0o644);
        for await (const chunk of pipe.chunks) {
          let off = 0;
          while (off < chunk.byteLength) off += (await fh.write(chunk, off)).bytesWritten;
        }
        await fh.sync();
        await fh.close();
        fh = undefined;
        const { sha256, size } = pipe.result();
        const created = await publish(tmp, sha256);
        return { sha256, size, created };
      } catch (err) {
        await pipe.cancel();
        await fh?.close().catch(() => {});
        await unlink(tmp).catch(() => {});
        throw err;
      }
    },

    async get(sha256, options = {}): Promise<StoredObject | null> {
      if (!SHA256_RE.test(sha256)) return null;
      let fh: FileHandle;
      try {
        fh = await open(pathOf(sha256), 'r');
      } catch (err) {
        if (code(err) === 'ENOENT') return null;
        throw err;
      }
      try {
        const { size } = await fh.stat();
        const { start, end } = resolveRange(size, options.range);
        let pos = start;
        const handle = fh;
        const body = pullStream(
          async () => {
            if (pos > end) return null;
            const want = Math.min(READ_CHUNK, end + 1 - pos);
            const buf = Buffer.allocUnsafe(want);
            const { bytesRead } = await handle.read(buf, 0, want, pos);
            if (bytesRead === 0) throw new Error(`${sha256}: file ended early`);
            pos += bytesRead;
            return bytesRead === want ? buf : buf.subarray(0, bytesRead);
          },
          () => handle.close(),
        );
        return { size, start, end, body };
      } catch (err) {
        await fh.close().catch(() => {});
        throw err;
      }
    },

    head,

    async exists(sha256) {
      return (await head(sha256)) !== null;
    },

    async delete(sha256) {
      if (!SHA256_RE.test(sha256)) return false;
      try {
        await unlink(pathOf(sha256));
        return true;
      } catch (err) {
        if (code(err) === 'ENOENT') return false;
        throw err;
      }
    },

    async sweep(olderThanMs) {
      let names: string[];
      try {
        names = await readdir(tmpDir);
      } catch (err) {
        if (code(err) === 'ENOENT') return 0;
        throw err;
      }
      // A put in progress writes to its file all the time, so its mtime stays fresh.
      const cutoff = Date.now() - olderThanMs;
      let removed = 0;
      for (const name of names) {
        const p = join(tmpDir, name);
        const st = await stat(p).catch(() => null);
        if (st && st.mtimeMs <= cutoff) {
          await unlink(p).then(
            () => removed++,
            () => {},
          );
        }
      }
      return removed;
    },

    async check() {
      await mkdir(tmpDir, { recursive: true });
      await access(dir, constants.W_OK);
    },

    async close() {},
  };
}
