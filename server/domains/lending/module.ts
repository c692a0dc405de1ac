import type { DomainModule } from '../registry.js';
import { lendingRoutes } from './routes.js';
import { seedLendingDemo } from './demo.js';
import { provideReminderContext } from './reminders.js';
import { itemPageUrl } from './links.js';
import * as tables from './schema.js';

/** The lending pool: items and rooms shared across municipalities, bookings that cannot overlap. */
export const domainModule: DomainModule = {
  name: 'lending',
  tables,
  routes: lendingRoutes,
  seedDemo: async ({ db }) => {
    await seedLendingDemo(db);
  },
  seedDemoAfter: ['network'],
  // The scheduled reminder job sends through this app's mailer, with links to this app.
  setup: (app) => provideReminderContext({ mailer: app.ctx.mailer, itemUrl: (slug, itemId) => itemPageUrl(app.ctx.publicUrl(), slug, itemId) }),
};
