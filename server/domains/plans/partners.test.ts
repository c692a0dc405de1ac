import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory } from '../network/factories.js';
import { actors } from '../network/schema.js';
import { planFactory } from './factories.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { ActorPlanActions, PlanPartners } from '../../../common/schemas/plans.js';
import type { RegionRow } from '../../http/access.js';

/**
 * Partners both ways: a plan's partners overview (linked actors and unlinked names with their actions)
 * and, from the network map, the plans and actions one actor takes part in.
 */
let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};
const ids = { library: '', hidden: '', vorming: '', approved: '', draft: '', foreignActor: '', foreignPlan: '' };

// "Testpartner vzw" and "testpartner" are one name to the importer; nobody on the map carries it.
const PARTNER_PLAN = [
  'Partnerplan 2025',
  'Nr\tActie\tTiming\tBudget\tPartners',
  'SD1 Een sterk netwerk',
  'OD1.1 Overleg',
  '1\tNetwerkmomenten\t2025\t\tBibliotheek Ieper, Testpartner vzw',
  '2\tGedeelde agenda\t2025\t\tCultuurdienst Poperinge, Bibliotheek Ieper',
  'OD1.2 Kennis delen',
  '3\tVormingsreeks\t2025\t\tVormingplus, Testpartner vzw, Bibliotheek Ieper',
  'SD2 Zichtbaar aanbod',
  'OD2.1 Communicatie',
  '4\tNieuwsbrief\t2025\t\ttestpartner',
  '5\tZomercampagne\t2025\t\t',
].join('\n');

const DRAFT_PLAN = ['Ontwerp met de bibliotheek', 'Nr\tActie\tTiming\tBudget\tPartners', 'SD1 Lezen', 'OD1.1 Voorlezen', '1\tVoorleesweek\t2026\t\tBibliotheek Ieper'].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug: 'partner-regio' });
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    emails[role] = (await userFactory(t.database.db, { regionSlug: 'partner-regio', role })).email;
  }
  const other = await regionFactory(t.database.db, { slug: 'andere-partner-regio' });
  emails.outsider = (await userFactory(t.database.db, { regionSlug: 'andere-partner-regio', role: 'admin' })).email;

  // Actors exist before the import, so the importer links the partner names to them.
  ids.library = await actorFactory(t.database.db, region.id, { name: 'Bibliotheek Ieper' });
  ids.hidden = await actorFactory(t.database.db, region.id, { name: 'Cultuurdienst Poperinge', isPublic: false });
  ids.vorming = await actorFactory(t.database.db, region.id, { name: 'Vormingplus' });
  ids.approved = (await planFactory(t.database.db, region, { text: PARTNER_PLAN, status: 'goedgekeurd' })).id;
  ids.draft = (await planFactory(t.database.db, region, { text: DRAFT_PLAN, status: 'ontwerp' })).id;
  // The hidden actor's name on the map differs from the name written in the plan: it must stay hidden.
  await t.database.db.update(actors).set({ name: 'Geheime Dienst Poperinge' }).where(eq(actors.id, ids.hidden));

  ids.foreignActor = await actorFactory(t.database.db, other.id, { name: 'Bibliotheek Ieper' });
  ids.foreignPlan = (await planFactory(t.database.db, other, { text: PARTNER_PLAN, status: 'goedgekeurd' })).id;
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
const anonymous = () => new ApiClient(t.app);
const overviewUrl = (planId: string, slug = 'partner-regio') => `/api/regions/${slug}/plans/${planId}/partners`;
const actorUrl = (actorId: string, slug = 'partner-regio') => `/api/regions/${slug}/actors/${actorId}/plan-actions`;
/** "name: numbers" per partner, in the order the overview gives them. */
const summary = (overview: PlanPartners) => overview.items.map((item) => `${item.name}${item.linked ? '' : ' (niet gekoppeld)'}: ${item.actions.map((action) => action.number).join(',')}`);

describe("a plan's partners overview", () => {
  it('groups linked actors and unlinked names with their actions, most actions first, then by name', async () => {
    const response = await (await as('viewer')).get(overviewUrl(ids.approved));
    expect(response.statusCode).toBe(200);
    const overview = response.json() as PlanPartners;
    expect(summary(overview)).toEqual([
      'Bibliotheek Ieper: 1,2,3',
      'Testpartner vzw (niet gekoppeld): 1,3,4',
      'Geheime Dienst Poperinge: 2',
      'Vormingplus: 3',
    ]);
    const library = overview.items[0]!;
    expect(library).toMatchObject({ actorId: ids.library, linked: true, actorVisible: true });
    expect(library.actions[1]).toEqual({ id: expect.any(String), number: '2', title: 'Gedeelde agenda', status: 'gepland', objectiveCode: 'OD1.1', goalCode: 'SD1' });
    const unlinked = overview.items[1]!;
    expect(unlinked).toMatchObject({ actorId: null, linked: false, actorVisible: false });
    // One partner row per mention, so an admin can link the name everywhere at once.
    expect(unlinked.partnerIds).toHaveLength(3);
    expect(unlinked.actions.map((action) => [action.goalCode, action.objectiveCode])).toEqual([
      ['SD1', 'OD1.1'],
      ['SD1', 'OD1.2'],
      ['SD2', 'OD2.1'],
    ]);
  });

  it('shows anonymous visitors a hidden actor only under the name written in the plan', async () => {
    const response = await anonymous().get(overviewUrl(ids.approved));
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Geheime Dienst');
    // Nor its id: visitors learn that the name is linked, not to which (hidden) profile.
    expect(response.body).not.toContain(ids.hidden);
    const hidden = (response.json() as PlanPartners).items.find((item) => item.name === 'Cultuurdienst Poperinge');
    expect(hidden).toMatchObject({ actorId: null, linked: true, actorVisible: false });
  });

  it('keeps a draft plan from anonymous visitors and any plan from another region', async () => {
    expect((await anonymous().get(overviewUrl(ids.draft))).statusCode).toBe(404);
    expect((await (await as('viewer')).get(overviewUrl(ids.draft))).statusCode).toBe(200);
    const outsider = await as('outsider');
    expect((await outsider.get(overviewUrl(ids.draft))).statusCode).toBe(404);
    // Another region's plan through this region's slug, and this region's plan through the other slug.
    expect((await (await as('viewer')).get(overviewUrl(ids.foreignPlan))).statusCode).toBe(404);
    expect((await outsider.get(overviewUrl(ids.approved, 'andere-partner-regio'))).statusCode).toBe(404);
  });
});

describe('the plan actions of one actor', () => {
  it('lists exactly the actions the actor is a linked partner in, per plan; members also see drafts', async () => {
    const response = await (await as('viewer')).get(actorUrl(ids.library));
    expect(response.statusCode).toBe(200);
    const result = response.json() as ActorPlanActions;
    expect(result.items.map((item) => item.plan.id).sort()).toEqual([ids.approved, ids.draft].sort());
    const approved = result.items.find((item) => item.plan.id === ids.approved)!;
    expect(approved.plan).toEqual({ id: ids.approved, title: 'Partnerplan 2025', status: 'goedgekeurd', period: { start: 2025, end: 2025 } });
    expect(approved.actions.map((action) => `${action.goalCode} ${action.objectiveCode} ${action.number} ${action.title}`)).toEqual([
      'SD1 OD1.1 1 Netwerkmomenten',
      'SD1 OD1.1 2 Gedeelde agenda',
      'SD1 OD1.2 3 Vormingsreeks',
    ]);
    const draft = result.items.find((item) => item.plan.id === ids.draft)!;
    expect(draft.actions.map((action) => action.title)).toEqual(['Voorleesweek']);

    const vorming = (await anonymous().get(actorUrl(ids.vorming))).json() as ActorPlanActions;
    expect(vorming.items).toHaveLength(1);
    expect(vorming.items[0]!.actions.map((action) => action.number)).toEqual(['3']);
  });

  it('shows anonymous visitors and outsiders no draft plan and no hidden actor', async () => {
    const visitor = anonymous();
    const publicView = (await visitor.get(actorUrl(ids.library))).json() as ActorPlanActions;
    expect(publicView.items.map((item) => item.plan.id)).toEqual([ids.approved]);
    expect(JSON.stringify(publicView)).not.toContain('Voorleesweek');
    expect((await visitor.get(actorUrl(ids.hidden))).statusCode).toBe(404);

    // A logged-in admin of another region is a visitor here: public profiles and non-draft plans only.
    const outsider = await as('outsider');
    expect(((await outsider.get(actorUrl(ids.library))).json() as ActorPlanActions).items.map((item) => item.plan.id)).toEqual([ids.approved]);
    expect((await outsider.get(actorUrl(ids.hidden))).statusCode).toBe(404);

    const member = (await (await as('viewer')).get(actorUrl(ids.hidden))).json() as ActorPlanActions;
    expect(member.items.map((item) => item.actions.map((action) => action.number))).toEqual([['2']]);
  });

  it("answers 404 for another region's actor, and never counts the other region's plans", async () => {
    expect((await (await as('viewer')).get(actorUrl(ids.foreignActor))).statusCode).toBe(404);
    expect((await anonymous().get(actorUrl(ids.library, 'andere-partner-regio'))).statusCode).toBe(404);
    // The other region's plan names a "Bibliotheek Ieper" too, linked to its own actor only.
    const foreign = (await (await as('outsider')).get(actorUrl(ids.foreignActor, 'andere-partner-regio'))).json() as ActorPlanActions;
    expect(foreign.items.map((item) => item.plan.id)).toEqual([ids.foreignPlan]);
  });

  it('shows an unlinked name on both sides once it is linked through the existing link route', async () => {
    const editor = await as('editor');
    const actorId = await actorFactory(t.database.db, region.id, { name: 'Testpartner Westhoek' });
    const before = (await editor.get(overviewUrl(ids.approved))).json() as PlanPartners;
    const unlinked = before.items.find((item) => !item.linked)!;
    for (const partnerId of unlinked.partnerIds) {
      expect((await editor.post(`/api/regions/partner-regio/plans/${ids.approved}/partners/${partnerId}/link`, { actorId })).statusCode).toBe(200);
    }
    const after = (await editor.get(overviewUrl(ids.approved))).json() as PlanPartners;
    expect(after.items.filter((item) => !item.linked)).toEqual([]);
    expect(after.items.find((item) => item.actorId === actorId)).toMatchObject({ name: 'Testpartner Westhoek', linked: true, actorVisible: true });
    const fromActor = (await anonymous().get(actorUrl(actorId))).json() as ActorPlanActions;
    expect(fromActor.items.flatMap((item) => item.actions.map((action) => action.number))).toEqual(['1', '3', '4']);
  });
});

describe('the demo', () => {
  it('links the demo plan partners to the demo actors, so the actor side lists them', async () => {
    await seedDemo(t.database.db);
    const [dvv] = await t.database.raw.query<{ id: string }>(
      "SELECT a.id FROM actors a JOIN regions r ON r.id = a.region_id WHERE r.slug = 'zuidelijke-westhoek' AND a.name = 'DVV Westhoek'",
    );
    const result = (await anonymous().get(actorUrl(dvv!.id, 'zuidelijke-westhoek'))).json() as ActorPlanActions;
    expect(result.items.map((item) => [item.plan.title, item.actions.map((action) => action.number)])).toEqual([['Demo-actieplan bovenlokale cultuurwerking CO7 2021', ['3', '11', '12']]]);
  });
});

describe('the region-wide partner overview (spreiding page)', () => {
  it('shows visitors a hidden actor only as the name written in the plan, and none of its plans by id', async () => {
    type Overview = { items: { actorId: string | null; name: string; actions: { planId: string }[] }[] };
    const visitor = (await new ApiClient(t.app).get('/api/regions/partner-regio/plans/partners')).json() as Overview;
    const written = visitor.items.find((item) => item.name === 'Cultuurdienst Poperinge');
    expect(written).toMatchObject({ actorId: null });
    expect(visitor.items.map((item) => item.actorId)).not.toContain(ids.hidden);
    expect(visitor.items.flatMap((item) => item.actions.map((a) => a.planId))).not.toContain(ids.draft);
    const byId = (await new ApiClient(t.app).get(`/api/regions/partner-regio/plans/partners?actorId=${ids.hidden}`)).json() as Overview;
    expect(byId.items).toEqual([]);

    const member = (await (await new ApiClient(t.app).login(emails.viewer!, TEST_PASSWORD)).get(`/api/regions/partner-regio/plans/partners?actorId=${ids.hidden}`)).json() as Overview;
    expect(member.items).toEqual([expect.objectContaining({ actorId: ids.hidden })]);
  });
});
