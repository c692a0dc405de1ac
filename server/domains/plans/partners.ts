import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Role } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { nameKey } from './import/partners.js';
import { planActionPartners, planActions, planGoals, planObjectives, plans } from './schema.js';
import type { PlanRow } from './service.js';
import type { ActorPlanActions, PartnerAction, PlanPartners } from '../../../common/schemas/plans.js';

const actionColumns = {
  id: planActions.id,
  number: planActions.number,
  title: planActions.title,
  status: planActions.status,
  objectiveCode: planObjectives.code,
  goalCode: planGoals.code,
};

// Tree order: SD → OD → action; loose actions (no objective) after the tree, as the plan shows them.
const treeOrder = [
  sql`${planGoals.position} IS NULL`,
  asc(planGoals.position),
  asc(planObjectives.position),
  asc(planActions.position),
  asc(planActions.number),
] as const;

function partnerAction(row: PartnerAction): PartnerAction {
  return { id: row.id, number: row.number, title: row.title, status: row.status, objectiveCode: row.objectiveCode ?? null, goalCode: row.goalCode ?? null };
}

/** A plan's partners: each linked actor or unlinked name with its actions, most actions first, then by name. */
export async function planPartners(db: Db, plan: PlanRow, role: Role | null): Promise<PlanPartners> {
  const rows = await db
    .select({
      partnerId: planActionPartners.id,
      actorId: planActionPartners.actorId,
      writtenName: planActionPartners.name,
      actorName: actors.name,
      actorPublic: actors.isPublic,
      ...actionColumns,
    })
    .from(planActionPartners)
    .innerJoin(planActions, eq(planActions.id, planActionPartners.actionId))
    .leftJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .leftJoin(planGoals, eq(planGoals.id, planObjectives.goalId))
    .leftJoin(actors, eq(actors.id, planActionPartners.actorId))
    .where(eq(planActionPartners.planId, plan.id))
    .orderBy(...treeOrder, asc(planActionPartners.position));

  const groups = new Map<string, PlanPartners['items'][number]>();
  for (const row of rows) {
    const key = row.actorId ? `actor:${row.actorId}` : `name:${nameKey(row.writtenName)}`;
    let group = groups.get(key);
    if (!group) {
      // Members see every actor; others only public profiles (a hidden actor keeps the name as written).
      const actorVisible = row.actorId !== null && (role !== null || row.actorPublic === true);
      group = { actorId: actorVisible ? row.actorId : null, name: actorVisible && row.actorName ? row.actorName : row.writtenName, linked: row.actorId !== null, actorVisible, partnerIds: [], actions: [] };
      groups.set(key, group);
    }
    group.partnerIds.push(row.partnerId);
    // The same partner named twice in one action counts once.
    if (!group.actions.some((action) => action.id === row.id)) group.actions.push(partnerAction(row));
  }
  const items = [...groups.values()].sort((a, b) => b.actions.length - a.actions.length || a.name.localeCompare(b.name, 'nl-BE', { sensitivity: 'base' }));
  return { items };
}

/**
 * The plans of the actor's region and their actions the actor takes part in as a linked partner.
 * Members (`role` set) see every plan; others only plans that are no longer drafts.
 */
export async function actorPlanActions(db: Db, regionId: string, actorId: string, role: Role | null): Promise<ActorPlanActions> {
  const conditions = [eq(planActionPartners.actorId, actorId), eq(plans.regionId, regionId)];
  if (role === null) conditions.push(ne(plans.status, 'ontwerp'));
  const rows = await db
    .select({
      planId: plans.id,
      planTitle: plans.title,
      planStatus: plans.status,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      ...actionColumns,
    })
    .from(planActionPartners)
    .innerJoin(plans, eq(plans.id, planActionPartners.planId))
    .innerJoin(planActions, eq(planActions.id, planActionPartners.actionId))
    .leftJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .leftJoin(planGoals, eq(planGoals.id, planObjectives.goalId))
    .where(and(...conditions))
    .orderBy(desc(plans.createdAt), asc(plans.id), ...treeOrder);

  const byPlan = new Map<string, ActorPlanActions['items'][number]>();
  for (const row of rows) {
    let entry = byPlan.get(row.planId);
    if (!entry) {
      entry = { plan: { id: row.planId, title: row.planTitle, status: row.planStatus, period: { start: row.periodStart, end: row.periodEnd } }, actions: [] };
      byPlan.set(row.planId, entry);
    }
    if (!entry.actions.some((action) => action.id === row.id)) entry.actions.push(partnerAction(row));
  }
  return { items: [...byPlan.values()] };
}
