import type { DomainModule } from '../registry.js';
import { regionRoutes } from './routes.js';
import * as tables from './schema.js';

/** The regions domain as the registry sees it. */
export const domainModule: DomainModule = { name: 'regions', tables, routes: regionRoutes };
