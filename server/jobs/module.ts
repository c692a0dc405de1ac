import type { DomainModule } from '../domains/registry.js';
import { jobRoutes } from './routes.js';

/** A platform module: mounted like a domain, shared by the domains. */
export const domainModule: DomainModule = { name: 'jobs', routes: jobRoutes };
