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
  /** A probe's words that no indexed text has (the term maps cannot know them: they are compared directly). */
  foreign?: string[];
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
  // Term token → the indexed texts with that term, the term itself, and a trigram index of the terms' forms
  // (to find which terms meet a word the vocabulary does not have); built once, after the texts were added.
  private termIndex: { texts: Map<string, number[]>; terms: Map<string, QueryTerm>; grams: Map<string, Set<string>>; short: Set<string> } | null = null;
  private termIndexSize = 0;
  // Texts that are the same string (a region's maps repeat "vrijwilligers") score the same: id → first such id.
  private readonly firstOfText = new Map<string, number>();
  private readonly sameAs: number[] = [];

  constructor(private readonly synonyms: SynonymIndex = NO_SYNONYMS) {}

  /** Adds a text and returns its id (the same text added twice gets two ids); `terms`: its analysis, when kept from before. */
  add(text: string, terms?: QueryTerm[]): number {
    const id = this.texts.length;
    const textWords = [...new Set(words(text))];
    this.texts.push({ id, text, terms: terms ?? analyzeQuery(text, this.synonyms, 60), words: textWords });
    const first = this.firstOfText.get(text);
    this.sameAs.push(first ?? id);
    if (first === undefined) this.firstOfText.set(text, id);
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
  private matchesOf(term: QueryTerm, remember = true): Map<string, number> {
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
    if (remember) this.termMatches.set(term.token, found);
    return found;
  }

  /** Share of a text's terms met by the other text's words (one direction of textRelevance). */
  private share(from: IndexedText, to: IndexedText): number {
    if (from.terms.length === 0) return 0;
    let sum = 0;
    const maps = this.termMapsOf(from);
    maps.forEach((matches, position) => {
      let best = 0;
      for (const word of to.words) {
        const weight = matches.get(word);
        if (weight !== undefined && weight > best) best = weight;
      }
      for (const word of to.foreign ?? []) {
        const match = matchWord(from.terms[position]!, word);
        if (match && match.weight > best) best = match.weight;
      }
      sum += best;
    });
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
    return this.relevanceOf(left, right);
  }

  /**
   * relevance(a, b), remembered in `memo` per pair of distinct texts (relevance is symmetric), for a pass
   * that compares the same texts many times; the caller owns the memo and drops it after the pass.
   */
  relevanceMemo(a: number, b: number, memo: Map<number, number>): number {
    const x = this.sameAs[a] ?? a;
    const y = this.sameAs[b] ?? b;
    const key = x < y ? x * this.texts.length + y : y * this.texts.length + x;
    let value = memo.get(key);
    if (value === undefined) {
      value = this.relevance(a, b);
      memo.set(key, value);
    }
    return value;
  }

  /** textRelevance between two texts, either of which may be a probe. */
  relevanceOf(left: IndexedText, right: IndexedText): number {
    return (this.share(left, right) + this.share(right, left)) / 2;
  }

  /**
   * A text analyzed against the index without joining it (a typed need or strength): the index, which
   * one prepared engine shares between requests, stays as it was, so it neither grows nor loses its caches.
   */
  probe(text: string): IndexedText {
    const textWords = [...new Set(words(text))];
    const terms = analyzeQuery(text, this.synonyms, 60);
    return {
      id: -1,
      text,
      terms,
      words: textWords.filter((word) => this.vocabulary.has(word)),
      foreign: textWords.filter((word) => !this.vocabulary.has(word)),
      maps: terms.map((term) => this.matchesOf(term, false)),
      mapsEpoch: this.epoch,
    };
  }

  /** The texts (among `among`, when given) that share at least one matching word with a text, in either direction. */
  candidates(id: number, among?: ReadonlySet<number>): number[] {
    const text = this.texts[id];
    return text ? this.candidatesOf(text, among) : [];
  }

  /** candidates() for an indexed text or a probe. */
  candidatesOf(text: IndexedText, among?: ReadonlySet<number>): number[] {
    const out = new Set<number>();
    const take = (other: number) => {
      if (other !== text.id && (!among || among.has(other))) out.add(other);
    };
    for (const matches of this.termMapsOf(text)) {
      for (const word of matches.keys()) for (const other of this.byWord.get(word) ?? []) take(other);
    }
    // The other direction: a term of another text that meets one of this text's words.
    const reach = this.reach();
    for (const word of text.words) for (const other of reach.get(word) ?? []) take(other);
    if (text.foreign && text.foreign.length > 0) {
      const terms = this.terms();
      for (const word of text.foreign) {
        for (const token of this.termsMeeting(word)) {
          if (matchWord(terms.terms.get(token)!, word)) for (const other of terms.texts.get(token) ?? []) take(other);
        }
      }
    }
    return [...out];
  }

  /** The indexed terms that can meet a word: those with a form sharing a trigram with it (the relation matchesOf uses), or a short form. */
  private termsMeeting(word: string): Set<string> {
    const terms = this.terms();
    const out = new Set(terms.short);
    for (const gram of gramsOf(word)) for (const token of terms.grams.get(gram) ?? []) out.add(token);
    return out;
  }

  private terms(): NonNullable<TextIndex['termIndex']> {
    if (this.termIndex && this.termIndexSize === this.texts.length) return this.termIndex;
    const index = { texts: new Map<string, number[]>(), terms: new Map<string, QueryTerm>(), grams: new Map<string, Set<string>>(), short: new Set<string>() };
    for (const text of this.texts) {
      for (const term of text.terms) {
        const list = index.texts.get(term.token);
        if (list) {
          if (list.at(-1) !== text.id) list.push(text.id);
          continue;
        }
        index.texts.set(term.token, [text.id]);
        index.terms.set(term.token, term);
        for (const form of [term.token, ...term.forms, ...term.synonymForms]) {
          if (form.length < 3) index.short.add(term.token);
          else for (const gram of gramsOf(form)) (index.grams.get(gram) ?? index.grams.set(gram, new Set()).get(gram)!).add(term.token);
        }
      }
    }
    this.termIndex = index;
    this.termIndexSize = this.texts.length;
    return index;
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
