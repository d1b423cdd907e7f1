import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../src/config.js';
import type { Db } from '../src/db/db.js';
import type { OrgDb, OrgHandle } from '../src/db/tenant.js';
import { type RunningServer, type StartServerOptions, startServer } from '../src/server.js';
import { mintPortalToken, type PortalRole } from '../src/token.js';
import { type BillingFixture, seedBillingFixture } from './billing-fixture.js';
import { freshDb } from './fresh-db.js';

export const SECRET = 'test-secret-0123456789abcdef0123456789';
export const STAFF_KEY = 'staff-key-for-tests';
export const isPostgres = process.env.PORTICO_TEST_DB === 'postgres';

export { freshDb };

export interface Harness {
  server: RunningServer;
  url: string;
  db: Db;
  dbUrl?: string;
  filesDir: string;
  config: Partial<Config>;
  token(org: string, sub: string, roles: PortalRole[], extra?: { name?: string; email?: string; ttl?: number }): Promise<string>;
  api(
    path: string,
    init?: { token?: string; method?: string; body?: unknown; headers?: Record<string, string>; form?: FormData },
  ): Promise<Res>;
  staff(path: string, init?: { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> }): Promise<Res>;
  close(): Promise<void>;
}

export interface Res {
  status: number;
  headers: Headers;
  /**
   * The parsed JSON (or the text when it is not JSON). Tests reach into response bodies of every
   * shape and let `expect` check the values, so this one boundary stays dynamic.
   */
  // biome-ignore lint/suspicious/noExplicitAny: dynamic JSON boundary of the test harness (see above)
  body: any;
  text: string;
}

export async function call(
  url: string,
  init: { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> },
  auth?: string,
): Promise<Res> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (auth) headers.authorization = `Bearer ${auth}`;
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  const r = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: r.status, headers: r.headers, body: parsed, text };
}

/**
 * The database `db` whose organization-bound transactions stop before each statement that matches
 * `match` until `hold()` resolves: a test forces an interleaving (a statement held mid-transaction
 * while another request runs) instead of hoping a race goes one way. Everything else is `db`.
 */
export function pauseBefore(db: Db, match: RegExp, hold: () => Promise<void>): Db {
  const pausing = (tx: OrgDb): OrgDb =>
    ({
      ...tx,
      query: async (sql: string, params?: unknown[]) => {
        if (match.test(sql)) await hold();
        return tx.query(sql, params);
      },
    }) as OrgDb;
  return {
    ...db,
    forOrg(orgId: string): OrgHandle {
      const handle = db.forOrg(orgId);
      return { ...handle, transaction: (fn) => handle.transaction((tx) => fn(pausing(tx))) } as OrgHandle;
    },
  };
}

export interface PausedServer {
  url: string;
  /** Resolves when a transaction stopped before a matching statement. */
  reached: Promise<void>;
  /** Lets every stopped (and later) matching statement go on. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A second server on the harness's database (`pauseBefore`): its organization-bound transactions
 * stop before each statement matching `match` until `release()`.
 */
export async function pausedServer(h: Harness, match: RegExp): Promise<PausedServer> {
  let reached!: () => void;
  const atPause = new Promise<void>((r) => {
    reached = r;
  });
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const server = await startServer({
    db: pauseBefore(h.db, match, async () => {
      reached();
      await gate;
    }),
    migrate: false,
    config: h.config,
  });
  return {
    url: server.url,
    reached: atPause,
    release,
    async close() {
      release();
      await server.close();
    },
  };
}

export async function harness(
  configOverrides: Partial<Config> = {},
  providers: Pick<StartServerOptions, 'support' | 'knowledgeBase'> = {},
): Promise<Harness> {
  const fresh = await freshDb(undefined, { migrated: true });
  const filesDir = await mkdtemp(join(tmpdir(), 'portico-files-'));
  const config: Partial<Config> = {
    port: 0,
    dataDir: 'memory://',
    filesDir,
    jwtSecret: SECRET,
    staffKey: STAFF_KEY,
    logLevel: 'silent',
    validateResponses: true,
    maxUploadBytes: 1024 * 1024,
    allowedOrigins: ['https://host.example'],
    // Tests call the retention job themselves (test/retention.test.ts runs the periodic one too).
    retentionIntervalMs: 0,
    ...configOverrides,
  };
  const server = await startServer({ db: fresh.db, config, ...providers });
  const h: Harness = {
    server,
    url: server.url,
    db: fresh.db,
    dbUrl: fresh.url,
    filesDir,
    config,
    token: (org, sub, roles, extra = {}) =>
      mintPortalToken({ secret: SECRET, org, sub, roles, ttl: extra.ttl ?? 600, name: extra.name, email: extra.email }),
    api: (path, init = {}) => call(`${server.url}/portal/v1${path}`, init, init.token),
    staff: (path, init = {}) => call(`${server.url}/staff/v1${path}`, init, STAFF_KEY),
    async close() {
      await server.close();
      await fresh.drop();
      await rm(filesDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  return h;
}

// A 1×1 PNG, a minimal PDF and a text file.
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export function fileForm(
  name: string,
  bytes: Uint8Array,
  type = 'application/octet-stream',
  fields: Record<string, string> = {},
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  f.set('file', new File([new Uint8Array(bytes)], name, { type }));
  return f;
}

export interface Fixture {
  /** Billing rows of both organizations (billing-fixture.ts). */
  billing: BillingFixture;
  tokens: { alice: string; bob: string; carol: string; gina: string };
  acme: {
    ticketAlice: string;
    ticketBob: string;
    project: string;
    deliverable: string;
    invoice: string;
    notificationBob: string;
    articleSlug: string;
    fileUrl: string;
  };
  globex: {
    ticket: string;
    project: string;
    deliverable: string;
    invoice: string;
    notification: string;
    articleSlug: string;
    fileUrl: string;
    fileId: string;
  };
}

/** A small fixture set, created through the portal and staff APIs. */
export async function seedFixture(h: Harness): Promise<Fixture> {
  const tokens = {
    alice: await h.token('acme', 'alice', ['member', 'admin', 'approver'], { name: 'Alice Anders', email: 'alice@acme.example' }),
    bob: await h.token('acme', 'bob', ['member'], { name: 'Bob Brown' }),
    carol: await h.token('acme', 'carol', ['member', 'admin'], { name: 'Carol Chen' }),
    gina: await h.token('globex', 'gina', ['member', 'admin', 'approver'], { name: 'Gina Garcia' }),
  };
  const ok = (r: Res, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
    return r.body;
  };
  // First sight of each contact creates it.
  for (const t of Object.values(tokens)) ok(await h.api('/me', { token: t }), 'me');
  const ticket = async (token: string, subject: string) =>
    ok(await h.api('/tickets', { token, body: { subject, body: `Body of ${subject}` } }), 'ticket').id as string;
  const ticketAlice = await ticket(tokens.alice, 'Alice cannot export CSV');
  const ticketBob = await ticket(tokens.bob, 'Bob sees error 500');
  const globexTicket = await ticket(tokens.gina, 'Gina needs SSO');
  const project = async (org: string) =>
    ok(
      await h.staff('/projects', { body: { org, name: `${org} website`, milestones: [{ title: 'Design', due_on: '2026-12-01' }] } }),
      'project',
    ).id as string;
  const acmeProject = await project('acme');
  const globexProject = await project('globex');
  const deliverable = async (projectId: string) =>
    ok(
      await h.staff(`/projects/${projectId}/deliverables`, { form: fileForm('mock.png', PNG, 'image/png', { title: 'Mock-up' }) }),
      'deliverable',
    );
  const acmeDeliverable = await deliverable(acmeProject);
  const globexDeliverable = await deliverable(globexProject);
  const invoice = async (org: string) =>
    ok(
      await h.staff('/invoices', {
        body: {
          org,
          number: `${org}-1`,
          currency: 'EUR',
          lines: [{ description: 'Seats', quantity: 2, unit_amount: 1000 }],
          tax: 400,
          due_at: '2020-01-01T00:00:00.000Z',
        },
      }),
      'invoice',
    ).id as string;
  const acmeInvoice = await invoice('acme');
  const globexInvoice = await invoice('globex');
  const note = async (org: string, contact: string) => {
    ok(
      await h.staff('/notifications', { body: { org, contact, kind: 'announcement', title: `Hello ${contact}`, body: 'Welcome' } }),
      'notification',
    );
  };
  await note('acme', 'bob');
  await note('globex', 'gina');
  const bobNotes = ok(await h.api('/notifications', { token: tokens.bob }), 'notes').data;
  const ginaNotes = ok(await h.api('/notifications', { token: tokens.gina }), 'notes').data;
  ok(
    await h.staff('/articles', {
      body: {
        slug: 'public-guide',
        title: 'Public guide',
        summary: 'For all',
        body: '# Hi',
        body_format: 'markdown',
        category: { slug: 'general', name: 'General' },
      },
    }),
    'article',
  );
  ok(
    await h.staff('/articles', {
      body: { org: 'globex', slug: 'globex-secret', title: 'Globex only', summary: 'Private', body: 'secret', body_format: 'markdown' },
    }),
    'article',
  );
  const billing = await seedBillingFixture(h);
  return {
    billing,
    tokens,
    acme: {
      ticketAlice,
      ticketBob,
      project: acmeProject,
      deliverable: acmeDeliverable.id,
      invoice: acmeInvoice,
      notificationBob: bobNotes.find((n: { kind: string }) => n.kind === 'announcement').id,
      articleSlug: 'public-guide',
      fileUrl: acmeDeliverable.current_version.download_url,
    },
    globex: {
      ticket: globexTicket,
      project: globexProject,
      deliverable: globexDeliverable.id,
      invoice: globexInvoice,
      notification: ginaNotes.find((n: { kind: string }) => n.kind === 'announcement').id,
      articleSlug: 'globex-secret',
      fileUrl: globexDeliverable.current_version.download_url,
      fileId: new URL(globexDeliverable.current_version.download_url).pathname.split('/').pop()!,
    },
  };
}

/**
 * The test file's harness with the fixture set: made before its tests (`set` receives both), closed
 * after them.
 */
export function useFixture(set: (x: { h: Harness; fx: Fixture }) => void, config: Partial<Config> = {}): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await harness(config);
    set({ h, fx: await seedFixture(h) });
  });
  afterAll(() => h?.close());
}
