/**
 * The shared analyzer's text relevance (server/search/analyzer.ts textRelevance) for many texts at once.
 * textRelevance(a, b) analyzes both texts on every call and compares every term with every word; for a
 * region of thousands of actors that is millions of calls. Here every text is analyzed once, every
 * distinct term is compared once with the words it can meet (found through a trigram index of the
 * vocabulary), and the texts a term reaches are found through an inverted word index, so only pairs
 * that share something are scored. The score of a pair is the same as textRelevance's.
 */
import { analyzeQuery, matchWord, NO_SYNONYMS, words, type QueryTerm, type SynonymIndex } from '../../search/analyzer.js';

/** One analyzed text (a need or a strength of an actor, or a typed query). */
export interface IndexedText {
  id: number;
  text: string;
  terms: QueryTerm[];
  words: string[];
  maps?: Map<string, number>[];
  mapsEpoch?: number;
}

function gramsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= word.length; i += 1) out.push(word.slice(i, i + 3));
  return out.length > 0 ? out : [word];
}

/** Texts analyzed once, with the indexes that make pairwise relevance cheap. */
export class TextIndex {
  readonly texts: IndexedText[] = [];
  private readonly byWord = new Map<string, number[]>();
  private readonly vocabulary = new Set<string>();
  private gramIndex: Map<string, string[]> | null = null;
  private readonly termMatches = new Map<string, Map<string, number>>();
  private reachIndex: Map<string, number[]> | null = null;
  private reachSize = 0;
  // Bumped whenever the vocabulary grows: a term may then meet new words.
  private epoch = 0;

  constructor(private readonly synonyms: SynonymIndex = NO_SYNONYMS) {}

  /** Adds a text and returns its id (the same text added twice gets two ids). */
  add(text: string): number {
    const id = this.texts.length;
    const textWords = [...new Set(words(text))];
    this.texts.push({ id, text, terms: analyzeQuery(text, this.synonyms, 60), words: textWords });
    for (const word of textWords) {
      const list = this.byWord.get(word);
      if (list) list.push(id);
      else this.byWord.set(word, [id]);
      if (!this.vocabulary.has(word)) {
        this.vocabulary.add(word);
        this.gramIndex = null;
        this.termMatches.clear();
        this.reachIndex = null;
        this.epoch += 1;
      }
    }
    return id;
  }

  private grams(): Map<string, string[]> {
    if (this.gramIndex) return this.gramIndex;
    const index = new Map<string, string[]>();
    for (const word of this.vocabulary) {
      for (const gram of new Set(gramsOf(word))) {
        const list = index.get(gram);
        if (list) list.push(word);
        else index.set(gram, [word]);
      }
    }
    this.gramIndex = index;
    return index;
  }

  /**
   * The words of the vocabulary a term meets, with the analyzer's weight. Every way a term can meet a
   * word (form, compound part, synonym inside the word, typo) shares a trigram with the word, so only
   * the words sharing one are compared.
   */
  private matchesOf(term: QueryTerm): Map<string, number> {
    const cached = this.termMatches.get(term.token);
    if (cached) return cached;
    const grams = this.grams();
    const candidates = new Set<string>();
    for (const form of [term.token, ...term.forms, ...term.synonymForms]) {
      // A form shorter than a trigram ("s", "12") can sit inside any word: compare it with all of them.
      if (form.length < 3) for (const word of this.vocabulary) candidates.add(word);
      else for (const gram of gramsOf(form)) for (const word of grams.get(gram) ?? []) candidates.add(word);
    }
    const found = new Map<string, number>();
    for (const word of candidates) {
      const match = matchWord(term, word);
      if (match) found.set(word, match.weight);
    }
    this.termMatches.set(term.token, found);
    return found;
  }

  /** Share of a text's terms met by the other text's words (one direction of textRelevance). */
  private share(from: IndexedText, to: IndexedText): number {
    if (from.terms.length === 0) return 0;
    let sum = 0;
    const maps = this.termMapsOf(from);
    for (const matches of maps) {
      let best = 0;
      for (const word of to.words) {
        const weight = matches.get(word);
        if (weight !== undefined && weight > best) best = weight;
      }
      sum += best;
    }
    return sum / from.terms.length;
  }

  /** The match maps of a text's terms, kept with the text until the vocabulary changes. */
  private termMapsOf(text: IndexedText): Map<string, number>[] {
    if (text.maps && text.mapsEpoch === this.epoch) return text.maps;
    text.maps = text.terms.map((term) => this.matchesOf(term));
    text.mapsEpoch = this.epoch;
    return text.maps;
  }

  /** textRelevance(a, b).score for two indexed texts: the mean of both directions. */
  relevance(a: number, b: number): number {
    const left = this.texts[a];
    const right = this.texts[b];
    if (!left || !right) return 0;
    return (this.share(left, right) + this.share(right, left)) / 2;
  }

  /** The texts (among `among`, when given) that share at least one matching word with a text, in either direction. */
  candidates(id: number, among?: ReadonlySet<number>): number[] {
    const text = this.texts[id];
    if (!text) return [];
    const out = new Set<number>();
    const take = (other: number) => {
      if (other !== id && (!among || among.has(other))) out.add(other);
    };
    for (const term of text.terms) {
      for (const word of this.matchesOf(term).keys()) for (const other of this.byWord.get(word) ?? []) take(other);
    }
    // The other direction: a term of another text that meets one of this text's words.
    const reach = this.reach();
    for (const word of text.words) for (const other of reach.get(word) ?? []) take(other);
    return [...out];
  }

  /** Word → the texts one of whose terms meets it (built once, after the texts were added). */
  private reach(): Map<string, number[]> {
    if (this.reachIndex && this.reachSize === this.texts.length) return this.reachIndex;
    const index = new Map<string, number[]>();
    for (const text of this.texts) {
      for (const term of text.terms) {
        for (const word of this.matchesOf(term).keys()) {
          const list = index.get(word);
          if (!list) index.set(word, [text.id]);
          else if (list.at(-1) !== text.id) list.push(text.id);
        }
      }
    }
    this.reachIndex = index;
    this.reachSize = this.texts.length;
    return index;
  }
}
