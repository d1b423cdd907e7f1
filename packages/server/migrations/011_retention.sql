-- Retention (src/retention.ts): idempotency keys expire after 24 h, events after
-- PORTICO_EVENT_RETENTION_HOURS, uploads never attached to anything after a day. The job deletes
-- in small batches found through these indexes.

-- The highest event number of the organization that retention deleted. A stream resuming after
-- an event older than this (`Last-Event-ID` < events_expired_seq) may have lost events: it gets
-- `stream.reset` instead of a silent gap. Written in the transaction that deletes the events.
ALTER TABLE organizations ADD COLUMN events_expired_seq bigint NOT NULL DEFAULT 0;

CREATE INDEX events_occurred ON events (occurred_at);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Orphan uploads: not attached to a message and referenced by no foreign key (the job reads the
-- foreign keys to files from the catalog; each referencing column is indexed here, and a test
-- checks that every one is).
CREATE INDEX files_unattached ON files (created_at) WHERE message_id IS NULL;
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX deliverable_versions_file ON deliverable_versions (file_id);
CREATE INDEX invoices_pdf_file ON invoices (pdf_file_id) WHERE pdf_file_id IS NOT NULL;
