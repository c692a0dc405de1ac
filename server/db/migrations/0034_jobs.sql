-- Background jobs (server/jobs/queue.ts), kept in the database so any
-- server instance may run any job: workers claim a due row with FOR UPDATE SKIP LOCKED and hold a
-- lease (locked_until); a crashed instance's lease runs out and another worker takes the job again.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  region_id uuid REFERENCES regions(id) ON DELETE CASCADE,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- An uploaded file the job works on (bounded by the enqueuer), dropped when the job ends.
  input bytea,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  progress jsonb,
  result jsonb,
  error text,
  -- Idempotent enqueueing (scheduled jobs: one row per kind and time slot, whichever instance comes first).
  unique_key text UNIQUE,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
-- The claim query: due queued jobs and running jobs whose lease ran out.
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued', 'running');
CREATE INDEX jobs_region_idx ON jobs (region_id, created_at);
