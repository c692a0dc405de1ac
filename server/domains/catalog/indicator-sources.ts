import { registerIndicatorSource } from '../plans/indicator-sources.js';
import { catalogIndicatorValues } from './coverage.js';
import { rawOver } from './tx-raw.js';

/**
 * The catalog's coverage counts a plan indicator can follow (decision 032; the seed's "monitoren aantal
 * activiteiten"): the same numbers as the coverage page. Offers are not people: no small-group suppression.
 */
const COUNTS = ['current', 'atMostTwoIcons', 'uitpas', 'fourthPillar', 'gaps'] as const;

for (const key of COUNTS) {
  registerIndicatorSource({
    key: `catalog.${key}`,
    labelKey: `catalog.indicatorSources.${key}`,
    compute: async (db, region) => (await catalogIndicatorValues(rawOver(db), region.id))[key],
  });
}
