// Statements outside transactions share a few pipelined connections (db/postgres.ts): under
// concurrency every statement must still get its own answer, an error must fail only its own
// statement, and transactions (on the pool) must not see or disturb the pipelined statements;
// the statements of one event-loop turn are written together.
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.js';
import { openPostgres } from '../src/db/postgres.js';
import { freshDb, isPostgres } from './helpers.js';

describe.runIf(isPostgres)('pipelined statements (PostgreSQL)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const fresh = await freshDb(undefined, { migrated: true });
    drop = fresh.drop;
    url = fresh.url!;
    await fresh.db.close();
    db = await openPostgres(url, { pipelines: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  it('answers each of many concurrent statements with its own result; errors stay with their statement', async () => {
    const n = 300;
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        i % 7 === 3
          ? db.query('SELECT 1 / $1::int AS x', [0]) // division by zero
          : i % 2
            ? db.query<{ v: number; s: string }>('SELECT $1::int AS v, $2::text AS s', [i, `s${i}`])
            : db.query<{ v: number; pad: string }>("SELECT $1::int AS v, repeat('x', $1::int) AS pad", [i]),
      ),
    );
    results.forEach((r, i) => {
      if (i % 7 === 3) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: '22012' });
      } else {
        expect(r.status).toBe('fulfilled');
        const [row] = (r as PromiseFulfilledResult<Array<Record<string, unknown>>>).value;
        expect(row!.v).toBe(i);
        if (i % 2) expect(row!.s).toBe(`s${i}`);
        else expect((row!.pad as string).length).toBe(i);
      }
    });
  });

  it('transactions run beside them, isolated: uncommitted rows are invisible, rolled back ones never appear', async () => {
    await db.exec('CREATE TABLE pipe_t (id int PRIMARY KEY)');
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = db.transaction(async (t) => {
      await t.query('INSERT INTO pipe_t VALUES (1)');
      await held;
    });
    const failing = db
      .transaction(async (t) => {
        await t.query('INSERT INTO pipe_t VALUES (2)');
        throw new Error('rollback');
      })
      .catch((e: Error) => e.message);
    expect(await failing).toBe('rollback');
    const seen = await Promise.all(Array.from({ length: 20 }, () => db.query('SELECT count(*)::int AS n FROM pipe_t')));
    expect(seen.every(([r]) => r!.n === 0)).toBe(true);
    release();
    await tx;
    expect((await db.query('SELECT array_agg(id ORDER BY id) AS ids FROM pipe_t'))[0]!.ids).toEqual([1]);
  });

  it('writes the statements made in one event-loop turn to PostgreSQL in one socket write, not one write each', async () => {
    const one = await openPostgres(url, { pipelines: 1 });
    try {
      await one.query('SELECT $1::int AS v', [0]); // connected, statement prepared
      const port = Number(new URL(url).port || 5432);
      const writes: number[] = [];
      const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (this: Socket, ...args: unknown[]) => unknown>;
      const original = { _write: proto._write, _writev: proto._writev };
      for (const k of ['_write', '_writev'] as const) {
        proto[k] = function (this: Socket, ...args: unknown[]) {
          if (this.remotePort === port) writes.push(k === '_writev' ? (args[0] as unknown[]).length : 1);
          return original[k].apply(this, args);
        };
      }
      let rows: Array<Array<{ v: number }>>;
      try {
        rows = await Promise.all(Array.from({ length: 20 }, (_, i) => one.query<{ v: number }>('SELECT $1::int AS v', [i])));
      } finally {
        Object.assign(proto, original);
      }
      expect(rows.map(([r]) => r!.v)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(writes).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  // Regression: loaded through tsx (the approval e2e, `pnpm dev`), i.e. with standard class fields,
  // every tenant statement was parsed with no text, so its prepared statement took 0 parameters and
  // each read of a portal page answered 500 ("bind message supplies 2 parameters, but prepared
  // statement … requires 0", then "prepared statement … already exists").
  it('runs tenant statements (db.forOrg) with their own text and values, prepared, again and again on the same connections', async () => {
    class Base {
      constructor() {
        (this as { v?: number }).v = 1;
      }
    }
    class Field extends Base {
      v?: number;
    }
    // This suite compiles the server with standard class fields, as tsx and Node's type stripping do.
    expect(new Field().v).toBeUndefined();
    await db.query("INSERT INTO organizations (id, external_id, name) VALUES ('org_pipe_a', 'pipe-a', 'A'), ('org_pipe_b', 'pipe-b', 'B')");
    for (const pipelines of [1, 0]) {
      const one = await openPostgres(url, { pipelines, max: 1 });
      try {
        for (let round = 0; round < 3; round++) {
          const rows = await Promise.all(
            ['org_pipe_a', 'org_pipe_b', 'org_pipe_a'].map((org, i) =>
              one.forOrg(org).query<{ id: string; n: number }>('SELECT id, $1::int AS n FROM organizations WHERE id <> $2', [i, 'none']),
            ),
          );
          expect(rows).toEqual([[{ id: 'org_pipe_a', n: 0 }], [{ id: 'org_pipe_b', n: 1 }], [{ id: 'org_pipe_a', n: 2 }]]);
        }
      } finally {
        await one.close();
      }
    }
  });
});
