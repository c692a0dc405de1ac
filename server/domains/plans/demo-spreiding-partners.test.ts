import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../../test/test-app.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { PlanDetail, PlanPartners, SpreidingOverview } from '../../../common/schemas/plans.js';

// The whole demo (regions, network map, plans), as `npm run demo` loads it.
let t: TestApp;
const visitor = () => new ApiClient(t.app);
async function demoPlan(region: string): Promise<PlanDetail> {
  const list = (await visitor().get(`/api/regions/${region}/plans`)).json() as { items: { id: string }[] };
  return (await visitor().get(`/api/regions/${region}/plans/${list.items[0]!.id}`)).json() as PlanDetail;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db);
});
afterAll(async () => t.close());

describe('the demo plans on the spreiding page', () => {
  for (const region of ['zuidelijke-westhoek', 'westhoek']) {
    it(`${region}: actions reach several municipalities, not "all niet bereikt"`, async () => {
      const plan = await demoPlan(region);
      const overview = (await visitor().get(`/api/regions/${region}/plans/${plan.id}/spreiding`)).json() as SpreidingOverview;
      const reached = overview.municipalities.filter((municipality) => municipality.actions > 0);
      expect(reached.length).toBeGreaterThan(3);
      expect(overview.unreached.length).toBeLessThan(overview.municipalities.length);
      // Not every action reaches every municipality: the counts differ.
      expect(new Set(overview.municipalities.map((municipality) => municipality.actions)).size).toBeGreaterThan(1);
      // The demo keeps one realistic text the mapper cannot place, so the page shows what that looks like.
      expect(overview.unmappedTexts.length).toBeGreaterThan(0);
    });
  }
});

describe('the demo plans partners', () => {
  it('links "stad Ieper", "stad Mesen", "Gezinsbond" and "Bibliotheken" in the CO7 plan to the actors of the map', async () => {
    const plan = await demoPlan('zuidelijke-westhoek');
    const linked = (written: string) => actionsOfPlan(plan).flatMap((action) => action.partners).filter((partner) => partner.name === written);
    const actorName = async (actorId: string | null) => (await t.database.raw.query<{ name: string }>('SELECT name FROM actors WHERE id = $1', [actorId]))[0]?.name;
    for (const [written, expected] of [['stad Ieper', 'Cultuurdienst Ieper'], ['stad Mesen', 'Stad Mesen – vrijetijdsdienst'], ['Gezinsbond', 'Gezinsbond Poperinge']] as const) {
      const rows = linked(written);
      expect(rows.length, written).toBeGreaterThan(0);
      for (const row of rows) expect(await actorName(row.actorId)).toBe(expected);
    }
    // "Bibliotheken" stands for every library of the region: one linked partner per library in the action.
    const libraries = new Set<string>();
    for (const row of linked('Bibliotheken')) libraries.add((await actorName(row.actorId))!);
    expect(libraries.size).toBeGreaterThan(1);
    expect([...libraries].every((name) => /^Biblio/.test(name))).toBe(true);

    const partners = (await visitor().get(`/api/regions/zuidelijke-westhoek/plans/${plan.id}/partners`)).json() as PlanPartners;
    const unlinked = partners.items.filter((item) => !item.linked).map((item) => item.name);
    expect(unlinked).not.toContain('stad Ieper');
    expect(partners.items.filter((item) => item.linked).length).toBeGreaterThan(unlinked.length);

    // The region-wide overview (spreiding page) lists each linked library under its own name, once.
    const overview = (await visitor().get('/api/regions/zuidelijke-westhoek/plans/partners')).json() as { items: { actorId: string | null; name: string }[] };
    const names = overview.items.map((item) => item.name);
    expect(names).not.toContain('Bibliotheken');
    for (const library of libraries) expect(names.filter((name) => name === library)).toHaveLength(1);
  });
});

function actionsOfPlan(plan: PlanDetail) {
  return [...plan.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...plan.actions];
}
