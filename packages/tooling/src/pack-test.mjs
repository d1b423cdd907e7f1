// Packs every public @portico package as it would be published, installs the tarballs into a
// fresh project outside the workspace, and checks that a consumer can import each one (Node ESM)
// and typecheck against its published types. Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
for (const { dir: pkgDir, pkg } of packages) {
  const out = sh('pnpm', ['pack', '--pack-destination', tarballs, '--json'], pkgDir);
  const info = JSON.parse(out);
  files[pkg.name] = { tarball: info.filename, list: info.files.map((f) => f.path) };
  const list = files[pkg.name].list;
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
