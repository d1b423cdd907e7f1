import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError, problemBody } from '../errors.js';

/**
 * What the HTTP server refuses before a request reaches the app: malformed request lines or
 * headers, a request target over Node's 16 KiB header limit (431), a URL that is not one
 * (@hono/node-server's RequestError: a backslash in the path, an absolute URL, a bad Host). These
 * answer problems too, so that every 4xx of the server is `application/problem+json`.
 */
export function transportProblem(status: 400 | 431, detail: string): { status: number; body: string } {
  const title = status === 431 ? 'Request header fields too large' : 'Bad request';
  return { status, body: JSON.stringify(problemBody(new HttpError(status, 'bad_request', title, detail))) };
}

/** @hono/node-server's `errorHandler`: a request it could not turn into a `Request`. */
export function requestErrorResponse(): Response {
  const p = transportProblem(400, 'The request target or Host header is not valid.');
  return new Response(p.body, { status: p.status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** Answers Node's parser errors (`clientError`) with a problem instead of its bare status line. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const p = transportProblem(
      tooLarge ? 431 : 400,
      tooLarge ? 'The request line and headers exceed 16 KiB.' : 'The request is not valid HTTP.',
    );
    socket.end(
      `HTTP/1.1 ${p.status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(p.body)}\r\nConnection: close\r\n\r\n${p.body}`,
    );
  });
}
