-- Event numbers are given after COMMIT, by readers, instead of by writers under the
-- organization's row lock (issue 16, item 3; src/events.ts).
--
-- Before: every write took `organizations.event_seq` under the organization's row lock and held
-- it to COMMIT, so an organization's writes ran one at a time, and publishing a global article
-- locked every organization's row in one transaction in no fixed order.
--
-- Now a write inserts its events unnumbered (seq NULL; `pos` keeps their order) and notifies.
-- A reader numbers the organization's committed, unnumbered events with `number_events` — under
-- the organization's row lock, taken only for that short transaction — and then reads by number.
-- An event committed later is numbered later, so a reader resuming after N never skips one.
-- Writers no longer take the lock at all; the counter is still `organizations.event_seq`, so a
-- server of the previous release (which numbers its own events under the same lock) can keep
-- running during a rolling upgrade.

ALTER TABLE events ADD COLUMN pos bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE events ADD PRIMARY KEY (pos);
CREATE UNIQUE INDEX events_org_seq ON events (org_id, seq);
CREATE INDEX events_unnumbered ON events (org_id, pos) WHERE seq IS NULL;

-- Numbers the organization's committed, unnumbered events in their insertion order and returns
-- the organization's head (its last event number). Runs as the server's own role (the event bus,
-- retention), in a transaction of its own: the row lock is held only until that commits. Events of
-- transactions still in flight are not visible here; they get the next numbers, later.
CREATE FUNCTION number_events(org text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  head bigint;
  n bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM events WHERE org_id = org AND seq IS NULL) THEN
    -- Nothing to number: no lock, nothing written.
    RETURN (SELECT event_seq FROM organizations WHERE id = org);
  END IF;
  -- NO KEY UPDATE: writers in flight hold KEY SHARE on the row (their rows' foreign keys to the
  -- organization), which this must not wait for.
  SELECT event_seq INTO head FROM organizations WHERE id = org FOR NO KEY UPDATE;
  IF head IS NULL THEN RETURN 0; END IF;
  UPDATE events e SET seq = head + r.n
  FROM (SELECT pos, row_number() OVER (ORDER BY pos) AS n FROM events WHERE org_id = org AND seq IS NULL) r
  WHERE e.pos = r.pos AND e.seq IS NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n > 0 THEN
    UPDATE organizations SET event_seq = head + n WHERE id = org;
  END IF;
  RETURN head + n;
END
$$;
REVOKE ALL ON FUNCTION number_events(text) FROM PUBLIC;

-- One notification per organization and writing statement, sent at COMMIT (pg_notify is
-- transactional); the payload is the organization's id. Writers need no statement of their own.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portico_events', o.org_id) FROM (SELECT DISTINCT org_id FROM inserted) o;
  RETURN NULL;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON events REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
