import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { regionFactory } from '../../test/factories.js';
import { plainActorFactory } from './factories.js';
import { seedPlansDemo } from './demo.js';
import type { PlanDetail } from '../../../common/schemas/plans.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo plans', () => {
  it('loads both demo plans through the importer as approved plans, partners linked by name, once', async () => {
    await regionFactory(t.database.db, { slug: 'zuidelijke-westhoek' });
    const westhoek = await regionFactory(t.database.db, { slug: 'westhoek' });
    await plainActorFactory(t.database.db, westhoek.id, 'Argos vzw');
    expect(await seedPlansDemo(t.database.db)).toHaveLength(2);
    expect(await seedPlansDemo(t.database.db)).toHaveLength(0);

    const visitor = new ApiClient(t.app);
    const co7 = (await visitor.get('/api/regions/zuidelijke-westhoek/plans')).json() as { items: { id: string; status: string }[] };
    expect(co7.items).toEqual([expect.objectContaining({ status: 'goedgekeurd', kind: 'actieplan', period: { start: 2021, end: 2021 } })]);
    const co7Plan = (await visitor.get(`/api/regions/zuidelijke-westhoek/plans/${co7.items[0]!.id}`)).json() as PlanDetail;
    expect(co7Plan.goals).toHaveLength(5);
    expect(co7Plan.goals.flatMap((goal) => goal.objectives)).toHaveLength(10);

    const wh = (await visitor.get('/api/regions/westhoek/plans')).json() as { items: { id: string }[] };
    const whPlan = (await visitor.get(`/api/regions/westhoek/plans/${wh.items[0]!.id}`)).json() as PlanDetail;
    expect(whPlan.actions.map((action) => action.type)).toEqual(['community', 'atelier', 'atelier', 'atelier', 'labo', 'labo', 'business']);
    expect(whPlan.budgetTotalCents).toBe(16_341_500);
    const argos = whPlan.actions.flatMap((action) => action.partners).filter((partner) => partner.name === 'Argos');
    expect(argos.length).toBeGreaterThan(0);
    expect(argos.every((partner) => partner.actorId !== null)).toBe(true);
  });
});
