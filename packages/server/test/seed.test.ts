// The demo seed as a customer would read it: nothing the data says could not have happened.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../src/seed.js';
import { type Harness, harness, isPostgres } from './helpers.js';

describe.skipIf(isPostgres)('the demo seed is believable (database-independent: runs in the pglite project only)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await seed(h.db, { filesDir: h.filesDir });
  }, 120_000);
  afterAll(() => h?.close());

  it('no milestone is done before its time: done ones were due and completed in the past, the first open one is in progress', async () => {
    const rows = await h.db.query<{ project_id: string; position: number; status: string; due_on: string; completed_at: Date | null }>(
      `SELECT project_id, position, status, due_on::text AS due_on, completed_at FROM milestones ORDER BY project_id, position`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const byProject = new Map<string, typeof rows>();
    for (const r of rows) byProject.set(r.project_id, [...(byProject.get(r.project_id) ?? []), r]);
    for (const ms of byProject.values()) {
      for (const m of ms) {
        if (m.status === 'done') {
          expect(m.due_on <= today, `done milestone due ${m.due_on}`).toBe(true);
          expect(m.completed_at && +m.completed_at <= Date.now()).toBe(true);
        } else expect(m.completed_at).toBeNull();
      }
      const open = ms.filter((m) => m.status !== 'done');
      if (open.length) expect(open[0]!.status).toBe('in_progress');
      expect(open.slice(1).every((m) => m.status === 'planned')).toBe(true);
    }
  });

  it('no comment is said twice on one deliverable', async () => {
    const dupes = await h.db.query(
      `SELECT deliverable_id, body, count(*)::int AS n FROM comments GROUP BY deliverable_id, body HAVING count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const [counted] = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comments');
    const n = counted?.n ?? 0;
    expect(n).toBeGreaterThan(5);
  });

  it('the sample PDFs print their dashes (the brief reads "Website relaunch — version 1", not "?")', async () => {
    const [row] = await h.db.query<{ id: string }>(
      `SELECT f.id FROM files f WHERE f.media_type = 'application/pdf' AND f.file_name LIKE 'creative-brief%' ORDER BY f.file_name LIMIT 1`,
    );
    expect(row).toBeTruthy();
    const [file] = await h.db.query<{ sha256: string }>('SELECT sha256 FROM files WHERE id = $1', [row!.id]);
    const stored = await h.server.portico.services.storage.get(file!.sha256);
    const bytes = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    const doc = await getDocument({ data: bytes, isEvalSupported: false }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('\n');
    await doc.destroy();
    expect(text).toMatch(/— version \d/);
    expect(text).not.toContain('?');
  });

  it('each organization has an overdue request with a rejected, an uploaded and an accepted item, listed through the portal', async () => {
    const token = await h.token('acme', 'alice', ['member', 'admin', 'approver'], { name: 'Alice Anders' });
    const [project] = (await h.api('/projects?limit=100', { token })).body.data.filter(
      (p: { name: string }) => p.name === 'Website relaunch',
    );
    const r = await h.api(`/projects/${project.id}/document-requests`, { token });
    expect(r.status, r.text).toBe(200);
    const [req] = r.body.data;
    expect(req.title).toBe('Year-end documents');
    expect(Date.parse(req.due_at)).toBeLessThan(Date.now());
    expect(req.items.map((i: { status: string }) => i.status)).toEqual(['rejected', 'uploaded', 'accepted', 'missing']);
    expect(req.items[0].reason).toMatch(/page 3/);
    expect(req.items[1].files[0].file_name).toBe('engagement-letter-signed.pdf');
  });

  it('every text and PDF deliverable has two or more versions that differ, to compare in the viewer (the brief gains a page)', async () => {
    const rows = await h.db.query<{ deliverable_id: string; number: number; media_type: string; sha256: string }>(
      `SELECT v.deliverable_id, v.number, f.media_type, f.sha256 FROM deliverable_versions v JOIN files f ON f.id = v.file_id
        WHERE f.media_type IN ('text/plain', 'application/pdf') ORDER BY v.deliverable_id, v.number`,
    );
    const byDeliverable = new Map<string, typeof rows>();
    for (const r of rows) byDeliverable.set(r.deliverable_id, [...(byDeliverable.get(r.deliverable_id) ?? []), r]);
    const kinds = new Set(rows.map((r) => r.media_type));
    expect([...kinds].sort()).toEqual(['application/pdf', 'text/plain']);
    for (const versions of byDeliverable.values()) {
      expect(versions.length).toBeGreaterThanOrEqual(2);
      expect(new Set(versions.map((v) => v.sha256)).size).toBe(versions.length);
    }
    const pdf = [...byDeliverable.values()].find((vs) => vs[0]!.media_type === 'application/pdf')!;
    const pages = async (sha: string) => {
      const stored = await h.server.portico.services.storage.get(sha);
      const doc = await getDocument({ data: new Uint8Array(await new Response(stored!.body).arrayBuffer()), isEvalSupported: false })
        .promise;
      const n = doc.numPages;
      await doc.destroy();
      return n;
    };
    expect(await pages(pdf[0]!.sha256)).toBe(2);
    expect(await pages(pdf[1]!.sha256)).toBe(3);
  });
});
