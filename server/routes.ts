import type { ApiInstance } from './http/route-types.js';
import { healthRoutes } from './domains/health/routes.js';
import { referenceRoutes } from './domains/reference/routes.js';
import { regionRoutes } from './domains/regions/routes.js';
import { accountRoutes } from './domains/accounts/routes.js';
import { planRoutes } from './domains/plans/routes.js';
import { networkRoutes } from './domains/network/routes.js';
import { searchRoutes } from './search/routes.js';
import { jobRoutes } from './jobs/routes.js';
import { collectRoutePolicies } from './policy/route-policies.js';

/** Every domain's routes, mounted under /api. A new domain adds one line here. */
export async function apiRoutes(api: ApiInstance): Promise<void> {
  collectRoutePolicies(api);
  await api.register(healthRoutes);
  await api.register(referenceRoutes);
  await api.register(regionRoutes);
  await api.register(accountRoutes);
  await api.register(planRoutes);
  await api.register(networkRoutes);
  await api.register(searchRoutes);
  await api.register(jobRoutes);
}
