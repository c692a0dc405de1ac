-- Voting rounds weighted by co-financing share (issue #13): a weighted poll counts each voter's points
-- times their organisation's share of the working year's co-financing, next to the plain count.
ALTER TABLE polls ADD COLUMN weighted boolean NOT NULL DEFAULT false;
ALTER TABLE polls ADD COLUMN weight_year integer;
