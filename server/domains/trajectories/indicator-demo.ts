import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../regions/schema.js';
import { planActions, planIndicators, plans } from '../plans/schema.js';
import { refreshOne } from '../plans/indicator-sources.js';

const LINKED = [
  { name: 'Aantal inburgeraars met een traject', sourceKey: 'trajectories.participants' },
  { name: 'Gebruik UiTPAS door inburgeraars', sourceKey: 'trajectories.uitpasUsed' },
];

/**
 * The Westhoek demo plan's coaching action (5) gets indicators that follow the trajectory figures
 * (decision 032), so the plan shows linked indicators with computed values. Idempotent.
 */
export async function seedIndicatorLinksDemo(db: Db): Promise<void> {
  const [region] = await db.select().from(regions).where(eq(regions.slug, 'westhoek'));
  if (!region) return;
  const [action] = await db
    .select({ id: planActions.id, planId: planActions.planId })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .where(and(eq(plans.regionId, region.id), like(plans.title, 'Demo: dynamisch actieplan%'), eq(planActions.number, '5')));
  if (!action) return;
  for (const [index, link] of LINKED.entries()) {
    const [existing] = await db.select({ id: planIndicators.id }).from(planIndicators).where(and(eq(planIndicators.actionId, action.id), eq(planIndicators.name, link.name)));
    if (existing) continue;
    const [indicator] = await db.insert(planIndicators).values({ planId: action.planId, actionId: action.id, name: link.name, unit: 'personen', sourceKey: link.sourceKey, position: 90 + index }).returning();
    await refreshOne(db, { id: indicator!.id, sourceKey: link.sourceKey }, region, new Date().toISOString().slice(0, 10));
  }
}
