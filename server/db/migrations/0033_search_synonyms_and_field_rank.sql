-- Shared search (decision 013): synonym groups as data, and which field of an actor a word comes from,
-- so ties in the ranking are broken by relevance (name > werking/sterktes > other profile text), not by name.

-- Synonym groups: global defaults (region_id NULL, from this migration) plus per-region additions by admins.
CREATE TABLE search_synonyms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid REFERENCES regions(id) ON DELETE CASCADE,
  terms text[] NOT NULL CHECK (cardinality(terms) >= 2),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX search_synonyms_region_idx ON search_synonyms (region_id);

INSERT INTO search_synonyms (terms) VALUES
  (ARRAY['nieuwkomers', 'inburgeraars', 'anderstaligen', 'migratieachtergrond']),
  (ARRAY['senioren', 'ouderen', 'gepensioneerden']),
  (ARRAY['jongeren', 'tieners', 'jeugd']),
  (ARRAY['kinderen', 'kleuters']),
  (ARRAY['bibliotheek', 'bib']),
  (ARRAY['theater', 'toneel']),
  (ARRAY['vrijwilligers', 'vrijwilligerswerk']),
  (ARRAY['armoede', 'kansarmoede', 'kwetsbare']),
  (ARRAY['beperking', 'handicap', 'mindervaliden']),
  (ARRAY['erfgoed', 'heemkunde']),
  (ARRAY['fietsen', 'wielrennen']),
  (ARRAY['museum', 'tentoonstelling']);

-- The best field a profile word occurs in: 1 werking or sterktes, 2 noden, doelgroepen, trefwoorden.
-- Name words keep field 0. One row per (word, in_name, actor) as before: no extra rows for the index.
ALTER TABLE network_search.actor_words ADD COLUMN field smallint NOT NULL DEFAULT 2;
UPDATE network_search.actor_words SET field = 0 WHERE in_name;
UPDATE network_search.actor_words aw SET field = 1
  FROM actors a
  WHERE aw.actor_id = a.id AND NOT aw.in_name
    AND aw.word = ANY (regexp_split_to_array(rk_fold(concat_ws(' ', a.description, array_to_string(a.strengths, ' '))), '[^a-z0-9]+'));

CREATE OR REPLACE FUNCTION network_search.sync_actor_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_name IS NOT DISTINCT FROM OLD.search_name AND NEW.search_doc IS NOT DISTINCT FROM OLD.search_doc THEN
    RETURN NULL;
  END IF;
  DELETE FROM network_search.actor_words WHERE actor_id = NEW.id;
  INSERT INTO network_search.actor_words (actor_id, word, in_name, field)
    SELECT DISTINCT NEW.id, w, true, 0::smallint FROM regexp_split_to_table(NEW.search_name, '[^a-z0-9]+') AS w WHERE w <> ''
    UNION ALL
    SELECT NEW.id, d.w, false, min(d.field)::smallint FROM (
      SELECT w, 1 AS field FROM regexp_split_to_table(rk_fold(concat_ws(' ', NEW.description, array_to_string(NEW.strengths, ' '))), '[^a-z0-9]+') AS w
      UNION ALL
      SELECT w, 2 FROM regexp_split_to_table(rk_fold(concat_ws(' ', array_to_string(NEW.needs, ' '), array_to_string(NEW.target_groups, ' '), array_to_string(NEW.tags, ' '))), '[^a-z0-9]+') AS w
    ) d WHERE d.w <> '' GROUP BY d.w;
  INSERT INTO network_search.words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_name || ' ' || NEW.search_doc, '[^a-z0-9]+') AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- The generic document index (decision 013): any domain (offers, needs and strengths, surveys) registers
-- its documents here by (region, kind, document id) with weighted fields and exact-match filters; the
-- search module finds candidates through the trigram index on the folded text and ranks them in memory
-- with the shared analyzer. Actors keep their own word index (network_search) for the 50,000-actor target.
CREATE FUNCTION rk_search_document_text(fields jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT rk_fold(coalesce((SELECT string_agg(f->>'text', ' ') FROM jsonb_array_elements(fields) AS f), '')) $$;

CREATE TABLE search_documents (
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  kind text NOT NULL,
  document_id uuid NOT NULL,
  fields jsonb NOT NULL,
  filters jsonb NOT NULL DEFAULT '{}'::jsonb,
  search_text text GENERATED ALWAYS AS (rk_search_document_text(fields)) STORED,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, kind, document_id)
);
CREATE INDEX search_documents_text_trgm_idx ON search_documents USING gin (search_text gin_trgm_ops);
CREATE INDEX search_documents_filters_idx ON search_documents USING gin (filters jsonb_path_ops);
