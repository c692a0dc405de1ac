import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from './factories.js';
import { actorFactory } from '../network/factories.js';
import { planDetailSchema, type PlanAction, type PlanDetail } from '../../../common/schemas/plans.js';
import type { RegionRow } from '../../http/access.js';

let t: TestApp;
let region: RegionRow;
let adminEmail = '';

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug: 'cache-regio' });
  adminEmail = (await userFactory(t.database.db, { regionSlug: 'cache-regio', role: 'admin' })).email;
});
afterAll(async () => t.close());

const admin = () => new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
const firstAction = (plan: PlanDetail): PlanAction => plan.goals[0]!.objectives[0]!.actions[0]!;

async function read(client: ApiClient, planId: string) {
  const response = await client.get(`/api/regions/cache-regio/plans/${planId}`);
  expect(response.statusCode).toBe(200);
  return { plan: response.json() as PlanDetail, etag: String(response.headers.etag) };
}

describe('the cached plan detail', () => {
  it('answers 304 to an unchanged plan and carries each caller’s own role', async () => {
    const plan = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const client = await admin();
    const first = await read(client, plan.id);
    expect(first.plan.myRole).toBe('admin');
    const again = await client.request('GET', `/api/regions/cache-regio/plans/${plan.id}`, undefined, { 'if-none-match': first.etag });
    expect(again.statusCode).toBe(304);
    // No plan in the answer (in-process injection shows the `null` that a real socket drops for a 304).
    expect(again.body).not.toContain('goals');
    // The same tag from a caller with another role gets the full answer, with that caller's role.
    const other = await t.app.inject({ method: 'GET', url: `/api/regions/cache-regio/plans/${plan.id}`, headers: { 'if-none-match': first.etag } });
    expect(other.statusCode).toBe(200);

    const anonymous = await read(new ApiClient(t.app), plan.id);
    expect(anonymous.plan.myRole).toBeNull();
    expect(anonymous.etag).not.toBe(first.etag);
    const { myRole: _a, ...shared } = anonymous.plan;
    const { myRole: _b, ...sharedAdmin } = first.plan;
    expect(shared).toEqual(sharedAdmin);
  });

  it('is rebuilt after every kind of change, through the API or straight in the database', async () => {
    const plan = await planFactory(t.database.db, region);
    const client = await admin();
    const url = `/api/regions/cache-regio/plans/${plan.id}`;
    let { plan: detail, etag } = await read(client, plan.id);
    const action = firstAction(detail);

    const changed = async (check: (fresh: PlanDetail) => void) => {
      const next = await read(client, plan.id);
      expect(next.etag).not.toBe(etag);
      check(next.plan);
      ({ plan: detail, etag } = next);
    };

    // An action edit with lists.
    const saved = await client.patch(`${url}/actions/${action.id}`, {
      version: action.version,
      title: 'Herschreven actie',
      milestones: [{ title: 'Eerste mijlpaal', startDate: '2025-03-01', endDate: '2025-03-31', status: 'behaald' }],
      budgetLines: [{ amountCents: 250_000, description: 'Zaalhuur', year: 2025, fundingSource: 'eigen-middelen' }],
      partners: [{ name: 'Bibliotheek Ieper' }],
    });
    expect(saved.statusCode).toBe(200);
    await changed((fresh) => {
      const freshAction = firstAction(fresh);
      expect(freshAction.title).toBe('Herschreven actie');
      expect(freshAction.milestones.map((m) => m.title)).toEqual(['Eerste mijlpaal']);
      expect(freshAction.budgetTotalCents).toBe(250_000);
      expect(freshAction.partners.map((p) => p.name)).toEqual(['Bibliotheek Ieper']);
    });

    // An indicator, then a measurement (which reaches its plan only through the indicator).
    const indicator = (await client.post(`${url}/actions/${action.id}/indicators`, { name: 'Deelnemers', baseline: 0, target: 100 })).json() as { id: string };
    await changed((fresh) => expect(firstAction(fresh).indicators.map((i) => i.name)).toEqual(['Deelnemers']));
    expect((await client.post(`${url}/indicators/${indicator.id}/measurements`, { measuredOn: '2025-06-30', value: 42 })).statusCode).toBe(201);
    await changed((fresh) => expect(firstAction(fresh).indicators[0]!.measurements.map((m) => m.value)).toEqual([42]));

    // The plan's own fields.
    expect((await client.patch(url, { version: detail.version, title: 'Nieuwe titel' })).statusCode).toBe(200);
    await changed((fresh) => expect(fresh.title).toBe('Nieuwe titel'));

    // Any other writer of the tables (a script, a restore, another instance) also invalidates it.
    await t.database.raw.query("UPDATE plan_milestones SET status = 'vertraagd' WHERE plan_id = $1", [plan.id]);
    await changed((fresh) => expect(firstAction(fresh).milestones[0]!.status).toBe('vertraagd'));
    await t.database.raw.query('DELETE FROM plan_measurements WHERE indicator_id = $1', [indicator.id]);
    await changed((fresh) => expect(firstAction(fresh).indicators[0]!.measurements).toEqual([]));
    await t.database.raw.query("UPDATE plan_goals SET title = 'Andere doelstelling' WHERE plan_id = $1", [plan.id]);
    await changed((fresh) => expect(fresh.goals[0]!.title).toBe('Andere doelstelling'));

    // A read without changes in between serves the same entry.
    expect((await read(client, plan.id)).etag).toBe(etag);
    // The cached text skips the response schema, so the presenter must produce exactly what it allows:
    // parsing strips unknown fields and rejects wrong types, so any difference fails here.
    expect(detail.goals[0]!.objectives[0]!.actions[0]!.indicators).toHaveLength(1);
    expect(planDetailSchema.parse(detail)).toEqual(detail);
  });

  it('gives visitors a copy without links to hidden profiles, rebuilt when a profile is shown', async () => {
    const hiddenId = await actorFactory(t.database.db, region.id, { name: 'Bibliotheek Ieper', isPublic: false });
    const plan = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const partnersOf = (detail: PlanDetail) => firstAction(detail).partners.filter((partner) => partner.name === 'Bibliotheek Ieper');
    // The importer linked the written name to the (hidden) actor.
    const member = await read(await admin(), plan.id);
    expect(partnersOf(member.plan).map((partner) => partner.actorId)).toEqual([hiddenId]);
    const visitor = await read(new ApiClient(t.app), plan.id);
    expect(partnersOf(visitor.plan).map((partner) => partner.actorId)).toEqual([null]);
    expect(JSON.stringify(visitor.plan)).not.toContain(hiddenId);
    // Showing the profile changes the region's network, so the visitors' copy is rebuilt with the link.
    await t.database.raw.query('UPDATE actors SET is_public = true WHERE id = $1', [hiddenId]);
    const after = await read(new ApiClient(t.app), plan.id);
    expect(after.etag).not.toBe(visitor.etag);
    expect(partnersOf(after.plan).map((partner) => partner.actorId)).toEqual([hiddenId]);
    // Members' copy did not depend on it.
    expect((await read(await admin(), plan.id)).etag).toBe(member.etag);
  });

  it('goes away with its plan', async () => {
    const plan = await planFactory(t.database.db, region);
    await read(await admin(), plan.id);
    const [before] = await t.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM counter_cache WHERE namespace = 'plan-detail' AND key LIKE $1", [`${plan.id}:%`]);
    expect(before!.n).toBe(1);
    await t.database.raw.query('DELETE FROM plans WHERE id = $1', [plan.id]);
    const [after] = await t.database.raw.query<{ n: number }>("SELECT (SELECT count(*) FROM counter_cache WHERE namespace = 'plan-detail' AND key LIKE $2)::int + (SELECT count(*) FROM plan_content_versions WHERE plan_id = $1)::int AS n", [plan.id, `${plan.id}:%`]);
    expect(after!.n).toBe(0);
  });
});
