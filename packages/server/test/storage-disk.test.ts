import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createDiskStorage } from '../src/storage/index.js';
import { isPostgres } from './helpers.js';
import { storageSuite } from './storage-suite.js';

// The disk backend does not use the database: it runs once, in the PGlite project.
describe.skipIf(isPostgres)('disk storage (database-independent: runs in the pglite project only)', () => {
  storageSuite('disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portico-storage-'));
    const tmp = join(dir, 'tmp');
    return {
      storage: createDiskStorage(dir),
      async listStored() {
        const out: string[] = [];
        for (const d of await readdir(dir)) {
          if (!/^[0-9a-f]{2}$/.test(d)) continue;
          out.push(...(await readdir(join(dir, d))));
        }
        return out.sort();
      },
      countTemporary: async () => (await readdir(tmp).catch(() => [])).length,
      async makeLeftover() {
        await mkdir(tmp, { recursive: true });
        await writeFile(join(tmp, 'killed-mid-upload'), 'partial');
      },
      exactCreated: true,
      memoryBound: 4 * 1024 * 1024, // one 64 KiB chunk at a time (≈ 0.3 MiB measured)
      close: () => rm(dir, { recursive: true, force: true }),
    };
  });
});
