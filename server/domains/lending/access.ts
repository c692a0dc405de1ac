import type { FastifyRequest } from 'fastify';
import { authorize } from '../../policy/authorize.js';
import { can, ownActorInRegion } from '../../policy/policy.js';
import type { Action } from '../../policy/permissions.js';
import type { AuthUser } from '../../http/request-context.js';
import type { RegionRow } from '../../http/access.js';
import type { Role } from '../accounts/schema.js';

/** Who is asking, in a region: what the lending service needs to decide per item and booking. */
export interface LendingViewer {
  region: RegionRow;
  user: AuthUser;
  role: Role;
  userId: string;
  /** The actor (organisation) the member belongs to, if linked. */
  ownActorId: string | null;
}

/** authorize() for the lending routes (all members-only) plus the caller's own actor. */
export async function lendingViewer(request: FastifyRequest, slug: string, action: Exclude<Action, 'lending.feed.read'>): Promise<LendingViewer> {
  const access = await authorize(request, slug, action as 'lending.read');
  const user = access.user as AuthUser;
  return { region: access.region, user, role: access.role!, userId: user.id, ownActorId: ownActorInRegion(user, access.region.id) };
}

/** Whether the viewer manages items of this owner: admins all, editors their own organisation's. */
export function managesOwner(viewer: LendingViewer, ownerActorId: string): boolean {
  return can(viewer.user, 'lending.item.manage', { regionId: viewer.region.id, actorIds: [ownerActorId] });
}
