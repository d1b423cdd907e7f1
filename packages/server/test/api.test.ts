import { MAX_MILESTONES, MAX_VERSIONS } from '@portico/contract';
import { describe, expect, it } from 'vitest';
import { call, type Fixture, fileForm, type Harness, isPostgres, PDF, PNG, pausedServer, type Res, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
useFixture((x) => ({ h, fx } = x));

describe('basics', () => {
  it('/healthz, openapi.json and request ids', async () => {
    const r = await fetch(`${h.url}/healthz`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBeTruthy();
    const o = await fetch(`${h.url}/portal/v1/openapi.json`);
    const doc = await o.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/tickets/{id}');
  });

  it('CORS from the allow-list only', async () => {
    const pre = await fetch(`${h.url}/portal/v1/tickets`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://host.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key',
      },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://host.example');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('last-event-id');
    const evil = await fetch(`${h.url}/portal/v1/me`, { headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('/me', async () => {
    const r = await h.api('/me', { token: fx.tokens.alice });
    expect(r.body).toMatchObject({
      external_id: 'alice',
      name: 'Alice Anders',
      roles: ['member', 'admin', 'approver'],
      organization: { external_id: 'acme' },
    });
  });

  it('unknown routes answer a problem', async () => {
    const r = await h.api('/nope', { token: fx.tokens.alice });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });
});

describe('validation', () => {
  it('400 validation_failed with snake_case paths', async () => {
    const r = await h.api('/tickets', { token: fx.tokens.bob, body: { subject: 'x', body: '', attachment_ids: 'nope' } });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.code).toBe('validation_failed');
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['subject', 'body', 'attachment_ids']));
  });

  it('query validation: limit over 100, bad enum, bad cursor', async () => {
    const r = await h.api('/tickets?limit=101&status=weird', { token: fx.tokens.bob });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['limit', 'status']));
    const c = await h.api('/tickets?cursor=garbage', { token: fx.tokens.bob });
    expect(c.status).toBe(400);
    expect(c.body.errors[0].path).toBe('cursor');
  });

  it('refinements report their field', async () => {
    const r = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
      token: fx.tokens.alice,
      body: { version: 1, decision: 'changes_requested' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('comment');
  });

  it('malformed JSON is a 400 problem', async () => {
    const r = await h.api('/tickets', { token: fx.tokens.bob, body: '{"subject":' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('bad_request');
  });
});

describe('tickets', () => {
  it('open, reply with an attachment, act, and read the thread', async () => {
    const up = await h.api('/attachments', { token: fx.tokens.bob, form: fileForm('shot.png', PNG, 'image/png') });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ file_name: 'shot.png', media_type: 'image/png', size: PNG.length });
    const t = await h.api('/tickets', {
      token: fx.tokens.bob,
      body: { subject: 'Printer on fire', body: 'Help', priority: 'urgent', attachment_ids: [up.body.id] },
    });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ status: 'open', priority: 'urgent', message_count: 1, requester: { name: 'Bob Brown' } });
    expect(t.body.sla.first_response_due_at).toBeTruthy();
    // The same upload cannot be attached twice.
    const again = await h.api('/tickets', { token: fx.tokens.bob, body: { subject: 'Again', body: 'x', attachment_ids: [up.body.id] } });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe('attachment_ids.0');
    const agent = await h.staff(`/tickets/${t.body.id}/messages`, {
      body: { body: 'On it', agent_name: 'Sam Support', body_format: 'markdown' },
    });
    expect(agent.status).toBe(201);
    const msgs = await h.api(`/tickets/${t.body.id}/messages`, { token: fx.tokens.bob });
    expect(msgs.body.data.map((m: { author: { kind: string } }) => m.author.kind)).toEqual(['contact', 'agent']);
    expect(msgs.body.data[0].attachments[0].file_name).toBe('shot.png');
    const img = await fetch(msgs.body.data[0].attachments[0].url);
    expect(img.status).toBe(200);
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);
    const after = await h.api(`/tickets/${t.body.id}`, { token: fx.tokens.bob });
    expect(after.body).toMatchObject({ status: 'pending', message_count: 2 });
    expect(after.body.sla.first_responded_at).toBeTruthy();
    const closed = await h.api(`/tickets/${t.body.id}/actions`, { token: fx.tokens.bob, body: { action: 'close' } });
    expect(closed.body.status).toBe('closed');
    const reply = await h.api(`/tickets/${t.body.id}/messages`, { token: fx.tokens.bob, body: { body: 'more' } });
    expect(reply.status).toBe(409);
    const reopened = await h.api(`/tickets/${t.body.id}/actions`, { token: fx.tokens.bob, body: { action: 'reopen' } });
    expect(reopened.body.status).toBe('open');
    const staff = await h.staff(`/tickets/${t.body.id}`, {
      method: 'PATCH',
      body: { status: 'solved', assignee_name: 'Sam Support', tags: ['hardware'] },
    });
    expect(staff.body).toMatchObject({ status: 'solved', assignee_name: 'Sam Support', tags: ['hardware'] });
    const notes = await h.api('/notifications?unread=true', { token: fx.tokens.bob });
    expect(notes.body.data.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['ticket_reply', 'ticket_status']));
  });

  it('pagination is stable: every ticket once, in order, even with inserts between pages', async () => {
    const token = await h.token('acme', 'pager', ['member']);
    for (let i = 0; i < 23; i++) {
      const r = await h.api('/tickets', {
        token,
        body: { subject: `Paging ticket ${i}`, body: 'x', priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4] },
      });
      expect(r.status).toBe(201);
    }
    for (const sort of ['-created_at', 'created_at', '-priority', 'priority', 'number', '-updated_at']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: Res = await h.api(`/tickets?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`, { token });
        expect(r.status).toBe(200);
        seen.push(...r.body.data.map((t: { id: string }) => t.id));
        cursor = r.body.next_cursor;
        if (pages++ === 1) await h.api('/tickets', { token, body: { subject: `Inserted during ${sort}`, body: 'x' } });
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await h.api(`/tickets?limit=100&sort=${sort}`, { token });
      const ids: string[] = all.body.data.map((t: { id: string }) => t.id);
      // Pages are a prefix-consistent walk of the full order (items inserted mid-walk may appear or not).
      expect(seen.filter((id) => ids.includes(id))).toEqual(ids.filter((id: string) => seen.includes(id)));
      expect(seen.length).toBeGreaterThanOrEqual(23);
    }
    const wrongSort = await h.api(`/tickets?limit=5&sort=number`, { token });
    const r = await h.api(`/tickets?limit=5&sort=-number&cursor=${wrongSort.body.next_cursor}`, { token });
    expect(r.status).toBe(400);
  });
});

describe('idempotency', () => {
  it('a replay returns the first response and changes nothing', async () => {
    const key = `k-${Math.random()}`;
    const body = { subject: 'Idempotent ticket', body: 'once' };
    const a = await h.api('/tickets', { token: fx.tokens.bob, body, headers: { 'idempotency-key': key } });
    const b = await h.api('/tickets', { token: fx.tokens.bob, body, headers: { 'idempotency-key': key } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const list = await h.api('/tickets?q=Idempotent%20ticket', { token: fx.tokens.bob });
    expect(list.body.data).toHaveLength(1);
  });

  it('the same key with a different body → 409 idempotency_conflict', async () => {
    const key = `k-${Math.random()}`;
    await h.api('/tickets', { token: fx.tokens.bob, body: { subject: 'First body', body: 'a' }, headers: { 'idempotency-key': key } });
    const r = await h.api('/tickets', {
      token: fx.tokens.bob,
      body: { subject: 'Other body', body: 'b' },
      headers: { 'idempotency-key': key },
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('idempotency_conflict');
  });

  it('keys are per contact', async () => {
    const key = `k-${Math.random()}`;
    const a = await h.api('/tickets', {
      token: fx.tokens.bob,
      body: { subject: 'Per contact A', body: 'a' },
      headers: { 'idempotency-key': key },
    });
    const b = await h.api('/tickets', {
      token: fx.tokens.alice,
      body: { subject: 'Per contact A', body: 'a' },
      headers: { 'idempotency-key': key },
    });
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('concurrent duplicates execute once', async () => {
    const key = `k-${Math.random()}`;
    const body = { subject: 'Concurrent ticket', body: 'race' };
    const rs = await Promise.all(
      Array.from({ length: 8 }, () => h.api('/tickets', { token: fx.tokens.bob, body, headers: { 'idempotency-key': key } })),
    );
    expect(rs.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(rs.map((r) => r.body.id)).size).toBe(1);
    const list = await h.api('/tickets?q=Concurrent%20ticket', { token: fx.tokens.bob });
    expect(list.body.data).toHaveLength(1);
  });

  it('works for multipart staff uploads too', async () => {
    const key = `k-${Math.random()}`;
    const form = () => fileForm('v.pdf', PDF, 'application/pdf', { uploaded_by: 'Studio' });
    const a = await h.staff(`/deliverables/${fx.acme.deliverable}/versions`, { form: form(), headers: { 'idempotency-key': key } });
    const b = await h.staff(`/deliverables/${fx.acme.deliverable}/versions`, { form: form(), headers: { 'idempotency-key': key } });
    expect(a.status).toBe(201);
    expect(b.body.current_version.number).toBe(a.body.current_version.number);
  });
});

describe('deliverables and approvals', () => {
  it('version_conflict, decisions, comments and the append-only trail', async () => {
    const d0 = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice });
    const current = d0.body.current_version.number;
    const up = await h.staff(`/deliverables/${fx.acme.deliverable}/versions`, {
      form: fileForm('brief.txt', Buffer.from('Brief v-next\n'), 'text/plain'),
    });
    expect(up.status).toBe(201);
    const next = up.body.current_version.number;
    expect(next).toBe(current + 1);
    expect(up.body.versions.map((v: { number: number }) => v.number)[0]).toBe(next);
    expect(up.body.current_version.checksum).toMatch(/^[0-9a-f]{64}$/);
    const stale = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
      token: fx.tokens.alice,
      body: { version: current, decision: 'approved' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    const cr = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
      token: fx.tokens.alice,
      body: { version: next, decision: 'changes_requested', comment: 'Bigger logo' },
    });
    expect(cr.status).toBe(201);
    // Alice changes her mind: a new decision that supersedes the first.
    const ok = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
      token: fx.tokens.alice,
      body: { version: next, decision: 'approved', supersedes: cr.body.id },
    });
    expect(ok.status).toBe(201);
    const trail = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, { token: fx.tokens.bob });
    expect(trail.body.data.map((a: { decision: string }) => a.decision).slice(0, 2)).toEqual(['approved', 'changes_requested']);
    expect(trail.body.data[0]).toMatchObject({ id: ok.body.id, supersedes: cr.body.id, superseded_by: null });
    expect(trail.body.data[1]).toMatchObject({ id: cr.body.id, supersedes: null, superseded_by: ok.body.id });
    const d = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.bob });
    expect(d.body).toMatchObject({ review_status: 'approved', last_action: { kind: 'approved', version: next } });
    const c = await h.api(`/deliverables/${fx.acme.deliverable}/versions/${next}/comments`, {
      token: fx.tokens.bob,
      body: { body: 'Pin', anchor: { kind: 'page', page: 2 } },
    });
    expect(c.body.anchor).toEqual({ kind: 'page', page: 2 });
    const cl = await h.api(`/deliverables/${fx.acme.deliverable}/versions/${next}/comments`, { token: fx.tokens.bob });
    expect(cl.body.data.at(-1).body).toBe('Pin');
    expect((await h.api(`/deliverables/${fx.acme.deliverable}/versions/99/comments`, { token: fx.tokens.bob })).status).toBe(404);
    // Append-only: the database itself refuses UPDATE and DELETE.
    await expect(h.db.query('UPDATE approvals SET decision = $1', ['approved'])).rejects.toThrow(/append-only/);
    await expect(h.db.query('DELETE FROM approvals')).rejects.toThrow(/append-only/);
    const again = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, { token: fx.tokens.bob });
    expect(again.body.data.length).toBe(trail.body.data.length);
    const list = await h.api(`/projects/${fx.acme.project}/deliverables?review_status=approved`, { token: fx.tokens.bob });
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(fx.acme.deliverable);
  });

  it('a decision and a concurrent upload of a new version never both win: held mid-transaction, the decision makes the upload wait, so it lands on the version it named and the new version resets the review', async () => {
    // Force the race instead of hoping for it: a second server on the same database whose
    // transactions stop right before the decision is inserted, after the deliverable was read.
    // Without the deliverable's row lock the upload would commit version v + 1 meanwhile, and the
    // decision would then approve a version nobody reviewed (review_status 'approved' at v + 1).
    const d0 = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice });
    const v = d0.body.current_version.number;
    const paused = await pausedServer(h, /^\s*INSERT INTO approvals/);
    try {
      const approver = await h.token('acme', 'racer', ['member', 'approver'], { name: 'Rae Racer' });
      const decision = call(
        `${paused.url}/portal/v1/deliverables/${fx.acme.deliverable}/approvals`,
        { body: { version: v, decision: 'approved' } },
        approver,
      );
      // The decision read version v and holds its transaction open (or it failed: say how).
      await Promise.race([
        paused.reached,
        decision.then((r) => Promise.reject(new Error(`the decision ended early: ${r.status} ${r.text}`))),
      ]);
      let uploaded: Res | undefined;
      const upload = h
        .staff(`/deliverables/${fx.acme.deliverable}/versions`, { form: fileForm('x.txt', Buffer.from('x\n')) })
        .then((r) => (uploaded = r));
      // The upload must wait for the decision: on PostgreSQL it is seen waiting for the row lock;
      // PGlite runs one transaction at a time, so there it cannot start before the decision ends.
      const t0 = Date.now();
      for (;;) {
        if (uploaded) break;
        if (isPostgres) {
          const [w] = await h.db.query<{ n: string | number }>(
            `SELECT count(*) AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%deliverables%'`,
          );
          if (Number(w!.n) > 0) break;
        } else if (Date.now() - t0 > 300) break;
        if (Date.now() - t0 > 10_000) throw new Error('the upload neither finished nor waited');
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(uploaded, 'the upload finished while a decision on the version it replaces was in flight').toBeUndefined();
      paused.release();
      const [a, up] = await Promise.all([decision, upload]);
      // Exactly one outcome: the decision on v, then version v + 1 awaiting review.
      expect(a.status).toBe(201);
      expect(a.body.version).toBe(v);
      expect(up.status).toBe(201);
      expect(up.body.current_version.number).toBe(v + 1);
      const d = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice });
      expect(d.body).toMatchObject({ review_status: 'pending', current_version: { number: v + 1 }, last_action: { kind: 'uploaded' } });
      // And the other order: a decision naming v now is refused.
      const late = await h.api(`/deliverables/${fx.acme.deliverable}/approvals`, {
        token: fx.tokens.alice,
        body: { version: v, decision: 'approved', supersedes: a.body.id },
      });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('version_conflict');
    } finally {
      await paused.close();
    }
  });
});

describe('other resources', () => {
  it('projects', async () => {
    const r = await h.api('/projects', { token: fx.tokens.bob });
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0].milestones[0]).toMatchObject({ title: 'Design', due_on: '2026-12-01', status: 'planned' });
    const m = await h.staff(`/projects/${fx.acme.project}/milestones`, { body: { title: 'Launch', status: 'done' } });
    expect(m.body.milestones.map((x: { title: string }) => x.title)).toEqual(['Design', 'Launch']);
    expect(m.body.milestones[1].completed_at).toBeTruthy();
  });

  it('invoices: amounts, overdue, totals and the PDF link', async () => {
    const r = await h.api(`/invoices/${fx.acme.invoice}`, { token: fx.tokens.alice });
    expect(r.body).toMatchObject({ subtotal: 2000, tax: 400, total: 2400, amount_due: 2400, overdue: true, currency: 'EUR' });
    expect(r.body.lines[0]).toMatchObject({ quantity: 2, unit_amount: 1000, amount: 2000 });
    const pdf = await fetch(r.body.pdf_url);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-')).toBe(true);
    await h.staff('/invoices', {
      body: { org: 'acme', number: 'USD-1', currency: 'USD', status: 'paid', lines: [{ description: 'x', quantity: 1, unit_amount: 500 }] },
    });
    const totals = await h.api('/invoices/totals', { token: fx.tokens.alice });
    expect(totals.body.data).toEqual([
      { currency: 'EUR', count: 1, total: 2400, amount_due: 2400 },
      { currency: 'USD', count: 1, total: 500, amount_due: 0 },
    ]);
    const overdue = await h.api('/invoices?overdue=true', { token: fx.tokens.alice });
    expect(overdue.body.data.map((i: { id: string }) => i.id)).toEqual([fx.acme.invoice]);
    const paid = await h.staff(`/invoices/${fx.acme.invoice}`, { method: 'PATCH', body: { status: 'paid' } });
    expect(paid.body).toMatchObject({ status: 'paid', amount_due: 0, overdue: false });
  });

  it('a draft invoice is never shown in the portal (not listed, not counted, not found by id); the staff API still reads it', async () => {
    const draft = await h.staff('/invoices', {
      body: {
        org: 'acme',
        number: 'DRAFT-1',
        currency: 'GBP',
        status: 'draft',
        lines: [{ description: 'x', quantity: 1, unit_amount: 900 }],
      },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    const list = await h.api('/invoices', { token: fx.tokens.alice });
    expect(list.body.data.map((i: { number: string }) => i.number)).not.toContain('DRAFT-1');
    const asked = await h.api('/invoices?status=draft', { token: fx.tokens.alice });
    expect(asked.body.data).toEqual([]);
    const totals = await h.api('/invoices/totals', { token: fx.tokens.alice });
    expect(totals.body.data.map((t: { currency: string }) => t.currency)).not.toContain('GBP');
    expect((await h.api(`/invoices/${draft.body.id}`, { token: fx.tokens.alice })).status).toBe(404);
    expect((await h.staff(`/invoices/${draft.body.id}`, { method: 'PATCH', body: { status: 'open' } })).body.status).toBe('open');
    expect((await h.api(`/invoices/${draft.body.id}`, { token: fx.tokens.alice })).body.number).toBe('DRAFT-1');
  });

  it('invoices sorted by total: by currency, then amount (never ¥ among $), both directions, across pages', async () => {
    for (const [number, currency, unit] of [
      ['S-JPY', 'JPY', 292_800],
      ['S-USD-1', 'USD', 15_980],
      ['S-USD-2', 'USD', -500],
      ['S-USD-3', 'USD', 500],
      ['S-EUR-1', 'EUR', 100_000],
    ] as const) {
      const r = await h.staff('/invoices', {
        body: { org: 'acme', number, currency, status: 'open', lines: [{ description: 'x', quantity: 1, unit_amount: unit }] },
      });
      expect(r.status).toBe(201);
    }
    const all = async (sort: string) => {
      const out: Array<[string, number]> = [];
      let cursor = '';
      do {
        const r = await h.api(`/invoices?sort=${sort}&limit=2${cursor && `&cursor=${cursor}`}`, { token: fx.tokens.alice });
        expect(r.status).toBe(200);
        out.push(...r.body.data.map((i: { currency: string; total: number }) => [i.currency, i.total] as [string, number]));
        cursor = r.body.next_cursor ?? '';
      } while (cursor);
      return out;
    };
    const asc = await all('total');
    // Earlier tests of this file may have added invoices: the order is what counts.
    const byCurrency = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
    expect(asc).toEqual([...asc].sort(byCurrency));
    expect(asc).toEqual(
      expect.arrayContaining([
        ['EUR', 100_000],
        ['JPY', 292_800],
        ['USD', -500],
        ['USD', 500],
        ['USD', 15_980],
      ]),
    );
    expect(asc.findIndex((x) => x[0] === 'USD')).toBe(asc.findIndex((x) => x[1] === 292_800) + 1); // ¥ before every $, never among them
    expect(await all('-total')).toEqual([...asc].reverse());
  });

  it('a project never carries more than MAX_MILESTONES milestones, nor a deliverable more than MAX_VERSIONS versions; the counts say how many there are', async () => {
    await h.db.query(
      `INSERT INTO milestones (id, org_id, project_id, position, title, status)
       SELECT 'ms_bulk_' || i, p.org_id, p.id, 1000 + i, 'Bulk ' || i, 'planned' FROM projects p, generate_series(1, 150) i WHERE p.id = $1`,
      [fx.acme.project],
    );
    await h.db.query(
      `INSERT INTO deliverable_versions (id, org_id, deliverable_id, number, file_id, uploaded_by_id, uploaded_by_name, created_at)
       SELECT 'ver_bulk_' || i, v.org_id, v.deliverable_id, 1000 + i, v.file_id, v.uploaded_by_id, v.uploaded_by_name, now()
       FROM (SELECT * FROM deliverable_versions WHERE deliverable_id = $1 LIMIT 1) v, generate_series(1, 150) i`,
      [fx.acme.deliverable],
    );
    await h.db.query('UPDATE deliverables SET current_version = 1150 WHERE id = $1', [fx.acme.deliverable]);
    const [{ n: milestones }] = (await h.db.query('SELECT count(*)::int AS n FROM milestones WHERE project_id = $1', [
      fx.acme.project,
    ])) as [{ n: number }];
    const [{ n: versions }] = (await h.db.query('SELECT count(*)::int AS n FROM deliverable_versions WHERE deliverable_id = $1', [
      fx.acme.deliverable,
    ])) as [{ n: number }];
    for (const r of [
      await h.api(`/projects/${fx.acme.project}`, { token: fx.tokens.alice }),
      await h.api('/projects?limit=100', { token: fx.tokens.alice }),
    ]) {
      const p = r.body.data ? r.body.data.find((x: { id: string }) => x.id === fx.acme.project) : r.body;
      expect(p.milestones).toHaveLength(MAX_MILESTONES);
      expect(p.milestone_count).toBe(milestones);
      expect(p.milestones[0].position ?? p.milestones[0].title).not.toMatch(/^Bulk/); // plan order: the first ones
    }
    const d = await h.api(`/deliverables/${fx.acme.deliverable}`, { token: fx.tokens.alice });
    expect(d.status).toBe(200);
    expect(d.body.versions).toHaveLength(MAX_VERSIONS);
    expect(d.body.version_count).toBe(versions);
    expect(d.body.versions[0].number).toBe(1150); // newest first
    expect(d.body.current_version.number).toBe(1150);
  });

  it('articles: list, get, search with highlights, vote, categories', async () => {
    const list = await h.api('/articles', { token: fx.tokens.bob });
    expect(list.body.data.map((a: { slug: string }) => a.slug)).toEqual(['public-guide']);
    const a = await h.api('/articles/public-guide', { token: fx.tokens.bob });
    expect(a.body).toMatchObject({ body: '# Hi', body_format: 'markdown', helpful_count: 0 });
    const s = await h.api('/articles/search?q=guide', { token: fx.tokens.bob });
    expect(s.body.data[0].title).toEqual([
      { text: 'Public ', highlight: false },
      { text: 'guide', highlight: true },
    ]);
    const v1 = await h.api('/articles/public-guide/votes', { token: fx.tokens.bob, body: { helpful: true } });
    expect(v1.body).toEqual({ helpful_count: 1, not_helpful_count: 0 });
    const v2 = await h.api('/articles/public-guide/votes', { token: fx.tokens.bob, body: { helpful: false } });
    expect(v2.body).toEqual({ helpful_count: 0, not_helpful_count: 1 });
    const cats = await h.api('/categories', { token: fx.tokens.bob });
    expect(cats.body.data).toEqual([expect.objectContaining({ slug: 'general', article_count: 1 })]);
    const globex = await h.api('/categories', { token: fx.tokens.gina });
    expect(globex.body.data[0].article_count).toBe(1);
  });

  it('notifications: read one, read all', async () => {
    const r = await h.api(`/notifications/${fx.acme.notificationBob}/read`, { token: fx.tokens.bob, method: 'POST' });
    expect(r.status).toBe(200);
    expect(r.body.read_at).toBeTruthy();
    const all = await h.api('/notifications/read-all', { token: fx.tokens.bob, method: 'POST' });
    expect(all.status).toBe(200);
    expect((await h.api('/notifications?unread=true', { token: fx.tokens.bob })).body.data).toEqual([]);
  });
});
