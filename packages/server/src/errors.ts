import type { ErrorCode } from '@portico/contract';

export interface FieldError {
  path: string;
  message: string;
}

/** A problem the client caused or must handle: rendered as application/problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what = 'resource') => new HttpError(404, 'not_found', 'Not found', `No such ${what} in your organization.`);
/** Try again shortly (503 with Retry-After). */
export const unavailable = (detail: string) =>
  new HttpError(503, 'unavailable', 'Service unavailable', detail, undefined, { 'Retry-After': '1' });
export const forbidden = (detail: string) => new HttpError(403, 'forbidden', 'Forbidden', detail);
export const unauthorized = (detail: string, code: ErrorCode = 'unauthorized') =>
  new HttpError(401, code, 'Unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
export const badRequest = (detail: string) => new HttpError(400, 'bad_request', 'Bad request', detail);
export const validationFailed = (errors: FieldError[]) =>
  new HttpError(400, 'validation_failed', 'Validation failed', 'Some fields are missing or invalid.', errors);
export const conflict = (code: ErrorCode, detail: string) => new HttpError(409, code, 'Conflict', detail);

export function problemBody(err: HttpError, instance?: string) {
  return {
    type: `https://portico.dev/problems/${err.code}`,
    title: err.title,
    status: err.status,
    ...(err.detail ? { detail: err.detail } : {}),
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
  };
}
