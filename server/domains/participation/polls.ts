import { and, desc, eq, inArray, isNull, lte, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import type { RegionRow } from '../../http/access.js';
import type { Role } from '../accounts/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import { decideProposal, loadPlan } from '../plans/service.js';
import { planChangeProposals } from '../plans/schema.js';
import { cofinancingShares, steeringGroupMembers } from '../cooperative/service.js';
import { PROPOSAL_CHOICES, type Poll, type PollCreate, type PollKind, type StanceInput } from '../../../common/schemas/participation.js';
import { polls, pollStanceHistory, pollStances, type PollOption } from './schema.js';

type PollRow = typeof polls.$inferSelect;
type StanceRow = typeof pollStances.$inferSelect;

const UUID = /^[0-9a-f-]{36}$/i;

interface Electorate {
  /** Voter key (user id, or actor id for one vote per organisation) → the users who vote under it. */
  voters: Map<string, string[]>;
  /** Voter key → the cooperant actor it votes for (for weighting by co-financing share); null when none. */
  actorOf: Map<string, string | null>;
}

async function electorate(db: Db, regionId: string, audience: string): Promise<Electorate> {
  const voters = new Map<string, string[]>();
  const actorOf = new Map<string, string | null>();
  if (audience === 'steering') {
    // The cooperative's steering group decides; a region without one falls back to the members with role 'steering'.
    const steering = await steeringGroupMembers(db, regionId);
    if (steering.length > 0) {
      for (const member of steering) {
        voters.set(member.userId, [member.userId]);
        actorOf.set(member.userId, member.actorId);
      }
      return { voters, actorOf };
    }
  }
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role, actorId: memberships.actorId })
    .from(memberships)
    .where(eq(memberships.regionId, regionId));
  for (const row of rows) {
    if (audience === 'steering' && row.role !== 'steering') continue;
    if (audience === 'organisations' && !row.actorId) continue;
    const key = audience === 'organisations' ? row.actorId! : row.userId;
    voters.set(key, [...(voters.get(key) ?? []), row.userId]);
    actorOf.set(key, row.actorId ?? null);
  }
  return { voters, actorOf };
}

/** Who may vote on a poll: voter keys (user id, or actor id for one vote per organisation) and each key's users. */
export async function pollElectorate(db: Db, regionId: string, audience: string): Promise<Map<string, string[]>> {
  return (await electorate(db, regionId, audience)).voters;
}

/**
 * Each voter key's weight: its organisation's co-financing share of the year, split evenly over the
 * voter keys of that organisation (two delegates of one cooperant together weigh its share once).
 * Keys of no cooperant weigh 0.
 */
export async function voterWeights(db: Db, regionId: string, audience: string, year: number): Promise<Map<string, number>> {
  const { actorOf } = await electorate(db, regionId, audience);
  const shares = await cofinancingShares(db, regionId, year);
  const keysPerActor = new Map<string, number>();
  for (const actorId of actorOf.values()) if (actorId) keysPerActor.set(actorId, (keysPerActor.get(actorId) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [key, actorId] of actorOf) weights.set(key, actorId ? (shares.get(actorId) ?? 0) / keysPerActor.get(actorId)! : 0);
  return weights;
}

/** The working year whose co-financing weighs a poll's votes. */
function weightYearOf(poll: Pick<PollRow, 'weightYear' | 'closesAt'>): number {
  return poll.weightYear ?? poll.closesAt.getUTCFullYear();
}

function voterKeyOf(electorate: Map<string, string[]>, userId: string): string | null {
  for (const [key, userIds] of electorate) if (userIds.includes(userId)) return key;
  return null;
}

function isClosed(poll: PollRow, now = new Date()): boolean {
  return poll.closedAt !== null || poll.closesAt <= now;
}

function optionsFor(kind: PollKind, labels: readonly string[]): PollOption[] {
  if (kind === 'proposal') return PROPOSAL_CHOICES.map((key) => ({ key, label: key }));
  return labels.map((label, index) => ({ key: `o${index + 1}`, label }));
}

/** Creates a poll (admins); a linked plan change proposal must be open and the poll of the proposal kind. */
export async function createPoll(db: Db, region: RegionRow, role: Role, input: PollCreate, userId: string) {
  if (new Date(input.closesAt) <= new Date()) throw fieldError('closesAt', 'participation.errors.closesInPast');
  if (input.kind !== 'proposal' && input.options.length < 2) throw fieldError('options', 'participation.errors.twoOptions');
  if (new Set(input.options).size !== input.options.length) throw fieldError('options', 'participation.errors.duplicateOption');
  if (input.weighted) {
    const year = input.weightYear ?? new Date(input.closesAt).getUTCFullYear();
    if ((await cofinancingShares(db, region.id, year)).size === 0) throw fieldError('weightYear', 'participation.errors.noCofinancing');
  }
  if (input.proposalId) {
    if (input.kind !== 'proposal') throw fieldError('kind', 'participation.errors.proposalKind');
    if (!input.planId) throw fieldError('planId', 'participation.errors.planRequired');
    const plan = await loadPlan(db, region, input.planId, role);
    const [proposal] = await db
      .select({ status: planChangeProposals.status })
      .from(planChangeProposals)
      .where(and(eq(planChangeProposals.id, input.proposalId), eq(planChangeProposals.planId, plan.id)));
    if (!proposal) throw fieldError('proposalId', 'participation.errors.unknownProposal');
    if (proposal.status !== 'open') throw fieldError('proposalId', 'participation.errors.proposalDecided');
  }
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(polls)
      .values({
        regionId: region.id,
        title: input.title,
        description: input.description,
        kind: input.kind,
        options: optionsFor(input.kind, input.options),
        audience: input.audience,
        anonymous: input.anonymous,
        hideResults: input.hideResults,
        points: input.points,
        weighted: input.weighted,
        weightYear: input.weighted ? (input.weightYear ?? new Date(input.closesAt).getUTCFullYear()) : null,
        closesAt: new Date(input.closesAt),
        planId: input.proposalId ? (input.planId ?? null) : null,
        proposalId: input.proposalId ?? null,
        createdBy: userId,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await recordChange(tx as unknown as Db, { regionId: region.id, userId, entityType: 'poll', entityId: created.id, action: 'create', changes: { title: { before: null, after: created.title } } });
    return created;
  });
  return row;
}

async function loadPoll(db: Db, regionId: string, pollId: string): Promise<PollRow> {
  if (!UUID.test(pollId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(polls).where(and(eq(polls.id, pollId), eq(polls.regionId, regionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Turns a stance payload into points per option, checking it against the poll's kind. */
export function stancePoints(poll: Pick<PollRow, 'kind' | 'options' | 'points'>, input: StanceInput): { points: Record<string, number>; ranking: string[] } {
  const keys = new Set(poll.options.map((option) => option.key));
  const known = (key: string) => keys.has(key);
  switch (poll.kind) {
    case 'proposal':
    case 'choose-one': {
      if (!input.choice) throw fieldError('choice', 'participation.errors.choiceRequired');
      if (!known(input.choice)) throw fieldError('choice', 'participation.errors.unknownChoice', { choices: [...keys].join(', ') });
      return { points: { [input.choice]: 1 }, ranking: [] };
    }
    case 'choose-several':
    case 'meeting': {
      const choices = input.choices ?? [];
      if (choices.length === 0) throw fieldError('choices', 'participation.errors.choiceRequired');
      if (!choices.every(known) || new Set(choices).size !== choices.length) throw fieldError('choices', 'participation.errors.unknownChoice', { choices: [...keys].join(', ') });
      return { points: Object.fromEntries(choices.map((key) => [key, 1])), ranking: [] };
    }
    case 'ranked': {
      const choices = input.choices ?? [];
      if (choices.length === 0) throw fieldError('choices', 'participation.errors.choiceRequired');
      if (!choices.every(known) || new Set(choices).size !== choices.length) throw fieldError('choices', 'participation.errors.unknownChoice', { choices: [...keys].join(', ') });
      // Borda count: with n options, the first gets n points, the next n − 1, …
      return { points: Object.fromEntries(choices.map((key, index) => [key, keys.size - index])), ranking: choices };
    }
    case 'score':
    case 'dot': {
      const scores = input.scores ?? {};
      if (Object.keys(scores).length === 0) throw fieldError('scores', 'participation.errors.choiceRequired');
      if (!Object.keys(scores).every(known)) throw fieldError('scores', 'participation.errors.unknownChoice', { choices: [...keys].join(', ') });
      if (poll.kind === 'score' && Object.values(scores).some((value) => value > poll.points)) throw fieldError('scores', 'participation.errors.scoreTooHigh', { max: poll.points });
      if (poll.kind === 'dot' && Object.values(scores).reduce((sum, value) => sum + value, 0) > poll.points) throw fieldError('scores', 'participation.errors.tooManyDots', { max: poll.points });
      return { points: scores, ranking: [] };
    }
    default:
      throw new Error(`unknown poll kind ${poll.kind}`);
  }
}

/**
 * Casts or changes the caller's stance. The unique (poll, voter) index makes the upsert the one
 * place a stance is written: concurrent votes of one voter end as one stance with a revision per
 * write, and every revision lands in the history in the same transaction.
 */
export async function castStance(db: Db, region: RegionRow, pollId: string, userId: string, input: StanceInput) {
  const poll = await loadPoll(db, region.id, pollId);
  const electorate = await pollElectorate(db, region.id, poll.audience);
  const voterKey = voterKeyOf(electorate, userId);
  if (!voterKey) throw new AppError('FORBIDDEN');
  if (isClosed(poll)) throw new AppError('POLL_CLOSED');
  const { points, ranking } = stancePoints(poll, input);
  await db.transaction(async (tx) => {
    // The share lock makes closing wait for stances in flight, and a stance after closing see it.
    const [locked] = await tx.select({ closesAt: polls.closesAt, closedAt: polls.closedAt }).from(polls).where(eq(polls.id, poll.id)).for('share');
    if (!locked || locked.closedAt !== null || locked.closesAt <= new Date()) throw new AppError('POLL_CLOSED');
    const [stance] = await tx
      .insert(pollStances)
      .values({ pollId: poll.id, voterKey, userId, points, ranking, reason: input.reason })
      .onConflictDoUpdate({
        target: [pollStances.pollId, pollStances.voterKey],
        set: { points, ranking, reason: input.reason, userId, revision: sql`${pollStances.revision} + 1`, updatedAt: new Date() },
      })
      .returning();
    if (!stance) throw new Error('upsert returned no row');
    await tx.insert(pollStanceHistory).values({ pollId: poll.id, voterKey, userId, points, ranking, reason: input.reason, revision: stance.revision });
  });
  return pollDetail(db, region, poll.id, userId, 'viewer');
}

async function namesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((row) => [row.id, row.name]));
}

function stanceOut(row: Pick<StanceRow, 'points' | 'ranking' | 'reason' | 'revision' | 'userId'> & { at: Date }, names: Map<string, string>, anonymous: boolean) {
  return {
    voter: anonymous ? '' : (row.userId ? (names.get(row.userId) ?? '') : ''),
    points: row.points,
    ranking: row.ranking,
    reason: row.reason,
    revision: row.revision,
    updatedAt: row.at.toISOString(),
  };
}

/** Points per option, summed in SQL (every option present, zeros included). */
async function tally(db: Db, poll: PollRow): Promise<Record<string, number>> {
  const rows = await db
    .select({ key: sql<string>`entry.key`, total: sql<string>`sum((entry.value)::numeric)` })
    .from(sql`poll_stances, jsonb_each_text(poll_stances.points) AS entry`)
    .where(sql`poll_stances.poll_id = ${poll.id}`)
    .groupBy(sql`entry.key`);
  const results: Record<string, number> = Object.fromEntries(poll.options.map((option) => [option.key, 0]));
  for (const row of rows) results[row.key] = Number(row.total);
  return results;
}

/** Points per option times each voter's weight (the weights sum to 1 over the cooperants, so a unanimous choice scores 1 per point). */
async function weightedTally(db: Db, poll: PollRow): Promise<Record<string, number>> {
  const weights = await voterWeights(db, poll.regionId, poll.audience, weightYearOf(poll));
  const stances = await db.select({ voterKey: pollStances.voterKey, points: pollStances.points }).from(pollStances).where(eq(pollStances.pollId, poll.id));
  const results: Record<string, number> = Object.fromEntries(poll.options.map((option) => [option.key, 0]));
  for (const stance of stances) {
    const weight = weights.get(stance.voterKey) ?? 0;
    for (const [key, value] of Object.entries(stance.points)) results[key] = (results[key] ?? 0) + value * weight;
  }
  // Four decimals: enough for shares of a budget, and stable to compare.
  for (const key of Object.keys(results)) results[key] = Math.round(results[key]! * 10_000) / 10_000;
  return results;
}

/** A poll as its members see it: status, electorate, results (unless hidden until closing), own stance and history. */
export async function pollDetail(db: Db, region: RegionRow, pollId: string, userId: string, role: Role): Promise<Poll> {
  const poll = await loadPoll(db, region.id, pollId);
  const electorate = await pollElectorate(db, region.id, poll.audience);
  const voterKey = voterKeyOf(electorate, userId);
  const closed = isClosed(poll);
  const [{ voted } = { voted: 0 }] = await db.select({ voted: sql<number>`count(*)::int` }).from(pollStances).where(eq(pollStances.pollId, poll.id));
  const showResults = closed || !poll.hideResults;
  const mine = voterKey ? (await db.select().from(pollStances).where(and(eq(pollStances.pollId, poll.id), eq(pollStances.voterKey, voterKey))))[0] : undefined;
  const history = voterKey
    ? await db.select().from(pollStanceHistory).where(and(eq(pollStanceHistory.pollId, poll.id), eq(pollStanceHistory.voterKey, voterKey))).orderBy(desc(pollStanceHistory.revision))
    : [];
  const all = showResults && !poll.anonymous ? await db.select().from(pollStances).where(eq(pollStances.pollId, poll.id)).orderBy(pollStances.updatedAt) : [];
  const names = await namesOf(db, [...new Set([...all, ...history].map((row) => row.userId).filter((id): id is string => Boolean(id)))]);
  let proposal: Poll['proposal'] = null;
  if (poll.proposalId && poll.planId) {
    const [row] = await db.select({ status: planChangeProposals.status }).from(planChangeProposals).where(eq(planChangeProposals.id, poll.proposalId));
    proposal = { planId: poll.planId, proposalId: poll.proposalId, status: row?.status ?? 'open' };
  }
  return {
    id: poll.id,
    title: poll.title,
    description: poll.description,
    kind: poll.kind as PollKind,
    options: poll.options,
    audience: poll.audience as Poll['audience'],
    anonymous: poll.anonymous,
    hideResults: poll.hideResults,
    points: poll.points,
    status: closed ? 'closed' : 'open',
    closesAt: poll.closesAt.toISOString(),
    closedAt: poll.closedAt?.toISOString() ?? null,
    outcome: poll.outcome,
    voters: electorate.size,
    voted,
    results: showResults ? await tally(db, poll) : null,
    weighted: poll.weighted,
    weightYear: poll.weighted ? weightYearOf(poll) : null,
    weightedResults: showResults && poll.weighted ? await weightedTally(db, poll) : null,
    mayVote: Boolean(voterKey) && !closed,
    myStance: mine ? stanceOut({ ...mine, at: mine.updatedAt }, names, false) : null,
    myHistory: history.map((row) => stanceOut({ ...row, at: row.createdAt }, names, false)),
    stances: all.map((row) => stanceOut({ ...row, at: row.updatedAt }, names, false)),
    proposal,
    canManage: memberCan({ role }, 'participation.manage'),
  };
}

/** The region's polls, open ones first, with the caller's voting right. */
export async function listPolls(db: Db, region: RegionRow, userId: string) {
  const rows = await db.select().from(polls).where(eq(polls.regionId, region.id)).orderBy(desc(polls.closesAt));
  const counts = rows.length
    ? await db.select({ pollId: pollStances.pollId, voted: sql<number>`count(*)::int` }).from(pollStances).where(inArray(pollStances.pollId, rows.map((row) => row.id))).groupBy(pollStances.pollId)
    : [];
  const votedBy = new Map(counts.map((row) => [row.pollId, row.voted]));
  const electorates = new Map<string, Map<string, string[]>>();
  for (const audience of new Set(rows.map((row) => row.audience))) electorates.set(audience, await pollElectorate(db, region.id, audience));
  const items = rows.map((row) => {
    const electorate = electorates.get(row.audience)!;
    const closed = isClosed(row);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind as PollKind,
      status: closed ? ('closed' as const) : ('open' as const),
      closesAt: row.closesAt.toISOString(),
      voters: electorate.size,
      voted: votedBy.get(row.id) ?? 0,
      audience: row.audience as Poll['audience'],
      mayVote: !closed && voterKeyOf(electorate, userId) !== null,
    };
  });
  return items.sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1));
}

/** What a closed proposal poll decides: approved when more agree than disagree and nobody blocks. */
export function proposalDecision(results: Record<string, number>): 'goedgekeurd' | 'afgewezen' {
  return (results.blokkeren ?? 0) === 0 && (results.akkoord ?? 0) > (results['niet-akkoord'] ?? 0) ? 'goedgekeurd' : 'afgewezen';
}

/**
 * Closes a poll with its outcome statement (admins). A poll on a plan change proposal then
 * approves or rejects it through the plans domain's own decision, which applies the change, in the
 * same transaction: a poll is never closed with its proposal left undecided. A weighted poll decides
 * on its weighted count (each cooperant by its co-financing share, decision 026).
 */
export async function closePoll(db: Db, region: RegionRow, role: Role, pollId: string, outcome: string, userId: string) {
  const poll = await loadPoll(db, region.id, pollId);
  if (poll.outcome) throw new AppError('POLL_CLOSED');
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [updated] = await tx
      .update(polls)
      .set({ closedAt: poll.closedAt ?? (poll.closesAt < new Date() ? poll.closesAt : new Date()), outcome, outcomeBy: userId })
      .where(and(eq(polls.id, poll.id), eq(polls.outcome, '')))
      .returning();
    if (!updated) throw new AppError('POLL_CLOSED');
    await recordChange(tx, { regionId: region.id, userId, entityType: 'poll', entityId: poll.id, action: 'update', changes: { outcome: { before: '', after: outcome } } });
    if (poll.proposalId && poll.planId) {
      const plan = await loadPlan(tx, region, poll.planId, role);
      const [proposal] = await tx.select({ status: planChangeProposals.status }).from(planChangeProposals).where(eq(planChangeProposals.id, poll.proposalId));
      const count = poll.weighted ? await weightedTally(tx, poll) : await tally(tx, poll);
      if (proposal?.status === 'open') await decideProposal(tx, plan, poll.proposalId, proposalDecision(count), outcome, userId);
    }
  });
  return pollDetail(db, region, poll.id, userId, role);
}

/** E-mails every eligible member who has not voted on an open poll; returns how many mails went out. */
export async function remindNonVoters(db: Db, send: (mail: { to: string; subject: string; text: string }) => Promise<void>, poll: PollRow, link: string): Promise<number> {
  const electorate = await pollElectorate(db, poll.regionId, poll.audience);
  const voted = new Set((await db.select({ key: pollStances.voterKey }).from(pollStances).where(eq(pollStances.pollId, poll.id))).map((row) => row.key));
  const userIds = [...electorate].filter(([key]) => !voted.has(key)).flatMap(([, ids]) => ids);
  if (userIds.length === 0) return 0;
  const people = await db.select({ email: users.email, name: users.name }).from(users).where(inArray(users.id, userIds));
  const closes = poll.closesAt.toISOString().slice(0, 16).replace('T', ' ');
  for (const person of people) {
    await send({
      to: person.email,
      subject: `Stemronde: ${poll.title}`,
      text: `Dag ${person.name},\n\nJe stem ontbreekt nog bij "${poll.title}". De stemronde sluit op ${closes} (UTC).\n\nStem hier: ${link}\n`,
    });
  }
  await db.update(polls).set({ remindedAt: new Date() }).where(eq(polls.id, poll.id));
  return people.length;
}

/** Sends one reminder per open poll that closes within a day and was not reminded yet (the scheduled job). */
export async function remindClosingPolls(db: Db, send: (mail: { to: string; subject: string; text: string }) => Promise<void>, linkFor: (poll: PollRow) => Promise<string>): Promise<number> {
  const now = new Date();
  const due = await db
    .select()
    .from(polls)
    .where(and(isNull(polls.closedAt), isNull(polls.remindedAt), gt(polls.closesAt, now), lte(polls.closesAt, new Date(now.getTime() + 24 * 3600_000))));
  let sent = 0;
  for (const poll of due) sent += await remindNonVoters(db, send, poll, await linkFor(poll));
  return sent;
}

/** The poll row for a reminder sent by hand (admins). */
export async function pollForReminder(db: Db, region: RegionRow, pollId: string): Promise<PollRow> {
  const poll = await loadPoll(db, region.id, pollId);
  if (isClosed(poll)) throw new AppError('POLL_CLOSED');
  return poll;
}

