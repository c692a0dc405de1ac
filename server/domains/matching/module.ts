import type { DomainModule } from '../registry.js';
import { matchingRoutes } from './routes.js';

/** The matching engine: needs ↔ strengths suggestions with their reasons (issue #9). */
export const domainModule: DomainModule = { name: 'matching', routes: matchingRoutes };
