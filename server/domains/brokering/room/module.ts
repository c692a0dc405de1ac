import type { DomainModule } from '../../registry.js';
import { closeStreamsOnShutdown } from '../../../realtime/sse.js';
import { workshopRoomRoutes } from './routes.js';
import { seedWorkshopRoomDemo } from './demo.js';

/** The live workshop room (issue #9): facilitator, joining by code, live events over SSE, the report. */
export const domainModule: DomainModule = {
  name: 'brokering-room',
  routes: workshopRoomRoutes,
  // The demo workshop uses the CO7 demo actors and links an idea to an action of the CO7 demo plan.
  seedDemoAfter: ['network', 'plans'],
  seedDemo: async ({ db }) => {
    await seedWorkshopRoomDemo(db);
  },
  setup: (app) => closeStreamsOnShutdown(app),
};
