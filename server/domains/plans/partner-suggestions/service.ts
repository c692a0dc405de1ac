import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../http/errors.js';
import { actors } from '../../network/schema.js';
import { municipalities } from '../../reference/schema.js';
import { nameKey } from '../import/partners.js';
import { planActionPartners, planActions, planChanges } from '../schema.js';
import type { PlanRow } from '../service.js';
import { suggestActors, type ActorSuggestion, type SuggestionCandidate } from './suggest-actors.js';
import type { PartnerSuggestions } from '../../../../common/schemas/plans.js';

type Executor = Pick<Db, 'select'>;

/** The suggester for one region: its actors with their municipality and every municipality name. */
export async function loadPartnerSuggester(db: Executor, regionId: string): Promise<(name: string) => ActorSuggestion[]> {
  const [candidates, places] = await Promise.all([
    db
      .select({ id: actors.id, name: actors.name, municipality: municipalities.name })
      .from(actors)
      .leftJoin(municipalities, eq(municipalities.nisCode, actors.municipalityNis))
      .where(eq(actors.regionId, regionId)),
    db.select({ name: municipalities.name }).from(municipalities),
  ]);
  const list: SuggestionCandidate[] = candidates;
  const names = places.map((place) => place.name);
  return (name) => suggestActors(name, list, names);
}

/** The plan's unlinked partner names, each with its likely actors (members only: hidden actors are suggested too). */
export async function planPartnerSuggestions(db: Db, plan: PlanRow): Promise<PartnerSuggestions> {
  const rows = await db
    .select({ id: planActionPartners.id, name: planActionPartners.name })
    .from(planActionPartners)
    .where(and(eq(planActionPartners.planId, plan.id), isNull(planActionPartners.actorId)));
  const suggest = await loadPartnerSuggester(db, plan.regionId);
  const groups = new Map<string, PartnerSuggestions['items'][number]>();
  for (const row of rows) {
    const key = nameKey(row.name);
    const group = groups.get(key) ?? { name: row.name, partnerIds: [], suggestions: suggest(row.name) };
    group.partnerIds.push(row.id);
    groups.set(key, group);
  }
  return { items: [...groups.values()].filter((group) => group.suggestions.length > 0) };
}

/**
 * Links every unlinked occurrence of a partner name in the plan to the chosen actors. One actor takes
 * the existing row; each further actor (a plural such as "Bibliotheken") gets its own row in the same
 * action, under the name as written. Bumps each action's version and records the links in its history.
 */
export async function acceptPartnerSuggestion(db: Db, plan: PlanRow, input: { name: string; actorIds: string[] }, userId: string | null): Promise<{ linked: number }> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  const actorIds = [...new Set(input.actorIds)];
  return db.transaction(async (tx) => {
    const known = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.regionId, plan.regionId), inArray(actors.id, actorIds)));
    if (known.length !== actorIds.length) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'actorIds', message: '@validation.invalid' }]);
    const key = nameKey(input.name);
    const rows = (await tx.select().from(planActionPartners).where(and(eq(planActionPartners.planId, plan.id), isNull(planActionPartners.actorId)))).filter(
      (row) => nameKey(row.name) === key,
    );
    if (rows.length === 0) throw new AppError('NOT_FOUND');
    const [first, ...others] = actorIds as [string, ...string[]];
    for (const row of rows) {
      await tx.update(planActionPartners).set({ actorId: first }).where(eq(planActionPartners.id, row.id));
      if (others.length) await tx.insert(planActionPartners).values(others.map((actorId) => ({ planId: plan.id, actionId: row.actionId, actorId, name: row.name, position: row.position })));
    }
    const actionIds = [...new Set(rows.map((row) => row.actionId))];
    await tx
      .update(planActions)
      .set({ version: sql`${planActions.version} + 1`, updatedAt: new Date() })
      .where(inArray(planActions.id, actionIds));
    await tx.insert(planChanges).values(
      actionIds.map((actionId) => ({
        planId: plan.id,
        entityType: 'action',
        entityId: actionId,
        actionId,
        change: 'update' as const,
        changes: { [`partner:${input.name}`]: { before: null, after: actorIds } },
        userId,
      })),
    );
    return { linked: rows.length };
  });
}

/** Accepts every suggestion the suggester is confident about (all `high`); the demo seeding uses it. */
export async function acceptConfidentSuggestions(db: Db, plan: PlanRow, userId: string | null): Promise<number> {
  let linked = 0;
  for (const item of (await planPartnerSuggestions(db, plan)).items) {
    const confident = item.suggestions.filter((suggestion) => suggestion.confidence === 'high').map((suggestion) => suggestion.actorId);
    if (confident.length) linked += (await acceptPartnerSuggestion(db, plan, { name: item.name, actorIds: confident }, userId)).linked;
  }
  return linked;
}
