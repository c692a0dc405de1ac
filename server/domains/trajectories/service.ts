import { isMunicipalityOfRegion } from '../regions/service.js';
import type { TFunction } from 'i18next';
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import type { Role } from '../accounts/schema.js';
import { memberships, users } from '../accounts/schema.js';
import { municipalities } from '../reference/schema.js';
import { actors } from '../network/schema.js';
import { recordChange } from '../audit/service.js';
import {
  LANGUAGE_ICONS_FOR_LEVEL,
  TRAJECTORY_HOURS_GOAL,
  type consentInputSchema,
  type handoverInputSchema,
  type ParticipantDetail,
  type ParticipantInput,
  type participantListSchema,
  type participantUpdateSchema,
  type Placement,
  type stepInputSchema,
} from '../../../common/schemas/trajectories.js';
import { trajectoryConsents, trajectoryHours, trajectoryParticipants, trajectoryPlacements, trajectorySteps } from './schema.js';
import { participantForCoach, assertId, type ParticipantRow } from './access.js';
import { logParticipantRead } from './read-log.js';

type UserRef = { id: string; name: string };
export interface Viewer {
  userId: string;
  role: Role;
}
// Pseudonymous codes: no letters that read alike (0/O, 1/I), no meaning, no order.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// Participant audit entries name the record and the action only: never the personal fields (decision 027).
const AUDIT_ENTITY = 'trajectory_participant';

function newCode(): string {
  return `TR-${Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
}

async function userRefs(db: Pick<Db, 'select'>, ids: (string | null)[]): Promise<Map<string, UserRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

async function assertMunicipalityInRegion(db: Pick<Db, 'select'>, region: RegionRow, nis: string): Promise<void> {
  if (!(await isMunicipalityOfRegion(db, region.id, nis))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'municipalityNis', message: '@trajectories.validation.municipality' }]);
}

/** The region's coaches (and admins, who may coach too): whom a participant can be handed over to. */
export async function listCoaches(db: Pick<Db, 'select'>, region: RegionRow): Promise<UserRef[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.regionId, region.id), inArray(memberships.role, ['coach', 'admin'])))
    .orderBy(asc(users.name));
}

async function assertCoach(db: Pick<Db, 'select'>, region: RegionRow, userId: string): Promise<void> {
  const coaches = await listCoaches(db, region);
  if (!coaches.some((coach) => coach.id === userId)) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'coachId', message: '@trajectories.validation.coach' }]);
}

/** Hours attended per participant. */
async function hoursBy(db: Pick<Db, 'select'>, participantIds: string[]): Promise<Map<string, number>> {
  if (!participantIds.length) return new Map();
  const rows = await db
    .select({ participantId: trajectoryHours.participantId, hours: sql<string>`sum(${trajectoryHours.hours})` })
    .from(trajectoryHours)
    .where(inArray(trajectoryHours.participantId, participantIds))
    .groupBy(trajectoryHours.participantId);
  return new Map(rows.map((row) => [row.participantId, Number(row.hours)]));
}

/**
 * A referral: the participant's record with its first step and the consent for the trajectory, in one
 * transaction. A coach who refers becomes the coach; a trajectbegeleider's referral waits for the admin to assign one.
 */
export async function referParticipant(db: Db, region: RegionRow, input: ParticipantInput, viewer: Viewer): Promise<{ id: string; code: string }> {
  await assertMunicipalityInRegion(db, region, input.municipalityNis);
  const { consentGiven: _consent, coachId, ...fields } = input;
  const coach = viewer.role === 'coach' ? viewer.userId : coachId;
  if (coach && coach !== viewer.userId) await assertCoach(db, region, coach);
  return db.transaction(async (tx) => {
    // A clash of two random codes is rare; the unique index would refuse it, so draw until free.
    let code = newCode();
    while ((await tx.select({ id: trajectoryParticipants.id }).from(trajectoryParticipants).where(and(eq(trajectoryParticipants.regionId, region.id), eq(trajectoryParticipants.code, code)))).length) code = newCode();
    const [row] = await tx
      .insert(trajectoryParticipants)
      .values({ ...fields, regionId: region.id, code, referredBy: viewer.userId, coachUserId: coach })
      .returning({ id: trajectoryParticipants.id, code: trajectoryParticipants.code });
    await tx.insert(trajectorySteps).values({ participantId: row!.id, kind: 'verwijzing', happenedOn: input.referredOn, note: input.referralNote, doneBy: viewer.userId });
    await tx.insert(trajectoryConsents).values({ participantId: row!.id, kind: 'traject', givenOn: input.referredOn, recordedBy: viewer.userId });
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: row!.id, action: 'create' });
    return row!;
  });
}

/** A coach's participants, or a referrer's own referrals: nobody else's. */
export async function listParticipants(db: Db, region: RegionRow, viewer: Viewer): Promise<z.infer<typeof participantListSchema>> {
  const relation = viewer.role === 'trajectbegeleider' ? 'referrer' : 'coach';
  const mine = relation === 'referrer' ? eq(trajectoryParticipants.referredBy, viewer.userId) : eq(trajectoryParticipants.coachUserId, viewer.userId);
  const rows = await db
    .select({ row: trajectoryParticipants, municipalityName: municipalities.name })
    .from(trajectoryParticipants)
    .innerJoin(municipalities, eq(municipalities.nisCode, trajectoryParticipants.municipalityNis))
    .where(and(eq(trajectoryParticipants.regionId, region.id), mine))
    .orderBy(desc(trajectoryParticipants.referredOn), asc(trajectoryParticipants.code));
  const names = await userRefs(db, rows.map(({ row }) => row.coachUserId));
  const hours = await hoursBy(db, rows.map(({ row }) => row.id));
  // A referrer's list shows first names and stages of people they do not coach: each such read is logged.
  if (relation === 'referrer') await logParticipantRead(db, { regionId: region.id, readerId: viewer.userId, source: 'referrals', participants: rows.map(({ row }) => row) });
  const handovers = relation === 'coach' ? await handoversTo(db, viewer.userId, rows.map(({ row }) => row.id)) : new Map<string, HandoverSummary>();
  return {
    relation,
    coaches: relation === 'referrer' ? await listCoaches(db, region) : [],
    participants: rows.map(({ row, municipalityName }) => ({
      id: row.id,
      code: row.code,
      firstName: row.firstName,
      municipalityName,
      stage: row.stage,
      referredOn: row.referredOn,
      coach: row.coachUserId ? (names.get(row.coachUserId) ?? null) : null,
      hours: hours.get(row.id) ?? 0,
      handover: handovers.get(row.id) ?? null,
    })),
  };
}

type HandoverSummary = { from: UserRef | null; on: string; note: string };

/** The latest hand-over from another coach to this coach per participant: what the new coach should read first. */
async function handoversTo(db: Db, coachId: string, participantIds: string[]): Promise<Map<string, HandoverSummary>> {
  if (!participantIds.length) return new Map();
  const steps = await db
    .select()
    .from(trajectorySteps)
    .where(and(inArray(trajectorySteps.participantId, participantIds), eq(trajectorySteps.kind, 'overdracht'), eq(trajectorySteps.toCoachId, coachId), isNotNull(trajectorySteps.fromCoachId)))
    .orderBy(desc(trajectorySteps.createdAt));
  const names = await userRefs(db, steps.map((step) => step.fromCoachId));
  const latest = new Map<string, HandoverSummary>();
  for (const step of steps) {
    if (!latest.has(step.participantId)) latest.set(step.participantId, { from: step.fromCoachId ? (names.get(step.fromCoachId) ?? null) : null, on: step.happenedOn, note: step.note });
  }
  return latest;
}

/** The placements of a participant with their hours (for the coach, the export and the certificate). */
export async function placementsOf(db: Pick<Db, 'select'>, participantId: string): Promise<Placement[]> {
  const rows = await db
    .select({ row: trajectoryPlacements, organizerName: actors.name })
    .from(trajectoryPlacements)
    .leftJoin(actors, eq(actors.id, trajectoryPlacements.organizerActorId))
    .where(eq(trajectoryPlacements.participantId, participantId))
    .orderBy(asc(trajectoryPlacements.createdAt));
  const entries = await db.select().from(trajectoryHours).where(eq(trajectoryHours.participantId, participantId)).orderBy(asc(trajectoryHours.attendedOn), asc(trajectoryHours.createdAt));
  const names = await userRefs(db, entries.map((entry) => entry.loggedBy));
  return rows.map(({ row, organizerName }) => {
    const own = entries.filter((entry) => entry.placementId === row.id);
    return {
      id: row.id,
      offerId: row.offerId,
      offerTitle: row.offerTitle,
      organizerName: organizerName ?? null,
      status: row.status,
      expectations: row.expectations,
      partnerMessage: row.partnerMessage,
      reasons: row.reasons,
      hours: own.reduce((sum, entry) => sum + Number(entry.hours), 0),
      entries: own.map((entry) => ({ id: entry.id, attendedOn: entry.attendedOn, hours: Number(entry.hours), loggedBy: entry.loggedBy ? (names.get(entry.loggedBy) ?? null) : null })),
      createdAt: row.createdAt.toISOString(),
      version: row.version,
    };
  });
}

async function detailOf(db: Db, region: RegionRow, row: ParticipantRow): Promise<ParticipantDetail> {
  const [municipality] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.nisCode, row.municipalityNis));
  const consents = await db.select().from(trajectoryConsents).where(eq(trajectoryConsents.participantId, row.id)).orderBy(asc(trajectoryConsents.givenOn), asc(trajectoryConsents.createdAt));
  const steps = await db.select().from(trajectorySteps).where(eq(trajectorySteps.participantId, row.id)).orderBy(asc(trajectorySteps.happenedOn), asc(trajectorySteps.createdAt));
  const placements = await placementsOf(db, row.id);
  const names = await userRefs(db, [row.referredBy, row.coachUserId, ...consents.map((c) => c.recordedBy), ...steps.flatMap((s) => [s.doneBy, s.fromCoachId, s.toCoachId])]);
  const ref = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    code: row.code,
    firstName: row.firstName,
    municipalityNis: row.municipalityNis,
    municipalityName: municipality?.name ?? row.municipalityNis,
    languages: row.languages,
    dutchLevel: row.dutchLevel,
    maxLanguageIcons: LANGUAGE_ICONS_FOR_LEVEL[row.dutchLevel],
    interests: row.interests,
    transport: row.transport,
    needsChildcare: row.needsChildcare,
    withChildren: row.withChildren,
    availableDays: row.availableDays as ParticipantDetail['availableDays'],
    availableFrom: row.availableFrom,
    availableUntil: row.availableUntil,
    uitpasKansentarief: row.uitpasKansentarief,
    freeOnly: row.freeOnly,
    inburgeraarStatus: row.inburgeraarStatus,
    referredOn: row.referredOn,
    referralNote: row.referralNote,
    referredBy: ref(row.referredBy),
    coach: ref(row.coachUserId),
    stage: row.stage,
    continuesAfter: row.continuesAfter,
    consents: consents.map((c) => ({ id: c.id, kind: c.kind, givenOn: c.givenOn, recordedBy: ref(c.recordedBy), withdrawnOn: c.withdrawnOn })),
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, happenedOn: s.happenedOn, note: s.note, doneBy: ref(s.doneBy), fromCoach: ref(s.fromCoachId), toCoach: ref(s.toCoachId) })),
    placements,
    hours: placements.reduce((sum, placement) => sum + placement.hours, 0),
    hoursGoal: TRAJECTORY_HOURS_GOAL,
    coaches: await listCoaches(db, region),
    version: row.version,
  };
}

/** The full record, for the participant's own coach only. */
export async function getParticipant(db: Db, region: RegionRow, participantId: string, viewer: Viewer): Promise<ParticipantDetail> {
  return detailOf(db, region, await participantForCoach(db, region, participantId, viewer.userId));
}

/** Completes or corrects the record after the intake (optimistic version: 409 when stale). */
export async function updateParticipant(db: Db, region: RegionRow, participantId: string, input: z.infer<typeof participantUpdateSchema>, viewer: Viewer): Promise<ParticipantDetail> {
  await participantForCoach(db, region, participantId, viewer.userId);
  await assertMunicipalityInRegion(db, region, input.municipalityNis);
  const { version, ...fields } = input;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajectoryParticipants)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(trajectoryParticipants.id, participantId), eq(trajectoryParticipants.version, version)))
      .returning({ id: trajectoryParticipants.id });
    if (!row) throw new AppError('CONFLICT');
    // Which fields changed, not their values: the log must not become a second copy of the record.
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: participantId, action: 'update' });
  });
  return getParticipant(db, region, participantId, viewer);
}

/** Records a step of the trajectory (with date, note and who); the participant's stage becomes that step. */
export async function addStep(db: Db, region: RegionRow, participantId: string, input: z.infer<typeof stepInputSchema>, viewer: Viewer): Promise<ParticipantDetail> {
  await participantForCoach(db, region, participantId, viewer.userId);
  await db.transaction(async (tx) => {
    await tx.insert(trajectorySteps).values({ participantId, kind: input.kind, happenedOn: input.happenedOn, note: input.note, doneBy: viewer.userId });
    await tx.update(trajectoryParticipants).set({ stage: input.kind, version: sql`${trajectoryParticipants.version} + 1`, updatedAt: new Date() }).where(eq(trajectoryParticipants.id, participantId));
  });
  return getParticipant(db, region, participantId, viewer);
}

/** Records a consent the participant gave (what, when, by whom recorded). */
export async function addConsent(db: Db, region: RegionRow, participantId: string, input: z.infer<typeof consentInputSchema>, viewer: Viewer): Promise<ParticipantDetail> {
  await participantForCoach(db, region, participantId, viewer.userId);
  await db.insert(trajectoryConsents).values({ participantId, kind: input.kind, givenOn: input.givenOn, recordedBy: viewer.userId });
  return getParticipant(db, region, participantId, viewer);
}

/** Withdraws a consent from today on: partners stop seeing what it covered. */
export async function withdrawConsent(db: Db, region: RegionRow, participantId: string, consentId: string, viewer: Viewer): Promise<ParticipantDetail> {
  await participantForCoach(db, region, participantId, viewer.userId);
  assertId(consentId);
  const [row] = await db
    .update(trajectoryConsents)
    .set({ withdrawnOn: new Date().toISOString().slice(0, 10) })
    .where(and(eq(trajectoryConsents.id, consentId), eq(trajectoryConsents.participantId, participantId), isNull(trajectoryConsents.withdrawnOn)))
    .returning({ id: trajectoryConsents.id });
  if (!row) throw new AppError('NOT_FOUND');
  return getParticipant(db, region, participantId, viewer);
}

/** Hands the participant over to another coach; the step records from whom to whom. The old coach loses access. */
export async function handOver(db: Db, region: RegionRow, participantId: string, input: z.infer<typeof handoverInputSchema>, viewer: Viewer): Promise<{ coach: UserRef }> {
  const participant = await participantForCoach(db, region, participantId, viewer.userId);
  await assertCoach(db, region, input.toCoachId);
  if (input.toCoachId === participant.coachUserId) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'toCoachId', message: '@trajectories.validation.sameCoach' }]);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajectoryParticipants)
      .set({ coachUserId: input.toCoachId, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(trajectoryParticipants.id, participantId), eq(trajectoryParticipants.version, input.version)))
      .returning({ id: trajectoryParticipants.id });
    if (!row) throw new AppError('CONFLICT');
    await tx.insert(trajectorySteps).values({ participantId, kind: 'overdracht', happenedOn: new Date().toISOString().slice(0, 10), note: input.note, doneBy: viewer.userId, fromCoachId: participant.coachUserId, toCoachId: input.toCoachId });
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: participantId, action: 'handover', changes: { coach: { before: participant.coachUserId, after: input.toCoachId } } });
  });
  return { coach: (await userRefs(db, [input.toCoachId])).get(input.toCoachId)! };
}

/** The admin gives a waiting referral its coach (seeing only its code, never its name). */
export async function assignCoach(db: Db, region: RegionRow, participantId: string, coachId: string, viewer: Viewer): Promise<void> {
  assertId(participantId);
  await assertCoach(db, region, coachId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajectoryParticipants)
      .set({ coachUserId: coachId, version: sql`${trajectoryParticipants.version} + 1`, updatedAt: new Date() })
      .where(and(eq(trajectoryParticipants.id, participantId), eq(trajectoryParticipants.regionId, region.id), isNull(trajectoryParticipants.coachUserId)))
      .returning({ id: trajectoryParticipants.id });
    if (!row) throw new AppError('NOT_FOUND');
    await tx.insert(trajectorySteps).values({ participantId, kind: 'overdracht', happenedOn: new Date().toISOString().slice(0, 10), doneBy: viewer.userId, toCoachId: coachId });
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: participantId, action: 'assign', changes: { coach: { before: null, after: coachId } } });
  });
}

/** A section of the PDF export: a title and its lines, in the reader's language. */
export interface ExportSection {
  title: string;
  lines: string[];
}

interface ExportPart {
  read: (db: Db, participantId: string) => Promise<unknown>;
  describe: (data: unknown, t: TFunction) => ExportSection;
}

/** What other domains keep about a participant (e.g. buddy duos), by section name, for the right of access. */
const exportParts = new Map<string, ExportPart>();

/** Lets another domain add its data about a participant to the JSON and PDF export (it registers when its module loads). */
export function registerParticipantExportPart<T>(name: string, read: (db: Db, participantId: string) => Promise<T>, describe: (data: T, t: TFunction) => ExportSection): void {
  exportParts.set(name, { read, describe: describe as ExportPart['describe'] });
}

/** The other domains' sections of a participant's PDF export. */
export async function participantExportSections(db: Db, participantId: string, t: TFunction): Promise<ExportSection[]> {
  const sections: ExportSection[] = [];
  for (const part of exportParts.values()) sections.push(part.describe(await part.read(db, participantId), t));
  return sections;
}

/** Right of access: everything kept about one participant, as JSON (with other domains' parts). The export itself is logged. */
export async function exportParticipant(db: Db, region: RegionRow, participantId: string, viewer: Viewer): Promise<Record<string, unknown>> {
  const detail = await getParticipant(db, region, participantId, viewer);
  const { coaches: _coaches, ...record } = detail;
  const parts: Record<string, unknown> = {};
  for (const [name, part] of exportParts) parts[name] = await part.read(db, participantId);
  await recordChange(db, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: participantId, action: 'export' });
  return { exportedAt: new Date().toISOString(), region: region.name, participant: record, ...parts };
}

/**
 * Right to erasure: the participant and everything about them (consents, steps, placements, hours
 * cascade) is deleted, in one transaction; the audit log says that it happened and by whom, not what it was.
 */
export async function eraseParticipant(db: Db, region: RegionRow, participantId: string, viewer: Viewer): Promise<void> {
  await participantForCoach(db, region, participantId, viewer.userId);
  await db.transaction(async (tx) => {
    await tx.delete(trajectoryParticipants).where(eq(trajectoryParticipants.id, participantId));
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: AUDIT_ENTITY, entityId: participantId, action: 'erase' });
  });
}
