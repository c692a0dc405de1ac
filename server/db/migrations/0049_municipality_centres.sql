-- Town centres of the municipalities (from the Westhoek reference list): the public catalog's "near
-- <municipality>" search and offers without their own coordinates measure distances from here (issue #10).
CREATE TABLE municipality_centres (
  nis_code text PRIMARY KEY REFERENCES municipalities(nis_code) ON DELETE CASCADE,
  latitude numeric(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180)
);

INSERT INTO municipality_centres (nis_code, latitude, longitude)
SELECT v.nis_code, v.latitude, v.longitude
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
) AS v(nis_code, latitude, longitude)
JOIN municipalities m ON m.nis_code = v.nis_code;
