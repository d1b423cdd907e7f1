// Statements outside transactions share a few pipelined connections (db/postgres.ts): under
// concurrency every statement must still get its own answer, an error must fail only its own
// statement, and transactions (on the pool) must not see or disturb the pipelined statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.js';
import { openPostgres } from '../src/db/postgres.js';
import { freshDb, isPostgres } from './helpers.js';

describe.runIf(isPostgres)('pipelined statements (PostgreSQL)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDb();
    drop = fresh.drop;
    await fresh.db.close();
    db = await openPostgres(fresh.url!, { pipelines: 2 });
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
});
