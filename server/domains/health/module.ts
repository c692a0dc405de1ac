import type { DomainModule } from '../registry.js';
import { healthRoutes } from './routes.js';

/** The health domain as the registry sees it. */
export const domainModule: DomainModule = { name: 'health', routes: healthRoutes };
