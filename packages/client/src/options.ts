import type { PorticoError } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** First backoff delay before jitter (default 300 ms); doubles per retry. */
  baseDelayMs?: number;
  /** Cap of a backoff delay (default 10 000 ms); also caps SSE reconnect delays. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (default 60 000 ms) is not waited for: the error is thrown. */
  maxRetryAfterMs?: number;
  /** How to wait; tests inject an instant one. Must reject with `signal.reason` when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Diagnostics handed to `onEvent`, e.g. for logging or tests. */
export type PorticoDiagnostic =
  | { type: 'request'; endpoint: string; method: string; url: string; attempt: number }
  | { type: 'response'; endpoint: string; status: number; attempt: number; ms: number }
  | { type: 'retry'; endpoint: string; attempt: number; delayMs: number; error: PorticoError }
  | { type: 'token-refresh'; reason: 'initial' | 'expiring' | 'unauthorized' }
  | { type: 'error'; endpoint: string; error: unknown }
  /** A link of a response that was left out (see `InvalidLink`). */
  | { type: 'invalid-link'; endpoint: string; path: string; record?: string }
  | { type: 'stream-reconnect'; delayMs: number; reason: 'dropped' | 'token_expired' };

/** Bytes of a request body sent so far, of `total` (see `RequestOptions.onUploadProgress`). */
export type UploadProgress = (progress: { loaded: number; total: number }) => void;

export type Diagnose = (d: PorticoDiagnostic) => void;

/** `p`, or the abort reason as soon as `signal` aborts (then `onAbort` runs). */
export const race = <T>(p: Promise<T>, signal?: AbortSignal | null, onAbort?: () => void): Promise<T> =>
  signal
    ? new Promise<T>((resolve, reject) => {
        const abort = () => {
          reject(signal.reason);
          onAbort?.();
        };
        const settle = (f: (v: never) => void) => (v: unknown) => {
          signal.removeEventListener('abort', abort);
          f(v as never);
        };
        if (signal.aborted) return abort();
        signal.addEventListener('abort', abort, { once: true });
        p.then(settle(resolve), settle(reject));
      })
    : p;

/** Waits `ms`, or rejects with `signal.reason` as soon as the signal aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return race(
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
    signal,
    () => clearTimeout(timer),
  );
};

/** Exponential backoff with jitter: a delay between half and all of `base * 2^attempt`, capped. */
export const backoff = (attempt: number, base: number, max: number): number =>
  Math.round(Math.min(max, base * 2 ** attempt) * (0.5 + Math.random() / 2));
