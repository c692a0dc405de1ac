import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.js';
import type { RegionRow } from '../../../http/access.js';
import { planActionPartners, planActions, planBudgetLines, planChanges, planFunding, planGoals, planIndicators, planMilestones, planObjectives, plans, ACTION_STATUSES as ACTION_STATUS_VALUES } from '../schema.js';
import { allActions, summarize, type ImportSummary, type ParsedAction, type ParsedPlan } from '../import/types.js';
import { nameKey } from '../import/partners.js';
import { mapSpreiding, type SpreidingGazetteer, type SpreidingMapping } from '../spreiding/map-spreiding.js';
import { loadSpreidingGazetteer } from '../spreiding/gazetteer.js';
import { loadPartnerSuggester } from '../partner-suggestions/service.js';
import type { ImportPreview } from '../../../../common/schemas/plans.js';
import { type PlanRow, type ActionRow, actorMatcher, insertInChunks } from './shared.js';

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
