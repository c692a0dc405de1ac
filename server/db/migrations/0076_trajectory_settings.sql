-- Purpose and retention per region (issue #11, decision 031): what the region keeps participants'
-- personal fields for, and how many months after the evaluation the daily job erases them. A region
-- without a row keeps the default of 12 months.
CREATE TABLE trajectory_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
  purpose text NOT NULL DEFAULT '',
  retention_months integer NOT NULL DEFAULT 12 CHECK (retention_months BETWEEN 1 AND 120),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
