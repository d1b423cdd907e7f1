import type { ErrorHandler, NotFoundHandler } from 'hono';
import { isUnavailable } from '../db/db.js';
import { HttpError, problemBody } from '../errors.js';
import type { Logger } from '../log.js';

const PROBLEM = 'application/problem+json';

/**
 * Every error as an RFC 9457 problem: an `HttpError` as it says, an unreachable database as 503
 * `unavailable` with Retry-After, anything else as a logged 500 that tells nothing of its cause.
 */
export function problemHandler(log: Logger): ErrorHandler {
  return (err, c) => {
    const instance = c.req.path;
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.body(JSON.stringify(problemBody(err, instance)), err.status as 400, { 'Content-Type': PROBLEM });
    }
    if (isUnavailable(err)) {
      log.warn('database unavailable', { error: String((err as Error).message ?? err) });
      const p = new HttpError(503, 'unavailable', 'Service unavailable', 'The database is not reachable; try again shortly.');
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
