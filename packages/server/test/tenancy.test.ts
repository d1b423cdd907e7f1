// Tenancy has two walls (src/db/tenancy.ts). Wall 1, the organization-bound handle: a statement
// that forgets the organization still reaches only the handle's rows, with or without row-level
// security. Wall 2, row-level security: in an organization's tenant context a raw statement (one
// the binder never saw) is denied every other organization's rows, on PGlite and PostgreSQL, on the
// pipelined, pooled and transactional paths, and the context never outlives its statement or
// transaction. And every table with an organization column is guarded by both.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/postgres.js';
import { GLOBAL_TABLES, TENANT_ROLE, TENANT_TABLES } from '../src/db/tenancy.js';
import { bindOrg, type OrgDb } from '../src/db/tenant.js';
import { type Fixture, type Harness, isPostgres, useFixture } from './helpers.js';

let h: Harness;
let fx: Fixture;
let acme: string;
let globex: string;
let globexContact: string;

useFixture((x) => ({ h, fx } = x));
beforeAll(async () => {
  const orgs = await h.db.query<{ id: string; external_id: string }>('SELECT id, external_id FROM organizations');
  acme = orgs.find((o) => o.external_id === 'acme')!.id;
  globex = orgs.find((o) => o.external_id === 'globex')!.id;
  globexContact = (await h.db.query('SELECT id FROM contacts WHERE org_id = $1 LIMIT 1', [globex]))[0]!.id;
  // A function the binder cannot look into (it reads tickets in its body): only row-level
  // security stands between it and the other organization's rows.
  await h.db.exec(
    `CREATE FUNCTION tenancy_probe() RETURNS text[] LANGUAGE sql STABLE AS
     $$ SELECT coalesce(array_agg(DISTINCT org_id ORDER BY org_id), '{}') FROM tickets $$`,
  );
});

describe('every tenant table is guarded', () => {
  it('the tables with an organization column are the handle’s tenant tables, and each has row-level security with a tenant policy on that column', async () => {
    const withOrgId = await h.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'org_id' ORDER BY 1`,
    );
    const tenant = Object.keys(TENANT_TABLES).sort();
    // organizations (id) and idempotency_keys (scope) name their organization differently.
    expect([...withOrgId.map((r) => r.table_name), 'idempotency_keys', 'organizations'].sort()).toEqual(tenant);
    const rls = await h.db.query<{ relname: string; relrowsecurity: boolean }>(
      `SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY($1::text[])`,
      [tenant],
    );
    expect(
      rls
        .filter((r) => r.relrowsecurity)
        .map((r) => r.relname)
        .sort(),
    ).toEqual(tenant);
    const policies = await h.db.query<{ tablename: string; roles: string[] | string; qual: string; with_check: string | null }>(
      `SELECT tablename, roles, qual, with_check FROM pg_policies WHERE schemaname = current_schema()`,
    );
    for (const [table, spec] of Object.entries(TENANT_TABLES)) {
      const mine = policies.filter((p) => p.tablename === table);
      expect(mine, table).toHaveLength(1);
      const p = mine[0]!;
      expect(String(p.roles), table).toContain(TENANT_ROLE);
      expect(p.qual, table).toMatch(new RegExp(`\\(${spec.org} = current_setting\\('portico\\.org_id'::text, true\\)\\)`));
      if (p.with_check) expect(p.with_check, table).toMatch(new RegExp(`${spec.org} = current_setting\\('portico\\.org_id'`));
    }
  });

  it('the tenant role reaches no other table, is no superuser, cannot bypass row-level security and owns nothing', async () => {
    const tables = await h.db.query<{ relname: string; reachable: boolean }>(
      `SELECT c.relname, has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE') AS reachable
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm')`,
      [TENANT_ROLE],
    );
    expect(
      tables
        .filter((t) => t.reachable)
        .map((t) => t.relname)
        .sort(),
    ).toEqual([...Object.keys(TENANT_TABLES), ...GLOBAL_TABLES].sort());
    const [role] = await h.db.query('SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1', [TENANT_ROLE]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const owned = await h.db.query('SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)', [
      TENANT_ROLE,
    ]);
    expect(owned).toEqual([]);
  });
});

/** Statements that forget the organization, run through a handle of acme's. */
async function forgetful(db: OrgDb) {
  const all = await db.query<{ org_id: string }>('SELECT DISTINCT org_id FROM tickets');
  const theirs = await db.query('SELECT id FROM tickets WHERE id = $1', [fx.globex.ticket]);
  const joined = await db.query('SELECT t.id FROM tickets t JOIN contacts c ON c.id = t.requester_id WHERE c.id = $1', [globexContact]);
  const sub = await db.query('SELECT count(*)::int AS n FROM projects WHERE id IN (SELECT project_id FROM deliverables WHERE id = $1)', [
    fx.globex.deliverable,
  ]);
  const updated = await db.query("UPDATE tickets SET subject = 'taken over' WHERE id = $1 RETURNING id", [fx.globex.ticket]);
  const read = await db.query('UPDATE notifications SET read_at = now() WHERE id = $1 RETURNING id', [fx.globex.notification]);
  const [inserted] = await db.query<{ org_id: string }>(
    `INSERT INTO notifications (id, contact_id, kind, title, body, created_at) VALUES ($1, $2, 'announcement', 'x', 'y', now()) RETURNING org_id`,
    [`ntf_probe_${Math.random().toString(36).slice(2)}`, globexContact],
  );
  return { all: all.map((r) => r.org_id), theirs, joined, sub: sub[0]!.n, updated, read, inserted: inserted!.org_id };
}

describe('wall 1: the organization-bound handle', () => {
  const expectOnlyAcme = (r: Awaited<ReturnType<typeof forgetful>>) => {
    expect(r.all).toEqual([acme]);
    expect(r.theirs).toEqual([]);
    expect(r.joined).toEqual([]);
    expect(r.sub).toBe(0);
    expect(r.updated).toEqual([]);
    expect(r.read).toEqual([]);
    expect(r.inserted).toBe(acme);
  };

  it('on its own (bound statements run by the server’s own role, no row-level security): a statement that forgets the organization reaches only the handle’s rows', async () => {
    // Sanity: the server's own role sees both organizations.
    expect((await h.db.query('SELECT DISTINCT org_id FROM tickets ORDER BY 1')).length).toBe(2);
    await h.db
      .transaction(async (tx) => {
        expectOnlyAcme(await forgetful(bindOrg(tx, acme)));
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });

  it('db.forOrg (both walls), pipelined and in a transaction: the same', async () => {
    expectOnlyAcme(await forgetful(h.db.forOrg(acme)));
    await h.db.forOrg(acme).transaction(async (tx) => expectOnlyAcme(await forgetful(tx)));
    const [t] = await h.db.query('SELECT subject FROM tickets WHERE id = $1', [fx.globex.ticket]);
    expect(t!.subject).toBe('Gina needs SSO');
  });

  it('refuses statements it cannot bind', async () => {
    const db = h.db.forOrg(acme);
    for (const sql of ['SELECT * FROM public.tickets', 'SELECT * FROM "tickets"', 'TABLE tickets', "SET portico.org_id = 'x'"]) {
      await expect(db.query(sql), sql).rejects.toThrow(/organization-bound handle refuses/);
    }
    await expect(db.query('INSERT INTO tickets (id, org_id) VALUES ($1, $2)', ['x', globex])).rejects.toThrow(/sets org_id itself/);
    await expect(db.query('SELECT * FROM tickets WHERE id = $1', [])).rejects.toThrow(/1 placeholders but 0 values/);
  });
});

describe('wall 2: row-level security', () => {
  it('in an organization’s tenant context a raw statement is denied the other organization’s rows, and cannot write them', async () => {
    await h.db.transaction(
      async (tx) => {
        expect(await tx.query('SELECT current_user AS u')).toEqual([{ u: TENANT_ROLE }]);
        expect(await tx.query('SELECT id FROM tickets WHERE org_id = $1', [globex])).toEqual([]);
        expect((await tx.query('SELECT DISTINCT org_id FROM tickets')).map((r) => r.org_id)).toEqual([acme]);
        for (const table of Object.keys(TENANT_TABLES)) {
          const col = TENANT_TABLES[table]!.org;
          const [r] = await tx.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${col} = $1`, [globex]);
          expect(r!.n, table).toBe(0);
        }
        expect(await tx.query("UPDATE tickets SET subject = 'x' WHERE org_id = $1 RETURNING id", [globex])).toEqual([]);
        await tx.query('SAVEPOINT s');
        await expect(
          tx.query(
            `INSERT INTO notifications (id, org_id, contact_id, kind, title, body, created_at) VALUES ('ntf_x', $1, $2, 'announcement', 'x', 'y', now())`,
            [globex, globexContact],
          ),
        ).rejects.toThrow(/row-level security/);
        await tx.query('ROLLBACK TO SAVEPOINT s');
      },
      { orgId: acme },
    );
  });

  it('the tenant role without an organization sees nothing', async () => {
    await h.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('role', $1, true)`, [TENANT_ROLE]);
      expect(await tx.query('SELECT id FROM tickets')).toEqual([]);
      expect(await tx.query('SELECT id FROM organizations')).toEqual([]);
    });
  });

  it.runIf(isPostgres)(
    'PostgreSQL: through the app’s role a raw cross-tenant read returns no rows (the superuser connection bypasses RLS until it switches role)',
    async () => {
      const client = new pg.Client({ connectionString: h.dbUrl });
      await client.connect();
      try {
        // The test (and CI) connect as the superuser, which bypasses every policy…
        expect((await client.query('SELECT id FROM tickets WHERE org_id = $1', [globex])).rows.length).toBeGreaterThan(0);
        // …so the server runs tenant statements as the tenant role, as here.
        await client.query('BEGIN');
        await client.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
        await client.query(`SELECT set_config('portico.org_id', $1, true)`, [acme]);
        expect((await client.query('SELECT id FROM tickets WHERE org_id = $1', [globex])).rows).toEqual([]);
        expect((await client.query('SELECT * FROM invoices WHERE org_id = $1', [globex])).rows).toEqual([]);
        expect((await client.query('SELECT tenancy_probe() AS orgs')).rows[0].orgs).toEqual([acme]);
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
    },
  );

  it('a statement the binder cannot see into (a function reading tickets) is still held to its organization, on every path', async () => {
    const probe = 'SELECT tenancy_probe() AS orgs';
    expect((await h.db.query(probe))[0]!.orgs).toEqual([acme, globex].sort()); // the server's own role
    expect((await h.db.forOrg(acme).query(probe))[0]!.orgs).toEqual([acme]); // pipelined (PostgreSQL) / session (PGlite)
    expect(await h.db.forOrg(globex).transaction((tx) => tx.query(probe))).toEqual([{ orgs: [globex] }]);
  });

  it('300 concurrent statements of two organizations each run in their own context, and none is left on the connections', async () => {
    const results = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const org = i % 3 === 0 ? globex : acme;
        const sql = "SELECT current_user AS u, current_setting('portico.org_id') AS o, tenancy_probe() AS orgs";
        const rows = i % 10 === 9 ? await h.db.forOrg(org).transaction((tx) => tx.query(sql)) : await h.db.forOrg(org).query(sql);
        return { org, row: rows[0]! };
      }),
    );
    for (const { org, row } of results) expect(row).toEqual({ u: TENANT_ROLE, o: org, orgs: [org] });
    // Statements and transactions of the server's own role afterwards: no role, no organization.
    const after = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const sql = "SELECT current_user AS u, coalesce(current_setting('portico.org_id', true), '') AS o";
        return i % 2 ? h.db.query(sql) : h.db.transaction((tx) => tx.query(sql));
      }),
    );
    const own = (await h.db.query('SELECT session_user AS u'))[0]!.u;
    for (const [row] of after) expect(row).toEqual({ u: own, o: '' });
  });

  it.runIf(isPostgres)('PostgreSQL without pipelines (PORTICO_DB_PIPELINES=0): pooled statements run in their context too', async () => {
    const db = await openPostgres(h.dbUrl!, { pipelines: 0, max: 3 });
    try {
      const sql = "SELECT current_user AS u, current_setting('portico.org_id') AS o, tenancy_probe() AS orgs";
      const rows = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? acme : globex)).map(async (org) => ({ org, rows: await db.forOrg(org).query(sql) })),
      );
      for (const { org, rows: r } of rows) expect(r).toEqual([{ u: TENANT_ROLE, o: org, orgs: [org] }]);
      const after = await Promise.all(
        Array.from({ length: 6 }, () => db.query("SELECT current_user AS u, coalesce(current_setting('portico.org_id', true), '') AS o")),
      );
      for (const [row] of after) expect(row!.o).toBe('');
      await expect(db.forOrg(acme).query('SELECT 1 / 0 AS x')).rejects.toMatchObject({ code: '22012' });
      expect(await db.forOrg(acme).query('SELECT 1 AS x')).toEqual([{ x: 1 }]);
    } finally {
      await db.close();
    }
  });
});
