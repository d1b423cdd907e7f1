/**
 * `pnpm --filter @portico/server generate`: writes what is generated from the server's sources.
 * Today: the migration of the ticket serializer (src/routes/ticket-serializer.ts). When the newest
 * migration that defines tickets_json() already is what the definition generates, nothing is
 * written; otherwise a new migration `NNN_ticket_json.sql` (the next number) is.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { latestTicketJsonMigration, ticketJsonMigration } from '../src/routes/ticket-serializer.js';

const dir = fileURLToPath(new URL('../migrations/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /^\d+_.*\.sql$/.test(f))
  .sort();
const wanted = ticketJsonMigration();
const latest = latestTicketJsonMigration(files.map((name) => ({ name, sql: readFileSync(dir + name, 'utf8') })));
if (latest?.sql === wanted) {
  console.log(`up to date: migrations/${latest.name}`);
} else {
  const next = String(Number(files.at(-1)?.slice(0, 3) ?? 0) + 1).padStart(3, '0');
  const name = `${next}_ticket_json.sql`;
  writeFileSync(dir + name, wanted);
  console.log(`wrote migrations/${name}`);
}
