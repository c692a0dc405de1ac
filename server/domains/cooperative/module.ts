import type { DomainModule } from '../registry.js';
import { cooperativeRoutes } from './routes.js';
import { seedCooperativeDemo } from './demo.js';
import { wireDigestJob } from './jobs.js';
import * as tables from './schema.js';

/** The cooperative domain: cooperants, groups, co-financing, meetings with minutes and decisions, digests. */
export const domainModule: DomainModule = {
  name: 'cooperative',
  tables,
  routes: cooperativeRoutes,
  // Cooperants are demo actors; a demo decision approves a proposal on a demo plan.
  seedDemoAfter: ['network', 'plans'],
  seedDemo: async ({ db }) => {
    await seedCooperativeDemo(db);
  },
  setup: (app) => {
    wireDigestJob(app.ctx.mailer, app.ctx.publicUrl());
  },
};
