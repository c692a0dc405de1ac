import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { planChanges, planIndicators, planMeasurements } from '../schema.js';
import type { PlanRow, Executor } from './shared.js';
import { toNumber, getAction } from './read-plan.js';
import { diff } from './action-changes.js';

interface IndicatorInput {
  name?: string;
  unit?: string;
  baseline?: number | null;
  target?: number | null;
}

/** Adds an indicator to an action (monitoring: allowed on approved plans too). */
export async function createIndicator(db: Db, plan: PlanRow, actionId: string, input: Required<IndicatorInput>, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  const action = await getAction(db, plan, actionId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planIndicators)
      .values({ planId: plan.id, actionId: action.id, name: input.name, unit: input.unit, baseline: input.baseline?.toString() ?? null, target: input.target?.toString() ?? null, position: action.indicators.length })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'indicator', entityId: row.id, actionId: action.id, change: 'create', changes: { indicator: { before: null, after: input } }, userId });
    return (await getAction(tx, plan, action.id)).indicators.find((indicator) => indicator.id === row.id)!;
  });
}

async function loadIndicator(db: Executor, plan: PlanRow, indicatorId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(planIndicators).where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, plan.id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Changes an indicator's name, unit, baseline or target, recording before and after. */
export async function updateIndicator(db: Db, plan: PlanRow, indicatorId: string, input: IndicatorInput, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  return db.transaction(async (tx) => {
    const row = await loadIndicator(tx, plan, indicatorId);
    const before = { name: row.name, unit: row.unit, baseline: toNumber(row.baseline), target: toNumber(row.target) };
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
    await tx
      .update(planIndicators)
      .set({ name: after.name, unit: after.unit, baseline: after.baseline?.toString() ?? null, target: after.target?.toString() ?? null })
      .where(eq(planIndicators.id, row.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'indicator', entityId: row.id, actionId: row.actionId, change: 'update', changes: diff(before, after), userId });
    return (await getAction(tx, plan, row.actionId)).indicators.find((indicator) => indicator.id === row.id)!;
  });
}

/** Records a dated measurement of an indicator with its source. */
export async function addMeasurement(db: Db, plan: PlanRow, indicatorId: string, input: { measuredOn: string; value: number; source: string }, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  return db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, plan, indicatorId);
    const [row] = await tx.insert(planMeasurements).values({ indicatorId: indicator.id, measuredOn: input.measuredOn, value: String(input.value), source: input.source, createdBy: userId }).returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'measurement', entityId: row.id, actionId: indicator.actionId, change: 'create', changes: { measurement: { before: null, after: input } }, userId });
    return (await getAction(tx, plan, indicator.actionId)).indicators.find((candidate) => candidate.id === indicator.id)!;
  });
}
