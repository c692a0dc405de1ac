import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory } from '../../test/factories.js';
import { seedPlansDemo } from './demo.js';
import { countStatuses, summarizeIndicator } from '../../../common/indicator-progress.js';
import type { PlanDetail } from '../../../common/schemas/plans.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo indicators', () => {
  it('gives the Westhoek demo plan measurements over time: reached, on track and behind all occur', async () => {
    await regionFactory(t.database.db, { slug: 'westhoek' });
    await seedPlansDemo(t.database.db);
    const visitor = new ApiClient(t.app);
    const list = (await visitor.get('/api/regions/westhoek/plans')).json() as { items: { id: string }[] };
    const plan = (await visitor.get(`/api/regions/westhoek/plans/${list.items[0]!.id}`)).json() as PlanDetail;
    expect(plan.period).toEqual({ start: 2024, end: 2026 });

    const indicators = plan.actions.flatMap((action) => action.indicators);
    const measured = indicators.filter((indicator) => indicator.measurements.length > 0);
    expect(measured).toHaveLength(5);
    for (const indicator of measured) {
      expect(indicator.measurements.length).toBeGreaterThanOrEqual(2);
      expect(indicator.target).not.toBeNull();
      const dates = indicator.measurements.map((m) => m.measuredOn);
      expect(dates).toEqual([...dates].sort());
    }
    expect(measured.find((indicator) => indicator.name === 'Gebruik van de toolbox')).toMatchObject({ unit: 'downloads', baseline: 0, target: 150 });
    const counts = countStatuses(indicators.map((indicator) => summarizeIndicator(indicator, plan.period).status));
    expect(counts).toEqual({ reached: 1, 'on-track': 2, behind: 2, unknown: indicators.length - 5 });
  });
});
