-- The notification centre (issue 13): categories, archive, per-contact preferences, the
-- profile's language and time zone, and events only their contact sees.

-- The category is the kind's (contract: CATEGORY_OF_KIND); stored so the feed's filter and the
-- unread count use an index.
ALTER TABLE notifications ADD COLUMN category text NOT NULL GENERATED ALWAYS AS (
  CASE kind
    WHEN 'ticket_reply' THEN 'tickets'
    WHEN 'ticket_status' THEN 'tickets'
    WHEN 'invoice_issued' THEN 'billing'
    WHEN 'deliverable_version' THEN 'projects'
    WHEN 'decision_recorded' THEN 'projects'
    ELSE 'announcements'
  END) STORED;
ALTER TABLE notifications ADD COLUMN archived_at timestamptz(3);
-- The bell's count and "mark all read": a contact's unread, unarchived rows.
CREATE INDEX notifications_unread ON notifications (contact_id, category) WHERE read_at IS NULL AND archived_at IS NULL;

-- A contact's own events (their notifications, profile, preferences): not even admins see them.
ALTER TABLE events ADD COLUMN private boolean NOT NULL DEFAULT false;

-- Switches a contact changed; a missing row is "on". channel: 'inPortal' | 'email'.
CREATE TABLE notification_preferences (
  org_id     text NOT NULL REFERENCES organizations(id),
  contact_id text NOT NULL REFERENCES contacts(id),
  category   text NOT NULL CHECK (category IN ('tickets', 'billing', 'projects', 'announcements')),
  channel    text NOT NULL CHECK (channel IN ('inPortal', 'email')),
  enabled    boolean NOT NULL,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (contact_id, category, channel)
);

-- What the portal knows of a contact beyond the token: language and time zone.
CREATE TABLE contact_settings (
  org_id     text NOT NULL REFERENCES organizations(id),
  contact_id text PRIMARY KEY REFERENCES contacts(id),
  language   text,
  time_zone  text,
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notification_preferences', 'contact_settings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant ON %I TO portico_tenant USING (org_id = current_setting(%L, true)) WITH CHECK (org_id = current_setting(%L, true))',
      t, 'portico.org_id', 'portico.org_id');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I TO portico_tenant', t);
  END LOOP;
END
$$;
