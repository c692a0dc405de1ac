import type { FastifyRequest } from 'fastify';
import type { RegionRow } from '../../http/access.js';
import type { AuthUser } from '../../http/request-context.js';
import type { Role } from '../accounts/schema.js';
import { authorize } from '../../policy/authorize.js';
import type { Action, PublicAction } from '../../policy/permissions.js';
import { can, ownActorInRegion } from '../../policy/policy.js';

/** Who is looking at a region's network: anonymous (role null), a member, and for editors their own actor. */
export interface Viewer {
  region: RegionRow;
  role: Role | null;
  userId: string | null;
  user: AuthUser | null;
  /** The actor (organisation) the user belongs to in this region, if any. */
  ownActorId: string | null;
}

/** True when the viewer is a member of the region (sees all actors and contact data). */
export function isMember(viewer: Viewer): boolean {
  return viewer.role !== null;
}

/** True when the viewer may edit this actor (the policy's 'actor.update' rule on that actor). */
export function canEditActor(viewer: Viewer, actorId: string): boolean {
  return can(viewer.user, 'actor.update', { regionId: viewer.region.id, actorIds: [actorId] });
}

/** True when the viewer may add, change or remove a relation between these actors (the 'relation.edit' rule). */
export function canEditRelation(viewer: Viewer, sourceActorId: string, targetActorId: string): boolean {
  return can(viewer.user, 'relation.edit', { regionId: viewer.region.id, actorIds: [sourceActorId, targetActorId] });
}

/** A viewer who passed a members' action: logged in, with a role in the region. */
export type MemberViewer = Viewer & { role: Role; userId: string; user: AuthUser };

/** Checks the route's action through the policy (401/403/404) and describes the caller for the network services. */
export async function authorizeViewer<A extends Action>(request: FastifyRequest, slug: string, action: A): Promise<A extends PublicAction ? Viewer : MemberViewer> {
  const { region, role, user } = await authorize(request, slug, action);
  const viewer: Viewer = { region, role, user, userId: user?.id ?? null, ownActorId: ownActorInRegion(user, region.id) };
  return viewer as A extends PublicAction ? Viewer : MemberViewer;
}
