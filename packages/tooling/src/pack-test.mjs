// Packs every public @portico package as it would be published (`pnpm pack`, which applies
// `publishConfig`), checks each tarball as npm would show it (manifest, licence, README) and as
// consumers' tools resolve it (publint, @arethetypeswrong/cli), installs the tarballs into a fresh
// project outside the workspace, and checks that a consumer can import each one (Node ESM) and
// typecheck against its published types. Run after `pnpm build`.
//
// Deliberate, and therefore not reported (docs/workspace.md, "Publishing"):
//  - ESM only: attw's node10 and node16-from-CommonJS resolutions are ignored (`--profile
//    esm-only`), and so are the InternalResolutionError problems it reports under node10 alone
//    (the types/*.d.ts files import the package by its exports map, which node10 cannot read).
//  - `@portico/elements/tokens.css` is a stylesheet, not a module: attw does not check it. Nor the
//    files of `@portico/elements/cdn/*` (scripts for a <script> tag from a CDN, integrity.json):
//    their typed entry points are `/bundle` and `/autoload`, which it checks.
//  Anything else publint (suggestions included) or attw reports fails the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = new URL('../../../', import.meta.url).pathname;
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'portico-pack-'));
const tarballs = join(dir, 'tarballs');
mkdirSync(tarballs);
const packages = readdirSync(join(root, 'packages'))
  .map((name) => ({
    dir: join(root, 'packages', name),
    pkg: JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.pkg.private);

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const files = {};
const rootLicence = readFileSync(join(root, 'LICENSE'), 'utf8');
const stripSource = (v) =>
  v && typeof v === 'object'
    ? Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== 'source')
          .map(([k, x]) => [k, stripSource(x)]),
      )
    : v;
const attwBin = join(dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')), 'dist/index.js');
const publishable = [];
for (const { dir: pkgDir, pkg } of packages) {
  const out = sh('pnpm', ['pack', '--pack-destination', tarballs, '--json'], pkgDir);
  const info = JSON.parse(out);
  files[pkg.name] = { tarball: info.filename, list: info.files.map((f) => f.path) };
  const list = files[pkg.name].list;
  const unpacked = join(dir, 'unpacked', pkg.name);
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['xzf', info.filename, '-C', unpacked, '--strip-components=1']);
  const packed = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  publishable.push({ pkg, packed, unpacked, tarball: info.filename, list });

  // The published manifest: `exports` as in the repository minus the `source` condition (the
  // sources are not published), from publishConfig.exports, which must be kept in step.
  check(
    !JSON.stringify(packed.exports).includes('"source"') && !packed.publishConfig,
    `${pkg.name}: published exports have no "source" condition (publishConfig.exports applied)`,
  );
  check(
    JSON.stringify(packed.exports) === JSON.stringify(stripSource(pkg.exports)),
    `${pkg.name}: publishConfig.exports is package.json exports without "source" (update it when exports change)`,
  );
  check(
    readFileSync(join(unpacked, 'LICENSE'), 'utf8') === rootLicence && packed.license === 'MIT',
    `${pkg.name}: LICENSE in the tarball (the repository's MIT licence) and "license": "MIT"`,
  );
  const readme = existsSync(join(unpacked, 'README.md')) ? readFileSync(join(unpacked, 'README.md'), 'utf8') : '';
  const relative = [...readme.matchAll(/!?\[[^\]]*\]\((?!https?:|#|mailto:)([^)]+)\)/g)].map((m) => m[1]);
  check(
    readme.startsWith(`# ${pkg.name}\n`) && readme.includes(`npm install ${pkg.name}`) && !relative.length && /## Licence/.test(readme),
    `${pkg.name}: README for npm (title = name, npm install, licence, no links npm cannot resolve)${relative.length ? `: relative links ${relative.join(', ')}` : ''}`,
  );
  check(
    list.some((f) => f.startsWith('dist/') && f.endsWith('.js')),
    `${pkg.name}: tarball has built JavaScript`,
  );
  check(
    list.some((f) => f.endsWith('.d.ts')),
    `${pkg.name}: tarball has type declarations`,
  );
  check(
    !list.some((f) => /(^|\/)(src|test|node_modules)\//.test(f) || /\.test\.|\.stories\./.test(f)),
    `${pkg.name}: tarball has no sources, tests or stories`,
  );
  check(
    pkg.sideEffects !== undefined && pkg.exports?.['.'] !== undefined && pkg.type === 'module',
    `${pkg.name}: ESM with an exports map and sideEffects declared`,
  );
  // Every file an export points at is in the tarball (e.g. the generated types/ and VS Code data).
  const targets = Object.values(pkg.exports ?? {})
    .flatMap((t) =>
      typeof t === 'string'
        ? [t]
        : Object.entries(t)
            .filter(([c]) => c !== 'source')
            .map(([, f]) => f),
    )
    .filter((f) => !f.includes('*'))
    .map((f) => f.replace(/^\.\//, ''));
  const missing = targets.filter((f) => !list.includes(f));
  check(!missing.length, `${pkg.name}: tarball has every exported file${missing.length ? ` (missing ${missing.join(', ')})` : ''}`);
}

/** The file `specifier` resolves to in the packed packages (default condition), or undefined. */
function resolvePacked(specifier) {
  const owner = publishable.find((p) => specifier === p.pkg.name || specifier.startsWith(`${p.pkg.name}/`));
  if (!owner) return undefined;
  const sub = `.${specifier.slice(owner.pkg.name.length)}`;
  const target = (t) => (typeof t === 'string' ? t : (t?.default ?? t?.types));
  for (const [key, value] of Object.entries(owner.packed.exports ?? {})) {
    if (key === sub) return join(owner.unpacked, target(value));
    const star = key.indexOf('*');
    if (star >= 0 && sub.startsWith(key.slice(0, star)) && sub.endsWith(key.slice(star + 1))) {
      const middle = sub.slice(star, sub.length - (key.length - star - 1));
      return join(owner.unpacked, target(value).replace('*', middle));
    }
  }
  return undefined;
}
for (const { pkg, unpacked } of publishable) {
  const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
  const code = [...readme.matchAll(/```(?:js|ts|tsx|jsx|html)\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
  const specifiers = [...new Set([...code.matchAll(/(?:from\s+|import\s*\(?\s*)'(@portico\/[^']+)'/g)].map((m) => m[1]))];
  const unresolved = specifiers.filter((s) => !(resolvePacked(s) && existsSync(resolvePacked(s))));
  check(
    !unresolved.length,
    `${pkg.name}: README imports resolve in the published packages (${specifiers.length})${unresolved.length ? `: not ${unresolved.join(', ')}` : ''}`,
  );
}

// publint on each tarball: every message (suggestions too) fails.
for (const { pkg, tarball } of publishable) {
  const buf = readFileSync(tarball);
  const { messages, pkg: manifest } = await publint({
    pack: { tarball: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) },
    level: 'suggestion',
    strict: true,
  });
  for (const m of messages) console.log(`     publint ${m.type}: ${formatMessage(m, manifest)}`);
  check(messages.length === 0, `${pkg.name}: publint reports nothing${messages.length ? ` (${messages.length} messages)` : ''}`);
}

// @arethetypeswrong/cli on each tarball, every entry point (wildcard subpaths expanded to the
// files they match), ESM-only profile.
for (const { pkg, packed, tarball, list } of publishable) {
  const include = [];
  for (const [key, value] of Object.entries(packed.exports ?? {})) {
    // A wildcard with types is modules (`./components/*`); one without is files served as they are
    // (`./cdn/*`: scripts for a <script> tag, integrity.json), not for TypeScript to import.
    if (!key.includes('*') || typeof value !== 'object' || !value.types) continue;
    const pattern = value.types;
    const [pre, post] = pattern.replace(/^\.\//, '').split('*');
    for (const f of list)
      if (f.startsWith(pre) && f.endsWith(post)) include.push(key.replace('*', f.slice(pre.length, f.length - post.length)));
  }
  const exclude = Object.keys(packed.exports ?? {}).filter((k) => k.endsWith('.css'));
  const jsonFile = join(dir, `attw-${pkg.name.replace('/', '-')}.json`);
  const fd = openSync(jsonFile, 'w');
  const args = [attwBin, tarball, '--profile', 'esm-only', '--format', 'json'];
  if (include.length) args.push('--include-entrypoints', ...include);
  if (exclude.length) args.push('--exclude-entrypoints', ...exclude);
  spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  const result = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const problems = result.analysis?.problems ?? [];
  const ignored = (p) => ['node10', 'node16-cjs'].includes(p.resolutionKind) || p.resolutionOption === 'node10';
  const real = problems.filter((p) => !ignored(p));
  const entrypoints = Object.keys(result.analysis?.entrypoints ?? {}).length;
  for (const p of real)
    console.log(`     attw ${p.kind}: ${p.entrypoint ?? p.fileName ?? ''} (${p.resolutionKind ?? p.resolutionOption ?? ''})`);
  console.log(
    `     attw ${pkg.name}: ${entrypoints} entry points, node16 (ESM) and bundler: ${real.length} problems; ${problems.length - real.length} ignored (node10 / CommonJS, ESM-only)`,
  );
  check(result.analysis && real.length === 0, `${pkg.name}: @arethetypeswrong reports nothing for ESM consumers (node16, bundler)`);
}

const app = join(dir, 'app');
mkdirSync(app);
const overrides = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, `file:${f.tarball}`]));
// The React types the consumer's TSX compiles with: the version the elements package tests with.
const elementsPkg = packages.find((p) => p.pkg.name === '@portico/elements')?.pkg;
const reactTypes = elementsPkg?.devDependencies?.['@types/react'];
// The workspace's pnpm pin, so corepack does not go looking for another pnpm outside the repo.
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'consumer',
      private: true,
      type: 'module',
      packageManager,
      dependencies: overrides,
      devDependencies: reactTypes ? { '@types/react': reactTypes } : {},
      pnpm: { overrides },
    },
    null,
    2,
  ),
);
sh('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'], app);

// Node ESM: every public package imports without its sources or the workspace.
const probes = {
  '@portico/contract':
    "const m = await import('@portico/contract'); if (!m.endpoints.tickets.list || !m.Ticket) throw new Error('exports missing'); const o = await import('@portico/contract/openapi.json', { with: { type: 'json' } }); if (o.default.openapi !== '3.1.0') throw new Error('openapi');",
  '@portico/client':
    "const m = await import('@portico/client'); if (typeof m.createPorticoClient !== 'function') throw new Error('createPorticoClient missing');",
  '@portico/server':
    "const m = await import('@portico/server/token'); const t = await m.mintPortalToken({ secret: 'x'.repeat(32), sub: 'u', org: 'o', roles: ['member'], ttl: 60 }); if (t.split('.').length !== 3) throw new Error('token');",
  '@portico/elements': "const m = await import('@portico/elements'); if (!Object.keys(m).length) throw new Error('no exports');",
};
for (const name of Object.keys(files)) {
  const code = probes[name] ?? `await import('${name}');`;
  writeFileSync(join(app, 'probe.mjs'), code);
  try {
    sh('node', ['probe.mjs'], app);
    check(true, `${name}: imports from its tarball in Node`);
  } catch {
    check(false, `${name}: imports from its tarball in Node`);
  }
}

// Types: a consumer typechecks against the published declarations (no `source` condition here).
const typeUses = {
  '@portico/contract':
    "import { type Ticket, endpoints } from '@portico/contract';\nconst t: Ticket['status'] = 'open';\nvoid endpoints; void t;",
  '@portico/client':
    "import { createPorticoClient } from '@portico/client';\nconst c = createPorticoClient({ baseUrl: 'https://x.test', getToken: async () => 't' });\nvoid c.tickets.list({ status: 'open' }).then((p) => p.data[0]?.subject.toUpperCase());",
};
// The generated JSX types of the tags (React 19): a prop of the wrong type must be an error.
if (files['@portico/elements'] && reactTypes) {
  typeUses['@portico/elements'] = [
    "import type {} from '@portico/elements/types/react';",
    "import type { PorticoTicketList } from '@portico/elements';",
    'export const list = (ref: { current: PorticoTicketList | null }) => (',
    '  <portico-provider base-url="https://portal.test" getToken={async () => \'t\'}>',
    '    <portico-ticket-list ref={ref} status="open" pageSize={10} onportico-ticket-select={(e) => e.detail.ticket.id.toUpperCase()} />',
    '  </portico-provider>',
    ');',
    '// @ts-expect-error: not a ticket status',
    'export const wrong = <portico-ticket-list status="nope" />;',
  ].join('\n');
}
const tsFiles = [];
for (const [name, code] of Object.entries(typeUses)) {
  if (!files[name]) continue;
  const f = `use-${name.split('/')[1]}.${name === '@portico/elements' ? 'tsx' : 'ts'}`;
  writeFileSync(join(app, f), `${code}\n`);
  tsFiles.push(f);
}
writeFileSync(
  join(app, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: tsFiles,
  }),
);
try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app, stdio: 'inherit' });
  check(true, 'consumer typechecks against the published types');
} catch {
  check(false, 'consumer typechecks against the published types');
}

rmSync(dir, { recursive: true, force: true });
console.log(`pack test: ${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
