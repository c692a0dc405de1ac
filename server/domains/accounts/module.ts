import type { DomainModule } from '../registry.js';
import { accountRoutes } from './routes.js';
import * as tables from './schema.js';

/** The accounts domain as the registry sees it. */
export const domainModule: DomainModule = { name: 'accounts', tables, routes: accountRoutes };
