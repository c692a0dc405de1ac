import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory } from '../network/factories.js';
import { memberships } from '../accounts/schema.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import type { RegionRow } from '../../http/access.js';
import { buddyFigures, scoreVolunteer } from './service.js';
import { buddyDuos } from './schema.js';
import { inspectPdf } from '../../test/pdf.js';
import { xlsxCells } from '../../test/spreadsheet-cells.js';

// The buddy network: an admin registers programmes, a coordinator keeps the pool of their own programme,
// a coach pairs their own participant with a suggested volunteer; nobody else sees who the newcomer is.

let t: TestApp;
let region: RegionRow;
let slug = '';
let base = '';
const emails: Record<string, string> = {};
const ids: Record<string, string> = {};
let albatros = '';
let sociaalHuis = '';

const IEPER = '33011';
const POPERINGE = '33021';
const DE_PANNE = '38008';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

beforeEach(async () => {
  slug = `buddy-${randomUUID().slice(0, 8)}`;
  base = `/api/regions/${slug}/buddies`;
  region = await regionFactory(t.database.db, { slug, municipalities: [IEPER, POPERINGE, DE_PANNE] });
  for (const name of ['admin', 'coach', 'coach2', 'coordinator', 'coordinator2', 'viewer', 'steering'] as const) {
    const role = name.startsWith('coach') ? 'coach' : name.startsWith('coordinator') ? 'editor' : (name as 'admin' | 'viewer' | 'steering');
    const user = await userFactory(t.database.db, { regionSlug: slug, role, name: `Naam ${name}` });
    emails[name] = user.email;
    ids[name] = user.userId;
  }
  albatros = await actorFactory(t.database.db, region.id, { name: 'Albatros', municipality: POPERINGE });
  sociaalHuis = await actorFactory(t.database.db, region.id, { name: 'Sociaal Huis De Panne', municipality: DE_PANNE });
  await t.database.db.update(memberships).set({ actorId: albatros }).where(and(eq(memberships.userId, ids.coordinator!), eq(memberships.regionId, region.id)));
  await t.database.db.update(memberships).set({ actorId: sociaalHuis }).where(and(eq(memberships.userId, ids.coordinator2!), eq(memberships.regionId, region.id)));
});

const as = (name: string) => new ApiClient(t.app).login(emails[name]!, TEST_PASSWORD);

/** A participant referred by (and coached by) the given coach. */
async function participantOf(coach: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const client = await as(coach);
  const response = await client.post(`/api/regions/${slug}/trajectories/participants`, {
    firstName: 'Amina',
    municipalityNis: POPERINGE,
    languages: ['ar', 'fr'],
    dutchLevel: 'A1',
    interests: ['Koken en eten'],
    availableDays: ['tuesday', 'thursday'],
    inburgeraarStatus: 'verplicht',
    referredOn: '2026-09-01',
    consentGiven: true,
    coachId: ids[coach],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/** Two programmes with volunteers: who fits Amina (Arabic, Poperinge, cooking, Tuesday) best is known. */
async function pools() {
  const admin = await as('admin');
  const one = await admin.post(`${base}/programmes`, { actorId: albatros, description: 'Buddy’s in Poperinge' });
  expect(one.statusCode, one.body).toBe(201);
  const two = await admin.post(`${base}/programmes`, { actorId: sociaalHuis });
  const albatrosId = (one.json() as { id: string }).id;
  const sociaalHuisId = (two.json() as { id: string }).id;
  const coordinator = await as('coordinator');
  const add = async (client: ApiClient, programmeId: string, body: Record<string, unknown>) => {
    const response = await client.post(`${base}/programmes/${programmeId}/volunteers`, body);
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };
  const rania = await add(coordinator, albatrosId, { firstName: 'Rania', municipalityNis: POPERINGE, languages: ['ar'], interests: ['Koken en eten'], availableDays: ['tuesday'] });
  const johan = await add(coordinator, albatrosId, { firstName: 'Johan', municipalityNis: POPERINGE, languages: ['en'], interests: ['Sport en beweging'], availableDays: ['saturday'] });
  const wout = await add(await as('coordinator2'), sociaalHuisId, { firstName: 'Wout', municipalityNis: DE_PANNE, languages: ['fr'], interests: ['Koken en eten'], availableDays: ['thursday'] });
  return { albatrosId, sociaalHuisId, rania, johan, wout };
}

describe('buddy programmes and pools', () => {
  it('lets the admin register an actor of the map once, and a coordinator keep only their own pool', async () => {
    const { albatrosId, sociaalHuisId } = await pools();
    const admin = await as('admin');
    const again = await admin.post(`${base}/programmes`, { actorId: albatros });
    expect(again.statusCode).toBe(400);
    expect((again.json() as { error: { fields: unknown[] } }).error.fields).toEqual([{ path: 'actorId', message: 'Deze organisatie is al een buddywerking.' }]);
    // The coordinator of Albatros sees only Albatros, and cannot add to another programme's pool.
    const coordinator = await as('coordinator');
    const overview = (await coordinator.get(base)).json() as { programmes: { id: string; name: string; volunteers: number; mayManage: boolean }[] };
    expect(overview.programmes.map((programme) => [programme.name, programme.volunteers, programme.mayManage])).toEqual([['Albatros', 2, true]]);
    expect((await coordinator.get(`${base}/programmes/${sociaalHuisId}`)).statusCode).toBe(404);
    expect((await coordinator.post(`${base}/programmes/${sociaalHuisId}/volunteers`, { firstName: 'X', municipalityNis: IEPER })).statusCode).toBe(404);
    // A coach sees every pool (to pair), but manages none.
    const coach = await as('coach');
    const seen = (await coach.get(base)).json() as { programmes: { name: string; mayManage: boolean }[] };
    expect(seen.programmes.map((programme) => [programme.name, programme.mayManage])).toEqual([
      ['Albatros', false],
      ['Sociaal Huis De Panne', false],
    ]);
    expect((await coach.post(`${base}/programmes/${albatrosId}/volunteers`, { firstName: 'X', municipalityNis: IEPER })).statusCode).toBe(403);
    // A viewer and the steering group see no volunteers' personal data at all.
    expect((await (await as('viewer')).get(base)).statusCode).toBe(403);
    expect((await (await as('steering')).get(`${base}/programmes/${albatrosId}`)).statusCode).toBe(403);
  });

  it('answers bad input with the field and a Dutch reason, and a stale edit with 409 and the current volunteer', async () => {
    const { albatrosId, rania } = await pools();
    const coordinator = await as('coordinator');
    const bad = await coordinator.post(`${base}/programmes/${albatrosId}/volunteers`, { firstName: '', municipalityNis: '99999', maxDuos: 9 });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { path: string; message: string }[] } }).error.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'firstName', message: 'Vul een voornaam in (hoogstens 80 tekens).' },
        { path: 'maxDuos', message: 'Kies een aantal van 1 tot 5.' },
      ]),
    );
    const outside = await coordinator.post(`${base}/programmes/${albatrosId}/volunteers`, { firstName: 'Els', municipalityNis: '11002' });
    expect((outside.json() as { error: { fields: unknown[] } }).error.fields).toEqual([{ path: 'municipalityNis', message: 'Kies een gemeente van deze regio.' }]);

    const edit = { firstName: 'Rania', municipalityNis: IEPER, languages: ['ar', 'fr'], interests: ['Koken en eten'], availableDays: ['tuesday'], maxDuos: 2, active: true, version: 1 };
    const first = await coordinator.request('PUT', `${base}/volunteers/${rania}`, edit);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ municipalityName: 'Ieper', maxDuos: 2, version: 2 });
    const stale = await (await as('admin')).request('PUT', `${base}/volunteers/${rania}`, { ...edit, maxDuos: 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { details: { current: { maxDuos: number; version: number } } } }).error.details.current).toMatchObject({ maxDuos: 2, version: 2 });
  });
});

describe('pairing a participant with a buddy', () => {
  it('ranks the volunteers with room by language, place, interests and days, each with its reasons', async () => {
    await pools();
    const participant = await participantOf('coach');
    const coach = await as('coach');
    const response = await coach.get(`${base}/suggestions/${participant}`);
    expect(response.statusCode, response.body).toBe(200);
    const { suggestions } = response.json() as { suggestions: { firstName: string; score: number; reasons: { kind: string; text: string }[] }[] };
    expect(suggestions.map((suggestion) => suggestion.firstName)).toEqual(['Rania', 'Wout', 'Johan']);
    expect(suggestions[0]!.reasons.map((reason) => reason.text)).toEqual([
      'Spreekt dezelfde taal: Arabisch',
      'Woont in dezelfde gemeente: Poperinge',
      'Samen interesse in: Koken en eten',
      'Allebei beschikbaar op: dinsdag',
    ]);
    // Wout speaks French with her and shares cooking, but lives in De Panne, far from Poperinge.
    expect(suggestions[1]!.reasons.some((reason) => reason.kind === 'min' && /^Ver weg: De Panne, \d+ km$/.test(reason.text))).toBe(true);
    // Another coach's participant does not exist for this coach; the admin who is not the coach neither.
    const other = await participantOf('coach2');
    expect((await coach.get(`${base}/suggestions/${other}`)).statusCode).toBe(404);
    expect((await (await as('admin')).get(`${base}/suggestions/${participant}`)).statusCode).toBe(404);
  });

  it('forms one current duo per participant, never above a volunteer’s capacity, and frees the place when it ends', async () => {
    const { rania } = await pools();
    const amina = await participantOf('coach');
    const yonas = await participantOf('coach', { firstName: 'Yonas' });
    const coach = await as('coach');
    const duo = await coach.post(`${base}/duos`, { participantId: amina, volunteerId: rania, startedOn: '2026-10-01' });
    expect(duo.statusCode, duo.body).toBe(201);
    const created = duo.json() as { id: string; participantFirstName: string; volunteerFirstName: string; reasons: string[]; version: number };
    expect(created).toMatchObject({ participantFirstName: 'Amina', volunteerFirstName: 'Rania', status: 'actief' });
    expect(created.reasons).toContain('Spreekt dezelfde taal: Arabisch');

    const second = await coach.post(`${base}/duos`, { participantId: amina, volunteerId: rania, startedOn: '2026-10-02' });
    expect(second.statusCode).toBe(409);
    expect((second.json() as { error: { code: string } }).error.code).toBe('BUDDY_ALREADY_PAIRED');
    const full = await coach.post(`${base}/duos`, { participantId: yonas, volunteerId: rania, startedOn: '2026-10-02' });
    expect(full.statusCode).toBe(409);
    expect((full.json() as { error: { message: string } }).error.message).toBe('Rania begeleidt al zoveel nieuwkomers als afgesproken. Kies een andere buddy.');
    // Rania is no longer suggested while her one place is taken.
    expect(((await coach.get(`${base}/suggestions/${yonas}`)).json() as { suggestions: { firstName: string }[] }).suggestions.map((s) => s.firstName)).not.toContain('Rania');

    const finished = await coach.request('PATCH', `${base}/duos/${created.id}`, { status: 'afgerond', version: created.version });
    expect(finished.statusCode, finished.body).toBe(200);
    expect((finished.json() as { endedOn: string | null }).endedOn).not.toBeNull();
    expect((await coach.request('PATCH', `${base}/duos/${created.id}`, { status: 'actief', version: created.version })).statusCode).toBe(409);
    // A finished duo no longer meets.
    const late = await coach.post(`${base}/duos/${created.id}/meetings`, { metOn: '2026-12-01' });
    expect([late.statusCode, (late.json() as { error: { code: string } }).error.code]).toEqual([409, 'BUDDY_DUO_ENDED']);
    expect((await coach.post(`${base}/duos`, { participantId: yonas, volunteerId: rania, startedOn: '2026-12-01' })).statusCode).toBe(201);
  });

  it('lets two coaches race for a volunteer’s last place: exactly one duo is formed', async () => {
    const { rania } = await pools();
    const first = await participantOf('coach');
    const second = await participantOf('coach2');
    const [a, b] = await Promise.all([as('coach'), as('coach2')]);
    const answers = await Promise.all([
      a.post(`${base}/duos`, { participantId: first, volunteerId: rania, startedOn: '2026-10-01' }),
      b.post(`${base}/duos`, { participantId: second, volunteerId: rania, startedOn: '2026-10-01' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(await t.database.db.select().from(buddyDuos).where(eq(buddyDuos.volunteerId, rania))).toHaveLength(1);
  });

  it('gives a participant paired twice at once one buddy: the database refuses the second duo with a 409', async () => {
    const { johan, wout } = await pools();
    const amina = await participantOf('coach');
    const [a, b] = await Promise.all([as('coach'), as('coach')]);
    const answers = await Promise.all([
      a.post(`${base}/duos`, { participantId: amina, volunteerId: johan, startedOn: '2026-10-01' }),
      b.post(`${base}/duos`, { participantId: amina, volunteerId: wout, startedOn: '2026-10-01' }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(answers.map((answer) => (answer.json() as { error?: { code: string } }).error?.code).filter(Boolean)).toEqual(['BUDDY_ALREADY_PAIRED']);
    expect(await t.database.db.select().from(buddyDuos).where(eq(buddyDuos.participantId, amina))).toHaveLength(1);
  });

  it('shows the coordinator the duo by code, the first name only with consent, and logs that read; meetings are theirs to log too', async () => {
    const { albatrosId, rania } = await pools();
    const amina = await participantOf('coach');
    const coach = await as('coach');
    const duo = (await coach.post(`${base}/duos`, { participantId: amina, volunteerId: rania, startedOn: '2026-10-01' })).json() as { id: string; participantCode: string };
    const coordinator = await as('coordinator');
    const read = async () => ((await coordinator.get(`${base}/programmes/${albatrosId}`)).json() as { duos: { participantCode: string; participantFirstName: string | null; mayUpdate: boolean }[] }).duos[0]!;
    expect(await read()).toEqual(expect.objectContaining({ participantCode: duo.participantCode, participantFirstName: null, mayUpdate: true }));
    const logged = await t.database.raw.query<{ user_id: string }>(`SELECT user_id FROM audit_log WHERE region_id = $1 AND entity_type = 'trajectory_participant' AND action = 'read'`, [region.id]);
    expect(logged.map((row) => row.user_id)).toContain(ids.coordinator);

    expect((await coach.post(`/api/regions/${slug}/trajectories/participants/${amina}/consents`, { kind: 'delen-voornaam', givenOn: '2026-10-01' })).statusCode).toBe(200);
    expect((await read()).participantFirstName).toBe('Amina');

    const met = await coordinator.post(`${base}/duos/${duo.id}/meetings`, { metOn: '2026-10-08', activity: 'Samen naar de markt' });
    expect(met.statusCode, met.body).toBe(201);
    expect((met.json() as { meetings: { activity: string }[] }).meetings.map((meeting) => meeting.activity)).toEqual(['Samen naar de markt']);
    // The other programme's coordinator and a coach who is not the participant's get nothing.
    expect((await (await as('coordinator2')).post(`${base}/duos/${duo.id}/meetings`, { metOn: '2026-10-08' })).statusCode).toBe(404);
    expect((await (await as('coach2')).request('PATCH', `${base}/duos/${duo.id}`, { status: 'gestopt', version: 1 })).statusCode).toBe(404);
  });

  it('puts the duos in the participant’s export, and erases them and their meetings with the participant', async () => {
    const { rania } = await pools();
    const amina = await participantOf('coach');
    const coach = await as('coach');
    const duo = (await coach.post(`${base}/duos`, { participantId: amina, volunteerId: rania, startedOn: '2026-10-01' })).json() as { id: string };
    await coach.post(`${base}/duos/${duo.id}/meetings`, { metOn: '2026-10-08', activity: 'Koffie' });
    const exported = (await coach.get(`/api/regions/${slug}/trajectories/participants/${amina}/export`)).json() as { buddyDuos: unknown };
    expect(exported.buddyDuos).toEqual([{ buddy: 'Rania', programme: 'Albatros', status: 'actief', startedOn: '2026-10-01', endedOn: null, reasons: expect.any(Array), meetings: [{ metOn: '2026-10-08', activity: 'Koffie' }] }]);
    const pdf = await coach.request('GET', `/api/regions/${slug}/trajectories/participants/${amina}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(inspectPdf(pdf.rawPayload).text).toMatch(/Buddy Rania \(Albatros\), actief, van 01\/10\/2026 tot[\s\S]*08\/10\/2026[\s\S]*Koffie/);
    expect((await coach.request('DELETE', `/api/regions/${slug}/trajectories/participants/${amina}`)).statusCode).toBe(204);
    expect(await t.database.raw.query(`SELECT 1 FROM buddy_duos WHERE id = $1`, [duo.id])).toEqual([]);
    expect(await t.database.raw.query(`SELECT 1 FROM buddy_duo_meetings WHERE duo_id = $1`, [duo.id])).toEqual([]);
    expect(await buddyFigures(t.database.db, region.id)).toEqual({ volunteers: 3, currentDuos: 0, finishedDuos: 0, meetings: 0 });
  });
});

describe('buddy figures on the dashboard', () => {
  it('shows the steering group counts only from five people up, and coaches nothing', async () => {
    const { albatrosId } = await pools();
    const figures = async () => (await (await as('steering')).get(`${base}/figures`)).json() as Record<string, number | null>;
    // Three volunteers: hidden.
    expect(await figures()).toEqual({ volunteers: null, currentDuos: null, finishedDuos: null, meetings: null });
    const coordinator = await as('coordinator');
    for (const firstName of ['Els', 'Jan']) expect((await coordinator.post(`${base}/programmes/${albatrosId}/volunteers`, { firstName, municipalityNis: POPERINGE })).statusCode).toBe(201);
    expect((await figures()).volunteers).toBe(5);
    expect((await (await as('coach')).get(`${base}/figures`)).statusCode).toBe(403);
    // The monitoring XLSX carries the same figures on a sheet of their own.
    const xlsx = await (await as('steering')).request('GET', `/api/regions/${slug}/trajectories/monitoring.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = await xlsxCells(xlsx.rawPayload);
    const at = cells.indexOf('Actieve buddy’s');
    expect(at).toBeGreaterThan(-1);
    expect(cells[at + 1]).toBe(5);
    expect(cells[cells.indexOf('Lopende duo’s') + 1]).toBe('minder dan 5');
  });
});

describe('scoring a volunteer', () => {
  const t = translatorFor('nl');
  const volunteer = { id: 'v', first_name: 'Rania', programme_name: 'Albatros', municipality_nis: '33021', municipality_name: 'Poperinge', languages: ['ar'], interests: [], available_days: [], distance_km: 0 };
  it('weighs a shared language more while the newcomer speaks little Dutch', () => {
    const participant = { languages: ['ar'], interests: [], availableDays: [], municipalityNis: '33011' };
    expect(scoreVolunteer({ ...participant, dutchLevel: 'geen' }, volunteer, t).score).toBeGreaterThan(scoreVolunteer({ ...participant, dutchLevel: 'B1' }, volunteer, t).score);
    expect(scoreVolunteer({ ...participant, languages: ['ti'], dutchLevel: 'geen' }, volunteer, t).reasons).toContainEqual({ kind: 'min', text: 'Geen gedeelde taal, terwijl de deelnemer nog geen Nederlands spreekt' });
  });
});
