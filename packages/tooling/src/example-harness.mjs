// Shared by the framework examples' end-to-end tests (examples/vanilla, react, vue…): the real
// reference server on an in-memory PGlite, seeded; a tiny host that serves an example's static
// files and mints portal tokens server-side (`POST /api/portal-token?user=alice`, like a host's
// backend would: the browser never sees the secret); Chromium through playwright-core; and a
// `check(name, fn)` runner that prints `<label>: N passed, N failed` and sets the exit code.
//
// Usage:
//   const h = await startExampleHost({ staticDir, label: 'vanilla e2e' });
//   const page = await h.newPage();          // console errors and page errors are collected
//   await page.goto(`${h.url}/index.html`);  // the page gets `portico-base-url` from a <meta> or `h.porticoUrl`
//   await h.check('shows seeded tickets', async () => { … });
//   await h.finish();                        // closes everything, prints the line, exits 1 on failure
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The seeded users (see @portico/server's seed): org and roles go into the token. */
export const USERS = {
  alice: { sub: 'alice', org: 'acme', roles: ['member', 'admin', 'approver'] },
  bob: { sub: 'bob', org: 'acme', roles: ['member'] },
  gina: { sub: 'gina', org: 'globex', roles: ['member', 'admin'] },
};

/**
 * @param {{ staticDir: string | Record<string, string>, label: string, port?: number, jwtSecret?: string,
 *   routes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean> }} opts
 *   staticDir: one directory served at `/`, or a map of URL prefix → directory (`{ '/': dir, '/pkg/': other }`).
 */
export async function startExampleHost(opts) {
  // Imported here so that the tooling package itself does not depend on the server's build.
  const { mintPortalToken, seed, startServer } = await import('@portico/server');
  const jwtSecret = opts.jwtSecret ?? randomBytes(32).toString('base64url');
  const staffKey = randomBytes(32).toString('base64url');
  const filesDir = await mkdtemp(join(tmpdir(), 'portico-example-files-'));
  const hostPort = opts.port ?? 0;

  // The host first (its port goes into Portico's CORS allow-list).
  const mounts = Object.entries(typeof opts.staticDir === 'string' ? { '/': opts.staticDir } : opts.staticDir)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  /** @type {import('@portico/server').RunningServer | undefined} */
  let portico;
  const host = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'POST' && url.pathname === '/api/portal-token') {
        const user = USERS[url.searchParams.get('user') ?? 'alice'];
        if (!user) return send(res, 404, 'application/json', '{"error":"no such user"}');
        const token = await mintPortalToken({ secret: jwtSecret, ...user, ttl: 600 });
        return send(res, 200, 'application/json', JSON.stringify({ token, expiresIn: 600 }), { 'Cache-Control': 'no-store' });
      }
      if (url.pathname === '/api/config') {
        return send(res, 200, 'application/json', JSON.stringify({ baseUrl: portico?.url }));
      }
      if (opts.routes && (await opts.routes(req, res))) return;
      const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
      if (!mount) return send(res, 404, 'text/plain', 'not found');
      const [prefix, dir] = mount;
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = resolve(dir, rel);
      if (file !== dir && !file.startsWith(dir + sep)) return send(res, 403, 'text/plain', 'forbidden');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return send(res, 404, 'text/plain', 'not found');
      const body = await readFile(file);
      let text = body;
      // `%PORTICO_URL%` in an HTML page becomes the reference server's URL.
      if (extname(file) === '.html') text = Buffer.from(body.toString('utf8').replaceAll('%PORTICO_URL%', portico?.url ?? ''));
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', text, { 'Cache-Control': 'no-store' });
    } catch (err) {
      send(res, 500, 'text/plain', String(err));
    }
  });
  await new Promise((r) => host.listen(hostPort, '127.0.0.1', r));
  const url = `http://127.0.0.1:${host.address().port}`;

  portico = await startServer({
    config: {
      port: 0,
      dataDir: 'memory://',
      databaseUrl: undefined,
      filesDir,
      jwtSecret,
      staffKey,
      logLevel: 'warn',
      allowedOrigins: [url],
    },
  });
  await seed(portico.db, { filesDir });

  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  let passed = 0;
  let failed = 0;

  return {
    url,
    porticoUrl: portico.url,
    portico,
    staffKey,
    browser,
    context,
    /** A page whose console errors and uncaught errors are collected in `page.errors`. */
    async newPage() {
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && page.errors.push(`console: ${m.text()}`));
      return page;
    },
    async check(name, fn) {
      const t = performance.now();
      try {
        await fn();
        passed++;
        console.log(`  ok   ${name} (${Math.round(performance.now() - t)} ms)`);
      } catch (err) {
        failed++;
        console.log(
          `  FAIL ${name} (${Math.round(performance.now() - t)} ms)\n       ${String(err?.stack ?? err).replaceAll('\n', '\n       ')}`,
        );
      }
    },
    async finish() {
      await browser.close().catch(() => {});
      await new Promise((r) => host.close(r));
      await portico?.close();
      await rm(filesDir, { recursive: true, force: true });
      console.log(`${opts.label}: ${passed} passed, ${failed} failed`);
      process.exit(failed || passed === 0 ? 1 : 0);
    },
  };
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

/** Throws with `msg` unless `cond`. */
export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
