-- Inhabitants per municipality and reference year, for the per-inhabitant co-financing key.
-- Values: Statbel, population on 1 January 2024, rounded to the nearest ten (see docs/decisions/022).
CREATE TABLE municipality_inhabitants (
  nis_code text NOT NULL REFERENCES municipalities(nis_code),
  year integer NOT NULL,
  inhabitants integer NOT NULL CHECK (inhabitants > 0),
  source text NOT NULL,
  PRIMARY KEY (nis_code, year)
);
INSERT INTO municipality_inhabitants (nis_code, year, inhabitants, source) VALUES
  ('38002', 2024, 5110, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('38008', 2024, 11010, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('32003', 2024, 17090, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33039', 2024, 7970, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('32006', 2024, 10450, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33011', 2024, 35420, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('32010', 2024, 8820, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('38014', 2024, 22850, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('32011', 2024, 12760, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33040', 2024, 8330, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('32030', 2024, 3380, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33016', 2024, 1060, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('38016', 2024, 11790, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33021', 2024, 19860, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('38025', 2024, 11990, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33041', 2024, 3730, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33029', 2024, 19060, 'Statbel, bevolking op 1 januari 2024 (afgerond)'),
  ('33037', 2024, 12750, 'Statbel, bevolking op 1 januari 2024 (afgerond)');
