import type { Role } from '../domains/accounts/schema.js';
import type { AuthUser } from '../http/request-context.js';
import { PERMISSIONS, type Action, type PermissionRule } from './permissions.js';

/** What an action is done to: its region and, for rules on one's own actor, the actors involved. */
export interface PolicyResource {
  regionId?: string;
  /** Actors the resource belongs to (an actor itself; both ends of a relation). */
  actorIds?: readonly string[];
}

/** The user's role in a region, or null for anonymous visitors and non-members. */
export function roleInRegion(user: AuthUser | null, regionId: string): Role | null {
  return user?.memberships.find((membership) => membership.regionId === regionId)?.role ?? null;
}

/** The actor (organisation) the user belongs to in a region, if any. */
export function ownActorInRegion(user: AuthUser | null, regionId: string): string | null {
  return user?.memberships.find((membership) => membership.regionId === regionId)?.actorId ?? null;
}

function rule(action: Action): PermissionRule {
  return PERMISSIONS[action];
}

/**
 * May this user do this action to this resource? Without `actorIds` an ownership rule answers
 * whether the role can do it to *some* resource (the route's coarse check); the service asks again with the actors.
 */
export function can(user: AuthUser | null, action: Action, resource: PolicyResource = {}): boolean {
  const permission = rule(action);
  if (permission.everyone) return true;
  if (!user) return false;
  if (permission.signedIn) return true;
  if (!resource.regionId) return false;
  const role = roleInRegion(user, resource.regionId);
  if (!role) return false;
  if (permission.roles?.includes(role)) return true;
  if (!permission.ownRoles?.includes(role)) return false;
  if (!resource.actorIds) return true;
  const own = ownActorInRegion(user, resource.regionId);
  return own !== null && resource.actorIds.includes(own);
}

/** Whether the action ever needs a logged-in user (401 for anonymous callers rather than 403). */
export function needsUser(action: Action): boolean {
  return !rule(action).everyone;
}
