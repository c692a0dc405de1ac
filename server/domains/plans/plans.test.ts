import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { haveSeeds, SEED_FILES, seedPath } from '../../test/seeds.js';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory, plainActorFactory, SMALL_PLAN_TSV } from './factories.js';
import type { PlanAction, PlanDetail } from '../../../common/schemas/plans.js';
import type { RegionRow } from '../../http/access.js';


let t: TestApp;
let region: RegionRow;
const emails: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  region = await regionFactory(t.database.db, { slug: 'plannen-regio' });
  for (const role of ['admin', 'editor', 'steering', 'viewer'] as const) {
    emails[role] = (await userFactory(t.database.db, { regionSlug: 'plannen-regio', role, name: `Naam ${role}` })).email;
  }
  // Partners named in the test plans; several tests expect these names to link to the map.
  await plainActorFactory(t.database.db, region.id, 'Bibliotheek Ieper');
  await plainActorFactory(t.database.db, region.id, 'Vormingplus');
  await regionFactory(t.database.db, { slug: 'andere-regio' });
  emails.outsider = (await userFactory(t.database.db, { regionSlug: 'andere-regio', role: 'admin' })).email;
});
afterAll(async () => t.close());

const as = (role: string) => new ApiClient(t.app).login(emails[role]!, TEST_PASSWORD);
const anonymous = () => new ApiClient(t.app);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const allActions = (plan: PlanDetail) => [...plan.goals.flatMap((g) => g.objectives.flatMap((o) => o.actions)), ...plan.actions];

/** A region of its own with an admin and an editor, for tests whose partner names must stay unlinked. */
async function regionWithMembers() {
  const own = await regionFactory(t.database.db);
  const members: Record<string, string> = {};
  for (const role of ['admin', 'editor'] as const) members[role] = (await userFactory(t.database.db, { regionSlug: own.slug, role })).email;
  return { region: own, slug: own.slug, as: (role: 'admin' | 'editor') => new ApiClient(t.app).login(members[role]!, TEST_PASSWORD) };
}

describe('plan list and visibility', () => {
  it('shows drafts to members only and approved plans to everyone', async () => {
    const draft = await planFactory(t.database.db, region, { title: 'Geheim ontwerpplan' });
    const approved = await planFactory(t.database.db, region, { title: 'Publiek plan', status: 'goedgekeurd' });
    const publicList = (await anonymous().get('/api/regions/plannen-regio/plans')).json() as { items: { id: string; title: string }[] };
    expect(publicList.items.map((item) => item.id)).toContain(approved.id);
    expect(publicList.items.map((item) => item.id)).not.toContain(draft.id);
    expect(publicList.items.find((item) => item.id === approved.id)).toEqual({ id: approved.id, title: 'Publiek plan', kind: 'actieplan', status: 'goedgekeurd', period: { start: 2025, end: 2025 } });

    const viewer = await as('viewer');
    const memberList = (await viewer.get('/api/regions/plannen-regio/plans')).json() as { items: { id: string }[] };
    expect(memberList.items.map((item) => item.id)).toEqual(expect.arrayContaining([draft.id, approved.id]));

    expect((await anonymous().get(`/api/regions/plannen-regio/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await (await as('outsider')).get(`/api/regions/plannen-regio/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await anonymous().get(`/api/regions/plannen-regio/plans/${approved.id}`)).statusCode).toBe(200);
    // A plan of this region is not reachable through another region's slug.
    expect((await (await as('outsider')).get(`/api/regions/andere-regio/plans/${approved.id}`)).statusCode).toBe(404);
  });
});

describe('import through the API', () => {
  it('previews without writing, then imports all at once with partners linked to actors', async () => {
    const admin = await as('admin');
    const before = (await admin.get('/api/regions/plannen-regio/plans')).json() as { items: unknown[] };

    const preview = await admin.post('/api/regions/plannen-regio/plans/import/preview', { filename: 'plan.tsv', content: base64(SMALL_PLAN_TSV) });
    expect(preview.statusCode).toBe(200);
    const body = preview.json() as { summary: Record<string, unknown>; goals: { objectives: { actions: { partners: { name: string; linked: boolean }[] }[] }[] }[] };
    expect(body.summary).toMatchObject({ goals: 2, objectives: 3, actions: 5, budgetLines: 5, budgetTotalCents: 465_000, partners: 5 });
    expect(body.goals[0]!.objectives[0]!.actions[0]!.partners).toEqual([
      { name: 'Bibliotheek Ieper', linked: true },
      { name: 'Testpartner vzw', linked: false },
    ]);
    expect(((await admin.get('/api/regions/plannen-regio/plans')).json() as { items: unknown[] }).items).toHaveLength(before.items.length);

    const imported = await admin.post('/api/regions/plannen-regio/plans/import', { filename: 'plan.tsv', content: base64(SMALL_PLAN_TSV), title: 'Geïmporteerd testplan' });
    expect(imported.statusCode).toBe(201);
    const { id } = imported.json() as { id: string };
    const plan = (await admin.get(`/api/regions/plannen-regio/plans/${id}`)).json() as PlanDetail;
    expect(plan.title).toBe('Geïmporteerd testplan');
    expect(plan.budgetTotalCents).toBe(465_000);
    expect(plan.goals.map((goal) => goal.budgetTotalCents)).toEqual([215_000, 250_000]);
    const first = allActions(plan)[0]!;
    expect(first.partners.map((partner) => [partner.name, partner.actorId !== null])).toEqual([
      ['Bibliotheek Ieper', true],
      ['Testpartner vzw', false],
    ]);
    expect(allActions(plan)[2]!.budgetLines.map((line) => [line.amountCents, line.marker])).toEqual([[80_000, ''], [15_000, '*']]);
  });

  it('refuses bad files with a reason and writes nothing', async () => {
    const admin = await as('admin');
    const count = async () => ((await admin.get('/api/regions/plannen-regio/plans')).json() as { items: unknown[] }).items.length;
    const before = await count();
    const binary = await admin.post('/api/regions/plannen-regio/plans/import', { filename: 'x.xlsx', content: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]).toString('base64') });
    expect(binary.statusCode).toBe(400);
    expect(binary.json()).toMatchObject({ error: { code: 'IMPORT_FAILED', details: { reason: 'unreadableXlsx' } } });
    const pdf = await admin.post('/api/regions/plannen-regio/plans/import', { filename: 'x.pdf', content: Buffer.from('%PDF-1.4 ...').toString('base64') });
    expect(pdf.json()).toMatchObject({ error: { code: 'IMPORT_FAILED', details: { reason: 'unsupportedFormat' } } });
    const prose = await admin.post('/api/regions/plannen-regio/plans/import', { filename: 'brief.txt', content: base64('Beste,\nhier is geen tabel.\n') });
    expect(prose.json()).toMatchObject({ error: { code: 'IMPORT_FAILED', message: expect.stringContaining('geen acties gevonden'), details: { reason: 'noActions' } } });
    expect((await count())).toBe(before);
  });

  it('lets only the regisseur import, and editors preview', async () => {
    const editor = await as('editor');
    expect((await editor.post('/api/regions/plannen-regio/plans/import/preview', { filename: 'p.tsv', content: base64(SMALL_PLAN_TSV) })).statusCode).toBe(200);
    expect((await editor.post('/api/regions/plannen-regio/plans/import', { filename: 'p.tsv', content: base64(SMALL_PLAN_TSV) })).statusCode).toBe(403);
    expect((await anonymous().post('/api/regions/plannen-regio/plans/import/preview', { filename: 'p.tsv', content: base64(SMALL_PLAN_TSV) })).statusCode).toBe(401);
  });

  it.skipIf(!haveSeeds)('imports seed 000 with its exact counts and totals', async () => {
    const admin = await as('admin');
    const content = readFileSync(seedPath(SEED_FILES.co7Plan2021)).toString('base64');
    const response = await admin.post('/api/regions/plannen-regio/plans/import', { filename: '000.txt', content });
    expect(response.json()).toMatchObject({ summary: { goals: 5, objectives: 10, actions: 55, budgetLines: 37, budgetTotalCents: 9_176_400 } });
    const plan = (await admin.get(`/api/regions/plannen-regio/plans/${(response.json() as { id: string }).id}`)).json() as PlanDetail;
    expect(plan.budgetTotalCents).toBe(9_176_400);
    expect(allActions(plan)).toHaveLength(55);
    const budget = (await admin.get(`/api/regions/plannen-regio/plans/${plan.id}/budget`)).json() as { totalCents: number; byGoal: { totalCents: number }[] };
    expect(budget.totalCents).toBe(9_176_400);
    expect(budget.byGoal.map((goal) => goal.totalCents)).toEqual([625_000, 350_000, 2_806_400, 2_840_000, 2_555_000]);
  });

  it.skipIf(!haveSeeds)('imports seed 004 with milestones, working-year budgets and funding shares', async () => {
    const admin = await as('admin');
    const content = readFileSync(seedPath(SEED_FILES.westhoekPlan)).toString('base64');
    const response = await admin.post('/api/regions/plannen-regio/plans/import', { filename: '004.txt', content, status: 'goedgekeurd' });
    expect(response.json()).toMatchObject({ summary: { actions: 7, milestones: 43, budgetLines: 14, budgetTotalCents: 16_341_500 } });
    const id = (response.json() as { id: string }).id;
    const budget = (await anonymous().get(`/api/regions/plannen-regio/plans/${id}/budget`)).json() as { byYear: { label: string; totalCents: number }[]; funding: { bySource: { source: string; sharePercent: number }[] } };
    expect(budget.byYear).toEqual([
      { label: 'werkjaar 1', totalCents: 8_050_000 },
      { label: 'werkjaar 2', totalCents: 8_291_500 },
    ]);
    expect(budget.funding.bySource.find((source) => source.source === 'europese-subsidie')?.sharePercent).toBe(75);
    expect(budget.funding.bySource.find((source) => source.source === 'cofinanciering')?.sharePercent).toBe(25);
    const ics = await anonymous().get(`/api/regions/plannen-regio/plans/${id}/milestones.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(43);
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20241101');
  });
});

describe('editing an action', () => {
  async function draftAction() {
    const { id } = await planFactory(t.database.db, region);
    const admin = await as('admin');
    const plan = (await admin.get(`/api/regions/plannen-regio/plans/${id}`)).json() as PlanDetail;
    return { planId: id, action: allActions(plan)[0]! };
  }

  it('saves changes, bumps the version and records field-level history', async () => {
    const { planId, action } = await draftAction();
    const editor = await as('editor');
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    const saved = await editor.patch(url, { version: action.version, title: 'Drie netwerkmomenten per jaar', status: 'lopend', partners: [{ name: 'Bibliotheek Ieper' }], milestones: [{ title: 'Eerste moment', startDate: '2025-03-01', endDate: '2025-03-01', status: 'behaald' }, { title: 'Tweede moment', startDate: '2025-09-01', endDate: '2025-09-01' }] });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as PlanAction;
    expect(after.version).toBe(action.version + 1);
    expect(after.progress).toBe(50);
    expect(after.partners[0]!.actorId).not.toBeNull();

    const history = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/changes?actionId=${action.id}`)).json() as { items: { changes: Record<string, { before: unknown; after: unknown }>; user: { name: string } }[] };
    expect(history.items).toHaveLength(1);
    expect(history.items[0]!.user.name).toBe('Naam editor');
    expect(history.items[0]!.changes.title).toEqual({ before: 'Twee netwerkmomenten per jaar', after: 'Drie netwerkmomenten per jaar' });
    expect(history.items[0]!.changes.status).toEqual({ before: 'gepland', after: 'lopend' });
    expect(Object.keys(history.items[0]!.changes).sort()).toEqual(['milestones', 'partners', 'progress', 'status', 'title']);

    const plan = (await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail;
    expect(plan.goals[0]!.objectives[0]!.progress).toBe(25);
  });

  it('gives the second of two concurrent saves a conflict with the stored version', async () => {
    const { planId, action } = await draftAction();
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    const first = await (await as('admin')).patch(url, { version: action.version, title: 'Versie van de regisseur' });
    expect(first.statusCode).toBe(200);
    const second = await (await as('editor')).patch(url, { version: action.version, title: 'Versie van de partner' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: { code: 'CONFLICT', details: { current: { title: 'Versie van de regisseur', version: action.version + 1 } } } });
    const stored = (await anonymous().get(url)).statusCode;
    expect(stored).toBe(404); // still a draft: not public
    const reread = (await (await as('viewer')).get(url)).json() as PlanAction;
    expect(reread.title).toBe('Versie van de regisseur');
  });

  it('refuses viewers, steering members and other regions, and validates input', async () => {
    const { planId, action } = await draftAction();
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    expect((await (await as('viewer')).patch(url, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await (await as('steering')).patch(url, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await (await as('outsider')).patch(url, { version: 1, title: 'x' })).statusCode).toBe(403);
    const bad = await (await as('admin')).patch(url, { version: 1, progress: 140, milestones: [{ title: 'm', startDate: '2025-13-01' }] });
    expect(bad.statusCode).toBe(400);
    const reversed = await (await as('admin')).patch(url, { version: 1, milestones: [{ title: 'm', startDate: '2025-05-01', endDate: '2025-04-01' }] });
    expect(reversed.statusCode).toBe(400);
  });
});

describe('approved plans: monitoring directly, content through proposals', () => {
  it('lets editors update status, routes content changes through a steering decision', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const editor = await as('editor');
    const plan = (await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail;
    const action = allActions(plan)[1]!;
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;

    const content = await editor.patch(url, { version: action.version, title: 'Nieuwe titel' });
    expect(content.statusCode).toBe(409);
    expect(content.json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });
    const monitoring = await editor.patch(url, { version: action.version, status: 'lopend', progress: 30 });
    expect(monitoring.statusCode).toBe(200);
    // Milestones on an approved plan: statuses only; a new milestone is content.
    const sneaky = await editor.patch(url, { version: action.version + 1, milestones: [{ title: 'Nieuwe mijlpaal', startDate: '2025-01-01', endDate: '2025-01-31' }] });
    expect(sneaky.json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });

    const proposed = await editor.post(`${url}/proposals`, { changes: { title: 'Een gedeelde digitale agenda', regierol: 'Agenda beheren' }, reason: 'Afspraak op de stuurgroep' });
    expect(proposed.statusCode).toBe(201);
    const proposal = proposed.json() as { id: string; status: string; baseVersion: number };
    expect(proposal).toMatchObject({ status: 'open', baseVersion: action.version + 1 });

    const decisionUrl = `/api/regions/plannen-regio/plans/${planId}/proposals/${proposal.id}/decision`;
    expect((await editor.post(decisionUrl, { decision: 'goedgekeurd' })).statusCode).toBe(403);
    expect((await (await as('admin')).post(decisionUrl, { decision: 'goedgekeurd' })).statusCode).toBe(403);
    const steering = await as('steering');
    const decided = await steering.post(decisionUrl, { decision: 'goedgekeurd', comment: 'Akkoord' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'goedgekeurd', decisionComment: 'Akkoord', decidedBy: 'Naam steering', proposedBy: 'Naam editor' });
    expect((await steering.post(decisionUrl, { decision: 'afgewezen' })).json()).toMatchObject({ error: { code: 'PROPOSAL_DECIDED' } });

    const after = (await anonymous().get(url)).json() as PlanAction;
    expect(after.title).toBe('Een gedeelde digitale agenda');
    expect(after.regierol).toBe('Agenda beheren');
    const history = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/changes?actionId=${action.id}`)).json() as { items: { proposalId: string | null; user: { name: string } }[] };
    expect(history.items[0]).toMatchObject({ proposalId: proposal.id, user: { name: 'Naam steering' } });
  });

  it('rejects a proposal whose action changed since, and keeps rejected ones unapplied', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'lopend' });
    const editor = await as('editor');
    const action = allActions((await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail)[0]!;
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    const stale = (await editor.post(`${url}/proposals`, { changes: { title: 'Verouderd voorstel' } })).json() as { id: string };
    const rejected = (await editor.post(`${url}/proposals`, { changes: { title: 'Afgewezen voorstel' } })).json() as { id: string };
    await editor.patch(url, { version: action.version, status: 'uitgesteld' });
    const steering = await as('steering');
    const conflict = await steering.post(`/api/regions/plannen-regio/plans/${planId}/proposals/${stale.id}/decision`, { decision: 'goedgekeurd' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const proposals = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/proposals`)).json() as { items: { id: string; status: string }[] };
    expect(proposals.items.find((p) => p.id === stale.id)?.status).toBe('open');
    await steering.post(`/api/regions/plannen-regio/plans/${planId}/proposals/${rejected.id}/decision`, { decision: 'afgewezen', comment: 'Nee' });
    expect(((await editor.get(url)).json() as PlanAction).title).toBe(action.title);
  });

  it('does not take proposals for drafts', async () => {
    const { id: planId } = await planFactory(t.database.db, region);
    const editor = await as('editor');
    const action = allActions((await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail)[0]!;
    const response = await editor.post(`/api/regions/plannen-regio/plans/${planId}/actions/${action.id}/proposals`, { changes: { title: 'x' } });
    expect(response.json()).toMatchObject({ error: { code: 'PROPOSAL_NOT_NEEDED' } });
  });
});

describe('versions and compare', () => {
  it('names versions and shows what was added, reworded and moved since', async () => {
    const { id: planId } = await planFactory(t.database.db, region);
    const admin = await as('admin');
    const plan = (await admin.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail;
    const created = await admin.post(`/api/regions/plannen-regio/plans/${planId}/versions`, { name: 'Goedgekeurd door de stuurgroep op 25/06/2025' });
    expect(created.statusCode).toBe(201);
    const versionId = (created.json() as { id: string }).id;

    const action = plan.goals[0]!.objectives[0]!.actions[1]!;
    const targetObjective = plan.goals[1]!.objectives[0]!;
    await admin.patch(`/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`, { version: action.version, title: 'Een gedeelde online agenda', objectiveId: targetObjective.id });

    const compare = (await admin.get(`/api/regions/plannen-regio/plans/${planId}/compare?from=${versionId}&to=current`)).json() as {
      reworded: { id: string; fields: string[] }[];
      moved: { id: string; from: string; to: string }[];
      added: unknown[];
      removed: unknown[];
    };
    expect(compare.added).toEqual([]);
    expect(compare.removed).toEqual([]);
    expect(compare.reworded).toEqual([expect.objectContaining({ id: action.id, fields: ['title'] })]);
    expect(compare.moved).toEqual([expect.objectContaining({ id: action.id, from: 'OD1.1', to: 'OD2.1' })]);

    const versions = (await admin.get(`/api/regions/plannen-regio/plans/${planId}/versions`)).json() as { items: { name: string; createdBy: string }[] };
    expect(versions.items).toEqual([expect.objectContaining({ name: 'Goedgekeurd door de stuurgroep op 25/06/2025', createdBy: 'Naam admin' })]);
    expect((await (await as('editor')).post(`/api/regions/plannen-regio/plans/${planId}/versions`, { name: 'Poging' })).statusCode).toBe(403);
  });
});

describe('plan settings and exports', () => {
  it('changes the status with a version check', async () => {
    const { id: planId } = await planFactory(t.database.db, region);
    const admin = await as('admin');
    const ok = await admin.patch(`/api/regions/plannen-regio/plans/${planId}`, { version: 1, status: 'goedgekeurd' });
    expect(ok.json()).toMatchObject({ status: 'goedgekeurd', version: 2 });
    expect((await admin.patch(`/api/regions/plannen-regio/plans/${planId}`, { version: 1, title: 'Oud' })).statusCode).toBe(409);
    expect((await (await as('editor')).patch(`/api/regions/plannen-regio/plans/${planId}`, { version: 2, status: 'afgesloten' })).statusCode).toBe(403);
  });

  it('exports CSV in the importer columns, which imports back to the same plan', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const csv = await anonymous().get(`/api/regions/plannen-regio/plans/${planId}/export.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 2)).toEqual(['\uFEFFPlan: Testplan actieplan 2025', 'SD;OD;Nr;Actie;Timing;Budget;Partners;Regierol;Actorrol;Spreiding;Type;Status;Wat;Waarom;Hoe;Mijlpalen;Resultaten;Indicatoren;Verantwoordelijke;Zie ook']);
    const preview = await (await as('admin')).post('/api/regions/plannen-regio/plans/import/preview', { filename: 'export.csv', content: base64(csv.body) });
    expect(preview.json()).toMatchObject({ summary: { goals: 2, objectives: 3, actions: 5, budgetLines: 5, budgetTotalCents: 465_000, partners: 5, warnings: [] } });
  });
});

describe('XLSX and PDF exports', () => {
  it.skipIf(!haveSeeds)('round-trips seed 004 and seed 000 through XLSX without loss', async () => {
    const admin = await as('admin');
    for (const name of ['000_2f1154fcdd5e0142.txt', '004_4f0f4e3f9cff85db.txt']) {
      const content = readFileSync(seedPath(name)).toString('base64');
      const imported = (await admin.post('/api/regions/plannen-regio/plans/import', { filename: name, content })).json() as { id: string; summary: Record<string, unknown> };
      const original = (await admin.get(`/api/regions/plannen-regio/plans/${imported.id}`)).json() as PlanDetail;
      const xlsx = await admin.request('GET', `/api/regions/plannen-regio/plans/${imported.id}/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const again = await admin.post('/api/regions/plannen-regio/plans/import', { filename: 'terug.xlsx', content: xlsx.rawPayload.toString('base64') });
      expect(again.statusCode, again.body).toBe(201);
      const copy = (await admin.get(`/api/regions/plannen-regio/plans/${(again.json() as { id: string }).id}`)).json() as PlanDetail;
      expect(copy.title).toBe(original.title);
      const shape = (plan: PlanDetail) => ({
        goals: plan.goals.map((g) => [g.code, g.title, g.objectives.map((o) => [o.code, o.title])]),
        actions: allActions(plan).map((a) => ({
          number: a.number,
          title: a.title,
          type: a.type,
          timing: a.timing?.label ?? null,
          status: a.status,
          what: a.what,
          why: a.why,
          how: a.how,
          results: a.results,
          indicators: a.indicators.map((i) => i.name),
          regierol: a.regierol,
          partners: a.partners.map((p) => p.name),
          budget: a.budgetLines.map((l) => [l.amountCents, l.marker, l.per, l.vatNote, l.workingYear, l.description]),
          milestones: a.milestones.map((m) => [m.title, m.startDate, m.endDate]),
        })),
      });
      expect(shape(copy)).toEqual(shape(original));
    }
  });

  it('writes a PDF table and refuses unreadable workbooks', async () => {
    const { id } = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const pdf = await anonymous().request('GET', `/api/regions/plannen-regio/plans/${id}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]).toString('base64');
    const response = await (await as('admin')).post('/api/regions/plannen-regio/plans/import/preview', { filename: 'kapot.xlsx', content: broken });
    expect(response.json()).toMatchObject({ error: { code: 'IMPORT_FAILED', details: { reason: 'unreadableXlsx' } } });
    const docx = await (await as('admin')).post('/api/regions/plannen-regio/plans/import/preview', { filename: 'plan.docx', content: broken });
    expect(docx.json()).toMatchObject({ error: { code: 'IMPORT_FAILED', details: { reason: 'unreadableDocx' } } });
  });
});

describe('indicators, spreiding and partners', () => {
  it('adds indicators with targets and dated measurements, recorded in the history', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'lopend' });
    const editor = await as('editor');
    const action = allActions((await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail)[0]!;
    const created = await editor.post(`/api/regions/plannen-regio/plans/${planId}/actions/${action.id}/indicators`, { name: 'Aantal deelnemers', unit: 'personen', baseline: 10, target: 40 });
    expect(created.statusCode).toBe(201);
    const indicator = created.json() as { id: string };
    const measured = await editor.post(`/api/regions/plannen-regio/plans/${planId}/indicators/${indicator.id}/measurements`, { measuredOn: '2025-06-30', value: 22.5, source: 'aanwezigheidslijsten' });
    expect(measured.json()).toMatchObject({ name: 'Aantal deelnemers', baseline: 10, target: 40, measurements: [{ measuredOn: '2025-06-30', value: 22.5, source: 'aanwezigheidslijsten' }] });
    const updated = await editor.patch(`/api/regions/plannen-regio/plans/${planId}/indicators/${indicator.id}`, { target: 50 });
    expect(updated.json()).toMatchObject({ target: 50 });
    expect((await (await as('viewer')).post(`/api/regions/plannen-regio/plans/${planId}/indicators/${indicator.id}/measurements`, { measuredOn: '2025-07-01', value: 1 })).statusCode).toBe(403);
    const history = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/changes?actionId=${action.id}`)).json() as { items: { changes: Record<string, unknown> }[] };
    expect(history.items.map((item) => Object.keys(item.changes)[0])).toEqual(['target', 'measurement', 'indicator']);
  });

  it('counts actions per municipality and flags the unreached ones', async () => {
    // "in de regio" reaches the whole region; "op verplaatsing" names no municipality.
    const text = ['Nr;Actie;Spreiding', '1;Overal;alle gemeenten', '2;Enkel Ieper;Ieper', '3;In de regio;in de regio', '4;Ergens;op verplaatsing'].join('\n');
    const { id: planId } = await planFactory(t.database.db, region, { text, status: 'goedgekeurd' });
    const spreiding = (await anonymous().get(`/api/regions/plannen-regio/plans/${planId}/spreiding`)).json() as { municipalities: { name: string; actions: number }[]; unreached: unknown[]; unplaced: number };
    expect(spreiding.municipalities.map((m) => [m.name, m.actions])).toEqual([
      ['Ieper', 3],
      ['Poperinge', 2],
    ]);
    expect(spreiding.unreached).toEqual([]);
    expect(spreiding.unplaced).toBe(1);
  });

  it('lists partners with their actions, linked both ways with the network map', async () => {
    const actorId = await plainActorFactory(t.database.db, region.id, 'Cultuurdienst Poperinge');
    await planFactory(t.database.db, region, { status: 'goedgekeurd', title: 'Plan met partner' });
    const overview = (await anonymous().get(`/api/regions/plannen-regio/plans/partners?actorId=${actorId}`)).json() as { items: { actorId: string; actions: { planTitle: string; number: string }[] }[] };
    expect(overview.items).toHaveLength(1);
    expect(overview.items[0]!.actions).toContainEqual(expect.objectContaining({ planTitle: 'Plan met partner', number: '2' }));
  });
});

describe('linking partners to actors', () => {
  it('links an unlinked partner name on an approved plan, bumping the action version, and refuses actors of other regions', async () => {
    const own = await regionWithMembers();
    const { id: planId } = await planFactory(t.database.db, own.region, { status: 'goedgekeurd' });
    const editor = await own.as('editor');
    const action = allActions((await editor.get(`/api/regions/${own.slug}/plans/${planId}`)).json() as PlanDetail)[4]!;
    const partner = action.partners.find((p) => p.name === 'Onbekende partner')!;
    expect(partner.actorId).toBeNull();
    const actorId = await plainActorFactory(t.database.db, own.region.id, 'Nieuwe vereniging');
    const linked = await editor.post(`/api/regions/${own.slug}/plans/${planId}/partners/${partner.id}/link`, { actorId });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ version: action.version + 1, partners: [{ name: 'Onbekende partner', actorId }] });
    const other = await regionFactory(t.database.db);
    const foreign = await plainActorFactory(t.database.db, other.id, 'Vreemde actor');
    expect((await editor.post(`/api/regions/${own.slug}/plans/${planId}/partners/${partner.id}/link`, { actorId: foreign })).statusCode).toBe(400);
    // A save based on the version before the link gets a conflict instead of undoing it.
    expect((await editor.patch(`/api/regions/${own.slug}/plans/${planId}/actions/${action.id}`, { version: action.version, status: 'lopend' })).statusCode).toBe(409);
  });
});

describe('editing budget lines, milestones and partners of an action', () => {
  it('adds, changes and removes rows on a draft with history, and gives a stale save a conflict with both lists', async () => {
    const { id: planId } = await planFactory(t.database.db, region);
    const editor = await as('editor');
    const action = allActions((await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail)[2]!;
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    expect(action.budgetLines.map((l) => [l.amountCents, l.marker])).toEqual([[80_000, ''], [15_000, '*']]);
    const [lesgevers] = action.budgetLines.map(({ id: _id, ...line }) => line);
    // Change the first amount, drop the catering line, add a subsidy line; rename the partner; add a milestone.
    const budgetLines = [{ ...lesgevers!, amountCents: 90_000 }, { amountCents: 250_000, description: 'zaalhuur', year: 2025, fundingSource: 'vlaamse-subsidie' }];
    const saved = await editor.patch(url, { version: action.version, budgetLines, partners: [{ name: 'Vormingplus Westhoek' }], milestones: [{ title: 'Eerste les', startDate: '2025-10-01', endDate: '2025-10-01' }] });
    expect(saved.statusCode).toBe(200);
    const after = saved.json() as PlanAction;
    expect(after.budgetLines.map((l) => [l.amountCents, l.description, l.year, l.fundingSource])).toEqual([
      [90_000, lesgevers!.description, null, lesgevers!.fundingSource],
      [250_000, 'zaalhuur', 2025, 'vlaamse-subsidie'],
    ]);
    expect(after.budgetTotalCents).toBe(340_000);
    expect(after.partners.map((p) => p.name)).toEqual(['Vormingplus Westhoek']);
    expect(after.milestones.map((m) => m.title)).toEqual(['Eerste les']);
    const history = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/changes?actionId=${action.id}`)).json() as { items: { changes: Record<string, { before: unknown; after: unknown }> }[] };
    expect(Object.keys(history.items[0]!.changes).sort()).toEqual(['budgetLines', 'milestones', 'partners']);
    expect((history.items[0]!.changes.budgetLines!.before as unknown[]).length).toBe(2);
    expect(history.items[0]!.changes.budgetLines!.before).toContainEqual(expect.objectContaining({ amountCents: 15_000, marker: '*' }));

    // Someone else saved meanwhile: the stale budget edit gets the stored lines back, nothing is overwritten.
    const stale = await (await as('admin')).patch(url, { version: action.version, budgetLines: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'CONFLICT', details: { current: { version: after.version, budgetTotalCents: 340_000 } } } });
    // The budget overview follows: per year and per source with the shares of the total.
    const overview = (await editor.get(`/api/regions/plannen-regio/plans/${planId}/budget`)).json() as { byYear: { label: string; totalCents: number }[]; bySource: { source: string; totalCents: number; sharePercent: number }[] };
    expect(overview.byYear).toContainEqual({ label: '2025', totalCents: 250_000 });
    const subsidy = overview.bySource.find((source) => source.source === 'vlaamse-subsidie')!;
    const total = overview.bySource.reduce((sum, source) => sum + source.totalCents, 0);
    expect(subsidy).toEqual({ source: 'vlaamse-subsidie', totalCents: 250_000, sharePercent: Math.round((10000 * 250_000) / total) / 100 });
    expect(overview.bySource.reduce((sum, source) => sum + source.sharePercent, 0)).toBeCloseTo(100, 1);
    // Removing every line is a change like any other.
    const emptied = (await editor.patch(url, { version: after.version, budgetLines: [] })).json() as PlanAction;
    expect(emptied).toMatchObject({ budgetLines: [], budgetTotalCents: 0 });
  });

  it('sends budget lines and partners of approved plans through a proposal, milestone statuses directly', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'lopend' });
    const editor = await as('editor');
    const action = allActions((await editor.get(`/api/regions/plannen-regio/plans/${planId}`)).json() as PlanDetail)[0]!;
    const url = `/api/regions/plannen-regio/plans/${planId}/actions/${action.id}`;
    const lines = [{ amountCents: 150_000, description: 'zaalhuur' }];
    expect((await editor.patch(url, { version: action.version, budgetLines: lines })).json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });
    expect((await editor.patch(url, { version: action.version, partners: [] })).json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });
    const proposal = (await editor.post(`${url}/proposals`, { changes: { budgetLines: lines, partners: [{ name: 'Bibliotheek Ieper' }] }, reason: 'Nieuwe offerte' })).json() as { id: string };
    const decided = await (await as('steering')).post(`/api/regions/plannen-regio/plans/${planId}/proposals/${proposal.id}/decision`, { decision: 'goedgekeurd' });
    expect(decided.statusCode).toBe(200);
    const after = (await editor.get(url)).json() as PlanAction;
    expect(after).toMatchObject({ budgetTotalCents: 150_000, partners: [{ name: 'Bibliotheek Ieper' }] });
  });
});

describe('creating an actor from a partner name', () => {
  it('lets an admin turn an unknown partner into a new actor of the network map, linked and in the history', async () => {
    const own = await regionWithMembers();
    const { id: planId } = await planFactory(t.database.db, own.region, { status: 'goedgekeurd' });
    const base = `/api/regions/${own.slug}/plans/${planId}`;
    const admin = await own.as('admin');
    const action = allActions((await admin.get(base)).json() as PlanDetail)[4]!;
    const partner = action.partners.find((p) => p.name === 'Onbekende partner')!;
    expect(partner.actorId).toBeNull();
    const body = { kind: 'organisatie', sectors: ['lokaal-cultuurbeleid'], municipality: '33011' };
    // Editors link, but only admins add actors to the network map.
    expect((await (await own.as('editor')).post(`${base}/partners/${partner.id}/actor`, body)).statusCode).toBe(403);
    // An admin of another region cannot add actors to this region's map through its plans.
    expect((await (await as('outsider')).post(`${base}/partners/${partner.id}/actor`, body)).statusCode).toBe(403);
    // The municipality must be one of the region's.
    expect((await admin.post(`${base}/partners/${partner.id}/actor`, { ...body, municipality: '11002' })).statusCode).toBe(400);
    const created = await admin.post(`${base}/partners/${partner.id}/actor`, body);
    expect(created.statusCode).toBe(201);
    const saved = created.json() as PlanAction;
    const actorId = saved.partners.find((p) => p.name === 'Onbekende partner')!.actorId;
    expect(actorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.version).toBe(action.version + 1);
    const actor = (await admin.get(`/api/regions/${own.slug}/actors/${actorId}`)).json() as { name: string; municipality: { nisCode: string } };
    expect(actor).toMatchObject({ name: 'Onbekende partner', municipality: { nisCode: '33011' } });
    const history = (await admin.get(`${base}/changes?actionId=${action.id}`)).json() as { items: { change: string; changes: Record<string, { before: unknown; after: unknown }> }[] };
    expect(history.items[0]!.changes).toEqual({ 'partner:Onbekende partner': { before: null, after: actorId }, 'actorCreated:Onbekende partner': { before: null, after: actorId } });
    // A linked partner cannot be created twice.
    expect((await admin.post(`${base}/partners/${partner.id}/actor`, body)).statusCode).toBe(400);
  });
});

describe('changing the structure of a draft plan', () => {
  it('adds goals, objectives and actions, moves an OD to another SD, removes an action, and compare shows it all', async () => {
    const { id: planId } = await planFactory(t.database.db, region);
    const editor = await as('editor');
    const admin = await as('admin');
    const base = `/api/regions/plannen-regio/plans/${planId}`;
    const version = (await admin.post(`${base}/versions`, { name: 'Voor de herwerking' })).json() as { id: string };
    const plan = (await editor.get(base)).json() as PlanDetail;

    const goal = await editor.post(`${base}/goals`, { code: 'SD3', title: 'Nieuwe doelstelling' });
    expect(goal.statusCode).toBe(201);
    const goalId = (goal.json() as { id: string }).id;
    const objective = (await editor.post(`${base}/objectives`, { goalId, code: 'OD3.1', title: 'Nieuwe OD' })).json() as { id: string };
    const created = await editor.post(`${base}/actions`, { title: 'Een nieuwe actie', objectiveId: objective.id, budgetLines: [{ amountCents: 50_000, description: 'materiaal' }] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ number: '6', objectiveId: objective.id, budgetTotalCents: 50_000 });
    // "Naar SD 2": OD1.2 moves under SD2.
    const moved = await editor.patch(`${base}/objectives/${plan.goals[0]!.objectives[1]!.id}`, { goalId: plan.goals[1]!.id });
    expect(moved.statusCode).toBe(200);
    expect((await editor.delete(`${base}/actions/${plan.goals[1]!.objectives[0]!.actions[1]!.id}`)).statusCode).toBe(204);

    const after = (await editor.get(base)).json() as PlanDetail;
    expect(after.goals.map((g) => [g.code, g.objectives.map((o) => o.code)])).toEqual([
      ['SD1', ['OD1.1']],
      ['SD2', ['OD2.1', 'OD1.2']],
      ['SD3', ['OD3.1']],
    ]);
    const compare = (await editor.get(`${base}/compare?from=${version.id}`)).json() as { added: { code: string }[]; removed: { code: string }[]; moved: { code: string; from: string; to: string }[] };
    expect(compare.added.map((item) => item.code).sort()).toEqual(['6', 'OD3.1', 'SD3']);
    expect(compare.removed.map((item) => item.code)).toEqual(['5']);
    expect(compare.moved).toEqual([expect.objectContaining({ code: 'OD1.2', from: 'SD1', to: 'SD2' })]);
    const history = (await editor.get(`${base}/changes`)).json() as { items: { change: string; entityType: string }[] };
    expect(history.items.map((item) => `${item.change} ${item.entityType}`)).toEqual(expect.arrayContaining(['delete action', 'create action', 'update objective', 'create goal']));
  });

  it('refuses structure changes on approved plans and by viewers', async () => {
    const { id: planId } = await planFactory(t.database.db, region, { status: 'goedgekeurd' });
    const base = `/api/regions/plannen-regio/plans/${planId}`;
    expect((await (await as('editor')).post(`${base}/actions`, { title: 'x' })).json()).toMatchObject({ error: { code: 'PROPOSAL_REQUIRED' } });
    const { id: draftId } = await planFactory(t.database.db, region);
    expect((await (await as('viewer')).post(`/api/regions/plannen-regio/plans/${draftId}/goals`, { code: 'SD9' })).statusCode).toBe(403);
  });
});
