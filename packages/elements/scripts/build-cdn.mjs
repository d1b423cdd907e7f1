// Builds dist/cdn/ from the package's built dist/ (run after tsc, as `pnpm build` does): files a
// page can load with no build step of its own, from a CDN or its own server. One flat folder:
//
//   portico.js        THE single-file bundle: every component and the provider, lit, the client and
//                     the contract schemas in ONE ES module with no static import. Exports the
//                     classes and helpers of `@portico/elements`, `pdfSettings` and the client API.
//   autoload.js       the autoloader (<1 kB gzipped): imports a component's module when its tag
//                     first appears in the document (or in an open shadow root it can reach).
//   <name>.js         one module per component (`ticket-list.js` registers <portico-ticket-list>,
//                     `provider.js` <portico-provider>): what the autoloader imports; they share
//                     the chunk-<hash>.js files beside them.
//   lazy files        loaded by import() relative to the file that needs them, only when needed, by
//                     the bundle and the component modules alike (one copy, stable names):
//                     `sanitize.js` + `dompurify.js` + `marked.js` (the first rich text: an article,
//                     a Markdown ticket message),
//                     `messages.<lang>.js` + `<name>.messages.<lang>.js` (a page in de or ar),
//                     `resumable-upload.js` (tus-js-client: the first large file of a document request),
//                     `deliverable-viewer.compare.js` + `deliverable-viewer.diff.js` (versions compared),
//                     `pdfjs.js` + `pdf-worker.js` (the first PDF preview; pdf.js's own minified
//                     builds). The viewer starts the worker from
//                     `new URL('./pdf-worker.js', import.meta.url)`, i.e. this folder, unless the
//                     page sets `pdfSettings.workerUrl` (a Trusted Types page must). From another
//                     origin (a CDN) no browser starts that worker: pdf.js then parses on the main
//                     thread, with `pdf-worker.js` imported as a module (examples/vanilla tests it).
//
//   integrity.json    Subresource Integrity: the sha384 hash of every .js file of this folder
//                     (`{ "algorithm": "sha384", "files": { "portico.js": "sha384-…", … } }`). A page
//                     loading portico.js or autoload.js from a CDN puts the hash in the script tag's
//                     `integrity` (with `crossorigin`); the files those import later (lazy files,
//                     component modules, chunks) are verified through an import map's `integrity`
//                     section, which covers dynamic import() too (README: "Without a build step").
//
// Why the lazy parts stay lazy: inlined, they would make portico.js ~50% heavier (the sanitizer,
// 26 message catalogues) for every page, and pdf.js (1.7 MB) can't be inlined at all (its worker
// must be a file). So "single file" means one entry file and one request for a page in English
// without articles or PDFs; serve (or copy) the whole folder so the lazy files are found.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { manifestComponents } from '../../tooling/src/size-groups.mjs';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const dist = join(pkg, 'dist');
const out = join(dist, 'cdn');
const require = createRequire(join(pkg, 'package.json'));
const quiet = process.argv.includes('--quiet');

/**
 * The lazy parts: every `import()` of a message catalogue, DOMPurify, marked or pdf.js becomes an
 * import of a file of this folder (`./<name>.js`), built once (or copied) by `buildLazy`.
 * `lazy` collects what was met: output name → source file or package.
 */
const lazy = new Map();
const PDF = { 'pdfjs-dist': 'pdfjs.js', 'pdfjs-dist/build/pdf.worker.min.mjs': 'pdf-worker.js' };
const lazyFiles = {
  name: 'portico-lazy-files',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      let name;
      let source = args.path;
      if (PDF[args.path]) name = PDF[args.path];
      else if (args.path === 'dompurify' || args.path === 'marked') name = `${args.path}.js`;
      else if (args.path.startsWith('.')) {
        source = join(args.resolveDir, args.path);
        const m =
          /(?:\/|^)([a-z0-9-]+)\.messages\.([a-z]{2,3}(?:-[A-Za-z]+)?)\.js$/.exec(source) ??
          /\/i18n\/messages\/([a-z]{2,3}(?:-[A-Za-z]+)?)\.js$/.exec(source);
        if (m) name = m.length === 3 && m[2] ? `${m[1]}.messages.${m[2]}.js` : `messages.${m[1]}.js`;
        // The sanitizer module (DOMPurify's and marked's glue, the image filter): only with rich text.
        else if (/\/sanitize\/sanitize\.js$/.test(source)) name = 'sanitize.js';
        // The resumable upload (tus-js-client): only when a large file is chosen for a document request.
        else if (/\/document-requests\/resumable-upload\.js$/.test(source)) name = 'resumable-upload.js';
        // The viewer's comparison (a deliverable with versions) and its text diff (two texts compared).
        else if (/\/deliverable-viewer\.(diff|compare)\.js$/.test(source)) name = basename(source);
      }
      if (!name) return undefined; // the viewer's pdf-preview, an article's body module: small, part of their importer
      if (lazy.has(name) && lazy.get(name) !== source) throw new Error(`two lazy files named ${name}: ${lazy.get(name)}, ${source}`);
      lazy.set(name, source);
      return { path: `./${name}`, external: true };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [lazyFiles],
  logLevel: 'warning',
  metafile: true,
};

/**
 * Registration modules (`components/<name>/<name>.js`) and the tags each defines, from the
 * custom-elements manifest (its `custom-element-definition` exports), like define.ts and
 * `sideEffects` (scripts/generate.mjs): one list of tags, never kept by hand.
 */
async function components() {
  const manifest = JSON.parse(await readFile(join(pkg, 'custom-elements.json'), 'utf8'));
  const byName = new Map();
  for (const { name, tag } of manifestComponents(manifest)) {
    const file = join(dist, 'components', name, `${name}.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: the manifest registers <${tag}> there (run tsc first)`);
    byName.set(name, { name, file, tags: [...(byName.get(name)?.tags ?? []), tag] });
  }
  return [...byName.values()];
}

/** The autoloader's source: `map` is tag → file name in this folder. */
function autoloaderSource(map) {
  return `// Portico autoloader: imports a component's module when its tag first appears.
const files = ${JSON.stringify(map)};
const requested = new Set();
const seen = new WeakSet();
const load = (tag) => {
  const file = files[tag];
  if (!file || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  import(new URL(file, import.meta.url).href).catch((error) => {
    requested.delete(tag);
    console.error(\`[portico] could not load <\${tag}>\`, error);
  });
};
/** Loads every undefined portico-* element under root, and watches the open shadow roots found there. */
export function discover(root) {
  for (const el of [root, ...(root.querySelectorAll?.('*') ?? [])]) {
    // A Portico component's own shadow root holds only tags its module already registers.
    if (el.localName?.startsWith('portico-')) load(el.localName);
    else if (el.shadowRoot) watch(el.shadowRoot);
  }
}
const observer = new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) discover(node);
});
/** Scans root now and whenever nodes are added under it (the document; call it for a closed or late shadow root). */
export function watch(root) {
  if (seen.has(root)) return;
  seen.add(root);
  discover(root);
  observer.observe(root, { childList: true, subtree: true });
}
watch(document);
`;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** `{ algorithm, files: { name: 'sha384-…' } }` for every .js file of dist/cdn, sorted by name. */
export async function integrityManifest(dir = out) {
  const files = {};
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.js')).sort()) {
    files[name] = `sha384-${createHash('sha384')
      .update(await readFile(join(dir, name)))
      .digest('base64')}`;
  }
  return { algorithm: 'sha384', files };
}
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

export async function buildCdn() {
  if (!existsSync(join(dist, 'define.js'))) throw new Error('dist/define.js is missing: run tsc first (pnpm build)');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  lazy.clear();

  // 1. The single-file bundle: no splitting, so every module is in the file, except the lazy files.
  const bundle = await esbuild.build({
    ...common,
    stdin: {
      contents: [
        "import './define.js';",
        "export * from './index.js';",
        "export { pdfSettings } from './components/deliverable-viewer/pdf-settings.js';",
        "export * from '@portico/client';",
      ].join('\n'),
      resolveDir: dist,
      sourcefile: 'portico.js',
      loader: 'js',
    },
    outfile: join(out, 'portico.js'),
    splitting: false,
  });

  // 2. One module per component, sharing chunks: what the autoloader imports.
  const list = await components();
  const split = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(list.map((c) => [c.name, c.file])),
    outdir: out,
    splitting: true,
    chunkNames: 'chunk-[hash]',
  });

  // 3. The autoloader: a map of tag → module, nothing else.
  const map = {};
  for (const c of list) for (const tag of c.tags) map[tag] ??= `./${c.name}.js`;
  await esbuild.build({
    ...common,
    plugins: [],
    stdin: { contents: autoloaderSource(map), sourcefile: 'autoload.js', loader: 'js' },
    outfile: join(out, 'autoload.js'),
  });

  // 4. The lazy files met by both builds: pdf.js's own minified builds copied, the rest bundled
  //    alone (data, a library with no import, or the sanitizer, whose own import() of DOMPurify
  //    and marked stay imports of their lazy files).
  // Bundling one may meet others (the sanitizer's DOMPurify and marked): until none is new.
  const done = new Set();
  while (lazy.size > done.size) {
    const built = {};
    for (const [name, source] of [...lazy].filter(([n]) => !done.has(n))) {
      done.add(name);
      if (Object.values(PDF).includes(name)) {
        const file = { 'pdfjs.js': 'build/pdf.min.mjs', 'pdf-worker.js': 'build/pdf.worker.min.mjs' }[name];
        await copyFile(join(dirname(require.resolve('pdfjs-dist/package.json')), file), join(out, name));
      } else built[name.replace(/\.js$/, '')] = source;
    }
    await esbuild.build({ ...common, absWorkingDir: pkg, entryPoints: built, outdir: out, splitting: false });
  }

  // 5. Types of the bundle (its exports: the package's, pdfSettings and the client's) and the map.
  await writeFile(
    join(out, 'portico.d.ts'),
    [
      "import '../define.js';",
      "export * from '../index.js';",
      "export { pdfSettings } from '../components/deliverable-viewer/pdf-settings.js';",
      "export * from '@portico/client';",
      '',
    ].join('\n'),
  );
  await writeFile(
    join(out, 'autoload.d.ts'),
    'export declare function discover(root: ParentNode): void;\nexport declare function watch(root: ParentNode): void;\n',
  );
  await writeFile(join(out, 'autoload-map.json'), `${JSON.stringify(map, null, 2)}\n`);

  // 6. Subresource Integrity of every script a page may load from this folder.
  const integrity = await integrityManifest();
  await writeFile(join(out, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);

  if (!quiet) {
    const size = async (f) => {
      const buf = await readFile(join(out, f));
      return `${f} ${kb(buf.length)} min, ${kb(gz(buf))} min+gz`;
    };
    const chunks = Object.keys(split.metafile.outputs).length - list.length;
    console.log(`dist/cdn: ${await size('portico.js')}; ${await size('autoload.js')}; ${list.length} component modules, ${chunks} chunks`);
  }
  return { bundle: bundle.metafile, split: split.metafile, map, integrity };
}

if (process.argv[1] && basename(process.argv[1]) === basename(fileURLToPath(import.meta.url))) await buildCdn();
