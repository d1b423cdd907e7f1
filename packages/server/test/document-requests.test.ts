// Document requests (issue 14): the staff API asks, the portal answers item by item (upload,
// replace, upload again after a rejection), a reviewer decides, reminders are reported once.
import { describe, expect, it } from 'vitest';
import { type Fixture, fileForm, type Harness, PDF, PNG, type Res, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
let reviewer: string;
useFixture((x) => {
  ({ h, fx } = x);
});

const base = () => `/projects/${fx.acme.project}/document-requests`;
async function newRequest(extra: Record<string, unknown> = {}) {
  const r = await h.staff(`/projects/${fx.acme.project}/document-requests`, {
    body: {
      title: 'Year-end documents',
      instructions: 'Bank statements for **2026**',
      due_at: '2026-12-31T00:00:00.000Z',
      reminder_offsets: [-7, 0, 3],
      items: [
        { label: 'Bank statement', accepted_types: ['application/pdf'], max_bytes: 100000 },
        { label: 'Logo', accepted_types: ['image/*'] },
        { label: 'Optional note', required: false },
      ],
      ...extra,
    },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
}
const upload = (req: string, item: string, name: string, bytes: Uint8Array, type: string, token = fx.tokens.bob, fields = {}) =>
  h.api(`${base()}/${req}/items/${item}/files`, { token, form: fileForm(name, bytes, type, fields) });
const ok = (r: Res) => {
  if (r.status >= 300) throw new Error(`${r.status} ${r.text}`);
  return r.body;
};
const review = (req: string, item: string, body: unknown, token: string) => h.api(`${base()}/${req}/items/${item}/review`, { token, body });

describe('document requests', () => {
  it('a request created by staff is listed on its project with its items, and another organization gets 404 for the project', async () => {
    reviewer = await h.token('acme', 'rita', ['member', 'reviewer'], { name: 'Rita Reviewer' });
    const created = await newRequest();
    expect(created.items.map((i: { label: string; status: string }) => [i.label, i.status])).toEqual([
      ['Bank statement', 'missing'],
      ['Logo', 'missing'],
      ['Optional note', 'missing'],
    ]);
    expect(created.reminder_offsets).toEqual([-7, 0, 3]);
    const list = await h.api(base(), { token: fx.tokens.bob });
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(created.id);
    const other = await h.api(base(), { token: fx.tokens.gina });
    expect(other.status).toBe(404);
    const otherGet = await h.api(`/projects/${fx.globex.project}/document-requests/${created.id}`, { token: fx.tokens.gina });
    expect(otherGet.status).toBe(404);
  });

  it('uploads add files, replace supersedes them, a wrong type is refused with 415 and an oversized file with 413; each change is an event', async () => {
    const r = await newRequest();
    const [statement, logo] = r.items;
    const events0 = await h.db.query(`SELECT count(*) AS n FROM events WHERE type = 'document_request.updated' AND resource_id = $1`, [
      r.id,
    ]);
    const a = await upload(r.id, statement.id, 'jan.pdf', PDF, 'application/pdf');
    expect(a.status, a.text).toBe(201);
    expect(a.body.status).toBe('uploaded');
    const b = await upload(r.id, statement.id, 'feb.pdf', Buffer.concat([PDF, Buffer.from('%feb')]), 'application/pdf');
    expect(b.body.files.map((f: { file_name: string }) => f.file_name)).toEqual(['jan.pdf', 'feb.pdf']);
    const c = await upload(r.id, statement.id, 'all.pdf', Buffer.concat([PDF, Buffer.from('%all')]), 'application/pdf', fx.tokens.bob, {
      replace: 'true',
    });
    expect(c.body.files.map((f: { file_name: string }) => f.file_name)).toEqual(['all.pdf']);
    expect(c.body.files[0].download_url).toMatch(/\/portal\/v1\/files\//);
    const wrongType = await upload(r.id, statement.id, 'x.png', PNG, 'image/png');
    expect(wrongType.status).toBe(415);
    const big = await upload(r.id, statement.id, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(100001, 0x20)]), 'application/pdf');
    expect(big.status).toBe(413);
    expect((await upload(r.id, logo.id, 'logo.png', PNG, 'image/png')).status).toBe(201);
    const events1 = await h.db.query(`SELECT count(*) AS n FROM events WHERE type = 'document_request.updated' AND resource_id = $1`, [
      r.id,
    ]);
    expect(Number(events1[0]!.n) - Number(events0[0]!.n)).toBe(4);
  });

  it('only a reviewer may decide; a rejection needs a reason, which the client sees, and uploading again replaces the rejected files', async () => {
    const r = await newRequest();
    const [statement, logo, note] = r.items;
    await upload(r.id, statement.id, 'jan.pdf', PDF, 'application/pdf');
    expect((await review(r.id, statement.id, { decision: 'accepted' }, fx.tokens.alice)).status).toBe(403);
    expect((await review(r.id, statement.id, { decision: 'rejected' }, reviewer)).status).toBe(400);
    const rejected = await review(r.id, statement.id, { decision: 'rejected', reason: 'Page 2 is missing' }, reviewer);
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Page 2 is missing', decided_by: 'Rita Reviewer' });
    const again = await upload(r.id, statement.id, 'jan-full.pdf', Buffer.concat([PDF, Buffer.from('%2')]), 'application/pdf');
    expect(again.body).toMatchObject({ status: 'uploaded', reason: null });
    expect(again.body.files.map((f: { file_name: string }) => f.file_name)).toEqual(['jan-full.pdf']);
    expect((await review(r.id, logo.id, { decision: 'accepted' }, reviewer)).status).toBe(409);
    const accepted = await review(r.id, statement.id, { decision: 'accepted' }, reviewer);
    expect(accepted.body.status).toBe('accepted');
    expect((await upload(r.id, statement.id, 'late.pdf', Buffer.concat([PDF, Buffer.from('%3')]), 'application/pdf')).status).toBe(409);
    const na = await review(r.id, note.id, { decision: 'not_applicable' }, reviewer);
    expect(na.body.status).toBe('not_applicable');
    // The staff API decides too.
    await upload(r.id, logo.id, 'logo.png', PNG, 'image/png');
    const staffRejects = await h.staff(`/document-request-items/${logo.id}/review`, {
      body: { decision: 'rejected', reason: 'Too small', reviewer_name: 'Sam Staff' },
    });
    expect(staffRejects.body).toMatchObject({ status: 'rejected', reason: 'Too small', decided_by: 'Sam Staff' });
    const closed = await h.staff(`/document-requests/${r.id}/close`, { method: 'POST' });
    expect(closed.body.status).toBe('closed');
    expect((await upload(r.id, logo.id, 'logo.png', PNG, 'image/png')).status).toBe(409);
  });

  it('reminders: each offset whose moment passed is reported once, only while a required item is missing or rejected', async () => {
    const r = await newRequest({ due_at: '2030-01-10T00:00:00.000Z', reminder_offsets: [-3, 0, 2] });
    const due = async (now: string) =>
      (
        ok(await h.staff(`/document-requests/reminders?now=${encodeURIComponent(now)}`, { method: 'POST' })).reminders as Array<{
          request_id: string;
          offset_days: number;
          overdue: boolean;
          missing: Array<{ label: string }>;
        }>
      ).filter((x) => x.request_id === r.id);
    expect(await due('2030-01-06T00:00:00.000Z')).toEqual([]);
    const first = await due('2030-01-07T01:00:00.000Z');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ offset_days: -3, overdue: false });
    expect(first[0]!.missing.map((m) => m.label)).toEqual(['Bank statement', 'Logo']);
    expect(await due('2030-01-07T02:00:00.000Z')).toEqual([]);
    const onDay = await due('2030-01-10T00:00:01.000Z');
    expect(onDay.map((x) => [x.offset_days, x.overdue])).toEqual([[0, true]]);
    // Everything required is in: the +2 reminder is not due.
    await upload(r.id, r.items[0].id, 's.pdf', Buffer.concat([PDF, Buffer.from('%r')]), 'application/pdf');
    await upload(r.id, r.items[1].id, 'l.png', PNG, 'image/png');
    expect(await due('2030-01-13T00:00:00.000Z')).toEqual([]);
  });
});
