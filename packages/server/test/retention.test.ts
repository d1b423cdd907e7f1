// Retention (issue 12 item 6): idempotency keys, events and uploads attached to nothing are deleted
// after their time, in batches, by several processes at once if need be, and the content of an
// upload is deleted only when no file refers to it — never under an upload that reuses it.
// (The stream's side — stream.reset for a Last-Event-ID older than the window — is in events.test.ts.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/db.js';
import { openPostgres } from '../src/db/postgres.js';
import { fileReferences, type RetentionOptions, runRetention } from '../src/retention.js';
import { startServer } from '../src/server.js';
import type { Storage } from '../src/storage/index.js';
import { type Fixture, fileForm, type Harness, isPostgres, pausedServer, type Res, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

const OPTIONS: RetentionOptions = { eventRetentionHours: 72 };
const storage = (): Storage => h.server.portico.services.storage;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const upload = (text: string, via = h.url): Promise<Res> => {
  const form = fileForm('note.txt', Buffer.from(text), 'text/plain');
  return fetch(`${via}/portal/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${fx.tokens.bob}` }, body: form }).then(
    async (r) => ({ status: r.status, headers: r.headers, text: '', body: await r.json() }),
  );
};
const ageFiles = (ids: string[]) =>
  h.db.query(`UPDATE files SET created_at = now() - interval '25 hours' WHERE id = ANY($1::text[])`, [ids]);
const fileIds = async () => new Set((await h.db.query<{ id: string }>('SELECT id FROM files')).map((r) => r.id));

/** A clean slate: whatever earlier tests left old enough is deleted first, so counts are exact. */
const settle = () => runRetention(h.db, storage(), OPTIONS);

describe('what expires', () => {
  it('idempotency keys older than 24 h are deleted in batches; younger ones keep replaying', async () => {
    await settle();
    const send = (i: number) =>
      h.api('/tickets', { token: fx.tokens.bob, body: { subject: `Keyed ${i}`, body: 'x' }, headers: { 'idempotency-key': `ret-${i}` } });
    for (let i = 0; i < 7; i++) expect((await send(i)).status).toBe(201);
    await h.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = ANY($1::text[])`, [
      ['ret-0', 'ret-1', 'ret-2', 'ret-3', 'ret-4'],
    ]);
    const r = await runRetention(h.db, storage(), { ...OPTIONS, batchSize: 2 });
    expect(r.idempotencyKeys).toBe(5);
    const left = await h.db.query<{ key: string }>(`SELECT key FROM idempotency_keys WHERE key LIKE 'ret-%' ORDER BY key`);
    expect(left.map((k) => k.key)).toEqual(['ret-5', 'ret-6']);
    const replay = await send(6);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('events older than the window are deleted, and each organization is marked with the newest number deleted', async () => {
    await settle();
    for (const [token, subject] of [
      [fx.tokens.alice, 'Acme event A'],
      [fx.tokens.alice, 'Acme event B'],
      [fx.tokens.gina, 'Globex event'],
    ] as const)
      await h.api('/tickets', { token, body: { subject, body: 'x' } });
    // Events are numbered after COMMIT by readers (migration 070); no stream was open here.
    await h.db.query('SELECT number_events(id) FROM organizations');
    const orgs = await h.db.query<{ id: string; external_id: string; event_seq: string | number }>(
      'SELECT id, external_id, event_seq FROM organizations ORDER BY external_id',
    );
    // Everything but each organization's newest event is older than the window.
    await h.db.query(
      `UPDATE events e SET occurred_at = now() - interval '73 hours' FROM organizations o WHERE o.id = e.org_id AND e.seq < o.event_seq`,
    );
    const before = Number((await h.db.query('SELECT count(*) AS n FROM events'))[0]!.n);
    const r = await runRetention(h.db, storage(), { ...OPTIONS, batchSize: 3 });
    expect(r.events).toBe(before - orgs.length);
    const after = await h.db.query<{ org_id: string; seq: string | number }>('SELECT org_id, seq FROM events ORDER BY org_id');
    expect(after.map((e) => [e.org_id, Number(e.seq)])).toEqual(orgs.map((o) => [o.id, Number(o.event_seq)]).sort());
    const marks = await h.db.query<{ id: string; events_expired_seq: string | number }>('SELECT id, events_expired_seq FROM organizations');
    for (const o of orgs) expect(Number(marks.find((m) => m.id === o.id)!.events_expired_seq), o.external_id).toBe(Number(o.event_seq) - 1);
    // A window that keeps them all deletes nothing.
    expect((await runRetention(h.db, storage(), { eventRetentionHours: 1000 })).events).toBe(0);
  });

  it('uploads attached to nothing for a day are deleted; attached ones, deliverable versions and invoice PDFs stay; content goes only when no file refers to it', async () => {
    await settle();
    const a1 = await upload('content A');
    const a2 = await upload('content A');
    const b = await upload('content B');
    const t = await h.api('/tickets', { token: fx.tokens.bob, body: { subject: 'With A', body: 'x', attachment_ids: [a1.body.id] } });
    expect(t.status).toBe(201);
    const all = await fileIds();
    await ageFiles([...all]); // every file is old now: versions and PDFs too
    const r = await runRetention(h.db, storage(), OPTIONS);
    expect(r.orphanFiles).toBe(2);
    expect(r.contents).toBe(1);
    const left = await fileIds();
    expect([...all].filter((id) => !left.has(id)).sort()).toEqual([a2.body.id, b.body.id].sort());
    expect(await storage().exists(sha('content B'))).toBe(false);
    expect(await storage().exists(sha('content A'))).toBe(true);
    // What is left still downloads: the attachment, the deliverable's version, the invoice's PDF.
    const msgs = await h.api(`/tickets/${t.body.id}/messages`, { token: fx.tokens.bob });
    expect((await fetch(msgs.body.data[0].attachments[0].url)).status).toBe(200);
    expect((await fetch(fx.acme.fileUrl)).status).toBe(200);
    const inv = await h.api(`/invoices/${fx.acme.invoice}`, { token: fx.tokens.alice });
    expect((await fetch(inv.body.pdf_url)).status).toBe(200);
  });

  it('every foreign key to files is found by the job and indexed', async () => {
    const refs = await fileReferences(h.db);
    expect(refs).toEqual(
      expect.arrayContaining([
        { table: 'deliverable_versions', column: 'file_id' },
        { table: 'invoices', column: 'pdf_file_id' },
      ]),
    );
    for (const { table, column } of refs) {
      const idx = await h.db.query(
        `SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
         WHERE i.indrelid = $1::regclass AND a.attname = $2`,
        [table, column],
      );
      expect(idx.length, `${table}.${column} has no index: the job's NOT EXISTS would scan it`).toBeGreaterThan(0);
    }
  });
});

describe('content an upload reuses is never deleted under it', () => {
  it('retention deletes the unused content while a new upload of it waits for its lock: the upload records no row without its bytes (503, Retry-After) and the resent upload stores them', async () => {
    await settle();
    const text = 'content reused after its lock';
    const old = await upload(text);
    await ageFiles([old.body.id]);
    const before = await fileIds();
    const paused = await pausedServer(h, /pg_advisory_xact_lock/);
    try {
      const again = upload(text, paused.url);
      await paused.reached; // its bytes are stored (deduplicated against the old upload's), its row not yet
      const pass = runRetention(h.db, storage(), OPTIONS);
      if (isPostgres) {
        // The old row is gone and nothing refers to the content: retention deletes the bytes.
        expect(await pass).toMatchObject({ orphanFiles: 1, contents: 1 });
        expect(await storage().exists(sha(text))).toBe(false);
      } else await new Promise((r) => setTimeout(r, 200)); // PGlite: the pass waits for the upload's transaction
      paused.release();
      const res = await again;
      await pass;
      if (res.status === 503) {
        // The streamed bytes are gone with this request: it must not record a row that points at
        // nothing; it says so, and when to send again.
        expect(res.body.code).toBe('unavailable');
        expect(res.headers.get('retry-after')).toBeTruthy();
        const now = await fileIds();
        expect([...now].filter((id) => !before.has(id))).toEqual([]);
      }
      // Whatever the first answer, the upload as a client sends it (again after a 503) downloads.
      const final = res.status === 503 ? await upload(text) : res;
      expect(final.status).toBe(201);
      const file = await fetch(final.body.url);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(text);
      if (isPostgres) expect(res.status).toBe(503);
    } finally {
      await paused.close();
    }
  });

  it('an upload holding the content’s lock makes retention wait, which then keeps the content its new row refers to', async () => {
    await settle();
    const text = 'content reused before its row';
    const old = await upload(text);
    await ageFiles([old.body.id]);
    const paused = await pausedServer(h, /^\s*INSERT INTO files/);
    try {
      const again = upload(text, paused.url);
      await paused.reached; // the upload holds the lock and checked the bytes are there; its row comes next
      let done = false;
      const pass = runRetention(h.db, storage(), OPTIONS).finally(() => {
        done = true;
      });
      if (isPostgres) {
        // Retention deleted the old row and now waits for the hash's lock.
        for (let i = 0; ; i++) {
          const [w] = await h.db.query<{ n: string | number }>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
          );
          if (Number(w!.n) > 0) break;
          expect(done, 'retention finished while an upload of the content held its lock').toBe(false);
          if (i > 500) throw new Error('retention never waited for the lock');
          await new Promise((r) => setTimeout(r, 10));
        }
      } else await new Promise((r) => setTimeout(r, 200));
      paused.release();
      const res = await again;
      const r = await pass;
      expect(res.status).toBe(201);
      expect(r).toMatchObject({ orphanFiles: 1, contents: 0 });
      expect(await storage().exists(sha(text))).toBe(true);
      const file = await fetch(res.body.url);
      expect(await file.text()).toBe(text);
    } finally {
      await paused.close();
    }
  });
});

describe('the job', () => {
  it('two passes at once (two server processes on PostgreSQL, two calls on PGlite) delete every row and content once, and the totals add up', async () => {
    await settle();
    const N = 1200;
    await h.db.query(
      `INSERT INTO idempotency_keys (scope, principal, key, fingerprint, status, body, created_at)
       SELECT '', 'staff', 'bulk-' || g, 'x', 200, '{}', now() - interval '30 hours' FROM generate_series(1, $1::int) g`,
      [N],
    );
    const [acme] = await h.db.query<{ id: string; event_seq: string | number }>(
      `UPDATE organizations SET event_seq = event_seq + $1 WHERE external_id = 'acme' RETURNING id, event_seq`,
      [N],
    );
    const top = Number(acme!.event_seq);
    await h.db.query(
      `INSERT INTO events (org_id, seq, type, kind, resource_id, occurred_at)
       SELECT $1, $2::bigint - $3::int + g, 'ticket.updated', 'ticket', 'tkt_bulk', now() - interval '100 hours' FROM generate_series(1, $3::int) g`,
      [acme!.id, top, N],
    );
    const files = 60;
    for (let i = 0; i < files; i++) {
      const put = await storage().put(Buffer.from(`bulk orphan ${i}`));
      await h.db.query(
        `INSERT INTO files (id, org_id, sha256, size, media_type, file_name, created_at) VALUES ($1, $2, $3, $4, 'text/plain', 'x.txt', now() - interval '2 days')`,
        [`fil_bulk_${i}`, acme!.id, put.sha256, put.size],
      );
    }
    const other: Db = isPostgres ? await openPostgres(h.dbUrl!) : h.db;
    try {
      const options = { ...OPTIONS, batchSize: 50 };
      const [a, b] = await Promise.all([runRetention(h.db, storage(), options), runRetention(other, storage(), options)]);
      expect(a.idempotencyKeys + b.idempotencyKeys).toBe(N);
      expect(a.events + b.events).toBe(N);
      expect(a.orphanFiles + b.orphanFiles).toBe(files);
      expect(a.contents + b.contents).toBe(files);
      const [mark] = await h.db.query('SELECT events_expired_seq FROM organizations WHERE id = $1', [acme!.id]);
      expect(Number(mark!.events_expired_seq)).toBe(top);
      for (let i = 0; i < files; i++) expect(await storage().exists(sha(`bulk orphan ${i}`))).toBe(false);
    } finally {
      if (other !== h.db) await other.close();
    }
  });

  it('the server runs it by itself every PORTICO_RETENTION_INTERVAL_SECONDS', async () => {
    await h.db.query(
      `INSERT INTO idempotency_keys (scope, principal, key, fingerprint, status, body, created_at) VALUES ('', 'staff', 'periodic', 'x', 200, '{}', now() - interval '25 hours')`,
    );
    const s = await startServer({ db: h.db, migrate: false, config: { ...h.config, retentionIntervalMs: 100 } });
    try {
      for (let i = 0; ; i++) {
        if (!(await h.db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'periodic'`)).length) break;
        if (i > 100) throw new Error('the periodic job did not run');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await s.close();
    }
  });

  it('is configured by PORTICO_RETENTION_INTERVAL_SECONDS and PORTICO_EVENT_RETENTION_HOURS', () => {
    expect(loadConfig({})).toMatchObject({ retentionIntervalMs: 600_000, eventRetentionHours: 72 });
    expect(loadConfig({ PORTICO_RETENTION_INTERVAL_SECONDS: '0', PORTICO_EVENT_RETENTION_HOURS: '12' })).toMatchObject({
      retentionIntervalMs: 0,
      eventRetentionHours: 12,
    });
    expect(() => loadConfig({ PORTICO_EVENT_RETENTION_HOURS: 'soon' })).toThrow(/PORTICO_EVENT_RETENTION_HOURS/);
    expect(() => loadConfig({ PORTICO_RETENTION_INTERVAL_SECONDS: '-1' })).toThrow(/PORTICO_RETENTION_INTERVAL_SECONDS/);
  });
});
