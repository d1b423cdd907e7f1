export { createApp, type CreateAppOptions, type PorticoApp } from './app.js';
export { loadConfig, type Config } from './config.js';
export type { Db, Queryable } from './db/db.js';
export { migrate } from './db/migrate.js';
export { openPglite } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { openDb, startServer, type RunningServer, type StartServerOptions } from './server.js';
export { seed } from './seed.js';
export { mintPortalToken } from './token.js';
