-- Portico schema. Runs unchanged on PGlite and PostgreSQL. Timestamps are stored with
-- millisecond precision (timestamptz(3)) so that they survive a round trip through JavaScript
-- (cursors carry them).

CREATE TABLE organizations (
  id          text PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  name        text NOT NULL,
  ticket_seq  integer NOT NULL DEFAULT 0,
  event_seq   bigint NOT NULL DEFAULT 0,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  external_id text NOT NULL,
  name        text NOT NULL,
  email       text,
  roles       text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (org_id, external_id)
);

-- Uploaded files (attachments, deliverable versions, invoice PDFs). Bytes live in the storage
-- backend under their sha256; this row says who may see them.
CREATE TABLE files (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  sha256      text NOT NULL,
  size        bigint NOT NULL,
  media_type  text NOT NULL,
  file_name   text NOT NULL,
  uploaded_by text,
  message_id  text,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX files_message ON files (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE tickets (
  id                     text PRIMARY KEY,
  org_id                 text NOT NULL REFERENCES organizations(id),
  number                 integer NOT NULL,
  subject                text NOT NULL,
  status                 text NOT NULL,
  priority               text NOT NULL,
  priority_rank          smallint NOT NULL,
  requester_id           text NOT NULL REFERENCES contacts(id),
  assignee_name          text,
  tags                   text[] NOT NULL DEFAULT '{}',
  escalated              boolean NOT NULL DEFAULT false,
  message_count          integer NOT NULL DEFAULT 0,
  first_response_due_at  timestamptz(3),
  first_responded_at     timestamptz(3),
  resolution_due_at      timestamptz(3),
  resolved_at            timestamptz(3),
  created_at             timestamptz(3) NOT NULL,
  updated_at             timestamptz(3) NOT NULL,
  UNIQUE (org_id, number)
);
CREATE INDEX tickets_org_created ON tickets (org_id, created_at DESC, id DESC);
CREATE INDEX tickets_org_requester_created ON tickets (org_id, requester_id, created_at DESC, id DESC);

CREATE TABLE ticket_messages (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  ticket_id   text NOT NULL REFERENCES tickets(id),
  author_kind text NOT NULL,
  author_id   text NOT NULL,
  author_name text NOT NULL,
  body        text NOT NULL,
  body_format text NOT NULL DEFAULT 'text',
  created_at  timestamptz(3) NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at, id);

CREATE TABLE article_categories (
  id   text PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL
);

-- org_id NULL: published to every organization; otherwise private to one.
CREATE TABLE articles (
  id           text PRIMARY KEY,
  org_id       text REFERENCES organizations(id),
  slug         text NOT NULL,
  title        text NOT NULL,
  summary      text NOT NULL,
  body         text NOT NULL,
  body_format  text NOT NULL,
  category_id  text REFERENCES article_categories(id),
  tags         text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz(3) NOT NULL,
  updated_at   timestamptz(3) NOT NULL
);
CREATE UNIQUE INDEX articles_slug ON articles (coalesce(org_id, ''), slug);

CREATE TABLE article_votes (
  article_id text NOT NULL REFERENCES articles(id),
  contact_id text NOT NULL REFERENCES contacts(id),
  helpful    boolean NOT NULL,
  voted_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, contact_id)
);

CREATE TABLE invoices (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  number      text NOT NULL,
  status      text NOT NULL,
  currency    text NOT NULL,
  subtotal    bigint NOT NULL,
  tax         bigint NOT NULL,
  total       bigint NOT NULL,
  amount_paid bigint NOT NULL DEFAULT 0,
  issued_at   timestamptz(3) NOT NULL,
  due_at      timestamptz(3),
  paid_at     timestamptz(3),
  pdf_file_id text REFERENCES files(id),
  pay_url     text,
  UNIQUE (org_id, number)
);
CREATE INDEX invoices_org_issued ON invoices (org_id, issued_at DESC, id DESC);

CREATE TABLE invoice_lines (
  id          text PRIMARY KEY,
  invoice_id  text NOT NULL REFERENCES invoices(id),
  position    integer NOT NULL,
  description text NOT NULL,
  quantity    double precision NOT NULL,
  unit_amount bigint NOT NULL,
  amount      bigint NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id, position);

CREATE TABLE projects (
  id          text PRIMARY KEY,
  org_id      text NOT NULL REFERENCES organizations(id),
  name        text NOT NULL,
  description text NOT NULL,
  status      text NOT NULL,
  created_at  timestamptz(3) NOT NULL,
  updated_at  timestamptz(3) NOT NULL
);

CREATE TABLE milestones (
  id           text PRIMARY KEY,
  org_id       text NOT NULL REFERENCES organizations(id),
  project_id   text NOT NULL REFERENCES projects(id),
  position     integer NOT NULL,
  title        text NOT NULL,
  due_on       date,
  status       text NOT NULL,
  completed_at timestamptz(3)
);
CREATE INDEX milestones_project ON milestones (project_id, position);

CREATE TABLE deliverables (
  id              text PRIMARY KEY,
  org_id          text NOT NULL REFERENCES organizations(id),
  project_id      text NOT NULL REFERENCES projects(id),
  title           text NOT NULL,
  description     text NOT NULL,
  review_status   text NOT NULL DEFAULT 'pending',
  current_version integer NOT NULL DEFAULT 0,
  last_action     jsonb,
  created_at      timestamptz(3) NOT NULL,
  updated_at      timestamptz(3) NOT NULL
);
CREATE INDEX deliverables_project ON deliverables (project_id, created_at DESC, id DESC);

CREATE TABLE deliverable_versions (
  id               text PRIMARY KEY,
  org_id           text NOT NULL REFERENCES organizations(id),
  deliverable_id   text NOT NULL REFERENCES deliverables(id),
  number           integer NOT NULL,
  file_id          text NOT NULL REFERENCES files(id),
  uploaded_by_id   text NOT NULL,
  uploaded_by_name text NOT NULL,
  created_at       timestamptz(3) NOT NULL,
  UNIQUE (deliverable_id, number)
);

CREATE TABLE comments (
  id             text PRIMARY KEY,
  org_id         text NOT NULL REFERENCES organizations(id),
  deliverable_id text NOT NULL REFERENCES deliverables(id),
  version        integer NOT NULL,
  body           text NOT NULL,
  author_kind    text NOT NULL,
  author_id      text NOT NULL,
  author_name    text NOT NULL,
  anchor         jsonb,
  created_at     timestamptz(3) NOT NULL
);
CREATE INDEX comments_version ON comments (deliverable_id, version, created_at, id);

-- The audit trail of decisions: append-only. The trigger below refuses UPDATE and DELETE.
CREATE TABLE approvals (
  id              text PRIMARY KEY,
  org_id          text NOT NULL REFERENCES organizations(id),
  deliverable_id  text NOT NULL REFERENCES deliverables(id),
  version         integer NOT NULL,
  decision        text NOT NULL,
  comment         text,
  decided_by_id   text NOT NULL,
  decided_by_name text NOT NULL,
  decided_at      timestamptz(3) NOT NULL
);
CREATE INDEX approvals_deliverable ON approvals (deliverable_id, decided_at DESC, id DESC);

CREATE FUNCTION portico_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approvals are append-only (% refused)', TG_OP USING ERRCODE = 'P0001';
END
$$;
CREATE TRIGGER approvals_append_only BEFORE UPDATE OR DELETE ON approvals
  FOR EACH ROW EXECUTE FUNCTION portico_append_only();
CREATE TRIGGER approvals_no_truncate BEFORE TRUNCATE ON approvals
  FOR EACH STATEMENT EXECUTE FUNCTION portico_append_only();

CREATE TABLE notifications (
  id         text PRIMARY KEY,
  org_id     text NOT NULL REFERENCES organizations(id),
  contact_id text NOT NULL REFERENCES contacts(id),
  kind       text NOT NULL,
  title      text NOT NULL,
  body       text NOT NULL,
  link       text,
  created_at timestamptz(3) NOT NULL,
  read_at    timestamptz(3)
);
CREATE INDEX notifications_contact ON notifications (contact_id, created_at DESC, id DESC);

-- The event log behind GET /events. seq is per organization and allocated from
-- organizations.event_seq under its row lock, so it grows in commit order.
-- contact_id: only that contact (and admins) see it; admin_only: only admins.
CREATE TABLE events (
  org_id      text NOT NULL REFERENCES organizations(id),
  seq         bigint NOT NULL,
  type        text NOT NULL,
  kind        text NOT NULL,
  resource_id text NOT NULL,
  parent_id   text,
  contact_id  text,
  admin_only  boolean NOT NULL DEFAULT false,
  occurred_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, seq)
);

-- Idempotency-Key records. scope is the org id ('' for staff); principal the contact id
-- ('staff' for the staff API). status NULL never leaves a transaction.
CREATE TABLE idempotency_keys (
  scope       text NOT NULL,
  principal   text NOT NULL,
  key         text NOT NULL,
  fingerprint text NOT NULL,
  status      integer,
  body        text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, principal, key)
);

-- Named seed runs, so that `seed` is idempotent.
CREATE TABLE seed_runs (
  name      text PRIMARY KEY,
  seeded_at timestamptz(3) NOT NULL DEFAULT now()
);
