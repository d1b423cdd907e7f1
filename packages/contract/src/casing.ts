/**
 * The one place where the wire format (snake_case keys) meets the TypeScript shape (camelCase
 * keys). Schemas are written in camelCase; data crosses the wire through `toWire` / `fromWire`,
 * and the OpenAPI document is rewritten by `wireJsonSchema`.
 */

type SnakeKey<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeKey<T>}` : S;

/** The wire (snake_case) shape of a camelCase type. */
export type Wire<T> = T extends readonly (infer U)[]
  ? Wire<U>[]
  : T extends object
    ? { [K in keyof T as K extends string ? SnakeKey<K> : K]: Wire<T[K]> }
    : T;

export const snakeKey = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const camelKey = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

// Keys that would reach the prototype if copied onto a plain object; hostile JSON may carry them.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Most arrays and objects nested in one another that `toWire`/`fromWire` rename (they throw a
 * RangeError beyond). A server checks a body's nesting against it before parsing (a 400).
 */
export const MAX_NESTING = 64;

function mapKeys(value: unknown, rename: (key: string) => string, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  const array = Array.isArray(value);
  const proto = array ? null : Object.getPrototypeOf(value);
  if (!array && proto !== Object.prototype && proto !== null) return value; // Date, Blob, FormData…: leave alone
  if (depth >= MAX_NESTING) throw new RangeError(`value is nested deeper than ${MAX_NESTING} levels`);
  if (array) return value.map((v) => mapKeys(v, rename, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key)) continue;
    out[rename(key)] = mapKeys(v, rename, depth + 1);
  }
  return out;
}

/** camelCase keys → snake_case keys, recursively. */
export const toWire = <T>(value: T): Wire<T> => mapKeys(value, snakeKey, 0) as Wire<T>;
/** snake_case keys → camelCase keys, recursively. The result is still untrusted: validate it. */
export const fromWire = (value: unknown): unknown => mapKeys(value, camelKey, 0);

/** Rewrites a JSON Schema generated from a camelCase zod schema into its wire form. */
export function wireJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(wireJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(schema)) {
    if (key === 'properties' && v && typeof v === 'object') {
      out[key] = Object.fromEntries(Object.entries(v).map(([prop, sub]) => [snakeKey(prop), wireJsonSchema(sub)]));
    } else if (key === 'required' && Array.isArray(v)) {
      out[key] = v.map((k) => snakeKey(String(k)));
    } else if (key === 'discriminator' && v && typeof v === 'object') {
      out[key] = v;
    } else {
      out[key] = wireJsonSchema(v);
    }
  }
  return out;
}
