-- The prepared matching engine is cached per region (decision 028), keyed by the change counters of
-- everything it is built from: the network (0014/0015), the region row, and the synonym groups, which
-- get their own trigger-kept counters here: one for the global defaults ('global') and one per region.
-- Kept next to the network counter, outside the public schema, so a backup restore never sets it back
-- (a counter that went down could name an engine built from other synonyms).
CREATE TABLE network_search.synonym_versions (
  scope text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1
);

CREATE FUNCTION network_search.bump_synonym_versions_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO network_search.synonym_versions (scope, version)
    SELECT DISTINCT coalesce(region_id::text, 'global'), 1 FROM new_rows
    ON CONFLICT (scope) DO UPDATE SET version = network_search.synonym_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION network_search.bump_synonym_versions_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO network_search.synonym_versions (scope, version)
    SELECT DISTINCT coalesce(region_id::text, 'global'), 1 FROM old_rows
    ON CONFLICT (scope) DO UPDATE SET version = network_search.synonym_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER search_synonyms_bump_version_insert AFTER INSERT ON search_synonyms REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_synonym_versions_new();
CREATE TRIGGER search_synonyms_bump_version_update_new AFTER UPDATE ON search_synonyms REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_synonym_versions_new();
CREATE TRIGGER search_synonyms_bump_version_update_old AFTER UPDATE ON search_synonyms REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_synonym_versions_old();
CREATE TRIGGER search_synonyms_bump_version_delete AFTER DELETE ON search_synonyms REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION network_search.bump_synonym_versions_old();

-- A region's engine entries go away with the region, like its network views (0035).
CREATE TRIGGER regions_drop_matching_engine_cache AFTER DELETE ON regions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drop_counter_cache_of_owner('matching-engine');
