-- Spreiding mapped to municipalities on import and edit: the parts of the text that named no
-- municipality or area are kept, so the spreiding page and the import preview can show them.
ALTER TABLE plan_actions ADD COLUMN spreiding_unmapped text[] NOT NULL DEFAULT '{}';
