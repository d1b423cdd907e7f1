-- Connectors (issue 15, docs/connectors.md): the server serves a resource group from a system of
-- record (Stripe billing, Zendesk support and knowledge base). This migration holds what every
-- connector shares:
--
-- external_accounts: which account of an external system is an organization or one of its
-- contacts (an organization's Stripe customer, its Zendesk organization, a contact's Zendesk user).
-- Written only by the staff API (an external id never comes from the browser); a tenant table
-- (row-level security as in 003_tenancy.sql, listed in src/db/tenancy.ts) that portal requests
-- read through their organization's handle. Webhooks look an external id up as the server's own
-- role, before any organization is known.
--
-- connector_webhook_events: webhook event ids already handled, per system, so that a redelivered
-- event does nothing twice. Not an organization's data (no org_id): the server's own role only.

CREATE TABLE external_accounts (
  org_id      text NOT NULL REFERENCES organizations(id),
  system      text NOT NULL CHECK (system IN ('stripe', 'zendesk')),
  kind        text NOT NULL CHECK (kind IN ('organization', 'customer', 'user')),
  -- The organization's own id for an account of the organization, a contact's id for a user.
  local_id    text NOT NULL,
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 255),
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (system, kind, local_id),
  UNIQUE (system, kind, external_id)
);
CREATE INDEX external_accounts_org ON external_accounts (org_id);

ALTER TABLE external_accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON external_accounts TO portico_tenant
  USING (org_id = current_setting('portico.org_id', true))
  WITH CHECK (org_id = current_setting('portico.org_id', true));
GRANT SELECT ON external_accounts TO portico_tenant;

CREATE TABLE connector_webhook_events (
  system      text NOT NULL,
  event_id    text NOT NULL,
  received_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (system, event_id)
);
CREATE INDEX connector_webhook_events_received ON connector_webhook_events (received_at);
