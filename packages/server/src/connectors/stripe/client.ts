/**
 * The official `stripe` client as the connector uses it: a pinned API version, Stripe's own
 * retries off (429s are ours to honour: `withBackoff` waits for Retry-After), and STRIPE_API_BASE
 * turned into the client's host/port/protocol options (a fake in tests, a proxy in production).
 */
import Stripe from 'stripe';
import { HttpError, notFound } from '../../errors.js';
import { type BackoffOptions, parseRetryAfter, type RetryVerdict, upstreamUnavailable, withBackoff } from '../backoff.js';
import type { StripeSettings } from '../config.js';

/** The API version this connector's mapping was written against (the `stripe` package's own). */
export const STRIPE_API_VERSION = '2026-11-18.endive' as const;

export function stripeClient(settings: StripeSettings): Stripe {
  const base = settings.apiBase ? new URL(settings.apiBase) : undefined;
  return new Stripe(settings.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: 0,
    timeout: 15_000,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
    appInfo: { name: 'Portico' },
  });
}

type StripeErr = { type?: string; statusCode?: number; code?: string; headers?: Record<string, string> };

function classify(err: unknown): RetryVerdict {
  const e = err as StripeErr;
  if (e?.statusCode === 429 || e?.type === 'StripeRateLimitError')
    return { retry: true, afterMs: parseRetryAfter(e.headers?.['retry-after']), rateLimited: true };
  if (e?.type === 'StripeConnectionError' || (e?.statusCode ?? 0) >= 500)
    return { retry: true, afterMs: parseRetryAfter(e.headers?.['retry-after']) };
  return { retry: false };
}

/**
 * Runs a Stripe call within the rate limits; Stripe's own errors become the portal's: a missing
 * object 404, a refused key 503 (the server's configuration, not the user's doing).
 */
export async function call<T>(opts: BackoffOptions, fn: () => Promise<T>): Promise<T> {
  try {
    return await withBackoff(fn, classify, opts);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const e = err as StripeErr;
    if (e?.statusCode === 404 || e?.code === 'resource_missing') throw notFound('billing record');
    if (e?.type === 'StripeAuthenticationError' || e?.type === 'StripePermissionError' || e?.statusCode === 401 || e?.statusCode === 403)
      throw upstreamUnavailable('Stripe (refused the server’s key)', 60_000, false);
    throw err;
  }
}
