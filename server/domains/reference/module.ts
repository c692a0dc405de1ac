import type { DomainModule } from '../registry.js';
import { referenceRoutes } from './routes.js';
import * as tables from './schema.js';

/** The reference domain as the registry sees it. */
export const domainModule: DomainModule = { name: 'reference', tables, routes: referenceRoutes };
