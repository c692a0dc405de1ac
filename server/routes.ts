import type { ApiInstance } from './http/route-types.js';
import { DOMAINS } from './domains/registry.js';
import { collectRoutePolicies } from './policy/route-policies.js';

/** Every domain's routes, mounted under /api, in the order of the registry (server/domains/registry.ts). */
export async function apiRoutes(api: ApiInstance): Promise<void> {
  collectRoutePolicies(api);
  for (const domain of DOMAINS) domain.setup?.(api);
  for (const domain of DOMAINS) if (domain.routes) await api.register(domain.routes);
}
