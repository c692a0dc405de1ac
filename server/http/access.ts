import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { regions } from '../domains/regions/schema.js';
import { AppError } from './errors.js';

export type RegionRow = typeof regions.$inferSelect;

/** Loads a region by slug or fails with 404. */
export async function loadRegion(request: FastifyRequest, slug: string): Promise<RegionRow> {
  const [region] = await request.server.ctx.database.db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) throw new AppError('NOT_FOUND');
  return region;
}
