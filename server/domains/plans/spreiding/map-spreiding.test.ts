import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveSeeds, seedPath } from '../../../test/seeds.js';
import { foldPlace, mapSpreiding, type SpreidingGazetteer } from './map-spreiding.js';

// The 18 Westhoek municipalities of the reference data (migration 0002) and the two demo regions as areas.
const WESTHOEK: [string, string][] = [
  ['38002', 'Alveringem'], ['38008', 'De Panne'], ['32003', 'Diksmuide'], ['33039', 'Heuvelland'], ['32006', 'Houthulst'], ['33011', 'Ieper'],
  ['32010', 'Koekelare'], ['38014', 'Koksijde'], ['32011', 'Kortemark'], ['33040', 'Langemark-Poelkapelle'], ['32030', 'Lo-Reninge'], ['33016', 'Mesen'],
  ['38016', 'Nieuwpoort'], ['33021', 'Poperinge'], ['38025', 'Veurne'], ['33041', 'Vleteren'], ['33029', 'Wervik'], ['33037', 'Zonnebeke'],
];
const CO7 = ['33039', '33011', '33040', '33016', '33021', '33041', '33037'];
const ALL = WESTHOEK.map(([code]) => code);
const municipalities = WESTHOEK.map(([nisCode, name]) => ({ nisCode, name }));
const areas = [
  { name: 'Westhoek', nisCodes: ALL },
  { name: 'Zuidelijke Westhoek', nisCodes: CO7 },
  { name: 'CO7', nisCodes: CO7 },
];
const co7Plan: SpreidingGazetteer = { regionNisCodes: CO7, municipalities, areas };
const westhoekPlan: SpreidingGazetteer = { regionNisCodes: ALL, municipalities, areas };
const code = (name: string) => WESTHOEK.find(([, candidate]) => candidate === name)![0];
const codes = (...names: string[]) => names.map(code).sort();

// Phrases as the seeds write them; each test checks the seed really says so.
const SEED_PHRASES = {
  '000_2f1154fcdd5e0142.txt': ['We starten in 2021 in Mesen', 'stad Ieper, stad Poperinge'],
  '001_fde8e90bc097a083.txt': ['alle gemeenten', 'in de hele regio', 'elke gemeente'],
  '004_4f0f4e3f9cff85db.txt': ['De Panne, Diksmuide en Ieper', 'Veurne, Diksmuide, Ieper, De Panne en Poperinge', '17 lokale besturen in de Westhoek'],
};

describe.skipIf(!haveSeeds)('the seed phrases used below', () => {
  it('appear in the seeds as written', () => {
    for (const [file, phrases] of Object.entries(SEED_PHRASES)) {
      const text = readFileSync(seedPath(file), 'utf8');
      for (const phrase of phrases) expect(text, `${file}: ${phrase}`).toContain(phrase);
    }
  });
});

describe('mapSpreiding on the phrasing of seed 001 (the whole region)', () => {
  it.each(['alle gemeenten', 'in de hele regio', 'elke gemeente', 'regio', 'Alle Gemeenten'])('"%s" reaches the whole region', (text) => {
    expect(mapSpreiding(text, co7Plan)).toEqual({ all: true, nisCodes: CO7, unmapped: [] });
  });
});

describe('mapSpreiding on the phrasing of seed 000 (the CO7 plan)', () => {
  it('finds the municipality in a sentence and in "stad X"', () => {
    expect(mapSpreiding('We starten in 2021 in Mesen', co7Plan)).toEqual({ all: false, nisCodes: ['33016'], unmapped: [] });
    expect(mapSpreiding('stad Ieper, stad Poperinge', co7Plan)).toEqual({ all: false, nisCodes: codes('Ieper', 'Poperinge'), unmapped: [] });
    expect(mapSpreiding('gemeente Zonnebeke', co7Plan).nisCodes).toEqual(['33037']);
  });

  it('maps the region names: "Zuidelijke Westhoek" and "CO7" to the seven, not to all of the Westhoek', () => {
    expect(mapSpreiding('Zuidelijke Westhoek', westhoekPlan)).toEqual({ all: false, nisCodes: [...CO7].sort(), unmapped: [] });
    expect(mapSpreiding('CO7-gemeenten', co7Plan)).toMatchObject({ all: true, unmapped: [] });
  });
});

describe('mapSpreiding on the phrasing of seed 004 (the Westhoek plan)', () => {
  it('reads lists with commas and "en", two-word names included', () => {
    expect(mapSpreiding('De Panne, Diksmuide en Ieper', westhoekPlan).nisCodes).toEqual(codes('De Panne', 'Diksmuide', 'Ieper'));
    expect(mapSpreiding('Veurne, Diksmuide, Ieper, De Panne en Poperinge', westhoekPlan).nisCodes).toEqual(codes('Veurne', 'Diksmuide', 'Ieper', 'De Panne', 'Poperinge'));
  });

  it('"in de Westhoek" reaches the whole Westhoek region', () => {
    expect(mapSpreiding('17 lokale besturen in de Westhoek', westhoekPlan)).toMatchObject({ all: true, unmapped: [] });
  });
});

describe('mapSpreiding as people type', () => {
  it('forgives case, accents and a typo in longer names; not in short ones', () => {
    expect(mapSpreiding('POPERINGHE', co7Plan).nisCodes).toEqual(['33021']);
    expect(mapSpreiding('Zonnebéke', co7Plan).nisCodes).toEqual(['33037']);
    expect(mapSpreiding('langemark poelkapele', co7Plan).nisCodes).toEqual(['33040']);
    expect(mapSpreiding('Mezen', co7Plan)).toEqual({ all: false, nisCodes: [], unmapped: ['Mezen'] });
  });

  it('takes one half of a double name for the municipality', () => {
    expect(mapSpreiding('Langemark', co7Plan).nisCodes).toEqual(['33040']);
    expect(mapSpreiding('Reninge', westhoekPlan).nisCodes).toEqual(['32030']);
  });

  it('returns the parts that name no place, keeping the places it found', () => {
    expect(mapSpreiding('Ieper, Zonnebeke en de bibliotheken van de kustgemeenten', westhoekPlan)).toEqual({
      all: false,
      nisCodes: codes('Ieper', 'Zonnebeke'),
      unmapped: ['de bibliotheken van de kustgemeenten'],
    });
    expect(mapSpreiding('digitaal', co7Plan)).toEqual({ all: false, nisCodes: [], unmapped: ['digitaal'] });
    expect(mapSpreiding('', co7Plan)).toEqual({ all: false, nisCodes: [], unmapped: [] });
  });

  it('calls a list that names every municipality of the region "all"', () => {
    const names = WESTHOEK.filter(([nis]) => CO7.includes(nis)).map(([, name]) => name);
    expect(mapSpreiding(names.join(', '), co7Plan).all).toBe(true);
    expect(mapSpreiding(names.slice(1).join(', '), co7Plan).all).toBe(false);
  });

  it('folds place names for comparison', () => {
    expect(foldPlace('Langemark-Poelkapelle')).toBe('langemark poelkapelle');
  });
});
