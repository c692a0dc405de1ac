import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { actorInputSchema } from '../../../common/schemas/network.js';
import { actors, relations } from './schema.js';
import { createActor } from './service.js';
import {
  DEMO_EDITOR_ACTOR,
  westhoekActors,
  westhoekRelations,
  zuidelijkeWesthoekActors,
  zuidelijkeWesthoekRelations,
  type DemoActor,
  type DemoRelation,
} from './demo-data.js';

const DEMO_EDITOR_EMAIL = 'partner@demo.regiekamer.be';

/** Seeds one region's actors and relations (only when the region exists and has no actors yet); returns key → id. */
export async function seedRegionNetwork(db: Db, slug: string, demoActors: DemoActor[], demoRelations: DemoRelation[]): Promise<Map<string, string> | null> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, slug));
  if (!region) return null;
  const [existing] = await db.select({ n: count() }).from(actors).where(eq(actors.regionId, region.id));
  if ((existing?.n ?? 0) > 0) return null;
  const ids = new Map<string, string>();
  for (const actor of demoActors) {
    const input = actorInputSchema.parse({
      name: actor.name,
      kind: actor.kind,
      sectors: actor.sectors,
      municipality: actor.municipality,
      otherMunicipalities: (actor.others ?? []).filter((code) => code !== actor.municipality),
      description: actor.description,
      strengths: actor.strengths ?? [],
      needs: actor.needs ?? [],
      targetGroups: actor.targetGroups ?? [],
      tags: actor.tags ?? [],
      website: actor.website ?? null,
      isPublic: actor.isPublic ?? true,
    });
    ids.set(actor.key, await createActor(db, region.id, input, null, 'import'));
  }
  const rows = demoRelations
    .filter(([source, target]) => ids.has(source) && ids.has(target))
    .map(([source, target, type, note]) => ({ regionId: region.id, sourceActorId: ids.get(source)!, targetActorId: ids.get(target)!, type, note: note ?? '' }));
  if (rows.length > 0) await db.insert(relations).values(rows);
  return ids;
}

/** Loads the demo network of both demo regions and links the demo editor to their organisation. */
export async function seedNetworkDemo(db: Db): Promise<{ actors: number; relations: number }> {
  const south = await seedRegionNetwork(db, 'zuidelijke-westhoek', zuidelijkeWesthoekActors, zuidelijkeWesthoekRelations);
  const west = await seedRegionNetwork(db, 'westhoek', westhoekActors, westhoekRelations);
  const editorActor = south?.get(DEMO_EDITOR_ACTOR);
  if (editorActor) {
    const [editor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EDITOR_EMAIL));
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, 'zuidelijke-westhoek'));
    if (editor && region) {
      await db.update(memberships).set({ actorId: editorActor }).where(and(eq(memberships.userId, editor.id), eq(memberships.regionId, region.id)));
    }
  }
  return {
    actors: (south?.size ?? 0) + (west?.size ?? 0),
    relations: (south ? zuidelijkeWesthoekRelations.length : 0) + (west ? westhoekRelations.length : 0),
  };
}
