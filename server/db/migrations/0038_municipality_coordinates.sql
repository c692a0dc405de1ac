-- Approximate coordinates (WGS84) of each Westhoek municipality's main town centre, from shared/reference:
-- the matching engine's proximity ("dichtbij") between actors. Good enough for distances, not for boundaries.
ALTER TABLE municipalities ADD COLUMN IF NOT EXISTS lat double precision;
ALTER TABLE municipalities ADD COLUMN IF NOT EXISTS lon double precision;
UPDATE municipalities AS m SET lat = c.lat, lon = c.lon
FROM (VALUES
  ('38002', 51.0117, 2.7108),
  ('38008', 51.099, 2.592),
  ('32003', 51.0325, 2.8636),
  ('33039', 50.7837, 2.8283),
  ('32006', 50.9783, 2.9506),
  ('33011', 50.8503, 2.885),
  ('32010', 51.09, 2.9783),
  ('38014', 51.1164, 2.6375),
  ('32011', 51.0297, 3.0428),
  ('33040', 50.9114, 2.9167),
  ('32030', 50.9806, 2.7536),
  ('33016', 50.7636, 2.8967),
  ('38016', 51.13, 2.7508),
  ('33021', 50.8547, 2.7256),
  ('38025', 51.0722, 2.6622),
  ('33041', 50.9272, 2.7186),
  ('33029', 50.78, 3.0389),
  ('33037', 50.8725, 2.9872)
) AS c (nis_code, lat, lon)
WHERE m.nis_code = c.nis_code;
