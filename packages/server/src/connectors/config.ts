/**
 * Which system serves each resource group, and how to reach it (docs/connectors.md). Read from the
 * environment by `loadConfig` (config.ts) into `Config.connectors`; every setting is checked at
 * start, so a half-configured connector fails the start instead of the first portal request.
 */

export type BillingSource = 'database' | 'stripe';
export type SupportSource = 'database' | 'zendesk';

export interface StripeSettings {
  /** STRIPE_SECRET_KEY: a secret or restricted key (`sk_…` / `rk_…`). */
  secretKey: string;
  /** STRIPE_WEBHOOK_SECRET: the endpoint's signing secret (`whsec_…`); unset: the webhook endpoint answers 404. */
  webhookSecret?: string;
  /**
   * STRIPE_API_BASE: another API origin (`http://127.0.0.1:12111`), for a fake or a proxy. Default:
   * Stripe's own.
   */
  apiBase?: string;
}

export interface ZendeskSettings {
  /** ZENDESK_SUBDOMAIN (`acme` for acme.zendesk.com). */
  subdomain?: string;
  /** ZENDESK_EMAIL and ZENDESK_API_TOKEN: the API token's agent. */
  email?: string;
  apiToken?: string;
  /** ZENDESK_API_BASE: another origin (a fake); default `https://<subdomain>.zendesk.com`. */
  apiBase?: string;
  /** ZENDESK_LOCALES: Help Center locales served, comma-separated (`en-us,de`); the first is the default. */
  locales?: string[];
  /** ZENDESK_WEBHOOK_SECRET: the webhook's signing secret. */
  webhookSecret?: string;
}

export interface ConnectorsConfig {
  /** PORTICO_BILLING_PROVIDER: invoices, invoice detail, payment methods, subscription, usage. */
  billing: BillingSource;
  /** PORTICO_SUPPORT_PROVIDER: tickets, messages, attachments. */
  support: SupportSource;
  /** PORTICO_KB_PROVIDER: articles, search, votes. */
  knowledgeBase: SupportSource;
  stripe?: StripeSettings;
  zendesk?: ZendeskSettings;
  /** PORTICO_CONNECTOR_CACHE_TTL_SECONDS: how long a connector's answer is reused (default 60; 0: never). */
  cacheTtlMs: number;
  /** PORTICO_CONNECTOR_RETRIES: tries after a 429 / 5xx before the portal is told to retry (default 3). */
  retries: number;
  /** PORTICO_CONNECTOR_MAX_WAIT_SECONDS: longest single wait the server does itself (default 5); longer Retry-After goes to the portal. */
  maxWaitMs: number;
}

type Env = Record<string, string | undefined>;

const oneOf = <T extends string>(name: string, v: string | undefined, allowed: readonly T[], fallback: T): T => {
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new Error(`${name} must be ${allowed.join(' or ')} (got "${v}").`);
  return v as T;
};

const seconds = (name: string, v: string | undefined, fallback: number, max: number): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > max) throw new Error(`${name} must be a number from 0 to ${max} (got "${v}").`);
  return n;
};

const origin = (name: string, v: string | undefined): string | undefined => {
  if (!v) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name} must be an http(s) URL (got "${v}").`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL (got "${v}").`);
  return u.origin;
};

export function connectorsConfig(env: Env): ConnectorsConfig {
  const billing = oneOf('PORTICO_BILLING_PROVIDER', env.PORTICO_BILLING_PROVIDER, ['database', 'stripe'] as const, 'database');
  const support = oneOf('PORTICO_SUPPORT_PROVIDER', env.PORTICO_SUPPORT_PROVIDER, ['database', 'zendesk'] as const, 'database');
  const knowledgeBase = oneOf('PORTICO_KB_PROVIDER', env.PORTICO_KB_PROVIDER, ['database', 'zendesk'] as const, 'database');
  let stripe: StripeSettings | undefined;
  if (env.STRIPE_SECRET_KEY) {
    stripe = {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
      apiBase: origin('STRIPE_API_BASE', env.STRIPE_API_BASE),
    };
  } else if (billing === 'stripe') throw new Error('PORTICO_BILLING_PROVIDER=stripe needs STRIPE_SECRET_KEY.');
  const zendesk: ZendeskSettings | undefined =
    env.ZENDESK_SUBDOMAIN || env.ZENDESK_API_BASE
      ? {
          subdomain: env.ZENDESK_SUBDOMAIN || undefined,
          email: env.ZENDESK_EMAIL || undefined,
          apiToken: env.ZENDESK_API_TOKEN || undefined,
          apiBase: origin('ZENDESK_API_BASE', env.ZENDESK_API_BASE),
          webhookSecret: env.ZENDESK_WEBHOOK_SECRET || undefined,
          locales: env.ZENDESK_LOCALES?.split(',')
            .map((l) => l.trim().toLowerCase())
            .filter(Boolean),
        }
      : undefined;
  if ((support === 'zendesk' || knowledgeBase === 'zendesk') && !zendesk)
    throw new Error('PORTICO_SUPPORT_PROVIDER / PORTICO_KB_PROVIDER=zendesk needs ZENDESK_SUBDOMAIN (or ZENDESK_API_BASE).');
  return {
    billing,
    support,
    knowledgeBase,
    stripe,
    zendesk,
    cacheTtlMs: seconds('PORTICO_CONNECTOR_CACHE_TTL_SECONDS', env.PORTICO_CONNECTOR_CACHE_TTL_SECONDS, 60, 86400) * 1000,
    retries: Math.round(seconds('PORTICO_CONNECTOR_RETRIES', env.PORTICO_CONNECTOR_RETRIES, 3, 10)),
    maxWaitMs: seconds('PORTICO_CONNECTOR_MAX_WAIT_SECONDS', env.PORTICO_CONNECTOR_MAX_WAIT_SECONDS, 5, 60) * 1000,
  };
}
