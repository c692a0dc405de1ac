import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { planFactory } from '../plans/factories.js';
import { createProposal, getPlanDetail, loadPlan } from '../plans/service.js';
import { enqueueJob, runNextJob } from '../../jobs/queue.js';
import type { RegionRow } from '../../http/access.js';
import { asVoter, sessionVoters } from './factories.js';
import { POLL_REMINDER_JOB } from './module.js';

let t: TestApp;
let region: RegionRow;
const slug = 'stemregio';
let adminEmail: string;
let adminId: string;
let steeringEmail: string;
let viewerEmail: string;
let outsiderEmail: string;

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await regionFactory(db, { slug });
  ({ email: adminEmail, userId: adminId } = await userFactory(db, { regionSlug: slug, role: 'admin' }));
  steeringEmail = (await userFactory(db, { regionSlug: slug, role: 'steering', name: 'Stuur Lid' })).email;
  viewerEmail = (await userFactory(db, { regionSlug: slug, role: 'viewer' })).email;
  await regionFactory(db, { slug: 'andere-regio' });
  outsiderEmail = (await userFactory(db, { regionSlug: 'andere-regio', role: 'admin' })).email;
});
afterAll(async () => t.close());

async function newPoll(admin: ApiClient, body: Record<string, unknown> = {}) {
  const response = await admin.post(`/api/regions/${slug}/polls`, { title: 'Vrijwilligerspool', kind: 'proposal', closesAt: inDays(3), audience: 'steering', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

describe('proposal polls: the API of the issue', () => {
  it('lets an admin open one, a steering member vote and change the stance, and keeps every version', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const poll = await newPoll(admin);
    const steering = await new ApiClient(t.app).login(steeringEmail, TEST_PASSWORD);
    const first = await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'niet-akkoord', reason: 'Te duur' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord', reason: 'Na de toelichting overtuigd' });
    expect(second.statusCode).toBe(200);
    const detail = (await steering.get(`/api/regions/${slug}/polls/${poll.id}`)).json() as Record<string, unknown> & { results: Record<string, number>; myHistory: { reason: string; revision: number }[]; stances: { voter: string }[] };
    expect(detail).toMatchObject({ id: poll.id, kind: 'proposal', status: 'open', voters: 1, voted: 1 });
    expect(detail.results).toEqual({ akkoord: 1, onthouding: 0, 'niet-akkoord': 0, blokkeren: 0 });
    expect(detail.myHistory.map((row) => [row.revision, row.reason])).toEqual([
      [2, 'Na de toelichting overtuigd'],
      [1, 'Te duur'],
    ]);
    expect(detail.stances[0]!.voter).toBe('Stuur Lid');
  });

  it('answers 400 with the field and a Dutch reason, 403 for non-voters and outsiders, 401 anonymously', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const bad = await admin.post(`/api/regions/${slug}/polls`, { title: '', kind: 'proposal', closesAt: 'morgen', audience: 'steering' });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { path: string; message: string }[] } }).error.fields;
    expect(fields.map((field) => field.path)).toEqual(expect.arrayContaining(['title', 'closesAt']));
    const past = await admin.post(`/api/regions/${slug}/polls`, { title: 'X', kind: 'proposal', closesAt: inDays(-1), audience: 'steering' });
    expect((past.json() as { error: { fields: { path: string; message: string }[] } }).error.fields).toEqual([{ path: 'closesAt', message: 'Kies een sluitingsmoment in de toekomst.' }]);
    const poll = await newPoll(admin);
    const steering = await new ApiClient(t.app).login(steeringEmail, TEST_PASSWORD);
    const wrong = await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'misschien' });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { error: { fields: { path: string; message: string }[] } }).error.fields[0]).toEqual({ path: 'choice', message: 'Kies uit: akkoord, onthouding, niet-akkoord, blokkeren.' });
    // The admin and a viewer are members, but not of the steering group.
    expect((await admin.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' })).statusCode).toBe(403);
    const viewer = await new ApiClient(t.app).login(viewerEmail, TEST_PASSWORD);
    expect((await viewer.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' })).statusCode).toBe(403);
    expect((await viewer.post(`/api/regions/${slug}/polls`, { title: 'X', kind: 'proposal', closesAt: inDays(1), audience: 'steering' })).statusCode).toBe(403);
    const outsider = await new ApiClient(t.app).login(outsiderEmail, TEST_PASSWORD);
    expect((await outsider.get(`/api/regions/${slug}/polls/${poll.id}`)).statusCode).toBe(403);
    expect((await new ApiClient(t.app).get(`/api/regions/${slug}/polls/${poll.id}`)).statusCode).toBe(401);
  });

  it('hides results until closing when asked, answers 409 after closing and keeps the outcome', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const poll = await newPoll(admin, { hideResults: true });
    const steering = await new ApiClient(t.app).login(steeringEmail, TEST_PASSWORD);
    await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'blokkeren', reason: 'Principieel tegen' });
    const hidden = (await admin.get(`/api/regions/${slug}/polls/${poll.id}`)).json() as { results: unknown; stances: unknown[]; voted: number };
    expect(hidden.results).toBeNull();
    expect(hidden.stances).toEqual([]);
    expect(hidden.voted).toBe(1);
    const closed = await admin.post(`/api/regions/${slug}/polls/${poll.id}/close`, { outcome: 'Geblokkeerd: we herwerken het voorstel.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'Geblokkeerd: we herwerken het voorstel.', results: { blokkeren: 1 } });
    expect((await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' })).statusCode).toBe(409);
    expect((await admin.post(`/api/regions/${slug}/polls/${poll.id}/close`, { outcome: 'Nog eens' })).statusCode).toBe(409);
  });

  it('treats a poll past its closing time as closed (409), even before an outcome is written', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const poll = await newPoll(admin);
    await t.database.raw.query("UPDATE polls SET closes_at = now() - interval '1 minute' WHERE id = $1", [poll.id]);
    const steering = await new ApiClient(t.app).login(steeringEmail, TEST_PASSWORD);
    expect((await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' })).statusCode).toBe(409);
    expect(((await steering.get(`/api/regions/${slug}/polls`)).json() as { items: { id: string; status: string }[] }).items.find((item) => item.id === poll.id)?.status).toBe('closed');
  });
});

describe('other poll kinds', () => {
  it('counts choose-several, ranked (Borda), score and dot votes, and checks their limits', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const put = (id: string, body: object) => admin.request('PUT', `/api/regions/${slug}/polls/${id}/stance`, body);
    const several = await newPoll(admin, { kind: 'choose-several', options: ['Ieper', 'Poperinge', 'Heuvelland'], audience: 'members' });
    expect((await put(several.id, { choices: ['o1', 'o3'] })).json()).toMatchObject({ results: { o1: 1, o2: 0, o3: 1 } });
    const ranked = await newPoll(admin, { kind: 'ranked', options: ['A', 'B', 'C'], audience: 'members' });
    expect((await put(ranked.id, { choices: ['o2', 'o1'] })).json()).toMatchObject({ results: { o1: 2, o2: 3, o3: 0 } });
    const score = await newPoll(admin, { kind: 'score', options: ['A', 'B'], audience: 'members', points: 5 });
    expect((await put(score.id, { scores: { o1: 6 } })).statusCode).toBe(400);
    expect((await put(score.id, { scores: { o1: 4, o2: 2 } })).json()).toMatchObject({ results: { o1: 4, o2: 2 } });
    const dot = await newPoll(admin, { kind: 'dot', options: ['A', 'B'], audience: 'members', points: 10 });
    expect((await put(dot.id, { scores: { o1: 8, o2: 3 } })).statusCode).toBe(400);
    expect((await put(dot.id, { scores: { o1: 7, o2: 3 } })).statusCode).toBe(200);
    const meeting = await newPoll(admin, { kind: 'meeting', options: ['ma 12/01 19:00', 'di 13/01 14:00'], audience: 'members' });
    expect((await put(meeting.id, { choices: ['o2'] })).json()).toMatchObject({ results: { o1: 0, o2: 1 } });
    expect((await admin.post(`/api/regions/${slug}/polls`, { title: 'X', kind: 'choose-one', options: ['Enkel'], closesAt: inDays(1), audience: 'members' })).statusCode).toBe(400);
  });

  it('gives one vote per member organisation: a colleague changes the organisation’s stance', async () => {
    const db = t.database.db;
    const { actorFactory } = await import('../network/factories.js');
    const actorId = await actorFactory(db, region.id, { name: 'Bibliotheek Testdorp', municipality: '33011', sectors: ['lokaal-cultuurbeleid'] });
    const colleagues = await sessionVoters(db, region, 2, 'editor', [actorId]);
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const poll = await newPoll(admin, { audience: 'organisations' });
    await asVoter(t.app, colleagues[0]!, 'PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' });
    const second = await asVoter(t.app, colleagues[1]!, 'PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'onthouding' });
    expect(second.json()).toMatchObject({ voters: 1, voted: 1, results: { akkoord: 0, onthouding: 1 } });
  });
});

describe('a plan change proposal put to the vote', () => {
  it('approves the proposal through the plan’s own flow when the poll closes in favour', async () => {
    const db = t.database.db;
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const { id: planId } = await planFactory(db, region, { status: 'goedgekeurd' });
    const plan = await loadPlan(db, region, planId, 'admin');
    const action = (await getPlanDetail(db, plan, 'admin')).goals[0]!.objectives[0]!.actions[0]!;
    const proposal = await createProposal(db, plan, action.id, { title: 'Titel na de stemming' }, 'Duidelijker', adminId);
    const poll = await newPoll(admin, { planId, proposalId: proposal.id });
    const steering = await new ApiClient(t.app).login(steeringEmail, TEST_PASSWORD);
    await steering.request('PUT', `/api/regions/${slug}/polls/${poll.id}/stance`, { choice: 'akkoord' });
    const closed = await admin.post(`/api/regions/${slug}/polls/${poll.id}/close`, { outcome: 'Aangenomen' });
    expect(closed.json()).toMatchObject({ proposal: { status: 'goedgekeurd' } });
    const after = (await getPlanDetail(db, plan, 'admin')).goals[0]!.objectives[0]!.actions.find((row) => row.id === action.id);
    expect(after?.title).toBe('Titel na de stemming');
    expect((await admin.post(`/api/regions/${slug}/polls`, { title: 'Opnieuw', kind: 'proposal', closesAt: inDays(1), audience: 'steering', planId, proposalId: proposal.id })).statusCode).toBe(400);
  });
});

describe('reminders', () => {
  it('mails those who have not voted, from the scheduled job for polls closing within a day', async () => {
    const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
    const poll = await newPoll(admin, { closesAt: inDays(0.5), title: 'Sluit binnenkort' });
    const before = t.sentMail.length;
    await enqueueJob(t.database, { kind: POLL_REMINDER_JOB });
    await runNextJob(t.database, 'test-worker', [POLL_REMINDER_JOB]);
    const mails = t.sentMail.slice(before).filter((mail) => mail.subject.includes('Sluit binnenkort'));
    expect(mails.map((mail) => mail.to)).toEqual([steeringEmail]);
    expect(mails[0]!.text).toContain(`/r/${slug}/cooperatie/stemrondes/${poll.id}`);
    // Once reminded, the job leaves it; the admin can still send one by hand.
    const manual = await admin.post(`/api/regions/${slug}/polls/${poll.id}/reminders`);
    expect(manual.json()).toEqual({ sent: 1 });
  });
});

describe('200 voters at once', () => {
  it('loses no stance and doubles none, also when a voter votes twice at the same time', async () => {
    const db = t.database.db;
    // A region of its own: 200 extra steering members would change every other test's electorate.
    const crowded = await regionFactory(db);
    const slug = crowded.slug;
    const crowdedAdmin = await userFactory(db, { regionSlug: slug, role: 'admin' });
    const voters = await sessionVoters(db, crowded, 200, 'steering');
    const admin = await new ApiClient(t.app).login(crowdedAdmin.email, TEST_PASSWORD);
    const response = await admin.post(`/api/regions/${slug}/polls`, { title: 'Drukte', kind: 'proposal', closesAt: inDays(3), audience: 'steering' });
    expect(response.statusCode, response.body).toBe(201);
    const poll = response.json() as { id: string };
    const url = `/api/regions/${slug}/polls/${poll.id}/stance`;
    const responses = await Promise.all(
      // Every voter once; the first 40 a second time in the same burst (the same voter racing itself).
      voters.flatMap((voter, index) => [
        asVoter(t.app, voter, 'PUT', url, { choice: index % 2 ? 'akkoord' : 'onthouding', reason: 'eerste' }),
        ...(index < 40 ? [asVoter(t.app, voter, 'PUT', url, { choice: index % 2 ? 'akkoord' : 'onthouding', reason: 'tweede' })] : []),
      ]),
    );
    expect(responses.filter((response) => response.statusCode !== 200).map((response) => response.body)).toEqual([]);
    const [counts] = await t.database.raw.query<{ stances: number; history: number; maxrev: number }>(
      'SELECT (SELECT count(*)::int FROM poll_stances WHERE poll_id = $1) AS stances, (SELECT count(*)::int FROM poll_stance_history WHERE poll_id = $1) AS history, (SELECT max(revision)::int FROM poll_stances WHERE poll_id = $1) AS maxrev',
      [poll.id],
    );
    expect(counts).toEqual({ stances: 200, history: 240, maxrev: 2 });
    const detail = (await admin.get(`/api/regions/${slug}/polls/${poll.id}`)).json() as { voted: number; results: Record<string, number> };
    expect(detail.voted).toBe(200);
    expect(detail.results).toMatchObject({ akkoord: 100, onthouding: 100 });
  }, 120_000);
});
