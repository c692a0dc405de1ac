import type { FastifyRequest } from 'fastify';
import { loadRegion, roleInRegion, type RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import type { Role } from '../accounts/schema.js';

/** Who is looking at a region's network: anonymous (role null), a member, and for editors their own actor. */
export interface Viewer {
  region: RegionRow;
  role: Role | null;
  userId: string | null;
  /** The actor (organisation) the user belongs to in this region, if any. */
  ownActorId: string | null;
}

/** True when the viewer is a member of the region (sees all actors and contact data). */
export function isMember(viewer: Viewer): boolean {
  return viewer.role !== null;
}

/** True when the viewer may edit this actor: admins all of the region, editors only their own. */
export function canEditActor(viewer: Viewer, actorId: string): boolean {
  return viewer.role === 'admin' || (viewer.role === 'editor' && viewer.ownActorId === actorId);
}

/** Loads the region and the caller's standing in it (anonymous callers are allowed). */
export async function loadViewer(request: FastifyRequest, slug: string): Promise<Viewer> {
  const region = await loadRegion(request, slug);
  const role = roleInRegion(request.user, region.id);
  const ownActorId = request.user?.memberships.find((membership) => membership.regionId === region.id)?.actorId ?? null;
  return { region, role, userId: request.user?.id ?? null, ownActorId };
}

/** Demands a member of the region: 401 for anonymous callers, 403 for non-members. */
export function requireMember(viewer: Viewer): asserts viewer is Viewer & { role: Role; userId: string } {
  if (!viewer.userId) throw new AppError('UNAUTHENTICATED');
  if (!viewer.role) throw new AppError('FORBIDDEN');
}

/** Demands the admin (regisseur) role in the region. */
export function requireAdmin(viewer: Viewer): asserts viewer is Viewer & { role: 'admin'; userId: string } {
  requireMember(viewer);
  if (viewer.role !== 'admin') throw new AppError('FORBIDDEN');
}
