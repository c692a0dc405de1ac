-- A change counter per region for its network (actors and relations), bumped by triggers on every
-- insert, update and delete. The cached coverage report and graph (network_cache) are valid while
-- the counter and the region's own version are unchanged: one index lookup instead of scanning the
-- region's actors and relations to notice a change. Derived data, so it lives outside the public
-- schema (not part of backups; a restore bumps it again).
CREATE TABLE network_search.versions (
  region_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION network_search.bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rid uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN rid := OLD.region_id; ELSE rid := NEW.region_id; END IF;
  INSERT INTO network_search.versions (region_id, version) VALUES (rid, 1)
    ON CONFLICT (region_id) DO UPDATE SET version = network_search.versions.version + 1;
  IF TG_OP = 'UPDATE' AND OLD.region_id IS DISTINCT FROM NEW.region_id THEN
    INSERT INTO network_search.versions (region_id, version) VALUES (OLD.region_id, 1)
      ON CONFLICT (region_id) DO UPDATE SET version = network_search.versions.version + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER actors_bump_network_version AFTER INSERT OR UPDATE OR DELETE ON actors FOR EACH ROW EXECUTE FUNCTION network_search.bump_version();
CREATE TRIGGER relations_bump_network_version AFTER INSERT OR UPDATE OR DELETE ON relations FOR EACH ROW EXECUTE FUNCTION network_search.bump_version();

INSERT INTO network_search.versions (region_id, version) SELECT id, 1 FROM regions ON CONFLICT DO NOTHING;
