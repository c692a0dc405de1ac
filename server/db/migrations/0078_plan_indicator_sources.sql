-- Plan indicators linked to a figure of another domain (issue #11, decision 032): the indicator's
-- current value is computed from the source on linking, by a daily job and on request. A figure that
-- would show a group under 5 people is stored as not available (source_value NULL with a time).
ALTER TABLE plan_indicators ADD COLUMN source_key text CHECK (source_key IS NULL OR length(source_key) <= 80);
ALTER TABLE plan_indicators ADD COLUMN source_value numeric;
ALTER TABLE plan_indicators ADD COLUMN source_updated_at timestamptz;
CREATE INDEX plan_indicators_source_idx ON plan_indicators (source_key) WHERE source_key IS NOT NULL;
