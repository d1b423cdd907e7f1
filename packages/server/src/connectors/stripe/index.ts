/** The Stripe connector (docs/connectors.md): billing from Stripe when PORTICO_BILLING_PROVIDER=stripe. */
import type { ConnectorsConfig } from '../config.js';
import type { ConnectorFactory } from '../index.js';
import { stripeClient } from './client.js';
import { stripeBilling } from './provider.js';
import { stripeWebhook } from './webhook.js';

export function stripeConnector(config: ConnectorsConfig): ConnectorFactory | undefined {
  const settings = config.stripe;
  if (config.billing !== 'stripe' || !settings) return undefined;
  return (shared) => {
    const stripe = stripeClient(settings);
    return { billing: stripeBilling(stripe, shared), webhook: stripeWebhook(stripe, settings.webhookSecret, shared) };
  };
}
