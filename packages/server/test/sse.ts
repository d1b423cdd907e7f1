/** Reading `/portal/v1/events` in tests, as the SDK does (fetch with Authorization). */
import { expect } from 'vitest';

/** An event as streamed (wire form); tests look at its type and resource. */
export interface SseEvent {
  id: string;
  event: string;
  data: { type: string; resource: { id: string } } & Record<string, unknown>;
}

export interface Sse {
  events: SseEvent[];
  comments: string[];
  /** Set when the server ended the stream. */
  ended: boolean;
  waitFor(n: number, ms?: number): Promise<void>;
  /** Resolves when the server ends the stream (rejects after `ms`). */
  waitForEnd(ms?: number): Promise<void>;
  close(): void;
}

/** Reads an SSE stream with fetch (as the SDK does: EventSource cannot send Authorization). */
export async function openSse(url: string, token: string, lastEventId?: string): Promise<Sse> {
  const ac = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const r = await fetch(`${url}/portal/v1/events`, { headers, signal: ac.signal });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/event-stream');
  const sse: Sse = {
    events: [],
    comments: [],
    ended: false,
    async waitFor(n, ms = 5000) {
      const t0 = Date.now();
      while (sse.events.length < n) {
        if (Date.now() - t0 > ms) throw new Error(`only ${sse.events.length} of ${n} events after ${ms} ms`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    async waitForEnd(ms = 5000) {
      const t0 = Date.now();
      while (!sse.ended) {
        if (Date.now() - t0 > ms) throw new Error(`the stream did not end within ${ms} ms`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    close: () => ac.abort(),
  };
  void (async () => {
    const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          sse.ended = true;
          return;
        }
        buf += value;
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: Partial<SseEvent> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) sse.comments.push(line.slice(1).trim());
            else if (line.startsWith('id:')) ev.id = line.slice(3).trim();
            else if (line.startsWith('event:')) ev.event = line.slice(6).trim();
            else if (line.startsWith('data:')) ev.data = JSON.parse(line.slice(5));
          }
          if (ev.data) sse.events.push({ id: ev.id ?? '', event: ev.event ?? 'message', data: ev.data });
        }
      }
    } catch {}
  })();
  return sse;
}
