import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { actorFactory } from '../network/factories.js';
import { offerFactory } from '../catalog/factories.js';
import { memberships } from '../accounts/schema.js';
import type { RegionRow } from '../../http/access.js';
import { inspectPdf } from '../../test/pdf.js';

let t: TestApp;
let region: RegionRow;
let slug = '';
let base = '';
const emails: Record<string, string> = {};
const ids: Record<string, string> = {};
let libraryActor = '';
let sportActor = '';

const IEPER = '33011';
const POPERINGE = '33021';
const DE_PANNE = '38008';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// A region of its own per test: two coaches, two referrers, an admin, the other roles, and two organisers with a partner each.
beforeEach(async () => {
  slug = `traject-${randomUUID().slice(0, 8)}`;
  base = `/api/regions/${slug}/trajectories`;
  region = await regionFactory(t.database.db, { slug, municipalities: [IEPER, POPERINGE, DE_PANNE] });
  for (const name of ['admin', 'coach', 'coach2', 'verwijzer', 'verwijzer2', 'steering', 'viewer', 'editor', 'editor2'] as const) {
    const role = name.startsWith('coach') ? 'coach' : name.startsWith('verwijzer') ? 'trajectbegeleider' : name.startsWith('editor') ? 'editor' : (name as 'admin' | 'steering' | 'viewer');
    const user = await userFactory(t.database.db, { regionSlug: slug, role, name: `Naam ${name}` });
    emails[name] = user.email;
    ids[name] = user.userId;
  }
  libraryActor = await actorFactory(t.database.db, region.id, { name: 'Bibliotheek Ieper' });
  sportActor = await actorFactory(t.database.db, region.id, { name: 'Sportdienst De Panne', municipality: DE_PANNE });
  await t.database.db.update(memberships).set({ actorId: libraryActor }).where(and(eq(memberships.userId, ids.editor!), eq(memberships.regionId, region.id)));
  await t.database.db.update(memberships).set({ actorId: sportActor }).where(and(eq(memberships.userId, ids.editor2!), eq(memberships.regionId, region.id)));
});

const as = (name: string) => new ApiClient(t.app).login(emails[name]!, TEST_PASSWORD);

const referral = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Amina',
  municipalityNis: IEPER,
  languages: ['ar', 'fr'],
  dutchLevel: 'A2',
  interests: ['Taal en ontmoeting'],
  transport: 'fiets',
  needsChildcare: true,
  availableDays: ['tuesday', 'thursday'],
  uitpasKansentarief: true,
  inburgeraarStatus: 'verplicht',
  referredOn: '2026-09-01',
  referralNote: 'Wil graag mensen leren kennen.',
  consentGiven: true,
  ...overrides,
});

/** A trajectbegeleider refers Amina to the first coach; returns the participant's id. */
async function referToCoach(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await (await as('verwijzer')).post(`${base}/participants`, referral({ coachId: ids.coach, ...overrides }));
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

type Detail = { version: number; stage: string; hours: number; placements: { id: string; status: string; version: number; hours: number }[]; steps: { kind: string; fromCoach: { name: string } | null; toCoach: { name: string } | null }[]; consents: { id: string; kind: string; withdrawnOn: string | null }[] };

describe('roles and who sees whom', () => {
  it('lets the admin invite a coach and a trajectbegeleider', async () => {
    const admin = await as('admin');
    for (const role of ['coach', 'trajectbegeleider']) {
      const response = await admin.post(`/api/regions/${slug}/invitations`, { email: `nieuwe-${role}@test.be`, role });
      expect(response.statusCode, response.body).toBe(201);
      expect((response.json() as { invitation: { role: string } }).invitation.role).toBe(role);
    }
  });

  it('shows a referral to its referrer and its coach only; other coaches and the admin get 404', async () => {
    const id = await referToCoach();
    const referrerList = (await (await as('verwijzer')).get(`${base}/participants`)).json() as { relation: string; participants: { id: string; firstName: string; coach: { name: string } }[] };
    expect(referrerList.relation).toBe('referrer');
    expect(referrerList.participants).toEqual([expect.objectContaining({ id, firstName: 'Amina', coach: expect.objectContaining({ name: 'Naam coach' }) })]);
    expect(((await (await as('verwijzer2')).get(`${base}/participants`)).json() as { participants: unknown[] }).participants).toEqual([]);
    expect(((await (await as('coach')).get(`${base}/participants`)).json() as { participants: { id: string }[] }).participants.map((p) => p.id)).toEqual([id]);
    expect(((await (await as('coach2')).get(`${base}/participants`)).json() as { participants: unknown[] }).participants).toEqual([]);
    expect((await (await as('coach')).get(`${base}/participants/${id}`)).statusCode).toBe(200);
    for (const name of ['coach2', 'admin']) expect((await (await as(name)).get(`${base}/participants/${id}`)).statusCode, name).toBe(404);
    // The referrer refers but does not follow the trajectory.
    expect((await (await as('verwijzer')).get(`${base}/participants/${id}`)).statusCode).toBe(403);
    for (const name of ['steering', 'viewer', 'editor']) expect((await (await as(name)).get(`${base}/participants`)).statusCode, name).toBe(403);
  });

  it('gives the admin waiting referrals by code only, and lets them assign a coach', async () => {
    const response = await (await as('verwijzer')).post(`${base}/participants`, referral({ firstName: 'Geheimnaam' }));
    const { id, code } = response.json() as { id: string; code: string };
    expect(code).toMatch(/^TR-[A-Z2-9]{6}$/);
    const admin = await as('admin');
    const figures = await admin.get(`${base}/monitoring`);
    expect(figures.body).not.toContain('Geheimnaam');
    expect((figures.json() as { unassigned: { code: string }[] }).unassigned).toEqual([expect.objectContaining({ id, code })]);
    expect((await admin.post(`${base}/participants/${id}/coach`, { coachId: ids.viewer })).statusCode).toBe(400);
    expect((await admin.post(`${base}/participants/${id}/coach`, { coachId: ids.coach2 })).statusCode).toBe(204);
    expect(((await (await as('coach2')).get(`${base}/participants`)).json() as { participants: { id: string }[] }).participants.map((p) => p.id)).toEqual([id]);
    // Once assigned it is no longer the admin's to reassign.
    expect((await admin.post(`${base}/participants/${id}/coach`, { coachId: ids.coach })).statusCode).toBe(404);
    expect((await (await as('coach')).post(`${base}/participants/${id}/coach`, { coachId: ids.coach })).statusCode).toBe(403);
  });

  it('lets an admin who is the coach see the record', async () => {
    const response = await (await as('verwijzer')).post(`${base}/participants`, referral({ coachId: ids.admin }));
    const { id } = response.json() as { id: string };
    expect((await (await as('admin')).get(`${base}/participants/${id}`)).statusCode).toBe(200);
  });
});

describe('the participant record', () => {
  it('refuses a referral without consent or outside the region, with the field and a Dutch reason', async () => {
    const referrer = await as('verwijzer');
    const noConsent = await referrer.post(`${base}/participants`, referral({ consentGiven: false }));
    expect(noConsent.statusCode).toBe(400);
    expect(JSON.stringify(noConsent.json())).toContain('toestemming');
    const elsewhere = await referrer.post(`${base}/participants`, referral({ municipalityNis: '11002' }));
    expect(elsewhere.statusCode).toBe(400);
    expect((elsewhere.json() as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('municipalityNis');
  });

  it('records the referral step and consent, keeps no address or register number, and refuses a stale update', async () => {
    const id = await referToCoach();
    const coach = await as('coach');
    const detail = (await coach.get(`${base}/participants/${id}`)).json() as Detail & Record<string, unknown>;
    expect(detail.steps.map((step) => step.kind)).toEqual(['verwijzing']);
    expect(detail.consents.map((consent) => consent.kind)).toEqual(['traject']);
    expect(detail).toMatchObject({ maxLanguageIcons: 2, referredBy: { name: 'Naam verwijzer' }, municipalityName: 'Ieper' });
    for (const field of ['address', 'nationality', 'nationalRegisterNumber', 'rijksregisternummer']) expect(detail).not.toHaveProperty(field);
    const { id: _id, ...record } = detail;
    const update = { firstName: 'Amina', municipalityNis: POPERINGE, languages: ['ar'], dutchLevel: 'B1', interests: ['Cultuur'], transport: 'auto', needsChildcare: false, withChildren: false, availableDays: ['monday'], availableFrom: '09:00', availableUntil: '12:00', uitpasKansentarief: true, freeOnly: false, inburgeraarStatus: 'verplicht', continuesAfter: true, version: record.version };
    const saved = await coach.request('PUT', `${base}/participants/${id}`, update);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ municipalityName: 'Poperinge', maxLanguageIcons: 3, continuesAfter: true });
    expect((await coach.request('PUT', `${base}/participants/${id}`, update)).statusCode).toBe(409);
  });

  it('exports everything about one participant and erases it without a trace but the fact', async () => {
    const id = await referToCoach();
    const offerId = await offerFactory(t.database.db, region.id, { title: 'Leesclub', organizerActorId: libraryActor, themes: ['Taal en ontmoeting'] });
    const coach = await as('coach');
    expect((await coach.post(`${base}/participants/${id}/placements`, { offerId, expectations: 'Komt met de fiets' })).statusCode).toBe(201);
    const exported = await coach.get(`${base}/participants/${id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json()).toMatchObject({ participant: { firstName: 'Amina', placements: [expect.objectContaining({ offerTitle: 'Leesclub', expectations: 'Komt met de fiets' })] } });
    expect((await (await as('coach2')).delete(`${base}/participants/${id}`)).statusCode).toBe(404);
    expect((await coach.delete(`${base}/participants/${id}`)).statusCode).toBe(204);
    for (const table of ['trajectory_participants', 'trajectory_consents', 'trajectory_steps', 'trajectory_placements', 'trajectory_hours']) {
      const column = table === 'trajectory_participants' ? 'id' : 'participant_id';
      expect(await t.database.raw.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id]), table).toEqual([]);
    }
    const audit = await t.database.raw.query<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [id]);
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'export', 'erase']);
    const everything = JSON.stringify(await t.database.raw.query(`SELECT * FROM audit_log WHERE region_id = $1`, [region.id]));
    expect(everything).not.toContain('Amina');
    expect(everything).not.toContain('Komt met de fiets');
    expect((await coach.get(`${base}/participants/${id}`)).statusCode).toBe(404);
  });
});

describe('the trajectory', () => {
  it('records steps with who and when, and a hand-over from coach to coach', async () => {
    const id = await referToCoach();
    const coach = await as('coach');
    const afterIntake = (await coach.post(`${base}/participants/${id}/steps`, { kind: 'intake', happenedOn: '2026-09-08', note: 'Kennismaking bij koffie' })).json() as Detail;
    expect(afterIntake.stage).toBe('intake');
    const handed = await coach.post(`${base}/participants/${id}/handover`, { toCoachId: ids.coach2, note: 'Verlof', version: afterIntake.version });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((await coach.get(`${base}/participants/${id}`)).statusCode).toBe(404);
    const detail = (await (await as('coach2')).get(`${base}/participants/${id}`)).json() as Detail;
    expect(detail.steps.map((step) => step.kind)).toEqual(['verwijzing', 'intake', 'overdracht']);
    expect(detail.steps[2]).toMatchObject({ fromCoach: { name: 'Naam coach' }, toCoach: { name: 'Naam coach2' } });
  });

  it('ranks current offers by fit with reasons, leaving out too much Dutch, too far and already placed', async () => {
    const id = await referToCoach();
    const near = await offerFactory(t.database.db, region.id, { title: 'Taalcafé', organizerActorId: libraryActor, municipalityNis: IEPER, themes: ['Taal en ontmoeting'], languageIcons: 1, isFree: true, childcare: true });
    const plain = await offerFactory(t.database.db, region.id, { title: 'Wandelclub', municipalityNis: POPERINGE, themes: ['Natuur'], languageIcons: 2 });
    await offerFactory(t.database.db, region.id, { title: 'Debatavond', municipalityNis: IEPER, themes: ['Taal en ontmoeting'], languageIcons: 4 });
    await offerFactory(t.database.db, region.id, { title: 'Ontwerp', status: 'draft', municipalityNis: IEPER });
    const coach = await as('coach');
    const { suggestions } = (await coach.get(`${base}/participants/${id}/suggestions`)).json() as { suggestions: { offerId: string; distanceKm: number; reasons: { kind: string; text: string }[] }[] };
    expect(suggestions.map((s) => s.offerId)).toEqual([near, plain]);
    const texts = suggestions[0]!.reasons.map((reason) => reason.text);
    expect(texts).toEqual(expect.arrayContaining(['Past bij de interesses: Taal en ontmoeting', 'Met kinderopvang', 'Gratis']));
    expect(texts.some((text) => text.startsWith('Dichtbij: 0 km'))).toBe(true);
    expect(suggestions[1]!.distanceKm).toBeGreaterThan(5);
    expect(suggestions[1]!.reasons).toEqual(expect.arrayContaining([{ kind: 'min', text: 'Geen kinderopvang, die is wel nodig' }]));
    expect((await coach.post(`${base}/participants/${id}/placements`, { offerId: near })).statusCode).toBe(201);
    const again = (await coach.get(`${base}/participants/${id}/suggestions`)).json() as { suggestions: { offerId: string }[] };
    expect(again.suggestions.map((s) => s.offerId)).toEqual([plain]);
    expect((await coach.post(`${base}/participants/${id}/placements`, { offerId: near })).statusCode).toBe(400);
  });

  it('leaves out paid offers when only free will do, and demotes offers out of reach on foot', async () => {
    const id = await referToCoach({ freeOnly: true, transport: 'te-voet', needsChildcare: false, availableDays: [] });
    const free = await offerFactory(t.database.db, region.id, { title: 'Gratis zwemmen', municipalityNis: DE_PANNE, isFree: true });
    await offerFactory(t.database.db, region.id, { title: 'Betalend koken', municipalityNis: IEPER, isFree: false, priceCents: 500 });
    const nearFree = await offerFactory(t.database.db, region.id, { title: 'Gratis spelnamiddag', municipalityNis: IEPER, isFree: true });
    const { suggestions } = (await (await as('coach')).get(`${base}/participants/${id}/suggestions`)).json() as { suggestions: { offerId: string; reasons: { kind: string }[] }[] };
    expect(suggestions.map((s) => s.offerId)).toEqual([nearFree, free]);
    expect(suggestions[1]!.reasons.some((reason) => reason.kind === 'min')).toBe(true);
  });
});

describe('placements and hours', () => {
  it('shows the organiser only what was consented, lets them answer, and counts hours to a 40-hour certificate', async () => {
    const id = await referToCoach();
    const offerId = await offerFactory(t.database.db, region.id, { title: 'Leesclub', organizerActorId: libraryActor, themes: ['Taal en ontmoeting'] });
    const coach = await as('coach');
    const placement = (await coach.post(`${base}/participants/${id}/placements`, { offerId, expectations: 'Rustige start graag' })).json() as { id: string; version: number; status: string };
    expect(placement.status).toBe('voorgesteld');
    // The library's partner is mailed a link, without the participant's name.
    const mail = t.sentMail.find((sent) => sent.to === emails.editor);
    expect(mail?.subject).toContain('Leesclub');
    expect(mail?.text).toContain(`/r/${slug}/trajecten/plaatsen`);
    expect(mail?.text).not.toContain('Amina');
    expect(t.sentMail.some((sent) => sent.to === emails.editor2)).toBe(false);
    const partner = await as('editor');
    type Inbox = { placements: { id: string; participantCode: string; firstName: string | null; languages: string[] | null; expectations: string | null; version: number }[] };
    const before = (await partner.get(`${base}/inbox`)).json() as Inbox;
    expect(before.placements).toEqual([expect.objectContaining({ id: placement.id, firstName: null, languages: null, expectations: null })]);
    expect(JSON.stringify(before)).not.toContain('Amina');
    // The partner's read is logged: who, which participant, from where (decision 031).
    const reads = await t.database.raw.query<{ user_id: string; entity_id: string; changes: unknown }>(`SELECT user_id, entity_id, changes FROM audit_log WHERE action = 'read' AND region_id = $1`, [region.id]);
    expect(reads).toEqual([{ user_id: ids.editor, entity_id: id, changes: { source: { before: null, after: 'inbox' } } }]);
    await coach.post(`${base}/participants/${id}/consents`, { kind: 'delen-voornaam', givenOn: '2026-09-08' });
    const withConsent = (await coach.post(`${base}/participants/${id}/consents`, { kind: 'delen-verwachtingen', givenOn: '2026-09-08' })).json() as Detail;
    const after = (await partner.get(`${base}/inbox`)).json() as Inbox;
    expect(after.placements[0]).toMatchObject({ firstName: 'Amina', languages: null, expectations: 'Rustige start graag' });
    // Withdrawn consent: the partner stops seeing the first name.
    const nameConsent = withConsent.consents.find((consent) => consent.kind === 'delen-voornaam')!;
    await coach.post(`${base}/participants/${id}/consents/${nameConsent.id}/withdraw`);
    expect(((await partner.get(`${base}/inbox`)).json() as Inbox).placements[0]!.firstName).toBeNull();
    // Another organisation's partner sees nothing and can answer nothing.
    const other = await as('editor2');
    expect(((await other.get(`${base}/inbox`)).json() as Inbox).placements).toEqual([]);
    expect((await other.post(`${base}/placements/${placement.id}/response`, { answer: 'aanvaard', version: 1 })).statusCode).toBe(404);
    expect((await other.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-09-15', hours: 3 })).statusCode).toBe(404);
    // Hours only once accepted.
    expect((await coach.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-09-15', hours: 3 })).statusCode).toBe(409);
    expect((await partner.post(`${base}/placements/${placement.id}/response`, { answer: 'aanvaard', message: 'Welkom!', version: after.placements[0]!.version })).statusCode).toBe(204);
    expect((await partner.post(`${base}/placements/${placement.id}/response`, { answer: 'geweigerd', version: after.placements[0]!.version })).statusCode).toBe(409);
    expect((await partner.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-09-15', hours: 13 })).statusCode).toBe(400);
    expect((await coach.get(`${base}/participants/${id}/certificate.pdf`)).statusCode).toBe(409);
    let total = 0;
    for (let week = 0; week < 4; week++) total = ((await partner.post(`${base}/placements/${placement.id}/hours`, { attendedOn: `2026-10-0${week + 1}`, hours: 8 })).json() as { hours: number }).hours;
    total = ((await coach.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-10-08', hours: 8.5 })).json() as { hours: number }).hours;
    expect(total).toBe(40.5);
    const detail = (await coach.get(`${base}/participants/${id}`)).json() as Detail;
    expect(detail).toMatchObject({ hours: 40.5, placements: [expect.objectContaining({ status: 'aanvaard', hours: 40.5 })] });
    const pdf = await coach.get(`${base}/participants/${id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses the inbox to a partner without an organisation, and to coaches', async () => {
    await t.database.db.update(memberships).set({ actorId: null }).where(and(eq(memberships.userId, ids.editor!), eq(memberships.regionId, region.id)));
    expect((await (await as('editor')).get(`${base}/inbox`)).statusCode).toBe(403);
    expect((await (await as('coach')).get(`${base}/inbox`)).statusCode).toBe(403);
  });
});

// --- Privacy per region, the PDF export, the read log and hand-overs (decision 031) ---

describe('purpose and retention per region', () => {
  it('lets the admin read the defaults, save them with a version, and refuses a stale version with the current settings', async () => {
    const admin = await as('admin');
    expect((await admin.get(`${base}/settings`)).json()).toEqual({ purpose: '', retentionMonths: 12, updatedAt: null, version: 0 });
    const saved = await admin.request('PUT', `${base}/settings`, { purpose: 'Een passende plek vinden en de deelname opvolgen.', retentionMonths: 6, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ purpose: 'Een passende plek vinden en de deelname opvolgen.', retentionMonths: 6, version: 1 });
    expect((await admin.get(`${base}/settings`)).json()).toMatchObject({ retentionMonths: 6, version: 1 });
    const stale = await admin.request('PUT', `${base}/settings`, { purpose: 'Ander doel', retentionMonths: 24, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(JSON.stringify(stale.json())).toContain('"retentionMonths":6');
    const [row] = await t.database.raw.query<{ retention_months: number }>('SELECT retention_months FROM trajectory_settings WHERE region_id = $1', [region.id]);
    expect(row!.retention_months).toBe(6);
    const audit = await t.database.raw.query<{ user_id: string; action: string }>(`SELECT user_id, action FROM audit_log WHERE entity_type = 'trajectory_settings' AND region_id = $1`, [region.id]);
    expect(audit).toEqual([{ user_id: ids.admin, action: 'update' }]);
  });

  it('refuses months outside 1–120 and a purpose too long, with the field and a Dutch reason', async () => {
    const admin = await as('admin');
    for (const retentionMonths of [0, 121, 2.5, '12']) {
      const response = await admin.request('PUT', `${base}/settings`, { purpose: '', retentionMonths, version: 0 });
      expect(response.statusCode, String(retentionMonths)).toBe(400);
      const fields = (response.json() as { error: { fields: { path: string; message: string }[] } }).error.fields;
      expect(fields[0]!.path).toBe('retentionMonths');
      expect(fields[0]!.message).toBe('Geef een aantal maanden tussen 1 en 120.');
    }
    const long = await admin.request('PUT', `${base}/settings`, { purpose: 'x'.repeat(2001), retentionMonths: 12, version: 0 });
    expect(long.statusCode).toBe(400);
    expect((long.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'purpose', message: 'Beschrijf het doel in hoogstens 2000 tekens.' });
    expect(await t.database.raw.query('SELECT 1 FROM trajectory_settings WHERE region_id = $1', [region.id])).toEqual([]);
  });

  it('is the admin’s only: coaches, partners, the steering group, viewers and another region’s admin get nothing', async () => {
    for (const name of ['coach', 'editor', 'steering', 'viewer', 'verwijzer']) {
      const client = await as(name);
      expect((await client.get(`${base}/settings`)).statusCode, name).toBe(403);
      expect((await client.request('PUT', `${base}/settings`, { purpose: '', retentionMonths: 3, version: 0 })).statusCode, name).toBe(403);
    }
    const elsewhere = await regionFactory(t.database.db, { slug: `ander-${randomUUID().slice(0, 8)}` });
    const outsider = await userFactory(t.database.db, { regionSlug: elsewhere.slug, role: 'admin' });
    const other = await new ApiClient(t.app).login(outsider.email, TEST_PASSWORD);
    expect((await other.get(`${base}/settings`)).statusCode).toBe(403);
    expect((await other.request('PUT', `${base}/settings`, { purpose: '', retentionMonths: 3, version: 0 })).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`${base}/settings`)).statusCode).toBe(401);
    expect(await t.database.raw.query('SELECT 1 FROM trajectory_settings WHERE region_id = $1', [region.id])).toEqual([]);
  });
});

describe('the participant export as PDF', () => {
  it('gives the coach a PDF with the same content as the JSON export, and logs the export without content', async () => {
    const id = await referToCoach();
    const offerId = await offerFactory(t.database.db, region.id, { title: 'Leesclub', organizerActorId: libraryActor, themes: ['Taal en ontmoeting'] });
    const coach = await as('coach');
    await coach.post(`${base}/participants/${id}/steps`, { kind: 'intake', happenedOn: '2026-09-08', note: 'Kennismaking bij koffie' });
    expect((await coach.post(`${base}/participants/${id}/placements`, { offerId, expectations: 'Komt met de fiets' })).statusCode).toBe(201);
    const { code } = (await coach.get(`${base}/participants/${id}`)).json() as { code: string };
    const pdf = await coach.get(`${base}/participants/${id}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="deelnemer-${code}.pdf"`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = inspectPdf(pdf.rawPayload);
    for (const shown of [code, 'Voornaam: Amina', 'Gemeente: Ieper', 'Arabisch, Frans', 'Wil graag mensen leren kennen.', 'Kennismaking bij koffie', 'Leesclub', 'Bibliotheek Ieper · wacht op antwoord', 'Komt met de fiets', 'Verwerking voor het traject']) {
      expect(text, shown).toContain(shown);
    }
    const audit = await t.database.raw.query<{ action: string; changes: unknown }>(`SELECT action, changes FROM audit_log WHERE entity_id = $1 AND action = 'export'`, [id]);
    expect(audit).toEqual([{ action: 'export', changes: { format: { before: null, after: 'pdf' } } }]);
  });

  it('is the own coach’s only: the admin who is not the coach and another coach get 404, partners and other roles 403, another region 403', async () => {
    const id = await referToCoach();
    for (const name of ['admin', 'coach2']) expect((await (await as(name)).get(`${base}/participants/${id}/export.pdf`)).statusCode, name).toBe(404);
    for (const name of ['editor', 'steering', 'viewer', 'verwijzer']) expect((await (await as(name)).get(`${base}/participants/${id}/export.pdf`)).statusCode, name).toBe(403);
    const elsewhere = await regionFactory(t.database.db, { slug: `ander-${randomUUID().slice(0, 8)}` });
    const otherCoach = await userFactory(t.database.db, { regionSlug: elsewhere.slug, role: 'coach' });
    const other = await new ApiClient(t.app).login(otherCoach.email, TEST_PASSWORD);
    expect((await other.get(`${base}/participants/${id}/export.pdf`)).statusCode).toBe(403);
    expect((await other.get(`/api/regions/${elsewhere.slug}/trajectories/participants/${id}/export.pdf`)).statusCode).toBe(404);
    expect(await t.database.raw.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'export'`, [id])).toEqual([]);
  });
});

describe('the read log', () => {
  type Reads = { reads: { reader: { name: string } | null; role: string | null; source: string; at: string }[] };
  const readRows = async (participantId: string) =>
    t.database.raw.query<{ user_id: string; source: string }>(`SELECT user_id, changes->'source'->>'after' AS source FROM audit_log WHERE action = 'read' AND entity_id = $1 ORDER BY created_at`, [participantId]);

  it('logs no read by the own coach on any route that shows the record', async () => {
    const id = await referToCoach();
    const offerId = await offerFactory(t.database.db, region.id, { title: 'Leesclub', organizerActorId: libraryActor, themes: ['Taal en ontmoeting'] });
    const coach = await as('coach');
    const placement = (await coach.post(`${base}/participants/${id}/placements`, { offerId })).json() as { id: string };
    await t.database.raw.query(`UPDATE trajectory_placements SET status = 'aanvaard' WHERE id = $1`, [placement.id]);
    for (const path of ['/participants', `/participants/${id}`, `/participants/${id}/export`, `/participants/${id}/export.pdf`, `/participants/${id}/suggestions`, `/participants/${id}/reads`]) {
      expect((await coach.get(`${base}${path}`)).statusCode, path).toBe(200);
    }
    expect((await coach.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-10-01', hours: 2 })).statusCode).toBe(201);
    expect(await readRows(id)).toEqual([]);
    // Refused reads showed nothing, so there is nothing to log either.
    for (const name of ['coach2', 'admin']) expect((await (await as(name)).get(`${base}/participants/${id}`)).statusCode).toBe(404);
    expect(await readRows(id)).toEqual([]);
  });

  it('logs the referrer’s list, the partner’s inbox and hours, and the admin’s waiting referrals, per participant', async () => {
    const coached = await referToCoach();
    const waiting = await referToCoach({ coachId: null, firstName: 'Wachtnaam' });
    const offerId = await offerFactory(t.database.db, region.id, { title: 'Leesclub', organizerActorId: libraryActor, themes: ['Taal en ontmoeting'] });
    const placement = (await (await as('coach')).post(`${base}/participants/${coached}/placements`, { offerId })).json() as { id: string };
    await t.database.raw.query(`UPDATE trajectory_placements SET status = 'aanvaard' WHERE id = $1`, [placement.id]);

    expect((await (await as('verwijzer')).get(`${base}/participants`)).statusCode).toBe(200);
    expect(await readRows(coached)).toEqual([{ user_id: ids.verwijzer, source: 'referrals' }]);
    expect(await readRows(waiting)).toEqual([{ user_id: ids.verwijzer, source: 'referrals' }]);
    // Another referrer's list holds neither, so reads nothing.
    await (await as('verwijzer2')).get(`${base}/participants`);

    const partner = await as('editor');
    expect((await partner.get(`${base}/inbox`)).statusCode).toBe(200);
    expect((await partner.post(`${base}/placements/${placement.id}/hours`, { attendedOn: '2026-10-01', hours: 2 })).statusCode).toBe(201);
    await (await as('editor2')).get(`${base}/inbox`);
    expect((await readRows(coached)).slice(1)).toEqual([
      { user_id: ids.editor, source: 'inbox' },
      { user_id: ids.editor, source: 'hours' },
    ]);

    expect((await (await as('steering')).get(`${base}/monitoring`)).statusCode).toBe(200);
    expect(await readRows(waiting)).toHaveLength(1);
    expect((await (await as('admin')).get(`${base}/monitoring`)).statusCode).toBe(200);
    expect((await readRows(waiting)).slice(1)).toEqual([{ user_id: ids.admin, source: 'unassigned' }]);
    expect(await readRows(coached)).toHaveLength(3);

    // The coach sees who looked, when and where (newest first); nobody else sees the log.
    const coach = await as('coach');
    const log = (await coach.get(`${base}/participants/${coached}/reads`)).json() as Reads;
    expect(log.reads.map((read) => [read.reader?.name, read.role, read.source])).toEqual([
      ['Naam editor', 'editor', 'hours'],
      ['Naam editor', 'editor', 'inbox'],
      ['Naam verwijzer', 'trajectbegeleider', 'referrals'],
    ]);
    expect(JSON.stringify(log)).not.toContain('Amina');
    for (const name of ['coach2', 'admin']) expect((await (await as(name)).get(`${base}/participants/${coached}/reads`)).statusCode, name).toBe(404);
    for (const name of ['editor', 'verwijzer', 'steering', 'viewer']) expect((await (await as(name)).get(`${base}/participants/${coached}/reads`)).statusCode, name).toBe(403);
  });
});

describe('a hand-over between coaches', () => {
  it('shows the new coach the note in their list, and the old coach no longer the participant', async () => {
    const id = await referToCoach();
    const other = await referToCoach({ firstName: 'Blijft' });
    const coach = await as('coach');
    const { version } = (await coach.get(`${base}/participants/${id}`)).json() as Detail;
    const handed = await coach.post(`${base}/participants/${id}/handover`, { toCoachId: ids.coach2, note: 'Komt liefst op dinsdag; vraag naar de fiets.', version });
    expect(handed.statusCode, handed.body).toBe(200);
    type List = { participants: { id: string; handover: { from: { name: string } | null; on: string; note: string } | null }[] };
    const newList = ((await (await as('coach2')).get(`${base}/participants`)).json() as List).participants;
    expect(newList).toEqual([expect.objectContaining({ id, handover: { from: { id: ids.coach, name: 'Naam coach' }, on: new Date().toISOString().slice(0, 10), note: 'Komt liefst op dinsdag; vraag naar de fiets.' } })]);
    const oldList = ((await coach.get(`${base}/participants`)).json() as List).participants;
    expect(oldList.map((participant) => participant.id)).toEqual([other]);
    expect(oldList[0]!.handover).toBeNull();
    // The referrer follows the coach, not the note.
    const referrals = ((await (await as('verwijzer')).get(`${base}/participants`)).json() as List).participants;
    expect(referrals.find((participant) => participant.id === id)).toMatchObject({ coach: { name: 'Naam coach2' }, handover: null });
    // An admin's assignment is no hand-over from a coach: nothing to show.
    const waiting = await referToCoach({ coachId: null });
    await (await as('admin')).post(`${base}/participants/${waiting}/coach`, { coachId: ids.coach2 });
    const withAssigned = ((await (await as('coach2')).get(`${base}/participants`)).json() as List).participants;
    expect(withAssigned.find((participant) => participant.id === waiting)!.handover).toBeNull();
  });
});
