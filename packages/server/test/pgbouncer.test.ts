/**
 * Behind PgBouncer in transaction mode (the Debian `pgbouncer` binary, started here on a free port
 * when it is installed — `apt-get install -y pgbouncer`; skipped and listed otherwise): queries,
 * transactions and migrations through the pooler with PORTICO_DB_PREPARE=0, LISTEN on a direct
 * connection (DATABASE_LISTEN_URL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { mintPortalToken } from '../src/token.js';
import { freshDb } from './fresh-db.js';
import { isPostgres, SECRET } from './helpers.js';
import { openSse } from './sse.js';

const PGBOUNCER = '/usr/sbin/pgbouncer';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.runIf(isPostgres && existsSync(PGBOUNCER))('behind PgBouncer (transaction mode)', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let dir: string;
  let bouncer: ChildProcess;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    db = await freshDb(true);
    dir = await mkdtemp(join(tmpdir(), 'portico-pgbouncer-'));
    await chmod(dir, 0o755);
    const port = await freePort();
    const direct = new URL(db.url!);
    const ini = [
      '[databases]',
      `* = host=${direct.hostname} port=${direct.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      // Fewer server connections than the server's pool and pipelines: they are shared.
      'default_pool_size = 3',
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits,options',
    ].join('\n');
    await writeFile(join(dir, 'users.txt'), `"${decodeURIComponent(direct.username) || 'postgres'}" ""\n`, { mode: 0o644 });
    await writeFile(join(dir, 'pgbouncer.ini'), `${ini}\n`, { mode: 0o644 });
    // PgBouncer refuses to run as root; -u drops to nobody.
    const asRoot = process.getuid?.() === 0;
    bouncer = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'nobody'] : []), join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    bouncer.stderr!.on('data', (d) => {
      err += d;
    });
    for (let i = 0; ; i++) {
      if (bouncer.exitCode !== null) throw new Error(`pgbouncer exited ${bouncer.exitCode}: ${err}`);
      if (err.includes('process up') || i > 50) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const pooled = new URL(db.url!);
    pooled.port = String(port);
    server = await startServer({
      config: {
        port: 0,
        databaseUrl: pooled.toString(),
        databasePrepare: false,
        databaseListenUrl: db.url,
        jwtSecret: SECRET,
        logLevel: 'silent',
        dataDir: 'memory://',
        filesDir: join(dir, 'files'),
        retentionIntervalMs: 0,
      },
    });
    token = await mintPortalToken({ secret: SECRET, sub: 'pat', org: 'bouncer', roles: ['member', 'admin'], ttl: 600 });
  }, 30000);

  afterAll(async () => {
    await server?.close();
    bouncer?.kill('SIGTERM');
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('migrations, reads, idempotent writes from 40 concurrent clients and live events work through 3 shared server connections', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/portal/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
    const stream = await openSse(server.url, token);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api('/tickets', {
          method: 'POST',
          body: JSON.stringify({ subject: `Pooled ${i}`, body: 'x' }),
          headers: { 'idempotency-key': `pool-${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const replay = await api('/tickets', {
      method: 'POST',
      body: JSON.stringify({ subject: 'Pooled 0', body: 'x' }),
      headers: { 'idempotency-key': 'pool-0' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const list = await (await api('/tickets?limit=100')).json();
    expect(list.data).toHaveLength(40);
    await stream.waitFor(40, 5000);
    stream.close();
    expect(new Set(stream.events.map((e) => e.data.resource.id)).size).toBe(40);
  });
});
