import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.js';

/** PGlite-backed Db. `dataDir` undefined or 'memory://' keeps everything in memory. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = new PGlite(dataDir && dataDir !== 'memory://' ? dataDir : undefined);
  await pg.waitReady;
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Queryable => ({
    async exec(sql: string) {
      await q.exec(sql);
    },
    async query<T extends Row>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return r.rows;
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onMessage) {
      const unsub = await pg.listen(channel, onMessage);
      return async () => {
        await unsub();
      };
    },
    close: () => pg.close(),
  };
}
