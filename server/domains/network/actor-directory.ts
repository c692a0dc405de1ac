import { and, eq, inArray } from 'drizzle-orm';
import type { ActorDirectory } from '../accounts/actor-directory.js';
import { actors } from './schema.js';

/** The network's answer to accounts: which of these actors exist in the region, and their names. */
export const networkActorDirectory: ActorDirectory = {
  async namesInRegion(db, regionId, actorIds) {
    if (actorIds.length === 0) return new Map();
    const rows = await db
      .select({ id: actors.id, name: actors.name })
      .from(actors)
      .where(and(eq(actors.regionId, regionId), inArray(actors.id, [...actorIds])));
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
