import type { DomainModule } from '../registry.js';
import { brokeringRoutes } from './routes.js';
import { seedBrokeringDemo } from './demo.js';

/** The brokering domain (issue #9): the guided flow, partner cards, combinations and samenwerkingsvoorstellen. */
export const brokeringModule: DomainModule = {
  name: 'brokering',
  routes: brokeringRoutes,
  seedDemo: async ({ db }) => {
    await seedBrokeringDemo(db);
  },
  seedDemoAfter: ['network', 'plans'],
};
