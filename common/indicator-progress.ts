/**
 * Indicators against their targets: the series a chart draws and the status a summary shows.
 * Pure functions on ISO dates (yyyy-mm-dd), shared by the plan's indicator page and the action page.
 * The rule is documented in docs/plans.md ("Indicators: progress and status").
 */

export type IndicatorStatus = 'reached' | 'on-track' | 'behind' | 'unknown';

export interface MeasurementPoint {
  measuredOn: string;
  value: number;
  source: string;
}

export interface IndicatorValues {
  baseline: number | null;
  target: number | null;
  measurements: readonly MeasurementPoint[];
}

export interface PlanPeriodYears {
  start: number | null;
  end: number | null;
}

/** How far (in percentage points) progress may trail the expected progress and still count as on track. */
export const ON_TRACK_TOLERANCE = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch of an ISO date at midnight UTC. */
export function isoDateToTime(iso: string): number {
  const [year = 0, month = 1, day = 1] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/** The ISO date of a moment in Belgian time (the day a user in the region calls "today"). */
export function isoDateInBelgium(moment: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** The plan period as dates: 1 January of the first year, 31 December of the last year (the target date). */
export function periodDates(period: PlanPeriodYears): { startDate: string | null; targetDate: string | null } {
  return {
    startDate: period.start !== null ? `${period.start}-01-01` : null,
    targetDate: period.end !== null ? `${period.end}-12-31` : null,
  };
}

/** Measurements oldest first (same-day measurements keep their order). */
export function sortedMeasurements(measurements: readonly MeasurementPoint[]): MeasurementPoint[] {
  return measurements.map((measurement, index) => ({ measurement, index })).sort((a, b) => a.measurement.measuredOn.localeCompare(b.measurement.measuredOn) || a.index - b.index).map((entry) => entry.measurement);
}

export interface IndicatorSummary {
  latest: MeasurementPoint | null;
  /** The value progress is counted from: the baseline, else the first measurement. */
  startValue: number | null;
  /** The date progress is counted from: the plan's first day, else the first measurement's date. */
  startDate: string | null;
  targetDate: string | null;
  /** Share of the way from start value to target covered by the latest measurement (may be < 0 or > 100). */
  progressPercent: number | null;
  /** Share of the time from start date to target date passed at the latest measurement (0–100). */
  expectedPercent: number | null;
  status: IndicatorStatus;
}

/** Latest value, % of the way from baseline to target, and reached / on track / behind / unknown. */
export function summarizeIndicator(indicator: IndicatorValues, period: PlanPeriodYears): IndicatorSummary {
  const measurements = sortedMeasurements(indicator.measurements);
  const latest = measurements.at(-1) ?? null;
  const first = measurements[0];
  const dates = periodDates(period);
  // Without a baseline the first measurement is the reference, which needs a second one to show a change.
  const startValue = indicator.baseline ?? (measurements.length >= 2 && first ? first.value : null);
  const startDate = dates.startDate ?? first?.measuredOn ?? null;
  const targetDate = dates.targetDate;
  const summary: IndicatorSummary = { latest, startValue, startDate, targetDate, progressPercent: null, expectedPercent: null, status: 'unknown' };
  const target = indicator.target;
  if (latest === null || startValue === null || target === null) return summary;

  if (target === startValue) {
    // Nothing to gain, only to keep: reached while the latest value is at least the target.
    summary.progressPercent = latest.value >= target ? 100 : 0;
  } else {
    summary.progressPercent = Math.round((100 * (latest.value - startValue)) / (target - startValue));
  }
  if (startDate !== null && targetDate !== null && isoDateToTime(targetDate) > isoDateToTime(startDate)) {
    const share = (isoDateToTime(latest.measuredOn) - isoDateToTime(startDate)) / (isoDateToTime(targetDate) - isoDateToTime(startDate));
    summary.expectedPercent = Math.round(100 * Math.min(1, Math.max(0, share)));
  }

  if (summary.progressPercent >= 100) summary.status = 'reached';
  else if (summary.expectedPercent !== null) summary.status = summary.progressPercent >= summary.expectedPercent - ON_TRACK_TOLERANCE ? 'on-track' : 'behind';
  else summary.status = summary.progressPercent > 0 ? 'on-track' : 'behind';
  return summary;
}

export interface ChartPoint {
  date: string;
  value: number;
}

export interface IndicatorSeries {
  points: (ChartPoint & { source: string })[];
  /** The baseline drawn at the start date (the starting reference), when both are known. */
  baseline: ChartPoint | null;
  /** The target; date only when the plan has a period end. */
  target: { value: number; date: string | null } | null;
  /** The straight path from baseline to target by the target date: where "on track" is measured against. */
  expectedPath: [ChartPoint, ChartPoint] | null;
  today: string;
  xDomain: [string, string];
  yDomain: [number, number];
}

function addDays(iso: string, days: number): string {
  return new Date(isoDateToTime(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Everything a time chart of one indicator draws, with domains that hold every point, line and today. */
export function indicatorSeries(indicator: IndicatorValues, period: PlanPeriodYears, today: string): IndicatorSeries {
  const points = sortedMeasurements(indicator.measurements).map((m) => ({ date: m.measuredOn, value: m.value, source: m.source }));
  const { startDate, targetDate } = periodDates(period);
  const baselineDate = startDate ?? points[0]?.date ?? null;
  const baseline = indicator.baseline !== null && baselineDate !== null ? { date: baselineDate, value: indicator.baseline } : null;
  const target = indicator.target !== null ? { value: indicator.target, date: targetDate } : null;
  const expectedPath: [ChartPoint, ChartPoint] | null =
    baseline && target && target.date && isoDateToTime(target.date) > isoDateToTime(baseline.date) ? [baseline, { date: target.date, value: target.value }] : null;

  const dates = [today, ...points.map((p) => p.date), ...(baseline ? [baseline.date] : []), ...(target?.date ? [target.date] : [])].sort();
  let first = dates[0] ?? today;
  let last = dates.at(-1) ?? today;
  if (first === last) {
    first = addDays(first, -30);
    last = addDays(last, 30);
  }
  const values = [...points.map((p) => p.value), ...(indicator.baseline !== null ? [indicator.baseline] : []), ...(target ? [target.value] : [])];
  let low = values.length > 0 ? Math.min(...values) : 0;
  let high = values.length > 0 ? Math.max(...values) : 1;
  if (low === high) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  return { points, baseline, target, expectedPath, today, xDomain: [first, last], yDomain: [low, high] };
}

/** Counts per status, for a plan-wide overview. */
export function countStatuses(statuses: readonly IndicatorStatus[]): Record<IndicatorStatus, number> {
  const counts: Record<IndicatorStatus, number> = { reached: 0, 'on-track': 0, behind: 0, unknown: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

interface TreeIndicator extends IndicatorValues {
  id: string;
}
interface TreeAction {
  id: string;
  indicators: TreeIndicator[];
}
interface TreeGoal<A extends TreeAction> {
  id: string;
  objectives: { id: string; actions: A[] }[];
}

type ObjectiveOf<G> = G extends { objectives: (infer O)[] } ? O : never;

export interface IndicatorFilter {
  /** Only this SD (its actions); actions under no SD then drop out. */
  goalId: string | null;
  onlyBehind: boolean;
}

/**
 * The plan's indicators that pass the filter, still grouped by SD → OD → action (empty groups left out),
 * with the status counts of the indicators under the chosen SD (before "only behind").
 */
export function filterIndicatorTree<A extends TreeAction, G extends TreeGoal<A>>(plan: { period: PlanPeriodYears; goals: G[]; actions: A[] }, filter: IndicatorFilter) {
  const goalId = plan.goals.some((goal) => goal.id === filter.goalId) ? filter.goalId : null;
  const statusOf = new Map<string, IndicatorStatus>();
  const keep = (actions: A[]) =>
    actions
      .map((action) => {
        const indicators = action.indicators.filter((indicator) => {
          const status = summarizeIndicator(indicator, plan.period).status;
          statusOf.set(indicator.id, status);
          return !filter.onlyBehind || status === 'behind';
        }) as A['indicators'];
        return { action, indicators };
      })
      .filter((entry) => entry.indicators.length > 0);
  const goals = plan.goals
    .filter((goal) => goalId === null || goal.id === goalId)
    .map((goal) => ({
      goal,
      objectives: (goal.objectives as ObjectiveOf<G>[]).map((objective) => ({ objective, actions: keep(objective.actions) })).filter((entry) => entry.actions.length > 0),
    }))
    .filter((entry) => entry.objectives.length > 0);
  const loose = goalId === null ? keep(plan.actions) : [];
  return { goalId, goals, loose, counts: countStatuses([...statusOf.values()]), total: statusOf.size };
}
