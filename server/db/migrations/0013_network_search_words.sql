-- Word index for actor search. Every folded word of an actor's name and profile text, and a
-- dictionary of all words, kept up to date by a trigger. A search first finds the dictionary words
-- that contain one of the query word's Dutch forms (or resemble it, for typos) and then the actors
-- with those words, through indexes instead of scanning every profile text.
-- They live in their own schema: derived data, rebuilt by the trigger, not part of backups.
CREATE SCHEMA network_search;

CREATE TABLE network_search.actor_words (
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  word text NOT NULL,
  in_name boolean NOT NULL,
  PRIMARY KEY (word, in_name, actor_id)
);
CREATE INDEX actor_words_actor_idx ON network_search.actor_words (actor_id);

CREATE TABLE network_search.words (word text PRIMARY KEY);
CREATE INDEX words_trgm_idx ON network_search.words USING gin (word gin_trgm_ops);

CREATE FUNCTION network_search.sync_actor_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_name IS NOT DISTINCT FROM OLD.search_name AND NEW.search_doc IS NOT DISTINCT FROM OLD.search_doc THEN
    RETURN NULL;
  END IF;
  DELETE FROM network_search.actor_words WHERE actor_id = NEW.id;
  INSERT INTO network_search.actor_words (actor_id, word, in_name)
    SELECT DISTINCT NEW.id, w, true FROM regexp_split_to_table(NEW.search_name, '[^a-z0-9]+') AS w WHERE w <> ''
    UNION
    SELECT DISTINCT NEW.id, w, false FROM regexp_split_to_table(NEW.search_doc, '[^a-z0-9]+') AS w WHERE w <> '';
  INSERT INTO network_search.words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_name || ' ' || NEW.search_doc, '[^a-z0-9]+') AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER actors_sync_words AFTER INSERT OR UPDATE ON actors FOR EACH ROW EXECUTE FUNCTION network_search.sync_actor_words();

-- Existing actors.
INSERT INTO network_search.actor_words (actor_id, word, in_name)
  SELECT DISTINCT a.id, w, true FROM actors a, regexp_split_to_table(a.search_name, '[^a-z0-9]+') AS w WHERE w <> ''
  UNION
  SELECT DISTINCT a.id, w, false FROM actors a, regexp_split_to_table(a.search_doc, '[^a-z0-9]+') AS w WHERE w <> '';
INSERT INTO network_search.words (word) SELECT DISTINCT word FROM network_search.actor_words ON CONFLICT DO NOTHING;
