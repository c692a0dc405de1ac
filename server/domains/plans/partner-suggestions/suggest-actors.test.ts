import { describe, expect, it } from 'vitest';
import { singularOf, suggestActors, type SuggestionCandidate } from './suggest-actors.js';

// Actors as the demo network map names them (the plan names them differently).
const ACTORS: SuggestionCandidate[] = [
  { id: 'cultuur-ieper', name: 'Cultuurdienst Ieper', municipality: 'Ieper' },
  { id: 'sport-ieper', name: 'Sportdienst Ieper', municipality: 'Ieper' },
  { id: 'kind-ieper', name: 'Huis van het Kind Ieper', municipality: 'Ieper' },
  { id: 'cultuur-poperinge', name: 'Cultuurdienst Poperinge', municipality: 'Poperinge' },
  { id: 'mesen', name: 'Stad Mesen – vrijetijdsdienst', municipality: 'Mesen' },
  { id: 'biblio7', name: 'Biblio7', municipality: 'Ieper' },
  { id: 'bib-ieper', name: 'Bibliotheek Ieper', municipality: 'Ieper' },
  { id: 'bib-mesen', name: 'Bibliotheek Mesen', municipality: 'Mesen' },
  { id: 'gezinsbond', name: 'Gezinsbond Poperinge', municipality: 'Poperinge' },
  { id: 'ligo', name: 'LIGO Centrum voor Basiseducatie', municipality: null },
  { id: 'viertoren', name: 'Projectvereniging Viertoren', municipality: null },
  { id: 'ijzervallei', name: 'Projectvereniging IJzervallei', municipality: null },
  { id: 'de-bres', name: 'Lokaal dienstencentrum De Bres', municipality: 'Ieper' },
  { id: 'agii', name: 'Agentschap Integratie en Inburgering – regio Westhoek', municipality: null },
];
const PLACES = ['Ieper', 'Poperinge', 'Mesen', 'Heuvelland', 'Langemark-Poelkapelle'];
const suggest = (name: string) => suggestActors(name, ACTORS, PLACES).map((suggestion) => [suggestion.actorId, suggestion.confidence]);

describe('suggestActors', () => {
  it('reads "stad X" as the municipality culture service, other services of X as less likely', () => {
    expect(suggest('stad Ieper')).toEqual([
      ['cultuur-ieper', 'high'],
      ['sport-ieper', 'medium'],
    ]);
    expect(suggest('gemeente Poperinge')).toEqual([['cultuur-poperinge', 'high']]);
    expect(suggest('stad Mesen')).toEqual([['mesen', 'high']]);
  });

  it('gives a plural generic one suggestion per actor of that kind, short forms included', () => {
    expect(suggest('Bibliotheken')).toEqual([
      ['biblio7', 'high'],
      ['bib-ieper', 'high'],
      ['bib-mesen', 'high'],
    ]);
    expect(suggest('Bibliotheken Westhoek').map(([id]) => id)).toEqual(['biblio7', 'bib-ieper', 'bib-mesen']);
  });

  it('does not take a compound that only starts with the kind ("dienstencentrum" is no dienst)', () => {
    const services = suggest('Gemeentelijke diensten');
    expect(services.map(([id]) => id)).not.toContain('de-bres');
    expect(services.every(([, confidence]) => confidence === 'medium')).toBe(true);
    expect(services.map(([id]) => id)).toContain('cultuur-ieper');
  });

  it('links a name the actor begins with when the rest is a place or when it is the only one', () => {
    expect(suggest('Gezinsbond')).toEqual([['gezinsbond', 'high']]);
    expect(suggest('Agentschap Integratie en Inburgering')).toEqual([['agii', 'high']]);
    expect(suggest('LIGO')).toEqual([['ligo', 'high']]);
  });

  it('keeps two equally likely actors at medium', () => {
    expect(suggest('Projectvereniging')).toEqual([
      ['viertoren', 'medium'],
      ['ijzervallei', 'medium'],
    ]);
  });

  it('forgives a typo and suggests nothing for an unrelated name', () => {
    expect(suggest('Gezinsbnod Poperinge')).toEqual([['gezinsbond', 'high']]);
    expect(suggest('FARO')).toEqual([]);
    expect(suggest('Culturele actoren')).toEqual([]);
    expect(suggest('   ')).toEqual([]);
  });
});

describe('singularOf', () => {
  it('turns Dutch plurals into their singular', () => {
    expect(singularOf('bibliotheken')).toBe('bibliotheek');
    expect(singularOf('diensten')).toBe('dienst');
    expect(singularOf('verenigingen')).toBe('vereniging');
    expect(singularOf('besturen')).toBe('bestuur');
    expect(singularOf('musea')).toBe('museum');
    expect(singularOf('bib')).toBeNull();
  });
});
