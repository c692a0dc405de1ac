-- The network change counter of 0014 per statement instead of per row: bumping the same counter row
-- once per inserted row made bulk inserts (imports, the benchmark generator) slow down quadratically.
DROP TRIGGER actors_bump_network_version ON actors;
DROP TRIGGER relations_bump_network_version ON relations;
DROP FUNCTION network_search.bump_version();

CREATE FUNCTION network_search.bump_versions_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO network_search.versions (region_id, version)
    SELECT DISTINCT region_id, 1 FROM new_rows
    ON CONFLICT (region_id) DO UPDATE SET version = network_search.versions.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION network_search.bump_versions_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO network_search.versions (region_id, version)
    SELECT DISTINCT region_id, 1 FROM old_rows
    ON CONFLICT (region_id) DO UPDATE SET version = network_search.versions.version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER actors_bump_version_insert AFTER INSERT ON actors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_new();
CREATE TRIGGER actors_bump_version_update AFTER UPDATE ON actors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_new();
CREATE TRIGGER actors_bump_version_delete AFTER DELETE ON actors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_old();
CREATE TRIGGER relations_bump_version_insert AFTER INSERT ON relations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_new();
CREATE TRIGGER relations_bump_version_update AFTER UPDATE ON relations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_new();
CREATE TRIGGER relations_bump_version_delete AFTER DELETE ON relations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_versions_old();
