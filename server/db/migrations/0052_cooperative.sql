-- Cooperative governance (issue #13): cooperants, the steering group and working groups, co-financing
-- per working year, meetings with agenda, attendance, minutes (optimistic versions), decisions numbered
-- per region and year, and action points. Polls and surveys are the participation domain's (0055+).

-- A cooperant: an actor of the network map (a municipality is an actor of kind lokaal-bestuur) that is a member.
CREATE TABLE coop_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  actor_id uuid NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  membership_kind text NOT NULL DEFAULT 'volwaardig' CHECK (membership_kind IN ('volwaardig', 'geassocieerd', 'waarnemer')),
  member_since date NOT NULL DEFAULT CURRENT_DATE,
  -- The municipality whose inhabitants count for the per-inhabitant key (null: not a municipality).
  municipality_nis text REFERENCES municipalities(nis_code),
  representative_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, actor_id)
);

-- The steering group (one per region) and working groups.
CREATE TABLE coop_bodies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('stuurgroep', 'werkgroep')),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Members present needed for a valid decision; null = more than half of the members.
  quorum integer CHECK (quorum IS NULL OR quorum > 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX coop_bodies_one_steering_idx ON coop_bodies (region_id) WHERE kind = 'stuurgroep';

CREATE TABLE coop_body_members (
  body_id uuid NOT NULL REFERENCES coop_bodies(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'lid' CHECK (role IN ('voorzitter', 'secretaris', 'lid')),
  -- The cooperant this person sits for, if any.
  member_id uuid REFERENCES coop_members(id) ON DELETE SET NULL,
  PRIMARY KEY (body_id, user_id)
);

-- Co-financing of one working year: the budget and the key that shares it.
CREATE TABLE coop_financing_years (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  key_kind text NOT NULL DEFAULT 'gelijk' CHECK (key_kind IN ('gelijk', 'inwoners', 'vast', 'mix')),
  -- Weights of the mix (percent points, any positive total); ignored for the other keys.
  weight_equal integer NOT NULL DEFAULT 0 CHECK (weight_equal >= 0),
  weight_inhabitants integer NOT NULL DEFAULT 0 CHECK (weight_inhabitants >= 0),
  weight_fixed integer NOT NULL DEFAULT 0 CHECK (weight_fixed >= 0),
  -- The plan funding line this co-financing feeds (read-only link into the plans domain).
  plan_funding_id uuid REFERENCES plan_funding(id) ON DELETE SET NULL,
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, year)
);

-- Per cooperant and year: its row of the fixed table, and the money actually received.
CREATE TABLE coop_financing_shares (
  year_id uuid NOT NULL REFERENCES coop_financing_years(id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES coop_members(id) ON DELETE CASCADE,
  fixed_cents bigint NOT NULL DEFAULT 0 CHECK (fixed_cents >= 0),
  received_cents bigint NOT NULL DEFAULT 0 CHECK (received_cents >= 0),
  received_on date,
  PRIMARY KEY (year_id, member_id)
);

CREATE TABLE coop_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  body_id uuid NOT NULL REFERENCES coop_bodies(id) ON DELETE CASCADE,
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  location text NOT NULL DEFAULT '',
  video_url text,
  minutes_public boolean NOT NULL DEFAULT false,
  minutes text NOT NULL DEFAULT '',
  -- Separate from version: autosaving minutes must not conflict with editing the meeting's details.
  minutes_version integer NOT NULL DEFAULT 1,
  minutes_updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  minutes_updated_at timestamptz,
  invitations_sent_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at >= starts_at)
);
CREATE INDEX coop_meetings_region_idx ON coop_meetings (region_id, starts_at);

CREATE TABLE coop_agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES coop_meetings(id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- What the item is about: a plan change proposal, a plan action, a poll (id only) or a document URL.
  link_kind text CHECK (link_kind IN ('voorstel', 'actie', 'peiling', 'document')),
  link_ref text,
  CHECK ((link_kind IS NULL) = (link_ref IS NULL))
);
CREATE INDEX coop_agenda_items_meeting_idx ON coop_agenda_items (meeting_id, position);

CREATE TABLE coop_attendance (
  meeting_id uuid NOT NULL REFERENCES coop_meetings(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('aanwezig', 'verontschuldigd', 'afwezig')),
  PRIMARY KEY (meeting_id, user_id)
);

-- Decisions numbered per region and year ("2026/3"); the number is unique, so two secretaries
-- recording at once get different numbers or a retry, never the same one.
CREATE TABLE coop_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES coop_meetings(id) ON DELETE CASCADE,
  year integer NOT NULL,
  number integer NOT NULL,
  text text NOT NULL,
  proposal_id uuid REFERENCES plan_change_proposals(id) ON DELETE SET NULL,
  proposal_outcome text CHECK (proposal_outcome IN ('goedgekeurd', 'afgewezen')),
  plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
  plan_action_id uuid REFERENCES plan_actions(id) ON DELETE SET NULL,
  decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, year, number)
);

CREATE TABLE coop_action_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES coop_meetings(id) ON DELETE CASCADE,
  description text NOT NULL,
  assignee_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'bezig', 'klaar')),
  plan_action_id uuid REFERENCES plan_actions(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coop_action_points_meeting_idx ON coop_action_points (meeting_id);
