import { registerIndicatorSource } from '../plans/indicator-sources.js';
import { monitoringFigures } from './monitoring.js';

/**
 * The trajectory figures a plan indicator can follow (decision 032): the region's totals of the
 * dashboard, with its suppression: a group under 5 people is null, "not available", never a small number.
 */
const TOTALS = ['participants', 'placements', 'hours', 'reached40', 'uitpas', 'uitpasUsed'] as const;

for (const total of TOTALS) {
  registerIndicatorSource({
    key: `trajectories.${total}`,
    labelKey: `trajectories.indicatorSources.${total}`,
    compute: async (db, region) => (await monitoringFigures(db, region, { withAssignment: false })).totals[total],
  });
}
