import type { DomainModule } from '../registry.js';
import { brokeringRoutes } from './routes.js';
import { seedBrokeringDemo } from './demo.js';
import * as sheetTables from './schema.js';
import * as flowTables from './flow-schema.js';

/** The brokering domain (issue #9): the guided flow, partner cards, combinations and samenwerkingsvoorstellen. */
export const domainModule: DomainModule = {
  name: 'brokering',
  tables: { ...sheetTables, ...flowTables },
  routes: brokeringRoutes,
  seedDemo: async ({ db }) => {
    await seedBrokeringDemo(db);
  },
  seedDemoAfter: ['network', 'plans'],
};
