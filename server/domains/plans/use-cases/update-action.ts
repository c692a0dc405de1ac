import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { actors } from '../../network/schema.js';
import { planActionPartners, planActions, planBudgetLines, planChanges, planMilestones, planObjectives, plans } from '../schema.js';
import { mapSpreiding } from '../spreiding/map-spreiding.js';
import { loadSpreidingGazetteer } from '../spreiding/gazetteer.js';
import type { ActionChanges, ActionUpdate, PlanAction } from '../../../../common/schemas/plans.js';
import { type PlanRow, type ActionRow, type Tx, actorMatcher } from './shared.js';
import { getAction } from './read-plan.js';
import { comparable, diff } from './action-changes.js';

/** Writes changes to one action inside the caller's transaction; 409 CONFLICT when the version is stale. */
export async function applyActionChanges(tx: Tx, plan: PlanRow, current: PlanAction, changes: ActionChanges, version: number): Promise<ActionRow> {
  if (changes.objectiveId) {
    const [objective] = await tx.select({ id: planObjectives.id }).from(planObjectives).where(and(eq(planObjectives.id, changes.objectiveId), eq(planObjectives.planId, plan.id)));
    if (!objective) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'objectiveId', message: '@validation.invalid' }]);
  }
  const set: Partial<typeof planActions.$inferInsert> = { version: version + 1, updatedAt: new Date() };
  const scalar = ['title', 'number', 'objectiveId', 'description', 'what', 'why', 'how', 'type', 'regierol', 'actorrol', 'results', 'crossRefs', 'responsible', 'status', 'progress', 'weight'] as const;
  for (const key of scalar) if (changes[key] !== undefined) (set as Record<string, unknown>)[key] = changes[key];
  if (changes.timing !== undefined) {
    set.timingKind = changes.timing?.kind ?? null;
    set.timingStart = changes.timing?.start ?? null;
    set.timingEnd = changes.timing?.end ?? null;
    set.timingLabel = changes.timing?.label ?? '';
    set.timingNote = changes.timing?.note ?? '';
  }
  if (changes.spreiding !== undefined) {
    set.spreidingAll = changes.spreiding.all;
    set.spreidingText = changes.spreiding.text;
    set.spreidingNis = changes.spreiding.nisCodes;
    // A changed text is mapped again; the codes the editor chose stay, the mapped ones are added.
    if (changes.spreiding.text !== current.spreiding.text) {
      const mapping = mapSpreiding(changes.spreiding.text, await loadSpreidingGazetteer(tx, plan.regionId));
      set.spreidingAll = changes.spreiding.all || mapping.all;
      set.spreidingNis = set.spreidingAll ? [] : [...new Set([...changes.spreiding.nisCodes, ...mapping.nisCodes])].sort();
      set.spreidingUnmapped = mapping.unmapped;
    }
  }
  const [updated] = await tx
    .update(planActions)
    .set(set)
    .where(and(eq(planActions.id, current.id), eq(planActions.planId, plan.id), eq(planActions.version, version)))
    .returning();
  if (!updated) throw new AppError('CONFLICT', {}, undefined, { current: await getAction(tx, plan, current.id) });

  if (changes.budgetLines) {
    await tx.delete(planBudgetLines).where(eq(planBudgetLines.actionId, current.id));
    if (changes.budgetLines.length) {
      await tx.insert(planBudgetLines).values(changes.budgetLines.map(({ id: _id, ...line }, position) => ({ ...line, planId: plan.id, actionId: current.id, position })));
    }
  }
  if (changes.partners) {
    const matcher = await actorMatcher(tx, plan.regionId);
    const actorIds = changes.partners.map((partner) => partner.actorId).filter((value): value is string => Boolean(value));
    const known = actorIds.length
      ? new Set((await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.regionId, plan.regionId), inArray(actors.id, actorIds)))).map((row) => row.id))
      : new Set<string>();
    await tx.delete(planActionPartners).where(eq(planActionPartners.actionId, current.id));
    if (changes.partners.length) {
      await tx.insert(planActionPartners).values(
        changes.partners.map((partner, position) => ({
          planId: plan.id,
          actionId: current.id,
          // An actor of another region is never linked; the name stays as text.
          actorId: partner.actorId && known.has(partner.actorId) ? partner.actorId : matcher.match(partner.name),
          name: partner.name,
          position,
        })),
      );
    }
  }
  if (changes.milestones) {
    for (const milestone of changes.milestones) {
      if (milestone.startDate && milestone.endDate && milestone.endDate < milestone.startDate) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'milestones', message: '@validation.invalid' }]);
      }
    }
    await tx.delete(planMilestones).where(eq(planMilestones.actionId, current.id));
    if (changes.milestones.length) {
      await tx.insert(planMilestones).values(
        changes.milestones.map(({ id: _id, group, ...milestone }, position) => ({ ...milestone, groupLabel: group, planId: plan.id, actionId: current.id, position })),
      );
    }
  }
  return updated;
}

/**
 * Saves changes to one action. The caller's version must match the stored one: a concurrent
 * save gets 409 CONFLICT with the stored action in details.current, so nothing is overwritten.
 * Every changed field is recorded with before and after.
 */
export async function updateAction(
  db: Db,
  plan: PlanRow,
  actionId: string,
  input: ActionUpdate,
  userId: string,
  proposalId: string | null = null,
): Promise<PlanAction> {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const current = await getAction(tx, plan, actionId);
    await applyActionChanges(tx, plan, current, changes, version);
    const after = await getAction(tx, plan, actionId);
    const fieldChanges = diff(comparable(current), comparable(after));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: actionId, actionId, change: 'update', changes: fieldChanges, userId, proposalId });
    await tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, plan.id));
    return after;
  });
}
