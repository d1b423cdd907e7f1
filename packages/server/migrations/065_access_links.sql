-- Private client links (issue 14): a link lets someone without an account see one project (or
-- every project of an organization: a "space") through a short-lived guest token. Only the
-- sha256 of the link's token is stored; the token itself is shown once, when the link is made.
CREATE TABLE access_links (
  id           text PRIMARY KEY,
  org_id       text NOT NULL REFERENCES organizations(id),
  -- NULL: the organization's client space (every project); else that project only.
  project_id   text REFERENCES projects(id),
  kind         text NOT NULL CHECK (kind IN ('permanent', 'expiring', 'single_use')),
  label        text NOT NULL,
  -- Roles the guest token carries besides `guest` (today only `approver`).
  extra_roles  text[] NOT NULL DEFAULT '{}',
  token_hash   text NOT NULL UNIQUE,
  expires_at   timestamptz(3),
  revoked_at   timestamptz(3),
  -- When a single-use link was redeemed (set once, atomically).
  used_at      timestamptz(3),
  last_used_at timestamptz(3),
  use_count    integer NOT NULL DEFAULT 0,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((kind = 'expiring') = (expires_at IS NOT NULL))
);
CREATE INDEX access_links_org ON access_links (org_id, created_at DESC, id DESC);

-- Written by the server's own role only (staff API, redemption). The tenant role reads its own
-- organization's rows: the guest guard checks a guest's link on every request through the
-- organization's handle.
ALTER TABLE access_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON access_links TO portico_tenant
  USING (org_id = current_setting('portico.org_id', true)) WITH CHECK (org_id = current_setting('portico.org_id', true));
GRANT SELECT ON access_links TO portico_tenant;
