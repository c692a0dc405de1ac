import type { DomainCatalog } from './domain-catalogs.js';
import type { catalogNl } from './catalog.js';

export const catalogEn: DomainCatalog<typeof catalogNl> = {
  title: 'Activities',
  errors: {
    municipalityOutsideRegion: 'This municipality is not part of the region.',
    unknownOrganizer: 'This organiser is not on the region’s network map.',
    notYourOrganisation: 'You can only manage your own organisation’s activities.',
    ageRange: 'The maximum age must be higher than the minimum age.',
    endBeforeStart: 'The end is before the start.',
    datesRequired: 'Give at least one date, or choose "always open".',
  },
  import: {
    notJson: 'The file is not valid JSON: {{detail}}',
    wrongShape: 'This is not a UiTdatabank Search API response: expected an object with a "member" list, or a list of events.',
    empty: 'The file contains no events.',
    tooMany: 'The file contains more than {{max}} events; split it up.',
    notAnObject: 'This item is not an event (not a JSON object).',
    noId: 'The event has no @id.',
    noName: 'The event has no name.',
    badCalendarType: 'Unknown calendar type "{{value}}".',
    noStartDate: 'The event has no (valid) start date.',
    badDate: 'Invalid date "{{value}}".',
    noLocation: 'The event has no address (postal code or locality).',
    duplicateInFile: 'This @id appears more than once in the file.',
    skipOutside: 'is outside the region’s municipalities ({{place}})',
    skipCancelled: 'is cancelled',
    skipDeleted: 'was deleted or rejected in UiTdatabank',
    skipPast: 'all its dates are in the past',
    notImported: 'Nothing was imported: fix the errors first.',
    pullFailed: 'UiTdatabank did not give a valid answer: {{detail}}',
    pullNotConfigured: 'First set the URL of the UiTdatabank Search API.',
  },
};
