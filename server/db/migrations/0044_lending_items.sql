-- Lending pool (issue 12): items owned by actors of the network map, their identical units, kits,
-- and photos.

-- Distances ("binnen 15 km van Poperinge") use the municipality centres of migration 0038.

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
