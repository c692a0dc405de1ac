import { registerIndicatorSource } from '../plans/indicator-sources.js';
import { MIN_GROUP } from '../../../common/schemas/trajectories.js';
import { buddyFigures } from './service.js';

/**
 * The buddy figures a plan indicator can follow (decision 032): volunteers and duos are people, so a
 * count under MIN_GROUP is "not available", never a small number.
 */
const FIGURES = ['volunteers', 'currentDuos', 'finishedDuos'] as const;

for (const figure of FIGURES) {
  registerIndicatorSource({
    key: `buddies.${figure}`,
    labelKey: `buddies.indicatorSources.${figure}`,
    compute: async (db, region) => {
      const value = (await buddyFigures(db, region.id))[figure];
      return value >= MIN_GROUP ? value : null;
    },
  });
}
