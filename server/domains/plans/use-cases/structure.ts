import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { planActions, planChanges, planGoals, planObjectives } from '../schema.js';
import type { ActionChanges, PlanAction } from '../../../../common/schemas/plans.js';
import type { PlanRow, Executor } from './shared.js';
import { getAction } from './read-plan.js';
import { comparable, diff } from './action-changes.js';
import { applyActionChanges } from './update-action.js';

/** Structure changes (new, removed, merged actions) are for drafts; approved plans change through proposals. */
export function assertDraft(plan: PlanRow): void {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (plan.status !== 'ontwerp') throw new AppError('PROPOSAL_REQUIRED', { fields: 'structuur' });
}

async function goalOf(tx: Executor, plan: PlanRow, goalId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(goalId)) throw new AppError('NOT_FOUND');
  const [goal] = await tx.select().from(planGoals).where(and(eq(planGoals.id, goalId), eq(planGoals.planId, plan.id)));
  if (!goal) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'goalId', message: '@validation.invalid' }]);
  return goal;
}

/** Adds a strategic goal (SD) at the end of a draft plan. */
export async function createGoal(db: Db, plan: PlanRow, input: { code: string; title: string }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: planGoals.id }).from(planGoals).where(eq(planGoals.planId, plan.id));
    const [goal] = await tx.insert(planGoals).values({ planId: plan.id, code: input.code, title: input.title, position: existing.length }).returning();
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'goal', entityId: goal!.id, change: 'create', changes: { goal: { before: null, after: input } }, userId });
    return { id: goal!.id, code: goal!.code, title: goal!.title };
  });
}

/** Renames, renumbers or reorders a goal of a draft plan. */
export async function updateGoal(db: Db, plan: PlanRow, goalId: string, input: { code?: string; title?: string; position?: number }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const goal = await goalOf(tx, plan, goalId);
    const after = { code: input.code ?? goal.code, title: input.title ?? goal.title, position: input.position ?? goal.position };
    await tx.update(planGoals).set(after).where(eq(planGoals.id, goal.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'goal', entityId: goal.id, change: 'update', changes: diff({ code: goal.code, title: goal.title, position: goal.position }, after), userId });
    return { id: goal.id, code: after.code, title: after.title };
  });
}

/** Adds an operational goal (OD) under a goal of a draft plan. */
export async function createObjective(db: Db, plan: PlanRow, input: { goalId: string; code: string; title: string }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const goal = await goalOf(tx, plan, input.goalId);
    const siblings = await tx.select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.goalId, goal.id));
    const [objective] = await tx.insert(planObjectives).values({ planId: plan.id, goalId: goal.id, code: input.code, title: input.title, position: siblings.length }).returning();
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'objective', entityId: objective!.id, change: 'create', changes: { objective: { before: null, after: input } }, userId });
    return { id: objective!.id, code: objective!.code, title: objective!.title };
  });
}

/** Renames, renumbers or moves an objective to another goal ("Naar SD 2") in a draft plan. */
export async function updateObjective(db: Db, plan: PlanRow, objectiveId: string, input: { goalId?: string; code?: string; title?: string; position?: number }, userId: string) {
  assertDraft(plan);
  if (!/^[0-9a-f-]{36}$/i.test(objectiveId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [objective] = await tx.select().from(planObjectives).where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, plan.id)));
    if (!objective) throw new AppError('NOT_FOUND');
    if (input.goalId) await goalOf(tx, plan, input.goalId);
    const before = { goalId: objective.goalId, code: objective.code, title: objective.title, position: objective.position };
    const after = { goalId: input.goalId ?? objective.goalId, code: input.code ?? objective.code, title: input.title ?? objective.title, position: input.position ?? objective.position };
    await tx.update(planObjectives).set(after).where(eq(planObjectives.id, objective.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'objective', entityId: objective.id, change: 'update', changes: diff(before, after), userId });
    return { id: objective.id, code: after.code, title: after.title };
  });
}

/** Adds an action to a draft plan (under an objective, or loose), numbered after the last one unless a number is given. */
export async function createAction(db: Db, plan: PlanRow, input: ActionChanges & { title: string }, userId: string): Promise<PlanAction> {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ number: planActions.number, position: planActions.position }).from(planActions).where(eq(planActions.planId, plan.id));
    const highest = existing.reduce((max, row) => Math.max(max, Number.parseInt(row.number, 10) || 0), 0);
    const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
    const id = randomUUID();
    await tx.insert(planActions).values({ id, planId: plan.id, objectiveId: null, number: input.number ?? String(highest + 1), title: input.title, position });
    const created = await getAction(tx, plan, id);
    const { title: _title, number: _number, ...rest } = input;
    if (Object.values(rest).some((value) => value !== undefined)) await applyActionChanges(tx, plan, created, rest, created.version);
    const after = await getAction(tx, plan, id);
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: id, actionId: id, change: 'create', changes: diff({}, comparable(after)), userId });
    return after;
  });
}

/** Removes an action from a draft plan; its last state stays in the history. */
export async function deleteAction(db: Db, plan: PlanRow, actionId: string, userId: string): Promise<void> {
  assertDraft(plan);
  await db.transaction(async (tx) => {
    const current = await getAction(tx, plan, actionId);
    await tx.delete(planActions).where(eq(planActions.id, current.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: current.id, actionId: current.id, change: 'delete', changes: { action: { before: comparable(current), after: null } }, userId });
  });
}
