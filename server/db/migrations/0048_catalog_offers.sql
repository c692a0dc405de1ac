-- Catalog of activities (issue #10): offers of the region's organisations, typed in or pulled from
-- UiTdatabank. An offer's schedule follows UiTdatabank's calendar types: 'single' and 'multiple' are
-- rows in offer_dates; 'periodic' is one offer_dates row (the period) plus opening_hours; 'permanent'
-- has no dates (opening_hours optional). Coordinates are numeric so distances are computed in SQL.

CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  organizer_actor_id uuid REFERENCES actors(id) ON DELETE SET NULL,
  -- Dutch (plain language, B1) is the main text; translations: {"en": {"title": …, "description": …}, "fr": …}
  -- with keys among nl, en, fr, ar, uk (a translation may carry only a title).
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  translations jsonb NOT NULL DEFAULT '{}'::jsonb,
  location_name text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  postal_code text,
  locality text,
  municipality_nis text REFERENCES municipalities(nis_code),
  latitude numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  calendar_type text NOT NULL DEFAULT 'single' CHECK (calendar_type IN ('single', 'multiple', 'periodic', 'permanent')),
  -- [{"days": ["monday", …], "opens": "09:00", "closes": "12:00"}], for periodic and permanent offers.
  opening_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- How much Dutch the activity asks: 1 (hardly any) … 4 (fluent); null when unknown.
  language_icons smallint CHECK (language_icons BETWEEN 1 AND 4),
  is_free boolean NOT NULL DEFAULT false,
  price_cents integer CHECK (price_cents >= 0),
  price_note text NOT NULL DEFAULT '',
  uitpas boolean NOT NULL DEFAULT false,
  kansentarief boolean NOT NULL DEFAULT false,
  with_children boolean NOT NULL DEFAULT false,
  childcare boolean NOT NULL DEFAULT false,
  age_min integer CHECK (age_min >= 0),
  age_max integer CHECK (age_max >= 0),
  -- Keys: wheelchair, quiet_room, hearing_loop, sign_language, easy_reading, assistance_dog.
  accessibility text[] NOT NULL DEFAULT '{}',
  themes text[] NOT NULL DEFAULT '{}',
  places_left integer CHECK (places_left >= 0),
  booking_url text,
  -- The warm welcome: who receives newcomers, how to reach them, which languages they speak (ISO codes).
  contact_name text,
  contact_phone text,
  contact_email text,
  contact_languages text[] NOT NULL DEFAULT '{}',
  fourth_pillar boolean NOT NULL DEFAULT false,
  fourth_pillar_hours numeric(6, 1) CHECK (fourth_pillar_hours >= 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'uitdatabank')),
  -- UiTdatabank's @id for imported offers: the same @id again updates the offer.
  source_id text,
  source_modified_at timestamptz,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max),
  CHECK (source = 'manual' OR source_id IS NOT NULL)
);
CREATE UNIQUE INDEX offers_source_idx ON offers (region_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX offers_region_status_idx ON offers (region_id, status);
CREATE INDEX offers_region_municipality_idx ON offers (region_id, municipality_nis);
CREATE INDEX offers_organizer_idx ON offers (organizer_actor_id);

CREATE TABLE offer_dates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX offer_dates_offer_idx ON offer_dates (offer_id, starts_at);
CREATE INDEX offer_dates_end_idx ON offer_dates ((coalesce(ends_at, starts_at)));

-- "Current": published, and permanent or with a date that has not ended yet. next_starts_at is the
-- start of the first date not yet over (in the past while a period or an event is ongoing), null for
-- permanent offers; next_ends_at its end.
CREATE VIEW current_offers AS
SELECT o.*, next_date.starts_at AS next_starts_at, next_date.ends_at AS next_ends_at
FROM offers o
LEFT JOIN LATERAL (
  SELECT d.starts_at, d.ends_at FROM offer_dates d
  WHERE d.offer_id = o.id AND coalesce(d.ends_at, d.starts_at) >= now()
  ORDER BY d.starts_at LIMIT 1
) next_date ON true
WHERE o.status = 'published' AND (o.calendar_type = 'permanent' OR next_date.starts_at IS NOT NULL);

-- Per region the UiTdatabank Search API to pull from (URL, key, query) and what the last pull did.
CREATE TABLE catalog_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
  uitdatabank_url text,
  uitdatabank_api_key text,
  uitdatabank_query text NOT NULL DEFAULT '',
  pull_enabled boolean NOT NULL DEFAULT false,
  -- Hours between two pulls.
  pull_every_hours integer NOT NULL DEFAULT 24 CHECK (pull_every_hours BETWEEN 1 AND 168),
  last_pull_at timestamptz,
  last_pull_result jsonb,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
