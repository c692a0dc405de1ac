-- Lending pool (issue 12): a described photo, and an index for the availability search.

-- What the photo shows, for screen readers (the item's name is the fallback when it is empty).
ALTER TABLE lending_photos ADD COLUMN alt_text text NOT NULL DEFAULT '' CHECK (length(alt_text) <= 300);

-- The availability search asks "which blocking unit periods touch from–to (plus the longest buffer)?"
-- for a whole region at once. The exclusion constraint's index leads with unit_id, so it serves the
-- per-unit check at booking time; this one serves the per-period question.
CREATE INDEX lending_booking_units_period_idx ON lending_booking_units USING gist (period) WHERE blocking;
