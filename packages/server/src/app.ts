import { Hono } from 'hono';
import { registerRedemption } from './access-links/redeem.js';
import { createPrincipalResolver, createTokenVerifier } from './auth.js';
import type { BillingProvider } from './billing/provider.js';
import type { Config } from './config.js';
import { connectorsConfig } from './connectors/config.js';
import { createConnectors } from './connectors/index.js';
import { registerWebhookRoutes } from './connectors/webhooks.js';
import type { Services } from './context.js';
import type { Db } from './db/db.js';
import { EventBus } from './event-feed.js';
import { registerEndpoints } from './http/endpoints.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { notFoundProblem, problemHandler } from './http/problems.js';
import { registerPublicAssets } from './http/public-assets.js';
import { requestContext } from './http/request-context.js';
import { registerResumable } from './http/resumable.js';
import { registerSystemRoutes } from './http/system.js';
import { createLogger } from './log.js';
import { type RetentionJob, startRetention } from './retention.js';
import { fileForLink } from './routes/files.js';
import { Shutdown } from './shutdown.js';
import { createStorage, type Storage } from './storage/index.js';
import { createFileSigner } from './storage.js';
import type { KnowledgeBaseProvider, SupportProvider } from './support/provider.js';

export interface CreateAppOptions {
  db: Db;
  config: Config;
  /** Use this store (not closed by close()); otherwise the configured one (`createStorage`). */
  storage?: Storage;
  /** The billing provider (e.g. a payment service's connector); default: the database provider (src/billing/database.ts). */
  billing?: BillingProvider;
  /** The support provider (tickets, attachments; e.g. a help desk's connector); default: the database provider (src/support/database.ts). */
  support?: SupportProvider;
  /** The knowledge-base provider (articles, search, votes); default: the database provider. */
  knowledgeBase?: KnowledgeBaseProvider;
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
export function createApp({ db, config, storage, billing, support, knowledgeBase }: CreateAppOptions): PorticoApp {
  const log = createLogger(config.logLevel);
  const ownStorage = storage ? undefined : createStorage(config, db);
  // A hand-made config without `connectors` (tests): every group from the database.
  const connectors = createConnectors(config.connectors ?? connectorsConfig({}));
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
    billing: billing ?? connectors.billing,
    support: support ?? connectors.support,
    knowledgeBase: knowledgeBase ?? connectors.knowledgeBase,
    connectors,
  };
  const metrics = createMetrics(db, services.bus);
  const app = new Hono();
  const { middleware, send } = requestContext(config, log);
  app.use('*', middleware);
  app.use('*', metrics.middleware);
  app.onError(problemHandler(log));
  app.notFound(notFoundProblem);
  registerSystemRoutes(app, { db, config, storage: services.storage, shutdown: services.shutdown, metrics });
  registerRedemption(app, { db, config, services, send });
  registerPublicAssets(app);
  registerEndpoints(app, { db, config, services, send });
  registerWebhookRoutes(app, { db, svc: services }, connectors.webhooks);
  const resumable = registerResumable(app, { db, config, services });
  let retention: RetentionJob | undefined;
  let resumableSweep: ReturnType<typeof setInterval> | undefined;
  return {
    app,
    services,
    metrics,
    async start() {
      await services.bus.start(db);
      await connectors.start(db);
      retention = startRetention(
        db,
        services.storage,
        { intervalMs: config.retentionIntervalMs, eventRetentionHours: config.eventRetentionHours },
        log,
      );
      // Partial resumable uploads past their 24 h expiry (http/resumable.ts), on the retention job's beat.
      if (config.retentionIntervalMs > 0) {
        resumableSweep = setInterval(() => {
          resumable.cleanUpExpiredUploads().catch((err: unknown) => log.warn('resumable upload sweep failed', { error: String(err) }));
        }, config.retentionIntervalMs);
        resumableSweep.unref();
      }
    },
    async close() {
      clearInterval(resumableSweep);
      await retention?.stop();
      await services.bus.close();
      await connectors.close();
      await ownStorage?.close();
    },
  };
}
