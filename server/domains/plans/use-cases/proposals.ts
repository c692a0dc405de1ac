import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { users } from '../../accounts/schema.js';
import { planActions, planChangeProposals } from '../schema.js';
import type { ActionChanges } from '../../../../common/schemas/plans.js';
import type { PlanRow, Executor } from './shared.js';
import { getAction } from './read-plan.js';
import { updateAction } from './update-action.js';

function proposalOut(row: typeof planChangeProposals.$inferSelect, action: { number: string; title: string } | undefined, names: Map<string, string>) {
  return {
    id: row.id,
    actionId: row.actionId,
    actionNumber: action?.number ?? '',
    actionTitle: action?.title ?? '',
    baseVersion: row.baseVersion,
    changes: row.changes,
    reason: row.reason,
    status: row.status,
    proposedBy: row.proposedBy ? (names.get(row.proposedBy) ?? null) : null,
    decidedBy: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
    decisionComment: row.decisionComment,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function proposalsWithNames(db: Executor, rows: (typeof planChangeProposals.$inferSelect)[]) {
  const userIds = [...new Set(rows.flatMap((row) => [row.proposedBy, row.decidedBy]).filter((value): value is string => Boolean(value)))];
  const names = new Map((userIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : []).map((row) => [row.id, row.name]));
  const actionIds = [...new Set(rows.map((row) => row.actionId))];
  const actionRows = actionIds.length ? await db.select({ id: planActions.id, number: planActions.number, title: planActions.title }).from(planActions).where(inArray(planActions.id, actionIds)) : [];
  const byId = new Map(actionRows.map((row) => [row.id, row]));
  return rows.map((row) => proposalOut(row, byId.get(row.actionId), names));
}

/** Proposes a change to an action of an approved plan; it waits for the steering group. */
export async function createProposal(db: Db, plan: PlanRow, actionId: string, changes: ActionChanges, reason: string, userId: string) {
  if (plan.status === 'ontwerp') throw new AppError('PROPOSAL_NOT_NEEDED');
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  const action = await getAction(db, plan, actionId);
  const [row] = await db
    .insert(planChangeProposals)
    .values({ planId: plan.id, actionId, baseVersion: action.version, changes: changes as Record<string, unknown>, reason, proposedBy: userId })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return (await proposalsWithNames(db, [row]))[0]!;
}

/** The change proposals of a plan, newest first. */
export async function listProposals(db: Db, plan: PlanRow) {
  const rows = await db.select().from(planChangeProposals).where(eq(planChangeProposals.planId, plan.id)).orderBy(desc(planChangeProposals.createdAt));
  return proposalsWithNames(db, rows);
}

/**
 * A steering member approves or rejects an open proposal. Approval applies the change against the
 * action version it was made on: if the action changed since, the decision fails with CONFLICT.
 */
export async function decideProposal(db: Db, plan: PlanRow, proposalId: string, decision: 'goedgekeurd' | 'afgewezen', comment: string, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(planChangeProposals).where(and(eq(planChangeProposals.id, proposalId), eq(planChangeProposals.planId, plan.id)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'open') throw new AppError('PROPOSAL_DECIDED');
  const updated = await db.transaction(async (tx) => {
    const [decided] = await tx
      .update(planChangeProposals)
      .set({ status: decision, decidedBy: userId, decisionComment: comment, decidedAt: new Date() })
      .where(and(eq(planChangeProposals.id, row.id), eq(planChangeProposals.status, 'open')))
      .returning();
    if (!decided) throw new AppError('PROPOSAL_DECIDED');
    if (decision === 'goedgekeurd') {
      // Nested transaction = savepoint: the change and the decision commit together or not at all.
      await updateAction(tx as unknown as Db, plan, row.actionId, { ...(row.changes as ActionChanges), version: row.baseVersion }, userId, row.id);
    }
    return decided;
  });
  return (await proposalsWithNames(db, [updated]))[0]!;
}
