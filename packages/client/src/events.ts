import { fromWire, type PortalEvent, type StreamControl } from '@portico/contract';
import { PortalEvent as PortalEventSchema, StreamControl as StreamControlSchema } from '@portico/contract/validators';
import { apiError, PorticoError, PorticoValidationError } from './errors.js';
import { backoff, type Diagnose, sleep } from './options.js';
import type { TokenCache } from './token.js';

/**
 * Sent to every listener when events may have been missed, so refetch what is on screen:
 * - `reason: 'dropped'` — the connection was lost and reopened (the server replays from
 *   `Last-Event-ID` if it still can);
 * - `reason: 'reset'` — the server said it cannot resume from the last event seen (`stream.reset`:
 *   its event log no longer reaches back that far), so anything may have changed.
 *
 * Not sent when the server ended the stream because its token expired: the client reconnects at
 * once with a fresh token and `Last-Event-ID`, and nothing is missed.
 */
export interface StreamReconnected {
  type: 'stream.reconnected';
  reason: 'dropped' | 'reset';
}
export type PorticoStreamEvent = PortalEvent | StreamReconnected;
export type PorticoEventListener = (event: PorticoStreamEvent) => void;

export interface SseHandlers {
  message(data: string): void;
  /** The last event id, committed when an event is dispatched ('' resets it). */
  id(id: string): void;
  retry(ms: number): void;
}

/** Reads a `text/event-stream` body to its end (WHATWG SSE parsing; `event:` names are ignored). */
export async function readSse(body: ReadableStream<Uint8Array>, on: SseHandlers): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string | undefined;
  let id: string | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    // A trailing lone CR may be the first half of a CRLF: keep it until the next chunk.
    const lines = buffer.split(/\r\n|\r(?!$)|\n/);
    buffer = done ? '' : lines.pop()!;
    for (const line of lines) {
      if (!line) {
        if (id !== undefined) on.id(id);
        if (data !== undefined) on.message(data);
        data = id = undefined;
        continue;
      }
      const colon = line.indexOf(':');
      if (!colon) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const v = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
      if (field === 'data') data = data === undefined ? v : `${data}\n${v}`;
      else if (field === 'id' && !v.includes('\0')) id = v;
      else if (field === 'retry' && /^\d+$/.test(v)) on.retry(+v);
    }
    if (done) return;
  }
}

export interface EventStreamOptions {
  url: string;
  tokens: TokenCache;
  fetch: typeof fetch;
  diagnose: Diagnose;
  maxDelayMs: number;
  sleep?: typeof sleep;
  /** Reconnect delay until the server sends `retry:` (default 1000 ms). */
  reconnectMs?: number;
}

const ENDPOINT = 'events.stream';

/** One shared SSE connection, open while it has listeners. */
export function createEventStream(o: EventStreamOptions): (listener: PorticoEventListener) => () => void {
  const listeners = new Set<PorticoEventListener>();
  const wait = o.sleep ?? sleep;
  let controller: AbortController | undefined;

  const report = (error: unknown): void => o.diagnose({ type: 'error', endpoint: ENDPOINT, error });
  const emit = (event: PorticoStreamEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        report(error);
      }
    }
  };

  /** Handles one `data:` (a change, or a message about the stream); returns a control message's type. */
  const onData = (data: string): StreamControl['type'] | undefined => {
    let value: unknown;
    try {
      value = fromWire(JSON.parse(data));
    } catch {
      report(new PorticoValidationError(ENDPOINT, [], '(data)'));
      return undefined;
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('stream.')) {
      const c = StreamControlSchema.safeParse(value);
      if (!c.success) return void report(new PorticoValidationError(ENDPOINT, c.error.issues));
      if (c.data.type === 'stream.reset') emit({ type: 'stream.reconnected', reason: 'reset' });
      return c.data.type;
    }
    const r = PortalEventSchema.safeParse(value);
    if (r.success) emit(r.data);
    else report(new PorticoValidationError(ENDPOINT, r.error.issues));
    return undefined;
  };

  async function run(signal: AbortSignal) {
    let lastId = '';
    let reconnectMs = o.reconnectMs ?? 1000;
    let failures = 0;
    let opened = false;
    let refreshed = false;
    /** The token the server ended the stream for (`stream.token_expired`): reconnect at once with another. */
    let expiredToken: string | undefined;
    /** The next open follows a token rotation: nothing was missed, nobody needs to refetch. */
    let seamless = false;
    while (!signal.aborted) {
      let live = false;
      let token: string | undefined;
      let tokenExpired = false;
      try {
        if (expiredToken !== undefined) {
          token = await o.tokens.refresh(expiredToken);
          // The provider gave the expired token again: wait as after a failure rather than loop.
          if (token === expiredToken) throw new PorticoError('token_unavailable', 'The token provider returned an expired token');
        } else token = await o.tokens.get();
        expiredToken = undefined;
        const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` };
        if (lastId) headers['last-event-id'] = lastId;
        const res = await o.fetch(o.url, { headers, signal });
        if (res.status === 401 && !refreshed) {
          refreshed = true;
          await res.body?.cancel();
          await o.tokens.refresh(token);
          continue;
        }
        if (!res.ok || !res.body) throw apiError(res, await res.json().then(fromWire, () => undefined));
        failures = 0;
        live = true;
        if (opened && !seamless) emit({ type: 'stream.reconnected', reason: 'dropped' });
        opened = true;
        seamless = false;
        await readSse(res.body, {
          message: (data) => {
            if (onData(data) === 'stream.token_expired') tokenExpired = true;
          },
          id: (id) => {
            lastId = id;
          },
          retry: (ms) => {
            reconnectMs = ms;
          },
        });
      } catch (error) {
        if (signal.aborted) break;
        // a drop after the stream opened is not a failure: reconnect after `retry` ms
        if (!live) {
          failures++;
          expiredToken = undefined;
          seamless = false;
        }
        report(error);
      }
      if (signal.aborted) break;
      if (tokenExpired) {
        // The server ended the stream because its token expired: at once, with a fresh token and
        // Last-Event-ID — the server replays whatever happened meanwhile.
        expiredToken = token;
        seamless = true;
        o.diagnose({ type: 'stream-reconnect', delayMs: 0, reason: 'token_expired' });
        continue;
      }
      const delayMs = failures ? backoff(failures, reconnectMs, o.maxDelayMs) : reconnectMs;
      o.diagnose({ type: 'stream-reconnect', delayMs, reason: 'dropped' });
      await wait(delayMs, signal).catch(() => {});
      refreshed = false;
    }
  }

  return (listener) => {
    listeners.add(listener);
    if (!controller) {
      controller = new AbortController();
      run(controller.signal);
    }
    return () => {
      if (listeners.delete(listener) && !listeners.size) {
        controller?.abort();
        controller = undefined;
      }
    };
  };
}
