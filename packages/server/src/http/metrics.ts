/**
 * Prometheus metrics (prom-client), served at `/metrics` behind the staff key (http/system.ts):
 * request counts and latency by route and status, the PostgreSQL pool, open event streams and how
 * long events take from commit to a stream. One registry per app (tests run several in a process).
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/db.js';
import type { EventBus } from '../event-feed.js';

export interface Metrics {
  registry: Registry;
  middleware: MiddlewareHandler;
}

export function createMetrics(db: Db, bus: EventBus): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'portico_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'portico_http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'portico_http_request_duration_seconds',
    help: 'Time to the response headers by route and status (an event stream counts until it starts).',
    labelNames,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = (name: string, help: string, pick: (s: NonNullable<ReturnType<NonNullable<Db['poolStats']>>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const s = db.poolStats?.();
        if (s) this.set(pick(s));
      },
    });
  pool('portico_db_pool_connections', 'Connections of the PostgreSQL transaction pool (open).', (s) => s.total);
  pool('portico_db_pool_idle', 'Idle connections of the PostgreSQL transaction pool.', (s) => s.idle);
  pool('portico_db_pool_waiting', 'Requests waiting for a pool connection.', (s) => s.waiting);
  pool('portico_db_pool_max', 'Size limit of the pool (PORTICO_DB_POOL_SIZE).', (s) => s.max);
  pool('portico_db_pipeline_connections', 'Pipelined connections open (PORTICO_DB_PIPELINES).', (s) => s.pipelines);
  new Gauge({
    name: 'portico_event_streams_open',
    help: 'Open /events streams in this process.',
    registers: [registry],
    collect() {
      this.set(bus.stats().streams);
    },
  });
  new Gauge({
    name: 'portico_event_feeds',
    help: 'Organizations with open streams here (one read per change each).',
    registers: [registry],
    collect() {
      this.set(bus.stats().organizations);
    },
  });
  const lag = new Histogram({
    name: 'portico_event_delivery_lag_seconds',
    help: 'From an event’s transaction start to its hand-over to a stream of this process.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
    registers: [registry],
  });
  bus.onDelivered = (s) => lag.observe(s);

  const middleware: MiddlewareHandler = async (c, next) => {
    const t0 = performance.now();
    try {
      await next();
    } finally {
      // The matched route's pattern (never the raw path: ids would make a series each).
      const route = routePath(c, -1);
      const labels = {
        method: c.req.method,
        route: route && route !== '*' && route !== '/*' ? route : 'unmatched',
        status: String(c.res.status),
      };
      requests.inc(labels);
      duration.observe(labels, (performance.now() - t0) / 1000);
    }
  };
  return { registry, middleware };
}
