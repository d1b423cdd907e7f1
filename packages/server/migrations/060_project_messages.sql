-- Project messages (issue 14): one conversation per project between the client's contacts and
-- the firm's staff, and each contact's read marker. Attachments are `files` rows whose
-- `message_id` names the message (as for ticket messages; ids are prefixed `pmsg_`).

CREATE TABLE project_messages (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  project_id  text NOT NULL REFERENCES projects(id),
  author_kind text NOT NULL CHECK (author_kind IN ('contact', 'agent')),
  author_id   text NOT NULL,
  author_name text NOT NULL,
  body        text NOT NULL,
  body_format text NOT NULL CHECK (body_format IN ('text', 'markdown')),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
-- Pages go back in time: (created_at, id) descending within a project.
CREATE INDEX project_messages_page ON project_messages (project_id, created_at, id);

-- Where a contact has read up to, per project: the marker message's (created_at, id), so that
-- "unread" is one range scan of the index above. It only moves forward.
CREATE TABLE project_message_reads (
  org_id          text NOT NULL REFERENCES organizations(id),
  project_id      text NOT NULL REFERENCES projects(id),
  contact_id      text NOT NULL REFERENCES contacts(id),
  last_message_id text NOT NULL,
  last_created_at timestamptz(3) NOT NULL,
  read_at         timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, contact_id)
);

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('project_messages', 'SELECT, INSERT'),
    ('project_message_reads', 'SELECT, INSERT, UPDATE')
  ) AS v(name, privileges) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO portico_tenant USING (org_id = current_setting(%L, true)) WITH CHECK (org_id = current_setting(%L, true))',
      t.name, 'portico.org_id', 'portico.org_id');
    EXECUTE format('GRANT %s ON %I TO portico_tenant', t.privileges, t.name);
  END LOOP;
END
$$;
