/**
 * The building blocks of the endpoint table, apart from any endpoint: `EndpointDef`, the
 * `get`/`post` helpers, `fillPath` and `API_PREFIX`. Each endpoint group has its own module next
 * to this one (`@portico/contract/endpoints/<group>`), so a bundle that imports one group
 * carries only that group's schemas.
 */
import type * as z from 'zod/mini';
import type { Role } from '../schemas/common.js';

type Schema = z.core.$ZodType;
type ObjectSchema = z.ZodMiniObject;

/**
 * One endpoint of the portal API, as data. `path` is the wire path under `/portal/v1` with
 * snake_case `{param}` names; `params`, `query` and `body` are camelCase schemas.
 */
export interface EndpointDef {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: `/${string}`;
  /** Documentation only (the OpenAPI document); the portal table keeps it in `docs.ts`, out of the browser bundle. */
  readonly summary?: string;
  readonly tag?: string;
  readonly params?: ObjectSchema;
  readonly query?: ObjectSchema;
  readonly body?: Schema;
  /** `json` (default) or `multipart` (a file upload). */
  readonly bodyKind?: 'json' | 'multipart';
  /** The success body: a schema for JSON, `binary` for a file, `sse` for an event stream of `events`. */
  readonly response: Schema | 'binary' | 'sse';
  readonly events?: Schema;
  /** Success status (200 unless said). */
  readonly status?: 200 | 201 | 204;
  /**
   * Safe to repeat as it is (GET). A non-idempotent endpoint accepts an `Idempotency-Key`
   * header: a replay within 24 h answers the first response and does nothing twice.
   */
  readonly idempotent: boolean;
  /** Roles that may call it; absent means any signed-in contact. */
  readonly roles?: readonly Role[];
}

/** A group of endpoints by name, e.g. `tickets`. */
export type EndpointGroupDefs = { readonly [name: string]: EndpointDef };

export const def = <const E extends EndpointDef>(e: E): E => e;
export const get = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'GET', idempotent: true } as const);
export const post = <const E extends Omit<EndpointDef, 'method' | 'idempotent'>>(e: E) =>
  def({ ...e, method: 'POST', idempotent: false } as const);

/** Base path of the portal API. */
export const API_PREFIX = '/portal/v1';

/** Fills a wire path template: `/tickets/{id}` + `{ id: 'x' }` → `/tickets/x` (each value URI-encoded). */
export function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const camel = name.replace(/_([a-z0-9])/g, (__, c: string) => c.toUpperCase());
    const value = params[camel];
    if (value === undefined || value === null || value === '') throw new TypeError(`missing path parameter ${camel}`);
    return encodeURIComponent(String(value));
  });
}
