-- A change counter per plan, bumped by statement-level triggers on every table the full plan is read
-- from, and a cache of the plan's serialized detail keyed by that counter. A 1,000-action plan is about
-- 2 MB of JSON; it is assembled once per change instead of on every read, by whichever instance reads first.
CREATE TABLE plan_content_versions (
  plan_id uuid PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 1
);

-- One entry per audience: visitors get a copy without the ids of hidden actors, so its fingerprint also
-- holds the region's network change counter (an actor's profile may be hidden or shown later).
CREATE TABLE plan_detail_cache (
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  audience text NOT NULL CHECK (audience IN ('member', 'public')),
  fingerprint text NOT NULL,
  payload text NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, audience)
);
-- Stored uncompressed: compressing megabytes of JSON on every rebuild costs more than the disk it saves.
ALTER TABLE plan_detail_cache ALTER COLUMN payload SET STORAGE EXTERNAL;

-- Rows of a plan that is being deleted join no plan and bump nothing (the cascade removes the counter).
CREATE FUNCTION bump_plan_content_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_content_versions (plan_id)
    SELECT DISTINCT p.id FROM new_rows r JOIN plans p ON p.id = r.plan_id
    ON CONFLICT (plan_id) DO UPDATE SET version = plan_content_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_plan_content_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_content_versions (plan_id)
    SELECT DISTINCT p.id FROM old_rows r JOIN plans p ON p.id = r.plan_id
    ON CONFLICT (plan_id) DO UPDATE SET version = plan_content_versions.version + 1;
  RETURN NULL;
END
$$;

-- Measurements carry no plan id; they reach their plan through their indicator.
CREATE FUNCTION bump_plan_content_measurements_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_content_versions (plan_id)
    SELECT DISTINCT i.plan_id FROM new_rows r JOIN plan_indicators i ON i.id = r.indicator_id
    ON CONFLICT (plan_id) DO UPDATE SET version = plan_content_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_plan_content_measurements_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_content_versions (plan_id)
    SELECT DISTINCT i.plan_id FROM old_rows r JOIN plan_indicators i ON i.id = r.indicator_id
    ON CONFLICT (plan_id) DO UPDATE SET version = plan_content_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_plan_content_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_content_versions (plan_id)
    SELECT DISTINCT id FROM new_rows
    ON CONFLICT (plan_id) DO UPDATE SET version = plan_content_versions.version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER plans_bump_content_update AFTER UPDATE ON plans REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_plan();

DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY['plan_goals', 'plan_objectives', 'plan_actions', 'plan_budget_lines', 'plan_action_partners', 'plan_milestones', 'plan_indicators', 'plan_funding'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_new()', child || '_bump_content_insert', child);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_new()', child || '_bump_content_update', child);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_old()', child || '_bump_content_delete', child);
  END LOOP;
END
$$;

CREATE TRIGGER plan_measurements_bump_content_insert AFTER INSERT ON plan_measurements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_measurements_new();
CREATE TRIGGER plan_measurements_bump_content_update AFTER UPDATE ON plan_measurements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_measurements_new();
CREATE TRIGGER plan_measurements_bump_content_delete AFTER DELETE ON plan_measurements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_plan_content_measurements_old();
