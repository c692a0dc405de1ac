import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../accounts/schema.js';
import { planChanges } from '../schema.js';
import type { PlanRow } from './shared.js';

/** The change history of a plan (or of one action), newest first, with who made each change. */
export async function listChanges(db: Db, plan: PlanRow, actionId?: string) {
  const rows = await db
    .select({ change: planChanges, userName: users.name })
    .from(planChanges)
    .leftJoin(users, eq(users.id, planChanges.userId))
    .where(actionId ? and(eq(planChanges.planId, plan.id), eq(planChanges.actionId, actionId)) : eq(planChanges.planId, plan.id))
    .orderBy(desc(planChanges.createdAt))
    .limit(1000);
  return rows.map(({ change, userName }) => ({
    id: change.id,
    entityType: change.entityType,
    entityId: change.entityId,
    actionId: change.actionId,
    change: change.change,
    changes: change.changes,
    user: change.userId ? { id: change.userId, name: userName ?? '' } : null,
    proposalId: change.proposalId,
    createdAt: change.createdAt.toISOString(),
  }));
}
