#!/usr/bin/env node
/**
 * `portico-server [start] [--seed]` — serve; `portico-server seed` — load the demo data and exit.
 */
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { createLogger } from './log.js';
import { seed } from './seed.js';
import { openDb, startServer } from './server.js';

const args = process.argv.slice(2);
const config = loadConfig();
const log = createLogger(config.logLevel);

async function main() {
  if (args[0] === 'seed') {
    const db = await openDb(config);
    await migrate(db);
    const t0 = Date.now();
    const summary = await seed(db, config);
    log.info('seeded', { ...summary, ms: Date.now() - t0 });
    await db.close();
    return;
  }
  const running = await startServer();
  if (args.includes('--seed')) {
    const t0 = Date.now();
    const summary = await seed(running.db, config, running.portico.services.storage);
    log.info('seeded', { ...summary, ms: Date.now() - t0 });
  }
  log.info('listening', {
    url: `http://localhost:${running.port}`,
    database: running.db.kind,
    migrations_applied: running.migrated.length,
    data_dir: config.databaseUrl ? undefined : config.dataDir,
    files_dir: config.filesDir,
    staff_api: Boolean(config.staffKey),
  });
  if (!config.jwtSecret && !config.jwksUrl)
    log.warn('neither PORTICO_JWT_SECRET nor PORTICO_JWKS_URL is set: every portal request will be refused');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('stopping now', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('stopping', { signal, deadline_s: config.shutdownTimeoutMs / 1000 });
    // Whatever happens, the process is gone a little after the deadline.
    setTimeout(() => process.exit(1), config.shutdownTimeoutMs + 5000).unref();
    await running.close();
    log.info('stopped', { signal });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  log.error('fatal', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
