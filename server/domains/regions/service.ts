import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regionMunicipalities, regions } from './schema.js';
import { municipalities } from '../reference/schema.js';
import type { Role } from '../accounts/schema.js';
import type { RegionDetail, RegionSummary, RegionUpdate } from '../../../common/schemas/regions.js';
import { AppError, fieldError } from '../../http/errors.js';
import { diffFields, recordChange } from '../audit/service.js';
import type { RegionRow } from '../../http/access.js';

async function municipalitiesByRegion(db: Db, regionIds: string[]) {
  if (regionIds.length === 0) return new Map<string, { nisCode: string; name: string; postalCodes: string[] }[]>();
  const rows = await db
    .select({
      regionId: regionMunicipalities.regionId,
      nisCode: municipalities.nisCode,
      name: municipalities.name,
      postalCodes: municipalities.postalCodes,
    })
    .from(regionMunicipalities)
    .innerJoin(municipalities, eq(municipalities.nisCode, regionMunicipalities.nisCode))
    .where(inArray(regionMunicipalities.regionId, regionIds))
    .orderBy(asc(municipalities.name));
  const byRegion = new Map<string, { nisCode: string; name: string; postalCodes: string[] }[]>();
  for (const row of rows) {
    const list = byRegion.get(row.regionId) ?? [];
    list.push({ nisCode: row.nisCode, name: row.name, postalCodes: row.postalCodes });
    byRegion.set(row.regionId, list);
  }
  return byRegion;
}

/** All regions with their member municipalities (public information). */
/** Whether a municipality (NIS code) belongs to the region. */
export async function isMunicipalityOfRegion(db: Pick<Db, 'select'>, regionId: string, nisCode: string): Promise<boolean> {
  const [row] = await db
    .select({ nis: regionMunicipalities.nisCode })
    .from(regionMunicipalities)
    .where(and(eq(regionMunicipalities.regionId, regionId), eq(regionMunicipalities.nisCode, nisCode)));
  return row !== undefined;
}

export async function listRegions(db: Db): Promise<RegionSummary[]> {
  const rows = await db.select().from(regions).orderBy(asc(regions.name));
  const byRegion = await municipalitiesByRegion(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    description: row.description,
    municipalities: (byRegion.get(row.id) ?? []).map(({ nisCode, name }) => ({ nisCode, name })),
  }));
}

/** One region in full, with the caller's role in it. */
export async function getRegionDetail(db: Db, region: RegionRow, myRole: Role | null): Promise<RegionDetail> {
  const byRegion = await municipalitiesByRegion(db, [region.id]);
  return {
    slug: region.slug,
    name: region.name,
    description: region.description,
    version: region.version,
    updatedAt: region.updatedAt.toISOString(),
    municipalities: byRegion.get(region.id) ?? [],
    myRole,
  };
}

/**
 * Updates name, description and member municipalities in one transaction. The caller's
 * version must match the stored one, so a concurrent edit is reported as a conflict, never lost.
 */
export async function updateRegion(db: Db, region: RegionRow, input: RegionUpdate, userId: string, callerRole: Role): Promise<RegionRow> {
  const wanted = [...new Set(input.municipalities)];
  const known = await db.select({ nisCode: municipalities.nisCode }).from(municipalities).where(inArray(municipalities.nisCode, wanted));
  const knownCodes = new Set(known.map((row) => row.nisCode));
  // The index the client sent, so the message lands on the right field.
  const unknownIndex = input.municipalities.findIndex((code) => !knownCodes.has(code));
  if (unknownIndex !== -1) {
    throw fieldError(`municipalities.${unknownIndex}`, 'errors.UNKNOWN_MUNICIPALITY', { nisCode: input.municipalities[unknownIndex] });
  }

  return db.transaction(async (tx) => {
    const before = await municipalitiesByRegion(tx as unknown as Db, [region.id]);
    const [updated] = await tx
      .update(regions)
      .set({ name: input.name, description: input.description, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(regions.id, region.id), eq(regions.version, input.version)))
      .returning();
    if (!updated) {
      const [current] = await tx.select().from(regions).where(eq(regions.id, region.id));
      const currentDetail = current ? await getRegionDetail(tx as unknown as Db, current, callerRole) : null;
      throw new AppError('CONFLICT', {}, undefined, { current: currentDetail });
    }
    await tx.delete(regionMunicipalities).where(eq(regionMunicipalities.regionId, region.id));
    await tx.insert(regionMunicipalities).values(wanted.map((nisCode) => ({ regionId: region.id, nisCode })));
    const changes = diffFields(
      { name: region.name, description: region.description, municipalities: (before.get(region.id) ?? []).map((m) => m.nisCode).sort() },
      { name: input.name, description: input.description, municipalities: [...wanted].sort() },
    );
    await recordChange(tx, { regionId: region.id, userId, entityType: 'region', entityId: region.id, action: 'update', changes });
    return updated;
  });
}

/** Creates a region with its municipalities (CLI and demo). */
export async function createRegion(
  db: Db,
  input: { slug: string; name: string; description?: string; municipalities: string[] },
): Promise<RegionRow> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: regions.id }).from(regions).where(eq(regions.slug, input.slug));
    if (existing.length > 0) throw new AppError('ALREADY_EXISTS');
    const [region] = await tx
      .insert(regions)
      .values({ slug: input.slug, name: input.name, description: input.description ?? '' })
      .returning();
    if (!region) throw new Error('insert returned no row');
    if (input.municipalities.length > 0) {
      await tx.insert(regionMunicipalities).values(input.municipalities.map((nisCode) => ({ regionId: region.id, nisCode })));
    }
    return region;
  });
}
