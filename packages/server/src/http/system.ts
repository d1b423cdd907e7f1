import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { API_PREFIX } from '@portico/contract';
import type { Hono } from 'hono';
import type { Config } from '../config.js';
import type { Db } from '../db/db.js';
import { pendingMigrations } from '../db/migrate.js';
import type { Shutdown } from '../shutdown.js';
import type { Storage } from '../storage/index.js';
import { checkStaffKey } from './authenticate.js';
import type { Metrics } from './metrics.js';

function loadOpenApi(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@portico/contract/openapi.json'), 'utf8');
}

export interface SystemDeps {
  db: Db;
  config: Config;
  storage: Storage;
  shutdown: Shutdown;
  metrics: Metrics;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The endpoints outside the contract's tables: `/healthz` (the process answers), `/readyz` (it can
 * serve: database and file storage reachable, every migration applied, not stopping), `/metrics`
 * (Prometheus, staff key) and the OpenAPI document.
 */
export function registerSystemRoutes(app: Hono, { db, config, storage, shutdown, metrics }: SystemDeps): void {
  const openapi = loadOpenApi();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    const check = async (fn: () => Promise<string>) => {
      try {
        return await fn();
      } catch (err) {
        return `unavailable: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200);
      }
    };
    const [database, files] = await Promise.all([
      check(async () => {
        const pending = await pendingMigrations(db);
        return pending.length === 0 ? 'ok' : `migrations not applied: ${pending.join(', ')}`;
      }),
      // A lookup of a hash nothing has: answers false when the store is reachable.
      check(async () => {
        await storage.exists('0'.repeat(64));
        return 'ok';
      }),
    ]);
    const status = shutdown.started ? 'stopping' : database === 'ok' && files === 'ok' ? 'ready' : 'unavailable';
    const body = { status, database, storage: files, database_kind: db.kind, storage_kind: config.storage.kind };
    return status === 'ready' ? c.json(body, 200, NO_STORE) : c.json(body, 503, { ...NO_STORE, 'Retry-After': '5' });
  });
  app.get('/metrics', async (c) => {
    checkStaffKey(c, config);
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, ...NO_STORE });
  });
  app.get(`${API_PREFIX}/openapi.json`, (c) =>
    c.body(openapi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' }),
  );
}
