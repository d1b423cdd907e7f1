// A release rehearsal, run by `pnpm test` after the build: on a scratch copy of the workspace
// (nothing here is changed), `pnpm version-packages` (changeset version, then the OpenAPI document
// regenerated with the new version) and `pnpm publish -r --dry-run` with the release's settings
// (`--access public --provenance`). Nothing is sent to a registry. Checks that the fixed group
// moves together, private packages stay out, each public package gets its CHANGELOG, the
// published manifests carry real versions instead of `workspace:` ranges, and exactly the public
// packages would be published.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'portico-release-'));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const env = { ...process.env, FORCE_COLOR: '0', CI: '', npm_config_provenance: '' };
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: scratch, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const readJson = (f) => JSON.parse(readFileSync(join(scratch, f), 'utf8'));

try {
  // 1. The workspace as it is (built), without node_modules or local data, installed offline.
  execFileSync(
    'sh',
    [
      '-c',
      `tar --exclude=./node_modules --exclude='*/node_modules' --exclude=./.git --exclude=./.portico --exclude='*/storybook-static' -cf - . | tar -xf - -C "${scratch}"`,
    ],
    { cwd: root },
  );
  run('pnpm', ['install', '--offline', '--frozen-lockfile', '--ignore-scripts', '--config.confirmModulesPurge=false']);

  const projects = ['packages', 'examples']
    .flatMap((d) => readdirSync(join(scratch, d)).map((n) => `${d}/${n}`))
    .filter((d) => existsSync(join(scratch, d, 'package.json')))
    .map((dir) => ({ dir, before: readJson(`${dir}/package.json`) }));
  const isPublic = (p) => !p.before.private;
  const publicOnes = projects.filter(isPublic);
  const changesets = readdirSync(join(scratch, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  check(changesets.length > 0, `changesets to release: ${changesets.join(', ') || 'none'}`);
  const summaries = changesets.map(
    (f) =>
      readFileSync(join(scratch, '.changeset', f), 'utf8')
        .split(/^---$/m)[2]
        .trim()
        .split('\n')[0],
  );

  // 2. Versions and changelogs.
  run('pnpm', ['run', 'version-packages']);
  const after = projects.map((p) => ({ ...p, after: readJson(`${p.dir}/package.json`) }));
  const versions = new Set(after.filter(isPublic).map((p) => p.after.version));
  const [version] = versions;
  check(
    versions.size === 1 && after.filter(isPublic).every((p) => p.after.version !== p.before.version),
    `every public package moves to one new version (fixed group): ${[...versions].join(', ')}`,
  );
  check(
    after
      .filter((p) => !isPublic(p))
      .every((p) => p.after.version === p.before.version && !existsSync(join(scratch, p.dir, 'CHANGELOG.md'))),
    'private packages (examples, tooling) keep their version and get no CHANGELOG',
  );
  for (const p of publicOnes) {
    const log = existsSync(join(scratch, p.dir, 'CHANGELOG.md')) ? readFileSync(join(scratch, p.dir, 'CHANGELOG.md'), 'utf8') : '';
    check(
      log.startsWith(`# ${p.before.name}\n`) && log.includes(`## ${version}`) && summaries.every((s) => log.includes(s)),
      `${p.before.name}: CHANGELOG.md has ${version} with the changesets' text`,
    );
  }
  check(
    readdirSync(join(scratch, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md').length === 0,
    'the changesets are consumed',
  );
  check(readJson('packages/contract/openapi.json').info.version === version, `openapi.json says ${version}`);

  // 3. What would be published, with the release's settings.
  const out = run('pnpm', ['publish', '-r', '--dry-run', '--no-git-checks', '--access', 'public', '--provenance'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const published = [...out.matchAll(/^\+ (@portico\/[\w-]+)@(\S+)$/gm)].map((m) => `${m[1]}@${m[2]}`).sort();
  const expected = publicOnes.map((p) => `${p.before.name}@${version}`).sort();
  check(
    JSON.stringify(published) === JSON.stringify(expected),
    `publish -r --dry-run would publish exactly ${expected.join(', ')} (saw ${published.join(', ') || 'nothing'})`,
  );
  for (const p of publicOnes) {
    const info = JSON.parse(run('pnpm', ['pack', '--json', '--pack-destination', scratch], { cwd: join(scratch, p.dir) }));
    const manifest = JSON.parse(execFileSync('tar', ['xzf', info.filename, '-O', 'package/package.json'], { encoding: 'utf8' }));
    const deps = { ...manifest.dependencies, ...manifest.peerDependencies };
    const internal = Object.entries(deps).filter(([n]) => n.startsWith('@portico/'));
    check(
      !JSON.stringify(deps).includes('workspace:') && internal.every(([, r]) => r === `^${version}`),
      `${p.before.name}: published dependencies have versions, @portico/* at ^${version} (${internal.map(([n, r]) => `${n} ${r}`).join(', ') || 'none'})`,
    );
  }
  // Provenance is signed only inside a CI that issues an OIDC token (GitHub Actions with
  // `id-token: write`); a dry run cannot sign, and npm then checks `repository.url` against the
  // repository the workflow runs in.
  const missingRepo = publicOnes.filter((p) => !p.before.repository?.url).map((p) => p.before.name);
  if (missingRepo.length)
    console.log(
      `SKIPPED provenance signature: not made in a dry run; and ${missingRepo.join(', ')} have no "repository" field, which npm needs (matching the GitHub repository of the release workflow) before a --provenance publish`,
    );
} catch (err) {
  check(
    false,
    `release dry run: ${String(err.stderr || err.message)
      .trim()
      .split('\n')
      .slice(-5)
      .join(' | ')}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`release dry run: ${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
