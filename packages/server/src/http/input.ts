import { type EndpointDef, fromWire, snakeKey } from '@portico/contract';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { type FieldError, validationFailed } from '../errors.js';
import { readBody } from './body.js';

/** The part of Standard Schema (zod's `~standard`) used here. */
interface StandardIssue {
  message: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
}
type StandardResult = { value: unknown; issues?: undefined } | { issues: readonly StandardIssue[] };
export interface StandardSchema {
  '~standard': { validate(value: unknown): StandardResult | Promise<StandardResult> };
}

/** A value checked against one of the contract's schemas, or a 400 naming each field (snake_case). */
export async function validate(schema: unknown, value: unknown, where: string): Promise<unknown> {
  if (!schema) return undefined;
  const r = await (schema as StandardSchema)['~standard'].validate(value);
  if (!r.issues) return r.value;
  const errors: FieldError[] = r.issues.map((i) => ({
    path:
      (i.path ?? [])
        .map((p) => (typeof p === 'object' && p !== null ? p.key : p))
        .map((p) => (typeof p === 'string' ? snakeKey(p) : String(p)))
        .join('.') || where,
    message: i.message,
  }));
  throw validationFailed(errors);
}

export interface EndpointInput {
  params: unknown;
  query: unknown;
  body: unknown;
  /** What the request says, hashed, for its Idempotency-Key record ('' for reads). */
  fingerprint: string;
}

/**
 * Params, query and (for mutations) body of a request, validated with the endpoint's schemas.
 * Params and query are checked before the body is read; a multipart body's files are streamed into
 * the storage while it is read (body.ts, multipart.ts).
 */
export async function readInput(
  c: Context,
  e: EndpointDef,
  svc: { config: Pick<Config, 'maxUploadBytes'>; storage: Services['storage'] },
): Promise<EndpointInput> {
  const params = await validate(e.params, fromWire(c.req.param()), 'params');
  const query = await validate(e.query, fromWire(c.req.query()), 'query');
  if (e.method === 'GET') return { params, query, body: undefined, fingerprint: '' };
  const { value, fingerprint } = await readBody(c, e, svc);
  const body = e.body ? await validate(e.body, value ?? {}, 'body') : undefined;
  return { params, query, body, fingerprint };
}
