import type { searchNl } from './search.js';
import type { Widen } from './catalog-type.js';

/** English catalog of the search module: the same keys as the Dutch one, loaded only when English is chosen. */
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
