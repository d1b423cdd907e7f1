// The statement binder (db/bind.ts): every tenant table a statement names is bound to the
// organization parameter, and what cannot be bound is refused. Pure text: no database.
import { describe, expect, it } from 'vitest';
import { bindStatement, lex } from '../src/db/bind.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const bind = (sql: string) => {
  const b = bindStatement(sql);
  return { ...b, text: norm(b.text) };
};

describe('bindStatement: reads', () => {
  it('turns every FROM/JOIN reference into a filtered subquery, keeping (or adding) the alias', () => {
    expect(bind('SELECT t.id, c.name FROM tickets t JOIN contacts c ON c.id = t.requester_id WHERE t.id = $1')).toEqual({
      text: 'SELECT t.id, c.name FROM (SELECT * FROM tickets WHERE org_id = $2) t JOIN (SELECT * FROM contacts WHERE org_id = $2) c ON c.id = t.requester_id WHERE t.id = $1',
      params: 1,
      usesOrg: true,
    });
    expect(bind('SELECT * FROM projects WHERE id = $1').text).toBe(
      'SELECT * FROM (SELECT * FROM projects WHERE org_id = $2) projects WHERE id = $1',
    );
    expect(bind('SELECT x FROM files AS f, tickets WHERE tickets.id = f.id').text).toBe(
      'SELECT x FROM (SELECT * FROM files WHERE org_id = $1) AS f, (SELECT * FROM tickets WHERE org_id = $1) tickets WHERE tickets.id = f.id',
    );
  });

  it('binds subqueries, scalar subqueries, UNION branches and LEFT JOINs at any depth', () => {
    const b = bind(
      `SELECT a.*, (SELECT count(*) FROM article_votes v WHERE v.article_id = a.id) AS n FROM articles a
       LEFT JOIN article_categories c ON c.id = a.category_id
       WHERE a.id IN (SELECT article_id FROM article_votes) UNION SELECT * FROM articles`,
    );
    expect(b.text.match(/FROM \(SELECT \* FROM article_votes WHERE org_id = \$1\)/g)).toHaveLength(2);
    expect(b.text.match(/FROM \(SELECT \* FROM articles WHERE org_id IS NULL OR org_id = \$1\)/g)).toHaveLength(2);
    expect(b.text).toContain('LEFT JOIN article_categories c'); // not a tenant table
  });

  it('keeps FOR UPDATE OF <alias> working on the bound reference', () => {
    expect(bind('SELECT * FROM deliverables WHERE id = $1 FOR UPDATE').text).toBe(
      'SELECT * FROM (SELECT * FROM deliverables WHERE org_id = $2) deliverables WHERE id = $1 FOR UPDATE',
    );
    expect(bind('SELECT t.* FROM tickets t WHERE t.id = $1 FOR UPDATE OF t').text).toContain(') t WHERE t.id = $1 FOR UPDATE OF t');
    expect(bind('SELECT * FROM tickets WHERE id = $1 FOR UPDATE OF tickets').text).toContain(
      ') tickets WHERE id = $1 FOR UPDATE OF tickets',
    );
  });

  it('leaves statements without tenant tables alone, and ignores names inside strings, comments and quoted text', () => {
    expect(bind('SELECT pg_notify($1, $2) -- FROM tickets\n /* FROM tickets */')).toMatchObject({ params: 2, usesOrg: false });
    expect(bind("SELECT 'FROM tickets', $$FROM tickets$$, E'it\\'s FROM tickets' FROM article_categories")).toMatchObject({
      usesOrg: false,
    });
  });

  it('numbers the organization after the highest placeholder, however often a statement uses it', () => {
    const b = bind('SELECT * FROM tickets t WHERE t.number = $3 AND t.subject = $1 OR t.status = $2');
    expect(b.params).toBe(3);
    expect(b.text).toContain('org_id = $4');
  });
});

describe('bindStatement: writes', () => {
  it('UPDATE: ANDs the organization to the WHERE (kept in parentheses) or adds one, before RETURNING', () => {
    expect(bind('UPDATE tickets SET status = $2 WHERE id = $1 OR number = 3 RETURNING id').text).toBe(
      'UPDATE tickets SET status = $2 WHERE tickets.org_id = $3 AND ( id = $1 OR number = 3 ) RETURNING id',
    );
    expect(bind('UPDATE organizations SET ticket_seq = ticket_seq + 1 RETURNING ticket_seq').text).toBe(
      'UPDATE organizations SET ticket_seq = ticket_seq + 1 WHERE organizations.id = $1 RETURNING ticket_seq',
    );
    expect(bind('UPDATE notifications n SET read_at = now() WHERE n.id = (SELECT id FROM notifications WHERE id = $1)').text).toBe(
      'UPDATE notifications n SET read_at = now() WHERE n.org_id = $2 AND ( n.id = (SELECT id FROM (SELECT * FROM notifications WHERE org_id = $2) notifications WHERE id = $1))',
    );
  });

  it('DELETE: the same', () => {
    expect(bind('DELETE FROM comments WHERE id = $1').text).toBe('DELETE FROM comments WHERE comments.org_id = $2 AND ( id = $1)');
    expect(bind('DELETE FROM comments').text).toBe('DELETE FROM comments WHERE comments.org_id = $1');
  });

  it('INSERT: adds the organization column and value to every row; ON CONFLICT DO UPDATE only updates its own rows', () => {
    expect(bind('INSERT INTO events (seq, type) VALUES ($1, $2), ($3, $4)').text).toBe(
      'INSERT INTO events (seq, type, org_id) VALUES ($1, $2, $5), ($3, $4, $5)',
    );
    expect(
      bind(
        `INSERT INTO idempotency_keys (principal, key) VALUES ($1, $2) ON CONFLICT (scope, principal, key) DO UPDATE
         SET created_at = now() WHERE idempotency_keys.created_at < now() RETURNING key`,
      ).text,
    ).toBe(
      'INSERT INTO idempotency_keys (principal, key, scope) VALUES ($1, $2, $3) ON CONFLICT (scope, principal, key) DO UPDATE SET created_at = now() WHERE idempotency_keys.scope = $3 AND ( idempotency_keys.created_at < now() ) RETURNING key',
    );
    expect(bind('INSERT INTO article_votes (a, b) VALUES ($1, $2) ON CONFLICT (a, b) DO UPDATE SET b = EXCLUDED.b').text).toBe(
      'INSERT INTO article_votes (a, b, org_id) VALUES ($1, $2, $3) ON CONFLICT (a, b) DO UPDATE SET b = EXCLUDED.b WHERE article_votes.org_id = $3',
    );
    expect(bind('INSERT INTO comments (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING *').text).toBe(
      'INSERT INTO comments (id, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING *',
    );
  });

  it('a write to a non-tenant table is left alone; its tenant reads are bound', () => {
    expect(bind('INSERT INTO seed_runs (name) SELECT id FROM tickets').text).toBe(
      'INSERT INTO seed_runs (name) SELECT id FROM (SELECT * FROM tickets WHERE org_id = $1) tickets',
    );
  });
});

describe('bindStatement: refuses what it cannot bind', () => {
  const refused = [
    ['schema-qualified', 'SELECT * FROM public.tickets'],
    ['quoted', 'SELECT * FROM "tickets"'],
    ['TABLE', 'TABLE tickets'],
    ['TRUNCATE', 'TRUNCATE tickets'],
    ['a DO block', 'DO $$ BEGIN PERFORM 1; END $$'],
    ['COPY', 'COPY tickets TO STDOUT'],
    ['SET', "SET portico.org_id = 'x'"],
    ['two statements', 'SELECT 1; SELECT * FROM tickets'],
    ['a CTE named like a tenant table', 'WITH tickets AS (SELECT 1) SELECT * FROM tickets'],
    ['WITH RECURSIVE', 'WITH RECURSIVE x AS (SELECT 1) SELECT * FROM x'],
    ['a DML target inside a CTE', 'WITH x AS (UPDATE tickets SET a = 1 RETURNING id) SELECT * FROM x'],
    ['INSERT naming the organization', 'INSERT INTO tickets (id, org_id) VALUES ($1, $2)'],
    ['INSERT … SELECT', 'INSERT INTO tickets (id) SELECT id FROM projects'],
    ['INSERT without columns', 'INSERT INTO tickets VALUES ($1)'],
    ['DELETE … USING', 'DELETE FROM tickets USING contacts WHERE contacts.id = tickets.requester_id'],
    ['ONLY', 'SELECT * FROM ONLY tickets'],
    ['an alias named like a tenant table', 'SELECT count(*) AS tickets FROM projects'],
    ['dynamic SQL', "SELECT query_to_xml('select * from tickets', true, false, '')"],
    ['an unterminated string', "SELECT 'x FROM tickets"],
  ] as const;
  for (const [what, sql] of refused) {
    it(what, () => {
      expect(() => bindStatement(sql)).toThrow(/organization-bound handle refuses/);
    });
  }
});

describe('lex', () => {
  it('reads dollar quotes, E-strings, quoted identifiers with "" and nested comments', () => {
    const t = lex(`SELECT $a$ x $a$, E'\\'', "a""b", /* /* nested */ still */ $1::text[]`);
    expect(t.map((x) => x.v)).toEqual(['select', "'", ',', 'e', "'", ',', 'a"b', ',', '1', '::', 'text', '[', ']']);
  });
});
