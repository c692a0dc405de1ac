-- Voting rounds (issue #13): polls of the Loomio kinds, one current stance per voter enforced by a
-- unique index, every version of a stance kept in its own table (decision 023).

CREATE TABLE polls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('proposal', 'choose-one', 'choose-several', 'score', 'ranked', 'dot', 'meeting')),
  -- [{key, label}] in display order; the proposal kind has its four fixed options.
  options jsonb NOT NULL DEFAULT '[]',
  -- steering: the steering group; members: every member of the region; organisations: one vote per member organisation.
  audience text NOT NULL CHECK (audience IN ('steering', 'members', 'organisations')),
  anonymous boolean NOT NULL DEFAULT false,
  hide_results boolean NOT NULL DEFAULT false,
  -- dot: points per voter; score: highest score.
  points integer NOT NULL DEFAULT 10,
  closes_at timestamptz NOT NULL,
  closed_at timestamptz,
  outcome text NOT NULL DEFAULT '',
  outcome_by uuid REFERENCES users(id) ON DELETE SET NULL,
  plan_id uuid REFERENCES plans(id) ON DELETE SET NULL,
  proposal_id uuid REFERENCES plan_change_proposals(id) ON DELETE SET NULL,
  reminded_at timestamptz,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX polls_region_idx ON polls (region_id, closes_at DESC);

-- The current stance. voter_key is the user id, or the organisation (actor) id for one vote per organisation.
CREATE TABLE poll_stances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  poll_id uuid NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  voter_key text NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- {optionKey: points}: 1 per chosen option, the score, the dots, or the Borda points of a ranking.
  points jsonb NOT NULL,
  ranking jsonb NOT NULL DEFAULT '[]',
  reason text NOT NULL DEFAULT '',
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX poll_stances_one_per_voter_idx ON poll_stances (poll_id, voter_key);

-- Every version of every stance, the current one included.
CREATE TABLE poll_stance_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  poll_id uuid NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  voter_key text NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  points jsonb NOT NULL,
  ranking jsonb NOT NULL DEFAULT '[]',
  reason text NOT NULL DEFAULT '',
  revision integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (poll_id, voter_key, revision)
);
