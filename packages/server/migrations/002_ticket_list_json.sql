-- The ticket list (GET /tickets) sends each ticket as JSON text assembled by the database. Most of
-- that text depends only on the ticket's own row, so it is kept on the row, written by a trigger
-- on every INSERT and UPDATE: the list then concatenates two stored texts with the two parts that
-- cannot be stored, the requester's name (a join: contacts can be renamed) and `breached` (it
-- depends on the time of the request). Formatting at read time cost ≈ 6 µs of database CPU per
-- ticket (to_char, to_json, ~40 concatenations), most of a page's cost.
--
-- The text is the wire format that `JSON.stringify(toWire(mapTicket(row)))` gives (routes/tickets.ts):
-- snake_case keys in mapTicket's order, no whitespace. Strings go through `to_json(text)`, which
-- escapes exactly like JSON.stringify (", \, \b \f \n \r \t, other control characters as lower-case
-- \u00xx); timestamps are formatted like Date.prototype.toISOString (columns are timestamptz(3)).
-- test/tickets-json.test.ts compares the two byte for byte. Any change to the Ticket wire shape
-- needs a migration that replaces this function and rewrites the rows (UPDATE tickets SET json_head = NULL).
--
--   json_head: {"id":…,"number":…,"subject":…,"status":…,"priority":…,"requester":{"id":…,"name":
--   json_tail: },"assignee_name":…,"tags":…,"escalated":…,"message_count":…,"created_at":…,
--              "updated_at":…,"sla":{"first_response_due_at":…,"first_responded_at":…,
--              "resolution_due_at":…,"breached":

ALTER TABLE tickets ADD COLUMN json_head text, ADD COLUMN json_tail text;

CREATE FUNCTION tickets_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.json_head := '{"id":' || to_json(NEW.id)::text
    || ',"number":' || NEW.number::text
    || ',"subject":' || to_json(NEW.subject)::text
    || ',"status":' || to_json(NEW.status)::text
    || ',"priority":' || to_json(NEW.priority)::text
    || ',"requester":{"id":' || to_json(NEW.requester_id)::text
    || ',"name":';
  NEW.json_tail := '},"assignee_name":' || coalesce(to_json(NEW.assignee_name)::text, 'null')
    || ',"tags":' || coalesce(array_to_json(NEW.tags)::text, '[]')
    || ',"escalated":' || CASE WHEN NEW.escalated THEN 'true' ELSE 'false' END
    || ',"message_count":' || NEW.message_count::text
    || ',"created_at":"' || to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
    || ',"updated_at":"' || to_char(NEW.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
    || ',"sla":{"first_response_due_at":'
    || coalesce('"' || to_char(NEW.first_response_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')
    || ',"first_responded_at":'
    || coalesce('"' || to_char(NEW.first_responded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')
    || ',"resolution_due_at":'
    || coalesce('"' || to_char(NEW.resolution_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"', 'null')
    || ',"breached":';
  RETURN NEW;
END
$$;

CREATE TRIGGER tickets_json BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_json();

-- Existing rows: the trigger fills both columns.
UPDATE tickets SET json_head = NULL;
ALTER TABLE tickets ALTER COLUMN json_head SET NOT NULL, ALTER COLUMN json_tail SET NOT NULL;
