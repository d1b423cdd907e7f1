import { type Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** ms from the first byte sent to the response's status line. */
  ms: number;
  /** Body bytes written before the response arrived (the rest was never sent). */
  sentBeforeResponse: number;
  /** Whether every chunk of the body had been written when the response arrived. */
  complete: boolean;
}

/**
 * One HTTP/1.1 request over a plain socket, its body written chunk by chunk (`Transfer-Encoding:
 * chunked` unless a Content-Length header is given), `delayMs` apart. Writing stops as soon as the
 * response arrives, so a test sees how much the server let through before answering.
 */
export function rawRequest(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    chunks?: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;
    delayMs?: number;
    /** No response within this many ms rejects (default 10 s). */
    timeoutMs?: number;
    /** A keep-alive agent to reuse connections (default: a new connection per request). */
    agent?: Agent;
  } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let complete = false;
    const t0 = performance.now();
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: opts.method ?? 'POST',
        headers: opts.headers,
        agent: opts.agent ?? false,
      },
      (res) => {
        answered = true;
        const ms = performance.now() - t0;
        const sentBeforeResponse = sent;
        const wasComplete = complete;
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          // A stream does not end: its status and headers are the answer.
          req.destroy();
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '', ms, sentBeforeResponse, complete: wasComplete });
          return;
        }
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          if (!opts.agent || !wasComplete) req.destroy();
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(parts).toString('utf8'),
            ms,
            sentBeforeResponse,
            complete: wasComplete,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.setTimeout(opts.timeoutMs ?? 10_000, () => {
      if (!answered) reject(new Error(`no response within ${opts.timeoutMs ?? 10_000} ms`));
      req.destroy();
    });
    (async () => {
      for await (const chunk of opts.chunks ?? []) {
        if (answered || req.destroyed) return;
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        const ok = req.write(b);
        sent += b.byteLength;
        if (!ok) await new Promise((r) => req.once('drain', r));
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      }
      complete = true;
      if (!answered && !req.destroyed) req.end();
    })().catch(() => {});
  });
}

/** A multipart/form-data body as chunks: the fields, then a file part whose content is `content` (lazily produced). */
export function* multipartChunks(
  boundary: string,
  fields: Record<string, string>,
  file: { field?: string; name: string; type?: string; content: Iterable<Uint8Array> },
): Generator<Uint8Array | string> {
  for (const [k, v] of Object.entries(fields)) yield `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  yield `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  yield* file.content;
  yield `\r\n--${boundary}--\r\n`;
}

/**
 * `total` bytes in chunks of `size`, starting with `head` (a magic number) and filled with `fill`.
 * One buffer serves every chunk after the first (never changed once written), so that sending
 * allocates nothing per chunk.
 */
export function* bytesOf(total: number, head: Uint8Array = new Uint8Array(), fill = 0x41, size = 64 * 1024): Generator<Uint8Array> {
  const same = Buffer.alloc(size, fill);
  let left = total;
  let first = true;
  while (left > 0) {
    const n = Math.min(size, left);
    if (first) {
      const b = Buffer.alloc(n, fill);
      b.set(head.subarray(0, n));
      yield b;
    } else yield same.subarray(0, n);
    first = false;
    left -= n;
  }
}
