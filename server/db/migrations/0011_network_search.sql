-- Network search and coverage: accent- and case-folded search columns with trigram indexes,
-- a single primary sector per actor, and indexes for the coverage and graph queries.

-- lower(unaccent(x)) as an IMMUTABLE function (unaccent itself is only STABLE), so it can feed
-- generated columns and indexes. The dictionary is named explicitly to be independent of search_path.
CREATE FUNCTION rk_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) $$;

-- Everything except the name that a free-text search looks in: werking, strengths, needs, target groups, tags.
CREATE FUNCTION rk_actor_doc(description text, strengths text[], needs text[], target_groups text[], tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT rk_fold(concat_ws(' ', description, array_to_string(strengths, ' '), array_to_string(needs, ' '),
                                   array_to_string(target_groups, ' '), array_to_string(tags, ' '))) $$;

ALTER TABLE actors ADD COLUMN search_name text GENERATED ALWAYS AS (rk_fold(name)) STORED;
ALTER TABLE actors ADD COLUMN search_doc text GENERATED ALWAYS AS (rk_actor_doc(description, strengths, needs, target_groups, tags)) STORED;
CREATE INDEX actors_search_name_trgm_idx ON actors USING gin (search_name gin_trgm_ops);
CREATE INDEX actors_search_doc_trgm_idx ON actors USING gin (search_doc gin_trgm_ops);
CREATE INDEX actors_kind_idx ON actors (region_id, kind);
CREATE INDEX actors_tags_idx ON actors USING gin (tags);

ALTER TABLE actors ADD CONSTRAINT actors_kind_check
  CHECK (kind IN ('vereniging', 'lokaal-bestuur', 'organisatie', 'school', 'onderneming', 'burgerinitiatief', 'andere'));
ALTER TABLE actors ADD CONSTRAINT actors_website_check CHECK (website IS NULL OR website ~* '^https?://');

-- Position 0 is the primary sector: exactly one per actor at most.
CREATE UNIQUE INDEX actor_sectors_primary_idx ON actor_sectors (actor_id) WHERE position = 0;
CREATE INDEX actor_sectors_sector_actor_idx ON actor_sectors (sector_key, actor_id);
CREATE INDEX actor_municipalities_nis_idx ON actor_municipalities (nis_code, actor_id);

-- One relation of a type between the same two actors in the same direction.
CREATE UNIQUE INDEX relations_unique_idx ON relations (source_actor_id, target_actor_id, type);
ALTER TABLE relations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE relations ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

