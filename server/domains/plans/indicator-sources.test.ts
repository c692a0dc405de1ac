import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from './factories.js';
import { refreshAllIndicatorSources } from './indicator-sources.js';
import { figureParticipantFactory } from '../trajectories/monitoring-factories.js';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const allActions = (detail: PlanDetail) => [...detail.goals.flatMap((goal) => goal.objectives.flatMap((objective) => objective.actions)), ...detail.actions];

async function setUp() {
  const slug = `indicatorbron-${randomUUID().slice(0, 8)}`;
  const region = await regionFactory(t.database.db, { slug });
  const emails: Record<string, string> = {};
  for (const role of ['admin', 'editor', 'steering', 'viewer', 'coach'] as const) emails[role] = (await userFactory(t.database.db, { regionSlug: slug, role })).email;
  const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
  const { id: planId } = await planFactory(t.database.db, region, { status: 'lopend' });
  const admin = await as('admin');
  const base = `/api/regions/${slug}/plans/${planId}`;
  const action = allActions((await admin.get(base)).json() as PlanDetail)[0]!;
  const created = await admin.post(`${base}/actions/${action.id}/indicators`, { name: 'Aantal inburgeraars met een traject', unit: 'personen', baseline: 0, target: 30 });
  expect(created.statusCode, created.body).toBe(201);
  const indicatorId = (created.json() as { id: string }).id;
  const addParticipants = async (count: number) => {
    for (let i = 0; i < count; i++) await figureParticipantFactory(t.database.db, region.id, { municipalityNis: '33011', referredOn: '2026-09-01' });
  };
  const current = async () => (await admin.get(`${base}/actions/${action.id}`)).json() as PlanAction;
  return { slug, region, as, admin, base, action, indicatorId, addParticipants, current };
}

describe('indicators linked to a figure', () => {
  it('lists the trajectory figures, links one, computes it at once and keeps small groups out', async () => {
    const { slug, admin, base, action, indicatorId, addParticipants } = await setUp();
    const sources = (await admin.get(`/api/regions/${slug}/plan-indicator-sources`)).json() as { items: { key: string; label: string }[] };
    expect(sources.items).toEqual(expect.arrayContaining([{ key: 'trajectories.participants', label: 'Trajecten: inburgeraars met een traject' }, expect.objectContaining({ key: 'trajectories.uitpasUsed' })]));

    // Four participants: a group under five is stored as not available, and no measurement appears.
    await addParticipants(4);
    const small = await admin.request('PUT', `${base}/indicators/${indicatorId}/source`, { sourceKey: 'trajectories.participants', version: action.version });
    expect(small.statusCode, small.body).toBe(200);
    const smallAction = small.json() as PlanAction;
    const linked = smallAction.indicators.find((indicator) => indicator.id === indicatorId)!;
    expect(linked.source).toMatchObject({ key: 'trajectories.participants', value: null });
    expect(linked.source!.updatedAt).not.toBeNull();
    expect(linked.measurements).toEqual([]);
    expect(smallAction.version).toBe(action.version + 1);
    expect(JSON.stringify(await t.database.raw.query('SELECT source_value FROM plan_indicators WHERE id = $1', [indicatorId]))).toBe('[{"source_value":null}]');

    // The fifth makes it a figure: "Nu bijwerken" stores it and records it as today's measurement.
    await addParticipants(1);
    const refreshed = await admin.post(`${base}/indicators/${indicatorId}/source/refresh`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const after = (refreshed.json() as PlanAction).indicators.find((indicator) => indicator.id === indicatorId)!;
    expect(after.source!.value).toBe(5);
    expect(after.measurements).toEqual([expect.objectContaining({ value: 5, source: 'Trajecten: inburgeraars met een traject (automatisch)' })]);
    // The public plan shows the linked value too.
    const publicDetail = (await new ApiClient(t.app).get(base)).json() as PlanDetail;
    expect(allActions(publicDetail).flatMap((candidate) => candidate.indicators).find((indicator) => indicator.id === indicatorId)!.source!.value).toBe(5);
  });

  it('is updated by the daily job after new data, once a day, and leaves unlinked indicators alone', async () => {
    const { admin, base, action, indicatorId, addParticipants, current } = await setUp();
    await addParticipants(6);
    await admin.request('PUT', `${base}/indicators/${indicatorId}/source`, { sourceKey: 'trajectories.participants', version: action.version });
    const other = (await admin.post(`${base}/actions/${action.id}/indicators`, { name: 'Handmatig', unit: '' })).json() as { id: string };
    await addParticipants(2);
    expect(await refreshAllIndicatorSources(t.database, '2099-01-01')).toBeGreaterThanOrEqual(1);
    const indicators = (await current()).indicators;
    const linked = indicators.find((indicator) => indicator.id === indicatorId)!;
    expect(linked.source!.value).toBe(8);
    expect(linked.measurements.map((measurement) => [measurement.measuredOn, measurement.value])).toEqual([expect.any(Array), ['2099-01-01', 8]]);
    // Again the same day with more data: the day's computed measurement is replaced, not doubled.
    await addParticipants(1);
    await refreshAllIndicatorSources(t.database, '2099-01-01');
    const again = (await current()).indicators.find((indicator) => indicator.id === indicatorId)!;
    expect(again.measurements.map((measurement) => measurement.value)).toEqual([6, 9]);
    const manual = (await current()).indicators.find((indicator) => indicator.id === other.id)!;
    expect(manual.source).toBeUndefined();
    expect(manual.measurements).toEqual([]);

    // Unlinking keeps the measurements and stops the updates.
    const unlinked = await admin.request('PUT', `${base}/indicators/${indicatorId}/source`, { sourceKey: null, version: (await current()).version });
    expect(unlinked.statusCode).toBe(200);
    await addParticipants(1);
    await refreshAllIndicatorSources(t.database, '2099-01-02');
    const last = (await current()).indicators.find((indicator) => indicator.id === indicatorId)!;
    expect(last.source).toBeUndefined();
    expect(last.measurements.map((measurement) => measurement.value)).toEqual([6, 9]);
  });

  it('answers 409 on a stale version, 400 on an unknown figure, and lets only plan editors and admins of the region link', async () => {
    const { slug, as, admin, base, action, indicatorId } = await setUp();
    const url = `${base}/indicators/${indicatorId}/source`;
    // Someone else changed the action (its status) since it was read.
    const edited = await admin.patch(`${base}/actions/${action.id}`, { version: action.version, status: 'uitgesteld' });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await admin.request('PUT', url, { sourceKey: 'trajectories.participants', version: action.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT', details: { current: { id: action.id, status: 'uitgesteld' } } } });
    const unknown = await admin.request('PUT', url, { sourceKey: 'trajectories.namen', version: action.version + 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { fields: [{ path: 'sourceKey', message: 'Kies een cijfer uit de lijst.' }] } });
    expect((await admin.post(`${base}/indicators/${indicatorId}/source/refresh`)).statusCode).toBe(400);

    const editor = await as('editor');
    expect((await editor.request('PUT', url, { sourceKey: 'trajectories.hours', version: action.version + 1 })).statusCode).toBe(200);
    for (const role of ['steering', 'viewer', 'coach']) {
      const client = await as(role);
      expect((await client.request('PUT', url, { sourceKey: 'trajectories.participants', version: action.version + 2 })).statusCode, role).toBe(403);
      expect((await client.post(`${url}/refresh`)).statusCode, role).toBe(403);
      expect((await client.get(`/api/regions/${slug}/plan-indicator-sources`)).statusCode, role).toBe(403);
    }
    // An admin of another region gets nothing here.
    const elsewhere = `andere-${randomUUID().slice(0, 8)}`;
    await regionFactory(t.database.db, { slug: elsewhere });
    const stranger = await new ApiClient(t.app).login((await userFactory(t.database.db, { regionSlug: elsewhere, role: 'admin' })).email, TEST_PASSWORD);
    expect((await stranger.request('PUT', url, { sourceKey: 'trajectories.participants', version: action.version + 2 })).statusCode).toBe(403);
    expect((await new ApiClient(t.app).request('PUT', url, { sourceKey: 'trajectories.participants', version: action.version + 2 })).statusCode).toBe(401);
  });
});
