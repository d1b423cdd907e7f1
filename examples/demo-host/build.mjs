// Bundles src/app.ts into dist/app.js (+ lazily loaded chunks) with esbuild. Uses the *built*
// @portico/elements (no `source` condition): run `pnpm build` at the repository root first.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildApp({ quiet = false } = {}) {
  const outdir = join(here, 'dist');
  await rm(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: {
      app: join(here, 'src/app.ts'),
      // The private-link page (/client): a client without an account.
      client: join(here, 'src/client.ts'),
      // The PDF preview starts `new Worker(new URL('./pdf-worker.js', import.meta.url))` from its
      // chunk (dist/chunks/): esbuild does not follow that pattern, so the worker is an entry of its own there.
      'chunks/pdf-worker': '@portico/elements/components/deliverable-viewer/pdf-worker',
    },
    outdir,
    bundle: true,
    splitting: true, // DOMPurify and marked stay in a chunk loaded by the first article
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: quiet ? 'warning' : 'info',
    metafile: true,
  });
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildApp();
