import { describe, expect, it } from 'vitest';
import { zocker } from 'zocker';
import type * as z from 'zod/mini';
import { endpointList, SafeUrl } from '../src/index.js';
import { staffEndpointList } from '../src/staff.js';

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
}
const defOf = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every string schema inside `s` (objects, arrays, optional, nullable, unions), with where it is. */
function stringLeaves(s: Schema, where: string, out: Array<[string, Schema]>): Array<[string, Schema]> {
  const d = defOf(s);
  if (d.type === 'string') out.push([where, s]);
  for (const [k, v] of Object.entries(d.shape ?? {})) stringLeaves(v, `${where}.${k}`, out);
  if (d.innerType) stringLeaves(d.innerType, where, out);
  if (d.element) stringLeaves(d.element, `${where}[]`, out);
  for (const [i, o] of (d.options ?? []).entries()) stringLeaves(o, `${where}|${i}`, out);
  return out;
}

const sample = (s: Schema, seed: number): string =>
  (zocker as unknown as (s: unknown) => { supply(s: unknown, f: () => unknown): { setSeed(n: number): { generate(): string } } })(s)
    .supply(SafeUrl, () => 'https://files.example.test/f/1')
    .setSeed(seed)
    .generate();

const leaves = [
  ...endpointList().map(([g, n, e]) => [`${g}.${n}`, e] as const),
  ...staffEndpointList().map(([g, n, e]) => [`staff.${g}.${n}`, e] as const),
].flatMap(([label, e]) =>
  (['params', 'query', 'body'] as const).flatMap((part) => (e[part] ? stringLeaves(e[part] as Schema, `${label} ${part}`, []) : [])),
);

describe('every string a request carries', () => {
  it('is found in the endpoint tables (portal and staff)', () => expect(leaves.length).toBeGreaterThan(40));

  // PostgreSQL's text cannot hold NUL: a request string that admits one reaches the database and fails there (a 500).
  it.each(leaves)('%s refuses a NUL character', (_where, s) => {
    for (let seed = 1; seed <= 5; seed++) {
      const valid = sample(s, seed);
      if (!(s as unknown as z.ZodMiniType).safeParse(valid).success) continue; // a refinement zocker does not know
      const mid = Math.floor(valid.length / 2);
      // Replaced rather than inserted, so that the length stays valid and only the NUL is wrong.
      const withNul = valid.length ? `${valid.slice(0, mid)}\u0000${valid.slice(mid + 1)}` : '\u0000';
      expect((s as unknown as z.ZodMiniType).safeParse(withNul).success, JSON.stringify(withNul)).toBe(false);
      return;
    }
    throw new Error('no valid sample');
  });
});
