import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { haveSeeds, SEED_FILES, seedPath } from '../../test/seeds.js';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory, plainActorFactory } from './factories.js';
import type { ImportPreview, PartnerSuggestions, PlanAction, PlanDetail, PlanPartners, SpreidingOverview } from '../../../common/schemas/plans.js';
import type { RegionRow } from '../../http/access.js';

// Spreiding mapped to municipalities on import and edit, and partner link suggestions, through the API.
let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};
const CO7 = ['33039', '33011', '33040', '33016', '33021', '33041', '33037'];

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug: 'spreiding-regio', name: 'Zuidelijke Westhoek (CO7)', municipalities: CO7 });
  for (const role of ['admin', 'editor', 'viewer'] as const) emails[role] = (await userFactory(t.database.db, { regionSlug: 'spreiding-regio', role })).email;
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
const anonymous = () => new ApiClient(t.app);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const url = (planId: string, rest = '') => `/api/regions/spreiding-regio/plans/${planId}${rest}`;
const actionsOf = (plan: PlanDetail) => [...plan.goals.flatMap((g) => g.objectives.flatMap((o) => o.actions)), ...plan.actions];

const PLAN = [
  'Spreidingsplan 2025',
  'Nr\tActie\tTiming\tBudget\tPartners\tSpreiding',
  'SD1 Overal aanwezig',
  'OD1.1 In de gemeenten',
  '1\tTheaterworkshops\t2025\t\tstad Ieper, Bibliotheken\tIeper, Poperinge en Heuvelland',
  '2\tProjectweek\t2025\t\tstad Ieper\tgemeente Mesen',
  '3\tNieuwsbrief\t2025\t\tBibliotheken\tdigitaal',
  '4\tUitleendienst\t2025\t\t\tZuidelijke Westhoek',
  '5\tWandeling\t2025\t\t\tIeper en de kustgemeenten',
].join('\n');

describe('spreiding on import', () => {
  it('the preview says which texts stayed unmapped; the import stores the municipalities and the spreiding page shows the rest', async () => {
    const admin = await as('admin');
    const preview = (await admin.post('/api/regions/spreiding-regio/plans/import/preview', { filename: 'plan.tsv', content: base64(PLAN) })).json() as ImportPreview;
    expect(preview.spreiding).toEqual({
      mapped: 4,
      unmapped: [
        { text: 'digitaal', actions: ['3'] },
        { text: 'de kustgemeenten', actions: ['5'] },
      ],
    });

    const { id } = await planFactory(t.database.db, region, { text: PLAN, status: 'goedgekeurd' });
    const actions = actionsOf((await anonymous().get(url(id))).json() as PlanDetail);
    expect(actions.map((action) => [action.number, action.spreiding.all, action.spreiding.nisCodes, action.spreiding.unmapped])).toEqual([
      ['1', false, ['33011', '33021', '33039'], []],
      ['2', false, ['33016'], []],
      ['3', false, [], ['digitaal']],
      ['4', true, [], []],
      ['5', false, ['33011'], ['de kustgemeenten']],
    ]);
    expect(actions[0]!.spreiding.text).toBe('Ieper, Poperinge en Heuvelland');

    const overview = (await anonymous().get(url(id, '/spreiding'))).json() as SpreidingOverview;
    expect(Object.fromEntries(overview.municipalities.map((m) => [m.name, m.actions]))).toEqual({
      Heuvelland: 2,
      Ieper: 3,
      'Langemark-Poelkapelle': 1,
      Mesen: 2,
      Poperinge: 2,
      Vleteren: 1,
      Zonnebeke: 1,
    });
    expect(overview.unplaced).toBe(1);
    expect(overview.unmappedTexts.map((item) => [item.number, item.unmapped])).toEqual([
      ['3', ['digitaal']],
      ['5', ['de kustgemeenten']],
    ]);
  });

  it('maps a changed spreiding text again when an action is edited, keeping the codes the editor chose', async () => {
    const { id } = await planFactory(t.database.db, region, { text: PLAN });
    const editor = await as('editor');
    const action = actionsOf((await editor.get(url(id))).json() as PlanDetail)[2]!;
    const saved = await editor.patch(url(id, `/actions/${action.id}`), { version: action.version, spreiding: { all: false, text: 'stad Poperinge en Vleteren', nisCodes: ['33037'] } });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as PlanAction).spreiding).toEqual({ all: false, text: 'stad Poperinge en Vleteren', nisCodes: ['33021', '33037', '33041'], unmapped: [] });
    // The text unchanged: the editor's choice of codes stands (a municipality removed stays removed).
    const current = saved.json() as PlanAction;
    const trimmed = await editor.patch(url(id, `/actions/${action.id}`), { version: current.version, spreiding: { all: false, text: current.spreiding.text, nisCodes: ['33021'] } });
    expect((trimmed.json() as PlanAction).spreiding.nisCodes).toEqual(['33021']);
  });
});

describe.skipIf(!haveSeeds)('spreiding of the seed plans', () => {
  it('seed 001: "alle gemeenten" on every objective reaches every municipality, nothing unmapped', async () => {
    const text = readFileSync(seedPath(SEED_FILES.policyPlanDraft), 'utf8');
    const { id } = await planFactory(t.database.db, region, { text, status: 'goedgekeurd' });
    const overview = (await anonymous().get(url(id, '/spreiding'))).json() as SpreidingOverview;
    expect(overview.unreached).toEqual([]);
    expect(overview.unmappedTexts).toEqual([]);
    expect(overview.municipalities.every((municipality) => municipality.actions > 0)).toBe(true);
  });

  it('seed 000 with a spreiding column in its own words: places mapped, the online platform left unmapped', async () => {
    // Where the seed says its actions happen: 13 starts in Mesen, 27 is UiTPAS Westhoek, 44 is with stad Ieper and stad Poperinge, 22 is online (Cultuurkuur).
    const where: Record<string, string> = { '13': 'Mesen', '22': 'Cultuurkuur', '27': 'Westhoek', '44': 'stad Ieper, stad Poperinge' };
    const lines = readFileSync(seedPath(SEED_FILES.co7Plan2021), 'utf8').split(/\r?\n/);
    const text = lines
      .map((line) => {
        if (/^Nr\.?\t/.test(line)) return `${line}\tSpreiding`;
        const number = /^(\d+)\t/.exec(line)?.[1];
        return number ? `${line.split('\t').slice(0, 5).join('\t')}\t${where[number] ?? ''}` : line;
      })
      .join('\n');
    const admin = await as('admin');
    const preview = (await admin.post('/api/regions/spreiding-regio/plans/import/preview', { filename: 'co7.tsv', content: base64(text) })).json() as ImportPreview;
    expect(preview.spreiding).toEqual({ mapped: 3, unmapped: [{ text: 'Cultuurkuur', actions: ['22'] }] });
    const { id } = await planFactory(t.database.db, region, { text, status: 'goedgekeurd' });
    const overview = (await anonymous().get(url(id, '/spreiding'))).json() as SpreidingOverview;
    const count = Object.fromEntries(overview.municipalities.map((m) => [m.name, m.actions]));
    expect(count).toMatchObject({ Mesen: 2, Ieper: 2, Poperinge: 2, Heuvelland: 1 });
  });
});

describe('partner link suggestions', () => {
  it('suggests actors for unlinked names (preview and plan), members only; one click links every occurrence', async () => {
    const cultuurdienst = await plainActorFactory(t.database.db, region.id, 'Cultuurdienst Ieper');
    await plainActorFactory(t.database.db, region.id, 'Sportdienst Ieper');
    const libraries = [await plainActorFactory(t.database.db, region.id, 'Bibliotheek Poperinge'), await plainActorFactory(t.database.db, region.id, 'Biblio7')];
    const admin = await as('admin');
    const preview = (await admin.post('/api/regions/spreiding-regio/plans/import/preview', { filename: 'plan.tsv', content: base64(PLAN) })).json() as ImportPreview;
    expect(preview.partnerSuggestions.find((item) => item.name === 'stad Ieper')!.suggestions[0]).toEqual({ actorId: cultuurdienst, actorName: 'Cultuurdienst Ieper', confidence: 'high' });

    const { id } = await planFactory(t.database.db, region, { text: PLAN, status: 'goedgekeurd' });
    expect((await anonymous().get(url(id, '/partner-suggestions'))).statusCode).toBe(401);
    const suggestions = (await (await as('viewer')).get(url(id, '/partner-suggestions'))).json() as PartnerSuggestions;
    const stad = suggestions.items.find((item) => item.name === 'stad Ieper')!;
    expect(stad.partnerIds).toHaveLength(2);
    const bib = suggestions.items.find((item) => item.name === 'Bibliotheken')!;
    expect(bib.suggestions.map((suggestion) => suggestion.actorId).sort()).toEqual([...libraries].sort());

    expect((await (await as('viewer')).post(url(id, '/partner-suggestions/accept'), { name: 'stad Ieper', actorIds: [cultuurdienst] })).statusCode).toBe(403);
    const editor = await as('editor');
    expect((await editor.post(url(id, '/partner-suggestions/accept'), { name: 'stad Ieper', actorIds: [cultuurdienst] })).json()).toEqual({ linked: 2 });
    expect((await editor.post(url(id, '/partner-suggestions/accept'), { name: 'Bibliotheken', actorIds: libraries })).json()).toEqual({ linked: 2 });

    const partners = (await editor.get(url(id, '/partners'))).json() as PlanPartners;
    expect(partners.items.find((item) => item.actorId === cultuurdienst)!.actions.map((action) => action.number)).toEqual(['1', '2']);
    for (const library of libraries) expect(partners.items.find((item) => item.actorId === library)!.actions.map((action) => action.number)).toEqual(['1', '3']);
    expect(((await editor.get(url(id, '/partner-suggestions'))).json() as PartnerSuggestions).items).toEqual([]);
    // Accepting again finds nothing left to link; an actor of another region is refused.
    expect((await editor.post(url(id, '/partner-suggestions/accept'), { name: 'stad Ieper', actorIds: [cultuurdienst] })).statusCode).toBe(404);
    const other = await regionFactory(t.database.db);
    const foreign = await plainActorFactory(t.database.db, other.id, 'Cultuurdienst Ieper');
    expect((await editor.post(url(id, '/partner-suggestions/accept'), { name: 'Bibliotheken', actorIds: [foreign] })).statusCode).toBe(400);
  });
});
