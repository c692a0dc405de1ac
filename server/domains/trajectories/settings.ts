import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { recordChange } from '../audit/service.js';
import { DEFAULT_RETENTION_MONTHS, type TrajectorySettings, type trajectorySettingsUpdateSchema } from '../../../common/schemas/trajectories.js';
import type { z } from 'zod';
import { trajectorySettings } from './schema.js';

type SettingsRow = typeof trajectorySettings.$inferSelect;

function present(row: SettingsRow | undefined): TrajectorySettings {
  return { purpose: row?.purpose ?? '', retentionMonths: row?.retentionMonths ?? DEFAULT_RETENTION_MONTHS, updatedAt: row?.updatedAt.toISOString() ?? null, version: row?.version ?? 0 };
}

/** The region's purpose and retention period (the defaults, version 0, while it never saved any). */
export async function getTrajectorySettings(db: Pick<Db, 'select'>, region: RegionRow): Promise<TrajectorySettings> {
  const [row] = await db.select().from(trajectorySettings).where(eq(trajectorySettings.regionId, region.id));
  return present(row);
}

/** Saves purpose and retention (optimistic version: 409 with the current settings when stale); logged with the new values, which are not personal. */
export async function updateTrajectorySettings(db: Db, region: RegionRow, input: z.infer<typeof trajectorySettingsUpdateSchema>, userId: string): Promise<TrajectorySettings> {
  const { version, ...change } = input;
  const written = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(trajectorySettings).where(eq(trajectorySettings.regionId, region.id)).for('update');
    if ((current?.version ?? 0) !== version) return null;
    const values = { ...change, version: version + 1, updatedAt: new Date() };
    const [row] = current
      ? await tx.update(trajectorySettings).set(values).where(eq(trajectorySettings.regionId, region.id)).returning()
      : await tx.insert(trajectorySettings).values({ regionId: region.id, ...values }).returning();
    await recordChange(tx, {
      regionId: region.id,
      userId,
      entityType: 'trajectory_settings',
      entityId: region.id,
      action: 'update',
      changes: { purpose: { before: current?.purpose ?? '', after: change.purpose }, retentionMonths: { before: current?.retentionMonths ?? DEFAULT_RETENTION_MONTHS, after: change.retentionMonths } },
    });
    return row;
  });
  if (!written) throw new AppError('CONFLICT', {}, undefined, { current: await getTrajectorySettings(db, region) });
  return present(written);
}
