import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrincipalResolver, createTokenVerifier, type TokenClaims } from '../src/auth.js';
import { loadConfig } from '../src/config.js';
import type { Db } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { parseTimestamptz } from '../src/db/pgdate.js';
import { mintPortalToken } from '../src/token.js';
import { freshDb, SECRET } from './helpers.js';

describe('parseTimestamptz', () => {
  it('gives exactly what pg-types gives', () => {
    const reference = pg.types.getTypeParser(1184, 'text') as (s: string) => unknown;
    const samples = ['infinity', '-infinity', '0044-03-15 00:00:00+00 BC', '12345-01-01 00:00:00+00', '0050-01-01 00:00:00+00'];
    for (let k = 0; k < 2000; k++) {
      const iso = new Date(Math.floor(Math.random() * 4e12) - 1e12).toISOString();
      const frac = ['', `.${iso.slice(20, 23)}`, '.12', '.123456'][k % 4];
      const off = ['+00', '-08', '+05:30', '-03:30'][Math.floor(k / 4) % 4];
      samples.push(`${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac}${off}`);
    }
    const norm = (v: unknown) => (v instanceof Date ? `d${v.getTime()}` : String(v));
    for (const s of samples) expect(norm(parseTimestamptz(s)), s).toBe(norm(reference(s)));
  });
});

describe('principal resolver', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let writes = 0;
  beforeAll(async () => {
    const fresh = await freshDb(undefined, { migrated: true });
    drop = fresh.drop;
    await migrate(fresh.db);
    // Count transactions: the resolver only writes inside one.
    db = {
      ...fresh.db,
      transaction: (fn) => {
        writes++;
        return fresh.db.transaction(fn);
      },
    };
  });
  afterAll(() => drop?.());

  const claims = (extra: Partial<TokenClaims> = {}): TokenClaims => ({
    sub: 'zoe',
    org: 'initech',
    roles: ['member', 'admin'],
    features: [],
    name: 'Zoe',
    ...extra,
  });

  it('creates on first sight, then reads without writing (also in another process)', async () => {
    const a = createPrincipalResolver(db);
    const first = await a.resolve(claims());
    expect(writes).toBe(1);
    await Promise.all([a.resolve(claims()), a.resolve(claims())]);
    const b = createPrincipalResolver(db); // a second process
    const again = await Promise.all([b.resolve(claims()), b.resolve(claims())]);
    expect(writes).toBe(1);
    expect(again[0]).toEqual(first);
  });

  it('writes when a claim changed and picks up changes made elsewhere after the TTL', async () => {
    const r = createPrincipalResolver(db, { ttlMs: 0 });
    const before = writes;
    const p = await r.resolve(claims({ name: 'Zoe Z', roles: ['member'] }));
    expect(writes).toBe(before + 1);
    expect(p.name).toBe('Zoe Z');
    const [row] = await db.query('SELECT name, roles FROM contacts WHERE id = $1', [p.contactId]);
    expect(row).toMatchObject({ name: 'Zoe Z', roles: ['member'] });
    await db.query("UPDATE contacts SET name = 'Renamed' WHERE id = $1", [p.contactId]);
    expect((await r.resolve(claims({ name: undefined, roles: ['member'] }))).name).toBe('Renamed');
    expect(writes).toBe(before + 1);
  });
});

describe('token verifier cache', () => {
  it('verifies a token once, never trusts a different string, honours exp', async () => {
    const verify = createTokenVerifier(loadConfig({}, { jwtSecret: SECRET }));
    const token = await mintPortalToken({ secret: SECRET, sub: 'u', org: 'o', roles: ['admin'], ttl: 60 });
    const c1 = await verify(token);
    expect(await verify(token)).toBe(c1);
    expect(Object.isFrozen(c1.roles)).toBe(true);
    const [h, p, s] = token.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(forged)).rejects.toMatchObject({ status: 401 });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 120_000); // past exp + 30 s tolerance: the cached entry is gone too
      await expect(verify(token)).rejects.toMatchObject({ status: 401, code: 'token_expired' });
    } finally {
      vi.useRealTimers();
    }
    const uncached = createTokenVerifier(loadConfig({}, { jwtSecret: SECRET }), { cacheSize: 0 });
    expect((await uncached(token)).sub).toBe('u');
  });
});
