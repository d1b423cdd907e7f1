/**
 * Calling an external system within its rate limits (docs/connectors.md, "Rate limits"): a 429
 * (or 503) waits for its `Retry-After` — or an exponential backoff when it gives none — and tries
 * again, a bounded number of times, never a single wait longer than `maxWaitMs`. When the tries
 * run out, or the system asks for a longer wait, the portal gets the contract's `unavailable`
 * problem (503) with `Retry-After`: its components show the error state with a retry, never a blank.
 */
import { HttpError } from '../errors.js';

export interface BackoffOptions {
  /** Tries after the first (default 3). */
  retries?: number;
  /** Longest single wait the server does itself, ms (default 5000). */
  maxWaitMs?: number;
  /** First backoff when the system gives no Retry-After, ms (default 250; doubles per try). */
  baseMs?: number;
  /** Name in the portal's problem detail ("Stripe"). */
  service: string;
  sleep?: (ms: number) => Promise<void>;
}

/** What a failed call means: try again (after `afterMs` when the system said), or give up. */
export interface RetryVerdict {
  retry: boolean;
  afterMs?: number;
  /** The failure is the system's rate limit (the problem says so). */
  rateLimited?: boolean;
}

/** `Retry-After` as ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The portal's answer when the system is still limiting or failing: 503 `unavailable` with Retry-After. */
export function upstreamUnavailable(service: string, afterMs: number | undefined, rateLimited: boolean): HttpError {
  const s = Math.max(1, Math.ceil((afterMs ?? 1000) / 1000));
  return new HttpError(
    503,
    'unavailable',
    'Service unavailable',
    rateLimited ? `${service} is limiting requests; try again in ${s} s.` : `${service} could not be reached; try again in ${s} s.`,
    undefined,
    { 'Retry-After': String(s) },
  );
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `call` until it succeeds, `classify` says not to retry (its error is thrown as it is), or
 * the tries run out (then `upstreamUnavailable`).
 */
export async function withBackoff<T>(
  call: (attempt: number) => Promise<T>,
  classify: (err: unknown) => RetryVerdict,
  opts: BackoffOptions,
): Promise<T> {
  const retries = opts.retries ?? 3;
  const maxWait = opts.maxWaitMs ?? 5000;
  const base = opts.baseMs ?? 250;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(attempt);
    } catch (err) {
      const v = classify(err);
      if (!v.retry) throw err;
      const wait = v.afterMs ?? Math.min(maxWait, base * 2 ** attempt * (0.5 + Math.random() / 2));
      if (attempt >= retries || wait > maxWait) throw upstreamUnavailable(opts.service, wait, v.rateLimited === true);
      await sleep(wait);
    }
  }
}

/** A fetch response that should be tried again: 429 and 503 (with their Retry-After), 502, 504. */
export class RetryableResponse extends Error {
  constructor(
    readonly response: Response,
    readonly afterMs: number | undefined,
  ) {
    super(`HTTP ${response.status}`);
  }
}

/**
 * `fetch` through `withBackoff`: for connectors that speak HTTP themselves (Zendesk). Resolves with
 * any other response (the caller reads its status); network errors are retried too.
 */
export async function fetchWithBackoff(
  url: string | URL,
  init: RequestInit,
  opts: BackoffOptions & { fetch?: typeof fetch },
): Promise<Response> {
  const f = opts.fetch ?? fetch;
  return withBackoff(
    async () => {
      const res = await f(url, init);
      if (res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504) {
        const afterMs = parseRetryAfter(res.headers.get('retry-after'));
        await res.body?.cancel().catch(() => {});
        throw new RetryableResponse(res, afterMs);
      }
      return res;
    },
    (err) => {
      if (err instanceof RetryableResponse) return { retry: true, afterMs: err.afterMs, rateLimited: err.response.status === 429 };
      if (err instanceof HttpError) return { retry: false };
      // A network failure (fetch's TypeError), but never a caller's abort.
      if (err instanceof Error && err.name === 'AbortError') return { retry: false };
      return { retry: err instanceof TypeError };
    },
    opts,
  );
}
