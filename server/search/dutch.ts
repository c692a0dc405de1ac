/**
 * A small, predictable Dutch normaliser for search: fold accents and case, split into words, and
 * derive a few stem variants per word so that inflected and compound forms meet ("voorlezen" →
 * "voorlees", which is inside "voorleesmomenten"; "bibliotheek" → "bibliothek", inside "bibliotheken").
 * Not a full Snowball stemmer on purpose: the variants are matched as substrings, which already
 * covers compounds, so a light touch on suffixes and spelling alternations is enough.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowel = (char: string | undefined) => char !== undefined && VOWELS.has(char);
const isConsonant = (char: string | undefined) => char !== undefined && /[a-z]/.test(char) && !VOWELS.has(char);

/** Lower case without accents ("Café Ça" → "cafe ca"); the same folding the database applies (rk_fold). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The words of a text, folded; anything that is not a letter or digit separates words. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

const STOPWORDS = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'in', 'op', 'met', 'of', 'te', 'the', 'and', 'vzw', 'der', 'den']);

/** Search words: folded, without stopwords (unless the query is nothing but stopwords). */
export function queryWords(query: string): string[] {
  const all = words(query);
  const kept = all.filter((word) => !STOPWORDS.has(word));
  return [...new Set(kept.length > 0 ? kept : all)];
}

/** "lez" → "lees", "spel" → "speel": an open syllable lost its long vowel when the suffix went. */
function lengthenVowel(stem: string): string {
  const last = stem.at(-1);
  const vowel = stem.at(-2);
  const before = stem.at(-3);
  if (isConsonant(last) && isVowel(vowel) && !isVowel(before) && vowel !== 'i' && stem.length >= 3) {
    return stem.slice(0, -1) + vowel + last;
  }
  return stem;
}

/** "bibliotheek" → "bibliothek", "school" → "schol": the written form before a vowel suffix. */
function shortenVowel(word: string): string | null {
  const last = word.at(-1);
  const vowel = word.at(-2);
  if (isConsonant(last) && isVowel(vowel) && word.at(-3) === vowel && !isVowel(word.at(-4))) return word.slice(0, -2) + last;
  return null;
}

/** s/z and f/v alternate at the end of a stem ("lees"/"lezen", "leef"/"leven"). */
function voicing(stem: string): string[] {
  if (stem.endsWith('z')) return [stem.slice(0, -1) + 's'];
  if (stem.endsWith('v')) return [stem.slice(0, -1) + 'f'];
  return [];
}

/** The reverse alternation, for a shortened stem that goes on with a vowel ("voorles" → "voorlez"). */
function devoicing(stem: string): string[] {
  if (stem.endsWith('s')) return [stem.slice(0, -1) + 'z'];
  if (stem.endsWith('f')) return [stem.slice(0, -1) + 'v'];
  return [];
}

const SUFFIXES: [string, string][] = [
  ['heden', 'heid'],
  ['ingen', 'ing'],
  ['eren', ''],
  ['tjes', ''],
  ['tje', ''],
  ['jes', ''],
  ['je', ''],
  ['ies', 'ie'],
  ['ea', 'eum'],
  ['en', ''],
  ['es', ''],
  ['s', ''],
  ['e', ''],
];

const MIN_STEM = 4;

/**
 * The forms a search word is matched with (all folded): the word itself, its stem without a plural,
 * verb or diminutive ending, the stem with its long vowel restored or shortened, and s/z, f/v swaps.
 */
export function variants(word: string): string[] {
  const folded = fold(word);
  const out = new Set<string>([folded]);
  if (folded.length < MIN_STEM || /^\d+$/.test(folded)) return [...out];
  const add = (form: string) => {
    if (form.length >= MIN_STEM) out.add(form);
  };
  for (const [suffix, replacement] of SUFFIXES) {
    if (!folded.endsWith(suffix)) continue;
    let stem = folded.slice(0, -suffix.length) + replacement;
    if (stem.length < 3) break;
    const doubled = replacement === '' && /([b-df-hj-np-tv-z])\1$/.test(stem);
    if (doubled) stem = stem.slice(0, -1); // kunnen → kun, bakken → bak
    add(stem);
    // Only a vowel ending (-en, -e) opens the syllable: lezen → lees, spelen → speel; nieuwkomers stays.
    if (!doubled && (suffix === 'en' || suffix === 'e')) {
      const long = lengthenVowel(stem);
      add(long);
      for (const form of voicing(long)) add(form);
    }
    break;
  }
  const short = shortenVowel(folded);
  if (short) {
    add(short);
    for (const form of devoicing(short)) add(form);
  }
  return [...out];
}
