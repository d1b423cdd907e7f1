// Builds the example into dist/ (git-ignored), as `ng build` would, in two steps:
//   1. ngc (@angular/compiler-cli): ahead-of-time compilation of the components with strict
//      template type checking (`strictTemplates`: bindings and `$event` are type-checked);
//   2. esbuild: one minified ES module (dist/main.js, Portico's lazy parts split beside it), with
//      Angular's development-mode checks compiled out (`ngDevMode = false`). Angular's own
//      packages are published partially compiled (`ɵɵngDeclare…` calls): the Angular linker (a
//      Babel plugin of @angular/compiler-cli) finishes them, or they would need the JIT compiler at
//      run time ("JIT compiler unavailable").
// Why not the Angular CLI: Angular 22's CLI and `@angular/build` refuse to start on Node 20, which
// this workspace supports; the compiler itself runs on it. On Node ≥ 22.22 an `ng new` app uses the
// same compiler (through `@angular/build`), with the same template checks.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = join(here, 'node_modules/.ngc');
const dist = join(here, 'dist');
const t0 = performance.now();

/** Compiles `tsconfig` with ngc; returns its diagnostics output, throws when it fails. */
export function ngc(tsconfig, { quiet = false } = {}) {
  const bin = join(dirname(require.resolve('@angular/compiler-cli/package.json')), 'bundles/src/bin/ngc.js');
  return execFileSync(process.execPath, [bin, '-p', tsconfig], { cwd: here, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
}

/** esbuild plugin: runs the Angular linker over the framework's partially compiled modules. */
async function angularLinker() {
  const fromCompiler = createRequire(require.resolve('@angular/compiler-cli/package.json'));
  const babel = await import(pathToFileURL(fromCompiler.resolve('@babel/core')).href);
  const { createEs2015LinkerPlugin } = await import('@angular/compiler-cli/linker/babel');
  return {
    name: 'angular-linker',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].+\.m?js$/ }, async (args) => {
        const code = await readFile(args.path, 'utf8');
        if (!code.includes('ɵɵngDeclare')) return { contents: code, loader: 'js' };
        const result = await babel.transformAsync(code, {
          filename: args.path,
          babelrc: false,
          configFile: false,
          compact: false,
          sourceMaps: false,
          plugins: [
            createEs2015LinkerPlugin({
              linkerJitMode: false,
              sourceMapping: false,
              fileSystem: { resolve, exists: existsSync, dirname, relative, readFile: (f) => readFileSync(f, 'utf8') },
              logger: { level: 1, debug() {}, info() {}, warn: (m) => console.warn(m), error: (m) => console.error(m) },
            }),
          ],
        });
        return { contents: result.code, loader: 'js' };
      });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(out, { recursive: true, force: true });
  ngc(join(here, 'tsconfig.json'));
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await esbuild.build({
    entryPoints: [join(out, 'main.js')],
    outdir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    chunkNames: 'chunks/[name]-[hash]',
    define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false', ngServerMode: 'false', ngHmrMode: 'false' },
    legalComments: 'none',
    plugins: [await angularLinker()],
    logLevel: 'warning',
  });
  writeFileSync(join(dist, 'index.html'), readFileSync(join(here, 'src/index.html')));
  copyFileSync(join(here, 'src/styles.css'), join(dist, 'styles.css'));
  console.log(`examples/angular: dist/ built in ${Math.round(performance.now() - t0)} ms`);
}
