-- Network map: actors (organisations, services, associations, initiatives) and their relations.
CREATE TABLE actors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kind text NOT NULL DEFAULT 'organisatie',
  municipality_nis text REFERENCES municipalities(nis_code),
  address text,
  description text NOT NULL DEFAULT '',
  strengths text[] NOT NULL DEFAULT '{}',
  needs text[] NOT NULL DEFAULT '{}',
  target_groups text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  website text,
  contact_name text,
  contact_email text,
  contact_phone text,
  is_public boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actors_region_idx ON actors (region_id, name);
CREATE INDEX actors_region_municipality_idx ON actors (region_id, municipality_nis);

-- Sectors in order: position 0 is the primary sector (it decides cultural / non-cultural).
CREATE TABLE actor_sectors (
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  sector_key text NOT NULL REFERENCES sectors(key),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (actor_id, sector_key)
);
CREATE INDEX actor_sectors_sector_idx ON actor_sectors (sector_key);

-- Other municipalities an actor works in, besides its home municipality.
CREATE TABLE actor_municipalities (
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  nis_code text NOT NULL REFERENCES municipalities(nis_code),
  PRIMARY KEY (actor_id, nis_code)
);

CREATE TABLE relations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  source_actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  target_actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('samenwerking', 'project', 'lid-van', 'deelt-infrastructuur', 'ondersteunt', 'andere')),
  valid_from date,
  valid_to date,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (source_actor_id <> target_actor_id),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX relations_region_idx ON relations (region_id);
CREATE INDEX relations_source_idx ON relations (source_actor_id);
CREATE INDEX relations_target_idx ON relations (target_actor_id);

-- An editor belongs to one partner organisation: the actor they may edit.
ALTER TABLE memberships ADD COLUMN actor_id uuid REFERENCES actors(id) ON DELETE SET NULL;
