/**
 * The demo workshops of the Zuidelijke Westhoek (CO7): one finished, one open to join. Organisations
 * are CO7 demo actors of the network map (by name); texts are written for the demo.
 */

export const DEMO_REGION = 'zuidelijke-westhoek';
/** The open demo workshop's code, shown to the admin on the workshops page (unambiguous letters only). */
export const DEMO_OPEN_JOIN_CODE = 'WESTHK';

export interface DemoPartner {
  actor?: string;
  typed?: { name: string; municipality: string; sector: string };
  ideas: string[];
  kept: boolean;
}

export interface DemoCard {
  kind: 'need' | 'strength';
  text: string;
  partners: DemoPartner[];
}

export interface DemoParticipant {
  person: string;
  email: string;
  actor: string;
  step: number;
  cards: DemoCard[];
}

export const finishedWorkshop = {
  title: 'Bouw je netwerk uit – najaarssessie CO7',
  heldOn: '2025-10-16',
  place: 'Ieper, CC Het Perron (foyer)',
  joinCode: 'NAJR25',
  participants: [
    {
      person: 'Lotte Verhaeghe',
      email: 'lotte.verhaeghe@demo.regiekamer.be',
      actor: 'CC Het Perron',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'jong en divers publiek bereiken',
          partners: [
            { actor: 'Jeugddienst Poperinge', ideas: ['Jongeren stellen zelf een avond in de zaal samen', 'Gratis repetitieruimte in ruil voor een voorstelling'], kept: true },
            { actor: 'SAAMO West-Vlaanderen', ideas: ['Theaterbezoek met een nieuwkomersgroep en een nagesprek'], kept: true },
            { actor: 'Sportdienst Ieper', ideas: ['Dansworkshop na de sportkampen'], kept: false },
          ],
        },
        {
          kind: 'strength',
          text: 'professionele zaal en techniek',
          partners: [{ actor: 'Muziekcentrum Dranouter', ideas: ['Techniekers delen tussen twee podia tijdens de festivalzomer'], kept: true }],
        },
      ],
    },
    {
      person: 'Jonas Decock',
      email: 'jonas.decock@demo.regiekamer.be',
      actor: 'Muziekcentrum Dranouter',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'bereikbaarheid met openbaar vervoer',
          partners: [
            { actor: 'Toerisme Heuvelland', ideas: ['Concertbus vanuit Ieper op zaterdagavond'], kept: true },
            { typed: { name: 'Fietsherstelplaats De Trapper', municipality: '33039', sector: 'mobiliteit' }, ideas: ['Fietsen lenen aan het station voor concertgangers'], kept: true },
          ],
        },
      ],
    },
    {
      person: 'Hanne Lefever',
      email: 'hanne.lefever@demo.regiekamer.be',
      actor: 'Bibliotheek Poperinge',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'ruimte voor workshops',
          partners: [
            { actor: 'Talbot House', ideas: ['Schrijfworkshop in de tuin van het huis'], kept: true },
            { actor: 'Cultuurdienst Poperinge', ideas: ['Zalen van de stad samen inplannen'], kept: false },
          ],
        },
        {
          kind: 'strength',
          text: 'maakplaats met 3D-printer',
          partners: [{ actor: 'Passchendaele Museum', ideas: ['Replica’s van vondsten printen om vast te nemen'], kept: true }],
        },
      ],
    },
    {
      person: 'Pieter Vanneste',
      email: 'pieter.vanneste@demo.regiekamer.be',
      actor: 'Passchendaele Museum',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'meer lokaal publiek',
          partners: [
            { actor: 'Gezinsbond Poperinge', ideas: ['Gezinsdag met korting voor leden uit de streek'], kept: true },
            { actor: 'Vrijetijdsdienst Zonnebeke', ideas: ['Inwonersavond in het kasteelpark'], kept: true },
          ],
        },
      ],
    },
    {
      person: 'Elise Maes',
      email: 'elise.maes@demo.regiekamer.be',
      actor: 'Talbot House',
      step: 4,
      cards: [
        {
          kind: 'need',
          text: 'jonge vrijwilligers',
          partners: [
            { actor: 'Jeugddienst Poperinge', ideas: ['Vakantiejob als gids voor zestienplussers'], kept: true },
            { actor: 'CVO Miras', ideas: ['Cursisten Engels oefenen als onthaal voor buitenlandse bezoekers'], kept: true },
          ],
        },
      ],
    },
    {
      person: 'Bram Desmet',
      email: 'bram.desmet@demo.regiekamer.be',
      actor: 'Stad Mesen – vrijetijdsdienst',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'mankracht voor projecten',
          partners: [
            { actor: 'Erfgoedcel CO7', ideas: ['Projectweek van het CO7-team in Mesen'], kept: true },
            { actor: 'Uitleendienst CO7', ideas: ['Tentoonstellingspanelen lenen voor de zomer'], kept: true },
          ],
        },
      ],
    },
    {
      person: 'Nina Claeys',
      email: 'nina.claeys@demo.regiekamer.be',
      actor: 'Bezoekerscentrum Palingbeek',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'binnenruimte bij slecht weer',
          partners: [
            { actor: 'Bibliotheek Ieper', ideas: ['Natuurverhalen in de bib als het regent'], kept: true },
            { actor: 'Natuurpunt Ieper', ideas: ['Samen een schuilplek in het domein inrichten'], kept: false },
          ],
        },
      ],
    },
    {
      person: 'Yusuf Demir',
      email: 'yusuf.demir@demo.regiekamer.be',
      actor: 'In Flanders Fields Museum',
      step: 5,
      cards: [
        {
          kind: 'need',
          text: 'verhalen van nieuwe inwoners een plaats geven',
          partners: [
            { actor: 'SAAMO West-Vlaanderen', ideas: ['Vertelavonden waar nieuwkomers hun eigen oorlogs- en vluchtverhaal delen'], kept: true },
            { actor: 'CVO Miras', ideas: ['Museumbezoek opnemen in het inburgeringstraject'], kept: true },
            { actor: 'LIGO Centrum voor Basiseducatie', ideas: ['Rondleiding in eenvoudig Nederlands'], kept: true },
          ],
        },
      ],
    },
  ] satisfies DemoParticipant[],
  combinations: [
    {
      title: 'Netwerkdag op twee podia',
      scenario: 'Het cultuurcentrum in Ieper en het muziekcentrum in Dranouter ontvangen samen met de jeugddienst van Poperinge de regionale netwerkdag: ’s morgens in de stad, ’s middags op het platteland, met jongeren die het programma mee maken.',
      ideas: ['Gedeelde technische ploeg', 'Pendelbus tussen beide zalen', 'Jongerenjury kiest de afsluiter'],
      actors: ['CC Het Perron', 'Muziekcentrum Dranouter', 'Jeugddienst Poperinge'],
      pursue: true,
      idea: { status: 'verkend' as const, planActionStartsWith: 'Een netwerkdag', description: 'Uitgewerkt na de najaarssessie; opgenomen bij de netwerkdag van het actieplan.' },
    },
    {
      title: 'Nieuwe stemmen in het museum',
      scenario: 'Het museum in Ieper, SAAMO en de basiseducatie laten nieuwe inwoners hun verhaal vertellen in het museum, in eenvoudig Nederlands, als vaste reeks vertelavonden.',
      ideas: ['Maandelijkse vertelavond', 'Rondleiding in eenvoudig Nederlands', 'Verhalen bewaren in het kenniscentrum'],
      actors: ['In Flanders Fields Museum', 'SAAMO West-Vlaanderen', 'LIGO Centrum voor Basiseducatie'],
      pursue: true,
      idea: { status: 'gestart' as const, startedOn: '2025-11-20', relation: ['In Flanders Fields Museum', 'SAAMO West-Vlaanderen'] as const, description: 'Gestart met een eerste vertelavond; de samenwerking staat op de kaart.' },
    },
    {
      title: 'Regendag in de bib',
      scenario: 'Bij slecht weer verhuist de natuurwandeling naar de bibliotheek met verhalen en een natuurhoek.',
      ideas: ['Vaste regendagformule in de zomer'],
      actors: ['Bezoekerscentrum Palingbeek', 'Bibliotheek Ieper'],
      pursue: false,
    },
  ],
};

export const openWorkshop = {
  title: 'Bouw je netwerk uit – voorjaarssessie CO7',
  heldOn: '2026-03-19',
  place: 'Poperinge, bibliotheek (leeszaal)',
  joinCode: DEMO_OPEN_JOIN_CODE,
  participants: [
    {
      person: 'Karen Vermeulen',
      email: 'karen.vermeulen@demo.regiekamer.be',
      actor: 'Vrijetijdsdienst Vleteren',
      step: 3,
      cards: [
        {
          kind: 'need',
          text: 'een plek voor een zomerse buitenvoorstelling',
          partners: [{ actor: 'Toerisme Heuvelland', ideas: ['Openluchtvoorstelling op een hoeve met uitzicht'], kept: false }],
        },
      ],
    },
    { person: 'Tom Lemaire', email: 'tom.lemaire@demo.regiekamer.be', actor: 'Vrijetijdsdienst Langemark-Poelkapelle', step: 2, cards: [] },
  ] satisfies DemoParticipant[],
};
