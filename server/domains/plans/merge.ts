import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import type { PlanAction } from '../../../common/schemas/plans.js';
import { planActionMerges, planActionPartners, planActions, planBudgetLines, planChanges, planIndicators, planMilestones, plans } from './schema.js';
import { assertDraft, comparable, diff, getAction, type PlanRow } from './service.js';

/** Appends the non-empty texts of the merged actions under the target's own, each once. */
function joinTexts(own: string, others: string[]): string {
  const parts = [own, ...others].map((text) => text.trim()).filter(Boolean);
  return [...new Set(parts)].join('\n\n');
}

function unionList(own: string[], others: string[][]): string[] {
  return [...new Set([own, ...others].flat())];
}

/**
 * Merges other actions of a draft plan into one ("actie 40 en 41 worden één actie"). The target keeps
 * its id, number, title, timing and status; it takes over the sources' budget lines, milestones and
 * indicators (with their measurements), the partners it did not have yet, their municipalities and
 * results, and their texts appended below its own. The sources are removed. All in one transaction,
 * with the target's version checked (409 with the stored action on a concurrent change), recorded in
 * the history of the plan and remembered for version comparison.
 */
export async function mergeActions(db: Db, plan: PlanRow, targetId: string, sourceIds: string[], version: number, userId: string): Promise<PlanAction> {
  assertDraft(plan);
  const uniqueSources = [...new Set(sourceIds)];
  if (uniqueSources.includes(targetId)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'sourceActionIds', message: '@plans.merge.notItself' }]);
  return db.transaction(async (tx) => {
    const target = await getAction(tx, plan, targetId);
    // Lock the target and the sources in one stable order, so two merges cannot deadlock or interleave.
    const locked = await tx
      .select({ id: planActions.id, version: planActions.version })
      .from(planActions)
      .where(and(eq(planActions.planId, plan.id), inArray(planActions.id, [targetId, ...uniqueSources])))
      .orderBy(planActions.id)
      .for('update');
    if (locked.length !== uniqueSources.length + 1) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'sourceActionIds', message: '@plans.merge.unknownAction' }]);
    if (locked.find((row) => row.id === targetId)!.version !== version) throw new AppError('CONFLICT', {}, undefined, { current: target });
    const sources: PlanAction[] = [];
    for (const id of uniqueSources) sources.push(await getAction(tx, plan, id));

    // Lists move over, after the target's own rows.
    const offset = (list: unknown[]) => list.length + 1;
    await tx
      .update(planBudgetLines)
      .set({ actionId: targetId, position: sql`${planBudgetLines.position} + ${offset(target.budgetLines) * 1000}` })
      .where(inArray(planBudgetLines.actionId, uniqueSources));
    await tx
      .update(planMilestones)
      .set({ actionId: targetId, position: sql`${planMilestones.position} + ${offset(target.milestones) * 1000}` })
      .where(inArray(planMilestones.actionId, uniqueSources));
    await tx
      .update(planIndicators)
      .set({ actionId: targetId, position: sql`${planIndicators.position} + ${offset(target.indicators) * 1000}` })
      .where(inArray(planIndicators.actionId, uniqueSources));
    // A partner the target already has (same actor, or same unlinked name) is not doubled.
    const known = new Set(target.partners.map((partner) => (partner.actorId ? `actor:${partner.actorId}` : `name:${partner.name.trim().toLowerCase()}`)));
    let position = target.partners.length;
    for (const partner of sources.flatMap((source) => source.partners)) {
      const key = partner.actorId ? `actor:${partner.actorId}` : `name:${partner.name.trim().toLowerCase()}`;
      if (known.has(key)) {
        await tx.delete(planActionPartners).where(eq(planActionPartners.id, partner.id));
        continue;
      }
      known.add(key);
      await tx.update(planActionPartners).set({ actionId: targetId, position: position++ }).where(eq(planActionPartners.id, partner.id));
    }

    const texts = (pick: (action: PlanAction) => string) => joinTexts(pick(target), sources.map(pick));
    const [updated] = await tx
      .update(planActions)
      .set({
        description: texts((a) => a.description),
        what: texts((a) => a.what),
        why: texts((a) => a.why),
        how: texts((a) => a.how),
        regierol: texts((a) => a.regierol),
        actorrol: texts((a) => a.actorrol),
        budgetText: texts((a) => a.budgetText),
        partnersText: texts((a) => a.partnersText),
        responsible: [...new Set([target.responsible, ...sources.map((s) => s.responsible)].map((r) => r.trim()).filter(Boolean))].join(', '),
        results: unionList(target.results, sources.map((s) => s.results)),
        crossRefs: unionList(target.crossRefs, sources.map((s) => s.crossRefs)),
        spreidingAll: target.spreiding.all || sources.some((s) => s.spreiding.all),
        spreidingNis: unionList(target.spreiding.nisCodes, sources.map((s) => s.spreiding.nisCodes)),
        spreidingUnmapped: unionList(target.spreiding.unmapped ?? [], sources.map((s) => s.spreiding.unmapped ?? [])),
        spreidingText: texts((a) => a.spreiding.text),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(planActions.id, targetId), eq(planActions.version, version)))
      .returning({ id: planActions.id });
    if (!updated) throw new AppError('CONFLICT', {}, undefined, { current: target });
    await tx.delete(planActions).where(inArray(planActions.id, uniqueSources));

    const after = await getAction(tx, plan, targetId);
    const mergedFrom = sources.map((source) => `${source.number} ${source.title}`.trim());
    await tx.insert(planChanges).values({
      planId: plan.id,
      entityType: 'action',
      entityId: targetId,
      actionId: targetId,
      change: 'merge',
      changes: { mergedFrom: { before: null, after: mergedFrom }, ...diff(comparable(target), comparable(after)) },
      userId,
    });
    for (const source of sources) {
      await tx.insert(planChanges).values({
        planId: plan.id,
        entityType: 'action',
        entityId: source.id,
        actionId: source.id,
        change: 'merge',
        changes: { mergedInto: { before: null, after: `${target.number} ${target.title}`.trim() }, action: { before: comparable(source), after: null } },
        userId,
      });
    }
    await tx.insert(planActionMerges).values(
      sources.map((source) => ({ planId: plan.id, targetActionId: targetId, sourceActionId: source.id, sourceNumber: source.number, sourceTitle: source.title, userId })),
    );
    await tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, plan.id));
    return after;
  });
}

/** For version comparison: which removed action went into which action. */
export async function mergesOf(db: Db, planId: string): Promise<Map<string, string>> {
  const rows = await db.select({ source: planActionMerges.sourceActionId, target: planActionMerges.targetActionId }).from(planActionMerges).where(eq(planActionMerges.planId, planId));
  return new Map(rows.map((row) => [row.source, row.target]));
}
