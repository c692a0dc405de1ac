-- Merging actions ("actie 40 en 41 worden één actie"): the merged action keeps its id and takes over the
-- lists of the others, which are removed. The merge is remembered so that comparing two versions shows
-- "samengevoegd met" instead of a plain removal.
ALTER TABLE plan_changes DROP CONSTRAINT plan_changes_change_check;
ALTER TABLE plan_changes ADD CONSTRAINT plan_changes_change_check CHECK (change IN ('create', 'update', 'delete', 'import', 'merge'));

CREATE TABLE plan_action_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  -- No foreign keys on the actions: the source is gone by design, and the target may go later.
  target_action_id uuid NOT NULL,
  source_action_id uuid NOT NULL,
  source_number text NOT NULL,
  source_title text NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_action_merges_plan_idx ON plan_action_merges (plan_id, source_action_id);
