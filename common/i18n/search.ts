
/** The shared search module's catalog (synonym admin page and its errors): Dutch first, English with the same keys. */
export const searchNl = {
  synonyms: {
    title: 'Synoniemen voor het zoeken',
    link: 'Synoniemen voor het zoeken beheren',
    intro: 'Woorden in één groep vinden elkaar bij het zoeken: wie "nieuwkomers" zoekt, vindt ook "anderstaligen". De standaardgroepen gelden voor elke regio; je kan er eigen groepen bij maken.',
    global: 'Standaard',
    region: 'Eigen aan deze regio',
    scope: 'Soort',
    terms: 'Woorden',
    actions: 'Acties',
    none: 'Nog geen groepen.',
    add: 'Groep toevoegen',
    newTerms: 'Woorden van de nieuwe groep',
    newTermsHint: 'Minstens twee woorden, gescheiden door komma’s (bv. senioren, ouderen).',
    delete: 'Verwijderen',
    deleteLabel: 'Groep {{terms}} verwijderen',
    added: 'De groep is toegevoegd.',
    deleted: 'De groep is verwijderd.',
    oneWord: 'Gebruik één woord per term (letters, cijfers en koppeltekens).',
    distinctTerms: 'Geef minstens twee verschillende woorden.',
  },
} as const;
