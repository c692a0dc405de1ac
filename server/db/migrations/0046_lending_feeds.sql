-- The secret behind an actor's iCal feed URL (one per actor; replaced to revoke an old link).
CREATE TABLE lending_feed_tokens (
  actor_id uuid PRIMARY KEY REFERENCES actors (id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
