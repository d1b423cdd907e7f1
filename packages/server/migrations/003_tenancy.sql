-- Row-level security: the second wall of tenancy (the first is the organization-bound handle,
-- src/db/tenant.ts). Every table that holds an organization's data gets a policy for the role
-- portico_tenant that admits only the rows of the organization in the setting portico.org_id.
-- Portal requests run their statements as that role with that setting, both transaction-local
-- (src/db/tenancy.ts); the server's own role (the one in DATABASE_URL, which owns the tables and
-- runs this migration) is not subject to these policies and keeps serving the staff API, the seed,
-- the principal lookup and the event bus. FORCE ROW LEVEL SECURITY is not needed: tenant
-- statements never run as the owner, and the owner is the reviewed system path.
-- test/tenancy.test.ts checks that every table with an organization column has a policy here.

-- The role is cluster-wide while this migration runs once per database, and several databases
-- (tests, several deployments) may create it at the same moment: create it unless it exists, and
-- treat losing that race as success.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portico_tenant') THEN
    BEGIN
      CREATE ROLE portico_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  -- The server's role switches to it per transaction (SET ROLE needs membership unless superuser).
  IF NOT pg_has_role(current_user, 'portico_tenant', 'MEMBER') THEN
    EXECUTE format('GRANT portico_tenant TO %I', current_user);
  END IF;
END
$$;

-- Two tables reached their organization only through another row: give them the column, so that
-- every policy is the same simple comparison (and the handle can bind them like the others).
ALTER TABLE invoice_lines ADD COLUMN org_id text REFERENCES organizations(id);
UPDATE invoice_lines l SET org_id = i.org_id FROM invoices i WHERE i.id = l.invoice_id;
ALTER TABLE invoice_lines ALTER COLUMN org_id SET NOT NULL;

ALTER TABLE article_votes ADD COLUMN org_id text REFERENCES organizations(id);
UPDATE article_votes v SET org_id = c.org_id FROM contacts c WHERE c.id = v.contact_id;
ALTER TABLE article_votes ALTER COLUMN org_id SET NOT NULL;

-- Votes on an article published to everyone are counted across organizations (a count, never the
-- votes): through this function, which runs as its owner.
CREATE FUNCTION article_vote_counts(article text, OUT helpful integer, OUT not_helpful integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT (count(*) FILTER (WHERE helpful))::integer, (count(*) FILTER (WHERE NOT helpful))::integer
  FROM article_votes WHERE article_id = article
$$;
REVOKE ALL ON FUNCTION article_vote_counts(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION article_vote_counts(text) TO portico_tenant;

GRANT USAGE ON SCHEMA public TO portico_tenant;

-- Organization column → policy; the grants are what portal handlers do, no more.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organizations TO portico_tenant
  USING (id = current_setting('portico.org_id', true)) WITH CHECK (id = current_setting('portico.org_id', true));
GRANT SELECT, UPDATE (ticket_seq, event_seq) ON organizations TO portico_tenant;

ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON articles TO portico_tenant
  USING (org_id IS NULL OR org_id = current_setting('portico.org_id', true));
GRANT SELECT ON articles TO portico_tenant;

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON idempotency_keys TO portico_tenant
  USING (scope = current_setting('portico.org_id', true)) WITH CHECK (scope = current_setting('portico.org_id', true));
GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO portico_tenant;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('contacts', 'SELECT'),
    ('files', 'SELECT, INSERT, UPDATE'),
    ('tickets', 'SELECT, INSERT, UPDATE'),
    ('ticket_messages', 'SELECT, INSERT'),
    ('article_votes', 'SELECT, INSERT, UPDATE'),
    ('invoices', 'SELECT'),
    ('invoice_lines', 'SELECT'),
    ('projects', 'SELECT'),
    ('milestones', 'SELECT'),
    ('deliverables', 'SELECT, UPDATE'),
    ('deliverable_versions', 'SELECT'),
    ('comments', 'SELECT, INSERT'),
    ('approvals', 'SELECT, INSERT'),
    ('notifications', 'SELECT, INSERT, UPDATE'),
    ('events', 'SELECT, INSERT')
  ) AS v(name, privileges) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO portico_tenant USING (org_id = current_setting(%L, true)) WITH CHECK (org_id = current_setting(%L, true))',
      t.name, 'portico.org_id', 'portico.org_id');
    EXECUTE format('GRANT %s ON %I TO portico_tenant', t.privileges, t.name);
  END LOOP;
END
$$;

-- The same for everyone.
GRANT SELECT ON article_categories TO portico_tenant;
