// One ticket serializer (src/routes/ticket-serializer.ts): the JavaScript mapping and the JSON the
// database keeps on each row are both derived from TICKET_FIELDS. The committed migration must be
// what the definition generates, the database must run it, and both paths must give the same bytes
// for every seeded ticket (both organizations, every status, breached or not).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  latestTicketJsonMigration,
  mapTicket,
  TICKET_SELECT,
  ticketJsonFunction,
  ticketJsonMigration,
  ticketJsonSql,
} from '../src/routes/ticket-serializer.js';
import { seed } from '../src/seed.js';
import { toWire } from '../src/wire.js';
import { type Harness, harness } from './helpers.js';

const dir = new URL('../migrations/', import.meta.url);

describe('the generated migration', () => {
  it('the newest migration that defines tickets_json() is exactly what TICKET_FIELDS generates (run `pnpm --filter @portico/server generate`)', () => {
    const migrations = readdirSync(dir)
      .filter((f) => /^\d+_.*\.sql$/.test(f))
      .map((name) => ({ name, sql: readFileSync(new URL(name, dir), 'utf8') }));
    const latest = latestTicketJsonMigration(migrations);
    expect(latest?.name).toMatch(/_ticket_json\.sql$/);
    expect(latest?.sql).toBe(ticketJsonMigration());
  });
});

let h: Harness;
beforeAll(async () => {
  h = await harness();
  await seed(h.db, { filesDir: h.filesDir });
  // A few values the JSON text must escape exactly like JSON.stringify, and a renamed requester.
  await h.db.query(
    `UPDATE tickets SET subject = $1, assignee_name = NULL, tags = '{}' WHERE id = (SELECT id FROM tickets ORDER BY id LIMIT 1)`,
    ['Quote " backslash \\ tab\t nl\n \u0001 \u2028 🎉 <b>'],
  );
  await h.db.query(`UPDATE contacts SET name = 'Rénamed "\\" \u0007' WHERE id = (SELECT requester_id FROM tickets ORDER BY id LIMIT 1)`);
}, 120000);
afterAll(() => h?.close());

describe('both paths', () => {
  it('the database runs the generated trigger function', async () => {
    const [row] = await h.db.query("SELECT prosrc FROM pg_proc WHERE proname = 'tickets_json'");
    expect(ticketJsonFunction()).toContain(`$$${row!.prosrc}$$`);
  });

  it('give the same bytes for every seeded ticket: stored JSON (as the list assembles it) and mapTicket', async () => {
    const rows = await h.db.query(
      `${TICKET_SELECT.replace('SELECT ', `SELECT ${ticketJsonSql({ requesterName: 'to_json(c.name)::text' })} AS json_text, `)} ORDER BY t.id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(400);
    const breached = rows.filter((r) => r.breached).length;
    expect(breached).toBeGreaterThan(0);
    expect(breached).toBeLessThan(rows.length);
    for (const r of rows) expect(r.json_text, r.id).toBe(JSON.stringify(toWire(mapTicket(r))));
  });
});
