import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { API_PREFIX } from '@portico/contract';
import type { Hono } from 'hono';
import { type Db, isUnavailable } from '../db/db.js';

function loadOpenApi(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@portico/contract/openapi.json'), 'utf8');
}

/** The endpoints outside the contract's tables: `/healthz` and the OpenAPI document. */
export function registerSystemRoutes(app: Hono, db: Db): void {
  const openapi = loadOpenApi();
  app.get('/healthz', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ status: 'ok', database: db.kind });
    } catch (err) {
      if (isUnavailable(err)) {
        return c.json({ status: 'unavailable', database: db.kind }, 503, { 'Retry-After': '5' });
      }
      throw err;
    }
  });
  app.get(`${API_PREFIX}/openapi.json`, (c) =>
    c.body(openapi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' }),
  );
}
