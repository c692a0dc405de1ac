import type { DomainModule } from '../registry.js';
import { planRoutes } from './routes.js';
import { seedPlansDemo } from './demo.js';
import { planCommands } from './cli.js';
// Registers the daily job that updates indicators linked to a figure (decision 032).
import './indicator-sources.js';
import * as tables from './schema.js';

/** The plans domain: routes, demo plans and the plan commands. */
export const domainModule: DomainModule = {
  name: 'plans',
  tables,
  routes: planRoutes,
  // The plan importer links partner names to the demo actors, so those must exist first.
  seedDemoAfter: ['network'],
  seedDemo: async ({ db }) => {
    await seedPlansDemo(db);
  },
  cliCommands: planCommands,
};
