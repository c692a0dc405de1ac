-- Lending pool (issue 12): items owned by actors of the network map, their identical units, kits,
-- photos, and the coordinates the availability search measures distances with.

-- Approximate town-centre coordinates (WGS84) per municipality, for "binnen 15 km van Poperinge".
CREATE TABLE lending_municipality_places (
  nis_code text PRIMARY KEY REFERENCES municipalities (nis_code) ON DELETE CASCADE,
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
);

INSERT INTO lending_municipality_places (nis_code, lat, lon)
SELECT v.nis_code, v.lat, v.lon FROM (VALUES
  ('38002', 51.0117, 2.7108),
  ('38008', 51.099, 2.592),
  ('32003', 51.0325, 2.8636),
  ('33039', 50.7837, 2.8283),
  ('32006', 50.9783, 2.9506),
  ('33011', 50.8503, 2.885),
  ('32010', 51.09, 2.9783),
  ('38014', 51.1164, 2.6375),
  ('32011', 51.0297, 3.0428),
  ('33040', 50.9114, 2.9167),
  ('32030', 50.9806, 2.7536),
  ('33016', 50.7636, 2.8967),
  ('38016', 51.13, 2.7508),
  ('33021', 50.8547, 2.7256),
  ('38025', 51.0722, 2.6622),
  ('33041', 50.9272, 2.7186),
  ('33029', 50.78, 3.0389),
  ('33037', 50.8725, 2.9872)
) AS v (nis_code, lat, lon)
WHERE EXISTS (SELECT 1 FROM municipalities m WHERE m.nis_code = v.nis_code);

CREATE TABLE lending_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  owner_actor_id uuid NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'materiaal' CHECK (kind IN ('materiaal', 'ruimte', 'set')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  instructions text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  municipality_nis text NOT NULL REFERENCES municipalities (nis_code),
  -- Who may borrow: only partners of the region, or residents too (booked for them by the owner).
  audience text NOT NULL DEFAULT 'partners' CHECK (audience IN ('partners', 'iedereen')),
  price_per_day_cents integer NOT NULL DEFAULT 0 CHECK (price_per_day_cents >= 0),
  deposit_cents integer NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
  max_days integer CHECK (max_days IS NULL OR max_days >= 1),
  buffer_days integer NOT NULL DEFAULT 0 CHECK (buffer_days BETWEEN 0 AND 60),
  auto_confirm_partners boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lending_items_region_idx ON lending_items (region_id, municipality_nis);
CREATE INDEX lending_items_owner_idx ON lending_items (owner_actor_id);

-- Each identical unit is booked on its own (10 tables = 10 units).
CREATE TABLE lending_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES lending_items (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 1),
  UNIQUE (item_id, position)
);

-- A kit (kind 'set') bundles parts that go out together: booking the kit books the parts' units too.
CREATE TABLE lending_kit_parts (
  kit_item_id uuid NOT NULL REFERENCES lending_items (id) ON DELETE CASCADE,
  part_item_id uuid NOT NULL REFERENCES lending_items (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  PRIMARY KEY (kit_item_id, part_item_id),
  CHECK (kit_item_id <> part_item_id)
);

-- Photos live in the database (size-limited by the API), so backups and every instance have them.
CREATE TABLE lending_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES lending_items (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) <= 2097152),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lending_photos_item_idx ON lending_photos (item_id, position);
