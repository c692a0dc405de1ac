import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberships } from '../accounts/schema.js';
import { actorInputSchema, type ActorInput } from '../../../common/schemas/network.js';
import { createActor } from './service.js';
import { relations } from './schema.js';
import type { RelationType } from '../../../common/schemas/network.js';

/** An actor in a region (defaults: an organisation in Ieper in the sector "kunsten"); returns its id. */
export async function actorFactory(db: Db, regionId: string, overrides: Partial<ActorInput> & { name: string }): Promise<string> {
  const input = actorInputSchema.parse({ municipality: '33011', sectors: ['kunsten'], ...overrides });
  return createActor(db, regionId, input, null);
}

/** A relation between two actors of a region; returns its id. */
export async function relationFactory(db: Db, regionId: string, sourceActorId: string, targetActorId: string, type: RelationType = 'samenwerking'): Promise<string> {
  const [row] = await db.insert(relations).values({ regionId, sourceActorId, targetActorId, type }).returning();
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Links a member (typically an editor) to the actor of their own organisation. */
export async function linkMemberToActor(db: Db, userId: string, regionId: string, actorId: string): Promise<void> {
  await db.update(memberships).set({ actorId }).where(and(eq(memberships.userId, userId), eq(memberships.regionId, regionId)));
}
