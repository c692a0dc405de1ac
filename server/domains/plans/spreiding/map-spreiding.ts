// Spreiding as people write it ("alle gemeenten", "Zuidelijke Westhoek", "stad Ieper", "Ieper, Poperinge
// en Heuvelland", "Langemark") mapped to the NIS codes of municipalities. Pure: the caller passes the
// gazetteer (the region's municipalities, every known municipality and the named areas).

import { words } from '../../../search/dutch.js';
import { editDistance } from '../../../search/edit-distance.js';

/** What the mapper knows: the plan's region, all municipalities by name, and areas such as regions. */
export interface SpreidingGazetteer {
  /** The NIS codes of the plan's region: "alle gemeenten", "regio", "overal" reach these. */
  regionNisCodes: string[];
  municipalities: { nisCode: string; name: string }[];
  /** Named areas ("Westhoek", "Zuidelijke Westhoek"), each with its municipalities. */
  areas: { name: string; nisCodes: string[] }[];
}

/** The mapping of one spreiding text: `all` when it reaches the whole region, else the NIS codes named; parts left over. */
export interface SpreidingMapping {
  all: boolean;
  nisCodes: string[];
  /** Parts of the text that name no municipality or area (as written, trimmed). */
  unmapped: string[];
}

const WHOLE_REGION = [
  /\balle\s+(?:\d+\s+|deelnemende\s+|aangesloten\s+|partner)?(?:gemeenten|gemeentes|lokale besturen|steden en gemeenten)\b/,
  /\b(?:de\s+)?(?:hele|gehele|volledige|ganse)\s+(?:regio|streek|werkingsgebied)\b/,
  /^(?:in\s+de\s+|de\s+|onze\s+)?(?:regio|streek|regionaal|bovenlokaal|overal|iedere gemeente|elke gemeente|werkingsgebied)$/,
  /\b(?:elke|iedere)\s+(?:gemeente|deelnemende gemeente)\b/,
];

// Words around a place name that do not change which municipality is meant.
const FILLER = new Set([
  'stad', 'gemeente', 'deelgemeente', 'centrum', 'in', 'de', 'het', 'te', 'van', 'regio', 'streek', 'lokaal', 'bestuur', 'lokale', 'en', 'ook', 'o', 'a', 'oa',
  'vooral', 'voornamelijk', 'enkel', 'alleen', 'start', 'starten', 'beginnen', 'eerst', 'met', 'later', 'daarna', 'andere', 'gemeenten', 'kern', 'deelgemeenten',
]);

/** Lower case, accents and punctuation gone, hyphens as spaces: "Langemark-Poelkapelle" → "langemark poelkapelle". */
export function foldPlace(text: string): string {
  return words(text).join(' ');
}

/** Typos allowed for a name of this length: none for short names (Mesen, Lo), one from 6 letters, two from 10. */
function allowedTypos(length: number): number {
  if (length >= 10) return 2;
  if (length >= 6) return 1;
  return 0;
}

interface Place {
  words: string[];
  nisCodes: string[];
  /** An area (region) rather than one municipality. */
  area: boolean;
}

function placesOf(gazetteer: SpreidingGazetteer): Place[] {
  const places: Place[] = [];
  for (const area of gazetteer.areas) places.push({ words: foldPlace(area.name).split(' '), nisCodes: area.nisCodes, area: true });
  for (const municipality of gazetteer.municipalities) {
    const folded = foldPlace(municipality.name);
    places.push({ words: folded.split(' '), nisCodes: [municipality.nisCode], area: false });
    // "Langemark" or "Poelkapelle" alone means Langemark-Poelkapelle; "Lo" alone is too short to trust.
    if (/-/.test(municipality.name)) {
      for (const part of folded.split(' ')) if (part.length >= 5) places.push({ words: [part], nisCodes: [municipality.nisCode], area: false });
    }
  }
  // Longest names first, so "Zuidelijke Westhoek" wins over "Westhoek" and "De Panne" over a lone "Panne".
  return places.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
}

function matchesAt(words: string[], start: number, place: Place): boolean {
  if (start + place.words.length > words.length) return false;
  const written = words.slice(start, start + place.words.length).join(' ');
  const name = place.words.join(' ');
  return editDistance(written, name, allowedTypos(name.length)) <= allowedTypos(name.length);
}

/** Maps one part (no list separators) to places; returns the codes found and whether words were left over. */
function mapPart(part: string, places: Place[]): { nisCodes: string[]; leftover: boolean } {
  const words = foldPlace(part).split(' ').filter(Boolean);
  const used = new Array<boolean>(words.length).fill(false);
  const codes: string[] = [];
  for (const place of places) {
    for (let start = 0; start < words.length; start++) {
      if (used.slice(start, start + place.words.length).some(Boolean)) continue;
      if (!matchesAt(words, start, place)) continue;
      codes.push(...place.nisCodes);
      for (let index = start; index < start + place.words.length; index++) used[index] = true;
    }
  }
  const leftover = words.some((word, index) => !used[index] && !FILLER.has(word));
  return { nisCodes: codes, leftover };
}

/**
 * Maps a spreiding text to municipalities. Lists ("Ieper, Poperinge en Heuvelland"), "stad X",
 * "gemeente X", area names and small typos are understood; a part that names nothing is returned in
 * `unmapped`. "alle gemeenten", "(hele) regio" and the like reach the whole region (`all`).
 */
export function mapSpreiding(text: string, gazetteer: SpreidingGazetteer): SpreidingMapping {
  const trimmed = text.trim();
  if (!trimmed) return { all: false, nisCodes: [], unmapped: [] };
  const folded = foldPlace(trimmed);
  if (WHOLE_REGION.some((pattern) => pattern.test(folded))) return { all: true, nisCodes: [...gazetteer.regionNisCodes], unmapped: [] };
  const places = placesOf(gazetteer);
  const codes = new Set<string>();
  const unmapped: string[] = [];
  for (const raw of trimmed.split(/\s*(?:[,;/+&\n]|\s-\s|\ben\b|\bof\b)\s*/i)) {
    const part = raw.replace(/^[\s(]+|[\s).:]+$/g, '').trim();
    if (!part) continue;
    const { nisCodes, leftover } = mapPart(part, places);
    for (const code of nisCodes) codes.add(code);
    // A part that named a place keeps its extra words as context ("Ieper (centrum)"); only empty-handed parts are unmapped.
    if (nisCodes.length === 0 && leftover) unmapped.push(part);
  }
  const region = new Set(gazetteer.regionNisCodes);
  const reachesAll = region.size > 0 && [...region].every((code) => codes.has(code)) && unmapped.length === 0;
  return { all: reachesAll, nisCodes: [...codes].sort(), unmapped };
}
