import type { ErrorHandler, NotFoundHandler } from 'hono';
import { isUnavailable } from '../db/db.js';
import { HttpError, problemBody } from '../errors.js';
import type { Logger } from '../log.js';
import { isStorageUnavailable, StorageError } from '../storage/index.js';

const PROBLEM = 'application/problem+json';

/** The storage layer's refusals as the problems they are (its limit, a checksum, a range). */
function storageProblem(err: StorageError): HttpError {
  switch (err.code) {
    case 'too_large':
    case 'object_too_large_to_publish':
      return new HttpError(413, 'payload_too_large', 'Payload too large', err.message);
    case 'checksum_mismatch':
      return new HttpError(400, 'bad_request', 'Bad request', err.message);
    case 'range_not_satisfiable':
      return new HttpError(416, 'range_not_satisfiable', 'Range not satisfiable', err.message);
  }
}

/**
 * Every error as an RFC 9457 problem: an `HttpError` as it says, a storage refusal as its problem,
 * an unreachable database or file store as 503 `unavailable` with Retry-After, anything else as a
 * logged 500 that tells nothing of its cause.
 */
export function problemHandler(log: Logger): ErrorHandler {
  return (thrown, c) => {
    const instance = c.req.path;
    const err = thrown instanceof StorageError ? storageProblem(thrown) : thrown;
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.body(JSON.stringify(problemBody(err, instance)), err.status as 400, { 'Content-Type': PROBLEM });
    }
    const storage = isStorageUnavailable(err);
    if (storage || isUnavailable(err)) {
      const what = storage ? 'file storage' : 'database';
      log.warn(`${what} unavailable`, { error: String((err as Error).message ?? err) });
      const p = new HttpError(503, 'unavailable', 'Service unavailable', `The ${what} is not reachable; try again shortly.`);
      return c.body(JSON.stringify(problemBody(p, instance)), 503, { 'Content-Type': PROBLEM, 'Retry-After': '5' });
    }
    log.error('unhandled error', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    const p = new HttpError(500, 'internal', 'Internal server error');
    return c.body(JSON.stringify(problemBody(p, instance)), 500, { 'Content-Type': PROBLEM });
  };
}

export const notFoundProblem: NotFoundHandler = (c) => {
  const p = new HttpError(404, 'not_found', 'Not found', 'No such endpoint.');
  return c.body(JSON.stringify(problemBody(p, c.req.path)), 404, { 'Content-Type': PROBLEM });
};
