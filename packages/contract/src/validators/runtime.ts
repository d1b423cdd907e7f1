/**
 * The browser's validators: a small interpreter of the contract's schemas, without zod.
 *
 * The zod schemas in `../schemas` are the contract's single source. `generate.ts` walks them and
 * writes `schemas.ts` and `endpoints/<group>.ts` in this folder as calls of the builders below
 * (a test fails when those files are stale), and a property test checks on every schema that
 * `safeParse` here and zod's accept and reject the same values with the same output. zod/mini and
 * its schemas weigh ~8 kB min+gz in a page; these builders and the generated schemas a fraction.
 *
 * Covered: what the contract uses, with zod 4's semantics for it — objects (unknown keys dropped),
 * strings (length, regex and format patterns, trim), numbers (coercion, safe integers, bounds),
 * booleans, enums, literals, arrays, optional, nullable, unions, files, and named refinements
 * from `../schemas/checks.ts`. The generator fails on anything else.
 */

/** One validation problem, shaped like zod's issues (`code`, `path`, `message`, bounds). */
export interface ValidationIssue {
  code: 'invalid_type' | 'invalid_value' | 'invalid_format' | 'invalid_union' | 'too_small' | 'too_big' | 'custom';
  path: PropertyKey[];
  message: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
}

export type SafeParseResult<T> =
  /** `dropped`: the links `link()` read as null (one issue each), when there were any. */
  | { success: true; data: T; error?: undefined; dropped?: ValidationIssue[] }
  | { success: false; data?: undefined; error: { issues: ValidationIssue[] }; dropped?: undefined };

/** A compiled schema: `safeParse` answers like zod's. */
export interface Validator<T = unknown> {
  safeParse(value: unknown): SafeParseResult<T>;
  /** @internal */
  readonly _p: (value: unknown, path: PropertyKey[], issues: ValidationIssue[]) => unknown;
}

/** A refinement: a predicate with the message (and path, on objects) of its issue. */
export type Refinement = readonly [test: (value: never) => boolean, message: string, path?: readonly PropertyKey[]];

const INVALID = 'Invalid input';
const issue = (issues: ValidationIssue[], path: PropertyKey[], code: ValidationIssue['code'], extra?: Partial<ValidationIssue>) => {
  issues.push({ code, path, message: INVALID, ...extra });
};

/** Where `link()` puts the links it drops during the current (synchronous) `safeParse`. */
let sink: ValidationIssue[] = [];

function make<T>(p: Validator['_p']): Validator<T> {
  return {
    _p: p,
    safeParse(value) {
      const issues: ValidationIssue[] = [];
      const outer = sink;
      const dropped: ValidationIssue[] = [];
      sink = dropped;
      let data: T;
      try {
        data = p(value, [], issues) as T;
      } finally {
        sink = outer;
      }
      if (issues.length) return { success: false, error: { issues } };
      return dropped.length ? { success: true, data, dropped } : { success: true, data };
    },
  };
}

/**
 * zod's `catch(nullable(inner), null)` of the contract's `Link`: a value `inner` rejects reads as
 * null, and its issues are reported as `dropped` rather than failing the parse.
 */
export const link = <T>(inner: Validator<T>) =>
  make<T | null>((v, path) => {
    if (v === null) return v;
    const mine: ValidationIssue[] = [];
    const out = inner._p(v, path, mine);
    if (!mine.length) return out;
    sink.push(...mine);
    return null;
  });

/** Issues after which zod still runs refinements: a length or a bound, not a wrong type or value. */
const continuable = (i: ValidationIssue) => i.code === 'too_small' || i.code === 'too_big';

/** Runs a refinement unless the value has a blocking issue since `before` (as zod). */
function refine(r: Refinement | undefined, value: unknown, path: PropertyKey[], issues: ValidationIssue[], before: number) {
  if (r && issues.slice(before).every(continuable) && !r[0](value as never)) {
    issue(issues, r[2] ? [...path, ...r[2]] : path, 'custom', { message: r[1] });
  }
}

interface StringOptions {
  /** trim before the checks */
  t?: 1;
  min?: number;
  max?: number;
  /** pattern (regex checks and formats such as ISO date-times) */
  re?: RegExp;
  r?: Refinement;
}
export const str = (o: StringOptions = {}) =>
  make<string>((v, path, issues) => {
    if (typeof v !== 'string') return issue(issues, path, 'invalid_type', { expected: 'string' });
    const before = issues.length;
    if (o.t) v = v.trim();
    const s = v as string;
    if (o.min !== undefined && s.length < o.min) issue(issues, path, 'too_small', { minimum: o.min });
    if (o.max !== undefined && s.length > o.max) issue(issues, path, 'too_big', { maximum: o.max });
    if (o.re && !o.re.test(s)) issue(issues, path, 'invalid_format');
    refine(o.r, s, path, issues, before);
    return s;
  });

interface NumberOptions {
  /** coerce with Number() first */
  c?: 1;
  /** safe integer */
  i?: 1;
  /** lower bound; inclusive unless `gx` */
  gt?: number;
  gx?: 1;
  /** upper bound; inclusive unless `lx` */
  lt?: number;
  lx?: 1;
}
export const num = (o: NumberOptions = {}) =>
  make<number>((v, path, issues) => {
    if (o.c) {
      try {
        v = Number(v);
      } catch {} // a symbol, or an object without a primitive value: not a number
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || (o.i && !Number.isSafeInteger(v))) {
      return issue(issues, path, 'invalid_type', { expected: o.i ? 'int' : 'number' });
    }
    if (o.gt !== undefined && (o.gx ? v <= o.gt : v < o.gt)) issue(issues, path, 'too_small', { minimum: o.gt });
    if (o.lt !== undefined && (o.lx ? v >= o.lt : v > o.lt)) issue(issues, path, 'too_big', { maximum: o.lt });
    return v;
  });

export const bool = () =>
  make<boolean>((v, path, issues) => (typeof v === 'boolean' ? v : issue(issues, path, 'invalid_type', { expected: 'boolean' })));

/** One of these values (an enum or literals). */
export const oneOf = <T>(values: readonly T[]) =>
  make<T>((v, path, issues) => (values.includes(v as T) ? v : issue(issues, path, 'invalid_value')));

export const file = () =>
  make<File>((v, path, issues) =>
    typeof File !== 'undefined' && v instanceof File ? v : issue(issues, path, 'invalid_type', { expected: 'file' }),
  );

export const arr = <T>(item: Validator<T>, o: { min?: number; max?: number } = {}) =>
  make<T[]>((v, path, issues) => {
    if (!Array.isArray(v)) return issue(issues, path, 'invalid_type', { expected: 'array' });
    // Over the contract's bound: refused before reading the items (a bound exists so that a huge list costs nothing).
    if (o.max !== undefined && v.length > o.max) return issue(issues, path, 'too_big', { maximum: o.max });
    // A loop, not map(): holes of a sparse array are checked (as undefined) like zod does.
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) out.push(item._p(v[i], [...path, i], issues) as T);
    if (o.min !== undefined && v.length < o.min) issue(issues, path, 'too_small', { minimum: o.min });
    if (o.max !== undefined && v.length > o.max) issue(issues, path, 'too_big', { maximum: o.max });
    return out;
  });

export const obj = <T>(shape: Record<string, Validator>, r?: Refinement) =>
  make<T>((v, path, issues) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return issue(issues, path, 'invalid_type', { expected: 'object' });
    const before = issues.length;
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const value = shape[key]!._p(input[key], [...path, key], issues);
      // As zod: an undefined result is kept only when the key was there.
      if (value !== undefined || key in input) out[key] = value;
    }
    refine(r, out, path, issues, before);
    return out;
  });

export const opt = <T>(inner: Validator<T>) => make<T | undefined>((v, path, issues) => (v === undefined ? v : inner._p(v, path, issues)));

export const nul = <T>(inner: Validator<T>) => make<T | null>((v, path, issues) => (v === null ? v : inner._p(v, path, issues)));

/** The first option that accepts the value (zod's union; a discriminated union behaves alike on valid input). */
export const union = <T>(options: readonly Validator[]) =>
  make<T>((v, path, issues) => {
    for (const o of options) {
      const mine: ValidationIssue[] = [];
      const before = sink.length;
      const out = o._p(v, path, mine);
      if (!mine.length) return out;
      sink.length = before;
    }
    issue(issues, path, 'invalid_union');
  });

/** zod's discriminated union: the option whose `key` has the value's discriminator. */
export const oneOfKind = <T>(key: string, kinds: readonly unknown[], options: readonly Validator[]) =>
  make<T>((v, path, issues) => {
    const i = v && typeof v === 'object' && !Array.isArray(v) ? kinds.indexOf((v as Record<string, unknown>)[key]) : -1;
    if (i >= 0) return options[i]!._p(v, path, issues);
    issue(issues, typeof v === 'object' && v !== null && !Array.isArray(v) ? [...path, key] : path, 'invalid_union');
  });
