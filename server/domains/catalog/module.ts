import type { DomainModule } from '../registry.js';
import { catalogRoutes } from './routes.js';
import { seedCatalogDemo } from './demo.js';
import { catalogCommands } from './cli.js';
// Offers the coverage counts to plan indicators (decision 032).
import './indicator-sources.js';
import * as tables from './schema.js';

/** The catalog (aanbod) back office: offers, UiTdatabank import and pull, feeds, coverage, poster. */
export const domainModule: DomainModule = {
  name: 'catalog',
  tables,
  routes: catalogRoutes,
  seedDemo: async ({ db }) => seedCatalogDemo(db),
  seedDemoAfter: ['network'],
  cliCommands: catalogCommands,
};
