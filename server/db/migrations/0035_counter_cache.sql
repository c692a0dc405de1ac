-- One cache for every derived view that is keyed by trigger-kept change counters (decision 009): the
-- network views per region (was network_cache) and the plan detail per audience (was plan_detail_cache).
-- `counter` holds the counters the entry was computed from, read in one statement; each of them only
-- grows, so a later reading compares greater, and a writer never replaces a newer entry with an older one.
CREATE TABLE counter_cache (
  namespace text NOT NULL,
  key text NOT NULL,
  counter bigint[] NOT NULL,
  body text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (namespace, key)
);
-- Stored uncompressed: compressing megabytes of JSON on every rebuild costs more than the disk it saves.
ALTER TABLE counter_cache ALTER COLUMN body SET STORAGE EXTERNAL;

DROP TABLE network_cache;
DROP TABLE plan_detail_cache;

-- Entries are keyed by their owner's id followed by ':'; they go away with that plan or region.
CREATE FUNCTION drop_counter_cache_of_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM counter_cache c USING old_rows r WHERE c.namespace = ANY (TG_ARGV) AND c.key LIKE r.id::text || ':%';
  RETURN NULL;
END
$$;
CREATE TRIGGER plans_drop_counter_cache AFTER DELETE ON plans REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drop_counter_cache_of_owner('plan-detail');
CREATE TRIGGER regions_drop_counter_cache AFTER DELETE ON regions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION drop_counter_cache_of_owner('network-view', 'plan-detail');
