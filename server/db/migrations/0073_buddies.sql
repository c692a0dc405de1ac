-- Buddy network (issue #11, decision 030): buddy programmes (buddywerkingen) are actors of the map with
-- a pool of volunteers; a volunteer and a participant form a duo that meets; the programmes'
-- coordinators learn together in a working group of the cooperative (its meetings are the intervision).
-- Volunteers' data is personal too, so it is minimal: a first name, where they live, the languages they
-- speak, interests and days. A duo cascades with its participant: erasing a participant erases the duo.

CREATE TABLE buddy_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, actor_id)
);

CREATE TABLE buddy_volunteers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  programme_id uuid NOT NULL REFERENCES buddy_programmes(id) ON DELETE CASCADE,
  first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 80),
  municipality_nis text NOT NULL REFERENCES municipalities(nis_code),
  -- ISO 639-1 codes, as the participants' languages.
  languages text[] NOT NULL DEFAULT '{}',
  interests text[] NOT NULL DEFAULT '{}',
  available_days text[] NOT NULL DEFAULT '{}',
  -- How many newcomers this volunteer accompanies at once.
  max_duos integer NOT NULL DEFAULT 1 CHECK (max_duos BETWEEN 1 AND 5),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX buddy_volunteers_programme ON buddy_volunteers (programme_id);
CREATE INDEX buddy_volunteers_region ON buddy_volunteers (region_id) WHERE active;

CREATE TABLE buddy_duos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  volunteer_id uuid NOT NULL REFERENCES buddy_volunteers(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES trajectory_participants(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'actief' CHECK (status IN ('actief', 'gepauzeerd', 'afgerond', 'gestopt')),
  started_on date NOT NULL,
  ended_on date,
  -- Why the pairing was suggested, as the coach saw it.
  reasons jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One current buddy per participant, enforced by the database (a second pairing is a 409).
CREATE UNIQUE INDEX buddy_duos_one_current ON buddy_duos (participant_id) WHERE status IN ('actief', 'gepauzeerd');
CREATE INDEX buddy_duos_volunteer ON buddy_duos (volunteer_id);

CREATE TABLE buddy_duo_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  duo_id uuid NOT NULL REFERENCES buddy_duos(id) ON DELETE CASCADE,
  met_on date NOT NULL,
  -- What they did, briefly (no notes about the person).
  activity text NOT NULL DEFAULT '' CHECK (length(activity) <= 200),
  logged_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX buddy_duo_meetings_duo ON buddy_duo_meetings (duo_id, met_on);

-- The coordinators' learning network: which working group of the cooperative it is.
CREATE TABLE buddy_learning_networks (
  region_id uuid PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
  body_id uuid NOT NULL REFERENCES coop_bodies(id) ON DELETE CASCADE
);
