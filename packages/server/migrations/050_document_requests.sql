-- Document requests (contract: schemas/document-request.ts): the firm asks a client's project for
-- documents; each item is answered with one or more files, then accepted, rejected (with a reason)
-- or marked not applicable. Reminders due are computed from the due date and the request's offsets
-- and reported once per offset (document_request_reminders). Every table is a tenant table:
-- row-level security as in 003_tenancy.sql, and listed in src/db/tenancy.ts.

CREATE TABLE document_requests (
  id               text PRIMARY KEY,
  org_id           text NOT NULL REFERENCES organizations(id),
  project_id       text NOT NULL REFERENCES projects(id),
  title            text NOT NULL,
  instructions     text NOT NULL DEFAULT '',
  due_at           timestamptz(3),
  -- Days relative to the due date: -3 is three days before, 0 the day itself, 2 two days after.
  reminder_offsets integer[] NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by_name  text NOT NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  updated_at       timestamptz(3) NOT NULL DEFAULT now(),
  closed_at        timestamptz(3)
);
CREATE INDEX document_requests_project ON document_requests (project_id, created_at DESC, id DESC);
CREATE INDEX document_requests_open_due ON document_requests (due_at) WHERE status = 'open';

CREATE TABLE document_request_items (
  id              text PRIMARY KEY,
  org_id          text NOT NULL REFERENCES organizations(id),
  request_id      text NOT NULL REFERENCES document_requests(id),
  position        integer NOT NULL,
  label           text NOT NULL,
  required        boolean NOT NULL DEFAULT true,
  accepted_types  text[] NOT NULL DEFAULT '{}',
  max_bytes       bigint NOT NULL CHECK (max_bytes > 0),
  status          text NOT NULL DEFAULT 'missing'
                    CHECK (status IN ('missing', 'uploaded', 'accepted', 'rejected', 'not_applicable')),
  reason          text,
  decided_by_name text,
  decided_at      timestamptz(3),
  updated_at      timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (request_id, position)
);

-- The files answering an item. `superseded_at` is set when the client replaced them (before
-- acceptance) or uploaded again after a rejection: the item shows the others.
CREATE TABLE document_request_files (
  id               text PRIMARY KEY,
  org_id           text NOT NULL REFERENCES organizations(id),
  item_id          text NOT NULL REFERENCES document_request_items(id),
  file_id          text NOT NULL REFERENCES files(id),
  uploaded_by_id   text NOT NULL,
  uploaded_by_name text NOT NULL,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  superseded_at    timestamptz(3)
);
CREATE INDEX document_request_files_item ON document_request_files (item_id, created_at, id);
-- Retention reads the foreign keys to files: each referencing column is indexed (011_retention.sql).
CREATE INDEX document_request_files_file ON document_request_files (file_id);

-- A reminder reported to the host's mailer, once per request and offset.
CREATE TABLE document_request_reminders (
  org_id      text NOT NULL REFERENCES organizations(id),
  request_id  text NOT NULL REFERENCES document_requests(id),
  offset_days integer NOT NULL,
  reported_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, offset_days)
);

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('document_requests', 'SELECT, UPDATE'),
    ('document_request_items', 'SELECT, UPDATE'),
    ('document_request_files', 'SELECT, INSERT, UPDATE'),
    ('document_request_reminders', 'SELECT')
  ) AS v(name, privileges) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO portico_tenant USING (org_id = current_setting(%L, true)) WITH CHECK (org_id = current_setting(%L, true))',
      t.name, 'portico.org_id', 'portico.org_id');
    EXECUTE format('GRANT %s ON %I TO portico_tenant', t.privileges, t.name);
  END LOOP;
END
$$;
