/** A scriptable node:http server for the client's Node tests (port 0, one handler per test). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** True once the client closed the connection before the response ended. */
  aborted: boolean;
}

export type Handler = (req: Received, res: ServerResponse, n: number) => unknown;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: Received[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_req, res) => send(res, 404, { title: 'Not found', status: 404, code: 'not_found' }));
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r: Received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks), aborted: false };
    res.on('close', () => {
      if (!res.writableFinished) r.aborted = true;
    });
    received.push(r);
    try {
      await handler(r, res, received.length - 1);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    handle: (h) => {
      handler = h;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON (already wire-shaped) body. */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const type = status >= 400 && body && typeof body === 'object' && 'code' in body ? 'application/problem+json' : 'application/json';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Writes raw text with a content type. */
export function sendText(res: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(text);
}
