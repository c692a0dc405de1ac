import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../http/errors.js';
import type { Role } from '../../accounts/schema.js';
import { planActionPartners, planActions, planBudgetLines, planFunding, planGoals, planIndicators, planMeasurements, planMilestones, planObjectives } from '../schema.js';
import type { PlanAction, PlanDetail, PlanGoal } from '../../../../common/schemas/plans.js';
import { type PlanRow, type ActionRow, type Executor, summaryOf } from './shared.js';

function actionProgress(action: { status: string; progress: number; milestones: { status: string }[] }): number {
  if (action.status === 'afgerond') return 100;
  const counted = action.milestones.filter((milestone) => milestone.status !== 'geschrapt');
  if (counted.length > 0) {
    const reached = counted.filter((milestone) => milestone.status === 'behaald').length;
    return Math.max(action.progress, Math.round((100 * reached) / counted.length));
  }
  return action.progress;
}

function rollUp(actions: PlanAction[]): number {
  const counted = actions.filter((action) => action.status !== 'geschrapt' && action.weight > 0);
  const weight = counted.reduce((sum, action) => sum + action.weight, 0);
  if (weight === 0) return 0;
  return Math.round(counted.reduce((sum, action) => sum + action.progress * action.weight, 0) / weight);
}

/** A numeric column as a number (null stays null). */
export function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function actionOut(
  row: ActionRow,
  lines: (typeof planBudgetLines.$inferSelect)[],
  partners: (typeof planActionPartners.$inferSelect)[],
  milestones: (typeof planMilestones.$inferSelect)[],
  indicators: PlanAction['indicators'],
): PlanAction {
  const milestonesOut = milestones.map((m) => ({ id: m.id, title: m.title, startDate: m.startDate, endDate: m.endDate, status: m.status, note: m.note, group: m.groupLabel }));
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    number: row.number,
    title: row.title,
    description: row.description,
    what: row.what,
    why: row.why,
    how: row.how,
    type: (row.type as PlanAction['type']) ?? null,
    timing: row.timingKind
      ? { kind: row.timingKind as NonNullable<PlanAction['timing']>['kind'], start: row.timingStart, end: row.timingEnd, label: row.timingLabel, note: row.timingNote }
      : null,
    regierol: row.regierol,
    actorrol: row.actorrol,
    spreiding: { all: row.spreidingAll, text: row.spreidingText, nisCodes: row.spreidingNis, unmapped: row.spreidingUnmapped },
    results: row.results,
    crossRefs: row.crossRefs,
    responsible: row.responsible,
    budgetText: row.budgetText,
    partnersText: row.partnersText,
    status: row.status,
    progress: actionProgress({ status: row.status, progress: row.progress, milestones: milestonesOut }),
    weight: row.weight,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    budgetTotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    budgetLines: lines.map((line) => ({
      id: line.id,
      amountCents: line.amountCents,
      description: line.description,
      year: line.year,
      workingYear: line.workingYear,
      fundingSource: line.fundingSource as PlanAction['budgetLines'][number]['fundingSource'],
      cofinancingPartner: line.cofinancingPartner,
      vatNote: line.vatNote,
      marker: line.marker,
      per: line.per,
      sourceText: line.sourceText,
    })),
    partners: partners.map((partner) => ({ id: partner.id, actorId: partner.actorId, name: partner.name })),
    milestones: milestonesOut,
    indicators,
  };
}

/** Groups rows by a key, keeping their order within each group. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Loads actions with their lists; `actionIds` limits the load to some actions. */
async function loadActions(db: Executor, planId: string, actionIds?: string[]): Promise<PlanAction[]> {
  const actionFilter = actionIds ? and(eq(planActions.planId, planId), inArray(planActions.id, actionIds)) : eq(planActions.planId, planId);
  const [rows, lines, partners, milestones, indicators] = await Promise.all([
    db.select().from(planActions).where(actionFilter).orderBy(asc(planActions.position)),
    db
      .select()
      .from(planBudgetLines)
      .where(actionIds ? and(eq(planBudgetLines.planId, planId), inArray(planBudgetLines.actionId, actionIds)) : eq(planBudgetLines.planId, planId))
      .orderBy(asc(planBudgetLines.position)),
    db
      .select()
      .from(planActionPartners)
      .where(actionIds ? and(eq(planActionPartners.planId, planId), inArray(planActionPartners.actionId, actionIds)) : eq(planActionPartners.planId, planId))
      .orderBy(asc(planActionPartners.position)),
    db
      .select()
      .from(planMilestones)
      .where(actionIds ? and(eq(planMilestones.planId, planId), inArray(planMilestones.actionId, actionIds)) : eq(planMilestones.planId, planId))
      .orderBy(asc(planMilestones.position)),
    db
      .select()
      .from(planIndicators)
      .where(actionIds ? and(eq(planIndicators.planId, planId), inArray(planIndicators.actionId, actionIds)) : eq(planIndicators.planId, planId))
      .orderBy(asc(planIndicators.position)),
  ]);
  const indicatorIds = indicators.map((indicator) => indicator.id);
  const measurements = indicatorIds.length
    ? await db.select().from(planMeasurements).where(inArray(planMeasurements.indicatorId, indicatorIds)).orderBy(asc(planMeasurements.measuredOn))
    : [];
  const linesBy = groupBy(lines, (line) => line.actionId);
  const partnersBy = groupBy(partners, (partner) => partner.actionId);
  const milestonesBy = groupBy(milestones, (milestone) => milestone.actionId);
  const measurementsBy = groupBy(measurements, (measurement) => measurement.indicatorId);
  const indicatorsBy = groupBy(
    indicators.map((indicator) => ({
      actionId: indicator.actionId,
      out: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        baseline: toNumber(indicator.baseline),
        target: toNumber(indicator.target),
        measurements: (measurementsBy.get(indicator.id) ?? []).map((m) => ({ id: m.id, measuredOn: m.measuredOn, value: Number(m.value), source: m.source })),
        // Only linked indicators carry a source, so unlinked ones (and older snapshots) read as before.
        ...(indicator.sourceKey ? { source: { key: indicator.sourceKey, value: toNumber(indicator.sourceValue), updatedAt: indicator.sourceUpdatedAt?.toISOString() ?? null } } : {}),
      },
    })),
    (entry) => entry.actionId,
  );
  return rows.map((row) =>
    actionOut(row, linesBy.get(row.id) ?? [], partnersBy.get(row.id) ?? [], milestonesBy.get(row.id) ?? [], (indicatorsBy.get(row.id) ?? []).map((entry) => entry.out)),
  );
}

/** The whole plan: goals → objectives → actions with budget, partners, milestones, indicators and progress. */
export async function getPlanDetail(db: Executor, plan: PlanRow, myRole: Role | null): Promise<PlanDetail> {
  const [goals, objectives, actions, funding] = await Promise.all([
    db.select().from(planGoals).where(eq(planGoals.planId, plan.id)).orderBy(asc(planGoals.position)),
    db.select().from(planObjectives).where(eq(planObjectives.planId, plan.id)).orderBy(asc(planObjectives.position)),
    loadActions(db, plan.id),
    db.select().from(planFunding).where(eq(planFunding.planId, plan.id)).orderBy(asc(planFunding.position)),
  ]);
  const actionsBy = groupBy(actions, (action) => action.objectiveId);
  const objectivesBy = groupBy(objectives, (objective) => objective.goalId);
  const goalsOut: PlanGoal[] = goals.map((goal) => {
    const objectivesOut = (objectivesBy.get(goal.id) ?? []).map((objective) => {
      const objectiveActions = actionsBy.get(objective.id) ?? [];
      return {
        id: objective.id,
        goalId: goal.id,
        code: objective.code,
        title: objective.title,
        spreiding: { all: objective.spreidingAll, text: objective.spreidingText, nisCodes: [] },
        crossRefs: objective.crossRefs,
        progress: rollUp(objectiveActions),
        budgetTotalCents: objectiveActions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
        actions: objectiveActions,
      };
    });
    const goalActions = objectivesOut.flatMap((objective) => objective.actions);
    return {
      id: goal.id,
      code: goal.code,
      title: goal.title,
      progress: rollUp(goalActions),
      budgetTotalCents: goalActions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
      objectives: objectivesOut,
    };
  });
  const loose = actionsBy.get(null) ?? [];
  return {
    ...summaryOf(plan),
    description: plan.description,
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
    myRole,
    progress: rollUp(actions),
    budgetTotalCents: actions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
    goals: goalsOut,
    actions: loose,
    funding: funding.map((row) => ({
      id: row.id,
      label: row.label,
      fundingSource: row.fundingSource as PlanDetail['funding'][number]['fundingSource'],
      year: row.year,
      amountCents: row.amountCents,
      note: row.note,
    })),
  };
}

/** One action of the plan with its lists, or 404. */
export async function getAction(db: Executor, plan: PlanRow, actionId: string): Promise<PlanAction> {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) throw new AppError('NOT_FOUND');
  const [action] = await loadActions(db, plan.id, [actionId]);
  if (!action) throw new AppError('NOT_FOUND');
  return action;
}
