import { describe, expect, it } from 'vitest';
import { analyzeQuery, matchWord, SynonymIndex, textRelevance, trigramSimilarity } from './analyzer.js';

const synonyms = new SynonymIndex([['nieuwkomers', 'inburgeraars', 'anderstaligen', 'migratieachtergrond'], ['senioren', 'ouderen']]);

describe('analyzer', () => {
  it('expands a query word with the other terms of its synonym group, through Dutch forms', () => {
    const [term] = analyzeQuery('nieuwkomer', synonyms);
    expect(term?.forms).toContain('nieuwkomer');
    expect(term?.synonymForms).toEqual(expect.arrayContaining(['anderstaligen', 'inburgeraars', 'migratieachtergrond']));
    expect(term?.synonymForms).not.toContain('nieuwkomers');
    expect(analyzeQuery('theater', synonyms)[0]?.synonymForms).toEqual([]);
  });

  it('grades a match: exact word > Dutch form > compound part > synonym > typo', () => {
    const [term] = analyzeQuery('bibliotheken', new SynonymIndex([['bibliotheken', 'mediatheek']]));
    const kinds = ['bibliotheken', 'bibliotheek', 'bibliotheekwerking', 'mediatheek', 'biblioteken', 'zwembad'].map((word) => matchWord(term!, word)?.kind ?? null);
    expect(kinds).toEqual(['exact', 'stem', 'compound', 'synonym', 'typo', null]);
    const weights = ['bibliotheken', 'bibliotheek', 'bibliotheekwerking', 'mediatheek', 'biblioteken'].map((word) => matchWord(term!, word)!.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('computes trigram similarity (padded trigrams, shared over all)', () => {
    expect(trigramSimilarity('erfgoed', 'erfgoed')).toBe(1);
    expect(trigramSimilarity('biblioteek', 'bibliotheek')).toBeGreaterThanOrEqual(0.5);
    expect(trigramSimilarity('erfgoedcell', 'erfgoedcel')).toBeGreaterThan(trigramSimilarity('erfgoedcell', 'erfgoed'));
    expect(trigramSimilarity('kust', 'museum')).toBe(0);
  });

  it('scores two short Dutch texts by word forms, compounds and synonyms, symmetrically', () => {
    const need = 'Taallessen voor nieuwkomers';
    const strength = 'Wij oefenen Nederlands met anderstaligen in ons taalcafé';
    const withSynonyms = textRelevance(need, strength, synonyms);
    const without = textRelevance(need, strength);
    expect(withSynonyms.score).toBeGreaterThan(without.score);
    expect(withSynonyms.matches.map((match) => [match.term, match.word, match.kind])).toEqual(
      expect.arrayContaining([['nieuwkomers', 'anderstaligen', 'synonym']]),
    );
    expect(textRelevance(strength, need, synonyms).score).toBeCloseTo(withSynonyms.score, 10);
    expect(textRelevance('voorlezen voor kinderen', 'voorleesmomenten voor kinderen').score).toBeGreaterThan(0.8);
    expect(textRelevance('fietsroutes', 'begeleiding bij belastingaangifte').score).toBe(0);
    expect(textRelevance('', 'iets').score).toBe(0);
  });
});
