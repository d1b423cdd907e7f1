// Bundles the example into dist/ with esbuild: the HTML pages from public/, and three entries in
// dist/assets/ (lazily registered elements become chunks). Uses the *built* @portico/elements and
// @portico/react (no `source` condition): run `pnpm build` at the repository root first.
//
// React's development build by default (its warnings show up as console errors, which the e2e
// test fails on); NODE_ENV=production for a minified production build.
import { cp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === 'production';

export async function buildExample({ quiet = false } = {}) {
  const outdir = join(here, 'dist');
  await rm(outdir, { recursive: true, force: true });
  await cp(join(here, 'public'), outdir, { recursive: true });
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    absWorkingDir: here,
    outdir: join(outdir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: production,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: quiet ? 'warning' : 'info',
  };
  await Promise.all([
    // React 19: the elements as JSX, and the wrappers.
    esbuild.build({ ...common, entryPoints: { react19: 'src/react19.tsx', 'react19-wrappers': 'src/wrappers.tsx' } }),
    // React 18: the wrappers' page again. An alias rewrites every `react`/`react-dom` import (and
    // their subpaths, `react/jsx-runtime` too), also inside @portico/react and react-dom18, and is
    // resolved from this folder, where the npm aliases react18 and react-dom18 are installed.
    esbuild.build({ ...common, entryPoints: { react18: 'src/wrappers.tsx' }, alias: { react: 'react18', 'react-dom': 'react-dom18' } }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildExample();
