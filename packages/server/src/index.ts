export { type CreateAppOptions, createApp, type PorticoApp } from './app.js';
export { databaseBilling } from './billing/database.js';
export type {
  BillingCapabilities,
  BillingCtx,
  BillingProvider,
  InvoiceProvider,
  PaymentMethodProvider,
  SessionProvider,
  SubscriptionProvider,
  UsageProvider,
} from './billing/provider.js';
export { type Config, loadConfig } from './config.js';
export type { Db, Queryable } from './db/db.js';
export { migrate } from './db/migrate.js';
export { openPglite } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { type RetentionOptions, type RetentionResult, runRetention } from './retention.js';
export { seed } from './seed.js';
export { openDb, type RunningServer, type StartServerOptions, startServer } from './server.js';
export {
  type ByteRange,
  type ByteSource,
  ChecksumMismatchError,
  createDiskStorage,
  createPgStorage,
  createS3Storage,
  createStorage,
  type PresignOptions,
  type PutOptions,
  type PutResult,
  RangeNotSatisfiableError,
  type Storage,
  StorageError,
  type StoredObject,
  TooLargeError,
} from './storage/index.js';
export { databaseKnowledgeBase, databaseSupport } from './support/database.js';
export type {
  ArticleProvider,
  AttachmentProvider,
  KnowledgeBaseCapabilities,
  KnowledgeBaseProvider,
  SupportCapabilities,
  SupportCtx,
  SupportProvider,
  TicketProvider,
} from './support/provider.js';
export { mintPortalToken } from './token.js';
export { ZendeskClient, type ZendeskProviderOptions, zendeskKnowledgeBase, zendeskProviders, zendeskSupport } from './zendesk/index.js';
