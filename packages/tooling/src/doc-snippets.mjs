// `pnpm test` runs the documentation's code, so the docs cannot drift from the code:
//
// 1. Coverage. Every fenced code block of README.md and docs/getting-started.md, and the token
//    snippets of docs/backend-integration.md, carry a marker on the line before the fence:
//    `<!-- snippet: NAME -->` (run, by the runner listed in RUNNERS below) or
//    `<!-- snippet: not-run (why) -->`. An unmarked block, an unknown name, or a name its runner
//    no longer mentions fails.
// 2. The snippets run here, extracted from the docs as they are:
//    - readme-usage (README): the page, its module script bundled with esbuild against the built
//      packages, in Chromium against the real reference server: the ticket list shows tickets.
//    - mint-node, mint-python, mint-go (backend-integration.md): each mints a token (Node with the
//      built @portico/server/token; Python with Debian's python3-jwt; Go with golang-go and Debian's
//      golang-jwt sources, GO111MODULE=off); the reference server must accept each (GET /me).
//    The only things added around a snippet are what it leaves to the reader: the `user` object
//    of the Node snippet, a line printing the token, a Go `main`. Where the Python or Go tools are
//    missing and cannot be installed, that snippet is skipped with a `SKIPPED` line (listed in the
//    summary of `pnpm test`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { GOPATH_DEBIAN, PYTHON, snippetTools } from './ensure-snippet-tools.mjs';
import { assert, startExampleHost } from './example-harness.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tooling = fileURLToPath(new URL('../', import.meta.url));

/** Every fenced block of a Markdown file: `{ lang, code, marker, line }` (marker: the snippet comment before it). */
export function codeBlocks(file) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    const marker = /^<!-- snippet: (.+?) -->$/.exec(lines[start - 1] ?? '')?.[1];
    blocks.push({ file, lang: open[1], code: lines.slice(start + 1, end).join('\n'), marker, line: start + 1 });
    i = end;
  }
  return blocks;
}
/** The code of the block marked `name` in `file` (throws if there is none, or more than one). */
export function snippet(file, name) {
  const found = codeBlocks(file).filter((b) => b.marker === name);
  if (found.length !== 1) throw new Error(`${file}: ${found.length} blocks marked <!-- snippet: ${name} -->`);
  return found[0].code;
}

/** Where each named snippet runs. */
const RUNNERS = {
  'readme-usage': 'packages/tooling/src/doc-snippets.mjs',
  'cdn-sri': 'examples/vanilla/test/e2e.mjs',
  'mint-node': 'packages/tooling/src/doc-snippets.mjs',
  'mint-python': 'packages/tooling/src/doc-snippets.mjs',
  'mint-go': 'packages/tooling/src/doc-snippets.mjs',
  'newcomer-install-elements': 'packages/tooling/src/newcomer.mjs',
  'newcomer-portal-js': 'packages/tooling/src/newcomer.mjs',
  'newcomer-bundle': 'packages/tooling/src/newcomer.mjs',
  'newcomer-index-html': 'packages/tooling/src/newcomer.mjs',
  'newcomer-ticket-select': 'packages/tooling/src/newcomer.mjs',
  'newcomer-ticket-html': 'packages/tooling/src/newcomer.mjs',
  'newcomer-install-server': 'packages/tooling/src/newcomer.mjs',
  'newcomer-server-mjs': 'packages/tooling/src/newcomer.mjs',
  'newcomer-get-token': 'packages/tooling/src/newcomer.mjs',
  'newcomer-secret': 'packages/tooling/src/newcomer.mjs',
  'newcomer-portico-server': 'packages/tooling/src/newcomer.mjs',
  'newcomer-backend': 'packages/tooling/src/newcomer.mjs',
};
/** Files whose every block must be marked, and the markers that must exist elsewhere. */
const FULLY_COVERED = ['README.md', 'docs/getting-started.md', 'packages/elements/README.md'];
const REQUIRED = { 'docs/backend-integration.md': ['mint-node', 'mint-python', 'mint-go'] };

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

async function main() {
  const t0 = performance.now();
  const jwtSecret = 'docs-snippet-secret-0123456789abcdef-0123456789';
  const page = mkdtempSync(join(tmpdir(), 'portico-snippets-'));
  const h = await startExampleHost({ staticDir: page, label: 'doc snippets', jwtSecret });
  process.on('exit', () => rmSync(page, { recursive: true, force: true }));

  await h.check(
    'every code block of README.md, docs/getting-started.md and the elements README is marked, and each name has a runner that uses it',
    async () => {
      const problems = [];
      for (const file of FULLY_COVERED) {
        for (const b of codeBlocks(file)) {
          if (!b.marker) problems.push(`${file}:${b.line}: unmarked \`\`\`${b.lang} block`);
          else if (!b.marker.startsWith('not-run') && !RUNNERS[b.marker]) problems.push(`${file}:${b.line}: no runner for "${b.marker}"`);
          else if (b.marker.startsWith('not-run') && !/^not-run \(.+\)$/.test(b.marker))
            problems.push(`${file}:${b.line}: not-run needs a reason`);
        }
      }
      for (const [file, names] of Object.entries(REQUIRED)) {
        const marked = codeBlocks(file).map((b) => b.marker);
        for (const n of names) if (!marked.includes(n)) problems.push(`${file}: no block marked ${n}`);
      }
      for (const [name, runner] of Object.entries(RUNNERS)) {
        if (!readFileSync(join(root, runner), 'utf8').includes(`'${name}'`)) problems.push(`${runner} does not run "${name}"`);
      }
      // The elements README repeats the root README's CDN snippet: the same text.
      if (snippet('README.md', 'cdn-sri') !== snippet('packages/elements/README.md', 'cdn-sri'))
        problems.push('the cdn-sri snippets of README.md and packages/elements/README.md differ');
      assert(!problems.length, problems.join('\n'));
    },
  );

  await h.check(
    'README "Using Portico on your site": the page, bundled as written, shows the signed-in user’s tickets in Chromium',
    async () => {
      const html = snippet('README.md', 'readme-usage');
      const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1];
      assert(script, 'no module script in the snippet');
      const baseUrl = /base-url="([^"]+)"/.exec(html)?.[1];
      await esbuild.build({
        stdin: { contents: script, resolveDir: tooling, loader: 'js', sourcefile: 'readme-usage.js' },
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: join(page, 'assets'),
        logLevel: 'warning',
      });
      writeFileSync(
        join(page, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>readme-usage</title><link rel="icon" href="data:,"></head><body>\n${html
          .replace(`base-url="${baseUrl}"`, 'base-url="%PORTICO_URL%"')
          .replace(/<script type="module">[\s\S]*?<\/script>/, '<script type="module" src="/assets/stdin.js"></script>')}\n</body></html>`,
      );
      const p = await h.newPage();
      await p.goto(`${h.url}/index.html`);
      await p
        .locator('portico-ticket-list [part~="row"]')
        .first()
        .waitFor({ timeout: 15000 })
        .catch((err) => {
          throw new Error(`${err.message}\npage errors: ${p.errors.join('\n')}`);
        });
      assert(p.errors.length === 0, p.errors.join('\n'));
      await p.close();
    },
  );

  /** The contact the server sees for `token` (GET /portal/v1/me), or throws with its answer. */
  const me = async (token) => {
    const res = await fetch(`${h.porticoUrl}/portal/v1/me`, { headers: { authorization: `Bearer ${token.trim()}` } });
    const body = await res.text();
    assert(res.status === 200, `GET /me with the snippet's token: HTTP ${res.status} ${body}`);
    return JSON.parse(body);
  };
  const env = { ...process.env, PORTICO_JWT_SECRET: jwtSecret };
  const work = mkdtempSync(join(tmpdir(), 'portico-mint-'));
  process.on('exit', () => rmSync(work, { recursive: true, force: true }));
  const runOut = (cmd, args, opts = {}) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout: 120_000, ...opts });
    assert(r.status === 0, `${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };

  await h.check(
    'backend-integration.md, Node (TypeScript): the token mintPortalToken makes is accepted by the reference server',
    async () => {
      const code = `${'const user = { id: "alice", accountId: "acme", isAccountOwner: true, displayName: "Alice Anders", email: "alice@acme.example" };'}\n${snippet('docs/backend-integration.md', 'mint-node')}\nconsole.log(token);\n`;
      await esbuild.build({
        stdin: { contents: code, resolveDir: tooling, loader: 'ts', sourcefile: 'mint-node.ts' },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: join(work, 'mint-node.mjs'),
        logLevel: 'warning',
      });
      const who = await me(runOut(process.execPath, [join(work, 'mint-node.mjs')]));
      assert(who.external_id === 'alice' && who.organization.external_id === 'acme' && who.roles.includes('approver'), JSON.stringify(who));
    },
  );

  const tools = snippetTools();
  if (!tools.python)
    console.log(
      'SKIPPED backend-integration.md Python snippet: /usr/bin/python3 with python3-jwt is not installed here (and could not be)',
    );
  else
    await h.check('backend-integration.md, Python (PyJWT, Debian python3-jwt): the token is accepted by the reference server', async () => {
      writeFileSync(join(work, 'mint.py'), `${snippet('docs/backend-integration.md', 'mint-python')}\nprint(token)\n`);
      const who = await me(runOut(PYTHON, [join(work, 'mint.py')]));
      assert(who.external_id === 'alice' && who.name === 'Alice Anders' && who.email === 'alice@acme.example', JSON.stringify(who));
    });

  if (!tools.go)
    console.log(
      'SKIPPED backend-integration.md Go snippet: golang-go and golang-github-golang-jwt-jwt-dev are not installed here (and could not be)',
    );
  else
    await h.check(
      'backend-integration.md, Go (golang-jwt; Debian golang-go + golang-github-golang-jwt-jwt-dev, GO111MODULE=off): the token is accepted',
      async () => {
        const code = snippet('docs/backend-integration.md', 'mint-go');
        // The snippet imports golang-jwt v5, the version a module would fetch. Without modules, the
        // import path is looked up under GOPATH: a scratch GOPATH maps it to Debian's golang-jwt
        // sources (v4.4, whose MapClaims, NewWithClaims, SigningMethodHS256 and SignedString the
        // snippet uses unchanged), ahead of /usr/share/gocode.
        const version = /"github\.com\/golang-jwt\/jwt(\/v\d+)?"/.exec(code)?.[1] ?? '';
        const gopath = join(work, 'gopath');
        mkdirSync(join(gopath, 'src/github.com/golang-jwt/jwt'), { recursive: true });
        if (version)
          symlinkSync(join(GOPATH_DEBIAN, 'src/github.com/golang-jwt/jwt'), join(gopath, `src/github.com/golang-jwt/jwt${version}`));
        const dir = join(gopath, 'src/snippet');
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          join(dir, 'main.go'),
          `package main\n\nimport "fmt"\n\n${code}\n\nfunc main() {\n\ttoken, err := MintPortalToken("alice", "acme", []string{"admin", "approver"}, 15*time.Minute)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(token)\n}\n`,
        );
        const goEnv = {
          ...env,
          GO111MODULE: 'off',
          GOPATH: `${gopath}:${GOPATH_DEBIAN}`,
          GOCACHE: join(tmpdir(), 'portico-go-cache'),
          GOFLAGS: '',
        };
        const who = await me(runOut('go', ['run', 'main.go'], { cwd: dir, env: goEnv }));
        assert(who.external_id === 'alice' && who.name === 'Alice Anders' && who.roles.includes('admin'), JSON.stringify(who));
      },
    );

  console.log(`       ${Math.round(performance.now() - t0)} ms`);
  await h.finish();
}
