// `pnpm manifest:check`: regenerates the custom-elements manifest into a temporary folder and
// fails when it differs from the committed custom-elements.json (run `pnpm manifest` to update).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
// cem resolves --outdir against the working directory: a git-ignored folder of the package.
const outRel = join('node_modules', '.cache', `portico-cem-${process.pid}`);
const out = join(pkg, outRel);
try {
  const r = spawnSync('cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outRel, '--quiet'], {
    cwd: pkg,
    // `cem` from the package's or the workspace's node_modules/.bin, also when run with plain `node`.
    env: { ...process.env, PATH: [join(pkg, 'node_modules/.bin'), join(pkg, '../../node_modules/.bin'), process.env.PATH].join(delimiter) },
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) throw new Error(`cem analyze failed (${r.error?.message ?? `exit ${r.status}`})`);
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync(join(pkg, 'custom-elements.json'), 'utf8');
  } catch {}
  if (fresh.trim() !== committed.trim()) {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = b.findIndex((l, i) => l !== a[i]);
    console.error(
      `custom-elements.json is stale (first difference at line ${line + 1}): run \`pnpm --filter @portico/elements manifest\` and commit it.`,
    );
    process.exitCode = 1;
  } else console.log('custom-elements.json is current.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
