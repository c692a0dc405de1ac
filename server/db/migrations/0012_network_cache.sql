-- Derived network views (coverage report, graph metrics) cached per region and audience. A row is
-- valid while its fingerprint (actor and relation counts and last changes, region version) matches;
-- nothing has to invalidate it explicitly, and every server instance shares it.
CREATE TABLE network_cache (
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  kind text NOT NULL,
  fingerprint text NOT NULL,
  payload jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, kind)
);
CREATE INDEX actors_region_updated_idx ON actors (region_id, updated_at);
CREATE INDEX relations_region_updated_idx ON relations (region_id, updated_at);
