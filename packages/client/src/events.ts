import { fromWire, type PortalEvent } from '@portico/contract';
import { PortalEvent as PortalEventSchema } from '@portico/contract/validators';
import { apiError, PorticoValidationError } from './errors.js';
import { backoff, type Diagnose, sleep } from './options.js';
import type { TokenCache } from './token.js';

/**
 * Sent to every listener after the stream reconnected: events may have been missed while it was
 * down (the server replays from `Last-Event-ID` if it still can), so refetch what is on screen.
 */
export interface StreamReconnected {
  type: 'stream.reconnected';
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

  const onData = (data: string) => {
    try {
      const r = PortalEventSchema.safeParse(fromWire(JSON.parse(data)));
      if (r.success) return emit(r.data);
      report(new PorticoValidationError(ENDPOINT, r.error.issues));
    } catch {
      report(new PorticoValidationError(ENDPOINT, [], '(data)'));
    }
  };

  async function run(signal: AbortSignal) {
    let lastId = '';
    let reconnectMs = o.reconnectMs ?? 1000;
    let failures = 0;
    let opened = false;
    let refreshed = false;
    while (!signal.aborted) {
      let live = false;
      try {
        const token = await o.tokens.get();
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
        if (opened) emit({ type: 'stream.reconnected' });
        opened = true;
        await readSse(res.body, {
          message: onData,
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
        if (!live) failures++;
        report(error);
      }
      if (signal.aborted) break;
      const delayMs = failures ? backoff(failures, reconnectMs, o.maxDelayMs) : reconnectMs;
      o.diagnose({ type: 'stream-reconnect', delayMs });
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
