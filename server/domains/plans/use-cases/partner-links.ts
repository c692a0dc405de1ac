import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import { AppError } from '../../../http/errors.js';
import type { Role } from '../../accounts/schema.js';
import { actors } from '../../network/schema.js';
import { createActor } from '../../network/service.js';
import { planActionPartners, planActions, planChanges, plans } from '../schema.js';
import { nameKey } from '../import/partners.js';
import type { PlanAction } from '../../../../common/schemas/plans.js';
import { actorInputSchema, type ActorInput } from '../../../../common/schemas/network.js';
import type { PlanRow } from './shared.js';
import { getAction } from './read-plan.js';

/** Which partners take part in which actions of the region's plans the caller may see; `actorId` narrows to one actor. */
export async function partnerOverview(db: Db, region: RegionRow, role: Role | null, actorId?: string) {
  const conditions = [eq(plans.regionId, region.id)];
  if (actorId) conditions.push(eq(planActionPartners.actorId, actorId));
  const rows = await db
    .select({
      actorId: planActionPartners.actorId,
      actorPublic: actors.isPublic,
      actorName: actors.name,
      name: planActionPartners.name,
      planId: plans.id,
      planTitle: plans.title,
      planStatus: plans.status,
      actionId: planActions.id,
      number: planActions.number,
      title: planActions.title,
    })
    .from(planActionPartners)
    .innerJoin(plans, eq(plans.id, planActionPartners.planId))
    .innerJoin(planActions, eq(planActions.id, planActionPartners.actionId))
    .leftJoin(actors, eq(actors.id, planActionPartners.actorId))
    .where(and(...conditions))
    .orderBy(asc(planActionPartners.name), asc(planActions.position));
  const groups = new Map<string, { actorId: string | null; name: string; actions: { planId: string; planTitle: string; actionId: string; number: string; title: string }[] }>();
  for (const row of rows) {
    if (role === null && row.planStatus === 'ontwerp') continue;
    // Visitors do not learn that a name is linked to a hidden profile, nor which plans a hidden actor is in.
    const hidden = role === null && row.actorId !== null && row.actorPublic !== true;
    if (hidden && actorId) continue;
    const linkedId = hidden ? null : row.actorId;
    const key = linkedId ?? `name:${nameKey(row.name)}`;
    // A linked partner goes by its actor's name: "Bibliotheken" linked to seven libraries lists seven names, not one seven times.
    const group = groups.get(key) ?? { actorId: linkedId, name: linkedId && row.actorName ? row.actorName : row.name, actions: [] };
    group.actions.push({ planId: row.planId, planTitle: row.planTitle, actionId: row.actionId, number: row.number, title: row.title });
    groups.set(key, group);
  }
  return { items: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
}

/**
 * Links a partner name of an action to an actor of the region's network map (or unlinks it with null).
 * Allowed on approved plans too: the name stays as written, only the link changes. Bumps the
 * action's version so a concurrent edit of the partner list gets a conflict instead of undoing it.
 */
export async function linkPartner(db: Db, plan: PlanRow, partnerId: string, actorId: string | null, userId: string, createdActor = false): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(partnerId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [partner] = await tx.select().from(planActionPartners).where(and(eq(planActionPartners.id, partnerId), eq(planActionPartners.planId, plan.id)));
    if (!partner) throw new AppError('NOT_FOUND');
    if (actorId) {
      const [actor] = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), eq(actors.regionId, plan.regionId)));
      if (!actor) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'actorId', message: '@validation.invalid' }]);
    }
    await tx.update(planActionPartners).set({ actorId }).where(eq(planActionPartners.id, partner.id));
    const [action] = await tx
      .update(planActions)
      .set({ version: sql`${planActions.version} + 1`, updatedAt: new Date() })
      .where(eq(planActions.id, partner.actionId))
      .returning({ id: planActions.id });
    await tx.insert(planChanges).values({
      planId: plan.id,
      entityType: 'action',
      entityId: partner.actionId,
      actionId: partner.actionId,
      change: 'update',
      changes: {
        [`partner:${partner.name}`]: { before: partner.actorId, after: actorId },
        ...(createdActor ? { [`actorCreated:${partner.name}`]: { before: null, after: actorId } } : {}),
      },
      userId,
    });
    return getAction(tx, plan, action!.id);
  });
}

/**
 * Turns an unlinked partner name into a new actor of the region's network map (admins) and links it.
 * The actor gets the name as written plus the kind, sectors and municipality given; the network map
 * records the creation in its own audit, the plan history records the link with an `actorCreated:NAME` entry.
 */
export async function createPartnerActor(
  db: Db,
  plan: PlanRow,
  partnerId: string,
  input: Pick<ActorInput, 'kind' | 'sectors' | 'municipality'>,
  userId: string,
): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(partnerId)) throw new AppError('NOT_FOUND');
  const [partner] = await db.select().from(planActionPartners).where(and(eq(planActionPartners.id, partnerId), eq(planActionPartners.planId, plan.id)));
  if (!partner) throw new AppError('NOT_FOUND');
  if (partner.actorId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'partnerId', message: '@validation.invalid' }]);
  const name = partner.name.trim();
  if (name.length < 2) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'name', message: '@validation.invalid' }]);
  const actorId = await createActor(db, plan.regionId, actorInputSchema.parse({ name: name.slice(0, 200), kind: input.kind, sectors: input.sectors, municipality: input.municipality }), userId);
  return linkPartner(db, plan, partnerId, actorId, userId, true);
}
