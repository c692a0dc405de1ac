-- Surveys (issue #13): questions with texts per language, responses of members, partners or
-- anonymous visitors (one per browser token, a per-IP limit per hour), answers one row per chosen
-- option so results aggregate in SQL (decision 023).

CREATE TABLE surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  -- {nl, en, fr, ar, uk}: Dutch always, the others where given.
  title jsonb NOT NULL,
  intro jsonb NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{nl}',
  audience text NOT NULL CHECK (audience IN ('members', 'partners', 'public')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
  public_token text NOT NULL UNIQUE,
  ip_limit_per_hour integer NOT NULL DEFAULT 30,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX surveys_region_idx ON surveys (region_id, created_at DESC);

CREATE TABLE survey_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('section', 'single', 'multiple', 'scale', 'ranking', 'short', 'long')),
  text jsonb NOT NULL,
  -- [{key, label: {nl, …}}]
  options jsonb NOT NULL DEFAULT '[]',
  required boolean NOT NULL DEFAULT false,
  scale_min integer NOT NULL DEFAULT 1,
  scale_max integer NOT NULL DEFAULT 5
);
CREATE INDEX survey_questions_survey_idx ON survey_questions (survey_id, position);

CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- sha256 of the anonymous browser's token: one response per browser.
  browser_hash text,
  language text NOT NULL DEFAULT 'nl',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX survey_responses_user_idx ON survey_responses (survey_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX survey_responses_browser_idx ON survey_responses (survey_id, browser_hash) WHERE browser_hash IS NOT NULL;

-- One row per chosen option (single, multiple, ranking with its rank), per scale value or per text.
CREATE TABLE survey_answers (
  response_id uuid NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  question_id uuid NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
  option_key text,
  number_value integer,
  text_value text
);
CREATE INDEX survey_answers_question_idx ON survey_answers (survey_id, question_id, option_key, number_value);
CREATE INDEX survey_answers_response_idx ON survey_answers (response_id);

-- The per-IP limit for anonymous answers, as rows (the process keeps no state): hits per hour window.
CREATE TABLE survey_ip_hits (
  survey_id uuid NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  ip_hash text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (survey_id, ip_hash, window_start)
);
