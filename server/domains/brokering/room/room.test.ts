import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../../test/factories.js';
import { actorFactory, linkMemberToActor, relationFactory } from '../../network/factories.js';
import { connectSse } from '../../../realtime/sse-client.js';
import { notifyWorkshop } from '../workshop-events.js';
import { workshopFactory } from './factories.js';
import type { JoinResult, RoomSnapshot, WorkshopReport, WorkshopSummary } from '../../../../common/schemas/workshops.js';

let t: TestApp;
let baseUrl: string;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

/** A region with an admin (logged in), an editor linked to an actor, and a few actors. */
async function setup() {
  n++;
  const slug = `ws-regio-${n}`;
  const region = await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021', '33039'] });
  const admin = await userFactory(t.database.db, { regionSlug: slug, role: 'admin', email: `ws-admin-${n}@test.be` });
  const editor = await userFactory(t.database.db, { regionSlug: slug, role: 'editor', email: `ws-editor-${n}@test.be`, name: `Eva Redacteur ${n}` });
  const perron = await actorFactory(t.database.db, region.id, { name: `Cultuurcentrum Perron ${n}`, municipality: '33011', sectors: ['kunsten'], strengths: ['grote zaal'], needs: ['jong publiek'] });
  const jeugd = await actorFactory(t.database.db, region.id, { name: `Jeugddienst Poperinge ${n}`, municipality: '33021', sectors: ['jeugd'] });
  const bib = await actorFactory(t.database.db, region.id, { name: `Bibliotheek Ieper ${n}`, municipality: '33011', sectors: ['kunsten'] });
  const muziek = await actorFactory(t.database.db, region.id, { name: `Muziekhuis Dranouter ${n}`, municipality: '33039', sectors: ['kunsten'] });
  await linkMemberToActor(t.database.db, editor.userId, region.id, bib);
  const adminClient = await new ApiClient(t.app).login(admin.email, TEST_PASSWORD);
  return { slug, region, admin, editor, adminClient, actors: { perron, jeugd, bib, muziek } };
}

async function openWorkshop(client: ApiClient, slug: string): Promise<WorkshopSummary> {
  const response = await client.post(`/api/regions/${slug}/workshops`, { title: 'Bouw je netwerk uit', heldOn: '2026-03-19', place: 'Ieper' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as WorkshopSummary;
}

async function sessionCookie(email: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  const cookie = response.cookies.find((c) => c.name === 'rk_session');
  if (!cookie) throw new Error('no session');
  return `rk_session=${cookie.value}`;
}

describe('workshops: open, list, close', () => {
  it('an admin opens a workshop with a readable join code and sees it listed; others are refused', async () => {
    const { slug, adminClient, editor } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    expect(workshop).toMatchObject({ title: 'Bouw je netwerk uit', heldOn: '2026-03-19', place: 'Ieper', status: 'open', participantCount: 0 });
    expect(workshop.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const list = (await adminClient.get(`/api/regions/${slug}/workshops`)).json() as { items: WorkshopSummary[] };
    expect(list.items.map((item) => item.id)).toEqual([workshop.id]);

    const editorClient = await new ApiClient(t.app).login(editor.email, TEST_PASSWORD);
    expect((await editorClient.get(`/api/regions/${slug}/workshops`)).statusCode).toBe(403);
    expect((await editorClient.post(`/api/regions/${slug}/workshops`, { title: 'Niet van mij' })).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`/api/regions/${slug}/workshops`)).statusCode).toBe(401);
    const other = await setup();
    expect((await other.adminClient.get(`/api/regions/${slug}/workshops/${workshop.id}/room`)).statusCode).toBe(403);
    // Another region's workshop id under one's own region is not found, not shown.
    expect((await other.adminClient.get(`/api/regions/${other.slug}/workshops/${workshop.id}/room`)).statusCode).toBe(404);
  });

  it('closing needs the current version (409 with the current state) and stops new participants', async () => {
    const { slug, adminClient } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const stale = await adminClient.post(`/api/regions/${slug}/workshops/${workshop.id}/close`, { version: workshop.version + 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await adminClient.post(`/api/regions/${slug}/workshops/${workshop.id}/close`, { version: workshop.version });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: workshop.version + 1 });
    expect((closed.json() as WorkshopSummary).closedAt).not.toBeNull();
    const join = await new ApiClient(t.app).post('/api/workshops/join', { code: workshop.joinCode, name: 'Laat Komer', email: 'laat@test.be', organisation: 'Te laat vzw' });
    expect(join.statusCode).toBe(400);
    expect(join.json()).toMatchObject({ error: { fields: [{ path: 'code', message: 'Deze workshop is al afgesloten.' }] } });
  });

  it('invites by e-mail with a link that carries the join code', async () => {
    const { slug, adminClient } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const before = t.sentMail.length;
    const response = await adminClient.post(`/api/regions/${slug}/workshops/${workshop.id}/invitations`, { invitees: [{ name: 'An Peeters', email: 'an.peeters@test.be' }] });
    expect(response.statusCode, response.body).toBe(200);
    const mail = t.sentMail.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe('an.peeters@test.be');
    expect(mail[0]!.text).toContain(`/doe-mee?code=${workshop.joinCode}`);
    // The invitee joining with that e-mail becomes the invited participant, not a second one.
    const join = (await new ApiClient(t.app).post('/api/workshops/join', { code: workshop.joinCode, name: 'An Peeters', email: 'AN.peeters@test.be', organisation: 'Nieuw Collectief' })).json() as JoinResult;
    const rows = await t.database.raw.query<{ id: string }>('SELECT id FROM workshop_participants WHERE workshop_id = $1', [workshop.id]);
    expect(rows.map((row) => row.id)).toEqual([join.participantId]);
  });
});

describe('joining with a code', () => {
  it('a guest finds the workshop by code as typed, matches the organisation and gets a token and a sheet', async () => {
    const { slug, adminClient, actors } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const guest = new ApiClient(t.app);
    const typed = `${workshop.joinCode.slice(0, 3).toLowerCase()} ${workshop.joinCode.slice(3)}`;
    const lookup = await guest.get(`/api/workshops/lookup?code=${encodeURIComponent(typed)}`);
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toMatchObject({ workshopId: workshop.id, title: 'Bouw je netwerk uit', region: { slug } });
    const matches = (await guest.get(`/api/workshops/organisations?code=${workshop.joinCode}&q=${encodeURIComponent('cultuurcentrum perron')}`)).json() as { items: { id: string }[] };
    expect(matches.items[0]?.id).toBe(actors.perron);

    const response = await guest.post('/api/workshops/join', { code: typed, name: 'Lotte Gast', email: 'lotte@test.be', actorId: actors.perron });
    expect(response.statusCode, response.body).toBe(201);
    const joined = response.json() as JoinResult;
    expect(joined).toMatchObject({ workshopId: workshop.id, slug, sheetPath: `/r/${slug}/makelaardij/werkblad/${joined.sheetId}` });
    expect(joined.token).toMatch(/^[\w-]{20,}$/);
    const [participant] = await t.database.raw.query<{ guest_token_hash: string; actor_id: string; user_id: string | null; organisation_name: string }>(
      'SELECT guest_token_hash, actor_id, user_id, organisation_name FROM workshop_participants WHERE id = $1',
      [joined.participantId],
    );
    expect(participant).toEqual({ guest_token_hash: createHash('sha256').update(joined.token!).digest('hex'), actor_id: actors.perron, user_id: null, organisation_name: `Cultuurcentrum Perron ${n}` });
    const [sheet] = await t.database.raw.query('SELECT workshop_id, participant_id, actor_id, current_step FROM brokering_sheets WHERE id = $1', [joined.sheetId]);
    expect(sheet).toEqual({ workshop_id: workshop.id, participant_id: joined.participantId, actor_id: actors.perron, current_step: 1 });

    // Same e-mail again (a second device): same participant and sheet, a new token replaces the old one.
    const again = await guest.post('/api/workshops/join', { code: workshop.joinCode, name: 'Lotte Gast', email: 'lotte@test.be', actorId: actors.perron });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ participantId: joined.participantId, sheetId: joined.sheetId });
    expect((again.json() as JoinResult).token).not.toBe(joined.token);
  });

  it('an organisation that is not on the map stays a typed name, marked as new for the admin', async () => {
    const { slug, adminClient } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const joined = (await new ApiClient(t.app).post('/api/workshops/join', { code: workshop.joinCode, name: 'Sam Nieuw', email: 'sam@test.be', organisation: 'Fanfare De Vrolijke Noot' })).json() as JoinResult;
    const room = (await adminClient.get(`/api/regions/${slug}/workshops/${workshop.id}/room`)).json() as RoomSnapshot;
    expect(room.participants).toEqual([expect.objectContaining({ id: joined.participantId, organisation: 'Fanfare De Vrolijke Noot', actor: null, newOrganisation: true, guest: true, step: 1 })]);
    const [count] = await t.database.raw.query<{ n: string | number }>("SELECT count(*) AS n FROM actors WHERE name = 'Fanfare De Vrolijke Noot'");
    expect(Number(count!.n)).toBe(0);
  });

  it('a member joins as themselves with their own organisation, without a token', async () => {
    const { slug, adminClient, editor, actors } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const member = await new ApiClient(t.app).login(editor.email, TEST_PASSWORD);
    const response = await member.post('/api/workshops/join', { code: workshop.joinCode });
    expect(response.statusCode, response.body).toBe(201);
    const joined = response.json() as JoinResult;
    expect(joined.token).toBeNull();
    const [row] = await t.database.raw.query('SELECT user_id, actor_id, guest_token_hash FROM workshop_participants WHERE id = $1', [joined.participantId]);
    expect(row).toEqual({ user_id: editor.userId, actor_id: actors.bib, guest_token_hash: null });
    expect((await member.post('/api/workshops/join', { code: workshop.joinCode })).json()).toMatchObject({ participantId: joined.participantId, sheetId: joined.sheetId });
  });

  it('explains code and field errors in Dutch', async () => {
    const { slug, adminClient } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const guest = new ApiClient(t.app);
    const unknown = await guest.get('/api/workshops/lookup?code=ZZZZZ2');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', fields: [{ path: 'code', message: 'Geen open workshop met deze code. Kijk de code nog eens na.' }] } });
    const malformed = await guest.get('/api/workshops/lookup?code=AB1');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { fields: [{ path: 'code', message: 'Een code bestaat uit 6 letters en cijfers.' }] } });
    const missing = await guest.post('/api/workshops/join', { code: workshop.joinCode });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { error: { fields: { path: string; message: string }[] } }).error.fields).toEqual([
      { path: 'name', message: 'Vul dit in om mee te doen.' },
      { path: 'email', message: 'Vul dit in om mee te doen.' },
      { path: 'organisation', message: 'Vul dit in om mee te doen.' },
    ]);
    const other = await setup();
    const foreign = await guest.post('/api/workshops/join', { code: workshop.joinCode, name: 'Indringer', email: 'x@test.be', actorId: other.actors.perron });
    expect(foreign.json()).toMatchObject({ error: { fields: [{ path: 'actorId', message: 'Deze organisatie hoort niet bij de regio van de workshop.' }] } });
  });
});

describe('live events over SSE', () => {
  it('delivers an event to the facilitator over a real HTTP stream after a participant joins and after a save', async () => {
    const { slug, adminClient, admin, editor } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const other = await workshopFactory(t.database, (await t.database.raw.query<{ id: string }>('SELECT id FROM regions WHERE slug = $1', [slug]))[0]!.id);
    const cookie = await sessionCookie(admin.email);
    const stream = await connectSse(`${baseUrl}/api/regions/${slug}/workshops/${workshop.id}/events`, { cookie });
    expect(stream.status).toBe(200);
    try {
      await stream.next((message) => message.event === 'ready');
      const joined = (await new ApiClient(t.app).post('/api/workshops/join', { code: workshop.joinCode, name: 'Live Gast', email: 'live@test.be', organisation: 'Live vzw' })).json() as JoinResult;
      const event = await stream.next((message) => message.event === 'room');
      expect(JSON.parse(event.data)).toMatchObject({ type: 'participant.joined', participantId: joined.participantId, sheetId: joined.sheetId });

      // Another workshop's save is not this room's business; the next event is this room's card.
      await notifyWorkshop(t.database, { workshopId: other.id, type: 'card.updated', sheetId: 'elders' });
      await t.database.raw.query('UPDATE brokering_sheets SET current_step = 3 WHERE id = $1', [joined.sheetId]);
      await notifyWorkshop(t.database, { workshopId: workshop.id, type: 'participant.step', sheetId: joined.sheetId });
      const step = JSON.parse((await stream.next((message) => message.event === 'room')).data) as { type: string; sheetId: string };
      expect(step).toMatchObject({ type: 'participant.step', sheetId: joined.sheetId });
      const room = (await adminClient.get(`/api/regions/${slug}/workshops/${workshop.id}/room`)).json() as RoomSnapshot;
      expect(room.participants[0]).toMatchObject({ step: 3 });
      expect(room.steps.find((s) => s.step === 3)?.count).toBe(1);
    } finally {
      stream.close();
    }

    const anonymous = await connectSse(`${baseUrl}/api/regions/${slug}/workshops/${workshop.id}/events`);
    expect(anonymous.status).toBe(401);
    anonymous.close();
    const asEditor = await connectSse(`${baseUrl}/api/regions/${slug}/workshops/${workshop.id}/events`, { cookie: await sessionCookie(editor.email) });
    expect(asEditor.status).toBe(403);
    asEditor.close();
  });
});

describe('the report', () => {
  it('lists participants, cards and pursued combinations and compares bovenlokaal/grensverleggend with the region', async () => {
    const { slug, region, adminClient, editor, actors } = await setup();
    const workshop = await openWorkshop(adminClient, slug);
    const joined = (await new ApiClient(t.app).post('/api/workshops/join', { code: workshop.joinCode, name: 'Lotte', email: 'lotte-r@test.be', actorId: actors.perron })).json() as JoinResult;
    // Perron (Ieper, kunsten) keeps: Jeugddienst (Poperinge, jeugd: both), Bib (Ieper, kunsten: neither),
    // Muziekhuis (Heuvelland, kunsten: bovenlokaal only); a fourth partner is not kept and does not count.
    const [card] = await t.database.raw.query<{ id: string }>("INSERT INTO partner_cards (sheet_id, start_kind, start_text) VALUES ($1, 'need', 'jong publiek') RETURNING id", [joined.sheetId]);
    await t.database.raw.query(
      `INSERT INTO partner_card_partners (card_id, actor_id, ideas, kept, position) VALUES ($1, $2, ARRAY['Jongeren programmeren een avond'], true, 0), ($1, $3, '{}', true, 1), ($1, $4, '{}', true, 2)`,
      [card!.id, actors.jeugd, actors.bib, actors.muziek],
    );
    await t.database.raw.query(`INSERT INTO partner_card_partners (card_id, typed_name, typed_municipality_nis, ideas, kept, position) VALUES ($1, 'Fanfare Nieuw', '33021', '{}', false, 3)`, [card!.id]);
    const [combination] = await t.database.raw.query<{ id: string }>(
      "INSERT INTO brokering_combinations (region_id, workshop_id, title, scenario, pursue) VALUES ($1, $2, 'Jongerenavond', 'Samen een avond', true) RETURNING id",
      [region.id, workshop.id],
    );
    await t.database.raw.query('INSERT INTO brokering_combination_actors (combination_id, actor_id) VALUES ($1, $2), ($1, $3)', [combination!.id, actors.perron, actors.jeugd]);
    await t.database.raw.query("INSERT INTO brokering_combinations (region_id, workshop_id, title, pursue) VALUES ($1, $2, 'Niet gekozen', false)", [region.id, workshop.id]);
    // The region's map: Perron–Bib (neither), Perron–Muziekhuis (bovenlokaal), Jeugd–Muziekhuis (both), Bib–Muziekhuis (bovenlokaal).
    await relationFactory(t.database.db, region.id, actors.perron, actors.bib);
    await relationFactory(t.database.db, region.id, actors.perron, actors.muziek);
    await relationFactory(t.database.db, region.id, actors.jeugd, actors.muziek);
    await relationFactory(t.database.db, region.id, actors.bib, actors.muziek);

    await adminClient.post(`/api/regions/${slug}/workshops/${workshop.id}/close`, { version: workshop.version });
    const viewer = await new ApiClient(t.app).login(editor.email, TEST_PASSWORD);
    const response = await viewer.get(`/api/regions/${slug}/workshops/${workshop.id}/report`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as WorkshopReport;
    expect(report.workshop.status).toBe('closed');
    expect(report.participants).toEqual([expect.objectContaining({ name: 'Lotte', strengths: ['grote zaal'], needs: ['jong publiek'] })]);
    expect(report.cards[0]!.partners.map((p) => [p.name.replace(/ \d+$/, ''), p.kept, p.bovenlokaal, p.grensverleggend])).toEqual([
      ['Jeugddienst Poperinge', true, true, true],
      ['Bibliotheek Ieper', true, false, false],
      ['Muziekhuis Dranouter', true, true, false],
      ['Fanfare Nieuw', false, true, false],
    ]);
    expect(report.combinations.map((c) => c.title)).toEqual(['Jongerenavond']);
    expect(report.bovenlokaal).toEqual({
      workshop: { total: 3, bovenlokaal: 2, grensverleggend: 1, bovenlokaalShare: 0.667, grensverleggendShare: 0.333 },
      region: { total: 4, bovenlokaal: 3, grensverleggend: 1, bovenlokaalShare: 0.75, grensverleggendShare: 0.25 },
    });

    const pdf = await viewer.get(`/api/regions/${slug}/workshops/${workshop.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await new ApiClient(t.app).get(`/api/regions/${slug}/workshops/${workshop.id}/report`)).statusCode).toBe(401);
  });
});
