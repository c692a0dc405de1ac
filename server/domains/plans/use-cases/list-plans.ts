import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import { AppError } from '../../../http/errors.js';
import type { Role } from '../../accounts/schema.js';
import { plans } from '../schema.js';
import type { PlanSummary } from '../../../../common/schemas/plans.js';
import { type PlanRow, summaryOf } from './shared.js';

/** True when the role may see the plan: members see all plans, others only non-drafts. */
export function canSeePlan(plan: PlanRow, role: Role | null): boolean {
  return role !== null || plan.status !== 'ontwerp';
}

/** The plans of a region the caller may see, newest first. */
export async function listPlans(db: Db, region: RegionRow, role: Role | null): Promise<PlanSummary[]> {
  const rows = await db.select().from(plans).where(eq(plans.regionId, region.id)).orderBy(desc(plans.createdAt));
  return rows.filter((row) => canSeePlan(row, role)).map(summaryOf);
}

/** Loads a plan of the region the caller may see, or fails with 404 (drafts stay invisible to outsiders). */
export async function loadPlan(db: Db, region: RegionRow, planId: string, role: Role | null): Promise<PlanRow> {
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(plans).where(and(eq(plans.id, planId), eq(plans.regionId, region.id)));
  if (!row || !canSeePlan(row, role)) throw new AppError('NOT_FOUND');
  return row;
}
