import type { DomainModule } from '../registry.js';
import { trajectoriesRoutes } from './routes.js';
import { seedTrajectoriesDemo } from './demo.js';
import { seedIndicatorLinksDemo } from './indicator-demo.js';
// Registers the daily retention job (personal fields erased the region's retention period after the evaluation).
import './retention.js';
// Offers the trajectory figures to plan indicators (decision 032).
import './indicator-sources.js';
import * as tables from './schema.js';

/** The trajectories domain: participation trajectories of newcomers, coached and placed at catalog offers (issue #11). */
export const domainModule: DomainModule = {
  name: 'trajectories',
  tables,
  routes: trajectoriesRoutes,
  // Placements are at demo offers; their organisers are actors of the map. The demo plan gets a linked indicator.
  seedDemoAfter: ['catalog', 'plans'],
  seedDemo: async ({ db }) => {
    await seedTrajectoriesDemo(db);
    await seedIndicatorLinksDemo(db);
  },
};
