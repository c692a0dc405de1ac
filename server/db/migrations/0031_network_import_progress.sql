-- Progress of a running import (preview or commit) for large files, kept in the database because
-- several server instances may run: the one doing the import writes, any instance answers the poll.
-- The client picks the id; rows older than a day are removed when a new import starts.
CREATE TABLE network_import_progress (
  id uuid PRIMARY KEY,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  phase text NOT NULL,
  done integer NOT NULL DEFAULT 0,
  total integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_import_progress_updated_idx ON network_import_progress (updated_at);
