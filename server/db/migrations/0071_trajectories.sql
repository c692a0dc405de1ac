-- Trajectories for newcomers (issue #11, decision 027): the participation and network trajectory
-- (at least 40 hours) of inburgeraars coached in the region. Personal data of people in a vulnerable
-- position, so the record is minimal: a pseudonymous code, an optional first name and what the matching
-- needs. No national register number, no nationality, no address. Erasure is a hard delete of the
-- participant (everything below cascades); the audit log keeps only that it happened.

CREATE TABLE trajectory_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  -- Pseudonymous code, e.g. TR-2026-0007: what admins, figures and partners without consent see.
  code text NOT NULL,
  first_name text,
  municipality_nis text NOT NULL REFERENCES municipalities(nis_code),
  -- ISO 639-1 codes of the languages spoken.
  languages text[] NOT NULL DEFAULT '{}',
  dutch_level text NOT NULL DEFAULT 'geen' CHECK (dutch_level IN ('geen', 'A1', 'A2', 'B1', 'B2')),
  -- Catalog themes (offers.themes) the participant is interested in.
  interests text[] NOT NULL DEFAULT '{}',
  transport text NOT NULL DEFAULT 'openbaar-vervoer' CHECK (transport IN ('te-voet', 'fiets', 'openbaar-vervoer', 'auto')),
  needs_childcare boolean NOT NULL DEFAULT false,
  with_children boolean NOT NULL DEFAULT false,
  -- Weekdays (monday … sunday) and a time window.
  available_days text[] NOT NULL DEFAULT '{}',
  available_from text CHECK (available_from ~ '^[0-2][0-9]:[0-5][0-9]$'),
  available_until text CHECK (available_until ~ '^[0-2][0-9]:[0-5][0-9]$'),
  -- Costs: entitled to the UiTPAS kansentarief; or only free activities.
  uitpas_kansentarief boolean NOT NULL DEFAULT false,
  free_only boolean NOT NULL DEFAULT false,
  inburgeraar_status text NOT NULL CHECK (inburgeraar_status IN ('verplicht', 'rechthebbend')),
  referred_on date NOT NULL,
  referred_by uuid REFERENCES users(id) ON DELETE SET NULL,
  referral_note text NOT NULL DEFAULT '',
  coach_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  stage text NOT NULL DEFAULT 'verwijzing' CHECK (stage IN ('verwijzing', 'intake', 'zoektocht', 'eerste-bezoek', 'deelname', 'evaluatie')),
  -- The "duurzaam engagement": does the participant continue after the 40 hours? Null while unknown.
  continues_after boolean,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, code),
  CHECK (first_name IS NULL OR length(first_name) <= 60)
);
CREATE INDEX trajectory_participants_coach_idx ON trajectory_participants (region_id, coach_user_id);
CREATE INDEX trajectory_participants_referrer_idx ON trajectory_participants (region_id, referred_by);

-- What the participant agreed to, when, recorded by whom. 'traject' is the processing itself; the
-- 'delen-…' kinds say what a partner may see for a placement at their organisation.
CREATE TABLE trajectory_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES trajectory_participants(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('traject', 'delen-voornaam', 'delen-talen', 'delen-verwachtingen')),
  given_on date NOT NULL,
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  withdrawn_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trajectory_consents_participant_idx ON trajectory_consents (participant_id);

-- The steps of the trajectory and the hand-overs between coaches, in order of happening.
CREATE TABLE trajectory_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES trajectory_participants(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('verwijzing', 'intake', 'zoektocht', 'eerste-bezoek', 'deelname', 'evaluatie', 'overdracht')),
  happened_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  done_by uuid REFERENCES users(id) ON DELETE SET NULL,
  -- Hand-overs: the coach before and after.
  from_coach_id uuid REFERENCES users(id) ON DELETE SET NULL,
  to_coach_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trajectory_steps_participant_idx ON trajectory_steps (participant_id, happened_on);

-- A placement at an organiser's offer. The offer's title and organiser are copied so the history
-- stays readable when the offer is archived or removed.
CREATE TABLE trajectory_placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES trajectory_participants(id) ON DELETE CASCADE,
  offer_id uuid REFERENCES offers(id) ON DELETE SET NULL,
  offer_title text NOT NULL,
  organizer_actor_id uuid REFERENCES actors(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'aanvaard', 'ander-moment', 'geweigerd', 'gestopt')),
  -- What the partner should know to welcome the participant (shared only with consent).
  expectations text NOT NULL DEFAULT '',
  -- The partner's answer: another moment, or a reason.
  partner_message text NOT NULL DEFAULT '',
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  responded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trajectory_placements_participant_idx ON trajectory_placements (participant_id);
CREATE INDEX trajectory_placements_organizer_idx ON trajectory_placements (region_id, organizer_actor_id);

CREATE TABLE trajectory_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES trajectory_placements(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES trajectory_participants(id) ON DELETE CASCADE,
  attended_on date NOT NULL,
  hours numeric(4, 1) NOT NULL CHECK (hours > 0 AND hours <= 12),
  logged_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trajectory_hours_participant_idx ON trajectory_hours (participant_id);
CREATE INDEX trajectory_hours_placement_idx ON trajectory_hours (placement_id);
