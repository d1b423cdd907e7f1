/**
 * Test helpers that run anywhere (Node and browsers): a scripted `fetch`, fake JWTs and SSE
 * bodies. Not part of the published entry point.
 */
import { toWire } from '@portico/contract';

export interface ScriptedFetch {
  fetch: typeof fetch;
  /** Every request received, in order. */
  requests: Request[];
}

/**
 * A `fetch` answered by `handler` (called with the Request and its 0-based index). It honours
 * `init.signal` like the real one: an abort rejects with the signal's reason, even while
 * `handler` is still pending.
 */
export function scriptedFetch(handler: (req: Request, n: number) => Response | Promise<Response>): ScriptedFetch {
  const requests: Request[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const signal = init?.signal;
    requests.push(req);
    return new Promise<Response>((resolve, reject) => {
      signal?.throwIfAborted();
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve()
        .then(() => handler(req, requests.length - 1))
        .then(resolve, reject);
    });
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

/** A JSON response of the camelCase `body`, sent as snake_case like the server does. */
export const wireJson = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(toWire(body)), { status, headers: { 'content-type': 'application/json', ...headers } });

/** An RFC 9457 problem response. */
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}): Response =>
  new Response(JSON.stringify({ type: 'about:blank', title: code.replace(/_/g, ' '), status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const b64url = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
/** An unsigned JWT whose `exp` is `expInSeconds` from now. */
export const fakeJwt = (expInSeconds = 3600, sub = 'ct_alice'): string =>
  `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify({ sub, exp: Math.floor(Date.now() / 1000) + expInSeconds, n: Math.random() }))}.sig`;

/** A `text/event-stream` response whose body writes `chunks` one by one, then stays open unless `end`. */
export function sseResponse(chunks: string[], { end = true, status = 200 } = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = chunks.shift();
      if (chunk !== undefined) return controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
      else await new Promise(() => {});
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
}

/** Resolves after `ms`. */
export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns truthy (or throws after `timeoutMs`). */
export async function until<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await tick(5);
  }
}

/** A `retry.sleep` that records the requested delays and waits only a tick. */
export function instantSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms, signal) => {
      delays.push(ms);
      return new Promise((resolve, reject) => {
        signal?.throwIfAborted();
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        setTimeout(resolve, 1);
      });
    },
  };
}
