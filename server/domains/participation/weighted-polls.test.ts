import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import type { RegionRow } from '../../http/access.js';
import { actors } from '../network/schema.js';
import { createBody, createFinancingYear, createMember, updateFinancingShares } from '../cooperative/service.js';
import { planFactory } from '../plans/factories.js';
import { createProposal, getPlanDetail, loadPlan, updateAction } from '../plans/service.js';
import { asVoter, sessionVoters, type SessionVoter } from './factories.js';

// Steering-group polls vote with the cooperative's steering group, and a weighted poll counts each vote
// times the voter's co-financing share (fixed table 60 / 30 / 10 %), next to the plain count.

let t: TestApp;
let region: RegionRow;
let slug = '';
let adminEmail = '';
let adminId = '';
/** Voters sitting in the steering group for Ieper (60 %), Poperinge (30 %) and Mesen (10 %). */
let ieper: SessionVoter;
let poperinge: SessionVoter;
let mesen: SessionVoter;
/** A member with the region role 'steering' who is not in the cooperative's steering group. */
let roleOnly: SessionVoter;
const year = new Date().getUTCFullYear();
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

beforeEach(async () => {
  const db = t.database.db;
  slug = `gewogen-${randomUUID().slice(0, 8)}`;
  region = await regionFactory(db, { slug, municipalities: ['33011', '33021', '33016'] });
  ({ email: adminEmail, userId: adminId } = await userFactory(db, { regionSlug: slug, role: 'admin' }));
  const [first, second, third, fourth] = await sessionVoters(db, region, 4, 'steering');
  [ieper, poperinge, mesen, roleOnly] = [first!, second!, third!, fourth!];
  const memberIds: string[] = [];
  for (const [name, nis] of [['Stad Ieper', '33011'], ['Stad Poperinge', '33021'], ['Stad Mesen', '33016']] as const) {
    const [actor] = await db.insert(actors).values({ regionId: region.id, name, kind: 'lokaal-bestuur', municipalityNis: nis }).returning({ id: actors.id });
    memberIds.push((await createMember(db, region.id, { actorId: actor!.id, membershipKind: 'volwaardig', memberSince: '2020-01-01', municipalityNis: nis, representativeUserId: null }, adminId)).id);
  }
  await createBody(
    db,
    region.id,
    {
      kind: 'stuurgroep',
      name: 'Stuurgroep',
      description: '',
      quorum: null,
      members: [
        { userId: ieper.userId, role: 'voorzitter', memberId: memberIds[0]! },
        { userId: poperinge.userId, role: 'lid', memberId: memberIds[1]! },
        { userId: mesen.userId, role: 'secretaris', memberId: memberIds[2]! },
      ],
    },
    adminId,
  );
  const financing = await createFinancingYear(db, region.id, { year, budgetCents: 1_000_000, keyKind: 'vast', weights: { equal: 0, inhabitants: 0, fixed: 0 }, planFundingId: null, note: '' }, adminId);
  await updateFinancingShares(
    db,
    region.id,
    financing.id,
    {
      version: financing.version,
      rows: [
        { memberId: memberIds[0]!, fixedCents: 600_000, receivedCents: 0, receivedOn: null },
        { memberId: memberIds[1]!, fixedCents: 300_000, receivedCents: 0, receivedOn: null },
        { memberId: memberIds[2]!, fixedCents: 100_000, receivedCents: 0, receivedOn: null },
      ],
    },
    adminId,
  );
});

async function openPoll(body: Record<string, unknown>) {
  const admin = await new ApiClient(t.app).login(adminEmail, TEST_PASSWORD);
  const response = await admin.post(`/api/regions/${slug}/polls`, { title: 'Uitleenbus', kind: 'proposal', closesAt: inDays(3), audience: 'steering', ...body });
  return { admin, response };
}

const vote = (voter: SessionVoter, pollId: string, choice: string) => asVoter(t.app, voter, 'PUT', `/api/regions/${slug}/polls/${pollId}/stance`, { choice, reason: '' });

describe('steering-group polls', () => {
  it('let the steering group’s members vote, and not a member who only has the steering role', async () => {
    const { response } = await openPoll({});
    expect(response.statusCode, response.body).toBe(201);
    const pollId = (response.json() as { id: string }).id;
    expect((await vote(ieper, pollId, 'akkoord')).statusCode).toBe(200);
    expect((await vote(roleOnly, pollId, 'akkoord')).statusCode).toBe(403);
    const detail = (await asVoter(t.app, mesen, 'GET', `/api/regions/${slug}/polls/${pollId}`)).json() as { voters: number; voted: number; mayVote: boolean; weighted: boolean; weightedResults: unknown };
    expect(detail).toMatchObject({ voters: 3, voted: 1, mayVote: true, weighted: false, weightedResults: null });
  });
});

describe('polls weighted by co-financing share', () => {
  it('show the weighted count next to the unweighted one', async () => {
    const { response } = await openPoll({ weighted: true });
    expect(response.statusCode, response.body).toBe(201);
    const pollId = (response.json() as { id: string }).id;
    for (const [voter, choice] of [
      [ieper, 'niet-akkoord'],
      [poperinge, 'akkoord'],
      [mesen, 'akkoord'],
    ] as const) {
      expect((await vote(voter, pollId, choice)).statusCode).toBe(200);
    }
    const detail = (await asVoter(t.app, ieper, 'GET', `/api/regions/${slug}/polls/${pollId}`)).json() as { weighted: boolean; weightYear: number; results: Record<string, number>; weightedResults: Record<string, number> };
    expect(detail.weighted).toBe(true);
    expect(detail.weightYear).toBe(year);
    // Two of three votes agree, but they carry 30 % + 10 % of the money against Ieper's 60 %.
    expect(detail.results).toEqual({ akkoord: 2, onthouding: 0, 'niet-akkoord': 1, blokkeren: 0 });
    expect(detail.weightedResults).toEqual({ akkoord: 0.4, onthouding: 0, 'niet-akkoord': 0.6, blokkeren: 0 });
  });

  it('follow a changed stance with its weight', async () => {
    const { response } = await openPoll({ weighted: true, weightYear: year });
    const pollId = (response.json() as { id: string }).id;
    await vote(ieper, pollId, 'niet-akkoord');
    await vote(ieper, pollId, 'onthouding');
    await vote(mesen, pollId, 'akkoord');
    const detail = (await asVoter(t.app, ieper, 'GET', `/api/regions/${slug}/polls/${pollId}`)).json() as { weightedResults: Record<string, number> };
    expect(detail.weightedResults).toEqual({ akkoord: 0.1, onthouding: 0.6, 'niet-akkoord': 0, blokkeren: 0 });
  });

  /** A plan action with a change proposal (new title) put to a weighted vote of the steering group. */
  async function proposalPutToWeightedVote() {
    const db = t.database.db;
    const { id: planId } = await planFactory(db, region, { status: 'goedgekeurd' });
    const plan = await loadPlan(db, region, planId, 'admin');
    const action = (await getPlanDetail(db, plan, 'admin')).goals[0]!.objectives[0]!.actions[0]!;
    const proposal = await createProposal(db, plan, action.id, { title: 'Nieuwe titel na de stemming' }, 'Duidelijker', adminId);
    const { admin, response } = await openPoll({ weighted: true, planId, proposalId: proposal.id });
    expect(response.statusCode, response.body).toBe(201);
    const actionTitle = async () => (await getPlanDetail(db, plan, 'admin')).goals[0]!.objectives[0]!.actions.find((row) => row.id === action.id)?.title;
    return { admin, plan, action, pollId: (response.json() as { id: string }).id, actionTitle };
  }

  it('decide a plan proposal on the weighted count: two small cooperants in favour do not outvote the one paying 60 %', async () => {
    const rejected = await proposalPutToWeightedVote();
    await vote(ieper, rejected.pollId, 'niet-akkoord');
    await vote(poperinge, rejected.pollId, 'akkoord');
    await vote(mesen, rejected.pollId, 'akkoord');
    const closed = await rejected.admin.post(`/api/regions/${slug}/polls/${rejected.pollId}/close`, { outcome: 'Niet aangenomen: de gewogen meerderheid is tegen.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ results: { akkoord: 2, 'niet-akkoord': 1 }, weightedResults: { akkoord: 0.4, 'niet-akkoord': 0.6 }, proposal: { status: 'afgewezen' } });
    expect(await rejected.actionTitle()).not.toBe('Nieuwe titel na de stemming');

    // The other way round: one vote in favour carrying 60 % approves it against two.
    const approved = await proposalPutToWeightedVote();
    await vote(ieper, approved.pollId, 'akkoord');
    await vote(poperinge, approved.pollId, 'niet-akkoord');
    await vote(mesen, approved.pollId, 'niet-akkoord');
    const closedInFavour = await approved.admin.post(`/api/regions/${slug}/polls/${approved.pollId}/close`, { outcome: 'Aangenomen met gewogen meerderheid.' });
    expect(closedInFavour.json()).toMatchObject({ results: { akkoord: 1, 'niet-akkoord': 2 }, proposal: { status: 'goedgekeurd' } });
    expect(await approved.actionTitle()).toBe('Nieuwe titel na de stemming');
  });

  it('leave the poll open when its proposal cannot be applied: closing and deciding happen together or not at all', async () => {
    const { admin, plan, action, pollId, actionTitle } = await proposalPutToWeightedVote();
    await vote(ieper, pollId, 'akkoord');
    // The action changes after the proposal was made: applying the proposal now conflicts.
    await updateAction(t.database.db, plan, action.id, { title: 'Intussen anders genoemd', version: action.version }, adminId);
    const closing = await admin.post(`/api/regions/${slug}/polls/${pollId}/close`, { outcome: 'Aangenomen' });
    expect(closing.statusCode).toBe(409);
    const detail = (await admin.get(`/api/regions/${slug}/polls/${pollId}`)).json() as { status: string; outcome: string; proposal: { status: string } };
    expect(detail).toMatchObject({ status: 'open', outcome: '', proposal: { status: 'open' } });
    expect(await actionTitle()).toBe('Intussen anders genoemd');
  });

  it('refuse a weighted poll for a year without co-financing, with the field and a Dutch reason', async () => {
    const { response } = await openPoll({ weighted: true, weightYear: year + 5 });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { error: { fields: unknown[] } }).error.fields).toEqual([{ path: 'weightYear', message: 'Voor dit werkjaar is er geen cofinanciering om mee te wegen.' }]);
  });
});
