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

/** The user's own organisation in the region with this slug, as a resource's actor list ([] when none, so an own-role policy refuses). */
export function ownActorIdsBySlug(user: AuthUser | null, slug: string): string[] {
  const actorId = user?.memberships.find((membership) => membership.regionSlug === slug)?.actorId;
  return actorId ? [actorId] : [];
}

/** The actor (organisation) the user belongs to in a region, if any. */
export function ownActorInRegion(user: AuthUser | null, regionId: string): string | null {
  return user?.memberships.find((membership) => membership.regionId === regionId)?.actorId ?? null;
}

function rule(action: Action): PermissionRule {
  return PERMISSIONS[action];
}

/** A member's standing in one region, as services keep it once the route authorised the caller. */
export interface MemberStanding {
  role: Role | null;
  /** The member's own actor (organisation), for rules on one's own actor. */
  ownActorId?: string | null;
}

/**
 * The table's answer for a standing in the resource's region: services that hold a role (and own actor)
 * rather than the user ask here, so the permission table stays the one truth. Without `actorIds` an
 * ownership rule answers for *some* resource, as can() does.
 */
export function memberCan(standing: MemberStanding, action: Action, actorIds?: readonly (string | null)[]): boolean {
  const permission = rule(action);
  if (permission.everyone) return true;
  if (!standing.role) return false;
  if (permission.signedIn) return true;
  if (permission.roles?.includes(standing.role)) return true;
  if (!permission.ownRoles?.includes(standing.role)) return false;
  if (!actorIds) return true;
  const own = standing.ownActorId ?? null;
  return own !== null && actorIds.includes(own);
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
  return memberCan({ role: roleInRegion(user, resource.regionId), ownActorId: ownActorInRegion(user, resource.regionId) }, action, resource.actorIds);
}

/** Whether the action ever needs a logged-in user (401 for anonymous callers rather than 403). */
export function needsUser(action: Action): boolean {
  return !rule(action).everyone;
}
