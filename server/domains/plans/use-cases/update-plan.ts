import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { planChanges, plans } from '../schema.js';
import type { PlanUpdate } from '../../../../common/schemas/plans.js';
import { type PlanRow, summaryOf } from './shared.js';
import { diff } from './action-changes.js';

/** Updates title, kind, status, description and period of a plan, with the same version check. */
export async function updatePlan(db: Db, plan: PlanRow, input: PlanUpdate, userId: string): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const set: Partial<typeof plans.$inferInsert> = { version: input.version + 1, updatedAt: new Date() };
    if (input.title !== undefined) set.title = input.title;
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.status !== undefined) set.status = input.status;
    if (input.description !== undefined) set.description = input.description;
    if (input.period !== undefined) {
      if (input.period.start !== null && input.period.end !== null && input.period.end < input.period.start) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'period.end', message: '@validation.invalid' }]);
      }
      set.periodStart = input.period.start;
      set.periodEnd = input.period.end;
    }
    const [updated] = await tx
      .update(plans)
      .set(set)
      .where(and(eq(plans.id, plan.id), eq(plans.version, input.version)))
      .returning();
    if (!updated) {
      const [current] = await tx.select().from(plans).where(eq(plans.id, plan.id));
      throw new AppError('CONFLICT', {}, undefined, { current: current ? summaryOf(current) : null });
    }
    const before = { title: plan.title, kind: plan.kind, status: plan.status, description: plan.description, period: { start: plan.periodStart, end: plan.periodEnd } };
    const after = { title: updated.title, kind: updated.kind, status: updated.status, description: updated.description, period: { start: updated.periodStart, end: updated.periodEnd } };
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'plan', entityId: plan.id, change: 'update', changes: diff(before, after), userId });
    return updated;
  });
}
