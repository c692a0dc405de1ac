import type { DomainModule } from '../registry.js';
import { regionRoutes } from './routes.js';

/** The regions domain as the registry sees it. */
export const regionsModule: DomainModule = { name: 'regions', routes: regionRoutes };
