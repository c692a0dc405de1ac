
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

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const searchEn: Widen<typeof searchNl> = {
  synonyms: {
    title: 'Search synonyms',
    link: 'Manage search synonyms',
    intro: 'Words in one group find each other in searches: searching "nieuwkomers" also finds "anderstaligen". The default groups apply to every region; you can add groups of your own.',
    global: 'Default',
    region: 'This region’s own',
    scope: 'Kind',
    terms: 'Words',
    actions: 'Actions',
    none: 'No groups yet.',
    add: 'Add group',
    newTerms: 'Words of the new group',
    newTermsHint: 'At least two words, separated by commas (e.g. senioren, ouderen).',
    delete: 'Delete',
    deleteLabel: 'Delete group {{terms}}',
    added: 'The group was added.',
    deleted: 'The group was deleted.',
    oneWord: 'Use one word per term (letters, digits and hyphens).',
    distinctTerms: 'Give at least two different words.',
  },
};
