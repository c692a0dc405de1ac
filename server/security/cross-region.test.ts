import { lendingItemFactory } from '../domains/lending/factories.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../test/factories.js';
import { actorFactory, relationFactory } from '../domains/network/factories.js';
import { planFactory } from '../domains/plans/factories.js';
import { offerFactory } from '../domains/catalog/factories.js';
import { enqueueJob } from '../jobs/queue.js';
import { createIndicator, createProposal, getPlanDetail, loadPlan } from '../domains/plans/service.js';

/**
 * Walks every route of the OpenAPI document as an admin of region A, aimed at region B, and checks
 * that nothing private of B comes back and nothing of B changes. New routes are covered
 * automatically; a route with a path parameter this test cannot fill fails it until it is taught.
 */
let t: TestApp;
const secrets: string[] = [];
const ids: Record<string, string> = {};

// Routes that act on the caller's own account, not on a region: not part of the sweep.
const SELF_SERVICE = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'PATCH /api/account', 'POST /api/account/password', 'POST /api/auth/password-reset/request']);

// Plausible bodies, so a write is refused for access and not merely for shape.
const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /api/regions/{slug}': { name: 'Overgenomen', description: 'x', municipalities: ['33011'], version: 1 },
  'POST /api/regions/{slug}/invitations': { email: 'indringer@test.be', role: 'admin' },
  'PATCH /api/regions/{slug}/members/{userId}': { role: 'viewer' },
  'POST /api/regions/{slug}/plans/{planId}/partner-suggestions/accept': { name: 'Overgenomen', actorIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/regions/{slug}/plans/import/preview': { filename: 'plan.tsv', content: Buffer.from('Nr\tActie\n1\tOvergenomen\n').toString('base64') },
  'POST /api/regions/{slug}/plans/import': { filename: 'plan.tsv', content: Buffer.from('Nr\tActie\n1\tOvergenomen\n').toString('base64') },
  'PATCH /api/regions/{slug}/plans/{planId}': { version: 1, title: 'Overgenomen', status: 'afgesloten' },
  'PATCH /api/regions/{slug}/plans/{planId}/actions/{actionId}': { version: 1, status: 'afgerond' },
  'PUT /api/regions/{slug}/plans/{planId}/indicators/{indicatorId}/source': { sourceKey: 'trajectories.participants', version: 1 },
  'POST /api/regions/{slug}/plans/{planId}/versions': { name: 'Overgenomen' },
  'POST /api/regions/{slug}/plans/{planId}/actions/{actionId}/proposals': { changes: { title: 'Overgenomen' } },
  'POST /api/regions/{slug}/plans/{planId}/proposals/{proposalId}/decision': { decision: 'goedgekeurd' },
  'POST /api/regions/{slug}/plans/{planId}/actions/{actionId}/indicators': { name: 'Overgenomen' },
  'PATCH /api/regions/{slug}/plans/{planId}/indicators/{indicatorId}': { target: 1 },
  'POST /api/regions/{slug}/plans/{planId}/partners/{partnerId}/link': { actorId: null },
  'POST /api/regions/{slug}/plans/{planId}/partners/{partnerId}/actor': { kind: 'organisatie', sectors: ['kunsten'], municipality: '33011' },
  'POST /api/regions/{slug}/plans/{planId}/goals': { code: 'SD9', title: 'Overgenomen' },
  'PATCH /api/regions/{slug}/plans/{planId}/goals/{goalId}': { title: 'Overgenomen' },
  'POST /api/regions/{slug}/plans/{planId}/objectives': { goalId: '00000000-0000-4000-8000-000000000000', code: 'OD9', title: 'Overgenomen' },
  'PATCH /api/regions/{slug}/plans/{planId}/objectives/{objectiveId}': { title: 'Overgenomen' },
  'POST /api/regions/{slug}/plans/{planId}/actions': { title: 'Overgenomen' },
  'POST /api/regions/{slug}/plans/{planId}/actions/{actionId}/merge': { version: 1, sourceActionIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/regions/{slug}/plans/{planId}/indicators/{indicatorId}/measurements': { measuredOn: '2025-01-01', value: 1 },
  'POST /api/regions/{slug}/trajectories/participants': { municipalityNis: '33011', inburgeraarStatus: 'verplicht', referredOn: '2026-01-01', consentGiven: true },
  'PUT /api/regions/{slug}/trajectories/participants/{participantId}': { municipalityNis: '33011', inburgeraarStatus: 'verplicht', version: 1 },
  'POST /api/regions/{slug}/trajectories/participants/{participantId}/steps': { kind: 'intake', happenedOn: '2026-01-01' },
  'POST /api/regions/{slug}/trajectories/participants/{participantId}/consents': { kind: 'delen-voornaam', givenOn: '2026-01-01' },
  'POST /api/regions/{slug}/trajectories/participants/{participantId}/handover': { toCoachId: '00000000-0000-4000-8000-000000000000', version: 1 },
  'POST /api/regions/{slug}/trajectories/participants/{participantId}/placements': { offerId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/regions/{slug}/trajectories/participants/{participantId}/coach': { coachId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/regions/{slug}/trajectories/placements/{placementId}/hours': { attendedOn: '2026-01-01', hours: 2 },
  'POST /api/regions/{slug}/trajectories/placements/{placementId}/response': { answer: 'aanvaard', version: 1 },
  'PUT /api/regions/{slug}/trajectories/settings': { purpose: 'Overgenomen', retentionMonths: 1, version: 0 },
  'POST /api/regions/{slug}/polls': { title: 'Indringer', kind: 'proposal', closesAt: '2099-01-01T00:00:00Z', audience: 'members' },
  'PUT /api/regions/{slug}/polls/{pollId}/stance': { choice: 'akkoord' },
  'POST /api/regions/{slug}/polls/{pollId}/close': { outcome: 'Overgenomen' },
  'POST /api/regions/{slug}/surveys': { title: { nl: 'Indringer' }, audience: 'members', questions: [{ kind: 'short', text: { nl: 'Vraag' } }] },
  'PATCH /api/regions/{slug}/surveys/{surveyId}/status': { status: 'closed', version: 1 },
  'POST /api/regions/{slug}/surveys/{surveyId}/responses': { answers: {} },
  'POST /api/public-surveys/{token}/responses': { browserToken: 'browser-token-indringer', answers: {} },
  'POST /api/regions/{slug}/actors': { name: 'Indringer', sectors: ['kunsten'], municipality: '33011' },
  'POST /api/regions/{slug}/catalog/offers': { title: 'Overgenomen', calendarType: 'permanent' },
  'PATCH /api/regions/{slug}/catalog/offers/{offerId}': { title: 'Overgenomen', version: 1 },
  'POST /api/regions/{slug}/catalog/import': { content: '[]', dryRun: false },
  'PUT /api/regions/{slug}/catalog/settings': { uitdatabankUrl: 'http://127.0.0.1:9/overgenomen', version: 0 },
  'PATCH /api/regions/{slug}/actors/{actorId}': { name: 'Overgenomen', sectors: ['kunsten'], municipality: '33011', version: 1 },
  'POST /api/regions/{slug}/relations': { sourceActorId: '00000000-0000-4000-8000-000000000000', targetActorId: '00000000-0000-4000-8000-000000000001', type: 'samenwerking' },
  'PATCH /api/regions/{slug}/relations/{relationId}': { type: 'project', version: 1 },
  'POST /api/regions/{slug}/actors/import/preview': { fileName: 'a.csv', content: Buffer.from('naam;gemeente;sector\nIndringer;Ieper;kunsten\n').toString('base64') },
  'POST /api/regions/{slug}/search/synonyms': { terms: ['indringer', 'overname'] },
  'POST /api/regions/{slug}/brokering/sheets': { actorId: '00000000-0000-4000-8000-000000000000' },
  'PATCH /api/regions/{slug}/brokering/sheets/{sheetId}': { currentStep: 2, version: 1 },
  'POST /api/regions/{slug}/brokering/sheets/{sheetId}/apply-draft': { actorVersion: 1 },
  'POST /api/regions/{slug}/brokering/sheets/{sheetId}/cards': { startKind: 'need', startText: 'Overgenomen' },
  'PUT /api/regions/{slug}/brokering/sheets/{sheetId}/cards/{cardId}': { startKind: 'need', startText: 'Overgenomen', version: 1 },
  'POST /api/regions/{slug}/brokering/sheets/{sheetId}/combinations': { title: 'Overgenomen', actorIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001'] },
  'PUT /api/regions/{slug}/brokering/sheets/{sheetId}/combinations/{combinationId}': { title: 'Overgenomen', actorIds: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001'], version: 1 },
  'PUT /api/regions/{slug}/brokering/ideas/{ideaId}': { title: 'Overgenomen', status: 'gestopt', ownerActorIds: ['00000000-0000-4000-8000-000000000000'], version: 1 },
  'POST /api/regions/{slug}/brokering/ideas/{ideaId}/plan-link': { planId: '00000000-0000-4000-8000-000000000000', actionId: '00000000-0000-4000-8000-000000000001' },
  'POST /api/regions/{slug}/brokering/proposed-actors/{proposedActorId}/create': { name: 'Overgenomen', municipality: '33011', sector: 'kunsten' },
  'POST /api/regions/{slug}/workshops': { title: 'Indringer workshop' },
  'POST /api/regions/{slug}/workshops/{workshopId}/invitations': { invitees: [{ name: 'Indringer', email: 'indringer@test.be' }] },
  'POST /api/regions/{slug}/workshops/{workshopId}/close': { version: 1 },
  'POST /api/regions/{slug}/actors/import': { fileName: 'a.csv', content: Buffer.from('naam;gemeente;sector\nIndringer;Ieper;kunsten\n').toString('base64'), onlyValid: true },
  'POST /api/regions/{slug}/lending/items': { name: 'Indringer', ownerActorId: '00000000-0000-4000-8000-000000000000', municipality: '33011', units: 1 },
  'PATCH /api/regions/{slug}/lending/items/{itemId}': { version: 1, name: 'Overgenomen' },
  'POST /api/regions/{slug}/lending/items/{itemId}/photos': { contentType: 'image/png', content: 'iVBORw0KGgo=' },
  'POST /api/regions/{slug}/lending/bookings': { itemId: '00000000-0000-4000-8000-000000000000', from: '2030-01-01', to: '2030-01-02', units: 1, borrowerActorId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/regions/{slug}/lending/bookings/{bookingId}/{transition}': { version: 1 },
  'POST /api/regions/{slug}/lending/import/preview': { fileName: 'inventaris.csv', content: Buffer.from('naam;eigenaar;gemeente\nTent;X;Ieper\n').toString('base64') },
  'POST /api/regions/{slug}/lending/import': { fileName: 'inventaris.csv', content: Buffer.from('naam;eigenaar;gemeente\nTent;X;Ieper\n').toString('base64') },
  'POST /api/regions/{slug}/cooperative/members': { actorId: '00000000-0000-4000-8000-000000000000', memberSince: '2020-01-01' },
  'PUT /api/regions/{slug}/cooperative/members/{id}': { memberSince: '2020-01-01', version: 1 },
  'POST /api/regions/{slug}/cooperative/bodies': { kind: 'werkgroep', name: 'Overgenomen' },
  'PUT /api/regions/{slug}/cooperative/bodies/{id}': { name: 'Overgenomen', version: 1 },
  'POST /api/regions/{slug}/cooperative/financing': { year: 2030, budgetCents: 100, keyKind: 'gelijk' },
  'PUT /api/regions/{slug}/cooperative/financing/{id}': { budgetCents: 100, keyKind: 'gelijk', version: 1 },
  'PUT /api/regions/{slug}/cooperative/financing/{id}/shares': { version: 1, rows: [] },
  'POST /api/regions/{slug}/cooperative/meetings': { bodyId: '00000000-0000-4000-8000-000000000000', title: 'Overgenomen', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z' },
  'PUT /api/regions/{slug}/cooperative/meetings/{id}': { title: 'Overgenomen', startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T11:00:00Z', version: 1 },
  'PUT /api/regions/{slug}/cooperative/meetings/{id}/minutes': { minutes: 'Overgenomen', minutesVersion: 1 },
  'PUT /api/regions/{slug}/cooperative/meetings/{id}/attendance': { rows: [] },
  'POST /api/regions/{slug}/cooperative/meetings/{id}/decisions': { text: 'Overgenomen' },
  'POST /api/regions/{slug}/cooperative/meetings/{id}/action-points': { description: 'Overgenomen' },
  'PUT /api/regions/{slug}/cooperative/action-points/{id}': { description: 'Overgenomen', version: 1 },
  'PUT /api/regions/{slug}/cooperative/notification-settings': { weeklyDigest: false, meetingInvitations: false, newsletter: false },
  'POST /api/regions/{slug}/cooperative/newsletters': { days: 7 },
  'PUT /api/regions/{slug}/cooperative/newsletters/{id}': { title: 'Overgenomen', version: 1 },
  'POST /api/regions/{slug}/cooperative/newsletters/{id}/send': { version: 1 },
  'POST /api/regions/{slug}/buddies/programmes': { actorId: '00000000-0000-4000-8000-000000000000' },
  'PUT /api/regions/{slug}/buddies/learning-network': { bodyId: '00000000-0000-4000-8000-000000000000' },
  'POST /api/regions/{slug}/buddies/programmes/{programmeId}/volunteers': { firstName: 'Indringer', municipalityNis: '33011' },
  'PUT /api/regions/{slug}/buddies/volunteers/{volunteerId}': { firstName: 'Overgenomen', municipalityNis: '33011', active: true, version: 1 },
  'POST /api/regions/{slug}/buddies/duos': { participantId: '00000000-0000-4000-8000-000000000000', volunteerId: '00000000-0000-4000-8000-000000000000', startedOn: '2026-01-01' },
  'PATCH /api/regions/{slug}/buddies/duos/{duoId}': { status: 'gestopt', version: 1 },
  'POST /api/regions/{slug}/buddies/duos/{duoId}/meetings': { metOn: '2026-01-01', activity: 'Overgenomen' },
};

beforeAll(async () => {
  t = await createTestApp();
  await regionFactory(t.database.db, { slug: 'regio-a' });
  await regionFactory(t.database.db, { slug: 'regio-b', description: 'Publieke beschrijving van B' });
  await userFactory(t.database.db, { regionSlug: 'regio-a', role: 'admin', email: 'admin-a@test.be' });
  const adminB = await userFactory(t.database.db, { regionSlug: 'regio-b', role: 'admin', email: 'geheim-admin-b@test.be', name: 'Verborgen Beheerder' });
  ids.userId = adminB.userId;
  secrets.push('geheim-admin-b@test.be', 'Verborgen Beheerder');
  const clientB = await new ApiClient(t.app).login('geheim-admin-b@test.be', TEST_PASSWORD);
  const invite = (await clientB.post('/api/regions/regio-b/invitations', { email: 'geheime-uitnodiging@test.be', role: 'editor' })).json() as { invitation: { id: string } };
  ids.invitationId = invite.invitation.id;
  secrets.push('geheime-uitnodiging@test.be');
  // Network: a public actor with private contact data, a hidden actor, and a relation between them.
  const networkRegionB = (await t.database.raw.query<{ id: string }>("SELECT id FROM regions WHERE slug = 'regio-b'"))[0]!.id;
  ids.actorId = await actorFactory(t.database.db, networkRegionB, { name: 'Publieke Actor B', contactEmail: 'geheim-contact-b@test.be', contactName: 'Verborgen Contactpersoon', contactPhone: '+32 470 99 88 77' });
  const hidden = await actorFactory(t.database.db, networkRegionB, { name: 'Verborgen Actor B', isPublic: false });
  ids.relationId = await relationFactory(t.database.db, networkRegionB, ids.actorId, hidden);
  // A workshop of B (live room, report).
  ids.workshopId = (await t.database.raw.query<{ id: string }>("INSERT INTO workshops (region_id, title, join_code) VALUES ($1, 'Geheime workshop B', 'GHMB22') RETURNING id", [networkRegionB]))[0]!.id;
  secrets.push('Geheime workshop B', 'GHMB22');
  secrets.push('geheim-contact-b@test.be', 'Verborgen Contactpersoon', '+32 470 99 88 77', 'Verborgen Actor B');
  // A synonym group of B's own (search module).
  ids.groupId = (await t.database.raw.query<{ id: string }>("INSERT INTO search_synonyms (region_id, terms) VALUES ($1, ARRAY['geheimwoordb', 'verborgenwoordb']) RETURNING id", [networkRegionB]))[0]!.id;
  secrets.push('geheimwoordb');
  // A draft offer of B (catalog): only B's members may see it, and the public catalog answers 404 for it.
  ids.offerId = await offerFactory(t.database.db, networkRegionB, { title: 'Geheim ontwerpaanbod B', status: 'draft' });
  secrets.push('Geheim ontwerpaanbod B');
  // A background job B's admin started, with a secret in its payload and result.
  ids.jobId = await enqueueJob(t.database, { kind: 'test.cross-region', regionId: networkRegionB, createdBy: adminB.userId, payload: { note: 'Geheime taak B' } });
  await t.database.raw.query(`UPDATE jobs SET result = '{"note":"Geheim resultaat B"}' WHERE id = $1`, [ids.jobId]);
  secrets.push('Geheime taak B', 'Geheim resultaat B');
  // An import B's admin is running: its progress is B's alone.
  ids.progressId = '5f0c1c9e-7b1a-4c3e-9d2a-0b1b2c3d4e5f';
  const preview = await clientB.post('/api/regions/regio-b/actors/import/preview', {
    fileName: 'actoren.csv',
    content: Buffer.from('naam;gemeente;sector\nGeheime Importactor;Ieper;kunsten\n').toString('base64'),
    progressId: ids.progressId,
  });
  if (preview.statusCode !== 200) throw new Error(`import preview of B failed: ${preview.body}`);
  // Plans of B: a draft (private as a whole) and an approved plan with a proposal (members only).
  const regionB = (await t.database.raw.query<{ id: string }>("SELECT id FROM regions WHERE slug = 'regio-b'"))[0]!;
  const regionRowB = { id: regionB.id } as Parameters<typeof planFactory>[1];
  const draftB = await planFactory(t.database.db, regionRowB, { title: 'Geheim ontwerpplan van B' });
  secrets.push('Geheim ontwerpplan van B');
  const approved = await planFactory(t.database.db, regionRowB, { title: 'Goedgekeurd plan van B', status: 'goedgekeurd' });
  const planB = await loadPlan(t.database.db, regionRowB, approved.id, 'admin');
  const actionB = (await getPlanDetail(t.database.db, planB, 'admin')).goals[0]!.objectives[0]!.actions[0]!;
  const proposal = await createProposal(t.database.db, planB, actionB.id, { title: 'Geheim voorstel' }, 'Geheime reden van B', adminB.userId);
  const indicator = await createIndicator(t.database.db, planB, actionB.id, { name: 'Indicator van B', unit: '', baseline: null, target: 5 }, adminB.userId);
  Object.assign(ids, { planId: approved.id, actionId: actionB.id, proposalId: proposal.id, indicatorId: indicator.id, partnerId: actionB.partners[0]!.id, goalId: (await getPlanDetail(t.database.db, planB, 'admin')).goals[0]!.id, objectiveId: (await getPlanDetail(t.database.db, planB, 'admin')).goals[0]!.objectives[0]!.id });
  secrets.push('Geheime reden van B', 'Geheim voorstel');
  // Partners both ways: B's public actor takes part in B's draft (its plan actions must not show it to
  // outsiders), B's hidden actor in the approved plan under a written name (its map name must stay hidden).
  await t.database.raw.query('UPDATE plan_action_partners SET actor_id = $1 WHERE plan_id = $2', [ids.actorId, draftB.id]);
  await t.database.raw.query("UPDATE plan_action_partners SET actor_id = $1 WHERE plan_id = $2 AND name = 'Bibliotheek Ieper'", [hidden, approved.id]);
  // Brokering of B: a sheet of B's public actor with a partner card (a typed partner offered as a new
  // actor), a combination and the samenwerkingsvoorstel made of it.
  const sheetB = (await t.database.raw.query<{ id: string }>('INSERT INTO brokering_sheets (region_id, actor_id) VALUES ($1, $2) RETURNING id', [regionB.id, ids.actorId]))[0]!.id;
  ids.sheetId = sheetB;
  ids.cardId = (await t.database.raw.query<{ id: string }>("INSERT INTO partner_cards (sheet_id, start_kind, start_text) VALUES ($1, 'need', 'Geheime nood van B') RETURNING id", [sheetB]))[0]!.id;
  ids.proposedActorId = (await t.database.raw.query<{ id: string }>("INSERT INTO partner_card_partners (card_id, typed_name, ideas, proposal_status) VALUES ($1, 'Geheime partner van B', ARRAY['geheim idee van B'], 'open') RETURNING id", [ids.cardId]))[0]!.id;
  ids.combinationId = (await t.database.raw.query<{ id: string }>("INSERT INTO brokering_combinations (region_id, sheet_id, title, pursue) VALUES ($1, $2, 'Geheime combinatie van B', true) RETURNING id", [regionB.id, sheetB]))[0]!.id;
  ids.ideaId = (await t.database.raw.query<{ id: string }>("INSERT INTO cooperation_ideas (region_id, title) VALUES ($1, 'Geheim samenwerkingsvoorstel van B') RETURNING id", [regionB.id]))[0]!.id;
  secrets.push('Geheime nood van B', 'Geheime partner van B', 'Geheime combinatie van B', 'Geheim samenwerkingsvoorstel van B');
  // Lending pool of B: an item with a booking and a photo.
  ids.itemId = await lendingItemFactory(t.database, regionB.id, ids.actorId, { name: 'Geheim uitleenitem B' });
  ids.bookingId = (await t.database.raw.query<{ id: string }>("INSERT INTO lending_bookings (region_id, item_id, borrower_actor_id, units, from_date, to_date, note) VALUES ($1, $2, $3, 1, '2030-01-01', '2030-01-02', 'Geheime aanvraag B') RETURNING id", [regionB.id, ids.itemId, ids.actorId]))[0]!.id;
  ids.photoId = (await t.database.raw.query<{ id: string }>("INSERT INTO lending_photos (item_id, content_type, bytes) VALUES ($1, 'image/png', '\\x00') RETURNING id", [ids.itemId]))[0]!.id;
  ids.transition = 'confirm';
  ids.file = `${'b'.repeat(32)}.ics`;
  secrets.push('Geheim uitleenitem B', 'Geheime aanvraag B');
  // Cooperative routes name their record {id}: a members-only meeting of B with secret minutes.
  const [body] = await t.database.raw.query<{ id: string }>("INSERT INTO coop_bodies (region_id, kind, name) VALUES ($1, 'stuurgroep', 'Stuurgroep B') RETURNING id", [networkRegionB]);
  ids.id = (await t.database.raw.query<{ id: string }>("INSERT INTO coop_meetings (region_id, body_id, title, starts_at, ends_at, minutes) VALUES ($1, $2, 'Vergadering B', now(), now(), 'Geheim verslag B') RETURNING id", [networkRegionB, body!.id]))[0]!.id;
  secrets.push('Geheim verslag B');
  // Participation of B: a poll with a stance and its reason, a members' survey.
  ids.pollId = (await t.database.raw.query<{ id: string }>("INSERT INTO polls (region_id, title, kind, options, audience, closes_at) VALUES ($1, 'Geheime stemronde B', 'proposal', '[{\"key\":\"akkoord\",\"label\":\"akkoord\"}]', 'members', now() + interval '2 days') RETURNING id", [regionB.id]))[0]!.id;
  await t.database.raw.query("INSERT INTO poll_stances (poll_id, voter_key, user_id, points, reason) VALUES ($1, $2, $3, '{\"akkoord\":1}', 'Geheime stemreden B')", [ids.pollId, adminB.userId, adminB.userId]);
  ids.surveyId = (await t.database.raw.query<{ id: string }>(`INSERT INTO surveys (region_id, title, audience, public_token) VALUES ($1, '{"nl":"Geheime bevraging B"}', 'members', 'token-b-geheim') RETURNING id`, [regionB.id]))[0]!.id;
  secrets.push('Geheime stemronde B', 'Geheime stemreden B', 'Geheime bevraging B');
  // Catalog of B: a municipality of B for its poster route.
  ids.nisCode = '33011';
  // Trajectories of B: a participant coached by B's admin, with a consent and a placement at B's actor.
  ids.participantId = (await t.database.raw.query<{ id: string }>("INSERT INTO trajectory_participants (region_id, code, first_name, municipality_nis, inburgeraar_status, referred_on, referral_note, coach_user_id) VALUES ($1, 'TR-GEHEIM', 'Geheime Deelnemer B', '33011', 'verplicht', '2026-01-01', 'Geheime verwijsnota B', $2) RETURNING id", [regionB.id, adminB.userId]))[0]!.id;
  ids.consentId = (await t.database.raw.query<{ id: string }>("INSERT INTO trajectory_consents (participant_id, kind, given_on) VALUES ($1, 'delen-voornaam', '2026-01-01') RETURNING id", [ids.participantId]))[0]!.id;
  ids.placementId = (await t.database.raw.query<{ id: string }>("INSERT INTO trajectory_placements (region_id, participant_id, offer_id, offer_title, organizer_actor_id, expectations) VALUES ($1, $2, $3, 'Geheime plaats B', $4, 'Geheime verwachting B') RETURNING id", [regionB.id, ids.participantId, ids.offerId, ids.actorId]))[0]!.id;
  secrets.push('Geheime Deelnemer B', 'TR-GEHEIM', 'Geheime verwijsnota B', 'Geheime verwachting B');
  // Buddy network of B: a programme at B's actor, a volunteer, and a duo with B's participant.
  ids.programmeId = (await t.database.raw.query<{ id: string }>('INSERT INTO buddy_programmes (region_id, actor_id) VALUES ($1, $2) RETURNING id', [regionB.id, ids.actorId]))[0]!.id;
  ids.volunteerId = (await t.database.raw.query<{ id: string }>("INSERT INTO buddy_volunteers (region_id, programme_id, first_name, municipality_nis) VALUES ($1, $2, 'Geheime Buddy B', '33011') RETURNING id", [regionB.id, ids.programmeId]))[0]!.id;
  ids.duoId = (await t.database.raw.query<{ id: string }>("INSERT INTO buddy_duos (region_id, volunteer_id, participant_id, started_on) VALUES ($1, $2, $3, '2026-01-01') RETURNING id", [regionB.id, ids.volunteerId, ids.participantId]))[0]!.id;
  await t.database.raw.query("INSERT INTO buddy_duo_meetings (duo_id, met_on, activity) VALUES ($1, '2026-01-08', 'Geheime ontmoeting B')", [ids.duoId]);
  secrets.push('Geheime Buddy B', 'Geheime ontmoeting B');
});
afterAll(async () => t.close());

async function snapshotOfB() {
  return t.database.raw.query(
    "SELECT r.name, r.description, r.version, (SELECT json_agg(m ORDER BY m.user_id) FROM memberships m WHERE m.region_id = r.id) AS members, (SELECT json_agg(i.revoked_at ORDER BY i.id) FROM invitations i WHERE i.region_id = r.id) AS invitations, (SELECT json_agg(json_build_object('name', a.name, 'version', a.version) ORDER BY a.id) FROM actors a WHERE a.region_id = r.id) AS actors, (SELECT json_agg(json_build_object('type', x.type, 'version', x.version) ORDER BY x.id) FROM relations x WHERE x.region_id = r.id) AS relations FROM regions r WHERE r.slug = 'regio-b'",
  );
}

describe('a user of region A and the private data of region B', () => {
  it('gets nothing private of B and changes nothing of B through any route', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const adminA = await new ApiClient(t.app).login('admin-a@test.be', TEST_PASSWORD);
    const before = await snapshotOfB();
    const checked: string[] = [];

    for (const [path, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        // They touch only the caller's own account (and would end this session).
        if (SELF_SERVICE.has(key)) continue;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
          if (name === 'slug') return 'regio-b';
          if (name === 'token') return 'onbestaand-token-1234567890';
          const value = ids[name];
          if (!value) throw new Error(`cross-region test does not know how to fill {${name}} in ${key}: add an id of region B`);
          return value;
        });
        const response = await adminA.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : (SAMPLE_BODIES[key] ?? {}));
        for (const secret of secrets) expect(response.body, `${key} leaked "${secret}"`).not.toContain(secret);
        if (method !== 'get') {
          expect(response.statusCode, `${key} answered ${response.statusCode}: ${response.body}`).toBeGreaterThanOrEqual(400);
        }
        checked.push(key);
      }
    }
    expect(await snapshotOfB()).toEqual(before);
    // The sweep ran as a logged-in admin of A throughout, not as an anonymous visitor.
    expect(((await adminA.get('/api/auth/session')).json() as { user: { email: string } | null }).user?.email).toBe('admin-a@test.be');
    expect(checked).toEqual(expect.arrayContaining(['GET /api/regions/{slug}/members', 'PATCH /api/regions/{slug}', 'POST /api/regions/{slug}/invitations']));
  });

  it('can still see the public face of B', async () => {
    const adminA = await new ApiClient(t.app).login('admin-a@test.be', TEST_PASSWORD);
    const region = (await adminA.get('/api/regions/regio-b')).json() as { description: string; myRole: unknown };
    expect(region.description).toBe('Publieke beschrijving van B');
    expect(region.myRole).toBeNull();
    expect((await adminA.get('/api/regions/regio-b/members')).statusCode).toBe(403);
  });
});

describe('every route against every role, as the policy table says', () => {
  it('refuses (401/403) exactly where the table denies, for reads and for refused writes', async () => {
    const { routePolicies } = await import('../policy/route-policies.js');
    const { can } = await import('../policy/policy.js');
    const regionB = (await t.database.raw.query<{ id: string }>("SELECT id FROM regions WHERE slug = 'regio-b'"))[0]!.id;
    const clients: Record<string, ApiClient> = { anonymous: new ApiClient(t.app), outsider: await new ApiClient(t.app).login('admin-a@test.be', TEST_PASSWORD) };
    const users: Record<string, Parameters<typeof can>[0]> = { anonymous: null };
    for (const role of ['viewer', 'steering', 'editor', 'coach', 'trajectbegeleider'] as const) {
      await userFactory(t.database.db, { regionSlug: 'regio-b', role, email: `sweep-${role}@test.be` });
      clients[role] = await new ApiClient(t.app).login(`sweep-${role}@test.be`, TEST_PASSWORD);
    }
    // The callers as the policy sees them: a role in B (none for the admin of A).
    for (const name of ['outsider', 'viewer', 'steering', 'editor', 'coach', 'trajectbegeleider'] as const) {
      const memberships = name === 'outsider' ? [] : [{ regionId: regionB, regionSlug: 'regio-b', role: name, actorId: null }];
      users[name] = { id: name, email: `${name}@test.be`, name, locale: 'nl', memberships };
    }
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    let checked = 0;
    for (const [path, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (SELF_SERVICE.has(key) || !path.includes('{slug}')) continue;
        const action = routePolicies.get(`${method.toUpperCase()} /api${path.slice(4).replace(/\{(\w+)\}/g, ':$1')}`);
        expect(action, `${key} has no policy`).toBeTruthy();
        const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'slug' ? 'regio-b' : (ids[name] ?? 'onbekend')));
        // Queries the schema demands, so the answer is about access and not about shape.
        const url = key.endsWith('/compare') ? `${filled}?from=current` : key.endsWith('/coverage/export') ? `${filled}?format=csv` : key.endsWith('/actors/export') ? `${filled}?format=csv` : filled;
        for (const [name, client] of Object.entries(clients)) {
          // Roles the rule allows only for their own actor own nothing here: refused too.
          const allowed = can(users[name] ?? null, action!, { regionId: regionB, actorIds: [] });
          // Writes that would be allowed are left out: they would change B for the next role.
          if (allowed && method !== 'get') continue;
          const response = await client.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : (SAMPLE_BODIES[key] ?? {}));
          const refused = response.statusCode === 401 || response.statusCode === 403;
          expect(refused, `${key} as ${name} answered ${response.statusCode}`).toBe(!allowed);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Every route × five callers: on a loaded 2-core machine this takes longer than one ordinary test.
  }, 120_000);
});
