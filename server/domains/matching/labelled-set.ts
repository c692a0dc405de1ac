/**
 * The matching engine's labelled set: actors written for this purpose (not the demo texts) and, for a
 * need or a strength, the partners a regional coordinator would accept as a good suggestion. The
 * quality test (quality.test.ts) scores the engine on it: precision@5, recall@5 and MRR.
 * Judgements were made before looking at the engine's answers; misses are kept, not rewritten away.
 */

/** A fictional actor of the set. */
export interface LabelledActor {
  key: string;
  name: string;
  municipality: string;
  sector: string;
  strengths: string[];
  needs: string[];
}

/** One judgement: who asks (excluded, borders measured from it), with which need or strength, and the acceptable partners. */
export interface Judgement {
  from: string;
  need?: string;
  strength?: string;
  acceptable: string[];
}

const IEPER = '33011';
const POPERINGE = '33021';
const HEUVELLAND = '33039';
const LANGEMARK = '33040';
const MESEN = '33016';
const VLETEREN = '33041';
const ZONNEBEKE = '33037';
const WERVIK = '33029';

export const labelledActors: LabelledActor[] = [
  { key: 'speelplein', name: 'Speelpleinwerking Kasteeltje', municipality: WERVIK, sector: 'jeugd', strengths: ['speelpleinwerking voor kinderen van 3 tot 12 jaar', 'speelmateriaal voor grote groepen'], needs: ['overdekte ruimte bij regenweer'] },
  { key: 'parochiezaal', name: 'Parochiezaal Sint-Laurentius', municipality: HEUVELLAND, sector: 'andere', strengths: ['grote overdekte zaal met keuken'], needs: ['gebruikers op weekdagen'] },
  { key: 'fanfare', name: 'Fanfare De Eendracht', municipality: POPERINGE, sector: 'amateurkunsten', strengths: ['muzikanten voor optredens op evenementen'], needs: ['jonge muzikanten', 'repetitielokaal'] },
  { key: 'muziekacademie', name: 'Muziekacademie Ieperboog', municipality: IEPER, sector: 'onderwijs', strengths: ['muziekles voor kinderen en jongeren', 'leslokalen die s avonds vrij zijn'], needs: ['podiumkansen voor leerlingen'] },
  { key: 'ocmw', name: 'Sociaal Huis Zonnebeke', municipality: ZONNEBEKE, sector: 'welzijn', strengths: ['zicht op kwetsbare gezinnen'], needs: ['vrijetijdsaanbod voor kansarme kinderen'] },
  { key: 'taalpunt', name: 'Taalpunt Westhoek', municipality: IEPER, sector: 'inburgering', strengths: ['taallessen voor anderstaligen'], needs: ['oefenplaatsen om Nederlands te spreken'] },
  { key: 'praatcafe', name: 'Praatcafé De Babbelaar', municipality: POPERINGE, sector: 'lokaal-cultuurbeleid', strengths: ['wekelijks praatcafé Nederlands'], needs: ['deelnemers met een migratieachtergrond'] },
  { key: 'woonzorg', name: 'Woonzorgcentrum Ter Linde', municipality: VLETEREN, sector: 'gezondheidszorg', strengths: ['ontmoetingsruimte met cafetaria'], needs: ['activiteiten met kinderen voor bewoners', 'vrijwilligers voor wandelingen met ouderen'] },
  { key: 'kleuterschool', name: 'Kleuterschool De Regenboog', municipality: VLETEREN, sector: 'onderwijs', strengths: ['kleuters die graag zingen en knutselen'], needs: ['uitstappen in de buurt'] },
  { key: 'seniorenraad', name: 'Seniorenraad Langemark', municipality: LANGEMARK, sector: 'welzijn', strengths: ['gepensioneerden met tijd voor vrijwilligerswerk'], needs: ['vervoer voor minder mobiele leden'] },
  { key: 'mmc', name: 'Minder Mobielen Centrale Ieper', municipality: IEPER, sector: 'mobiliteit', strengths: ['vrijwillige chauffeurs voor minder mobiele mensen'], needs: ['nieuwe chauffeurs'] },
  { key: 'fietsbib', name: 'Fietsbieb Poperinge', municipality: POPERINGE, sector: 'mobiliteit', strengths: ['kinderfietsen te huur'], needs: ['herstellers voor fietsen'] },
  { key: 'repair', name: 'Repair Café Ieper', municipality: IEPER, sector: 'duurzaamheid', strengths: ['vrijwillige herstellers van fietsen en toestellen'], needs: ['vaste zaal voor de maandelijkse herstelcafés'] },
  { key: 'heemkunde', name: 'Heemkundige Kring Mesen', municipality: MESEN, sector: 'erfgoed', strengths: ['archief met oude foto’s en verhalen'], needs: ['digitaliseren van de collectie', 'jongeren bij heemkunde betrekken'] },
  { key: 'fablab', name: 'Fablab Ieper', municipality: IEPER, sector: 'lokale-economie', strengths: ['scanners en computers voor digitalisering'], needs: ['projecten met maatschappelijke impact'] },
  { key: 'jeugdraad', name: 'Jeugdraad Zonnebeke', municipality: ZONNEBEKE, sector: 'jeugd', strengths: ['contact met tieners uit alle deelgemeenten'], needs: ['inspraak in het cultuurbeleid'] },
  { key: 'toneelkring', name: 'Toneelkring Kemmelberg', municipality: HEUVELLAND, sector: 'amateurkunsten', strengths: ['ervaren toneelspelers en een decorploeg'], needs: ['repetitieruimte', 'publiek voor voorstellingen'] },
  { key: 'cultuurcentrum', name: 'Cultuurcentrum Het Halleke', municipality: IEPER, sector: 'kunsten', strengths: ['theaterzaal met techniek', 'podium voor lokaal talent', 'communicatie naar een breed publiek'], needs: ['lokale makers die willen spelen'] },
  { key: 'natuur', name: 'Natuurvereniging De Heuvels', municipality: HEUVELLAND, sector: 'milieu', strengths: ['gidsen voor natuurwandelingen'], needs: ['jongeren voor natuurbeheer'] },
  { key: 'chiro', name: 'Chiro Sint-Jan', municipality: POPERINGE, sector: 'jeugd', strengths: ['honderd jongeren die graag helpen bij acties'], needs: ['een lokaal voor de leiding'] },
  { key: 'toerisme', name: 'Toeristische dienst Heuvelland', municipality: HEUVELLAND, sector: 'toerisme', strengths: ['wandelroutes en promotie bij toeristen'], needs: ['lokale verhalen voor een belevingsroute'] },
  { key: 'basket', name: 'Basketclub Ieper', municipality: IEPER, sector: 'sport', strengths: ['sporthal op zaterdag vrij'], needs: ['kinderen uit kansarme gezinnen laten sporten'] },
  { key: 'uitpas', name: 'UiTPAS-punt Ieper', municipality: IEPER, sector: 'lokaal-cultuurbeleid', strengths: ['kortingen voor mensen in armoede'], needs: ['verenigingen die een kansentarief geven'] },
  { key: 'vluchtelingenwerk', name: 'Vluchtelingenwerkgroep Poperinge', municipality: POPERINGE, sector: 'inburgering', strengths: ['vertrouwen van nieuwkomers'], needs: ['verenigingen die nieuwkomers verwelkomen'] },
  { key: 'voetbal', name: 'Voetbalclub Zonnebeke', municipality: ZONNEBEKE, sector: 'sport', strengths: ['open trainingen voor iedereen, ook voor nieuwkomers'], needs: ['vrijwilligers voor de kantine'] },
  { key: 'dienstencentrum', name: 'Dienstencentrum De Zonnebloem', municipality: POPERINGE, sector: 'welzijn', strengths: ['warme maaltijden en ontmoeting voor senioren'], needs: ['cultuuraanbod overdag voor ouderen'] },
  { key: 'filmclub', name: 'Filmclub Lumière', municipality: POPERINGE, sector: 'kunsten', strengths: ['filmvoorstellingen in de namiddag'], needs: ['publiek voor voorstellingen in de week'] },
  { key: 'kunstacademie', name: 'Kunstacademie Westhoek', municipality: IEPER, sector: 'onderwijs', strengths: ['ateliers voor tekenen en schilderen', 'jonge kunstenaars in opleiding'], needs: ['tentoonstellingsruimte voor leerlingenwerk'] },
  { key: 'museum', name: 'Stadsmuseum Ieper', municipality: IEPER, sector: 'erfgoed', strengths: ['museumzaal voor tijdelijke tentoonstellingen'], needs: ['werk van jonge kunstenaars'] },
  { key: 'brouwerij', name: 'Brouwerij Het Hommelhof', municipality: VLETEREN, sector: 'lokale-economie', strengths: ['grote feestzaal en parking'], needs: ['culturele activiteiten om bezoekers te trekken'] },
];

export const judgements: Judgement[] = [
  { from: 'speelplein', need: 'overdekte ruimte bij regenweer', acceptable: ['parochiezaal', 'woonzorg'] },
  { from: 'fanfare', need: 'jonge muzikanten', acceptable: ['muziekacademie'] },
  { from: 'fanfare', need: 'repetitielokaal', acceptable: ['muziekacademie', 'parochiezaal'] },
  { from: 'muziekacademie', need: 'podiumkansen voor leerlingen', acceptable: ['cultuurcentrum'] },
  { from: 'ocmw', need: 'vrijetijdsaanbod voor kansarme kinderen', acceptable: ['uitpas', 'speelplein'] },
  { from: 'taalpunt', need: 'oefenplaatsen om Nederlands te spreken', acceptable: ['praatcafe'] },
  { from: 'praatcafe', need: 'deelnemers met een migratieachtergrond', acceptable: ['taalpunt', 'vluchtelingenwerk'] },
  { from: 'woonzorg', need: 'activiteiten met kinderen voor bewoners', acceptable: ['kleuterschool', 'speelplein'] },
  { from: 'woonzorg', need: 'vrijwilligers voor wandelingen met ouderen', acceptable: ['seniorenraad', 'natuur'] },
  { from: 'kleuterschool', need: 'uitstappen in de buurt', acceptable: ['natuur', 'toerisme'] },
  { from: 'seniorenraad', need: 'vervoer voor minder mobiele leden', acceptable: ['mmc'] },
  { from: 'mmc', need: 'nieuwe chauffeurs', acceptable: ['seniorenraad'] },
  { from: 'fietsbib', need: 'herstellers voor fietsen', acceptable: ['repair'] },
  { from: 'repair', need: 'vaste zaal voor de maandelijkse herstelcafés', acceptable: ['parochiezaal', 'brouwerij'] },
  { from: 'heemkunde', need: 'digitaliseren van de collectie', acceptable: ['fablab'] },
  { from: 'heemkunde', need: 'jongeren bij heemkunde betrekken', acceptable: ['jeugdraad', 'chiro'] },
  { from: 'toneelkring', need: 'repetitieruimte', acceptable: ['parochiezaal', 'cultuurcentrum'] },
  { from: 'toneelkring', need: 'publiek voor voorstellingen', acceptable: ['cultuurcentrum'] },
  { from: 'cultuurcentrum', need: 'lokale makers die willen spelen', acceptable: ['toneelkring', 'fanfare'] },
  { from: 'natuur', need: 'jongeren voor natuurbeheer', acceptable: ['chiro', 'jeugdraad'] },
  { from: 'chiro', need: 'een lokaal voor de leiding', acceptable: ['muziekacademie', 'parochiezaal'] },
  { from: 'toerisme', need: 'lokale verhalen voor een belevingsroute', acceptable: ['heemkunde'] },
  { from: 'basket', need: 'kinderen uit kansarme gezinnen laten sporten', acceptable: ['ocmw', 'uitpas'] },
  { from: 'vluchtelingenwerk', need: 'verenigingen die nieuwkomers verwelkomen', acceptable: ['voetbal'] },
  { from: 'voetbal', need: 'vrijwilligers voor de kantine', acceptable: ['seniorenraad', 'chiro'] },
  { from: 'dienstencentrum', need: 'cultuuraanbod overdag voor ouderen', acceptable: ['filmclub'] },
  { from: 'kunstacademie', need: 'tentoonstellingsruimte voor leerlingenwerk', acceptable: ['museum'] },
  { from: 'museum', need: 'werk van jonge kunstenaars', acceptable: ['kunstacademie'] },
  { from: 'brouwerij', need: 'culturele activiteiten om bezoekers te trekken', acceptable: ['cultuurcentrum', 'toneelkring', 'fanfare'] },
  { from: 'parochiezaal', strength: 'grote overdekte zaal met keuken', acceptable: ['speelplein', 'repair'] },
  { from: 'mmc', strength: 'vrijwillige chauffeurs voor minder mobiele mensen', acceptable: ['seniorenraad'] },
  { from: 'taalpunt', strength: 'taallessen voor anderstaligen', acceptable: ['praatcafe'] },
  { from: 'fablab', strength: 'scanners en computers voor digitalisering', acceptable: ['heemkunde'] },
  { from: 'muziekacademie', strength: 'muziekles voor kinderen en jongeren', acceptable: ['fanfare'] },
  { from: 'cultuurcentrum', strength: 'podium voor lokaal talent', acceptable: ['muziekacademie', 'toneelkring'] },
  { from: 'seniorenraad', strength: 'gepensioneerden met tijd voor vrijwilligerswerk', acceptable: ['woonzorg', 'voetbal'] },
];
