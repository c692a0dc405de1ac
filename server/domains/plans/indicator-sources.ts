import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Db, DatabaseHandle } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { registerJobHandler, schedule } from '../../jobs/queue.js';
import { regions } from '../regions/schema.js';
import { planActions, planChanges, planIndicators, planMeasurements, plans } from './schema.js';
import { getAction } from './use-cases/read-plan.js';
import type { PlanRow } from './use-cases/shared.js';
import type { PlanAction } from '../../../common/schemas/plans.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';

/**
 * A figure another domain offers to plan indicators (decision 032). `compute` answers the region's
 * current value, or null when it is not available (a group under 5 people: never a small number).
 */
export interface IndicatorSource {
  key: string;
  /** Message catalog key of the label. */
  labelKey: string;
  compute: (db: Db, region: RegionRow) => Promise<number | null>;
}

const sources = new Map<string, IndicatorSource>();

/** Registers a figure that plan indicators can be linked to; a domain calls it when its module loads. */
export function registerIndicatorSource(source: IndicatorSource): void {
  sources.set(source.key, source);
}

/** The registered sources with their labels in the caller's language, in registration order. */
export function listIndicatorSources(t: TFunction): { key: string; label: string }[] {
  return [...sources.values()].map((source) => ({ key: source.key, label: t(source.labelKey) as string }));
}

/** The measurement's source text: the label in Dutch, the plan's language, marked as computed. */
function measurementSource(source: IndicatorSource): string {
  const t = translatorFor('nl');
  return t('plans.indicatorSources.measurementSource', { label: t(source.labelKey) }) as string;
}

/**
 * Computes a linked indicator's value and stores it with the time; a new available value that differs
 * from the latest measurement is also recorded as today's measurement, so the chart follows the figure.
 * Not available stays not available: no measurement, and the value null.
 */
export async function refreshOne(db: Db, indicator: { id: string; sourceKey: string | null }, region: RegionRow, today: string): Promise<void> {
  const source = indicator.sourceKey ? sources.get(indicator.sourceKey) : undefined;
  if (!source) return;
  const value = await source.compute(db, region);
  await db.transaction(async (tx) => {
    await tx
      .update(planIndicators)
      .set({ sourceValue: value === null ? null : String(value), sourceUpdatedAt: new Date() })
      .where(and(eq(planIndicators.id, indicator.id), eq(planIndicators.sourceKey, source.key)));
    if (value === null) return;
    const [latest] = await tx.select().from(planMeasurements).where(eq(planMeasurements.indicatorId, indicator.id)).orderBy(desc(planMeasurements.measuredOn), desc(planMeasurements.createdAt)).limit(1);
    if (latest && Number(latest.value) === value) return;
    const text = measurementSource(source);
    // One computed measurement a day: a second refresh on the same day replaces it.
    if (latest && latest.measuredOn === today && latest.source === text) await tx.update(planMeasurements).set({ value: String(value) }).where(eq(planMeasurements.id, latest.id));
    else await tx.insert(planMeasurements).values({ indicatorId: indicator.id, measuredOn: today, value: String(value), source: text, createdBy: null });
  });
}

const todayInBelgium = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

/**
 * Links an indicator to a source (or unlinks it with null) and computes its value at once. Bumps the
 * action's version: a stale version (someone else changed the action) answers 409 with the current action.
 */
export async function linkIndicatorSource(db: Db, region: RegionRow, plan: PlanRow, indicatorId: string, input: { sourceKey: string | null; version: number }, userId: string): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) throw new AppError('NOT_FOUND');
  if (input.sourceKey !== null && !sources.has(input.sourceKey)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'sourceKey', message: '@plans.indicatorSources.unknown' }]);
  const indicator = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(planIndicators).where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, plan.id)));
    if (!row) throw new AppError('NOT_FOUND');
    const [bumped] = await tx
      .update(planActions)
      .set({ version: sql`${planActions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(planActions.id, row.actionId), eq(planActions.version, input.version)))
      .returning({ id: planActions.id });
    if (!bumped) throw new AppError('CONFLICT', {}, undefined, { current: await getAction(tx, plan, row.actionId) });
    await tx.update(planIndicators).set({ sourceKey: input.sourceKey, sourceValue: null, sourceUpdatedAt: null }).where(eq(planIndicators.id, row.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'indicator', entityId: row.id, actionId: row.actionId, change: 'update', changes: { sourceKey: { before: row.sourceKey, after: input.sourceKey } }, userId });
    return row;
  });
  if (input.sourceKey) await refreshOne(db, { id: indicator.id, sourceKey: input.sourceKey }, region, todayInBelgium());
  return getAction(db, plan, indicator.actionId);
}

/** "Nu bijwerken": computes one linked indicator again; 400 when it is not linked. */
export async function refreshIndicatorSource(db: Db, region: RegionRow, plan: PlanRow, indicatorId: string): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(planIndicators).where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, plan.id)));
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.sourceKey) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'sourceKey', message: '@plans.indicatorSources.notLinked' }]);
  await refreshOne(db, row, region, todayInBelgium());
  return getAction(db, plan, row.actionId);
}

/** The daily job: every linked indicator of every plan that is not closed, each in its own region. Returns how many. */
export async function refreshAllIndicatorSources(database: DatabaseHandle, today = todayInBelgium()): Promise<number> {
  const db = database.db;
  const linked = await db
    .select({ id: planIndicators.id, sourceKey: planIndicators.sourceKey, regionId: plans.regionId })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .where(and(isNotNull(planIndicators.sourceKey), ne(plans.status, 'afgesloten')));
  if (!linked.length) return 0;
  const regionRows = await db.select().from(regions).where(inArray(regions.id, [...new Set(linked.map((row) => row.regionId))]));
  const byId = new Map(regionRows.map((region) => [region.id, region]));
  for (const row of linked) await refreshOne(db, row, byId.get(row.regionId)!, today);
  return linked.length;
}

export const INDICATOR_SOURCES_JOB = 'plans.indicator-sources';
registerJobHandler(INDICATOR_SOURCES_JOB, async ({ database }) => ({ refreshed: await refreshAllIndicatorSources(database) }));
// Daily: the figures behind plan indicators move by the week, not by the hour.
schedule(INDICATOR_SOURCES_JOB, 86_400);
