import { camelKey } from '@portico/contract';

/** Base of every error the client throws (except the caller's own AbortError, rethrown as is). */
export class PorticoError extends Error {
  /** Stable machine code the UI maps to a message, e.g. `not_found`, `network`, `invalid_response`. */
  readonly code: string;
  /** True when trying again later may succeed (network, timeout, 429, 5xx). */
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable = false, cause?: unknown) {
    super(message, { cause });
    this.code = code;
    this.retryable = retryable;
  }
}

export interface FieldError {
  /** camelCase dotted path, e.g. `attachmentIds.0`. */
  path: string;
  message: string;
}

/** The server answered with an error status (a problem body or not). */
export class PorticoApiError extends PorticoError {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  constructor(status: number, code: string, title: string, detail?: string, fieldErrors: FieldError[] = [], requestId?: string) {
    super(code, detail ? `${title}: ${detail}` : title, status === 429 || status >= 500);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.requestId = requestId;
  }
}

/**
 * The input failed the contract's schemas before any request was sent: `code` is
 * `validation_failed` (as for the server's 422) and `status` is 0.
 */
export class PorticoInputError extends PorticoApiError {
  constructor(fieldErrors: FieldError[]) {
    super(0, 'validation_failed', 'Invalid input', undefined, fieldErrors);
  }
}

/** No usable response: DNS, connection refused or reset, CORS, a body cut off mid-read. */
export class PorticoNetworkError extends PorticoError {
  constructor(message = 'Network error', cause?: unknown, code = 'network') {
    super(code, message, true, cause);
  }
}

/** No response within `timeoutMs`. */
export class PorticoTimeoutError extends PorticoNetworkError {
  constructor(ms: number) {
    super(`No response within ${ms} ms`, undefined, 'timeout');
  }
}

export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

/** A success response that does not match the contract (bad JSON, wrong shape). */
export class PorticoValidationError extends PorticoError {
  /** `group.name` of the endpoint, e.g. `tickets.list`. */
  readonly endpoint: string;
  /** camelCase dotted path of the first bad field, e.g. `data.3.sla.breached`; `(body)` when the body is not JSON. */
  readonly path: string;
  readonly issues: ValidationIssue[];
  constructor(endpoint: string, issues: ValidationIssue[], path = issues[0] ? dotted(issues[0].path) : '(body)') {
    super('invalid_response', `${endpoint}: invalid response at ${path}`);
    this.endpoint = endpoint;
    this.path = path;
    this.issues = issues;
  }
}

// Explicit names: minifiers rename classes, and `error.name` should stay readable in logs.
for (const [c, name] of [
  [PorticoError, 'PorticoError'],
  [PorticoApiError, 'PorticoApiError'],
  [PorticoInputError, 'PorticoInputError'],
  [PorticoNetworkError, 'PorticoNetworkError'],
  [PorticoTimeoutError, 'PorticoTimeoutError'],
  [PorticoValidationError, 'PorticoValidationError'],
] as const)
  c.prototype.name = name;

export const dotted = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(root)';

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'rate_limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The error of a response with status >= 400. `body` is the camelCased JSON body if there was one:
 * a problem body gives code/title/detail/errors; anything else gets a code from the status.
 */
export function apiError(res: Response, body?: unknown): PorticoApiError {
  const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors = (Array.isArray(o.errors) ? o.errors : [])
    .filter((e) => typeof e?.path === 'string' && typeof e.message === 'string')
    .map((e) => ({ path: camelKey(e.path), message: e.message as string }));
  const { status } = res;
  return new PorticoApiError(
    status,
    str(o.code) ?? STATUS_CODES[status] ?? (status < 500 ? 'bad_request' : 'internal'),
    str(o.title) ?? (res.statusText || `HTTP ${status}`),
    str(o.detail),
    errors,
    res.headers.get('x-request-id') ?? undefined,
  );
}
