-- Communication (issue #13): per-user notification settings, the weekly digest log, newsletters.
CREATE TABLE coop_notification_settings (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  weekly_digest boolean NOT NULL DEFAULT true,
  meeting_invitations boolean NOT NULL DEFAULT true,
  newsletter boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, region_id)
);

-- One row per region and digest week: the job is idempotent (a second run in the same week sends nothing).
CREATE TABLE coop_digests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  week_start date NOT NULL,
  item_count integer NOT NULL,
  recipient_count integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, week_start)
);

CREATE TABLE coop_newsletters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  title text NOT NULL,
  intro text NOT NULL DEFAULT '',
  -- Ordered items chosen from the digest sources, each with the regisseur's own text: [{kind, title, text, url, date}].
  items jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'verzonden')),
  sent_at timestamptz,
  recipient_count integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coop_newsletters_region_idx ON coop_newsletters (region_id, created_at);

-- Every mail the cooperative domain sends (invitations, digests, newsletters), so the admin sees what
-- went out — also, and especially, when no SMTP server is configured and mails are only logged.
CREATE TABLE coop_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('uitnodiging', 'digest', 'nieuwsbrief')),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  attachment_names text[] NOT NULL DEFAULT '{}',
  delivered boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coop_outbox_region_idx ON coop_outbox (region_id, created_at DESC);
