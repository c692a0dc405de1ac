import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { users } from '../../accounts/schema.js';
import { planActionMerges, planVersions } from '../schema.js';
import type { PlanAction, PlanDetail, VersionCompare } from '../../../../common/schemas/plans.js';
import type { PlanRow } from './shared.js';
import { getPlanDetail } from './read-plan.js';
import { comparable } from './action-changes.js';

/** Freezes the current tree as a named version. */
export async function createVersion(db: Db, plan: PlanRow, name: string, userId: string) {
  const snapshot = await getPlanDetail(db, plan, null);
  const [row] = await db.insert(planVersions).values({ planId: plan.id, name, snapshot, createdBy: userId }).returning();
  if (!row) throw new Error('insert returned no row');
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), createdBy: userId };
}

/** The named versions of a plan, oldest first. */
export async function listVersions(db: Db, plan: PlanRow) {
  const rows = await db
    .select({ id: planVersions.id, name: planVersions.name, createdAt: planVersions.createdAt, createdBy: users.name })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.createdBy))
    .where(eq(planVersions.planId, plan.id))
    .orderBy(asc(planVersions.createdAt));
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy }));
}

async function snapshotOf(db: Db, plan: PlanRow, versionId: string): Promise<{ id: string; name: string; detail: PlanDetail }> {
  if (versionId === 'current') return { id: 'current', name: 'current', detail: await getPlanDetail(db, plan, null) };
  if (!/^[0-9a-f-]{36}$/i.test(versionId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(planVersions).where(and(eq(planVersions.id, versionId), eq(planVersions.planId, plan.id)));
  if (!row) throw new AppError('NOT_FOUND');
  return { id: row.id, name: row.name, detail: row.snapshot as PlanDetail };
}

interface Node {
  kind: 'goal' | 'objective' | 'action';
  id: string;
  code: string;
  title: string;
  parent: string | null;
  fields: Record<string, unknown>;
}

/** JSON with sorted keys: snapshots come back from jsonb with their keys reordered. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function nodesOf(detail: PlanDetail): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const addAction = (action: PlanAction, parent: string | null) =>
    nodes.set(action.id, { kind: 'action', id: action.id, code: action.number, title: action.title, parent, fields: comparable(action) });
  for (const goal of detail.goals) {
    nodes.set(goal.id, { kind: 'goal', id: goal.id, code: goal.code, title: goal.title, parent: null, fields: { code: goal.code, title: goal.title } });
    for (const objective of goal.objectives) {
      nodes.set(objective.id, { kind: 'objective', id: objective.id, code: objective.code, title: objective.title, parent: goal.id, fields: { code: objective.code, title: objective.title } });
      for (const action of objective.actions) addAction(action, objective.id);
    }
  }
  for (const action of detail.actions) addAction(action, null);
  return nodes;
}

/** Compares two versions ("current" is the live plan): what was added, removed, reworded and moved. */
export async function compareVersions(db: Db, plan: PlanRow, fromId: string, toId: string): Promise<VersionCompare> {
  const from = await snapshotOf(db, plan, fromId);
  const to = await snapshotOf(db, plan, toId);
  const before = nodesOf(from.detail);
  const after = nodesOf(to.detail);
  const label = (nodes: Map<string, Node>, id: string | null) => {
    const node = id ? nodes.get(id) : undefined;
    return node ? node.code : '';
  };
  const result: VersionCompare = { from: { id: from.id, name: from.name }, to: { id: to.id, name: to.name }, added: [], removed: [], reworded: [], moved: [], merged: [] };
  // A removed action that was merged into one that exists in the later version shows as merged.
  const mergedInto = new Map(
    (await db.select({ source: planActionMerges.sourceActionId, target: planActionMerges.targetActionId }).from(planActionMerges).where(eq(planActionMerges.planId, plan.id))).map(
      (row) => [row.source, row.target],
    ),
  );
  for (const node of after.values()) {
    const old = before.get(node.id);
    if (!old) {
      result.added.push({ kind: node.kind, id: node.id, code: node.code, title: node.title });
      continue;
    }
    const changed = Object.keys(node.fields).filter((key) => key !== 'objectiveId' && stable(node.fields[key]) !== stable(old.fields[key]));
    if (changed.length > 0) {
      result.reworded.push({
        kind: node.kind,
        id: node.id,
        code: node.code,
        title: node.title,
        fields: changed,
        before: Object.fromEntries(changed.map((key) => [key, old.fields[key]])),
        after: Object.fromEntries(changed.map((key) => [key, node.fields[key]])),
      });
    }
    if (old.parent !== node.parent) {
      result.moved.push({ kind: node.kind, id: node.id, code: node.code, title: node.title, from: label(before, old.parent), to: label(after, node.parent) });
    }
  }
  for (const node of before.values()) {
    if (after.has(node.id)) continue;
    const into = mergedInto.get(node.id);
    if (into && after.has(into)) result.merged.push({ kind: node.kind, id: node.id, code: node.code, title: node.title, to: label(after, into) });
    else result.removed.push({ kind: node.kind, id: node.id, code: node.code, title: node.title });
  }
  return result;
}
