// What a test file's database costs (test/fresh-db.ts): empty + every migration (before test/global-setup.ts) vs a copy
// of the migrated template (after). `DATABASE_URL=… npx tsx --conditions=source scripts/test-db-cost.ts`
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { freshDb, PG_TEMPLATE_ENV, PGLITE_TEMPLATE_ENV } from '../test/fresh-db.js';

const t = () => performance.now();
const ms = (a: number) => Math.round(t() - a);
const tpl = await openPglite('memory://');
await migrate(tpl);
await writeFile('/tmp/portico-test-db-cost.tar', new Uint8Array(await (await tpl.dumpDataDir()).arrayBuffer()));
await tpl.close();
const pgTpl = await freshDb(true);
await migrate(pgTpl.db);
await pgTpl.db.close();
const tplName = new URL(pgTpl.url!).pathname.slice(1);
for (let i = 0; i < 2; i++) {
  for (const postgres of [false, true]) {
    delete process.env[PGLITE_TEMPLATE_ENV];
    delete process.env[PG_TEMPLATE_ENV];
    let a = t();
    let f = await freshDb(postgres, { migrated: true });
    await f.drop();
    const before = ms(a);
    process.env[PGLITE_TEMPLATE_ENV] = '/tmp/portico-test-db-cost.tar';
    process.env[PG_TEMPLATE_ENV] = tplName;
    a = t();
    f = await freshDb(postgres, { migrated: true });
    await migrate(f.db); // what startServer does: finds every migration applied
    await f.drop();
    console.log(
      `${postgres ? 'postgres' : 'pglite'}: empty + migrations ${before} ms, template copy ${ms(a)} ms (load ${loadavg()[0]!.toFixed(1)})`,
    );
  }
}
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
await c.connect();
await c.query(`DROP DATABASE ${tplName} WITH (FORCE)`);
await c.end();
