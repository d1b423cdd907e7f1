import * as z from 'zod/mini';
import { hasNoNul, isSafeUrl, isStorableDate, NO_NUL_MESSAGE, SAFE_URL_MESSAGE, STORABLE_DATE_MESSAGE } from './checks.js';

/** A string of a request: `checks` (a leading `z.trim()` included) and no NUL (`hasNoNul`: PostgreSQL's text cannot hold it). */
export const text = (...checks: z.core.$ZodCheck<string>[]) => z.string().check(...checks, z.refine(hasNoNul, NO_NUL_MESSAGE));

/** Bounds of PostgreSQL's `integer`: every number of a request that reaches an `integer` column is an `Int32`. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const Int32 = z.int().check(z.minimum(INT32_MIN), z.maximum(INT32_MAX));
/** A positive `Int32` (version and page numbers). */
export const PositiveInt32 = Int32.check(z.positive());

export const Id = text(z.minLength(1), z.maxLength(128));
/** RFC 3339 timestamp in UTC, e.g. `2026-11-22T10:53:25.000Z`. */
export const Timestamp = z.iso.datetime().check(z.refine(isStorableDate, STORABLE_DATE_MESSAGE));
/** Calendar date, e.g. `2026-12-01`. */
export const DateOnly = z.iso.date().check(z.refine(isStorableDate, STORABLE_DATE_MESSAGE));
/** Integer amount in the currency's minor unit (cents). */
export const MinorUnits = z.int();
/** ISO 4217 currency code. */
export const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));

/**
 * A link the SDK may put in an `href` or `src`: an absolute http(s) URL or a same-origin path.
 * `javascript:`, `data:` and protocol-relative URLs fail validation, whatever the server sends.
 */
export const SafeUrl = z.string().check(z.maxLength(4096), z.refine(isSafeUrl, SAFE_URL_MESSAGE));

/**
 * A link field of a response (every URL the server sends is one): a `SafeUrl`, or `null` for none.
 * A link that fails `SafeUrl` reads as `null` instead of failing the whole response: one bad link
 * hides that link, not the list around it. The browser's validators report each such link
 * (`dropped` of their `safeParse`; the client passes them on as `invalid_link`).
 */
export const Link = z.catch(z.nullable(SafeUrl), null);

export const PersonRef = z.object({ id: Id, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/**
 * `guest`: someone without an account, holding a token the server minted from a private client link
 * (docs/client-links.md). A guest token never carries `member`; it reaches only its project.
 */
export const Role = z.enum(['member', 'admin', 'approver', 'reviewer', 'guest']);
export type Role = z.infer<typeof Role>;

export const Limit = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)));
export const Cursor = z.optional(text(z.minLength(1), z.maxLength(512)));
/** Query fields shared by every list endpoint. `limit` defaults to 25 and may not exceed 100. */
export const PageQuery = { limit: Limit, cursor: Cursor };
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 25;

/** The list envelope: `{ "data": [...], "next_cursor": "…" | null }`. */
export const page = <T extends z.core.$ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
export type Page<T> = { data: T[]; nextCursor: string | null };

export const IdParams = z.object({ id: Id });

/** RFC 9457 problem body with Portico's stable machine `code` and per-field errors. */
export const Problem = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  code: z.string(),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

/** Machine codes the server uses in problem bodies. */
export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'already_decided',
  'supersede_conflict',
  'idempotency_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'range_not_satisfiable',
  'rate_limited',
  /** A private client link: no such link (mistyped, or never made). */
  'link_invalid',
  /** A private client link that staff revoked. */
  'link_revoked',
  /** A private client link past its expiry date. */
  'link_expired',
  /** A single-use private client link that was already redeemed. */
  'link_used',
  'internal',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
