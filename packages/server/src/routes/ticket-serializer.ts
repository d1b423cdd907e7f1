/**
 * THE definition of a ticket's wire form, and everything derived from it:
 *
 * - `mapTicket(row)`: the Ticket object (single tickets, writes, the reference list path);
 * - `TICKET_SELECT`: the columns that mapping reads;
 * - the trigger function that keeps most of each ticket's wire JSON on its row (`json_head`,
 *   `json_tail`), shipped as a generated migration (`ticketJsonMigration`, written by
 *   `pnpm --filter @portico/server generate`; test/ticket-serializer.test.ts fails when the
 *   committed migration is not what this file generates);
 * - `ticketJsonSql`: the expression the ticket list (routes/tickets.ts) builds each ticket's
 *   JSON text with — the stored parts around the parts that cannot be stored.
 *
 * Adding a ticket field is one line in TICKET_FIELDS (plus the contract's schema) and
 * `pnpm --filter @portico/server generate` for the migration that rewrites the stored JSON.
 *
 * The stored text is exactly what `JSON.stringify(toWire(mapTicket(row)))` gives: keys in this
 * order and snake_cased by the contract's `snakeKey`, no white space; strings through
 * `to_json(text)`, which escapes like JSON.stringify (", \, \b \f \n \r \t, other control characters
 * as lower-case \u00xx); timestamps as Date.prototype.toISOString gives them (columns are
 * timestamptz(3)). test/tickets-json.test.ts and test/ticket-serializer.test.ts compare the two
 * byte for byte.
 */
import { snakeKey, type Ticket } from '@portico/contract';
import type { Row } from '../db/db.js';
import { iso, isoReq } from '../ids.js';

/** How a value is written: SQL type on the left, JSON on the right. */
type Kind = 'text' | 'text?' | 'int' | 'bool' | 'text[]' | 'time' | 'time?';

/** A field read from a column of `tickets` (kept in the stored JSON). */
interface Stored {
  readonly key: string;
  readonly column: string;
  readonly kind: Kind;
}
/** A field that cannot be stored on the row; the query computes it (see COMPUTED). */
interface Computed {
  readonly key: string;
  readonly computed: keyof typeof COMPUTED;
}
interface Group {
  readonly key: string;
  readonly fields: readonly Field[];
}
type Field = Stored | Computed | Group;

/** Whether the ticket missed a first-response or resolution target (now, or when it was met). */
export const BREACHED = `(t.first_response_due_at IS NOT NULL AND COALESCE(t.first_responded_at, now()) > t.first_response_due_at)
    OR (t.resolution_due_at IS NOT NULL AND COALESCE(t.resolved_at, now()) > t.resolution_due_at)`;

/**
 * Fields computed per query: the requester's name (a join — contacts can be renamed; storing it
 * would lock a contact's tickets on every rename, see bench/server/README.md) and `breached`
 * (depends on the time of the request). `select` is the value in TICKET_SELECT (aliases t, c),
 * `as` its column there.
 */
const COMPUTED = {
  requesterName: { kind: 'text', select: 'c.name', as: 'requester_name' },
  breached: { kind: 'bool', select: `(${BREACHED})`, as: 'breached' },
} as const satisfies Record<string, { kind: Kind; select: string; as: string }>;

export const TICKET_FIELDS = [
  { key: 'id', column: 'id', kind: 'text' },
  { key: 'number', column: 'number', kind: 'int' },
  { key: 'subject', column: 'subject', kind: 'text' },
  { key: 'status', column: 'status', kind: 'text' },
  { key: 'priority', column: 'priority', kind: 'text' },
  {
    key: 'requester',
    fields: [
      { key: 'id', column: 'requester_id', kind: 'text' },
      { key: 'name', computed: 'requesterName' },
    ],
  },
  { key: 'assigneeName', column: 'assignee_name', kind: 'text?' },
  { key: 'tags', column: 'tags', kind: 'text[]' },
  { key: 'escalated', column: 'escalated', kind: 'bool' },
  { key: 'messageCount', column: 'message_count', kind: 'int' },
  { key: 'createdAt', column: 'created_at', kind: 'time' },
  { key: 'updatedAt', column: 'updated_at', kind: 'time' },
  {
    key: 'sla',
    fields: [
      { key: 'firstResponseDueAt', column: 'first_response_due_at', kind: 'time?' },
      { key: 'firstRespondedAt', column: 'first_responded_at', kind: 'time?' },
      { key: 'resolutionDueAt', column: 'resolution_due_at', kind: 'time?' },
      { key: 'breached', computed: 'breached' },
    ],
  },
] as const satisfies readonly Field[];

// The definition names exactly the contract's keys, at every level (a compile error otherwise).
type Keys<F> = F extends readonly { key: infer K }[] ? K : never;
type GroupOf<F, K> = F extends readonly (infer E)[] ? (E extends { key: K; fields: infer G } ? G : never) : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysMatch: [
  Same<Keys<typeof TICKET_FIELDS>, keyof Ticket>,
  Same<Keys<GroupOf<typeof TICKET_FIELDS, 'requester'>>, keyof Ticket['requester']>,
  Same<Keys<GroupOf<typeof TICKET_FIELDS, 'sla'>>, keyof Ticket['sla']>,
] = [true, true, true];
void keysMatch;

/** Columns of `tickets` that keep the stored parts of the JSON, in order. */
export const STORED_SEGMENTS = ['json_head', 'json_tail'] as const;

// ---------------------------------------------------------------------------------------------
// JavaScript: the row → Ticket mapping.

const fromRow: Record<Kind, (v: unknown) => unknown> = {
  text: (v) => v,
  'text?': (v) => v ?? null,
  int: (v) => Number(v),
  bool: (v) => Boolean(v),
  'text[]': (v) => v ?? [],
  time: (v) => isoReq(v as Date),
  'time?': (v) => iso(v as Date | null),
};

function mapFields(fields: readonly Field[], r: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if ('fields' in f) out[f.key] = mapFields(f.fields, r);
    else if ('computed' in f) out[f.key] = fromRow[COMPUTED[f.computed].kind](r[COMPUTED[f.computed].as]);
    else out[f.key] = fromRow[f.kind](r[f.column]);
  }
  return out;
}

/** A row of TICKET_SELECT as the contract's Ticket. */
export const mapTicket = (r: Row): Ticket => mapFields(TICKET_FIELDS, r) as unknown as Ticket;

function selectList(fields: readonly Field[]): string[] {
  return fields.flatMap((f) =>
    'fields' in f
      ? selectList(f.fields)
      : 'computed' in f
        ? [`${COMPUTED[f.computed].select} AS ${COMPUTED[f.computed].as}`]
        : [`t.${f.column}`],
  );
}

/** Everything `mapTicket` reads: tickets `t` joined to the requester `c`. */
export const TICKET_SELECT = `SELECT ${selectList(TICKET_FIELDS).join(', ')}
  FROM tickets t JOIN contacts c ON c.id = t.requester_id`;

// ---------------------------------------------------------------------------------------------
// SQL: the same JSON text, built by PostgreSQL.

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const TIME = (v: string) => `'"' || to_char(${v} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'`;

/** The JSON text of a value of this kind, in SQL. */
const toJson: Record<Kind, (v: string) => string> = {
  text: (v) => `to_json(${v})::text`,
  'text?': (v) => `coalesce(to_json(${v})::text, 'null')`,
  int: (v) => `${v}::text`,
  bool: (v) => `CASE WHEN ${v} THEN 'true' ELSE 'false' END`,
  'text[]': (v) => `coalesce(array_to_json(${v})::text, '[]')`,
  time: (v) => TIME(v),
  'time?': (v) => `coalesce(${TIME(v)}, 'null')`,
};

/** The JSON as a sequence of literal text, column values and computed fields. */
type Part = { literal: string } | { stored: Stored } | { computed: Computed['computed'] };

function parts(fields: readonly Field[]): Part[] {
  const out: Part[] = [];
  fields.forEach((f, i) => {
    out.push({ literal: `${i === 0 ? '{' : ','}${JSON.stringify(snakeKey(f.key))}:` });
    if ('fields' in f) out.push(...parts(f.fields));
    else if ('computed' in f) out.push({ computed: f.computed });
    else out.push({ stored: f });
  });
  out.push({ literal: '}' });
  return out;
}

interface Segment {
  /** Literal text and SQL values, in order (adjacent literals merged). */
  items: Array<{ literal: string } | { sql: string }>;
  /** The stored column that keeps it; undefined when it reads no column (then it is a literal). */
  column?: (typeof STORED_SEGMENTS)[number];
}
const segmentSql = (s: Segment) => s.items.map((i) => ('literal' in i ? quote(i.literal) : i.sql)).join('\n    || ');
const literalOf = (s: Segment) => s.items.map((i) => ('literal' in i ? i.literal : '')).join('');

/**
 * The JSON split at the computed fields: `segments[i]` comes before `computed[i]`, the last
 * segment after the last computed field; values read from `row.<column>`.
 */
function split(row: string): { segments: Segment[]; computed: Array<Computed['computed']> } {
  const segments: Segment[] = [{ items: [] }];
  const computed: Array<Computed['computed']> = [];
  for (const p of parts(TICKET_FIELDS)) {
    const seg = segments[segments.length - 1]!;
    const last = seg.items[seg.items.length - 1];
    if ('computed' in p) {
      computed.push(p.computed);
      segments.push({ items: [] });
    } else if ('literal' in p) {
      if (last && 'literal' in last) last.literal += p.literal;
      else seg.items.push({ literal: p.literal });
    } else seg.items.push({ sql: toJson[p.stored.kind](`${row}.${p.stored.column}`) });
  }
  const stored = segments.filter((s) => s.items.some((i) => 'sql' in i));
  if (stored.length > STORED_SEGMENTS.length) {
    throw new Error(`the ticket JSON needs ${stored.length} stored segments: name more columns in STORED_SEGMENTS`);
  }
  stored.forEach((s, i) => {
    s.column = STORED_SEGMENTS[i];
  });
  return { segments, computed };
}

/**
 * The expression of one ticket's JSON text in the list query (tickets `t`): the stored segments
 * around the computed fields. `requesterName` is the requester name's JSON text (the list reads it
 * once for the caller's own tickets); `breached` is computed here. A boolean directly followed by a
 * literal segment takes it into its CASE (one concatenation less per ticket).
 */
export function ticketJsonSql(json: { requesterName: string }): string {
  const { segments, computed } = split('t');
  const out: string[] = [];
  segments.forEach((seg, i) => {
    const prev = i > 0 ? COMPUTED[computed[i - 1]!] : undefined;
    if (seg.column !== undefined) out.push(`t.${seg.column}`);
    else if (prev?.kind === 'bool') {
      const tail = literalOf(seg);
      out[out.length - 1] = `CASE WHEN ${prev.select} THEN ${quote(`true${tail}`)} ELSE ${quote(`false${tail}`)} END`;
    } else if (literalOf(seg)) out.push(quote(literalOf(seg)));
    const c = computed[i];
    if (c === 'requesterName') out.push(json.requesterName);
    else if (c !== undefined) out.push(toJson[COMPUTED[c].kind](COMPUTED[c].select));
  });
  return out.join(' || ');
}

/** The trigger function's body: each stored segment from NEW. */
export function ticketJsonFunction(): string {
  const assignments = split('NEW')
    .segments.filter((s) => s.column !== undefined)
    .map((s) => `  NEW.${s.column} := ${segmentSql(s)};`)
    .join('\n');
  return `CREATE OR REPLACE FUNCTION tickets_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${assignments}
  RETURN NEW;
END
$$;`;
}

export const GENERATED_HEADER = '-- GENERATED from packages/server/src/routes/ticket-serializer.ts';

/** The migration that installs this definition: columns, trigger function, and every row rewritten. */
export function ticketJsonMigration(): string {
  const used = split('NEW').segments.filter((s) => s.column !== undefined).length;
  const keep = STORED_SEGMENTS.slice(0, used);
  const drop = STORED_SEGMENTS.slice(used);
  return `${GENERATED_HEADER} by \`pnpm --filter @portico/server generate\`. Do not edit:
-- change TICKET_FIELDS there and generate a new migration. test/ticket-serializer.test.ts fails when
-- the newest migration that defines tickets_json() is not what that file generates.
--
-- Most of each ticket's wire JSON is kept on its row, written by a trigger on every INSERT and
-- UPDATE; the ticket list adds the parts that cannot be stored (the requester's name, breached).

ALTER TABLE tickets
${[...keep.map((c) => `  ADD COLUMN IF NOT EXISTS ${c} text`), ...drop.map((c) => `  DROP COLUMN IF EXISTS ${c}`)].join(',\n')};

${ticketJsonFunction()}

CREATE OR REPLACE TRIGGER tickets_json BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_json();

-- Every row again, through the trigger.
UPDATE tickets SET ${keep[0]} = NULL;
ALTER TABLE tickets
${keep.map((c) => `  ALTER COLUMN ${c} SET NOT NULL`).join(',\n')};
`;
}

/** The newest of these migrations that defines tickets_json(): the one that must be `ticketJsonMigration()`. */
export function latestTicketJsonMigration<M extends { name: string; sql: string }>(migrations: M[]): M | undefined {
  return [...migrations].sort((a, b) => a.name.localeCompare(b.name)).findLast((m) => /FUNCTION tickets_json\(\)/.test(m.sql));
}
