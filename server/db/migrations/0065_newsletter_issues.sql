-- Newsletters (issue #13, seed 000 actions 50–51): each issue is members-only or public, is sent as a job
-- (status 'verzenden' while the job runs), and every delivery is a row, so a retried job mails no one twice.
ALTER TABLE coop_newsletters ADD COLUMN audience text NOT NULL DEFAULT 'leden' CHECK (audience IN ('leden', 'publiek'));
ALTER TABLE coop_newsletters ADD COLUMN job_id uuid;
ALTER TABLE coop_newsletters DROP CONSTRAINT coop_newsletters_status_check;
ALTER TABLE coop_newsletters ADD CONSTRAINT coop_newsletters_status_check CHECK (status IN ('concept', 'verzenden', 'verzonden'));

CREATE TABLE coop_newsletter_deliveries (
  newsletter_id uuid NOT NULL REFERENCES coop_newsletters(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (newsletter_id, user_id)
);
