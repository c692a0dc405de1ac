import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from './factories.js';
import type { PlanAction, PlanDetail, VersionCompare } from '../../../common/schemas/plans.js';
import type { RegionRow } from '../../http/access.js';

let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug: 'samenvoegregio' });
  for (const role of ['admin', 'editor', 'viewer'] as const) emails[role] = (await userFactory(t.database.db, { regionSlug: 'samenvoegregio', role })).email;
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
const allActions = (plan: PlanDetail) => [...plan.goals.flatMap((g) => g.objectives.flatMap((o) => o.actions)), ...plan.actions];
const byNumber = (plan: PlanDetail, number: string) => allActions(plan).find((action) => action.number === number)!;

async function draftPlan(client: ApiClient) {
  const { id } = await planFactory(t.database.db, region);
  const base = `/api/regions/samenvoegregio/plans/${id}`;
  const plan = (await client.get(base)).json() as PlanDetail;
  return { id, base, plan };
}

describe('merging actions', () => {
  it('moves the lists and texts of the others into one action, removes them, and records it all', async () => {
    const editor = await as('editor');
    const { base, plan } = await draftPlan(editor);
    const one = byNumber(plan, '1');
    const three = byNumber(plan, '3');
    // Give action 3 a milestone, an indicator with a measurement, a partner action 1 already has, and a description.
    const prepared = await editor.patch(`${base}/actions/${three.id}`, {
      version: three.version,
      description: 'Lesreeks in het najaar.',
      milestones: [{ title: 'Eerste les', startDate: '2025-10-01', endDate: '2025-10-01' }],
      partners: [{ name: 'Vormingplus' }, { name: 'bibliotheek ieper' }],
    });
    expect(prepared.statusCode).toBe(200);
    const indicator = (await editor.post(`${base}/actions/${three.id}/indicators`, { name: 'Deelnemers', target: 30 })).json() as { id: string };
    expect((await editor.post(`${base}/indicators/${indicator.id}/measurements`, { measuredOn: '2025-11-01', value: 12 })).statusCode).toBe(201);
    // Versions are named by the regisseur.
    const version = (await (await as('admin')).post(`${base}/versions`, { name: 'Voor de samenvoeging' })).json() as { id: string };

    const merged = await editor.post(`${base}/actions/${one.id}/merge`, { version: one.version, sourceActionIds: [three.id] });
    expect(merged.statusCode).toBe(200);
    const action = merged.json() as PlanAction;
    expect(action.id).toBe(one.id);
    expect(action.number).toBe('1');
    expect(action.title).toBe(one.title);
    expect(action.version).toBe(one.version + 1);
    expect(action.budgetTotalCents).toBe(one.budgetTotalCents + three.budgetTotalCents);
    expect(action.budgetLines.map((line) => line.amountCents)).toEqual([...one.budgetLines, ...three.budgetLines].map((line) => line.amountCents));
    expect(action.milestones.map((m) => m.title)).toEqual(['Eerste les']);
    expect(action.indicators.map((i) => [i.name, i.measurements.map((m) => m.value)])).toEqual([['Deelnemers', [12]]]);
    // "bibliotheek ieper" is the partner action 1 already had: not doubled.
    expect(action.partners.map((p) => p.name)).toEqual(['Bibliotheek Ieper', 'Testpartner vzw', 'Vormingplus']);
    expect(action.description).toBe('Lesreeks in het najaar.');

    const after = (await editor.get(base)).json() as PlanDetail;
    expect(allActions(after).map((a) => a.number)).toEqual(['1', '2', '4', '5']);
    expect(after.budgetTotalCents).toBe(plan.budgetTotalCents);

    const history = (await editor.get(`${base}/changes?actionId=${one.id}`)).json() as { items: { change: string; changes: Record<string, { after: unknown }> }[] };
    expect(history.items[0]).toMatchObject({ change: 'merge', changes: { mergedFrom: { after: [`3 ${three.title}`] } } });
    expect(Object.keys(history.items[0]!.changes)).toEqual(expect.arrayContaining(['budgetLines', 'milestones', 'partners', 'description']));
    const planHistory = (await editor.get(`${base}/changes`)).json() as { items: { change: string; entityId: string; changes: Record<string, { after: unknown }> }[] };
    expect(planHistory.items.find((item) => item.entityId === three.id)).toMatchObject({ change: 'merge', changes: { mergedInto: { after: `1 ${one.title}` } } });

    // Comparing with the earlier version shows the merge, not a plain removal.
    const compareResponse = await editor.get(`${base}/compare?from=${version.id}&to=current`);
    expect(compareResponse.statusCode).toBe(200);
    const compare = compareResponse.json() as VersionCompare;
    expect(compare.merged).toEqual([expect.objectContaining({ kind: 'action', id: three.id, code: '3', to: '1' })]);
    expect(compare.removed).toEqual([]);
    expect(compare.reworded.map((item) => item.code)).toEqual(['1']);
  });

  it('gives a stale merge a conflict and changes nothing', async () => {
    const admin = await as('admin');
    const { base, plan } = await draftPlan(admin);
    const four = byNumber(plan, '4');
    const five = byNumber(plan, '5');
    expect((await admin.patch(`${base}/actions/${four.id}`, { version: four.version, title: 'Nieuwsbrief' })).statusCode).toBe(200);
    const stale = await admin.post(`${base}/actions/${four.id}/merge`, { version: four.version, sourceActionIds: [five.id] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT', details: { current: { id: four.id, title: 'Nieuwsbrief' } } } });
    expect(allActions((await admin.get(base)).json() as PlanDetail).map((a) => a.number)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('refuses viewers, approved plans, itself and actions of another plan, naming the field', async () => {
    const admin = await as('admin');
    const { base, plan } = await draftPlan(admin);
    const other = await draftPlan(admin);
    const one = byNumber(plan, '1');
    const two = byNumber(plan, '2');
    expect((await (await as('viewer')).post(`${base}/actions/${one.id}/merge`, { version: one.version, sourceActionIds: [two.id] })).statusCode).toBe(403);
    const itself = await admin.post(`${base}/actions/${one.id}/merge`, { version: one.version, sourceActionIds: [one.id] });
    expect(itself.statusCode).toBe(400);
    expect(itself.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'sourceActionIds', message: 'Een actie kan niet met zichzelf samengevoegd worden.' }] } });
    const foreign = await admin.post(`${base}/actions/${one.id}/merge`, { version: one.version, sourceActionIds: [byNumber(other.plan, '2').id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ error: { fields: [{ path: 'sourceActionIds' }] } });
    expect((await admin.post(`${base}/actions/${one.id}/merge`, { version: one.version, sourceActionIds: [] })).statusCode).toBe(400);
    // The other plan kept its action 2.
    expect(allActions((await admin.get(other.base)).json() as PlanDetail)).toHaveLength(5);

    const approved = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const approvedPlan = (await admin.get(`/api/regions/samenvoegregio/plans/${approved.id}`)).json() as PlanDetail;
    const a = byNumber(approvedPlan, '1');
    const refused = await admin.post(`/api/regions/samenvoegregio/plans/${approved.id}/actions/${a.id}/merge`, { version: a.version, sourceActionIds: [byNumber(approvedPlan, '2').id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });
  });
});
