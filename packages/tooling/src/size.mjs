// Size budgets: bundles each browser entry from the built packages (dist, as a user's bundler
// would see them) with esbuild, minifies, gzips (level 9), and compares with its budget. Code
// split off behind a dynamic import() (the sanitizer, German and Arabic messages, previewers)
// loads only when needed and is reported apart, not counted in the entry.
//   node packages/tooling/src/size.mjs           print the table
//   node packages/tooling/src/size.mjs --check   also fail when over budget or docs/sizes.md is stale
//   node packages/tooling/src/size.mjs --write   rewrite docs/sizes.md
//   node packages/tooling/src/size.mjs --ratchet record today's figure as the ceiling of every entry
//                                                 over its budget (packages/tooling/size-ceilings.json)
// An entry over its budget is reported as such in docs/sizes.md; --check then fails only if it
// grows past its recorded ceiling, so a known overrun cannot get worse unnoticed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { CUSTOMER, manifestComponents } from './size-groups.mjs';

const root = new URL('../../../', import.meta.url);
const KB = 1000;
// What a page loads to show components: their registration modules and the provider, whose client
// (createClientFor over the endpoint registry) carries the schemas of the registered groups only.
const PROVIDER = "import '@portico/elements/components/provider/provider';";
const manifest = JSON.parse(readFileSync(new URL('packages/elements/custom-elements.json', root), 'utf8'));

/** Every component of the custom-elements manifest with a registration module, except the provider. */
const components = manifestComponents(manifest)
  .map((c) => c.name)
  .filter((name) => name !== 'provider');
const register = (name) => `import '@portico/elements/components/${name}/${name}';`;

/** Components with a tighter standalone budget than 30 kB: the bell sits on every page of a host (issue 13). */
const SMALL = { 'notification-bell': 22 * KB };
/** Issue 13: the whole SDK (every component and the provider) within 80 kB, with more components to come. */
const WHOLE_SDK = 80 * KB;
/**
 * What the single-file CDN bundle may add to the whole SDK (see its entry): the whole client with the
 * validators of every endpoint group (13 groups after issue 13: 31.7 kB measured), which grows with each group.
 */
const CDN_EXTRA = 35 * KB;

export const ENTRIES = [
  { name: '@portico/client (with its contract validators, no zod)', code: "export * from '@portico/client';", budget: 16 * KB },
  ...components.map((name) => ({
    name: `<portico-${name}> standalone (with lit, client, contract)`,
    code: `${register(name)}\n${PROVIDER}`,
    budget: SMALL[name] ?? 30 * KB,
  })),
  {
    name: `customer-portal components together (${CUSTOMER.filter((n) => components.includes(n)).length} of ${CUSTOMER.length})`,
    code: `${CUSTOMER.filter((n) => components.includes(n))
      .map(register)
      .join('\n')}\n${PROVIDER}`,
    budget: 45 * KB,
  },
  // Not budgets of an issue: ours, so that the no-build-step files cannot grow unnoticed.
  // portico.js holds the whole SDK (the entry below) plus what a page without a bundler gets on top:
  // the whole client (every endpoint group's validators, createPorticoClient), the package's
  // exported helpers, and the small lazy parts a bundler would split off (previewers, an article's
  // body module), which it inlines. That part measured 18.4 kB (78.0 − 59.6) on 2026-12-03. So its
  // ceiling is not a fixed figure, which every new component breaks, but the whole SDK's budget
  // plus 20 kB for that part: it moves only when the whole SDK's budget does (issue 13).
  {
    name: 'single-file bundle for pages without a build step (dist/cdn/portico.js)',
    code: "import '@portico/elements/bundle';",
    budget: WHOLE_SDK + CDN_EXTRA,
  },
  {
    name: 'autoloader alone (dist/cdn/autoload.js; components load on demand)',
    code: "import '@portico/elements/autoload';",
    budget: 1 * KB,
  },
  {
    name: 'whole SDK: every component and the provider (@portico/elements/define)',
    code: "import '@portico/elements/define';",
    budget: WHOLE_SDK,
  },
];

async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL('packages/elements/', root).pathname, loader: 'js' },
    bundle: true,
    splitting: true,
    outdir: '/virtual',
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // What loads up front: the entry and every chunk it reaches through static imports. The rest
  // is reached only through import() and loads on demand.
  const outputs = result.metafile.outputs;
  const key = (path) => Object.keys(outputs).find((k) => k.replace(/^(\.\.\/)+/, '/') === path);
  const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint === '<stdin>');
  const eager = new Set();
  const visit = (k) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(entryKey);
  const gz = (f) => gzipSync(f.contents, { level: 9 }).length;
  let min = 0;
  let eagerGz = 0;
  let lazy = 0;
  for (const f of result.outputFiles.filter((f) => f.path.endsWith('.js'))) {
    if (eager.has(key(f.path))) {
      min += f.contents.length;
      eagerGz += gz(f);
    } else lazy += gz(f);
  }
  return { min, gz: eagerGz, lazy };
}

const ceilingsPath = new URL('packages/tooling/size-ceilings.json', root);
const ceilings = existsSync(ceilingsPath) ? JSON.parse(readFileSync(ceilingsPath, 'utf8')) : {};
const rows = [];
for (const e of ENTRIES) rows.push({ ...e, ...(await measure(e.code)) });
if (process.argv.includes('--ratchet')) {
  const next = Object.fromEntries(rows.filter((r) => r.gz > r.budget).map((r) => [r.name, r.gz]));
  writeFileSync(ceilingsPath, `${JSON.stringify(next, null, 2)}\n`);
  Object.assign(ceilings, next);
  for (const k of Object.keys(ceilings)) if (!(k in next)) delete ceilings[k];
}
const status = (r) => (r.gz <= r.budget ? 'within budget' : `**over budget by ${fmt(r.gz - r.budget)}**`);

function fmt(n) {
  return `${(n / KB).toFixed(1)} kB`;
}
const table = [
  '| entry | min | min+gz | budget (min+gz) | status | lazy chunks, gz (not counted) |',
  '| --- | ---: | ---: | ---: | --- | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name.replace(/<portico-[a-z-]+>/g, (tag) => `\`${tag}\``)} | ${fmt(r.min)} | ${fmt(r.gz)} | ${fmt(r.budget)} | ${status(r)} | ${r.lazy ? fmt(r.lazy) : '–'} |`,
  ),
].join('\n');
console.log(table);

const doc = `# Bundle sizes\n\nGenerated by \`node packages/tooling/src/size.mjs --write\` after \`pnpm build\`; \`pnpm test\` fails when a figure is over budget or this table is stale. Each entry is an esbuild bundle of the published \`dist\` with every dependency, minified, gzip level 9; 1 kB = 1,000 bytes. A component's standalone entry is its registration module plus \`<portico-provider>\`, whose client holds only the endpoints the loaded components register, i.e. everything a page needs to show it. Code behind a dynamic \`import()\` (the HTML sanitizer, German and Arabic messages) loads only when used and is listed apart.\n\nAn entry over its budget keeps a ceiling at its measured size (\`packages/tooling/size-ceilings.json\`, written by \`--ratchet\`): the check fails if it grows, so an overrun can only shrink until it is within budget.\n\n${table}\n`;
const docPath = new URL('docs/sizes.md', root);
const over = rows.filter((r) => r.gz > r.budget);
// A few bytes over the ceiling are measurement noise (gzip output differs slightly between machines and paths).
const NOISE = 50;
const grown = over.filter((r) => !(r.name in ceilings) || r.gz > ceilings[r.name] + NOISE);
for (const r of over) {
  const ceiling = ceilings[r.name];
  console.error(
    `OVER BUDGET: ${r.name}: ${r.gz} B > ${r.budget} B${ceiling ? (r.gz > ceiling + NOISE ? ` and past its recorded ceiling ${ceiling} B` : ` (known; ceiling ${ceiling} B holds)`) : ' (no ceiling recorded)'}`,
  );
}

if (process.argv.includes('--write')) writeFileSync(docPath, doc);
/**
 * Whether the committed table says what this run measured: the same text, except that a figure may
 * differ by 0.1 kB (gzip output moves by a few bytes between machines and checkout paths, which flips
 * a rounded figure near .x5). Entries, budgets and statuses must match exactly.
 */
function sameTable(committed, fresh) {
  const figures = /(\d+(?:\.\d+)?) kB/g;
  const shape = (text) => text.replace(figures, '# kB');
  const values = (text) => [...text.matchAll(figures)].map((m) => Number(m[1]));
  if (shape(committed) !== shape(fresh)) return false;
  const a = values(committed);
  const b = values(fresh);
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 0.1 + 1e-9);
}

if (process.argv.includes('--check')) {
  let failed = grown.length > 0;
  if (!existsSync(docPath) || !sameTable(readFileSync(docPath, 'utf8'), doc)) {
    console.error('docs/sizes.md is stale: run `pnpm build && node packages/tooling/src/size.mjs --write`');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}
