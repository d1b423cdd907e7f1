/**
 * The connectors of a server (docs/connectors.md): what every connector shares — the per-
 * organization response cache, rate-limit backoff settings, webhook handlers by system — and the
 * providers the configuration names (`PORTICO_BILLING_PROVIDER=stripe`, …). `createApp` makes one
 * per server; handlers reach it as `svc.connectors`.
 *
 * A connector module exports `(config) => factory | undefined` and is listed in `CONNECTORS` below;
 * its factory gets the shared parts and returns its providers and webhook handler.
 */
import type { BillingProvider } from '../billing/provider.js';
import type { Db } from '../db/db.js';
import type { KnowledgeBaseProvider, SupportProvider } from '../support/provider.js';
import { zendeskConnector } from '../zendesk/connector.js';
import type { ExternalSystem } from './accounts.js';
import type { BackoffOptions } from './backoff.js';
import { ConnectorCache } from './cache.js';
import type { ConnectorsConfig } from './config.js';
import { stripeConnector } from './stripe/index.js';
import type { WebhookHandler } from './webhooks.js';

export interface ConnectorShared {
  readonly config: ConnectorsConfig;
  readonly cache: ConnectorCache;
  /** `withBackoff` / `fetchWithBackoff` options from the configuration, named for the portal's messages. */
  backoff(service: string): BackoffOptions;
}

export interface Connectors extends ConnectorShared {
  /** The billing provider the configuration names; undefined: the database provider. */
  readonly billing?: BillingProvider;
  /** The support and knowledge-base providers the configuration names; undefined: the database ones. */
  readonly support?: SupportProvider;
  readonly knowledgeBase?: KnowledgeBaseProvider;
  /** Webhook handlers by system, mounted at `POST /connectors/v1/webhooks/{system}`. */
  readonly webhooks: Partial<Record<ExternalSystem, WebhookHandler>>;
  /** Listens for other processes' cache invalidations (createApp's start). */
  start(db: Db): Promise<void>;
  close(): Promise<void>;
}

/** What a connector module gives back. */
export interface ConnectorParts {
  billing?: BillingProvider;
  support?: SupportProvider;
  knowledgeBase?: KnowledgeBaseProvider;
  webhook?: WebhookHandler;
}

export type ConnectorFactory = (shared: ConnectorShared) => ConnectorParts;

/**
 * Every connector: its system and a function that returns its factory when the configuration
 * enables it (one line per connector module).
 */
const CONNECTORS: Array<[ExternalSystem, (config: ConnectorsConfig) => ConnectorFactory | undefined]> = [
  ['stripe', stripeConnector],
  ['zendesk', zendeskConnector],
];

export function createConnectors(config: ConnectorsConfig): Connectors {
  const cache = new ConnectorCache(config.cacheTtlMs);
  const shared: ConnectorShared = {
    config,
    cache,
    backoff: (service) => ({ service, retries: config.retries, maxWaitMs: config.maxWaitMs }),
  };
  const webhooks: Partial<Record<ExternalSystem, WebhookHandler>> = {};
  let billing: BillingProvider | undefined;
  let support: SupportProvider | undefined;
  let knowledgeBase: KnowledgeBaseProvider | undefined;
  for (const [system, pick] of CONNECTORS) {
    const factory = pick(config);
    if (!factory) continue;
    const parts = factory(shared);
    if (parts.billing) billing = parts.billing;
    if (parts.support) support = parts.support;
    if (parts.knowledgeBase) knowledgeBase = parts.knowledgeBase;
    if (parts.webhook) webhooks[system] = parts.webhook;
  }
  let stop: (() => Promise<void>) | undefined;
  return {
    ...shared,
    billing,
    support,
    knowledgeBase,
    webhooks,
    async start(db) {
      stop = await cache.attach(db);
    },
    async close() {
      await stop?.();
      stop = undefined;
    },
  };
}
