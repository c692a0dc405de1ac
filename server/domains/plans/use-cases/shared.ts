// What the plans use cases share: row types, the transaction type, the actor matcher and chunked inserts.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { actors } from '../../network/schema.js';
import { planActions, plans } from '../schema.js';
import { nameKey } from '../import/partners.js';
import type { PlanSummary } from '../../../../common/schemas/plans.js';

export type PlanRow = typeof plans.$inferSelect;

export type ActionRow = typeof planActions.$inferSelect;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Executor = Db | Tx;

/** Fields that may change directly on an approved plan (monitoring); everything else needs a proposal. */
export const MONITORING_FIELDS = new Set(['status', 'progress', 'milestones']);

/** The list form of a plan: id, title, kind, status and period. */
export function summaryOf(row: PlanRow): PlanSummary {
  return { id: row.id, title: row.title, kind: row.kind, status: row.status, period: { start: row.periodStart, end: row.periodEnd } };
}

interface ActorMatcher {
  match(name: string): string | null;
}

/** Links partner names to the region's actors by normalised name; ambiguous names stay unlinked. */
export async function actorMatcher(db: Executor, regionId: string): Promise<ActorMatcher> {
  const rows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.regionId, regionId));
  const byKey = new Map<string, string | null>();
  for (const row of rows) {
    const key = nameKey(row.name);
    // Two actors with the same name: ambiguous, leave the partner unlinked.
    byKey.set(key, byKey.has(key) ? null : row.id);
  }
  return { match: (name) => byKey.get(nameKey(name)) ?? null };
}

/** Inserts rows in chunks of 500, so a large plan stays within the bind-parameter limit. */
export async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < rows.length; index += 500) await insert(rows.slice(index, index + 500));
}
