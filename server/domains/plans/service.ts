import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import type { Role } from '../accounts/schema.js';
import { users } from '../accounts/schema.js';
import { actors } from '../network/schema.js';
import { createActor } from '../network/service.js';
import { regionMunicipalities } from '../regions/schema.js';
import { municipalities } from '../reference/schema.js';
import {
  planActionPartners,
  planActions,
  planBudgetLines,
  planChangeProposals,
  planActionMerges,
  planChanges,
  planFunding,
  planGoals,
  planIndicators,
  planMeasurements,
  planMilestones,
  planObjectives,
  plans,
  planVersions,
  type PlanFieldChanges,
} from './schema.js';
import { ACTION_STATUSES as ACTION_STATUS_VALUES } from './schema.js';
import { allActions, summarize, type ImportSummary, type ParsedAction, type ParsedPlan } from './import/types.js';
import { nameKey } from './import/partners.js';
import { mapSpreiding, type SpreidingGazetteer, type SpreidingMapping } from './spreiding/map-spreiding.js';
import { loadSpreidingGazetteer } from './spreiding/gazetteer.js';
import { loadPartnerSuggester } from './partner-suggestions/service.js';
import type {
  ActionChanges,
  ActionUpdate,
  BudgetOverview,
  ImportPreview,
  PlanAction,
  PlanDetail,
  PlanGoal,
  PlanSummary,
  PlanUpdate,
  SpreidingOverview,
  VersionCompare,
} from '../../../common/schemas/plans.js';
import { actorInputSchema, type ActorInput } from '../../../common/schemas/network.js';

export type PlanRow = typeof plans.$inferSelect;
type ActionRow = typeof planActions.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

const EDITOR_ROLES: readonly Role[] = ['admin', 'editor'];
/** Fields that may change directly on an approved plan (monitoring); everything else needs a proposal. */
const MONITORING_FIELDS = new Set(['status', 'progress', 'milestones']);

function summaryOf(row: PlanRow): PlanSummary {
  return { id: row.id, title: row.title, kind: row.kind, status: row.status, period: { start: row.periodStart, end: row.periodEnd } };
}

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

// ---------------------------------------------------------------------------------------------
// Import

interface ActorMatcher {
  match(name: string): string | null;
}

async function actorMatcher(db: Executor, regionId: string): Promise<ActorMatcher> {
  const rows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.regionId, regionId));
  const byKey = new Map<string, string | null>();
  for (const row of rows) {
    const key = nameKey(row.name);
    // Two actors with the same name: ambiguous, leave the partner unlinked.
    byKey.set(key, byKey.has(key) ? null : row.id);
  }
  return { match: (name) => byKey.get(nameKey(name)) ?? null };
}

function actionValues(planId: string, objectiveId: string | null, action: ParsedAction, position: number, spreiding: SpreidingMapping) {
  return {
    id: randomUUID(),
    planId,
    objectiveId,
    number: action.number,
    title: action.title,
    description: action.description,
    what: action.what,
    why: action.why,
    how: action.how,
    type: action.type,
    timingKind: action.timing?.kind ?? null,
    timingStart: action.timing?.start ?? null,
    timingEnd: action.timing?.end ?? null,
    timingLabel: action.timing?.label ?? '',
    timingNote: action.timing?.note ?? '',
    regierol: action.regierol,
    actorrol: action.actorrol,
    spreidingAll: action.spreiding.all || spreiding.all,
    spreidingText: action.spreiding.text,
    // "alle gemeenten" follows the region's membership, so no codes are stored for it.
    spreidingNis: spreiding.all ? [] : spreiding.nisCodes,
    spreidingUnmapped: spreiding.unmapped,
    results: action.results,
    crossRefs: action.crossRefs,
    responsible: action.responsible,
    budgetText: action.budgetText,
    partnersText: action.partnersText,
    status: ((ACTION_STATUS_VALUES as readonly string[]).includes(action.status.toLowerCase()) ? action.status.toLowerCase() : 'gepland') as ActionRow['status'],
    position,
  };
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let index = 0; index < rows.length; index += 500) await insert(rows.slice(index, index + 500));
}

/** The preview of an import: counts, warnings, the detected structure with partner link state, spreiding left unmapped and partner suggestions. */
export async function previewImport(db: Db, region: RegionRow, parsed: ParsedPlan): Promise<ImportPreview> {
  const [matcher, gazetteer, suggest] = await Promise.all([actorMatcher(db, region.id), loadSpreidingGazetteer(db, region.id), loadPartnerSuggester(db, region.id)]);
  const compact = (action: ParsedAction) => ({
    number: action.number,
    title: action.title,
    budgetCents: action.budgetLines.reduce((sum, line) => sum + line.amountCents, 0),
    partners: action.partners.map((name) => ({ name, linked: matcher.match(name) !== null })),
  });
  return {
    title: parsed.title,
    kind: parsed.kind,
    period: { start: parsed.periodStart, end: parsed.periodEnd },
    summary: summarize(parsed),
    goals: parsed.goals.map((goal) => ({
      code: goal.code,
      title: goal.title,
      objectives: goal.objectives.map((objective) => ({ code: objective.code, title: objective.title, actions: objective.actions.map(compact) })),
    })),
    actions: parsed.actions.map(compact),
    spreiding: spreidingPreview(parsed, gazetteer),
    partnerSuggestions: [...new Map(allActions(parsed).flatMap((action) => action.partners).filter((name) => matcher.match(name) === null).map((name) => [nameKey(name), name])).values()]
      .map((name) => ({ name, suggestions: suggest(name) }))
      .filter((item) => item.suggestions.length > 0),
  };
}

/** How the import maps the spreiding texts: actions placed on municipalities, and each text part that stayed unmapped with its actions. */
function spreidingPreview(parsed: ParsedPlan, gazetteer: SpreidingGazetteer): ImportPreview['spreiding'] {
  let mapped = 0;
  const unmapped = new Map<string, { text: string; actions: string[] }>();
  for (const action of allActions(parsed)) {
    const mapping = mapSpreiding(action.spreiding.text, gazetteer);
    if (mapping.all || mapping.nisCodes.length > 0) mapped += 1;
    for (const part of mapping.unmapped) {
      const entry = unmapped.get(part.toLocaleLowerCase('nl-BE')) ?? { text: part, actions: [] };
      entry.actions.push(action.number);
      unmapped.set(part.toLocaleLowerCase('nl-BE'), entry);
    }
  }
  return { mapped, unmapped: [...unmapped.values()] };
}

/**
 * Writes a parsed plan in one transaction (all or nothing): plan, goals, objectives, actions,
 * budget lines, partners linked to actors by name, milestones, indicators and funding.
 */
export async function importParsedPlan(
  db: Db,
  region: RegionRow,
  parsed: ParsedPlan,
  options: { userId: string | null; status?: PlanRow['status']; filename?: string },
): Promise<{ id: string; summary: ImportSummary }> {
  const summary = summarize(parsed);
  const id = await db.transaction(async (tx) => {
    const matcher = await actorMatcher(tx, region.id);
    const gazetteer = await loadSpreidingGazetteer(tx, region.id);
    const spreidingOf = (action: ParsedAction) => mapSpreiding(action.spreiding.text, gazetteer);
    const planId = randomUUID();
    await tx.insert(plans).values({
      id: planId,
      regionId: region.id,
      title: parsed.title,
      kind: parsed.kind,
      status: options.status ?? 'ontwerp',
      periodStart: parsed.periodStart,
      periodEnd: parsed.periodEnd,
      ownerId: options.userId,
      sourceFilename: options.filename ?? null,
    });
    const goalRows: (typeof planGoals.$inferInsert)[] = [];
    const objectiveRows: (typeof planObjectives.$inferInsert)[] = [];
    const actionRows: ReturnType<typeof actionValues>[] = [];
    let position = 0;
    parsed.goals.forEach((goal, goalIndex) => {
      const goalId = randomUUID();
      goalRows.push({ id: goalId, planId, code: goal.code, title: goal.title, position: goalIndex });
      goal.objectives.forEach((objective, objectiveIndex) => {
        const objectiveId = randomUUID();
        objectiveRows.push({
          id: objectiveId,
          planId,
          goalId,
          code: objective.code,
          title: objective.title,
          spreidingAll: objective.spreiding.all,
          spreidingText: objective.spreiding.text,
          crossRefs: objective.crossRefs,
          position: objectiveIndex,
        });
        for (const action of objective.actions) actionRows.push(actionValues(planId, objectiveId, action, position++, spreidingOf(action)));
      });
    });
    for (const action of parsed.actions) actionRows.push(actionValues(planId, null, action, position++, spreidingOf(action)));
    const parsedActions = allActions(parsed);

    const budgetRows: (typeof planBudgetLines.$inferInsert)[] = [];
    const partnerRows: (typeof planActionPartners.$inferInsert)[] = [];
    const milestoneRows: (typeof planMilestones.$inferInsert)[] = [];
    const indicatorRows: (typeof planIndicators.$inferInsert)[] = [];
    parsedActions.forEach((action, index) => {
      const actionId = actionRows[index]!.id;
      action.budgetLines.forEach((line, linePosition) =>
        budgetRows.push({
          planId,
          actionId,
          amountCents: line.amountCents,
          description: line.description,
          year: line.year,
          workingYear: line.workingYear,
          fundingSource: line.fundingSource,
          vatNote: line.vatNote,
          marker: line.marker,
          per: line.per,
          sourceText: line.sourceText,
          position: linePosition,
        }),
      );
      action.partners.forEach((name, partnerPosition) => partnerRows.push({ planId, actionId, actorId: matcher.match(name), name, position: partnerPosition }));
      action.milestones.forEach((milestone, milestonePosition) =>
        milestoneRows.push({
          planId,
          actionId,
          title: milestone.title,
          startDate: milestone.start,
          endDate: milestone.end,
          note: milestone.note,
          groupLabel: milestone.group,
          position: milestonePosition,
        }),
      );
      action.indicators.forEach((name, indicatorPosition) => indicatorRows.push({ planId, actionId, name, position: indicatorPosition }));
    });

    if (goalRows.length) await tx.insert(planGoals).values(goalRows);
    if (objectiveRows.length) await tx.insert(planObjectives).values(objectiveRows);
    await insertInChunks(actionRows, (chunk) => tx.insert(planActions).values(chunk));
    await insertInChunks(budgetRows, (chunk) => tx.insert(planBudgetLines).values(chunk));
    await insertInChunks(partnerRows, (chunk) => tx.insert(planActionPartners).values(chunk));
    await insertInChunks(milestoneRows, (chunk) => tx.insert(planMilestones).values(chunk));
    await insertInChunks(indicatorRows, (chunk) => tx.insert(planIndicators).values(chunk));
    if (parsed.funding.length) {
      await tx.insert(planFunding).values(parsed.funding.map((funding, fundingPosition) => ({ planId, ...funding, position: fundingPosition })));
    }
    const { warnings, ...counts } = summary;
    await tx.insert(planChanges).values({
      planId,
      entityType: 'plan',
      entityId: planId,
      change: 'import',
      changes: { import: { before: null, after: { filename: options.filename ?? null, ...counts, warnings: warnings.length } } },
      userId: options.userId,
    });
    return planId;
  });
  return { id, summary };
}

// ---------------------------------------------------------------------------------------------
// Reading

function actionProgress(action: { status: string; progress: number; milestones: { status: string }[] }): number {
  if (action.status === 'afgerond') return 100;
  const counted = action.milestones.filter((milestone) => milestone.status !== 'geschrapt');
  if (counted.length > 0) {
    const reached = counted.filter((milestone) => milestone.status === 'behaald').length;
    return Math.max(action.progress, Math.round((100 * reached) / counted.length));
  }
  return action.progress;
}

function rollUp(actions: PlanAction[]): number {
  const counted = actions.filter((action) => action.status !== 'geschrapt' && action.weight > 0);
  const weight = counted.reduce((sum, action) => sum + action.weight, 0);
  if (weight === 0) return 0;
  return Math.round(counted.reduce((sum, action) => sum + action.progress * action.weight, 0) / weight);
}

function toNumber(value: string | null): number | null {
  return value === null ? null : Number(value);
}

function actionOut(
  row: ActionRow,
  lines: (typeof planBudgetLines.$inferSelect)[],
  partners: (typeof planActionPartners.$inferSelect)[],
  milestones: (typeof planMilestones.$inferSelect)[],
  indicators: PlanAction['indicators'],
): PlanAction {
  const milestonesOut = milestones.map((m) => ({ id: m.id, title: m.title, startDate: m.startDate, endDate: m.endDate, status: m.status, note: m.note, group: m.groupLabel }));
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    number: row.number,
    title: row.title,
    description: row.description,
    what: row.what,
    why: row.why,
    how: row.how,
    type: (row.type as PlanAction['type']) ?? null,
    timing: row.timingKind
      ? { kind: row.timingKind as NonNullable<PlanAction['timing']>['kind'], start: row.timingStart, end: row.timingEnd, label: row.timingLabel, note: row.timingNote }
      : null,
    regierol: row.regierol,
    actorrol: row.actorrol,
    spreiding: { all: row.spreidingAll, text: row.spreidingText, nisCodes: row.spreidingNis, unmapped: row.spreidingUnmapped },
    results: row.results,
    crossRefs: row.crossRefs,
    responsible: row.responsible,
    budgetText: row.budgetText,
    partnersText: row.partnersText,
    status: row.status,
    progress: actionProgress({ status: row.status, progress: row.progress, milestones: milestonesOut }),
    weight: row.weight,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    budgetTotalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
    budgetLines: lines.map((line) => ({
      id: line.id,
      amountCents: line.amountCents,
      description: line.description,
      year: line.year,
      workingYear: line.workingYear,
      fundingSource: line.fundingSource as PlanAction['budgetLines'][number]['fundingSource'],
      cofinancingPartner: line.cofinancingPartner,
      vatNote: line.vatNote,
      marker: line.marker,
      per: line.per,
      sourceText: line.sourceText,
    })),
    partners: partners.map((partner) => ({ id: partner.id, actorId: partner.actorId, name: partner.name })),
    milestones: milestonesOut,
    indicators,
  };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Loads actions with their lists; `actionIds` limits the load to some actions. */
async function loadActions(db: Executor, planId: string, actionIds?: string[]): Promise<PlanAction[]> {
  const actionFilter = actionIds ? and(eq(planActions.planId, planId), inArray(planActions.id, actionIds)) : eq(planActions.planId, planId);
  const [rows, lines, partners, milestones, indicators] = await Promise.all([
    db.select().from(planActions).where(actionFilter).orderBy(asc(planActions.position)),
    db
      .select()
      .from(planBudgetLines)
      .where(actionIds ? and(eq(planBudgetLines.planId, planId), inArray(planBudgetLines.actionId, actionIds)) : eq(planBudgetLines.planId, planId))
      .orderBy(asc(planBudgetLines.position)),
    db
      .select()
      .from(planActionPartners)
      .where(actionIds ? and(eq(planActionPartners.planId, planId), inArray(planActionPartners.actionId, actionIds)) : eq(planActionPartners.planId, planId))
      .orderBy(asc(planActionPartners.position)),
    db
      .select()
      .from(planMilestones)
      .where(actionIds ? and(eq(planMilestones.planId, planId), inArray(planMilestones.actionId, actionIds)) : eq(planMilestones.planId, planId))
      .orderBy(asc(planMilestones.position)),
    db
      .select()
      .from(planIndicators)
      .where(actionIds ? and(eq(planIndicators.planId, planId), inArray(planIndicators.actionId, actionIds)) : eq(planIndicators.planId, planId))
      .orderBy(asc(planIndicators.position)),
  ]);
  const indicatorIds = indicators.map((indicator) => indicator.id);
  const measurements = indicatorIds.length
    ? await db.select().from(planMeasurements).where(inArray(planMeasurements.indicatorId, indicatorIds)).orderBy(asc(planMeasurements.measuredOn))
    : [];
  const linesBy = groupBy(lines, (line) => line.actionId);
  const partnersBy = groupBy(partners, (partner) => partner.actionId);
  const milestonesBy = groupBy(milestones, (milestone) => milestone.actionId);
  const measurementsBy = groupBy(measurements, (measurement) => measurement.indicatorId);
  const indicatorsBy = groupBy(
    indicators.map((indicator) => ({
      actionId: indicator.actionId,
      out: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        baseline: toNumber(indicator.baseline),
        target: toNumber(indicator.target),
        measurements: (measurementsBy.get(indicator.id) ?? []).map((m) => ({ id: m.id, measuredOn: m.measuredOn, value: Number(m.value), source: m.source })),
      },
    })),
    (entry) => entry.actionId,
  );
  return rows.map((row) =>
    actionOut(row, linesBy.get(row.id) ?? [], partnersBy.get(row.id) ?? [], milestonesBy.get(row.id) ?? [], (indicatorsBy.get(row.id) ?? []).map((entry) => entry.out)),
  );
}

/** The whole plan: goals → objectives → actions with budget, partners, milestones, indicators and progress. */
export async function getPlanDetail(db: Executor, plan: PlanRow, myRole: Role | null): Promise<PlanDetail> {
  const [goals, objectives, actions, funding] = await Promise.all([
    db.select().from(planGoals).where(eq(planGoals.planId, plan.id)).orderBy(asc(planGoals.position)),
    db.select().from(planObjectives).where(eq(planObjectives.planId, plan.id)).orderBy(asc(planObjectives.position)),
    loadActions(db, plan.id),
    db.select().from(planFunding).where(eq(planFunding.planId, plan.id)).orderBy(asc(planFunding.position)),
  ]);
  const actionsBy = groupBy(actions, (action) => action.objectiveId);
  const objectivesBy = groupBy(objectives, (objective) => objective.goalId);
  const goalsOut: PlanGoal[] = goals.map((goal) => {
    const objectivesOut = (objectivesBy.get(goal.id) ?? []).map((objective) => {
      const objectiveActions = actionsBy.get(objective.id) ?? [];
      return {
        id: objective.id,
        goalId: goal.id,
        code: objective.code,
        title: objective.title,
        spreiding: { all: objective.spreidingAll, text: objective.spreidingText, nisCodes: [] },
        crossRefs: objective.crossRefs,
        progress: rollUp(objectiveActions),
        budgetTotalCents: objectiveActions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
        actions: objectiveActions,
      };
    });
    const goalActions = objectivesOut.flatMap((objective) => objective.actions);
    return {
      id: goal.id,
      code: goal.code,
      title: goal.title,
      progress: rollUp(goalActions),
      budgetTotalCents: goalActions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
      objectives: objectivesOut,
    };
  });
  const loose = actionsBy.get(null) ?? [];
  return {
    ...summaryOf(plan),
    description: plan.description,
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
    myRole,
    progress: rollUp(actions),
    budgetTotalCents: actions.reduce((sum, action) => sum + action.budgetTotalCents, 0),
    goals: goalsOut,
    actions: loose,
    funding: funding.map((row) => ({
      id: row.id,
      label: row.label,
      fundingSource: row.fundingSource as PlanDetail['funding'][number]['fundingSource'],
      year: row.year,
      amountCents: row.amountCents,
      note: row.note,
    })),
  };
}

/** One action of the plan with its lists, or 404. */
export async function getAction(db: Executor, plan: PlanRow, actionId: string): Promise<PlanAction> {
  if (!/^[0-9a-f-]{36}$/i.test(actionId)) throw new AppError('NOT_FOUND');
  const [action] = await loadActions(db, plan.id, [actionId]);
  if (!action) throw new AppError('NOT_FOUND');
  return action;
}

// ---------------------------------------------------------------------------------------------
// Changes

/** What an action looks like for history and diffs: its editable fields, lists simplified. */
/** The fields of an action that its history and version comparison look at. */
export function comparable(action: PlanAction): Record<string, unknown> {
  return {
    title: action.title,
    number: action.number,
    objectiveId: action.objectiveId,
    description: action.description,
    what: action.what,
    why: action.why,
    how: action.how,
    type: action.type,
    timing: action.timing,
    regierol: action.regierol,
    actorrol: action.actorrol,
    spreiding: action.spreiding,
    results: action.results,
    crossRefs: action.crossRefs,
    responsible: action.responsible,
    status: action.status,
    progress: action.progress,
    weight: action.weight,
    budgetLines: action.budgetLines.map(({ id: _id, ...line }) => line),
    partners: action.partners.map(({ actorId, name }) => ({ actorId, name })),
    milestones: action.milestones.map(({ id: _id, ...milestone }) => milestone),
  };
}

/** Field-level before/after of two comparable records (only what differs). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): PlanFieldChanges {
  const changes: PlanFieldChanges = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

/** Checks who may change which fields: drafts by editors, approved plans only monitoring fields (the rest via proposals). */
export function assertMayEdit(plan: PlanRow, role: Role | null, changes: ActionChanges): void {
  if (!role || !EDITOR_ROLES.includes(role)) throw new AppError('FORBIDDEN');
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (plan.status === 'ontwerp') return;
  const fields = Object.keys(changes).filter((key) => changes[key as keyof ActionChanges] !== undefined);
  const content = fields.filter((field) => !MONITORING_FIELDS.has(field));
  if (content.length > 0) throw new AppError('PROPOSAL_REQUIRED', { fields: content.join(', ') });
}

/**
 * On approved plans a milestone list may only change its statuses (monitoring); new, removed,
 * renamed or re-dated milestones are content and need a proposal.
 */
export function assertMilestoneStatusesOnly(plan: PlanRow, current: PlanAction, changes: ActionChanges): void {
  if (plan.status === 'ontwerp' || !changes.milestones) return;
  const content = (list: { title: string; startDate: string | null; endDate: string | null; note: string; group: string }[]) =>
    JSON.stringify(list.map((m) => [m.title, m.startDate, m.endDate, m.note, m.group]));
  if (content(current.milestones) !== content(changes.milestones)) throw new AppError('PROPOSAL_REQUIRED', { fields: 'milestones' });
}

async function applyActionChanges(tx: Tx, plan: PlanRow, current: PlanAction, changes: ActionChanges, version: number): Promise<ActionRow> {
  if (changes.objectiveId) {
    const [objective] = await tx.select({ id: planObjectives.id }).from(planObjectives).where(and(eq(planObjectives.id, changes.objectiveId), eq(planObjectives.planId, plan.id)));
    if (!objective) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'objectiveId', message: '@validation.invalid' }]);
  }
  const set: Partial<typeof planActions.$inferInsert> = { version: version + 1, updatedAt: new Date() };
  const scalar = ['title', 'number', 'objectiveId', 'description', 'what', 'why', 'how', 'type', 'regierol', 'actorrol', 'results', 'crossRefs', 'responsible', 'status', 'progress', 'weight'] as const;
  for (const key of scalar) if (changes[key] !== undefined) (set as Record<string, unknown>)[key] = changes[key];
  if (changes.timing !== undefined) {
    set.timingKind = changes.timing?.kind ?? null;
    set.timingStart = changes.timing?.start ?? null;
    set.timingEnd = changes.timing?.end ?? null;
    set.timingLabel = changes.timing?.label ?? '';
    set.timingNote = changes.timing?.note ?? '';
  }
  if (changes.spreiding !== undefined) {
    set.spreidingAll = changes.spreiding.all;
    set.spreidingText = changes.spreiding.text;
    set.spreidingNis = changes.spreiding.nisCodes;
    // A changed text is mapped again; the codes the editor chose stay, the mapped ones are added.
    if (changes.spreiding.text !== current.spreiding.text) {
      const mapping = mapSpreiding(changes.spreiding.text, await loadSpreidingGazetteer(tx, plan.regionId));
      set.spreidingAll = changes.spreiding.all || mapping.all;
      set.spreidingNis = set.spreidingAll ? [] : [...new Set([...changes.spreiding.nisCodes, ...mapping.nisCodes])].sort();
      set.spreidingUnmapped = mapping.unmapped;
    }
  }
  const [updated] = await tx
    .update(planActions)
    .set(set)
    .where(and(eq(planActions.id, current.id), eq(planActions.planId, plan.id), eq(planActions.version, version)))
    .returning();
  if (!updated) throw new AppError('CONFLICT', {}, undefined, { current: await getAction(tx, plan, current.id) });

  if (changes.budgetLines) {
    await tx.delete(planBudgetLines).where(eq(planBudgetLines.actionId, current.id));
    if (changes.budgetLines.length) {
      await tx.insert(planBudgetLines).values(changes.budgetLines.map(({ id: _id, ...line }, position) => ({ ...line, planId: plan.id, actionId: current.id, position })));
    }
  }
  if (changes.partners) {
    const matcher = await actorMatcher(tx, plan.regionId);
    const actorIds = changes.partners.map((partner) => partner.actorId).filter((value): value is string => Boolean(value));
    const known = actorIds.length
      ? new Set((await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.regionId, plan.regionId), inArray(actors.id, actorIds)))).map((row) => row.id))
      : new Set<string>();
    await tx.delete(planActionPartners).where(eq(planActionPartners.actionId, current.id));
    if (changes.partners.length) {
      await tx.insert(planActionPartners).values(
        changes.partners.map((partner, position) => ({
          planId: plan.id,
          actionId: current.id,
          // An actor of another region is never linked; the name stays as text.
          actorId: partner.actorId && known.has(partner.actorId) ? partner.actorId : matcher.match(partner.name),
          name: partner.name,
          position,
        })),
      );
    }
  }
  if (changes.milestones) {
    for (const milestone of changes.milestones) {
      if (milestone.startDate && milestone.endDate && milestone.endDate < milestone.startDate) {
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'milestones', message: '@validation.invalid' }]);
      }
    }
    await tx.delete(planMilestones).where(eq(planMilestones.actionId, current.id));
    if (changes.milestones.length) {
      await tx.insert(planMilestones).values(
        changes.milestones.map(({ id: _id, group, ...milestone }, position) => ({ ...milestone, groupLabel: group, planId: plan.id, actionId: current.id, position })),
      );
    }
  }
  return updated;
}

/**
 * Saves changes to one action. The caller's version must match the stored one: a concurrent
 * save gets 409 CONFLICT with the stored action in details.current, so nothing is overwritten.
 * Every changed field is recorded with before and after.
 */
export async function updateAction(
  db: Db,
  plan: PlanRow,
  actionId: string,
  input: ActionUpdate,
  userId: string,
  proposalId: string | null = null,
): Promise<PlanAction> {
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const current = await getAction(tx, plan, actionId);
    await applyActionChanges(tx, plan, current, changes, version);
    const after = await getAction(tx, plan, actionId);
    const fieldChanges = diff(comparable(current), comparable(after));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: actionId, actionId, change: 'update', changes: fieldChanges, userId, proposalId });
    await tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, plan.id));
    return after;
  });
}

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

// ---------------------------------------------------------------------------------------------
// Versions

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

// ---------------------------------------------------------------------------------------------
// Change proposals

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

// ---------------------------------------------------------------------------------------------
// Indicators and measurements

interface IndicatorInput {
  name?: string;
  unit?: string;
  baseline?: number | null;
  target?: number | null;
}

/** Adds an indicator to an action (monitoring: allowed on approved plans too). */
export async function createIndicator(db: Db, plan: PlanRow, actionId: string, input: Required<IndicatorInput>, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  const action = await getAction(db, plan, actionId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planIndicators)
      .values({ planId: plan.id, actionId: action.id, name: input.name, unit: input.unit, baseline: input.baseline?.toString() ?? null, target: input.target?.toString() ?? null, position: action.indicators.length })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'indicator', entityId: row.id, actionId: action.id, change: 'create', changes: { indicator: { before: null, after: input } }, userId });
    return (await getAction(tx, plan, action.id)).indicators.find((indicator) => indicator.id === row.id)!;
  });
}

async function loadIndicator(db: Executor, plan: PlanRow, indicatorId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(indicatorId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(planIndicators).where(and(eq(planIndicators.id, indicatorId), eq(planIndicators.planId, plan.id)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Changes an indicator's name, unit, baseline or target, recording before and after. */
export async function updateIndicator(db: Db, plan: PlanRow, indicatorId: string, input: IndicatorInput, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  return db.transaction(async (tx) => {
    const row = await loadIndicator(tx, plan, indicatorId);
    const before = { name: row.name, unit: row.unit, baseline: toNumber(row.baseline), target: toNumber(row.target) };
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
    await tx
      .update(planIndicators)
      .set({ name: after.name, unit: after.unit, baseline: after.baseline?.toString() ?? null, target: after.target?.toString() ?? null })
      .where(eq(planIndicators.id, row.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'indicator', entityId: row.id, actionId: row.actionId, change: 'update', changes: diff(before, after), userId });
    return (await getAction(tx, plan, row.actionId)).indicators.find((indicator) => indicator.id === row.id)!;
  });
}

/** Records a dated measurement of an indicator with its source. */
export async function addMeasurement(db: Db, plan: PlanRow, indicatorId: string, input: { measuredOn: string; value: number; source: string }, userId: string) {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  return db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, plan, indicatorId);
    const [row] = await tx.insert(planMeasurements).values({ indicatorId: indicator.id, measuredOn: input.measuredOn, value: String(input.value), source: input.source, createdBy: userId }).returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'measurement', entityId: row.id, actionId: indicator.actionId, change: 'create', changes: { measurement: { before: null, after: input } }, userId });
    return (await getAction(tx, plan, indicator.actionId)).indicators.find((candidate) => candidate.id === indicator.id)!;
  });
}

// ---------------------------------------------------------------------------------------------
// Spreiding and partners

/**
 * How many actions reach each municipality of the region ("alle gemeenten" reaches all); unreached ones
 * flagged, and the actions whose spreiding text has parts that name no municipality, with those parts.
 */
export async function spreidingOverview(db: Db, plan: PlanRow): Promise<SpreidingOverview> {
  const [members, rows, gazetteer] = await Promise.all([
    db
      .select({ nisCode: municipalities.nisCode, name: municipalities.name })
      .from(regionMunicipalities)
      .innerJoin(municipalities, eq(municipalities.nisCode, regionMunicipalities.nisCode))
      .where(eq(regionMunicipalities.regionId, plan.regionId))
      .orderBy(asc(municipalities.name)),
    db
      .select({
        id: planActions.id,
        number: planActions.number,
        title: planActions.title,
        all: planActions.spreidingAll,
        nis: planActions.spreidingNis,
        text: planActions.spreidingText,
        unmapped: planActions.spreidingUnmapped,
        objectiveAll: planObjectives.spreidingAll,
        objectiveText: planObjectives.spreidingText,
        status: planActions.status,
      })
      .from(planActions)
      .leftJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
      .where(eq(planActions.planId, plan.id))
      .orderBy(asc(planActions.position)),
    loadSpreidingGazetteer(db, plan.regionId),
  ]);
  const counted = rows.filter((row) => row.status !== 'geschrapt');
  const regionCodes = new Set(members.map((member) => member.nisCode));
  let unplaced = 0;
  const reach = new Map<string, number>();
  const unmappedTexts: SpreidingOverview['unmappedTexts'] = [];
  for (const row of counted) {
    // Rows stored before the mapper (migration 0032) and objective-level spreiding are mapped as read.
    const legacy = !row.all && row.nis.length === 0 && row.unmapped.length === 0 && row.text ? mapSpreiding(row.text, gazetteer) : null;
    const inherited = !row.text && row.nis.length === 0 ? mapSpreiding(row.objectiveText ?? '', gazetteer) : null;
    const all = row.all || legacy?.all || (!row.text && row.nis.length === 0 && (row.objectiveAll === true || inherited?.all === true));
    const codes = all ? [...regionCodes] : [...new Set([...row.nis, ...(legacy?.nisCodes ?? []), ...(inherited?.nisCodes ?? [])])].filter((code) => regionCodes.has(code));
    const unmapped = legacy ? legacy.unmapped : row.unmapped;
    if (codes.length === 0 && row.text) unplaced += 1;
    if (unmapped.length > 0) unmappedTexts.push({ actionId: row.id, number: row.number, title: row.title, text: row.text, unmapped });
    for (const code of codes) reach.set(code, (reach.get(code) ?? 0) + 1);
  }
  const list = members.map((member) => ({ ...member, actions: reach.get(member.nisCode) ?? 0 }));
  return { municipalities: list, unreached: list.filter((member) => member.actions === 0).map(({ nisCode, name }) => ({ nisCode, name })), unplaced, unmappedTexts };
}

/** Which partners take part in which actions of the region's plans the caller may see; `actorId` narrows to one actor. */
export async function partnerOverview(db: Db, region: RegionRow, role: Role | null, actorId?: string) {
  const conditions = [eq(plans.regionId, region.id)];
  if (actorId) conditions.push(eq(planActionPartners.actorId, actorId));
  const rows = await db
    .select({
      actorId: planActionPartners.actorId,
      actorPublic: actors.isPublic,
      name: planActionPartners.name,
      planId: plans.id,
      planTitle: plans.title,
      planStatus: plans.status,
      actionId: planActions.id,
      number: planActions.number,
      title: planActions.title,
    })
    .from(planActionPartners)
    .innerJoin(plans, eq(plans.id, planActionPartners.planId))
    .innerJoin(planActions, eq(planActions.id, planActionPartners.actionId))
    .leftJoin(actors, eq(actors.id, planActionPartners.actorId))
    .where(and(...conditions))
    .orderBy(asc(planActionPartners.name), asc(planActions.position));
  const groups = new Map<string, { actorId: string | null; name: string; actions: { planId: string; planTitle: string; actionId: string; number: string; title: string }[] }>();
  for (const row of rows) {
    if (role === null && row.planStatus === 'ontwerp') continue;
    // Visitors do not learn that a name is linked to a hidden profile, nor which plans a hidden actor is in.
    const hidden = role === null && row.actorId !== null && row.actorPublic !== true;
    if (hidden && actorId) continue;
    const linkedId = hidden ? null : row.actorId;
    const key = linkedId ?? `name:${nameKey(row.name)}`;
    const group = groups.get(key) ?? { actorId: linkedId, name: row.name, actions: [] };
    group.actions.push({ planId: row.planId, planTitle: row.planTitle, actionId: row.actionId, number: row.number, title: row.title });
    groups.set(key, group);
  }
  return { items: [...groups.values()] };
}

/**
 * Links a partner name of an action to an actor of the region's network map (or unlinks it with null).
 * Allowed on approved plans too: the name stays as written, only the link changes. Bumps the
 * action's version so a concurrent edit of the partner list gets a conflict instead of undoing it.
 */
export async function linkPartner(db: Db, plan: PlanRow, partnerId: string, actorId: string | null, userId: string, createdActor = false): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(partnerId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [partner] = await tx.select().from(planActionPartners).where(and(eq(planActionPartners.id, partnerId), eq(planActionPartners.planId, plan.id)));
    if (!partner) throw new AppError('NOT_FOUND');
    if (actorId) {
      const [actor] = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), eq(actors.regionId, plan.regionId)));
      if (!actor) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'actorId', message: '@validation.invalid' }]);
    }
    await tx.update(planActionPartners).set({ actorId }).where(eq(planActionPartners.id, partner.id));
    const [action] = await tx
      .update(planActions)
      .set({ version: sql`${planActions.version} + 1`, updatedAt: new Date() })
      .where(eq(planActions.id, partner.actionId))
      .returning({ id: planActions.id });
    await tx.insert(planChanges).values({
      planId: plan.id,
      entityType: 'action',
      entityId: partner.actionId,
      actionId: partner.actionId,
      change: 'update',
      changes: {
        [`partner:${partner.name}`]: { before: partner.actorId, after: actorId },
        ...(createdActor ? { [`actorCreated:${partner.name}`]: { before: null, after: actorId } } : {}),
      },
      userId,
    });
    return getAction(tx, plan, action!.id);
  });
}

/**
 * Turns an unlinked partner name into a new actor of the region's network map (admins) and links it.
 * The actor gets the name as written plus the kind, sectors and municipality given; the network map
 * records the creation in its own audit, the plan history records the link with an `actorCreated:NAME` entry.
 */
export async function createPartnerActor(
  db: Db,
  plan: PlanRow,
  partnerId: string,
  input: Pick<ActorInput, 'kind' | 'sectors' | 'municipality'>,
  userId: string,
): Promise<PlanAction> {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (!/^[0-9a-f-]{36}$/i.test(partnerId)) throw new AppError('NOT_FOUND');
  const [partner] = await db.select().from(planActionPartners).where(and(eq(planActionPartners.id, partnerId), eq(planActionPartners.planId, plan.id)));
  if (!partner) throw new AppError('NOT_FOUND');
  if (partner.actorId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'partnerId', message: '@validation.invalid' }]);
  const name = partner.name.trim();
  if (name.length < 2) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'name', message: '@validation.invalid' }]);
  const actorId = await createActor(db, plan.regionId, actorInputSchema.parse({ name: name.slice(0, 200), kind: input.kind, sectors: input.sectors, municipality: input.municipality }), userId);
  return linkPartner(db, plan, partnerId, actorId, userId, true);
}

// ---------------------------------------------------------------------------------------------
// Structure: goals, objectives, new and removed actions (drafts only; approved plans change through proposals)

/** Structure changes (new, removed, merged actions) are for drafts; approved plans change through proposals. */
export function assertDraft(plan: PlanRow): void {
  if (plan.status === 'afgesloten') throw new AppError('PLAN_CLOSED');
  if (plan.status !== 'ontwerp') throw new AppError('PROPOSAL_REQUIRED', { fields: 'structuur' });
}

async function goalOf(tx: Executor, plan: PlanRow, goalId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(goalId)) throw new AppError('NOT_FOUND');
  const [goal] = await tx.select().from(planGoals).where(and(eq(planGoals.id, goalId), eq(planGoals.planId, plan.id)));
  if (!goal) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'goalId', message: '@validation.invalid' }]);
  return goal;
}

/** Adds a strategic goal (SD) at the end of a draft plan. */
export async function createGoal(db: Db, plan: PlanRow, input: { code: string; title: string }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: planGoals.id }).from(planGoals).where(eq(planGoals.planId, plan.id));
    const [goal] = await tx.insert(planGoals).values({ planId: plan.id, code: input.code, title: input.title, position: existing.length }).returning();
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'goal', entityId: goal!.id, change: 'create', changes: { goal: { before: null, after: input } }, userId });
    return { id: goal!.id, code: goal!.code, title: goal!.title };
  });
}

/** Renames, renumbers or reorders a goal of a draft plan. */
export async function updateGoal(db: Db, plan: PlanRow, goalId: string, input: { code?: string; title?: string; position?: number }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const goal = await goalOf(tx, plan, goalId);
    const after = { code: input.code ?? goal.code, title: input.title ?? goal.title, position: input.position ?? goal.position };
    await tx.update(planGoals).set(after).where(eq(planGoals.id, goal.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'goal', entityId: goal.id, change: 'update', changes: diff({ code: goal.code, title: goal.title, position: goal.position }, after), userId });
    return { id: goal.id, code: after.code, title: after.title };
  });
}

/** Adds an operational goal (OD) under a goal of a draft plan. */
export async function createObjective(db: Db, plan: PlanRow, input: { goalId: string; code: string; title: string }, userId: string) {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const goal = await goalOf(tx, plan, input.goalId);
    const siblings = await tx.select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.goalId, goal.id));
    const [objective] = await tx.insert(planObjectives).values({ planId: plan.id, goalId: goal.id, code: input.code, title: input.title, position: siblings.length }).returning();
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'objective', entityId: objective!.id, change: 'create', changes: { objective: { before: null, after: input } }, userId });
    return { id: objective!.id, code: objective!.code, title: objective!.title };
  });
}

/** Renames, renumbers or moves an objective to another goal ("Naar SD 2") in a draft plan. */
export async function updateObjective(db: Db, plan: PlanRow, objectiveId: string, input: { goalId?: string; code?: string; title?: string; position?: number }, userId: string) {
  assertDraft(plan);
  if (!/^[0-9a-f-]{36}$/i.test(objectiveId)) throw new AppError('NOT_FOUND');
  return db.transaction(async (tx) => {
    const [objective] = await tx.select().from(planObjectives).where(and(eq(planObjectives.id, objectiveId), eq(planObjectives.planId, plan.id)));
    if (!objective) throw new AppError('NOT_FOUND');
    if (input.goalId) await goalOf(tx, plan, input.goalId);
    const before = { goalId: objective.goalId, code: objective.code, title: objective.title, position: objective.position };
    const after = { goalId: input.goalId ?? objective.goalId, code: input.code ?? objective.code, title: input.title ?? objective.title, position: input.position ?? objective.position };
    await tx.update(planObjectives).set(after).where(eq(planObjectives.id, objective.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'objective', entityId: objective.id, change: 'update', changes: diff(before, after), userId });
    return { id: objective.id, code: after.code, title: after.title };
  });
}

/** Adds an action to a draft plan (under an objective, or loose), numbered after the last one unless a number is given. */
export async function createAction(db: Db, plan: PlanRow, input: ActionChanges & { title: string }, userId: string): Promise<PlanAction> {
  assertDraft(plan);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ number: planActions.number, position: planActions.position }).from(planActions).where(eq(planActions.planId, plan.id));
    const highest = existing.reduce((max, row) => Math.max(max, Number.parseInt(row.number, 10) || 0), 0);
    const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
    const id = randomUUID();
    await tx.insert(planActions).values({ id, planId: plan.id, objectiveId: null, number: input.number ?? String(highest + 1), title: input.title, position });
    const created = await getAction(tx, plan, id);
    const { title: _title, number: _number, ...rest } = input;
    if (Object.values(rest).some((value) => value !== undefined)) await applyActionChanges(tx, plan, created, rest, created.version);
    const after = await getAction(tx, plan, id);
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: id, actionId: id, change: 'create', changes: diff({}, comparable(after)), userId });
    return after;
  });
}

/** Removes an action from a draft plan; its last state stays in the history. */
export async function deleteAction(db: Db, plan: PlanRow, actionId: string, userId: string): Promise<void> {
  assertDraft(plan);
  await db.transaction(async (tx) => {
    const current = await getAction(tx, plan, actionId);
    await tx.delete(planActions).where(eq(planActions.id, current.id));
    await tx.insert(planChanges).values({ planId: plan.id, entityType: 'action', entityId: current.id, actionId: current.id, change: 'delete', changes: { action: { before: comparable(current), after: null } }, userId });
  });
}

/** A part of a whole in percent with two decimals (0 when the whole is 0). */
function sharePercent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((10000 * part) / whole) / 100;
}

/** The budget overview straight from goals, objectives, actions and budget lines (no milestones, partners or indicators loaded). */
export async function planBudgetOverview(db: Db, plan: PlanRow): Promise<BudgetOverview> {
  const [goals, objectives, actionRows, lines, funding] = await Promise.all([
    db.select().from(planGoals).where(eq(planGoals.planId, plan.id)).orderBy(asc(planGoals.position)),
    db.select().from(planObjectives).where(eq(planObjectives.planId, plan.id)).orderBy(asc(planObjectives.position)),
    db
      .select({ id: planActions.id, objectiveId: planActions.objectiveId, number: planActions.number, title: planActions.title })
      .from(planActions)
      .where(eq(planActions.planId, plan.id))
      .orderBy(asc(planActions.position)),
    db
      .select({ actionId: planBudgetLines.actionId, amountCents: planBudgetLines.amountCents, year: planBudgetLines.year, workingYear: planBudgetLines.workingYear, fundingSource: planBudgetLines.fundingSource })
      .from(planBudgetLines)
      .where(eq(planBudgetLines.planId, plan.id)),
    db.select().from(planFunding).where(eq(planFunding.planId, plan.id)).orderBy(asc(planFunding.position)),
  ]);
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.actionId, (totals.get(line.actionId) ?? 0) + line.amountCents);
  const actionsBy = groupBy(actionRows, (action) => action.objectiveId);
  const objectiveTotal = (objectiveId: string) => (actionsBy.get(objectiveId) ?? []).reduce((sum, action) => sum + (totals.get(action.id) ?? 0), 0);
  const objectivesBy = groupBy(objectives, (objective) => objective.goalId);
  const byYear = new Map<string, number>();
  const bySource = new Map<string, number>();
  for (const line of lines) {
    const label = line.workingYear !== null ? `werkjaar ${line.workingYear}` : line.year !== null ? String(line.year) : '';
    byYear.set(label, (byYear.get(label) ?? 0) + line.amountCents);
    bySource.set(line.fundingSource, (bySource.get(line.fundingSource) ?? 0) + line.amountCents);
  }
  const fundingTotal = funding.reduce((sum, row) => sum + row.amountCents, 0);
  const fundingBySource = new Map<string, number>();
  for (const row of funding) fundingBySource.set(row.fundingSource, (fundingBySource.get(row.fundingSource) ?? 0) + row.amountCents);
  type Source = BudgetOverview['bySource'][number]['source'];
  const linesTotal = lines.reduce((sum, line) => sum + line.amountCents, 0);
  return {
    totalCents: linesTotal,
    byGoal: goals.map((goal) => {
      const goalObjectives = (objectivesBy.get(goal.id) ?? []).map((objective) => ({ id: objective.id, code: objective.code, title: objective.title, totalCents: objectiveTotal(objective.id) }));
      return { id: goal.id, code: goal.code, title: goal.title, totalCents: goalObjectives.reduce((sum, objective) => sum + objective.totalCents, 0), objectives: goalObjectives };
    }),
    byAction: actionRows.map((action) => ({ id: action.id, number: action.number, title: action.title, totalCents: totals.get(action.id) ?? 0 })),
    byYear: [...byYear.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([label, totalCents]) => ({ label, totalCents })),
    bySource: [...bySource.entries()].map(([source, totalCents]) => ({ source: source as Source, totalCents, sharePercent: sharePercent(totalCents, linesTotal) })),
    funding: {
      totalCents: fundingTotal,
      bySource: [...fundingBySource.entries()].map(([source, totalCents]) => ({
        source: source as Source,
        totalCents,
        sharePercent: sharePercent(totalCents, fundingTotal),
      })),
    },
  };
}
