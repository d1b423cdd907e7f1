-- File bytes in the database (PORTICO_STORAGE=postgres): every server process on the database
-- shares them, on PGlite and PostgreSQL alike, with no other service. Content-addressed like
-- the other backends: `files.sha256` names a published blob here. The tables exist (empty) under
-- every backend.
--
-- A put inserts a blob row without sha256 (its temporary name), streams the content into
-- fixed-size chunks, and publishes by setting sha256 (under an advisory lock on the hash, so
-- concurrent puts of the same bytes keep one blob; the loser deletes its own). A put that fails
-- deletes its row; what a killed process leaves (sha256 NULL) is removed by `sweep`.
CREATE TABLE file_blobs (
  id          text PRIMARY KEY,
  sha256      text UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint NOT NULL DEFAULT 0,
  chunk_size  integer NOT NULL CHECK (chunk_size > 0),
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX file_blobs_unpublished ON file_blobs (created_at) WHERE sha256 IS NULL;

CREATE TABLE file_chunks (
  blob_id  text NOT NULL REFERENCES file_blobs(id) ON DELETE CASCADE,
  idx      integer NOT NULL CHECK (idx >= 0),
  data     bytea NOT NULL,
  PRIMARY KEY (blob_id, idx)
);
-- Uploads are mostly compressed already (PNG, JPEG, PDF, MP4, ZIP): don't try to compress them
-- again; uncompressed out-of-line values also make reading a slice cheap.
ALTER TABLE file_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
