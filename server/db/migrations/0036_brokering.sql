-- Brokering (issue #9): the "Bouw je netwerk uit" workshop as data. One organisation's pass through
-- the toolkit is a sheet (steps 1–2 write back to its actor; step 3 makes partner cards; then
-- combinations). Sheets may belong to a live workshop; pursued combinations become cooperation ideas.

CREATE TABLE workshops (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL,
  held_on date,
  place text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  -- Short code participants type on their phone to join (unique among open workshops).
  join_code text NOT NULL,
  facilitator_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE UNIQUE INDEX workshops_open_code_idx ON workshops (join_code) WHERE status = 'open';
CREATE INDEX workshops_region_idx ON workshops (region_id, held_on);

-- Who takes part: a user of the platform, or a guest (name, e-mail, organisation) with a token.
CREATE TABLE workshop_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  name text NOT NULL,
  email text,
  -- The organisation as typed; actor_id once matched to (or created as) an actor of the map.
  organisation_name text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES actors(id) ON DELETE SET NULL,
  -- sha-256 of the guest's participation token (cookie); null for users with an account.
  guest_token_hash text UNIQUE,
  invited_at timestamptz,
  joined_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_participants_workshop_idx ON workshop_participants (workshop_id);
CREATE UNIQUE INDEX workshop_participants_user_idx ON workshop_participants (workshop_id, user_id) WHERE user_id IS NOT NULL;

-- One organisation's pass through the flow (alone or in a workshop); saved as it goes.
CREATE TABLE brokering_sheets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  actor_id uuid REFERENCES actors(id) ON DELETE CASCADE,
  workshop_id uuid REFERENCES workshops(id) ON DELETE CASCADE,
  participant_id uuid REFERENCES workshop_participants(id) ON DELETE SET NULL,
  -- 1 werking, 2 sterktes en beperkingen, 3 partnerkaarten, 4 combinaties, 5 klaar.
  current_step integer NOT NULL DEFAULT 1 CHECK (current_step BETWEEN 1 AND 5),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX brokering_sheets_region_idx ON brokering_sheets (region_id);
CREATE INDEX brokering_sheets_workshop_idx ON brokering_sheets (workshop_id);
CREATE UNIQUE INDEX brokering_sheets_actor_workshop_idx ON brokering_sheets (workshop_id, actor_id) WHERE workshop_id IS NOT NULL AND actor_id IS NOT NULL;

-- Step 3: a thinking exercise from one limitation (need) or one strength.
CREATE TABLE partner_cards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sheet_id uuid NOT NULL REFERENCES brokering_sheets(id) ON DELETE CASCADE,
  start_kind text NOT NULL CHECK (start_kind IN ('need', 'strength')),
  start_text text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_cards_sheet_idx ON partner_cards (sheet_id, position);

-- A candidate partner on a card: an actor of the map, or a typed name not on the map yet
-- (offered to the admin as a new actor later, never created silently).
CREATE TABLE partner_card_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  card_id uuid NOT NULL REFERENCES partner_cards(id) ON DELETE CASCADE,
  actor_id uuid REFERENCES actors(id) ON DELETE CASCADE,
  typed_name text,
  typed_municipality_nis text REFERENCES municipalities(nis_code),
  typed_sector_key text REFERENCES sectors(key),
  ideas text[] NOT NULL DEFAULT '{}',
  kept boolean NOT NULL DEFAULT false,
  -- Set when the admin turned the typed name into an actor (or dismissed it).
  proposal_status text NOT NULL DEFAULT 'none' CHECK (proposal_status IN ('none', 'open', 'created', 'dismissed')),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((actor_id IS NOT NULL) <> (typed_name IS NOT NULL))
);
CREATE INDEX partner_card_partners_card_idx ON partner_card_partners (card_id, position);
CREATE INDEX partner_card_partners_actor_idx ON partner_card_partners (actor_id);

-- Combinations of actors from different bubbles into a scenario.
CREATE TABLE brokering_combinations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  sheet_id uuid REFERENCES brokering_sheets(id) ON DELETE CASCADE,
  workshop_id uuid REFERENCES workshops(id) ON DELETE CASCADE,
  title text NOT NULL,
  scenario text NOT NULL DEFAULT '',
  ideas text[] NOT NULL DEFAULT '{}',
  pursue boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX brokering_combinations_region_idx ON brokering_combinations (region_id);
CREATE INDEX brokering_combinations_workshop_idx ON brokering_combinations (workshop_id);

CREATE TABLE brokering_combination_actors (
  combination_id uuid NOT NULL REFERENCES brokering_combinations(id) ON DELETE CASCADE,
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (combination_id, actor_id)
);

-- A pursued combination becomes a samenwerkingsvoorstel with its own life.
CREATE TABLE cooperation_ideas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  combination_id uuid UNIQUE REFERENCES brokering_combinations(id) ON DELETE SET NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'idee' CHECK (status IN ('idee', 'verkend', 'gestart', 'gestopt')),
  -- Links into the plan: an existing action, or the proposal that adds one (plans' proposal flow).
  plan_action_id uuid REFERENCES plan_actions(id) ON DELETE SET NULL,
  plan_proposal_id uuid REFERENCES plan_change_proposals(id) ON DELETE SET NULL,
  started_on date,
  stopped_on date,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cooperation_ideas_region_idx ON cooperation_ideas (region_id, status);

-- Owners: the organisations that carry the idea (and the users who follow it up).
CREATE TABLE cooperation_idea_owners (
  idea_id uuid NOT NULL REFERENCES cooperation_ideas(id) ON DELETE CASCADE,
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (idea_id, actor_id)
);

-- Once started: the relations of type "samenwerking" on the network map that it created.
CREATE TABLE cooperation_idea_relations (
  idea_id uuid NOT NULL REFERENCES cooperation_ideas(id) ON DELETE CASCADE,
  relation_id uuid NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  PRIMARY KEY (idea_id, relation_id)
);
