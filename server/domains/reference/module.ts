import type { DomainModule } from '../registry.js';
import { referenceRoutes } from './routes.js';

/** The reference domain as the registry sees it. */
export const referenceModule: DomainModule = { name: 'reference', routes: referenceRoutes };
