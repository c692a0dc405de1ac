// Likely network-map actors for a partner name as a plan writes it ("stad Ieper", "Bibliotheken",
// "Gezinsbond"). Pure: the caller passes the region's actors and the known municipality names.
import { editDistance } from '../../../search/edit-distance.js';
import { foldPlace } from '../spreiding/map-spreiding.js';

/** An actor the suggester may propose, with the name of its municipality when known. */
export interface SuggestionCandidate {
  id: string;
  name: string;
  municipality: string | null;
}

/** One suggestion: `high` is confident enough to accept without looking (the demo does), `medium` needs a person. */
export interface ActorSuggestion {
  actorId: string;
  actorName: string;
  confidence: 'high' | 'medium';
}

const STOP_WORDS = new Set(['de', 'het', 'een', 'van', 'en', 'voor', 'der', 'vzw', 'asbl', 'o', 'a', 'in', 'te']);
// Words that say "the local government" without naming a service.
const GOVERNMENT_WORDS = new Set(['stad', 'gemeente', 'stadsbestuur', 'gemeentebestuur', 'lokaal', 'bestuur', 'lokale']);
// Words for a place or territory that an actor's name may add to the partner's name ("Gezinsbond Poperinge").
const AREA_WORDS = new Set(['regio', 'west', 'oost', 'midden', 'vlaanderen', 'westhoek', 'zuidelijke', 'provincie', 'afdeling']);
// Words in an actor's name that make it part of a local government.
const SERVICE_WORDS = new Set(['stad', 'gemeente', 'stadsbestuur', 'gemeentebestuur']);
// Services of a local government that stand for "stad X" in a culture plan, most likely first.
const CULTURE_SERVICES = /^(cultuurdienst|vrijetijdsdienst|dienst cultuur)/;
// Plural generics whose singular an actor's name often shortens ("Biblio7", "bib Ieper").
const PLURALS: Record<string, { singular: string; aliases: string[] }> = {
  bibliotheken: { singular: 'bibliotheek', aliases: ['biblio', 'bib'] },
  musea: { singular: 'museum', aliases: [] },
  gemeenschapscentra: { singular: 'gemeenschapscentrum', aliases: ['gc'] },
  cultuurcentra: { singular: 'cultuurcentrum', aliases: ['cc'] },
  academies: { singular: 'academie', aliases: [] },
  scholen: { singular: 'school', aliases: [] },
};

function wordsOf(name: string): string[] {
  return foldPlace(name)
    .split(' ')
    .filter((word) => word && !STOP_WORDS.has(word));
}

/** Dutch plural to singular for the common "-en" and "-s" forms ("diensten" → "dienst", "bibliotheken" → "bibliotheek"). */
export function singularOf(word: string): string | null {
  const known = PLURALS[word];
  if (known) return known.singular;
  if (word.length < 5) return null;
  if (word.endsWith('en')) {
    const stem = word.slice(0, -2);
    // An open syllable lost its double vowel: "bibliothek-en" → "bibliotheek".
    const open = /([^aeiou])([aeiou])([^aeiou])$/.exec(stem);
    if (open && !/(ing|ig)$/.test(stem)) return `${stem.slice(0, -2)}${open[2]}${open[2]}${open[3]}`;
    return stem.replace(/(.)\1$/, '$1');
  }
  return null;
}

function sameWord(a: string, b: string): boolean {
  // A single typo in a longer word ("Gezinsbnod", "Cultuurconect") still matches.
  return a === b || (a.length >= 6 && b.length >= 6 && editDistance(a, b, 1) <= 1);
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const matched = a.filter((word) => b.some((other) => sameWord(word, other))).length;
  return (2 * matched) / (a.length + b.length);
}

/**
 * Suggests actors for a partner name that did not link exactly. Three readings, in this order:
 * "stad/gemeente X" → the municipality's (culture) services; a plural generic ("Bibliotheken") → one
 * suggestion per matching actor; otherwise name similarity (the partner's words begin the actor's name,
 * the rest is a place, or a word overlap). A single-actor reading is `high` only when it has one winner.
 */
export function suggestActors(partnerName: string, candidates: SuggestionCandidate[], municipalityNames: string[]): ActorSuggestion[] {
  const words = wordsOf(partnerName);
  if (words.length === 0) return [];
  const places = new Set(municipalityNames.map(foldPlace));
  const placeWords = new Set([...places].flatMap((place) => place.split(' ')));
  const named = [...places].filter((place) => ` ${words.join(' ')} `.includes(` ${place} `));
  const inPlace = (candidate: SuggestionCandidate) =>
    named.length === 0 || named.some((place) => (candidate.municipality && foldPlace(candidate.municipality) === place) || ` ${wordsOf(candidate.name).join(' ')} `.includes(` ${place} `));
  const out = (list: SuggestionCandidate[], confidence: ActorSuggestion['confidence']) => list.map((candidate) => ({ actorId: candidate.id, actorName: candidate.name, confidence }));

  // "stad Ieper", "gemeente Mesen", "lokaal bestuur Poperinge": the municipality's services.
  const rest = words.filter((word) => !GOVERNMENT_WORDS.has(word) && !placeWords.has(word));
  if (named.length > 0 && rest.length === 0 && words.some((word) => GOVERNMENT_WORDS.has(word))) {
    const services = candidates.filter((candidate) => inPlace(candidate) && wordsOf(candidate.name).some((word) => word.endsWith('dienst') || SERVICE_WORDS.has(word)));
    const culture = services.filter((candidate) => wordsOf(candidate.name).some((word) => CULTURE_SERVICES.test(word)) || /\b(stad|gemeente)\b/.test(foldPlace(candidate.name)));
    const best = culture.length === 1 ? culture : [];
    return [...out(best, 'high'), ...out(services.filter((candidate) => !best.includes(candidate)), 'medium')];
  }

  // "Bibliotheken (Westhoek)", "Gemeentelijke diensten": one suggestion per actor of that kind.
  const pluralIndex = words.findIndex((word) => singularOf(word) !== null);
  const qualifiers = words.filter((_, index) => index !== pluralIndex);
  if (pluralIndex >= 0 && qualifiers.every((word) => placeWords.has(word) || AREA_WORDS.has(word) || /^(gemeentelijke|lokale|regionale|stedelijke|openbare)$/.test(word))) {
    const plural = words[pluralIndex]!;
    const singular = singularOf(plural)!;
    const aliases = PLURALS[plural]?.aliases ?? [];
    // "Biblio7", "bibliotheek": the kind itself or its short form; not a compound that starts with it ("dienstencentrum").
    const isKind = (word: string) => word === singular || new RegExp(`^${singular}\\d*$`).test(word) || aliases.some((alias) => word.startsWith(alias));
    const starts = candidates.filter((candidate) => inPlace(candidate) && wordsOf(candidate.name).some(isKind));
    const heads = candidates.filter((candidate) => !starts.includes(candidate) && inPlace(candidate) && wordsOf(candidate.name).some((word) => word.endsWith(singular)));
    if (starts.length + heads.length > 0) return [...out(starts, 'high'), ...out(heads, 'medium')];
  }

  // Name similarity: "Gezinsbond" → "Gezinsbond Poperinge", "LIGO" → "LIGO Centrum voor Basiseducatie".
  const scored = candidates
    .map((candidate) => {
      const actorWords = wordsOf(candidate.name);
      const begins = words.length <= actorWords.length && words.every((word, index) => sameWord(word, actorWords[index]!));
      const restIsPlace = begins && actorWords.slice(words.length).every((word) => placeWords.has(word) || AREA_WORDS.has(word));
      return { candidate, begins, restIsPlace, score: dice(words, actorWords) };
    })
    .filter((entry) => entry.begins || entry.score >= 0.6)
    .sort((a, b) => Number(b.restIsPlace) - Number(a.restIsPlace) || Number(b.begins) - Number(a.begins) || b.score - a.score);
  const strong = scored.filter((entry) => entry.restIsPlace || entry.begins);
  return scored.map((entry) => ({
    actorId: entry.candidate.id,
    actorName: entry.candidate.name,
    confidence: strong.length === 1 && strong[0] === entry ? 'high' : 'medium',
  }));
}
