-- Plans: strategic goals (SD) → operational goals (OD) → actions, with budget lines, partners
-- (actors of the network map, or a name kept as text until linked), milestones and indicators.
CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  kind text NOT NULL DEFAULT 'actieplan' CHECK (kind IN ('beleidsplan', 'actieplan', 'projectplan')),
  status text NOT NULL DEFAULT 'ontwerp' CHECK (status IN ('ontwerp', 'goedgekeurd', 'lopend', 'afgesloten')),
  period_start integer,
  period_end integer,
  owner_id uuid REFERENCES users(id) ON DELETE SET NULL,
  description text NOT NULL DEFAULT '',
  source_filename text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX plans_region_idx ON plans (region_id, created_at);

CREATE TABLE plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  code text NOT NULL,
  title text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_goals_plan_idx ON plan_goals (plan_id, position);

CREATE TABLE plan_objectives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES plan_goals(id) ON DELETE CASCADE,
  code text NOT NULL,
  title text NOT NULL DEFAULT '',
  spreiding_all boolean NOT NULL DEFAULT false,
  spreiding_text text NOT NULL DEFAULT '',
  cross_refs text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_objectives_plan_idx ON plan_objectives (plan_id, goal_id, position);

CREATE TABLE plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  objective_id uuid REFERENCES plan_objectives(id) ON DELETE SET NULL,
  number text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  what text NOT NULL DEFAULT '',
  why text NOT NULL DEFAULT '',
  how text NOT NULL DEFAULT '',
  type text CHECK (type IN ('community', 'atelier', 'labo', 'business', 'andere')),
  timing_kind text CHECK (timing_kind IN ('ongoing', 'year', 'season', 'range', 'text')),
  timing_start date,
  timing_end date,
  timing_label text NOT NULL DEFAULT '',
  timing_note text NOT NULL DEFAULT '',
  regierol text NOT NULL DEFAULT '',
  actorrol text NOT NULL DEFAULT '',
  spreiding_all boolean NOT NULL DEFAULT false,
  spreiding_text text NOT NULL DEFAULT '',
  spreiding_nis text[] NOT NULL DEFAULT '{}',
  results text[] NOT NULL DEFAULT '{}',
  cross_refs text[] NOT NULL DEFAULT '{}',
  responsible text NOT NULL DEFAULT '',
  budget_text text NOT NULL DEFAULT '',
  partners_text text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  weight integer NOT NULL DEFAULT 1 CHECK (weight >= 0),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (timing_end IS NULL OR timing_start IS NULL OR timing_end >= timing_start)
);
CREATE INDEX plan_actions_plan_idx ON plan_actions (plan_id, position);
CREATE INDEX plan_actions_objective_idx ON plan_actions (objective_id);

CREATE TABLE plan_budget_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  amount_cents bigint NOT NULL,
  description text NOT NULL DEFAULT '',
  year integer,
  working_year integer,
  funding_source text NOT NULL DEFAULT 'andere' CHECK (funding_source IN ('eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere')),
  cofinancing_partner text NOT NULL DEFAULT '',
  vat_note text NOT NULL DEFAULT '',
  marker text NOT NULL DEFAULT '',
  per text NOT NULL DEFAULT '',
  source_text text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_budget_lines_plan_idx ON plan_budget_lines (plan_id);
CREATE INDEX plan_budget_lines_action_idx ON plan_budget_lines (action_id, position);

-- A partner is an actor of the network map, or a name kept as text until it is linked.
CREATE TABLE plan_action_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  actor_id uuid REFERENCES actors(id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_action_partners_action_idx ON plan_action_partners (action_id, position);
CREATE INDEX plan_action_partners_actor_idx ON plan_action_partners (actor_id);
CREATE INDEX plan_action_partners_plan_idx ON plan_action_partners (plan_id);

CREATE TABLE plan_milestones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  title text NOT NULL,
  start_date date,
  end_date date,
  status text NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'bezig', 'behaald', 'vertraagd', 'geschrapt')),
  note text NOT NULL DEFAULT '',
  group_label text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX plan_milestones_plan_idx ON plan_milestones (plan_id, start_date);
CREATE INDEX plan_milestones_action_idx ON plan_milestones (action_id, position);

CREATE TABLE plan_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  baseline numeric,
  target numeric,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_indicators_action_idx ON plan_indicators (action_id, position);

CREATE TABLE plan_measurements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES plan_indicators(id) ON DELETE CASCADE,
  measured_on date NOT NULL,
  value numeric NOT NULL,
  source text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_measurements_indicator_idx ON plan_measurements (indicator_id, measured_on);

-- Plan-level funding (income side): subsidies and co-financing per year.
CREATE TABLE plan_funding (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  label text NOT NULL,
  funding_source text NOT NULL DEFAULT 'andere' CHECK (funding_source IN ('eigen-middelen', 'vlaamse-subsidie', 'europese-subsidie', 'cofinanciering', 'andere')),
  year integer,
  amount_cents bigint NOT NULL,
  note text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_funding_plan_idx ON plan_funding (plan_id);

-- Every change to a plan, field by field: who, when, before and after.
CREATE TABLE plan_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  entity_type text NOT NULL CHECK (entity_type IN ('plan', 'goal', 'objective', 'action', 'milestone', 'indicator', 'measurement')),
  entity_id uuid NOT NULL,
  action_id uuid,
  change text NOT NULL CHECK (change IN ('create', 'update', 'delete', 'import')),
  changes jsonb NOT NULL DEFAULT '{}',
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  proposal_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_changes_plan_idx ON plan_changes (plan_id, created_at);
CREATE INDEX plan_changes_action_idx ON plan_changes (action_id, created_at);

-- Named versions: a frozen copy of the whole tree ("goedgekeurd door de stuurgroep op 25/06/2024").
CREATE TABLE plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  snapshot jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_versions_plan_idx ON plan_versions (plan_id, created_at);

-- A proposed change to an action of an approved plan; it applies only when steering approves.
CREATE TABLE plan_change_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  action_id uuid NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  base_version integer NOT NULL,
  changes jsonb NOT NULL,
  reason text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'goedgekeurd', 'afgewezen')),
  proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
  decision_comment text NOT NULL DEFAULT '',
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_change_proposals_plan_idx ON plan_change_proposals (plan_id, status, created_at);
