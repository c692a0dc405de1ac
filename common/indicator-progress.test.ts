import { describe, expect, it } from 'vitest';
import { countStatuses, filterIndicatorTree, indicatorSeries, isoDateInBelgium, periodDates, summarizeIndicator } from './indicator-progress.js';
import { formatNumber } from './format.js';

const PERIOD = { start: 2024, end: 2026 };
const m = (measuredOn: string, value: number, source = '') => ({ measuredOn, value, source });

describe('summarizeIndicator', () => {
  it('gives the latest value, the share of the way from baseline to target and the share of time passed', () => {
    // Halfway in time (2024-01-01 → 2026-12-31, latest on 2025-07-02) and 40 % of the way from 20 to 70.
    const summary = summarizeIndicator({ baseline: 20, target: 70, measurements: [m('2025-07-02', 40), m('2024-06-01', 25)] }, PERIOD);
    expect(summary.latest).toEqual(m('2025-07-02', 40));
    expect(summary.progressPercent).toBe(40);
    expect(summary.expectedPercent).toBe(50);
    expect(summary.status).toBe('on-track');
    expect(summary).toMatchObject({ startValue: 20, startDate: '2024-01-01', targetDate: '2026-12-31' });
  });

  it('is behind when progress trails the time passed by more than the tolerance', () => {
    expect(summarizeIndicator({ baseline: 20, target: 70, measurements: [m('2025-07-02', 39)] }, PERIOD)).toMatchObject({ progressPercent: 38, expectedPercent: 50, status: 'behind' });
    expect(summarizeIndicator({ baseline: 20, target: 70, measurements: [m('2025-07-02', 40)] }, PERIOD).status).toBe('on-track');
  });

  it('counts a falling target (fewer is better) the same way, and reaches it at or beyond the target', () => {
    expect(summarizeIndicator({ baseline: 100, target: 60, measurements: [m('2025-01-01', 80)] }, PERIOD)).toMatchObject({ progressPercent: 50, status: 'on-track' });
    expect(summarizeIndicator({ baseline: 100, target: 60, measurements: [m('2025-01-01', 110)] }, PERIOD)).toMatchObject({ progressPercent: -25, status: 'behind' });
    expect(summarizeIndicator({ baseline: 100, target: 60, measurements: [m('2024-03-01', 55)] }, PERIOD)).toMatchObject({ progressPercent: 113, status: 'reached' });
    expect(summarizeIndicator({ baseline: 0, target: 150, measurements: [m('2026-05-31', 150)] }, PERIOD).status).toBe('reached');
  });

  it('uses the first measurement when there is no baseline, and needs a second one to judge', () => {
    expect(summarizeIndicator({ baseline: null, target: 50, measurements: [m('2025-01-01', 10)] }, PERIOD).status).toBe('unknown');
    expect(summarizeIndicator({ baseline: null, target: 50, measurements: [m('2024-01-01', 10), m('2025-07-02', 30)] }, PERIOD)).toMatchObject({ startValue: 10, progressPercent: 50, status: 'on-track' });
  });

  it('is unknown without a target or without measurements', () => {
    expect(summarizeIndicator({ baseline: 1, target: null, measurements: [m('2025-01-01', 10)] }, PERIOD)).toMatchObject({ status: 'unknown', progressPercent: null });
    expect(summarizeIndicator({ baseline: 1, target: 5, measurements: [] }, PERIOD)).toMatchObject({ status: 'unknown', latest: null });
  });

  it('without a plan end date counts any move towards the target as on track', () => {
    const open = { start: 2024, end: null };
    expect(summarizeIndicator({ baseline: 10, target: 20, measurements: [m('2030-01-01', 11)] }, open)).toMatchObject({ expectedPercent: null, status: 'on-track' });
    expect(summarizeIndicator({ baseline: 10, target: 20, measurements: [m('2030-01-01', 10)] }, open).status).toBe('behind');
  });

  it('treats an equal baseline and target as a level to keep', () => {
    expect(summarizeIndicator({ baseline: 5, target: 5, measurements: [m('2025-01-01', 5)] }, PERIOD).status).toBe('reached');
    expect(summarizeIndicator({ baseline: 5, target: 5, measurements: [m('2025-01-01', 4)] }, PERIOD).status).toBe('behind');
  });
});

describe('indicatorSeries', () => {
  it('sorts the points, starts at the baseline on the first day of the plan and ends at the target date', () => {
    const series = indicatorSeries({ baseline: 20, target: 70, measurements: [m('2025-07-02', 40, 'telling'), m('2024-06-01', 25)] }, PERIOD, '2025-09-01');
    expect(series.points.map((p) => p.date)).toEqual(['2024-06-01', '2025-07-02']);
    expect(series.points[1]).toEqual({ date: '2025-07-02', value: 40, source: 'telling' });
    expect(series.baseline).toEqual({ date: '2024-01-01', value: 20 });
    expect(series.target).toEqual({ value: 70, date: '2026-12-31' });
    expect(series.expectedPath).toEqual([
      { date: '2024-01-01', value: 20 },
      { date: '2026-12-31', value: 70 },
    ]);
    expect(series.xDomain).toEqual(['2024-01-01', '2026-12-31']);
    expect(series.yDomain).toEqual([20, 70]);
  });

  it('widens the time axis to today and keeps a flat series visible', () => {
    const series = indicatorSeries({ baseline: null, target: null, measurements: [m('2025-03-01', 8)] }, { start: null, end: null }, '2027-02-01');
    expect(series.xDomain).toEqual(['2025-03-01', '2027-02-01']);
    expect(series.baseline).toBeNull();
    expect(series.expectedPath).toBeNull();
    expect(series.yDomain[0]).toBeLessThan(8);
    expect(series.yDomain[1]).toBeGreaterThan(8);

    const single = indicatorSeries({ baseline: null, target: null, measurements: [] }, { start: null, end: null }, '2025-03-01');
    expect(single.xDomain).toEqual(['2025-01-30', '2025-03-31']);
    expect(single.yDomain).toEqual([0, 1]);
  });
});

describe('helpers', () => {
  it('gives the period as dates and today in Belgian time', () => {
    expect(periodDates({ start: 2021, end: 2021 })).toEqual({ startDate: '2021-01-01', targetDate: '2021-12-31' });
    expect(periodDates({ start: null, end: null })).toEqual({ startDate: null, targetDate: null });
    // 23:30 UTC on 31 December is already 1 January in Brussels.
    expect(isoDateInBelgium(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('counts statuses and formats numbers the Belgian way', () => {
    expect(countStatuses(['behind', 'reached', 'behind', 'unknown'])).toEqual({ reached: 1, 'on-track': 0, behind: 2, unknown: 1 });
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(-0.125)).toBe('-0,13');
    expect(formatNumber(3)).toBe('3');
  });
});

describe('filterIndicatorTree', () => {
  const ind = (id: string, latest: number | null) => ({ id, baseline: 0, target: 100, measurements: latest === null ? [] : [m('2025-07-02', latest)] });
  // Halfway through the plan: 45 is on track, 20 behind, 100 reached, no measurement unknown.
  const plan = {
    period: PERIOD,
    goals: [
      { id: 'sd1', objectives: [{ id: 'od1', actions: [{ id: 'a1', indicators: [ind('i1', 45), ind('i2', 20)] }, { id: 'a2', indicators: [] }] }, { id: 'od2', actions: [{ id: 'a3', indicators: [ind('i3', 100)] }] }] },
      { id: 'sd2', objectives: [{ id: 'od3', actions: [{ id: 'a4', indicators: [ind('i4', null), ind('i5', 10)] }] }] },
    ],
    actions: [{ id: 'a5', indicators: [ind('i6', 30)] }],
  };
  const ids = (tree: ReturnType<typeof filterIndicatorTree>) => [
    ...tree.goals.flatMap((g) => g.objectives.flatMap((o) => o.actions.flatMap((a) => a.indicators.map((i) => `${g.goal.id}/${o.objective.id}/${a.action.id}/${i.id}`)))),
    ...tree.loose.flatMap((a) => a.indicators.map((i) => `-/${a.action.id}/${i.id}`)),
  ];

  it('keeps the grouping and leaves out actions without indicators', () => {
    const tree = filterIndicatorTree(plan, { goalId: null, onlyBehind: false });
    expect(ids(tree)).toEqual(['sd1/od1/a1/i1', 'sd1/od1/a1/i2', 'sd1/od2/a3/i3', 'sd2/od3/a4/i4', 'sd2/od3/a4/i5', '-/a5/i6']);
    expect(tree).toMatchObject({ total: 6, counts: { reached: 1, 'on-track': 1, behind: 3, unknown: 1 } });
  });

  it('filters on one SD (dropping actions under no SD) and on the indicators that are behind', () => {
    const sd1 = filterIndicatorTree(plan, { goalId: 'sd1', onlyBehind: false });
    expect(ids(sd1)).toEqual(['sd1/od1/a1/i1', 'sd1/od1/a1/i2', 'sd1/od2/a3/i3']);
    expect(sd1).toMatchObject({ goalId: 'sd1', total: 3, counts: { behind: 1 } });
    expect(ids(filterIndicatorTree(plan, { goalId: null, onlyBehind: true }))).toEqual(['sd1/od1/a1/i2', 'sd2/od3/a4/i5', '-/a5/i6']);
    expect(ids(filterIndicatorTree(plan, { goalId: 'sd1', onlyBehind: true }))).toEqual(['sd1/od1/a1/i2']);
    // An unknown SD (a stale link) shows everything.
    expect(filterIndicatorTree(plan, { goalId: 'gone', onlyBehind: false })).toMatchObject({ goalId: null, total: 6 });
  });
});
