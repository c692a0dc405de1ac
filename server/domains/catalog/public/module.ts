import type { DomainModule } from '../../registry.js';
import { catalogPublicRoutes } from './routes.js';

/** The public face of the catalog: residents and newcomers read published offers without an account. */
export const domainModule: DomainModule = {
  name: 'catalog-public',
  routes: catalogPublicRoutes,
};
