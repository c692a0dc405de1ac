import type { DomainModule } from '../registry.js';
import { networkRoutes } from './routes.js';
import { seedNetworkDemo } from './demo.js';
import { networkCommands } from './cli.js';
import { provideActorDirectory } from '../accounts/actor-directory.js';
import { networkActorDirectory } from './actor-directory.js';
import * as tables from './schema.js';

/** The network domain: routes, demo network, its commands and the actor directory accounts uses. */
export const domainModule: DomainModule = {
  name: 'network',
  tables,
  routes: networkRoutes,
  seedDemo: async ({ db }) => {
    await seedNetworkDemo(db);
  },
  cliCommands: networkCommands,
  // Accounts names the actor a membership is linked to through this port, never by importing network.
  setup: () => provideActorDirectory(networkActorDirectory),
};
