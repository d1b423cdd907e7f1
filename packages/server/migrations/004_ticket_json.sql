-- GENERATED from packages/server/src/routes/ticket-serializer.ts by `pnpm --filter @portico/server generate`. Do not edit:
-- change TICKET_FIELDS there and generate a new migration. test/ticket-serializer.test.ts fails when
-- the newest migration that defines tickets_json() is not what that file generates.
--
-- Most of each ticket's wire JSON is kept on its row, written by a trigger on every INSERT and
-- UPDATE; the ticket list adds the parts that cannot be stored (the requester's name, breached).

ALTER TABLE tickets
  ADD COLUMN IF NOT EXISTS json_head text,
  ADD COLUMN IF NOT EXISTS json_tail text;

CREATE OR REPLACE FUNCTION tickets_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.json_head := '{"id":'
    || to_json(NEW.id)::text
    || ',"number":'
    || NEW.number::text
    || ',"subject":'
    || to_json(NEW.subject)::text
    || ',"status":'
    || to_json(NEW.status)::text
    || ',"priority":'
    || to_json(NEW.priority)::text
    || ',"requester":{"id":'
    || to_json(NEW.requester_id)::text
    || ',"name":';
  NEW.json_tail := '},"assignee_name":'
    || coalesce(to_json(NEW.assignee_name)::text, 'null')
    || ',"tags":'
    || coalesce(array_to_json(NEW.tags)::text, '[]')
    || ',"escalated":'
    || CASE WHEN NEW.escalated THEN 'true' ELSE 'false' END
    || ',"message_count":'
    || NEW.message_count::text
    || ',"created_at":'
    || '"' || to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
    || ',"updated_at":'
    || '"' || to_char(NEW.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
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

CREATE OR REPLACE TRIGGER tickets_json BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_json();

-- Every row again, through the trigger.
UPDATE tickets SET json_head = NULL;
ALTER TABLE tickets
  ALTER COLUMN json_head SET NOT NULL,
  ALTER COLUMN json_tail SET NOT NULL;
