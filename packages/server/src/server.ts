import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp, type PorticoApp } from './app.js';
import type { BillingProvider } from './billing/provider.js';
import { type Config, loadConfig } from './config.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { answerClientErrors, requestErrorResponse } from './http/transport.js';
import type { Storage } from './storage/index.js';
import type { KnowledgeBaseProvider, SupportProvider } from './support/provider.js';

/** Opens the configured database: PostgreSQL when databaseUrl is set, PGlite otherwise. */
export async function openDb(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<Pick<Config, 'databasePoolSize' | 'databasePipelines' | 'databasePrepare' | 'databaseListenUrl'>>,
): Promise<Db> {
  if (config.databaseUrl)
    return openPostgres(config.databaseUrl, {
      max: config.databasePoolSize,
      pipelines: config.databasePipelines,
      prepare: config.databasePrepare,
      listenUrl: config.databaseListenUrl,
    });
  if (config.dataDir !== 'memory://') await mkdir(config.dataDir, { recursive: true });
  return openPglite(config.dataDir);
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  portico: PorticoApp;
  /** The migrations this process applied at start (none when another process had). */
  migrated: string[];
  close(): Promise<void>;
}

export interface StartServerOptions {
  config?: Partial<Config>;
  /** Use this database (not closed by close()); otherwise one is opened from the config. */
  db?: Db;
  /** Run migrations first (default true). */
  migrate?: boolean;
  /** Use this file store (not closed by close()); otherwise the configured one. */
  storage?: Storage;
  /** The billing provider (src/billing/provider.ts); default: the database provider. */
  billing?: BillingProvider;
  /** The support and knowledge-base providers (src/support/provider.ts); default: the database ones. */
  support?: SupportProvider;
  knowledgeBase?: KnowledgeBaseProvider;
}

/** Opens the database, applies migrations, and serves the app on config.port (0: any free port). */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(process.env, opts.config);
  const db = opts.db ?? (await openDb(config));
  const migrated = opts.migrate !== false ? await migrate(db) : [];
  const portico = createApp({
    db,
    config,
    storage: opts.storage,
    billing: opts.billing,
    support: opts.support,
    knowledgeBase: opts.knowledgeBase,
  });
  await portico.start();
  const listener = getRequestListener(portico.app.fetch, { errorHandler: requestErrorResponse });
  const shutdown = portico.services.shutdown;
  let inflight = 0;
  const server = createServer((req, res) => {
    inflight++;
    res.once('close', () => {
      inflight--;
    });
    // Stopping: this answer is the connection's last (a keep-alive client reconnects elsewhere).
    if (shutdown.started) res.setHeader('Connection', 'close');
    void listener(req, res);
  });
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    portico,
    migrated,
    /**
     * Graceful: stop accepting connections, tell event streams to reconnect (elsewhere) and end
     * them, let in-flight requests finish — up to `config.shutdownTimeoutMs`, then cut what is left
     * — and close the event bus, storage and database.
     */
    close() {
      closing ??= (async () => {
        shutdown.begin();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        const deadline = Date.now() + config.shutdownTimeoutMs;
        while (inflight > 0 && Date.now() < deadline) {
          server.closeIdleConnections();
          await new Promise((r) => setTimeout(r, 20));
        }
        server.closeAllConnections();
        await closed;
        await portico.close();
        if (!opts.db) await db.close();
      })();
      return closing;
    },
  };
}
