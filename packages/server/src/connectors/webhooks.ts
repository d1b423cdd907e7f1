/**
 * Webhook intake shared by the connectors: `POST /connectors/v1/webhooks/{system}` hands the RAW
 * body (signatures are over the exact bytes) and headers to the system's handler, and
 * `firstDelivery` records an event id once per system (migrations/090_connectors.sql), so a
 * redelivered event does nothing twice.
 */
import type { Hono } from 'hono';
import type { Services } from '../context.js';
import type { Db, Queryable } from '../db/db.js';
import type { ExternalSystem } from './accounts.js';

export interface WebhookRequest {
  /** The body exactly as received. */
  raw: Buffer;
  headers: Headers;
}

export interface WebhookDeps {
  db: Db;
  svc: Services;
}

/** Answers the system (2xx: handled or ignored; 400: bad signature; 5xx: the system retries later). */
export type WebhookHandler = (req: WebhookRequest, deps: WebhookDeps) => Promise<Response>;

/** Largest webhook body read (Stripe's events stay far below). */
const MAX_BODY = 1024 * 1024;

/**
 * True the first time `eventId` of `system` is seen; false for a redelivery. Call it in the
 * transaction that applies the event, so an event whose handling failed is not marked seen.
 */
export async function firstDelivery(q: Pick<Queryable, 'query'>, system: ExternalSystem, eventId: string): Promise<boolean> {
  const rows = await q.query(
    'INSERT INTO connector_webhook_events (system, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [system, eventId],
  );
  return rows.length > 0;
}

/** How long a handled event id is remembered (Stripe retries a delivery for up to 3 days). */
export const WEBHOOK_EVENT_RETENTION_DAYS = 30;

/** Forgets event ids older than WEBHOOK_EVENT_RETENTION_DAYS, in short batches (the retention job). */
export async function pruneWebhookEvents(db: Pick<Queryable, 'query'>, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.query(
      `DELETE FROM connector_webhook_events WHERE (system, event_id) IN (
         SELECT system, event_id FROM connector_webhook_events
         WHERE received_at < now() - $1::double precision * interval '1 day' LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING 1`,
      [WEBHOOK_EVENT_RETENTION_DAYS, batch],
    );
    total += rows.length;
    if (rows.length < batch) return total;
  }
}

/** Mounts the handlers of the configured connectors; a system with none answers 404. */
export function registerWebhookRoutes(app: Hono, deps: WebhookDeps, handlers: Partial<Record<ExternalSystem, WebhookHandler>>): void {
  app.post('/connectors/v1/webhooks/:system', async (c) => {
    const handler = handlers[c.req.param('system') as ExternalSystem];
    if (!handler) return c.json({ error: 'no such webhook' }, 404);
    const len = Number(c.req.header('content-length') ?? 0);
    if (len > MAX_BODY) return c.json({ error: 'body too large' }, 413);
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (raw.length > MAX_BODY) return c.json({ error: 'body too large' }, 413);
    return handler({ raw, headers: c.req.raw.headers }, deps);
  });
}
