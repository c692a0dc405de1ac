// Co-financing per working year: budget, key, each cooperant's contribution, money received and still open.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordChange } from '../audit/service.js';
import { planFunding, plans } from '../plans/schema.js';
import { writeXlsx } from '../../tabular/index.js';
import { formatMoney } from '../../../common/format.js';
import type { TFunction } from 'i18next';
import { coopFinancingShares, coopFinancingYears, municipalityInhabitants, type FinancingKey } from './schema.js';
import { computeContributions } from './contributions.js';
import { listMembers } from './members.js';
import { assertUuid, conflict, type Executor } from './shared.js';
import type { FinancingYear, financingSharesInputSchema, financingYearInputSchema, financingYearUpdateSchema } from '../../../common/schemas/cooperative.js';

type YearRow = typeof coopFinancingYears.$inferSelect;

/** Inhabitants per municipality for a working year: the newest reference year not after it (else the oldest known). */
async function inhabitantsFor(db: Executor, nisCodes: readonly string[], year: number): Promise<{ counts: Map<string, number>; year: number | null; source: string | null }> {
  if (nisCodes.length === 0) return { counts: new Map(), year: null, source: null };
  const rows = await db
    .select()
    .from(municipalityInhabitants)
    .where(inArray(municipalityInhabitants.nisCode, [...nisCodes]))
    .orderBy(asc(municipalityInhabitants.year));
  if (rows.length === 0) return { counts: new Map(), year: null, source: null };
  const years = [...new Set(rows.map((row) => row.year))];
  const chosen = [...years].reverse().find((candidate) => candidate <= year) ?? years[0]!;
  const picked = rows.filter((row) => row.year === chosen);
  return { counts: new Map(picked.map((row) => [row.nisCode, row.inhabitants])), year: chosen, source: picked[0]?.source ?? null };
}

async function yearRow(db: Executor, regionId: string, yearId: string): Promise<YearRow> {
  assertUuid(yearId);
  const [row] = await db.select().from(coopFinancingYears).where(and(eq(coopFinancingYears.id, yearId), eq(coopFinancingYears.regionId, regionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** One working year with each cooperant's contribution by the year's key, what was received and what is open. */
export async function getFinancingYear(db: Executor, regionId: string, yearId: string): Promise<FinancingYear> {
  return presentYear(db, regionId, await yearRow(db, regionId, yearId));
}

async function presentYear(db: Executor, regionId: string, row: YearRow): Promise<FinancingYear> {
  const members = await listMembers(db, regionId);
  const shares = await db.select().from(coopFinancingShares).where(eq(coopFinancingShares.yearId, row.id));
  const shareBy = new Map(shares.map((share) => [share.memberId, share]));
  const inhabitants = await inhabitantsFor(db, members.map((member) => member.municipalityNis).filter((nis): nis is string => Boolean(nis)), row.year);
  const inputs = members.map((member) => ({
    memberId: member.id,
    inhabitants: member.municipalityNis ? (inhabitants.counts.get(member.municipalityNis) ?? null) : null,
    fixedCents: shareBy.get(member.id)?.fixedCents ?? 0,
  }));
  const computed = computeContributions(row.budgetCents, row.keyKind, inputs, { equal: row.weightEqual, inhabitants: row.weightInhabitants, fixed: row.weightFixed });
  const rows = members.map((member, index) => {
    const shareCents = computed.ok ? (computed.cents.get(member.id) ?? 0) : 0;
    const receivedCents = shareBy.get(member.id)?.receivedCents ?? 0;
    return {
      memberId: member.id,
      actorName: member.actorName,
      municipalityName: member.municipalityName,
      inhabitants: inputs[index]!.inhabitants,
      fixedCents: inputs[index]!.fixedCents,
      shareCents,
      sharePercent: row.budgetCents > 0 ? Math.round((shareCents / row.budgetCents) * 10000) / 100 : 0,
      receivedCents,
      receivedOn: shareBy.get(member.id)?.receivedOn ?? null,
      openCents: Math.max(0, shareCents - receivedCents),
    };
  });
  let linked: FinancingYear['planFunding'] = null;
  if (row.planFundingId) {
    const [funding] = await db
      .select({ id: planFunding.id, planId: planFunding.planId, planTitle: plans.title, label: planFunding.label, amountCents: planFunding.amountCents, year: planFunding.year })
      .from(planFunding)
      .innerJoin(plans, eq(plans.id, planFunding.planId))
      .where(and(eq(planFunding.id, row.planFundingId), eq(plans.regionId, regionId)));
    linked = funding ?? null;
  }
  return {
    id: row.id,
    year: row.year,
    budgetCents: row.budgetCents,
    keyKind: row.keyKind,
    weights: { equal: row.weightEqual, inhabitants: row.weightInhabitants, fixed: row.weightFixed },
    note: row.note,
    version: row.version,
    inhabitantsYear: inhabitants.year,
    inhabitantsSource: inhabitants.source,
    problem: computed.ok ? null : computed.problem,
    rows,
    totals: {
      shareCents: rows.reduce((sum, entry) => sum + entry.shareCents, 0),
      receivedCents: rows.reduce((sum, entry) => sum + entry.receivedCents, 0),
      openCents: rows.reduce((sum, entry) => sum + entry.openCents, 0),
    },
    planFunding: linked,
  };
}

/** The region's working years (newest first) and the plan funding lines they may link to. */
export async function listFinancingYears(db: Executor, regionId: string) {
  const years = await db
    .select({ id: coopFinancingYears.id, year: coopFinancingYears.year, budgetCents: coopFinancingYears.budgetCents })
    .from(coopFinancingYears)
    .where(eq(coopFinancingYears.regionId, regionId))
    .orderBy(desc(coopFinancingYears.year));
  const fundingOptions = await db
    .select({ id: planFunding.id, planTitle: plans.title, label: planFunding.label, amountCents: planFunding.amountCents, year: planFunding.year, fundingSource: planFunding.fundingSource })
    .from(planFunding)
    .innerJoin(plans, eq(plans.id, planFunding.planId))
    .where(eq(plans.regionId, regionId))
    .orderBy(asc(plans.title), asc(planFunding.position));
  return { years, fundingOptions };
}

async function assertFundingInRegion(db: Executor, regionId: string, fundingId: string | null): Promise<void> {
  if (!fundingId) return;
  const [row] = await db.select({ id: planFunding.id }).from(planFunding).innerJoin(plans, eq(plans.id, planFunding.planId)).where(and(eq(planFunding.id, fundingId), eq(plans.regionId, regionId)));
  if (!row) throw fieldError('planFundingId', 'cooperative.errors.fundingNotInRegion');
}

function assertWeights(keyKind: FinancingKey, weights: { equal: number; inhabitants: number; fixed: number }): void {
  if (keyKind === 'mix' && weights.equal + weights.inhabitants + weights.fixed <= 0) throw fieldError('weights', 'cooperative.errors.mixNeedsWeights');
}

/** Opens a working year with its budget and key. */
export async function createFinancingYear(db: Db, regionId: string, input: z.infer<typeof financingYearInputSchema>, userId: string): Promise<FinancingYear> {
  assertWeights(input.keyKind, input.weights);
  await assertFundingInRegion(db, regionId, input.planFundingId);
  const [existing] = await db.select({ id: coopFinancingYears.id }).from(coopFinancingYears).where(and(eq(coopFinancingYears.regionId, regionId), eq(coopFinancingYears.year, input.year)));
  if (existing) throw fieldError('year', 'cooperative.errors.yearExists');
  const [row] = await db
    .insert(coopFinancingYears)
    .values({
      regionId,
      year: input.year,
      budgetCents: input.budgetCents,
      keyKind: input.keyKind,
      weightEqual: input.weights.equal,
      weightInhabitants: input.weights.inhabitants,
      weightFixed: input.weights.fixed,
      planFundingId: input.planFundingId,
      note: input.note,
    })
    .returning();
  await recordChange(db, { regionId, userId, entityType: 'coop_financing_year', entityId: row!.id, action: 'create' });
  return presentYear(db, regionId, row!);
}

/** Changes a year's budget, key or plan link (optimistic version). */
export async function updateFinancingYear(db: Db, regionId: string, yearId: string, input: z.infer<typeof financingYearUpdateSchema>, userId: string): Promise<FinancingYear> {
  const before = await yearRow(db, regionId, yearId);
  assertWeights(input.keyKind, input.weights);
  await assertFundingInRegion(db, regionId, input.planFundingId);
  const [row] = await db
    .update(coopFinancingYears)
    .set({
      budgetCents: input.budgetCents,
      keyKind: input.keyKind,
      weightEqual: input.weights.equal,
      weightInhabitants: input.weights.inhabitants,
      weightFixed: input.weights.fixed,
      planFundingId: input.planFundingId,
      note: input.note,
      version: input.version + 1,
    })
    .where(and(eq(coopFinancingYears.id, yearId), eq(coopFinancingYears.version, input.version)))
    .returning();
  if (!row) throw conflict(await presentYear(db, regionId, before));
  await recordChange(db, {
    regionId,
    userId,
    entityType: 'coop_financing_year',
    entityId: yearId,
    action: 'update',
    changes: { budgetCents: { before: before.budgetCents, after: row.budgetCents }, keyKind: { before: before.keyKind, after: row.keyKind } },
  });
  return presentYear(db, regionId, row);
}

/** Writes the fixed table and the money received for a year, all rows in one transaction (the year's version guards it). */
export async function updateFinancingShares(db: Db, regionId: string, yearId: string, input: z.infer<typeof financingSharesInputSchema>, userId: string): Promise<FinancingYear> {
  const before = await yearRow(db, regionId, yearId);
  const members = new Set((await listMembers(db, regionId)).map((member) => member.id));
  const unknown = input.rows.findIndex((entry) => !members.has(entry.memberId));
  if (unknown >= 0) throw fieldError(`rows.${unknown}.memberId`, 'cooperative.errors.memberNotInRegion');
  await db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(coopFinancingYears)
      .set({ version: input.version + 1 })
      .where(and(eq(coopFinancingYears.id, yearId), eq(coopFinancingYears.version, input.version)))
      .returning();
    if (!bumped) throw conflict(await presentYear(tx, regionId, before));
    for (const entry of input.rows) {
      await tx
        .insert(coopFinancingShares)
        .values({ yearId, ...entry })
        .onConflictDoUpdate({ target: [coopFinancingShares.yearId, coopFinancingShares.memberId], set: { fixedCents: entry.fixedCents, receivedCents: entry.receivedCents, receivedOn: entry.receivedOn } });
    }
    await recordChange(tx, { regionId, userId, entityType: 'coop_financing_year', entityId: yearId, action: 'update', changes: { shares: { before: null, after: input.rows } } });
  });
  return getFinancingYear(db, regionId, yearId);
}

/** Each cooperant actor's share (0–1) of the year's co-financing by its key; empty when the year has no budget or key problem. For weighted votes. */
export async function cofinancingShares(db: Executor, regionId: string, year: number): Promise<Map<string, number>> {
  const [row] = await db.select().from(coopFinancingYears).where(and(eq(coopFinancingYears.regionId, regionId), eq(coopFinancingYears.year, year)));
  if (!row || row.budgetCents <= 0) return new Map();
  const presented = await presentYear(db, regionId, row);
  if (presented.problem) return new Map();
  const actorOf = new Map((await listMembers(db, regionId)).map((member) => [member.id, member.actorId]));
  return new Map(presented.rows.map((entry) => [actorOf.get(entry.memberId)!, entry.shareCents / row.budgetCents]));
}

/** The year's contribution table as an XLSX workbook (amounts as numbers in euro, plus a formatted column). */
export async function financingYearXlsx(year: FinancingYear, regionName: string, t: TFunction): Promise<Buffer> {
  const header = ['member', 'municipality', 'inhabitants', 'sharePercent', 'share', 'received', 'receivedOn', 'open'].map((key) => t(`cooperative.financing.columns.${key}`) as string);
  const euro = (cents: number) => cents / 100;
  const rows = year.rows.map((entry) => [
    entry.actorName,
    entry.municipalityName ?? '',
    entry.inhabitants ?? null,
    entry.sharePercent / 100,
    euro(entry.shareCents),
    euro(entry.receivedCents),
    entry.receivedOn ?? '',
    euro(entry.openCents),
  ]);
  const title = `${t('cooperative.financing.title') as string} ${year.year} — ${regionName}`;
  const total = [t('cooperative.financing.total') as string, '', null, 1, euro(year.totals.shareCents), euro(year.totals.receivedCents), '', euro(year.totals.openCents)];
  const keyLine = `${t('cooperative.financing.keyLabel') as string}: ${t(`cooperative.financing.keys.${year.keyKind}`) as string} · ${t('cooperative.financing.budget') as string}: ${formatMoney(year.budgetCents)}`;
  return writeXlsx(
    [
      {
        name: String(year.year),
        rows: [[title], [keyLine], header, ...rows, total],
        boldRows: [1, 3, rows.length + 4],
        widths: [36, 22, 12, 10, 14, 14, 14, 14],
        numberFormats: { 4: '0.00%', 5: '#,##0.00 €', 6: '#,##0.00 €', 8: '#,##0.00 €' },
        frozen: { rows: 3 },
      },
    ],
    { title },
  );
}
