/**
 * Binds one SQL statement to an organization: the first wall of tenancy (see db/tenancy.ts).
 *
 * Through an organization-bound handle a tenant table's name means "this organization's rows":
 *
 * - every reference in a FROM list or a JOIN (`FROM tickets t`) becomes a subquery that carries the
 *   filter, `FROM (SELECT * FROM tickets WHERE org_id = $N) t` (an unaliased reference keeps its
 *   name as alias); PostgreSQL flattens it, so the plan is the one a hand-written filter gives, and
 *   FOR UPDATE still locks the rows;
 * - `UPDATE`/`DELETE` of a tenant table get `<table>.org_id = $N AND (<their WHERE>)`;
 * - `INSERT INTO <tenant table> (cols) VALUES (…)` gets the organization column and `$N` in every
 *   row (naming the column yourself is refused); `ON CONFLICT … DO UPDATE` only updates a row of
 *   the organization.
 *
 * `$N` is one parameter past the statement's own, given by the handle. What the binder cannot
 * bind it refuses, loudly, at the statement's first use: a tenant table in any other position
 * (schema-qualified, quoted, `TABLE t`, `TRUNCATE`, a DML target inside a CTE, `INSERT … SELECT`,
 * `DELETE … USING`), a CTE named like a tenant table, several statements, and anything but
 * SELECT/WITH/INSERT/UPDATE/DELETE/VALUES. SQL inside string literals is not seen (a function
 * that runs a query given as text could reach around this wall): row-level security is the second.
 *
 * Binding is pure text work, done once per distinct statement text (cached).
 */
import { TENANT_TABLES } from './tenancy.js';

type Kind = 'word' | 'qident' | 'param' | 'punct' | 'other';
interface Tok {
  kind: Kind;
  /** Lower-cased for words; the text otherwise. */
  v: string;
  start: number;
  end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const OPERATOR = /[+\-*/<>=~!@#%^&|`?:]/;

export class UnboundStatementError extends Error {
  override name = 'UnboundStatementError';
  constructor(message: string, sql: string) {
    super(`${message} — the organization-bound handle refuses: ${sql.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

/** Tokens of a statement; comments, strings and white space are dropped (kept in the text). */
export function lex(sql: string): Tok[] {
  const out: Tok[] = [];
  const n = sql.length;
  let i = 0;
  const fail = (what: string): never => {
    throw new UnboundStatementError(`unterminated ${what}`, sql);
  };
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 0;
      while (i < n) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      if (depth !== 0) fail('comment');
    } else if (c === "'") {
      // A string; E'…' strings (the E was lexed as a word just before) take backslash escapes.
      const prev = out[out.length - 1];
      const escapes = prev?.kind === 'word' && prev.end === start && prev.v === 'e';
      i++;
      for (;;) {
        if (i >= n) fail('string');
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'") {
          if (sql[i + 1] === "'") i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      out.push({ kind: 'other', v: "'", start, end: i });
    } else if (c === '"') {
      i++;
      let name = '';
      for (;;) {
        if (i >= n) fail('quoted identifier');
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') {
            name += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else name += sql[i++];
      }
      out.push({ kind: 'qident', v: name, start, end: i });
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      i++;
      while (i < n && /[0-9]/.test(sql[i]!)) i++;
      out.push({ kind: 'param', v: sql.slice(start + 1, i), start, end: i });
    } else if (c === '$') {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 80));
      if (!m) {
        i++;
        out.push({ kind: 'other', v: '$', start, end: i });
      } else {
        const close = sql.indexOf(m[0], i + m[0].length);
        if (close < 0) fail('dollar-quoted string');
        i = close + m[0].length;
        out.push({ kind: 'other', v: "'", start, end: i });
      }
    } else if (WORD_START.test(c)) {
      i++;
      while (i < n && WORD_PART.test(sql[i]!)) i++;
      out.push({ kind: 'word', v: sql.slice(start, i).toLowerCase(), start, end: i });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      i++;
      while (i < n && /[0-9.eE]/.test(sql[i]!)) {
        if ((sql[i] === 'e' || sql[i] === 'E') && (sql[i + 1] === '-' || sql[i + 1] === '+')) i++;
        i++;
      }
      out.push({ kind: 'other', v: sql.slice(start, i), start, end: i });
    } else if (c === '(' || c === ')' || c === ',' || c === ';' || c === '.' || c === '[' || c === ']') {
      i++;
      out.push({ kind: 'punct', v: c, start, end: i });
    } else if (OPERATOR.test(c)) {
      i++;
      while (i < n && OPERATOR.test(sql[i]!) && !(sql[i] === '-' && sql[i + 1] === '-') && !(sql[i] === '/' && sql[i + 1] === '*')) i++;
      out.push({ kind: 'other', v: sql.slice(start, i), start, end: i });
    } else {
      throw new UnboundStatementError(`unexpected character ${JSON.stringify(c)}`, sql);
    }
  }
  return out;
}

/** Statements the handle runs; anything else is refused. */
const STATEMENTS = new Set(['select', 'with', 'insert', 'update', 'delete', 'values']);
/** Functions that run SQL given as text (they would reach around the binder). */
const DYNAMIC_SQL = new Set(['query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'dblink', 'dblink_exec']);
/** Words that end a FROM list at their level. */
const FROM_END = new Set([
  'where',
  'group',
  'having',
  'window',
  'order',
  'limit',
  'offset',
  'fetch',
  'for',
  'union',
  'intersect',
  'except',
  'returning',
  'select',
  'set',
  'values',
  'on', // ON CONFLICT; a join's ON is followed by the next JOIN, which opens the list again
]);
/** Words that cannot be a table's alias. */
const NOT_ALIAS = new Set([
  ...FROM_END,
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'natural',
  'using',
  'tablesample',
  'lateral',
  'as',
  'do',
]);

export interface BoundStatement {
  /** The rewritten statement. */
  text: string;
  /** Placeholders of the original statement ($1…$params). */
  params: number;
  /** Whether `$params+1` (the organization) occurs in `text`. */
  usesOrg: boolean;
}

interface Edit {
  at: number;
  /** Characters of the original replaced from `at`. */
  remove: number;
  insert: string;
}

/** Rewrites one statement so that every tenant table in it is bound to `$N`, the organization. */
export function bindStatement(sql: string): BoundStatement {
  const toks = lex(sql);
  let params = 0;
  for (const t of toks) if (t.kind === 'param') params = Math.max(params, Number(t.v));
  const org = `$${params + 1}`;
  const refuse = (why: string): never => {
    throw new UnboundStatementError(why, sql);
  };
  const first = toks[0];
  if (first?.kind !== 'word' || !STATEMENTS.has(first.v))
    return refuse('only SELECT, WITH, INSERT, UPDATE, DELETE and VALUES run through it');

  // Matching parentheses, and the depth of every token.
  const match = new Map<number, number>();
  const depth: number[] = [];
  const open: number[] = [];
  toks.forEach((t, i) => {
    if (t.v === '(' && t.kind === 'punct') open.push(i);
    depth[i] = open.length;
    if (t.v === ')' && t.kind === 'punct') {
      const o = open.pop();
      if (o === undefined) refuse('unbalanced parentheses');
      match.set(o!, i);
      match.set(i, o!);
      depth[i] = open.length;
    }
    if (t.v === ';' && t.kind === 'punct' && i < toks.length - 1) refuse('one statement at a time');
    if (t.kind === 'word' && DYNAMIC_SQL.has(t.v) && toks[i + 1]?.v === '(') refuse(`${t.v}() runs SQL the binder cannot see`);
  });
  if (open.length) refuse('unbalanced parentheses');

  // Where the main statement starts: after the CTEs of a WITH.
  let main = 0;
  if (first.v === 'with') {
    if (toks[1]?.v === 'recursive') refuse('WITH RECURSIVE is not supported');
    let expectName = true;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i]!;
      if (depth[i] !== 0) continue;
      if (expectName && t.kind === 'word') {
        if (Object.hasOwn(TENANT_TABLES, t.v)) refuse(`a CTE may not be named like the tenant table ${t.v}`);
        expectName = false;
      } else if (t.kind === 'punct' && t.v === ',') expectName = true;
      else if (t.kind === 'word' && STATEMENTS.has(t.v) && toks[i - 1]?.v === ')') {
        main = i;
        break;
      }
    }
    if (main === 0) refuse('a WITH without a main statement');
  }
  const mainKind = toks[main]!.v;

  const edits: Edit[] = [];
  let usesOrg = false;
  const filter = (name: string, ref: string) => {
    usesOrg = true;
    const spec = TENANT_TABLES[name]!;
    return `${ref}.${spec.org} = ${org}`;
  };
  /** Index of the first top-level word `w` in [from, to). */
  const findTop = (w: string, from: number, to = toks.length): number => {
    for (let i = from; i < to; i++) if (depth[i] === 0 && toks[i]!.kind === 'word' && toks[i]!.v === w) return i;
    return -1;
  };
  /** `ref.org = $N` ANDed to the top-level WHERE in [from, end) (or a new WHERE before `end`). */
  const bindWhere = (name: string, ref: string, from: number, end: number) => {
    const where = findTop('where', from, end);
    const endAt = end < toks.length ? toks[end]!.start : sql.length;
    if (where < 0) edits.push({ at: endAt, remove: 0, insert: ` WHERE ${filter(name, ref)} ` });
    else {
      edits.push({ at: toks[where]!.end, remove: 0, insert: ` ${filter(name, ref)} AND (` });
      edits.push({ at: endAt, remove: 0, insert: ') ' });
    }
  };
  /** The alias after a table at index i: [alias, index of the last token of the reference]. */
  const aliasAfter = (i: number): [string | null, number] => {
    const a = toks[i + 1];
    if (a?.kind === 'word' && a.v === 'as') {
      const b = toks[i + 2];
      if (b?.kind !== 'word') refuse('AS without an alias');
      return [b!.v, i + 2];
    }
    if (a?.kind === 'word' && !NOT_ALIAS.has(a.v)) return [a.v, i + 1];
    return [null, i];
  };

  // The main statement's DML target, bound here; every other tenant name below.
  let target = -1;
  if (mainKind === 'update' || mainKind === 'delete' || mainKind === 'insert') {
    const at = main + (mainKind === 'update' ? 1 : 2);
    const kw = mainKind === 'update' ? null : mainKind === 'delete' ? 'from' : 'into';
    if (kw && toks[main + 1]?.v !== kw) refuse(`${mainKind.toUpperCase()} without ${kw.toUpperCase()}`);
    const t = toks[at];
    if (t?.kind === 'word' && t.v === 'only') refuse('ONLY is not supported');
    if (t?.kind === 'word' && Object.hasOwn(TENANT_TABLES, t.v)) {
      target = at;
      const name = t.v;
      const spec = TENANT_TABLES[name]!;
      const [alias, last] = aliasAfter(at);
      const ref = alias ?? name;
      const returning = findTop('returning', last + 1);
      const end = returning < 0 ? toks.length : returning;
      if (mainKind === 'update') bindWhere(name, ref, findTop('set', last + 1), end);
      else if (mainKind === 'delete') {
        if (findTop('using', last + 1) >= 0) refuse('DELETE … USING is not supported');
        bindWhere(name, ref, last + 1, end);
      } else {
        const cols = last + 1;
        if (toks[cols]?.v !== '(') refuse('INSERT needs a column list');
        const colsEnd = match.get(cols)!;
        for (let k = cols + 1; k < colsEnd; k++) {
          if (toks[k]!.kind === 'word' && toks[k]!.v === spec.org) refuse(`the handle sets ${spec.org} itself`);
        }
        usesOrg = true;
        edits.push({ at: toks[colsEnd]!.start, remove: 0, insert: `, ${spec.org}` });
        if (toks[colsEnd + 1]?.v !== 'values') refuse('INSERT … SELECT (or DEFAULT VALUES) into a tenant table is not supported');
        let k = colsEnd + 2;
        for (;;) {
          if (toks[k]?.v !== '(') refuse('VALUES needs parenthesised rows');
          const close = match.get(k)!;
          edits.push({ at: toks[close]!.start, remove: 0, insert: `, ${org}` });
          k = close + 1;
          if (toks[k]?.v === ',' && depth[k] === 0) k++;
          else break;
        }
        const conflictDo = findTop('do', k, end);
        if (conflictDo >= 0 && toks[conflictDo + 1]?.v === 'update') bindWhere(name, ref, conflictDo + 2, end);
      }
    }
  }

  // Every other occurrence of a tenant table's name. `fromList[d]`: the tokens at depth d are in a
  // FROM list (after FROM or JOIN, before the clause that ends it), where a comma starts a table.
  const fromList: boolean[] = [false];
  toks.forEach((t, i) => {
    const d = depth[i]!;
    if (t.kind === 'punct' && t.v === '(') fromList[d] = false;
    if (t.kind === 'qident' && Object.hasOwn(TENANT_TABLES, t.v)) refuse(`quoted tenant table "${t.v}"`);
    if (t.kind !== 'word') return;
    if ((t.v === 'from' && toks[i - 1]?.v !== 'distinct') || t.v === 'join') fromList[d] = true;
    else if (FROM_END.has(t.v)) fromList[d] = false;
    if (i === target || !Object.hasOwn(TENANT_TABLES, t.v)) return;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev?.kind === 'punct' && prev.v === '.') refuse(`schema-qualified tenant table ${t.v}`);
    if (next?.kind === 'punct' && next.v === '.') return; // a column reference: tickets.id
    if (prev?.kind === 'word' && prev.v === 'of') return; // FOR UPDATE OF tickets: the alias kept below
    const inFrom =
      (prev?.kind === 'word' && (prev.v === 'join' || (prev.v === 'from' && toks[i - 2]?.v !== 'distinct'))) ||
      (prev?.kind === 'punct' && prev.v === ',' && fromList[d] === true);
    if (!inFrom) refuse(`the tenant table ${t.v} where the binder cannot bind it`);
    const spec = TENANT_TABLES[t.v]!;
    usesOrg = true;
    const cond = spec.shared ? `${spec.org} IS NULL OR ${spec.org} = ${org}` : `${spec.org} = ${org}`;
    const [alias] = aliasAfter(i);
    edits.push({ at: t.start, remove: t.end - t.start, insert: `(SELECT * FROM ${t.v} WHERE ${cond})${alias ? '' : ` ${t.v}`}` });
  });

  edits.sort((a, b) => a.at - b.at);
  let text = '';
  let pos = 0;
  for (const e of edits) {
    text += sql.slice(pos, e.at) + e.insert;
    pos = e.at + e.remove;
  }
  text += sql.slice(pos);
  return { text, params, usesOrg };
}

const cache = new Map<string, BoundStatement>();
const MAX_CACHED = 5000;

/** `bindStatement`, remembered per statement text. */
export function bound(sql: string): BoundStatement {
  let b = cache.get(sql);
  if (b === undefined) {
    b = bindStatement(sql);
    if (cache.size < MAX_CACHED) cache.set(sql, b);
  }
  return b;
}
