-- The live room's snapshot (brokering/room/room-view.ts) reads the primary sector of every actor on the
-- workshop's partner cards in one set-based DISTINCT ON (actor_id) … ORDER BY actor_id, position: this
-- index answers it in order, without sorting each actor's sectors.
CREATE INDEX actor_sectors_actor_position_idx ON actor_sectors (actor_id, position) INCLUDE (sector_key);
-- Sheets are found by their participant (the room's participant list, the join flow).
CREATE INDEX brokering_sheets_participant_idx ON brokering_sheets (participant_id) WHERE participant_id IS NOT NULL;
