import { Hono } from 'hono';
import { createPrincipalResolver, createTokenVerifier } from './auth.js';
import type { BillingProvider } from './billing/provider.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import type { Db } from './db/db.js';
import { EventBus } from './event-feed.js';
import { registerEndpoints } from './http/endpoints.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { notFoundProblem, problemHandler } from './http/problems.js';
import { registerPublicAssets } from './http/public-assets.js';
import { requestContext } from './http/request-context.js';
import { registerSystemRoutes } from './http/system.js';
import { createLogger } from './log.js';
import { type RetentionJob, startRetention } from './retention.js';
import { fileForLink } from './routes/files.js';
import { Shutdown } from './shutdown.js';
import { createStorage, type Storage } from './storage/index.js';
import { createFileSigner } from './storage.js';

export interface CreateAppOptions {
  db: Db;
  config: Config;
  /** Use this store (not closed by close()); otherwise the configured one (`createStorage`). */
  storage?: Storage;
  /** The billing provider (e.g. a payment service's connector); default: the database provider (src/billing/database.ts). */
  billing?: BillingProvider;
}

export interface PorticoApp {
  app: Hono;
  services: Services;
  metrics: Metrics;
  /** Starts the LISTEN that feeds /events and the retention job (done by startServer). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Hono app: the shared services, then the middleware and routes in the order a request meets
 * them — request context (request id, CORS, log line: http/request-context.ts), errors as problems
 * (http/problems.ts), system routes (http/system.ts), and the contract's endpoint tables
 * (http/endpoints.ts: authentication, input, the organization-bound handle, idempotent mutations).
 */
export function createApp({ db, config, storage, billing }: CreateAppOptions): PorticoApp {
  const log = createLogger(config.logLevel);
  const ownStorage = storage ? undefined : createStorage(config, db);
  const services: Services = {
    config,
    storage: storage ?? (ownStorage as Storage),
    signer: createFileSigner(config.fileUrlSecret, config.fileUrlTtlSeconds),
    bus: new EventBus(log, config.heartbeatMs),
    verify: createTokenVerifier(config),
    principals: createPrincipalResolver(db),
    log,
    shutdown: new Shutdown(),
    fileForLink: fileForLink(db),
    billing,
  };
  const metrics = createMetrics(db, services.bus);
  const app = new Hono();
  const { middleware, send } = requestContext(config, log);
  app.use('*', middleware);
  app.use('*', metrics.middleware);
  app.onError(problemHandler(log));
  app.notFound(notFoundProblem);
  registerSystemRoutes(app, { db, config, storage: services.storage, shutdown: services.shutdown, metrics });
  registerPublicAssets(app);
  registerEndpoints(app, { db, config, services, send });
  let retention: RetentionJob | undefined;
  return {
    app,
    services,
    metrics,
    async start() {
      await services.bus.start(db);
      retention = startRetention(
        db,
        services.storage,
        { intervalMs: config.retentionIntervalMs, eventRetentionHours: config.eventRetentionHours },
        log,
      );
    },
    async close() {
      await retention?.stop();
      await services.bus.close();
      await ownStorage?.close();
    },
  };
}
