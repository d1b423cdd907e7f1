// One decision per approver per version (issue 12 item 5): concurrent and repeated decisions store
// one, changing one's mind supersedes the current decision and is recorded as such, and the trail
// holds that by itself (unique indexes of migrations/010) whatever a handler does.
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { type Fixture, freshDb, type Harness, type Res, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

const decide = (token: string, deliverable: string, body: Record<string, unknown>, key = crypto.randomUUID()) =>
  h.api(`/deliverables/${deliverable}/approvals`, { token, body, headers: { 'idempotency-key': key } });

/** A deliverable of acme with one fresh version nobody decided on. */
async function freshDeliverable(): Promise<{ id: string; version: number }> {
  const form = new FormData();
  form.set('title', `Review ${crypto.randomUUID()}`);
  form.set('file', new File([`brief ${Math.random()}\n`], 'brief.txt', { type: 'text/plain' }));
  const r = await h.staff(`/projects/${fx.acme.project}/deliverables`, { form });
  expect(r.status).toBe(201);
  return { id: r.body.id, version: r.body.current_version.number };
}

const trail = async (deliverable: string) =>
  (await h.api(`/deliverables/${deliverable}/approvals?limit=100`, { token: fx.tokens.alice })).body.data;

const decisionEvents = async (deliverable: string) =>
  Number(
    (
      await h.db.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM events WHERE type = 'deliverable.decision_recorded' AND resource_id = $1`,
        [deliverable],
      )
    )[0]!.n,
  );

const codes = (rs: Res[]) => rs.map((r) => (r.status === 201 ? 201 : `${r.status} ${r.body.code}`));

describe('one decision per approver per version', () => {
  it('50 concurrent decisions by one approver on one version, each with its own key: one is stored, 49 answer 409 already_decided; the trail and the event log show it once', async () => {
    const d = await freshDeliverable();
    const rs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        decide(
          fx.tokens.alice,
          d.id,
          i % 2 ? { version: d.version, decision: 'approved' } : { version: d.version, decision: 'changes_requested', comment: `No ${i}` },
        ),
      ),
    );
    const c = codes(rs);
    expect(c.filter((x) => x === 201)).toHaveLength(1);
    expect(c.filter((x) => x === '409 already_decided')).toHaveLength(49);
    const winner = rs.find((r) => r.status === 201)!.body;
    expect(await trail(d.id)).toEqual([winner]);
    expect(await decisionEvents(d.id)).toBe(1);
    const stored = await h.db.query('SELECT id FROM approvals WHERE deliverable_id = $1', [d.id]);
    expect(stored).toHaveLength(1);
  });

  it('a double click (the same decision sent twice, one after the other, with two keys): the second is 409 already_decided and stores nothing', async () => {
    const d = await freshDeliverable();
    const first = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved' });
    const second = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('already_decided');
    expect(second.body.detail).toContain(first.body.id);
    expect(await trail(d.id)).toHaveLength(1);
    expect(await decisionEvents(d.id)).toBe(1);
    // The same key again is a replay of the first, not a second decision.
    const key = crypto.randomUUID();
    const d2 = await freshDeliverable();
    const a = await decide(fx.tokens.alice, d2.id, { version: d2.version, decision: 'approved' }, key);
    const b = await decide(fx.tokens.alice, d2.id, { version: d2.version, decision: 'approved' }, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body).toEqual(a.body);
  });

  it('changing one’s mind: a decision that supersedes the current one is stored, and the append-only trail shows both, each once, linked both ways', async () => {
    const d = await freshDeliverable();
    const first = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved' });
    expect(first.body).toMatchObject({ supersedes: null, superseded_by: null });
    const second = await decide(fx.tokens.alice, d.id, {
      version: d.version,
      decision: 'changes_requested',
      comment: 'On second thought: the logo',
      supersedes: first.body.id,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ decision: 'changes_requested', supersedes: first.body.id, superseded_by: null });
    const third = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved', supersedes: second.body.id });
    expect(third.status).toBe(201);
    const t = await trail(d.id);
    expect(t.map((a: { id: string }) => a.id)).toEqual([third.body.id, second.body.id, first.body.id]);
    expect(t.map((a: { supersedes: string | null; superseded_by: string | null }) => [a.supersedes, a.superseded_by])).toEqual([
      [second.body.id, null],
      [first.body.id, third.body.id],
      [null, second.body.id],
    ]);
    expect(await decisionEvents(d.id)).toBe(3);
    const dl = await h.api(`/deliverables/${d.id}`, { token: fx.tokens.alice });
    expect(dl.body).toMatchObject({ review_status: 'approved', last_action: { kind: 'approved', version: d.version } });
  });

  it('superseding a decision that is not the current one — already superseded, another approver’s, none yet, unknown — answers 409 supersede_conflict and stores nothing', async () => {
    const d = await freshDeliverable();
    const hank = await h.token('acme', 'hannah', ['member', 'approver'], { name: 'Hannah Other' });
    const mine = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved' });
    const hers = await decide(hank, d.id, { version: d.version, decision: 'approved' });
    expect([mine.status, hers.status]).toEqual([201, 201]); // one decision per approver: both count
    // Nothing to supersede yet for a third approver (or an id that does not exist).
    const third = await h.token('acme', 'ivo', ['member', 'approver'], { name: 'Ivo Third' });
    const none = await decide(third, d.id, { version: d.version, decision: 'approved', supersedes: mine.body.id });
    expect(`${none.status} ${none.body.code}`).toBe('409 supersede_conflict');
    const unknown = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved', supersedes: 'apr_nope' });
    expect(`${unknown.status} ${unknown.body.code}`).toBe('409 supersede_conflict');
    // Someone else's decision.
    const others = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved', supersedes: hers.body.id });
    expect(`${others.status} ${others.body.code}`).toBe('409 supersede_conflict');
    // A decision that was already superseded.
    const changed = await decide(fx.tokens.alice, d.id, {
      version: d.version,
      decision: 'changes_requested',
      comment: 'x',
      supersedes: mine.body.id,
    });
    expect(changed.status).toBe(201);
    const stale = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved', supersedes: mine.body.id });
    expect(`${stale.status} ${stale.body.code}`).toBe('409 supersede_conflict');
    expect(stale.body.detail).toContain(changed.body.id);
    expect((await trail(d.id)).map((a: { id: string }) => a.id).sort()).toEqual([mine.body.id, hers.body.id, changed.body.id].sort());
  });

  it('50 concurrent supersedes of the same current decision: exactly one wins, the others answer 409 supersede_conflict', async () => {
    const d = await freshDeliverable();
    const first = await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'approved' });
    const rs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        decide(fx.tokens.alice, d.id, {
          version: d.version,
          decision: 'changes_requested',
          comment: `Change ${i}`,
          supersedes: first.body.id,
        }),
      ),
    );
    const c = codes(rs);
    expect(c.filter((x) => x === 201)).toHaveLength(1);
    expect(c.filter((x) => x === '409 supersede_conflict')).toHaveLength(49);
    expect(await trail(d.id)).toHaveLength(2);
  });

  it('a decision on a new version is a first decision again', async () => {
    const d = await freshDeliverable();
    expect((await decide(fx.tokens.alice, d.id, { version: d.version, decision: 'changes_requested', comment: 'x' })).status).toBe(201);
    const up = new FormData();
    up.set('file', new File(['v2\n'], 'v2.txt', { type: 'text/plain' }));
    const v2 = await h.staff(`/deliverables/${d.id}/versions`, { form: up });
    const next = await decide(fx.tokens.alice, d.id, { version: v2.body.current_version.number, decision: 'approved' });
    expect(next.status).toBe(201);
    expect(next.body.supersedes).toBeNull();
  });
});

describe('the trail holds one current decision per approver and version by itself', () => {
  it('the database refuses a second first decision, a second supersede of one decision and a chain across approvers or versions; the trail stays append-only', async () => {
    const d = await freshDeliverable();
    const org = (await h.db.query<{ org_id: string }>('SELECT org_id FROM deliverables WHERE id = $1', [d.id]))[0]!.org_id;
    const insert = (id: string, by: string, supersedes: string | null, version = d.version) =>
      h.db.query(
        `INSERT INTO approvals (id, org_id, deliverable_id, version, decision, decided_by_id, decided_by_name, decided_at, supersedes)
         VALUES ($1, $2, $3, $4, 'approved', $5, 'X', now(), $6)`,
        [id, org, d.id, version, by, supersedes],
      );
    await insert('apr_t1', 'con_a', null);
    await expect(insert('apr_t2', 'con_a', null)).rejects.toMatchObject({ code: '23505', constraint: 'approvals_first_decision' });
    await insert('apr_t3', 'con_a', 'apr_t1');
    await expect(insert('apr_t4', 'con_a', 'apr_t1')).rejects.toMatchObject({ code: '23505', constraint: 'approvals_superseded_once' });
    await expect(insert('apr_t5', 'con_b', 'apr_t3')).rejects.toMatchObject({ constraint: 'approvals_supersedes_same_approver' });
    await expect(insert('apr_t6', 'con_a', 'apr_t3', d.version + 1)).rejects.toMatchObject({
      constraint: 'approvals_supersedes_same_approver',
    });
    await expect(h.db.query("UPDATE approvals SET supersedes = NULL WHERE id = 'apr_t3'")).rejects.toThrow(/append-only/);
    await expect(h.db.query("DELETE FROM approvals WHERE id = 'apr_t3'")).rejects.toThrow(/append-only/);
  });

  it('migration 010 chains the repeated decisions of trails written before it, in the order they were made', async () => {
    const fresh = await freshDb();
    try {
      const db = fresh.db;
      const dir = new URL('../migrations/', import.meta.url);
      const files = (await readdir(dir)).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
      const before = files.filter((f) => f < '010');
      for (const f of before) await db.exec(await readFile(new URL(f, dir), 'utf8'));
      await db.exec(`
        CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        INSERT INTO organizations (id, external_id, name) VALUES ('org_1', 'o', 'O');
        INSERT INTO projects (id, org_id, name, description, status, created_at, updated_at) VALUES ('prj_1', 'org_1', 'P', '', 'active', now(), now());
        INSERT INTO deliverables (id, org_id, project_id, title, description, current_version, created_at, updated_at)
          VALUES ('dlv_1', 'org_1', 'prj_1', 'D', '', 1, now(), now());
        INSERT INTO approvals (id, org_id, deliverable_id, version, decision, decided_by_id, decided_by_name, decided_at) VALUES
          ('apr_b', 'org_1', 'dlv_1', 1, 'approved', 'con_a', 'A', '2026-01-01T10:00:02Z'),
          ('apr_a', 'org_1', 'dlv_1', 1, 'approved', 'con_a', 'A', '2026-01-01T10:00:01Z'),
          ('apr_c', 'org_1', 'dlv_1', 1, 'changes_requested', 'con_a', 'A', '2026-01-01T10:00:03Z'),
          ('apr_x', 'org_1', 'dlv_1', 1, 'approved', 'con_b', 'B', '2026-01-01T10:00:01Z');
      `);
      for (const f of before) await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
      expect(await migrate(db)).toContain('010_one_decision_per_approver.sql');
      const rows = await db.query('SELECT id, supersedes FROM approvals ORDER BY id');
      expect(rows).toEqual([
        { id: 'apr_a', supersedes: null },
        { id: 'apr_b', supersedes: 'apr_a' },
        { id: 'apr_c', supersedes: 'apr_b' },
        { id: 'apr_x', supersedes: null },
      ]);
      await expect(db.query('UPDATE approvals SET decision = $1', ['approved'])).rejects.toThrow(/append-only/);
    } finally {
      await fresh.drop();
    }
  });
});
