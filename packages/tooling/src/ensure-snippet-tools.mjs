// The documentation's token snippets in Python and Go run in `pnpm test` (doc-snippets.mjs), with
// Debian's packages: python3-jwt (PyJWT for /usr/bin/python3), golang-go, and
// golang-github-golang-jwt-jwt-dev (golang-jwt's sources under /usr/share/gocode, used without Go
// modules). Like ensure-chromium.mjs: installs what is missing with apt-get when this process may
// (root, apt present); otherwise reports what is missing, and those snippets are skipped with a
// visible notice (never silently).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';
export const GOPATH_DEBIAN = '/usr/share/gocode';
const GO_JWT = `${GOPATH_DEBIAN}/src/github.com/golang-jwt/jwt`;

/** `{ python, go }`: true when each snippet's tools are there. */
export function snippetTools() {
  const python = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import jwt'], { stdio: 'ignore' }).status === 0;
  const go = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0 && existsSync(`${GO_JWT}/map_claims.go`);
  return { python, go };
}

/** Installs python3-jwt / golang-go / golang-github-golang-jwt-jwt-dev when missing and possible. */
export function ensureSnippetTools() {
  const have = snippetTools();
  const missing = [
    ...(have.python ? [] : ['python3', 'python3-jwt']),
    ...(have.go ? [] : ['golang-go', 'golang-github-golang-jwt-jwt-dev']),
    // Not a snippet's: the server's PgBouncer test (transaction mode) starts Debian's binary itself.
    ...(existsSync('/usr/sbin/pgbouncer') ? [] : ['pgbouncer']),
  ];
  if (!missing.length) return have;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Snippet tools missing (${missing.join(', ')}); installing them with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    } catch (err) {
      console.warn(`apt-get failed (${err.message}): the Python/Go snippets will be skipped and listed in the summary.`);
    }
    return snippetTools();
  }
  console.warn(
    `The Python and Go snippets of docs/backend-integration.md need ${missing.join(', ')} (Debian packages), and this process cannot install them (${isRoot ? 'no apt-get' : 'not root'}): they will be skipped and listed in the summary. Run: sudo apt-get install -y ${missing.join(' ')}`,
  );
  return have;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureSnippetTools());
