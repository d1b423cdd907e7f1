import { snakeKey } from '@portico/contract';

/**
 * `toWire` of `@portico/contract` (camelCase → snake_case keys, recursively), with the same
 * rules, for the response path: renamed keys are memoised (responses repeat the same few dozen
 * keys thousands of times) and objects are walked without intermediate arrays. Same output.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const renamed = new Map<string, string>();
const MAX_MEMO = 5000;

function snake(key: string): string {
  let out = renamed.get(key);
  if (out === undefined) {
    out = snakeKey(key);
    if (renamed.size < MAX_MEMO) renamed.set(key, out);
  }
  return out;
}

function walk(value: unknown, depth: number): unknown {
  if (depth > 64) throw new RangeError('value is nested too deeply');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = walk(value[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Date, Blob…: left alone
  const out: Record<string, unknown> = {};
  const src = value as Record<string, unknown>;
  for (const key in src) {
    if (!Object.hasOwn(src, key) || UNSAFE_KEYS.has(key)) continue;
    out[snake(key)] = walk(src[key], depth + 1);
  }
  return out;
}

export const toWire = (value: unknown): unknown => walk(value, 0);

/**
 * A handler's result that is already JSON text in the wire format (built by the database, see
 * `listTicketsJson`): sent as it is, without `toWire` or `JSON.stringify`, and checked against
 * the contract like any other result when responses are validated.
 */
export class RawJson {
  constructor(readonly text: string) {}
}
