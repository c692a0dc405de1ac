/**
 * A relevance set written for the search module, independent of the demo data it was developed on:
 * 64 invented Flemish organisations (own Dutch texts) and 48 queries with graded judgements
 * (2 = what the searcher is after, 1 = relevant too). relevance.test.ts loads the actors into a fresh
 * region and reports recall@10, MRR and nDCG@10.
 */
export interface FixtureActor {
  name: string;
  sector: string;
  description: string;
  strengths?: string[];
  targetGroups?: string[];
  tags?: string[];
}

export const fixtureActors: FixtureActor[] = [
  { name: 'Seniorenraad Wevelgem', sector: 'welzijn', description: 'Adviesraad die het gemeentebestuur adviseert over alles wat ouderen aanbelangt.', targetGroups: ['ouderen'] },
  { name: 'Dienstencentrum Ter Linde', sector: 'welzijn', description: 'Ontmoeting, een sociaal restaurant en cursussen voor senioren uit de wijk.', strengths: ['digitale hulp voor ouderen'] },
  { name: 'OKRA Trefpunt 55+ Heule', sector: 'sociaal-cultureel-volwassenenwerk', description: 'Vereniging van gepensioneerden met wandelingen, fietstochten en voordrachten.' },
  { name: 'Bibliotheek Kortemark', sector: 'lokaal-cultuurbeleid', description: 'Boeken, strips, films en spelletjes lenen; studieplekken en computers.', targetGroups: ['gezinnen', 'senioren', 'studenten'] },
  { name: 'Bibliotheek Lichtervelde', sector: 'lokaal-cultuurbeleid', description: 'Openbare bibliotheek met een leesclub en voorleesuurtjes op woensdag.', targetGroups: ['kinderen', 'senioren'] },
  { name: 'Bib De Klaproos Zonnebeke', sector: 'lokaal-cultuurbeleid', description: 'Uitleenpost met e-boeken, tijdschriften en een taalcafé voor anderstaligen.' },
  { name: 'Taalpunt Roeselare', sector: 'inburgering', description: 'Oefenkansen Nederlands voor inburgeraars: praatgroepen, taalbuddy’s en begeleiding naar een cursus.', strengths: ['taalbuddy’s', 'praatgroepen'] },
  { name: 'Welkomhuis Izegem', sector: 'inburgering', description: 'Onthaal en trajectbegeleiding voor nieuwkomers en mensen met een migratieachtergrond.' },
  { name: 'Huiswerkklas De Brug', sector: 'onderwijs', description: 'Vrijwilligers helpen kinderen van anderstalige gezinnen met hun huiswerk.', targetGroups: ['kinderen', 'anderstaligen'] },
  { name: 'Centrum voor Basiseducatie Leerpunt', sector: 'onderwijs', description: 'Lessen lezen, schrijven, rekenen en Nederlands als tweede taal voor volwassenen.' },
  { name: 'Toneelkring Vrij en Blij', sector: 'amateurkunsten', description: 'Amateurtoneelgroep die elk najaar een blijspel opvoert in de parochiezaal.' },
  { name: 'Theater De Spiegel', sector: 'kunsten', description: 'Professioneel jeugdtheater met voorstellingen en theaterworkshops voor scholen.', targetGroups: ['scholen', 'kinderen'] },
  { name: 'Cultuurcentrum Het Leen', sector: 'lokaal-cultuurbeleid', description: 'Podium voor theater, concerten, comedy en tentoonstellingen; verhuur van zalen.' },
  { name: 'Muziekacademie Westland', sector: 'kunsten', description: 'Deeltijds kunstonderwijs: muziek, woord en dans voor kinderen en volwassenen.' },
  { name: 'Harmonie Sint-Cecilia', sector: 'amateurkunsten', description: 'Blaasorkest met een jeugdorkest en een drumband; zoekt nieuwe muzikanten.' },
  { name: 'Koor Vocalis', sector: 'amateurkunsten', description: 'Gemengd koor dat klassiek en pop zingt; repetities op dinsdagavond.' },
  { name: 'Erfgoedcel Mandel en Leie', sector: 'erfgoed', description: 'Ondersteunt erfgoedverenigingen, musea en archieven in de regio.', strengths: ['digitalisering van collecties'] },
  { name: 'Heemkundige Kring Ten Mandere', sector: 'erfgoed', description: 'Onderzoekt de lokale geschiedenis en geeft een jaarboek uit; beheert een fotoarchief.' },
  { name: 'Vlasmuseum Kortrijk', sector: 'erfgoed', description: 'Museum over de vlasteelt en de textielnijverheid aan de Leie.' },
  { name: 'Tabaksmuseum Wervik', sector: 'erfgoed', description: 'Collectie over tabaksteelt en sigarenmakers; rondleidingen voor groepen.' },
  { name: 'Stadsarchief Menen', sector: 'erfgoed', description: 'Bewaart de archieven van het stadsbestuur en helpt genealogen met opzoekingen.' },
  { name: 'Natuurpunt Mandelvallei', sector: 'milieu', description: 'Beheert natuurgebieden, organiseert natuurwandelingen en inventariseert vogels.', strengths: ['natuurbeheer', 'vogeltellingen'] },
  { name: 'Bosgroep West', sector: 'milieu', description: 'Helpt boseigenaars bij bosbeheer en plant nieuwe bossen aan.' },
  { name: 'Imkersbond De Bij', sector: 'milieu', description: 'Vereniging van bijenhouders met een cursus imkeren en een bijenhal.' },
  { name: 'Kringloopwinkel Het Gebruikte', sector: 'duurzaamheid', description: 'Tweedehands meubels, kleding en boeken; herstelt fietsen in een werkplaats.', strengths: ['hergebruik'] },
  { name: 'Repair Café Ledegem', sector: 'duurzaamheid', description: 'Vrijwilligers herstellen samen met bezoekers kapotte toestellen, kleding en fietsen.' },
  { name: 'Voedselbank Middenkust', sector: 'welzijn', description: 'Verdeelt voedselpakketten aan gezinnen in armoede; werkt met vrijwilligers.', tags: ['armoede'] },
  { name: 'Sociale Kruidenier Het Winkeltje', sector: 'welzijn', description: 'Winkel waar mensen met een laag inkomen goedkoper boodschappen doen.', targetGroups: ['kwetsbare gezinnen'] },
  { name: 'Vereniging waar armen het woord nemen De Zuidkant', sector: 'welzijn', description: 'Mensen in armoede komen samen, spreken zich uit en werken aan beleid.' },
  { name: 'Sportdienst Moorslede', sector: 'sport', description: 'Beheert de sporthal en het zwembad; organiseert sportkampen in de vakanties.', strengths: ['sportkampen'] },
  { name: 'Wielerclub De Trappers', sector: 'sport', description: 'Wielertoeristen die elke zondag een rit van zestig kilometer rijden.' },
  { name: 'Voetbalclub SK Rumbeke', sector: 'sport', description: 'Voetbalploegen voor jeugd en volwassenen, ook G-voetbal voor spelers met een beperking.' },
  { name: 'Zwemclub De Dolfijnen', sector: 'sport', description: 'Zwemlessen voor kinderen en wedstrijdzwemmen; watergewenning voor kleuters.' },
  { name: 'G-sport Vlaanderen regio West', sector: 'sport', description: 'Sportaanbod op maat van mensen met een handicap.' },
  { name: 'Chiro Sint-Jozef', sector: 'jeugd', description: 'Jeugdbeweging met wekelijkse activiteiten op zondag en een kamp in de zomer.' },
  { name: 'Scouts en Gidsen De Kluis', sector: 'jeugd', description: 'Spelen in de natuur, tochten en een tentenkamp voor kinderen en tieners.' },
  { name: 'Jeugdhuis De Kelder', sector: 'jeugd', description: 'Ontmoetingsplek voor jongeren met optredens, fuiven en een bar.' },
  { name: 'Speelpleinwerking Kadee', sector: 'jeugd', description: 'Tijdens de zomer dagelijks speelplein voor kinderen van drie tot twaalf jaar.' },
  { name: 'Huis van het Kind Hooglede', sector: 'welzijn', description: 'Opvoedingsondersteuning, consultatiebureau en babymassage voor jonge ouders.' },
  { name: 'Kinderopvang Het Nestje', sector: 'welzijn', description: 'Opvang van baby’s en peuters tot drie jaar.' },
  { name: 'Toerisme Leiestreek', sector: 'toerisme', description: 'Fietsroutes, wandelroutes en bezoekersinformatie over de Leiestreek.', strengths: ['fietsroutes', 'wandelkaarten'] },
  { name: 'Bezoekerscentrum De Bergen', sector: 'toerisme', description: 'Onthaal voor toeristen met een tentoonstelling over het heuvellandschap.' },
  { name: 'Fietsersbond Roeselare', sector: 'mobiliteit', description: 'Komt op voor veilige fietspaden en organiseert fietslessen voor volwassenen.' },
  { name: 'Mobiel Punt Middenkust', sector: 'mobiliteit', description: 'Minder mobiele mensen kunnen een rit aanvragen bij vrijwillige chauffeurs.', targetGroups: ['ouderen', 'mensen met een beperking'] },
  { name: 'Lokaal Bestuur Staden – cultuurdienst', sector: 'lokaal-cultuurbeleid', description: 'Cultuurbeleid, subsidies voor verenigingen en de uitleendienst van de gemeente.' },
  { name: 'Uitleendienst Provincie', sector: 'lokaal-cultuurbeleid', description: 'Podiumelementen, tenten, geluidsinstallaties en nadarafsluitingen ontlenen voor evenementen.', strengths: ['materiaal uitlenen'] },
  { name: 'Vormingplus Midden- en West-Vlaanderen', sector: 'sociaal-cultureel-volwassenenwerk', description: 'Cursussen, lezingen en projecten rond samenleven, duurzaamheid en digitale vaardigheden.' },
  { name: 'Digipunt Ardooie', sector: 'welzijn', description: 'Gratis hulp bij smartphone, computer en online formulieren.', targetGroups: ['senioren'] },
  { name: 'Kunstacademie De Ateliers', sector: 'kunsten', description: 'Tekenen, schilderen, keramiek en fotografie voor kinderen en volwassenen.' },
  { name: 'Fotoclub Diafragma', sector: 'amateurkunsten', description: 'Fotografen die samen op fotozoektocht gaan en een jaarlijkse tentoonstelling houden.' },
  { name: 'Circusschool Pirlouit', sector: 'circuskunsten', description: 'Jongleren, acrobatie en evenwicht: circuslessen en circuskampen voor kinderen.' },
  { name: 'Dansschool Pas de Deux', sector: 'amateurkunsten', description: 'Ballet, hiphop en stijldansen voor alle leeftijden.' },
  { name: 'Filmhuis Cinema Zeezicht', sector: 'kunsten', description: 'Arthousefilms, filmklassiekers en een filmclub voor scholen.' },
  { name: 'Leesclub Boekbabbel', sector: 'sociaal-cultureel-volwassenenwerk', description: 'Lezers bespreken elke maand een roman bij een kop koffie.' },
  { name: 'CAW Centraal West-Vlaanderen', sector: 'welzijn', description: 'Hulp bij relatieproblemen, dakloosheid en schulden; onthaal zonder afspraak.' },
  { name: 'OCMW Lendelede – sociale dienst', sector: 'welzijn', description: 'Financiële steun, budgetbegeleiding en een sociaal huis voor inwoners in nood.' },
  { name: 'Buurtwerk De Vonk', sector: 'welzijn', description: 'Buurtbewoners organiseren samen een buurtfeest, een moestuin en een babbelbank.' },
  { name: 'Vrijwilligerspunt Tielt', sector: 'welzijn', description: 'Brengt vrijwilligers en organisaties samen; vacatures voor vrijwilligerswerk.' },
  { name: 'Academie voor Woord Ritme', sector: 'kunsten', description: 'Voordracht, toneel en verhaalkunst voor jongeren.' },
  { name: 'Basisschool De Regenboog', sector: 'onderwijs', description: 'Kleuter- en lagere school met een schoolmoestuin en een leesproject.' },
  { name: 'Kunstencentrum Pilar', sector: 'kunsten', description: 'Residenties en toonmomenten voor beeldende kunstenaars en makers van theater.' },
  { name: 'Lokale Economie Wingene', sector: 'lokale-economie', description: 'Ondersteunt handelaars, de wekelijkse markt en starters.' },
  { name: 'Wijk-werken Midwest', sector: 'tewerkstelling', description: 'Werkzoekenden doen klussen bij gezinnen, scholen en verenigingen.' },
  { name: 'Gezondheidsloket Lo', sector: 'gezondheidszorg', description: 'Preventie rond bewegen, gezonde voeding en mentaal welzijn.' },
];

/** A judged query: grade 2 is what the searcher is after, grade 1 is relevant too; anything else counts 0. */
export interface JudgedQuery {
  query: string;
  judgements: Record<string, 1 | 2>;
  why: string;
}

export const judgedQueries: JudgedQuery[] = [
  { query: 'senior', judgements: { 'Seniorenraad Wevelgem': 2, 'Dienstencentrum Ter Linde': 2, 'OKRA Trefpunt 55+ Heule': 1, 'Digipunt Ardooie': 1, 'Mobiel Punt Middenkust': 1 }, why: 'name first, then synonyms ouderen/gepensioneerden' },
  { query: 'ouderen', judgements: { 'Seniorenraad Wevelgem': 2, 'Dienstencentrum Ter Linde': 2, 'Mobiel Punt Middenkust': 1, 'OKRA Trefpunt 55+ Heule': 1 }, why: 'synonym senioren' },
  { query: 'nieuwkomers', judgements: { 'Welkomhuis Izegem': 2, 'Taalpunt Roeselare': 2, 'Bib De Klaproos Zonnebeke': 1, 'Huiswerkklas De Brug': 1 }, why: 'synonym group inburgeraars, anderstaligen' },
  { query: 'anderstaligen', judgements: { 'Bib De Klaproos Zonnebeke': 2, 'Huiswerkklas De Brug': 2, 'Taalpunt Roeselare': 1, 'Welkomhuis Izegem': 1 }, why: 'profile text and synonyms' },
  { query: 'Nederlands leren', judgements: { 'Centrum voor Basiseducatie Leerpunt': 2 }, why: 'two words; lessen ≈ leren only loosely' },
  { query: 'taal', judgements: { 'Taalpunt Roeselare': 2, 'Bib De Klaproos Zonnebeke': 1, 'Centrum voor Basiseducatie Leerpunt': 1 }, why: 'compound parts taalpunt, taalcafe, taalbuddy' },
  { query: 'bibliotheek', judgements: { 'Bibliotheek Kortemark': 2, 'Bibliotheek Lichtervelde': 2, 'Bib De Klaproos Zonnebeke': 2 }, why: 'synonym bib' },
  { query: 'bibliotheken', judgements: { 'Bibliotheek Kortemark': 2, 'Bibliotheek Lichtervelde': 2 }, why: 'plural' },
  { query: 'biblioteek', judgements: { 'Bibliotheek Kortemark': 2, 'Bibliotheek Lichtervelde': 2 }, why: 'typo' },
  { query: 'voorlezen', judgements: { 'Bibliotheek Lichtervelde': 2 }, why: 'verb finds voorleesuurtjes' },
  { query: 'theater', judgements: { 'Theater De Spiegel': 2, 'Cultuurcentrum Het Leen': 2, 'Toneelkring Vrij en Blij': 1, 'Kunstencentrum Pilar': 1, 'Academie voor Woord Ritme': 1 }, why: 'name, compounds, synonym toneel' },
  { query: 'toneel', judgements: { 'Toneelkring Vrij en Blij': 2, 'Academie voor Woord Ritme': 1, 'Theater De Spiegel': 1 }, why: 'name compound, synonym theater' },
  { query: 'muziek', judgements: { 'Muziekacademie Westland': 2, 'Harmonie Sint-Cecilia': 1, 'Koor Vocalis': 1 }, why: 'compound name; the others only by meaning' },
  { query: 'muzikanten', judgements: { 'Harmonie Sint-Cecilia': 2 }, why: 'plural in text' },
  { query: 'koor', judgements: { 'Koor Vocalis': 2 }, why: 'name' },
  { query: 'erfgoed', judgements: { 'Erfgoedcel Mandel en Leie': 2, 'Heemkundige Kring Ten Mandere': 1, 'Vlasmuseum Kortrijk': 1, 'Tabaksmuseum Wervik': 1, 'Stadsarchief Menen': 1 }, why: 'name compound, synonym heemkunde' },
  { query: 'museum', judgements: { 'Vlasmuseum Kortrijk': 2, 'Tabaksmuseum Wervik': 2, 'Erfgoedcel Mandel en Leie': 1 }, why: 'compound names, plural musea in text' },
  { query: 'musea', judgements: { 'Vlasmuseum Kortrijk': 2, 'Tabaksmuseum Wervik': 2, 'Erfgoedcel Mandel en Leie': 1 }, why: 'Latin plural' },
  { query: 'archief', judgements: { 'Stadsarchief Menen': 2, 'Heemkundige Kring Ten Mandere': 1, 'Erfgoedcel Mandel en Leie': 1 }, why: 'compounds and plural archieven' },
  { query: 'genealogie', judgements: { 'Stadsarchief Menen': 2 }, why: 'genealogen: shared stem only by typo' },
  { query: 'natuur', judgements: { 'Natuurpunt Mandelvallei': 2, 'Scouts en Gidsen De Kluis': 1 }, why: 'compound name and text' },
  { query: 'wandelen', judgements: { 'Toerisme Leiestreek': 2, 'Natuurpunt Mandelvallei': 2, 'OKRA Trefpunt 55+ Heule': 1 }, why: 'verb finds wandelingen, wandelroutes' },
  { query: 'fietsen', judgements: { 'Toerisme Leiestreek': 2, 'Fietsersbond Roeselare': 2, 'Repair Café Ledegem': 1, 'Kringloopwinkel Het Gebruikte': 1, 'Wielerclub De Trappers': 1 }, why: 'fietsroutes, fietslessen; synonym wielrennen' },
  { query: 'bijen', judgements: { 'Imkersbond De Bij': 2 }, why: 'plural finds name word and bijenhouders' },
  { query: 'bos', judgements: { 'Bosgroep West': 2 }, why: 'short word, compounds bosbeheer, boseigenaars' },
  { query: 'herstellen', judgements: { 'Repair Café Ledegem': 2, 'Kringloopwinkel Het Gebruikte': 2 }, why: 'verb forms herstelt/herstellen' },
  { query: 'tweedehands', judgements: { 'Kringloopwinkel Het Gebruikte': 2 }, why: 'profile text' },
  { query: 'armoede', judgements: { 'Vereniging waar armen het woord nemen De Zuidkant': 2, 'Voedselbank Middenkust': 2, 'Sociale Kruidenier Het Winkeltje': 1 }, why: 'text, tag and synonym kwetsbare' },
  { query: 'voedsel', judgements: { 'Voedselbank Middenkust': 2, 'Gezondheidsloket Lo': 1 }, why: 'compound name; voeding only by stem' },
  { query: 'zwemmen', judgements: { 'Zwemclub De Dolfijnen': 2, 'Sportdienst Moorslede': 1 }, why: 'verb finds zwemlessen, zwembad' },
  { query: 'sporthal', judgements: { 'Sportdienst Moorslede': 2 }, why: 'profile text' },
  { query: 'beperking', judgements: { 'G-sport Vlaanderen regio West': 2, 'Voetbalclub SK Rumbeke': 2, 'Mobiel Punt Middenkust': 1 }, why: 'synonym handicap' },
  { query: 'jeugdbeweging', judgements: { 'Chiro Sint-Jozef': 2, 'Scouts en Gidsen De Kluis': 1 }, why: 'profile text' },
  { query: 'jongeren', judgements: { 'Jeugdhuis De Kelder': 2, 'Academie voor Woord Ritme': 1, 'Scouts en Gidsen De Kluis': 1 }, why: 'text and synonym tieners' },
  { query: 'speelplein', judgements: { 'Speelpleinwerking Kadee': 2 }, why: 'compound name' },
  { query: 'kinderopvang', judgements: { 'Kinderopvang Het Nestje': 2 }, why: 'name' },
  { query: 'ouders', judgements: { 'Huis van het Kind Hooglede': 2 }, why: 'text' },
  { query: 'circus', judgements: { 'Circusschool Pirlouit': 2 }, why: 'compound name' },
  { query: 'dansen', judgements: { 'Dansschool Pas de Deux': 2, 'Muziekacademie Westland': 1 }, why: 'plural/verb finds dans and stijldansen' },
  { query: 'fotografie', judgements: { 'Fotoclub Diafragma': 2, 'Kunstacademie De Ateliers': 1 }, why: 'fotografen, fotografie' },
  { query: 'film', judgements: { 'Filmhuis Cinema Zeezicht': 2 }, why: 'compounds filmhuis, filmclub' },
  { query: 'vrijwilligers', judgements: { 'Vrijwilligerspunt Tielt': 2, 'Repair Café Ledegem': 1, 'Voedselbank Middenkust': 1, 'Huiswerkklas De Brug': 1 }, why: 'compound name and text' },
  { query: 'uitleendienst', judgements: { 'Uitleendienst Provincie': 2, 'Lokaal Bestuur Staden – cultuurdienst': 1 }, why: 'name and text' },
  { query: 'tenten', judgements: { 'Uitleendienst Provincie': 2, 'Scouts en Gidsen De Kluis': 1 }, why: 'plural; tentenkamp' },
  { query: 'schulden', judgements: { 'CAW Centraal West-Vlaanderen': 2, 'OCMW Lendelede – sociale dienst': 1 }, why: 'text; budgetbegeleiding only by meaning' },
  { query: 'computer', judgements: { 'Digipunt Ardooie': 2, 'Bibliotheek Kortemark': 1 }, why: 'text' },
  { query: 'moestuin', judgements: { 'Buurtwerk De Vonk': 2, 'Basisschool De Regenboog': 2 }, why: 'word and compound schoolmoestuin' },
  { query: 'markt', judgements: { 'Lokale Economie Wingene': 2 }, why: 'text' },
];
