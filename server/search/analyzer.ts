/**
 * The analyzer every domain shares: tokenise → fold → Dutch forms (stems, compound parts) → synonyms,
 * and a pure scorer that says how a query term meets a word (exact > stem > compound part > synonym >
 * typo). Actor search uses the same weights in SQL (network/search.ts); textRelevance compares two short
 * Dutch texts in memory (brokering: a need against a strength).
 */
import { fold, queryWords, variants, words } from './dutch.js';

export { fold, queryWords, variants, words } from './dutch.js';

/** How a query term met a word, strongest first. */
export type MatchKind = 'exact' | 'stem' | 'compound' | 'synonym' | 'typo';

/** What each kind of match is worth (typo matches are further scaled by their similarity). */
export const MATCH_WEIGHT: Record<MatchKind, number> = { exact: 1, stem: 0.9, compound: 0.75, synonym: 0.7, typo: 0.5 };

// Words this long or longer may also match by trigram similarity; the same threshold as the SQL search.
export const FUZZY_MIN = 4;
export const TYPO_SIMILARITY = 0.5;
// A word must be this long to count as a part of a longer compound (so "en" or "bib" are not parts of everything).
const COMPOUND_PART_MIN = 5;

/** Groups of words that mean the same, as stored (one group: ["nieuwkomers", "inburgeraars", …]). */
export type SynonymGroups = readonly (readonly string[])[];

/** Synonym groups prepared for lookup: every Dutch form of every term points at its groups. */
export class SynonymIndex {
  private readonly byForm = new Map<string, Set<number>>();
  private readonly groups: string[][];

  constructor(groups: SynonymGroups) {
    this.groups = groups.map((group) => [...new Set(group.map((term) => fold(term).trim()).filter((term) => term.length > 0))]);
    this.groups.forEach((group, index) => {
      for (const term of group) {
        for (const form of variants(term)) {
          const set = this.byForm.get(form) ?? new Set<number>();
          set.add(index);
          this.byForm.set(form, set);
        }
      }
    });
  }

  /** The other terms of every group the word belongs to (through any of its forms), folded. */
  synonymsOf(word: string): string[] {
    const own = fold(word);
    const found = new Set<string>();
    for (const form of variants(own)) {
      for (const index of this.byForm.get(form) ?? []) {
        for (const term of this.groups[index] ?? []) found.add(term);
      }
    }
    // A term is not its own synonym, nor are its own forms.
    const ownForms = new Set(variants(own));
    return [...found].filter((term) => !variants(term).some((form) => ownForms.has(form)));
  }
}

export const NO_SYNONYMS = new SynonymIndex([]);

/** One word of a query, with the forms it matches and the forms of its synonyms. */
export interface QueryTerm {
  token: string;
  forms: string[];
  synonymForms: string[];
}

/** The terms of a query (at most eight, stopwords dropped): each with its Dutch forms and its synonyms' forms. */
export function analyzeQuery(query: string, synonyms: SynonymIndex = NO_SYNONYMS, maxTerms = 8): QueryTerm[] {
  return queryWords(query)
    .slice(0, maxTerms)
    .map((token) => {
      const forms = variants(token);
      const synonymForms = [...new Set(synonyms.synonymsOf(token).flatMap((term) => variants(term)))].filter((form) => !forms.includes(form));
      return { token, forms, synonymForms };
    });
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) out.add(padded.slice(i, i + 3));
  return out;
}

/** Trigram similarity of two folded words, as pg_trgm's similarity() computes it. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How a query term meets one folded word, with its weight; null when it does not. */
export function matchWord(term: QueryTerm, word: string): { kind: MatchKind; weight: number } | null {
  if (word === term.token) return { kind: 'exact', weight: MATCH_WEIGHT.exact };
  if (term.forms.includes(word)) return { kind: 'stem', weight: MATCH_WEIGHT.stem };
  if (term.forms.some((form) => word.includes(form))) return { kind: 'compound', weight: MATCH_WEIGHT.compound };
  // The other way round: the word is a part of the term's compound ("voorlezen" inside "voorleesmomenten").
  if (word.length >= COMPOUND_PART_MIN && variants(word).some((form) => form.length >= COMPOUND_PART_MIN && term.token.includes(form))) {
    return { kind: 'compound', weight: MATCH_WEIGHT.compound };
  }
  if (term.synonymForms.some((form) => word.includes(form))) return { kind: 'synonym', weight: MATCH_WEIGHT.synonym };
  if (term.token.length >= FUZZY_MIN) {
    const similarity = trigramSimilarity(term.token, word);
    if (similarity >= TYPO_SIMILARITY) return { kind: 'typo', weight: MATCH_WEIGHT.typo * similarity };
  }
  return null;
}

/** A query term's best match among a text's words. */
export interface TermMatch {
  term: string;
  word: string;
  kind: MatchKind;
  weight: number;
}

/** The best match of every term among the words (terms without a match are left out). */
export function bestMatches(terms: QueryTerm[], textWords: readonly string[]): TermMatch[] {
  const unique = [...new Set(textWords)];
  const out: TermMatch[] = [];
  for (const term of terms) {
    let best: TermMatch | null = null;
    for (const word of unique) {
      const match = matchWord(term, word);
      if (match && (!best || match.weight > best.weight)) best = { term: term.token, word, ...match };
      if (best?.kind === 'exact') break;
    }
    if (best) out.push(best);
  }
  return out;
}

/** How well two short Dutch texts meet: 0 (nothing in common) to 1 (the same words), both ways. */
export interface TextRelevance {
  /** The mean of both directions: symmetric. */
  score: number;
  /** Share of a's words found in b (weighted by match kind). */
  aInB: number;
  /** Share of b's words found in a. */
  bInA: number;
  /** a's terms and the word of b each met, with how. */
  matches: TermMatch[];
}

function coverage(from: string, to: string, synonyms: SynonymIndex): { share: number; matches: TermMatch[] } {
  const terms = analyzeQuery(from, synonyms, 60);
  if (terms.length === 0) return { share: 0, matches: [] };
  const matches = bestMatches(terms, words(to));
  return { share: matches.reduce((sum, match) => sum + match.weight, 0) / terms.length, matches };
}

/**
 * Text similarity of two short Dutch texts with word forms, compound parts, synonyms and typos
 * (e.g. a need "taallessen voor nieuwkomers" against a strength "Nederlands oefenen met anderstaligen").
 */
export function textRelevance(a: string, b: string, synonyms: SynonymIndex = NO_SYNONYMS): TextRelevance {
  const forward = coverage(a, b, synonyms);
  const backward = coverage(b, a, synonyms);
  return { score: (forward.share + backward.share) / 2, aInB: forward.share, bInA: backward.share, matches: forward.matches };
}
