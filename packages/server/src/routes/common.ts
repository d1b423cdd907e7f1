import { DEFAULT_LIMIT, Id, INT32_MAX, INT32_MIN, Timestamp } from '@portico/contract';
import type { Principal } from '../auth.js';
import type { Row } from '../db/db.js';
import type { OrgDb } from '../db/tenant.js';
import { validationFailed } from '../errors.js';

export interface Sort {
  /** Name of the sort, bound into the cursor so a cursor cannot be reused with another order. */
  name: string;
  /** SQL expression of the sort key (never null: coalesce nullable columns). */
  expr: string;
  /** Type of the sort key: the cast of the cursor value back into SQL, and how a decoded value is checked. */
  cast: SortType;
  dir: 'asc' | 'desc';
}

const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const INT8 = /^-?\d{1,19}$/;

/**
 * The types a sort key may have, each with the check of a decoded cursor value: a cursor is input
 * like any other, and a value of another type or out of the column's range would reach PostgreSQL
 * (a 500) if it were not checked here. `infinity` is how an absent date sorts last.
 */
const SORT_TYPES = {
  timestamptz: (v: unknown) => v === 'infinity' || v === '-infinity' || Timestamp.safeParse(v).success,
  smallint: (v: unknown) => isInt(v, -32768, 32767),
  integer: (v: unknown) => isInt(v, INT32_MIN, INT32_MAX),
  /** A currency and an amount as one text key (the invoices' `total`): `EUR` and 20 digits. */
  currency_amount: (v: unknown) => typeof v === 'string' && /^[A-Z]{3}\d{20}$/.test(v),
  bigint: (v: unknown) =>
    Number.isSafeInteger(v) || (typeof v === 'string' && INT8.test(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n),
} satisfies Record<string, (v: unknown) => boolean>;
export type SortType = keyof typeof SORT_TYPES;
const sqlType = (t: SortType) => (t === 'currency_amount' ? 'text' : t);

/**
 * Cursor: base64url of `[sortName, sortValue, id]`. Opaque to clients; ordering is always by
 * the sort key and then by id, in the same direction, so pages are stable under inserts.
 */
export function encodeCursor(sort: string, value: unknown, id: string): string {
  const v =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'bigint'
        ? value.toString()
        : value === Number.POSITIVE_INFINITY
          ? 'infinity'
          : value === Number.NEGATIVE_INFINITY
            ? '-infinity'
            : value;
  return Buffer.from(JSON.stringify([sort, v, id])).toString('base64url');
}

/** The sort value and id of a cursor, checked like any input: made for this sort, of the sort key's type, an id (400 naming `cursor` otherwise). */
export function decodeCursor(cursor: string, sort: Pick<Sort, 'name' | 'cast'>): [unknown, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {}
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sort.name &&
    SORT_TYPES[sort.cast](parsed[1]) &&
    Id.safeParse(parsed[2]).success
  ) {
    return [parsed[1], parsed[2]];
  }
  throw validationFailed([{ path: 'cursor', message: 'Invalid cursor (it must come from a previous page with the same sort).' }]);
}

export interface ListSpec {
  /** `SELECT …, <sort expr> AS _sk FROM … WHERE …` without ORDER BY / LIMIT. */
  sql: string;
  params: unknown[];
  sort: Sort;
  idCol: string;
}

/** The page asked for: a list endpoint's `limit` and `cursor` query parameters. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** One page of a list, in the organization of the handle, with the cursor of the next. */
export async function listPage<T>(db: Pick<OrgDb, 'query'>, spec: ListSpec, page: PageQuery, map: (rows: Row[]) => Promise<T[]> | T[]) {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const params = [...spec.params];
  let sql = spec.sql;
  if (page.cursor) {
    const [value, id] = decodeCursor(page.cursor, spec.sort);
    params.push(value, id);
    const op = spec.sort.dir === 'desc' ? '<' : '>';
    sql += ` AND (${spec.sort.expr}, ${spec.idCol}) ${op} ($${params.length - 1}::${sqlType(spec.sort.cast)}, $${params.length}::text)`;
  }
  sql += ` ORDER BY ${spec.sort.expr} ${spec.sort.dir}, ${spec.idCol} ${spec.sort.dir} LIMIT ${limit + 1}`;
  const rows = await db.query(sql, params);
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: await map(pageRows),
    nextCursor: more && last ? encodeCursor(spec.sort.name, last._sk, String(last.id)) : null,
  };
}

/** `conds` joined with AND (or `true`), for a WHERE built from optional filters. */
export const where = (conds: string[]) => (conds.length ? conds.join(' AND ') : 'true');

export const isAdmin = (p: Principal) => p.roles.includes('admin');
export const num = (v: unknown): number => Number(v);
