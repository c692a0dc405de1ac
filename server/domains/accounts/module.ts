import type { DomainModule } from '../registry.js';
import { accountRoutes } from './routes.js';

/** The accounts domain as the registry sees it. */
export const accountsModule: DomainModule = { name: 'accounts', routes: accountRoutes };
