/**
 * The search relevance set: queries as a Dutch speaker types them, with the actors (demo data) that
 * must come back in the first ten results. Run by search.test.ts, which reports recall@10.
 */
export interface RelevanceCase {
  region: 'zuidelijke-westhoek' | 'westhoek';
  query: string;
  expected: string[];
  /** What the case is about. */
  why: string;
}

export const relevanceSet: RelevanceCase[] = [
  { region: 'zuidelijke-westhoek', query: 'erfgoed', expected: ['Erfgoedcel CO7'], why: 'word inside a compound name' },
  { region: 'zuidelijke-westhoek', query: 'voorlezen', expected: ['Bibliotheek Ieper', 'Letterzetter', 'Biblio7'], why: 'verb finds the compound noun voorleesmomenten' },
  { region: 'zuidelijke-westhoek', query: 'voorleesmoment', expected: ['Bibliotheek Ieper'], why: 'singular finds plural' },
  { region: 'zuidelijke-westhoek', query: 'bibliotheek', expected: ['Bibliotheek Ieper', 'Bibliotheek Poperinge', 'Bibliotheek Mesen'], why: 'plain name word' },
  { region: 'zuidelijke-westhoek', query: 'biblioteek', expected: ['Bibliotheek Ieper', 'Bibliotheek Poperinge'], why: 'typo' },
  { region: 'zuidelijke-westhoek', query: 'bibliotheken', expected: ['Biblio7', 'Bibliotheek Zonnebeke'], why: 'plural finds singular' },
  { region: 'zuidelijke-westhoek', query: 'museum', expected: ['In Flanders Fields Museum', 'Passchendaele Museum'], why: 'name word' },
  { region: 'zuidelijke-westhoek', query: 'musea', expected: ['In Flanders Fields Museum', 'Passchendaele Museum'], why: 'Latin plural' },
  { region: 'zuidelijke-westhoek', query: 'nieuwkomers', expected: ['Argos vzw', 'Albatros', 'De Wissel'], why: 'profile text' },
  { region: 'zuidelijke-westhoek', query: 'nieuwkomer', expected: ['Argos vzw', 'Albatros'], why: 'singular finds plural' },
  { region: 'zuidelijke-westhoek', query: 'buddywerking', expected: ['Albatros', 'De Wissel', 'SAAMO West-Vlaanderen'], why: 'compound in strengths' },
  { region: 'zuidelijke-westhoek', query: 'theater', expected: ['Open Doek', 'CC Het Perron'], why: 'word inside amateurtheater and theaterworkshops' },
  { region: 'zuidelijke-westhoek', query: 'het perron', expected: ['CC Het Perron'], why: 'stopword ignored' },
  { region: 'zuidelijke-westhoek', query: 'passendale', expected: ['Passchendaele Museum'], why: 'Dutch spelling in the description' },
  { region: 'zuidelijke-westhoek', query: 'passchendale', expected: ['Passchendaele Museum'], why: 'typo in the name' },
  { region: 'zuidelijke-westhoek', query: 'natuur', expected: ['Natuurpunt Ieper', 'Bezoekerscentrum Palingbeek'], why: 'compound and profile text' },
  { region: 'zuidelijke-westhoek', query: 'wandelen', expected: ['Natuurpunt Ieper', 'Bezoekerscentrum Palingbeek', 'Toerisme Heuvelland'], why: 'verb finds wandelingen and wandelroutes' },
  { region: 'zuidelijke-westhoek', query: 'fietsen', expected: ['Toerisme Heuvelland'], why: 'verb finds fietsroutes' },
  { region: 'zuidelijke-westhoek', query: 'uitleendienst', expected: ['Uitleendienst CO7'], why: 'name' },
  { region: 'zuidelijke-westhoek', query: 'materialen', expected: ['Uitleendienst CO7'], why: 'plural in strengths' },
  { region: 'zuidelijke-westhoek', query: 'taal', expected: ['LIGO Centrum voor Basiseducatie', 'CVO Miras'], why: 'short word in profile and tags' },
  { region: 'zuidelijke-westhoek', query: 'Nederlands leren', expected: ['LIGO Centrum voor Basiseducatie'], why: 'two words, both must match' },
  { region: 'zuidelijke-westhoek', query: 'sporthal', expected: ['Sportdienst Ieper'], why: 'singular inside plural sporthallen' },
  { region: 'zuidelijke-westhoek', query: 'kinderen', expected: ['Huis van het Kind Ieper'], why: 'plural -eren finds Kind' },
  { region: 'zuidelijke-westhoek', query: 'speelplein', expected: ['Jeugddienst Poperinge'], why: 'inside speelpleinwerking' },
  { region: 'zuidelijke-westhoek', query: 'landschap', expected: ['Regionaal Landschap Westhoek'], why: 'name' },
  { region: 'zuidelijke-westhoek', query: 'toerisme', expected: ['Westtoer', 'Toerisme Heuvelland'], why: 'inside toerismebedrijf' },
  { region: 'zuidelijke-westhoek', query: 'muziek', expected: ['Muziekcentrum Dranouter'], why: 'compound name' },
  { region: 'zuidelijke-westhoek', query: 'Mesen', expected: ['Stad Mesen – vrijetijdsdienst', 'Bibliotheek Mesen'], why: 'place name in names' },
  { region: 'zuidelijke-westhoek', query: 'taalcafe', expected: ['Bibliotheek Ieper'], why: 'accent ignored (taalcafé)' },
  { region: 'zuidelijke-westhoek', query: 'senioren', expected: ['Lokaal dienstencentrum De Bres'], why: 'profile text' },
  { region: 'zuidelijke-westhoek', query: 'armoede', expected: ['SAAMO West-Vlaanderen'], why: 'profile text and tag' },
  { region: 'zuidelijke-westhoek', query: 'loopgraaf', expected: ['Passchendaele Museum'], why: 'singular of loopgraven (f/v)' },
  { region: 'zuidelijke-westhoek', query: 'erfgoedcell', expected: ['Erfgoedcel CO7'], why: 'typo' },
  { region: 'westhoek', query: 'kust', expected: ['Tegenstroom'], why: 'profile text' },
  { region: 'westhoek', query: 'inburgering', expected: ['Agentschap Integratie en Inburgering – regio Westhoek'], why: 'name' },
  { region: 'westhoek', query: 'voedsel', expected: ['Foodsavers Westhoek'], why: 'inside voedseloverschotten' },
  { region: 'westhoek', query: 'ijzer', expected: ['Museum aan de IJzer', 'Projectvereniging IJzervallei'], why: 'name and compound name' },
  { region: 'westhoek', query: 'sluis', expected: ['Bezoekerscentrum Westfront Nieuwpoort'], why: 'singular of sluizen (s/z)' },
  { region: 'westhoek', query: 'buddy', expected: ['Buddywerking Lo-Reninge', 'Sociaal Huis Diksmuide'], why: 'compound name and tags' },
];
