import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory, linkMemberToActor } from '../network/factories.js';
import { planFactory } from '../plans/factories.js';
import { getPlanDetail, loadPlan } from '../plans/service.js';
import type { RegionRow } from '../../http/access.js';
import { guestSheetFactory } from './factories.js';
import { WORKSHOP_EVENTS_CHANNEL } from './workshop-events.js';
import type { BrokeringSheet, Combination, CooperationIdea, Inspiration, PartnerCard } from '../../../common/schemas/brokering.js';

let t: TestApp;
let region: RegionRow;
const slug = 'makelaarregio';
let adminEmail: string;
let editorEmail: string;
let viewerEmail: string;
let otherAdminEmail: string;
let ids: Record<string, string>;
const base = `/api/regions/${slug}/brokering`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '33016'] });
  await regionFactory(db, { slug: 'andere-makelaarregio' });
  adminEmail = (await userFactory(db, { regionSlug: slug, role: 'admin' })).email;
  otherAdminEmail = (await userFactory(db, { regionSlug: 'andere-makelaarregio', role: 'admin' })).email;
  const editor = await userFactory(db, { regionSlug: slug, role: 'editor' });
  editorEmail = editor.email;
  viewerEmail = (await userFactory(db, { regionSlug: slug, role: 'viewer' })).email;
  ids = {
    bib: await actorFactory(db, region.id, { name: 'Bibliotheek Poperinge', municipality: '33021', sectors: ['lokaal-cultuurbeleid'], needs: ['ruimte voor workshops'], strengths: ['maakplaats'] }),
    cc: await actorFactory(db, region.id, { name: 'CC Poperinge', municipality: '33021', sectors: ['lokaal-cultuurbeleid'] }),
    ligo: await actorFactory(db, region.id, { name: 'LIGO Ieper', municipality: '33011', sectors: ['onderwijs'] }),
    sport: await actorFactory(db, region.id, { name: 'Sportdienst Ieper', municipality: '33011', sectors: ['sport'] }),
    other: await actorFactory(db, region.id, { name: 'Andere Vereniging', municipality: '33016', sectors: ['welzijn'] }),
  };
  await linkMemberToActor(db, editor.userId, region.id, ids.bib!);
});
afterAll(async () => t.close());

const login = (email: string) => new ApiClient(t.app).login(email, TEST_PASSWORD);

async function editorSheet(): Promise<{ editor: ApiClient; sheet: BrokeringSheet }> {
  const editor = await login(editorEmail);
  const response = await editor.post(`${base}/sheets`, { actorId: ids.bib });
  expect([200, 201]).toContain(response.statusCode);
  return { editor, sheet: response.json() as BrokeringSheet };
}

describe('sheets: who may open them', () => {
  it('opens the same standalone sheet again for the editor of the organisation', async () => {
    const { editor, sheet } = await editorSheet();
    const again = await editor.post(`${base}/sheets`, { actorId: ids.bib });
    expect(again.statusCode).toBe(200);
    expect((again.json() as BrokeringSheet).id).toBe(sheet.id);
    expect(sheet.writesToMap).toBe(true);
    expect(sheet.actor?.name).toBe('Bibliotheek Poperinge');
    expect(((await editor.get(`${base}/sheets`)).json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(sheet.id);
  });

  it('refuses an editor another organisation, and hides sheets from viewers, anonymous visitors and other regions', async () => {
    const { sheet } = await editorSheet();
    const editor = await login(editorEmail);
    expect((await editor.post(`${base}/sheets`, { actorId: ids.ligo })).statusCode).toBe(403);
    expect((await (await login(viewerEmail)).get(`${base}/sheets/${sheet.id}`)).statusCode).toBe(404);
    expect((await new ApiClient(t.app).get(`${base}/sheets/${sheet.id}`)).statusCode).toBe(404);
    expect((await (await login(otherAdminEmail)).get(`${base}/sheets/${sheet.id}`)).statusCode).toBe(404);
    expect((await (await login(otherAdminEmail)).get(`${base}/sheets`)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`${base}/sheets`)).statusCode).toBe(401);
    expect((await (await login(adminEmail)).get(`${base}/sheets/${sheet.id}`)).statusCode).toBe(200);
  });

  it('answers 400 in Dutch with the field for a bad body', async () => {
    const { editor, sheet } = await editorSheet();
    const response = await editor.request('PATCH', `${base}/sheets/${sheet.id}`, { currentStep: 9, version: sheet.version });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields[0]).toMatchObject({ path: 'currentStep', message: 'Mag hoogstens 5 zijn.' });
  });

  it('keeps the step (the participant comes back to it) and refuses a stale version with 409', async () => {
    const { editor, sheet } = await editorSheet();
    const moved = await editor.request('PATCH', `${base}/sheets/${sheet.id}`, { currentStep: 3, version: sheet.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await editor.get(`${base}/sheets/${sheet.id}`)).json()).toMatchObject({ currentStep: 3 });
    const stale = await editor.request('PATCH', `${base}/sheets/${sheet.id}`, { currentStep: 2, version: sheet.version });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { details: { current: { currentStep: number } } } }).error.details.current.currentStep).toBe(3);
  });
});

describe('steps 1–2 write back to the network map', () => {
  it('updates werking, strengths and needs through the network service, with history, and 409 on a stale actor version', async () => {
    const { editor, sheet } = await editorSheet();
    const body = { description: 'Bibliotheek met maakplaats en leesclubs.', strengths: ['maakplaats', 'leesclubs'], needs: ['ruimte voor workshops', 'vrijwilligers'], actorVersion: sheet.actor!.version };
    const saved = await editor.request('PUT', `${base}/sheets/${sheet.id}/profile`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const actor = (await editor.get(`/api/regions/${slug}/actors/${ids.bib}`)).json() as { description: string; needs: string[]; version: number };
    expect(actor).toMatchObject({ description: body.description, needs: body.needs, version: sheet.actor!.version + 1 });
    const history = (await editor.get(`/api/regions/${slug}/actors/${ids.bib}/history`)).json() as { changes?: Record<string, unknown> }[] | { items: unknown[] };
    expect(JSON.stringify(history)).toContain('vrijwilligers');
    const stale = await editor.request('PUT', `${base}/sheets/${sheet.id}/profile`, { ...body, description: 'Oud', actorVersion: sheet.actor!.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('a guest participant with x-guest-token', () => {
  it('reads and writes their own sheet; steps 1–2 go into a draft that the admin applies to the actor', async () => {
    const guestSheet = await guestSheetFactory(t.database.db, region.id, { actorId: ids.other });
    const guest = new ApiClient(t.app, { 'x-guest-token': guestSheet.token });
    const read = await guest.get(`${base}/sheets/${guestSheet.sheetId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as BrokeringSheet).writesToMap).toBe(false);
    expect((await new ApiClient(t.app, { 'x-guest-token': 'verkeerd' }).get(`${base}/sheets/${guestSheet.sheetId}`)).statusCode).toBe(404);

    const draft = await guest.request('PUT', `${base}/sheets/${guestSheet.sheetId}/profile`, { description: 'Welzijnsvereniging', strengths: ['vrijwilligers'], needs: ['zaal'], draftVersion: 0 });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((draft.json() as BrokeringSheet).draft).toMatchObject({ description: 'Welzijnsvereniging', version: 1 });
    expect((await guest.request('PUT', `${base}/sheets/${guestSheet.sheetId}/profile`, { description: 'x', draftVersion: 0 })).statusCode).toBe(409);
    const unchanged = (await (await login(adminEmail)).get(`/api/regions/${slug}/actors/${ids.other}`)).json() as { description: string; version: number };
    expect(unchanged.description).not.toBe('Welzijnsvereniging');

    const admin = await login(adminEmail);
    const applied = await admin.post(`${base}/sheets/${guestSheet.sheetId}/apply-draft`, { actorVersion: unchanged.version });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(((await admin.get(`/api/regions/${slug}/actors/${ids.other}`)).json() as { description: string }).description).toBe('Welzijnsvereniging');
    expect((await guest.post(`${base}/sheets/${guestSheet.sheetId}/apply-draft`, { actorVersion: 1 })).statusCode).toBe(401);
  });

  it('notifies the workshop room after a save of a workshop sheet', async () => {
    const guestSheet = await guestSheetFactory(t.database.db, region.id);
    const events: string[] = [];
    const stop = await t.database.listen(WORKSHOP_EVENTS_CHANNEL, (payload) => events.push(payload));
    const guest = new ApiClient(t.app, { 'x-guest-token': guestSheet.token });
    const card = await guest.post(`${base}/sheets/${guestSheet.sheetId}/cards`, { startKind: 'need', startText: 'een zaal', partners: [{ actorId: ids.cc, ideas: ['zaal delen'] }] });
    expect(card.statusCode, card.body).toBe(201);
    await expect.poll(() => events.some((event) => event.includes(guestSheet.workshopId) && event.includes('card.updated'))).toBe(true);
    await stop();
  });
});

describe('a closed workshop', () => {
  it('lets a guest read their sheet but no longer change it', async () => {
    const guestSheet = await guestSheetFactory(t.database.db, region.id);
    const guest = new ApiClient(t.app, { 'x-guest-token': guestSheet.token });
    expect((await guest.post(`${base}/sheets/${guestSheet.sheetId}/cards`, { startKind: 'need', startText: 'voor het sluiten', partners: [] })).statusCode).toBe(201);
    await t.database.raw.query("UPDATE workshops SET status = 'closed', closed_at = now() WHERE id = $1", [guestSheet.workshopId]);
    const refused = await guest.post(`${base}/sheets/${guestSheet.sheetId}/cards`, { startKind: 'need', startText: 'na het sluiten', partners: [] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'WORKSHOP_CLOSED', message: 'Deze workshop is afgesloten: je werkblad kan je nog lezen, maar niet meer wijzigen.' } });
    const read = await guest.get(`${base}/sheets/${guestSheet.sheetId}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as { cards: { startText: string }[] }).cards.map((card) => card.startText)).toEqual(['voor het sluiten']);
  });
});

describe('step 3: partner cards', () => {
  it('computes bovenlokaal and grensverleggend per partner and offers typed names to the admin', async () => {
    const { editor, sheet } = await editorSheet();
    const created = await editor.post(`${base}/sheets/${sheet.id}/cards`, {
      startKind: 'need',
      startText: 'ruimte voor workshops',
      partners: [
        { actorId: ids.cc, ideas: ['zaal delen'] },
        { actorId: ids.ligo, ideas: ['lessen in de maakplaats'], kept: true },
        { typedName: 'Jeugdhuis De Kelder', typedMunicipality: '33021', typedSector: 'jeugd', ideas: ['maakavond'] },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const card = created.json() as PartnerCard;
    expect(card.partners.map((p) => [p.actor?.name ?? p.typedName, p.bovenlokaal, p.grensverleggend])).toEqual([
      ['CC Poperinge', false, false],
      ['LIGO Ieper', true, true],
      ['Jeugdhuis De Kelder', false, true],
    ]);
    expect(card.partners[2]!.proposalStatus).toBe('open');

    const admin = await login(adminEmail);
    const proposed = (await admin.get(`${base}/proposed-actors`)).json() as { items: { id: string; typedName: string }[] };
    const kelder = proposed.items.find((item) => item.typedName === 'Jeugdhuis De Kelder')!;
    expect(kelder).toBeTruthy();
    expect((await editor.get(`${base}/proposed-actors`)).statusCode).toBe(403);
    const made = await admin.post(`${base}/proposed-actors/${kelder.id}/create`, { name: 'Jeugdhuis De Kelder', municipality: '33021', sector: 'jeugd' });
    expect(made.statusCode, made.body).toBe(201);
    const after = (await editor.get(`${base}/sheets/${sheet.id}`)).json() as BrokeringSheet;
    const partner = after.cards.find((c) => c.id === card.id)!.partners[2]!;
    expect(partner).toMatchObject({ typedName: null, proposalStatus: 'created', actor: { name: 'Jeugdhuis De Kelder' } });
  });

  it('demands at least one idea per partner (400 with the field, in Dutch) and refuses a stale card with 409', async () => {
    const { editor, sheet } = await editorSheet();
    const bad = await editor.post(`${base}/sheets/${sheet.id}/cards`, { startKind: 'strength', startText: 'maakplaats', partners: [{ actorId: ids.sport, ideas: [] }] });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'partners.0.ideas', message: 'Geef minstens één idee.' });
    const card = (await editor.post(`${base}/sheets/${sheet.id}/cards`, { startKind: 'strength', startText: 'maakplaats' })).json() as PartnerCard;
    const first = await editor.request('PUT', `${base}/sheets/${sheet.id}/cards/${card.id}`, { startKind: 'strength', startText: 'maakplaats', partners: [{ actorId: ids.sport, ideas: ['sportkamp met 3D-printer'] }], version: card.version });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await editor.request('PUT', `${base}/sheets/${sheet.id}/cards/${card.id}`, { startKind: 'strength', startText: 'anders', version: card.version });
    expect(stale.statusCode).toBe(409);
    expect((await editor.delete(`${base}/sheets/${sheet.id}/cards/${card.id}`)).statusCode).toBe(204);
  });

  it('shows the inspiration list with white spots for sectors without actors', async () => {
    const inspiration = (await new ApiClient(t.app).get(`${base}/inspiration?actor=${ids.bib}`)).json() as Inspiration;
    expect(inspiration.sectors).toHaveLength(22);
    const toerisme = inspiration.sectors.find((sector) => sector.key === 'toerisme')!;
    expect(toerisme).toMatchObject({ whiteSpot: true, actorCount: 0 });
    expect(toerisme.examples.length).toBeGreaterThan(0);
    const culture = inspiration.sectors.find((sector) => sector.key === 'lokaal-cultuurbeleid')!;
    expect(culture.whiteSpot).toBe(false);
    expect(culture.actors[0]!.municipality?.nisCode).toBe('33021');
  });
});

describe('combinations and samenwerkingsvoorstellen', () => {
  it('demands actors from two municipalities, then a pursued combination becomes an idea linked to a plan action', async () => {
    const { editor, sheet } = await editorSheet();
    const sameTown = await editor.post(`${base}/sheets/${sheet.id}/combinations`, { title: 'Poperinge samen', actorIds: [ids.bib, ids.cc] });
    expect(sameTown.statusCode).toBe(400);
    expect((sameTown.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toMatchObject({ path: 'actorIds', message: expect.stringContaining('twee gemeenten') });
    const made = await editor.post(`${base}/sheets/${sheet.id}/combinations`, { title: 'Taal in de maakplaats', scenario: 'Cursisten maken samen iets.', ideas: ['maakavonden'], actorIds: [ids.bib, ids.ligo], pursue: false });
    expect(made.statusCode, made.body).toBe(201);
    const combination = made.json() as Combination;

    const admin = await login(adminEmail);
    expect((await admin.post(`${base}/combinations/${combination.id}/idea`)).statusCode).toBe(400);
    const pursued = await editor.request('PUT', `${base}/sheets/${sheet.id}/combinations/${combination.id}`, { title: combination.title, scenario: combination.scenario, ideas: combination.ideas, actorIds: [ids.bib, ids.ligo], pursue: true, version: combination.version });
    expect(pursued.statusCode, pursued.body).toBe(200);
    expect((await editor.post(`${base}/combinations/${combination.id}/idea`)).statusCode).toBe(403);
    const ideaResponse = await admin.post(`${base}/combinations/${combination.id}/idea`);
    expect(ideaResponse.statusCode, ideaResponse.body).toBe(201);
    const idea = ideaResponse.json() as CooperationIdea;
    expect(idea).toMatchObject({ status: 'idee', title: 'Taal in de maakplaats' });
    expect(idea.owners.map((owner) => owner.name).sort()).toEqual(['Bibliotheek Poperinge', 'LIGO Ieper']);

    const plan = await planFactory(t.database.db, region);
    const detail = await getPlanDetail(t.database.db, await loadPlan(t.database.db, region, plan.id, 'admin'), 'admin');
    const action = detail.goals[0]!.objectives[0]!.actions[0]!;
    const linked = await admin.post(`${base}/ideas/${idea.id}/plan-link`, { planId: plan.id, actionId: action.id, mode: 'link' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((linked.json() as CooperationIdea).planAction).toMatchObject({ actionId: action.id, planId: plan.id });
    const listed = (await (await login(viewerEmail)).get(`${base}/ideas?status=idee`)).json() as { items: CooperationIdea[] };
    expect(listed.items.map((item) => item.id)).toContain(idea.id);
    expect(((await admin.get(`${base}/ideas?status=gestart`)).json() as { items: CooperationIdea[] }).items.map((item) => item.id)).not.toContain(idea.id);
  });

  it('proposes the owners as partners through the plan proposal flow, and puts a started idea on the map as relations with the period', async () => {
    const { editor, sheet } = await editorSheet();
    const combination = (await editor.post(`${base}/sheets/${sheet.id}/combinations`, { title: 'Sport en cultuur', actorIds: [ids.bib, ids.sport], pursue: true })).json() as Combination;
    const admin = await login(adminEmail);
    const idea = (await admin.post(`${base}/combinations/${combination.id}/idea`)).json() as CooperationIdea;

    const plan = await planFactory(t.database.db, region, { status: 'goedgekeurd', title: 'Goedgekeurd plan' });
    const detail = await getPlanDetail(t.database.db, await loadPlan(t.database.db, region, plan.id, 'admin'), 'admin');
    const action = detail.goals[0]!.objectives[0]!.actions[0]!;
    const proposed = await admin.post(`${base}/ideas/${idea.id}/plan-link`, { planId: plan.id, actionId: action.id, mode: 'propose', reason: 'Uit de workshop' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect((proposed.json() as CooperationIdea).planProposal).toMatchObject({ status: 'open', actionId: action.id });
    const proposals = (await admin.get(`/api/regions/${slug}/plans/${plan.id}/proposals`)).json() as { reason: string; changes: { partners: { name: string }[] } }[] | { items: { reason: string; changes: { partners: { name: string }[] } }[] };
    expect(JSON.stringify(proposals)).toContain('Sportdienst Ieper');

    const update = (status: string, extra: Record<string, unknown>, version: number) =>
      admin.request('PUT', `${base}/ideas/${idea.id}`, { title: idea.title, description: '', status, ownerActorIds: [ids.bib, ids.sport], version, ...extra });
    const started = await update('gestart', { startedOn: '2026-01-15' }, (proposed.json() as CooperationIdea).version);
    expect(started.statusCode, started.body).toBe(200);
    const startedIdea = started.json() as CooperationIdea;
    expect(startedIdea.relations).toHaveLength(1);
    expect(startedIdea.relations[0]).toMatchObject({ validFrom: '2026-01-15', validTo: null });
    const relations = (await admin.get(`/api/regions/${slug}/relations?actor=${ids.sport}`)).json();
    expect(JSON.stringify(relations)).toContain('samenwerking');
    expect((await update('verkend', {}, startedIdea.version)).statusCode).toBe(400);
    expect((await update('gestopt', {}, startedIdea.version - 1)).statusCode).toBe(409);
    const stopped = (await update('gestopt', { stoppedOn: '2026-06-30' }, startedIdea.version)).json() as CooperationIdea;
    expect(stopped.relations[0]).toMatchObject({ validTo: '2026-06-30' });
  });

  it('prints the sheet as a PDF for whoever may read it', async () => {
    const { editor, sheet } = await editorSheet();
    const pdf = await editor.get(`${base}/sheets/${sheet.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await new ApiClient(t.app).get(`${base}/sheets/${sheet.id}/pdf`)).statusCode).toBe(404);
  });
});
