/**
 * Two server processes (the CLI, spawned twice) on one PostgreSQL database and one S3 store
 * (s3rver), a client alternating between them. PostgreSQL only: PGlite is one process's database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintPortalToken } from '../src/token.js';
import { freshDb } from './fresh-db.js';
import { fileForm, isPostgres, PNG, SECRET, STAFF_KEY } from './helpers.js';
import { startS3rver } from './s3-server.js';
import { openSse } from './sse.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

interface Node {
  url: string;
  proc: ChildProcess;
  log: Array<Record<string, unknown>>;
}

/** Starts `portico-server` from source (tsx) and resolves with its URL once it listens. */
function startNode(env: Record<string, string>): Promise<Node> {
  const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI], {
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const log: Node['log'] = [];
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`server exited ${code} before listening: ${JSON.stringify(log)}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      log.push(entry);
      if (entry.msg === 'listening') resolve({ url: String(entry.url).replace('localhost', '127.0.0.1'), proc, log });
    });
  });
}

const stopNode = (n: Node) =>
  new Promise<number | null>((resolve) => {
    if (n.proc.exitCode !== null) return resolve(n.proc.exitCode);
    n.proc.once('exit', (code) => resolve(code));
    n.proc.kill('SIGTERM');
  });

describe.runIf(isPostgres)('two server processes on one database and one S3 store', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let a: Node;
  let b: Node;
  let token: string;
  const api = (node: Node, path: string, init: RequestInit = {}) =>
    fetch(`${node.url}/portal/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  const json = (body: unknown, key?: string) => ({
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  });

  beforeAll(async () => {
    [db, s3] = await Promise.all([freshDb(true), startS3rver()]);
    const env = {
      DATABASE_URL: db.url!,
      PORTICO_JWT_SECRET: SECRET,
      PORTICO_STAFF_KEY: STAFF_KEY,
      PORTICO_S3_BUCKET: 'portico-test',
      PORTICO_S3_ENDPOINT: s3.endpoint,
      PORTICO_S3_FORCE_PATH_STYLE: '1',
      PORTICO_S3_ACCESS_KEY_ID: 'S3RVER',
      PORTICO_S3_SECRET_ACCESS_KEY: 'S3RVER',
      PORTICO_RETENTION_INTERVAL_SECONDS: '0',
    };
    // Both start at once on an empty database: both run the migrations.
    const started = await Promise.allSettled([startNode(env), startNode(env)]);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      // Leave no server behind when the other one did not start.
      for (const r of started) if (r.status === 'fulfilled') await stopNode(r.value);
      throw failed.reason;
    }
    [a, b] = started.map((r) => (r as PromiseFulfilledResult<Node>).value) as [Node, Node];
    token = await mintPortalToken({ secret: SECRET, sub: 'dana', org: 'twonode', roles: ['member', 'admin'], ttl: 600 });
  }, 60000);

  afterAll(async () => {
    const codes = await Promise.all([a, b].filter(Boolean).map(stopNode));
    await Promise.all([db?.drop(), s3?.close()]);
    expect(codes, 'both stop cleanly on SIGTERM').toEqual(codes.map(() => 0));
  });

  it('a migration run by two processes starting at once applies once', async () => {
    const applied = [a, b].map((n) => Number(n.log.find((e) => e.msg === 'listening')!.migrations_applied));
    const rows = await db.db.query<{ name: string }>('SELECT name FROM schema_migrations');
    expect(rows.length).toBeGreaterThan(5);
    // One process applied every migration under the advisory lock; the other found them applied.
    expect(applied.sort((x, y) => x - y)).toEqual([0, rows.length]);
  });

  it('a ticket created on A is listed on B; an SSE stream on B receives an event committed on A within a second', async () => {
    const stream = await openSse(b.url, token);
    await new Promise((r) => setTimeout(r, 200));
    const created = await api(a, '/tickets', json({ subject: 'Made on A', body: 'x' }));
    // A's answer comes after its COMMIT: from here B has a second (the event may already be there).
    const committed = Date.now();
    expect(created.status).toBe(201);
    const ticket = await created.json();
    await stream.waitFor(1, 1000);
    const latency = Date.now() - committed;
    stream.close();
    expect(stream.events[0]).toMatchObject({ event: 'ticket.created', data: { resource: { id: ticket.id } } });
    expect(latency).toBeLessThan(1000);
    const list = await (await api(b, '/tickets')).json();
    expect(list.data.map((t: { id: string }) => t.id)).toContain(ticket.id);
  });

  it('an idempotent retry sent to B after the first attempt went to A replays', async () => {
    const ticket = await (await api(a, '/tickets', json({ subject: 'Retried', body: 'x' }))).json();
    const first = await api(a, `/tickets/${ticket.id}/messages`, json({ body: 'Once only.' }, 'two-node-key'));
    expect(first.status).toBe(201);
    const retry = await api(b, `/tickets/${ticket.id}/messages`, json({ body: 'Once only.' }, 'two-node-key'));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    const messages = await (await api(b, `/tickets/${ticket.id}/messages`)).json();
    expect(messages.data.filter((m: { body: string }) => m.body === 'Once only.')).toHaveLength(1);
  });

  it('a file uploaded through A downloads through B', async () => {
    const up = await api(a, '/attachments', { method: 'POST', body: fileForm('two-node.png', PNG, 'image/png') });
    expect(up.status).toBe(201);
    const { url } = await up.json();
    const link = new URL(url);
    expect(link.origin).toBe(a.url);
    const down = await fetch(`${b.url}${link.pathname}${link.search}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
