import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { planActions, planBudgetLines, planFunding, planGoals, planObjectives } from '../schema.js';
import type { BudgetOverview } from '../../../../common/schemas/plans.js';
import type { PlanRow } from './shared.js';
import { groupBy } from './read-plan.js';

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
