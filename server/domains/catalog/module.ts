import type { DomainModule } from '../registry.js';
import { catalogRoutes } from './routes.js';
import { seedCatalogDemo } from './demo.js';
import { catalogCommands } from './cli.js';
// Offers the coverage counts to plan indicators (decision 032).
import './indicator-sources.js';

/** The catalog (aanbod) back office: offers, UiTdatabank import and pull, feeds, coverage, poster. */
export const catalogModule: DomainModule = {
  name: 'catalog',
  routes: catalogRoutes,
  seedDemo: async ({ db }) => seedCatalogDemo(db),
  seedDemoAfter: ['network'],
  cliCommands: catalogCommands,
};
