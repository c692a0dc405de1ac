import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { regions } from '../domains/regions/schema.js';
import type { Role } from '../domains/accounts/schema.js';
import { AppError } from './errors.js';
import type { AuthUser } from './request-context.js';

export type RegionRow = typeof regions.$inferSelect;

export const ALL_ROLES: readonly Role[] = ['admin', 'editor', 'steering', 'viewer'];

/** Loads a region by slug or fails with 404. */
export async function loadRegion(request: FastifyRequest, slug: string): Promise<RegionRow> {
  const [region] = await request.server.ctx.database.db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) throw new AppError('NOT_FOUND');
  return region;
}

/** The user's role in a region, or null for anonymous visitors and non-members. */
export function roleInRegion(user: AuthUser | null, regionId: string): Role | null {
  return user?.memberships.find((membership) => membership.regionId === regionId)?.role ?? null;
}

/** Demands a logged-in user (401 otherwise). */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}

/**
 * Loads the region and demands one of the given roles in it: 401 for anonymous visitors,
 * 403 for members of other regions or with a lesser role.
 */
export async function requireRegionRole(
  request: FastifyRequest,
  slug: string,
  allowed: readonly Role[],
): Promise<{ region: RegionRow; role: Role; user: AuthUser }> {
  const user = requireUser(request);
  const region = await loadRegion(request, slug);
  const role = roleInRegion(user, region.id);
  if (!role || !allowed.includes(role)) throw new AppError('FORBIDDEN');
  return { region, role, user };
}
