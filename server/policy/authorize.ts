import type { FastifyRequest } from 'fastify';
import type { Role } from '../domains/accounts/schema.js';
import { loadRegion, type RegionRow } from '../http/access.js';
import { AppError } from '../http/errors.js';
import type { AuthUser } from '../http/request-context.js';
import type { Action, PublicAction } from './permissions.js';
import { can, needsUser, roleInRegion, type PolicyResource } from './policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route is guarded by (see server/policy/permissions.ts). Every route declares one. */
    policy?: Action;
  }
}

/** The caller's standing in a region once an action is allowed. */
export type Access<A extends Action> = A extends PublicAction
  ? { region: RegionRow; user: AuthUser | null; role: Role | null }
  : { region: RegionRow; user: AuthUser; role: Role };

/** The route's declared action must be the one it checks, so the matrix and the sweep describe what runs. */
function assertDeclared(request: FastifyRequest, action: Action): void {
  const declared = request.routeOptions.config.policy;
  if (declared !== action) throw new Error(`route ${request.routeOptions.url} declares policy ${String(declared)} but checks ${action}`);
}

/** Demands that the caller may do `action` without a region (401 for anonymous callers when it needs a user). */
export function authorizeUser(request: FastifyRequest, action: Action): AuthUser {
  assertDeclared(request, action);
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  if (!can(request.user, action)) throw new AppError('FORBIDDEN');
  return request.user;
}

/**
 * Loads the region by slug (404) and demands that the caller may do `action` in it:
 * 401 for anonymous callers of a members' action, 403 for non-members or a lesser role.
 */
export async function authorize<A extends Action>(request: FastifyRequest, slug: string, action: A, resource: Omit<PolicyResource, 'regionId'> = {}): Promise<Access<A>> {
  assertDeclared(request, action);
  const region = await loadRegion(request, slug);
  const user = request.user;
  if (!user && needsUser(action)) throw new AppError('UNAUTHENTICATED');
  if (!can(user, action, { ...resource, regionId: region.id })) throw new AppError('FORBIDDEN');
  return { region, user, role: roleInRegion(user, region.id) } as Access<A>;
}
