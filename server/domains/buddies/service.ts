import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan, type MemberStanding } from '../../policy/policy.js';
import type { Role } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import { actors } from '../network/schema.js';
import { municipalities } from '../reference/schema.js';
import { coopAgendaItems, coopBodies, coopMeetings } from '../cooperative/schema.js';
import { trajectoryConsents, trajectoryParticipants } from '../trajectories/schema.js';
import { assertId, participantForCoach, type ParticipantRow } from '../trajectories/access.js';
import { haversineKmSql } from '../reference/distance.js';
import { isMunicipalityOfRegion } from '../regions/service.js';
import { CURRENT_DUO_STATUSES, type Duo, type DuoStatus, type VolunteerInput } from '../../../common/schemas/buddies.js';
import { MIN_GROUP } from '../../../common/schemas/trajectories.js';
import { buddyDuoMeetings, buddyDuos, buddyLearningNetworks, buddyProgrammes, buddyVolunteers } from './schema.js';

/** Who is asking: their user, role in the region and own organisation (coordinators act for their programme). */
export interface BuddyViewer {
  userId: string;
  role: Role;
  actorId: string | null;
}

type ProgrammeRow = typeof buddyProgrammes.$inferSelect;
type VolunteerRow = typeof buddyVolunteers.$inferSelect;
type DuoRow = typeof buddyDuos.$inferSelect;

/** Rows of a raw query, as both drivers (PGlite, node-postgres) return them. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const CURRENT = sql.raw(`(${CURRENT_DUO_STATUSES.map((status) => `'${status}'`).join(', ')})`);

/** The viewer's standing for the permission table (the buddy viewer calls its own actor `actorId`). */
function standingOf(viewer: BuddyViewer): MemberStanding {
  return { role: viewer.role, ownActorId: viewer.actorId };
}

function mayManage(viewer: BuddyViewer, programme: Pick<ProgrammeRow, 'actorId'>): boolean {
  return memberCan(standingOf(viewer), 'buddy.pool.manage', [programme.actorId]);
}

/** Coaches and the regisseur see every programme (to pair); a coordinator only their own. */
function maySee(viewer: BuddyViewer, programme: Pick<ProgrammeRow, 'actorId'>): boolean {
  return memberCan(standingOf(viewer), 'buddy.read', [programme.actorId]);
}

/** A programme the viewer may see: coaches and admins see every pool (to pair), a coordinator only their own. */
async function visibleProgramme(db: Db, region: RegionRow, programmeId: string, viewer: BuddyViewer): Promise<ProgrammeRow> {
  assertId(programmeId);
  const [programme] = await db.select().from(buddyProgrammes).where(and(eq(buddyProgrammes.id, programmeId), eq(buddyProgrammes.regionId, region.id)));
  if (!programme || !maySee(viewer, programme)) throw new AppError('NOT_FOUND');
  return programme;
}

async function programmeRows(db: Db, regionId: string, programmeIds?: string[]) {
  return db
    .select({
      id: buddyProgrammes.id,
      actorId: buddyProgrammes.actorId,
      name: actors.name,
      municipalityName: municipalities.name,
      description: buddyProgrammes.description,
      volunteers: sql<number>`(SELECT count(*)::int FROM buddy_volunteers v WHERE v.programme_id = ${buddyProgrammes.id} AND v.active)`,
      activeDuos: sql<number>`(SELECT count(*)::int FROM buddy_duos d JOIN buddy_volunteers v ON v.id = d.volunteer_id WHERE v.programme_id = ${buddyProgrammes.id} AND d.status IN ${CURRENT})`,
    })
    .from(buddyProgrammes)
    .innerJoin(actors, eq(actors.id, buddyProgrammes.actorId))
    .leftJoin(municipalities, eq(municipalities.nisCode, actors.municipalityNis))
    .where(and(eq(buddyProgrammes.regionId, regionId), programmeIds ? inArray(buddyProgrammes.id, programmeIds) : undefined))
    .orderBy(asc(actors.name));
}

/** The learning network's working group with its meetings and their agenda topics (the intervision), or null. */
async function learningNetwork(db: Db, regionId: string) {
  const [network] = await db
    .select({ bodyId: coopBodies.id, name: coopBodies.name })
    .from(buddyLearningNetworks)
    .innerJoin(coopBodies, eq(coopBodies.id, buddyLearningNetworks.bodyId))
    .where(eq(buddyLearningNetworks.regionId, regionId));
  if (!network) return null;
  const meetings = await db.select().from(coopMeetings).where(eq(coopMeetings.bodyId, network.bodyId)).orderBy(asc(coopMeetings.startsAt));
  const topics = meetings.length
    ? await db.select().from(coopAgendaItems).where(inArray(coopAgendaItems.meetingId, meetings.map((meeting) => meeting.id))).orderBy(asc(coopAgendaItems.position))
    : [];
  return {
    ...network,
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      location: meeting.location,
      topics: topics.filter((topic) => topic.meetingId === meeting.id).map((topic) => topic.title),
    })),
  };
}

/** The region's buddy programmes (a coordinator: their own), with pool sizes, current duos and the learning network. */
export async function buddyOverview(db: Db, region: RegionRow, viewer: BuddyViewer) {
  const rows = await programmeRows(db, region.id);
  const visible = rows.filter((row) => maySee(viewer, row));
  return {
    programmes: visible.map((row) => ({ ...row, mayManage: mayManage(viewer, row) })),
    learningNetwork: await learningNetwork(db, region.id),
    mayRegisterProgrammes: memberCan(standingOf(viewer), 'buddy.programme.manage'),
  };
}

/** Registers an actor of the region's map as a buddy programme (admins). */
export async function registerProgramme(db: Db, region: RegionRow, input: { actorId: string; description: string }, userId: string): Promise<{ id: string }> {
  const [actor] = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.id, input.actorId), eq(actors.regionId, region.id)));
  if (!actor) throw fieldError('actorId', 'buddies.validation.actor');
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(buddyProgrammes).values({ regionId: region.id, actorId: actor.id, description: input.description }).onConflictDoNothing().returning({ id: buddyProgrammes.id });
    if (!created) throw fieldError('actorId', 'buddies.validation.alreadyProgramme');
    await recordChange(tx as unknown as Db, { regionId: region.id, userId, entityType: 'buddy_programme', entityId: created.id, action: 'create' });
    return created;
  });
}

/** Links the cooperative's working group that is the coordinators' learning network (admins). */
export async function setLearningNetwork(db: Db, region: RegionRow, bodyId: string, userId: string): Promise<void> {
  const [body] = await db.select({ id: coopBodies.id }).from(coopBodies).where(and(eq(coopBodies.id, bodyId), eq(coopBodies.regionId, region.id)));
  if (!body) throw fieldError('bodyId', 'buddies.validation.body');
  await db.transaction(async (tx) => {
    await tx.insert(buddyLearningNetworks).values({ regionId: region.id, bodyId }).onConflictDoUpdate({ target: buddyLearningNetworks.regionId, set: { bodyId } });
    await recordChange(tx as unknown as Db, { regionId: region.id, userId, entityType: 'buddy_learning_network', entityId: bodyId, action: 'update' });
  });
}

function volunteerOut(row: VolunteerRow & { municipalityName: string; currentDuos: number }) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    firstName: row.firstName,
    municipalityNis: row.municipalityNis,
    municipalityName: row.municipalityName,
    languages: row.languages,
    interests: row.interests,
    availableDays: row.availableDays as VolunteerInput['availableDays'],
    maxDuos: row.maxDuos,
    active: row.active,
    currentDuos: row.currentDuos,
    version: row.version,
  };
}

async function volunteersOf(db: Db, where: ReturnType<typeof eq>) {
  const rows = await db
    .select({
      volunteer: buddyVolunteers,
      municipalityName: municipalities.name,
      currentDuos: sql<number>`(SELECT count(*)::int FROM buddy_duos d WHERE d.volunteer_id = ${buddyVolunteers.id} AND d.status IN ${CURRENT})`,
    })
    .from(buddyVolunteers)
    .innerJoin(municipalities, eq(municipalities.nisCode, buddyVolunteers.municipalityNis))
    .where(where)
    .orderBy(asc(buddyVolunteers.firstName));
  return rows.map((row) => volunteerOut({ ...row.volunteer, municipalityName: row.municipalityName, currentDuos: row.currentDuos }));
}

/**
 * Duos as the viewer may see them: the participant's first name only for their own coach, or for the
 * programme's coordinator when the participant agreed to share it; a read by anyone but the coach is logged.
 */
async function duosOut(db: Db, region: RegionRow, rows: DuoRow[], viewer: BuddyViewer): Promise<Duo[]> {
  if (!rows.length) return [];
  const participantIds = [...new Set(rows.map((row) => row.participantId))];
  const participants = await db.select().from(trajectoryParticipants).where(inArray(trajectoryParticipants.id, participantIds));
  const sharing = await db
    .select({ participantId: trajectoryConsents.participantId })
    .from(trajectoryConsents)
    .where(and(inArray(trajectoryConsents.participantId, participantIds), eq(trajectoryConsents.kind, 'delen-voornaam'), sql`${trajectoryConsents.withdrawnOn} IS NULL`));
  const sharesName = new Set(sharing.map((row) => row.participantId));
  const volunteers = await db
    .select({ id: buddyVolunteers.id, firstName: buddyVolunteers.firstName, programmeActorId: buddyProgrammes.actorId, programmeName: actors.name })
    .from(buddyVolunteers)
    .innerJoin(buddyProgrammes, eq(buddyProgrammes.id, buddyVolunteers.programmeId))
    .innerJoin(actors, eq(actors.id, buddyProgrammes.actorId))
    .where(inArray(buddyVolunteers.id, [...new Set(rows.map((row) => row.volunteerId))]));
  const meetings = await db.select().from(buddyDuoMeetings).where(inArray(buddyDuoMeetings.duoId, rows.map((row) => row.id))).orderBy(asc(buddyDuoMeetings.metOn));
  const byId = new Map(participants.map((participant) => [participant.id, participant]));
  const volunteerById = new Map(volunteers.map((volunteer) => [volunteer.id, volunteer]));
  const readByOthers: string[] = [];
  const out = rows.map((row) => {
    const participant = byId.get(row.participantId)!;
    const volunteer = volunteerById.get(row.volunteerId)!;
    const isCoach = participant.coachUserId === viewer.userId;
    const isCoordinator = viewer.role === 'editor' && viewer.actorId === volunteer.programmeActorId;
    if (!isCoach) readByOthers.push(participant.id);
    return {
      id: row.id,
      volunteerId: row.volunteerId,
      volunteerFirstName: volunteer.firstName,
      programmeName: volunteer.programmeName,
      participantCode: participant.code,
      participantFirstName: isCoach || (isCoordinator && sharesName.has(participant.id)) ? participant.firstName : null,
      status: row.status,
      startedOn: row.startedOn,
      endedOn: row.endedOn,
      reasons: row.reasons,
      meetings: meetings.filter((meeting) => meeting.duoId === row.id).map((meeting) => ({ id: meeting.id, metOn: meeting.metOn, activity: meeting.activity })),
      mayUpdate: isCoach || isCoordinator,
      version: row.version,
    };
  });
  if (readByOthers.length) {
    await recordChange(db, { regionId: region.id, userId: viewer.userId, entityType: 'trajectory_participant', entityId: readByOthers[0]!, action: 'read', changes: { buddyDuos: { before: null, after: [...new Set(readByOthers)] } } });
  }
  return out;
}

/** A programme with its pool and its duos (coaches and admins: any; a coordinator: their own). */
export async function programmeDetail(db: Db, region: RegionRow, programmeId: string, viewer: BuddyViewer) {
  const programme = await visibleProgramme(db, region, programmeId, viewer);
  const [summary] = await programmeRows(db, region.id, [programme.id]);
  const duoRows = await db
    .select({ duo: buddyDuos })
    .from(buddyDuos)
    .innerJoin(buddyVolunteers, eq(buddyVolunteers.id, buddyDuos.volunteerId))
    .where(eq(buddyVolunteers.programmeId, programme.id))
    // Current duos first, the most recent on top.
    .orderBy(sql`${buddyDuos.status} IN ${CURRENT} DESC`, desc(buddyDuos.startedOn));
  // An admin who is not the coach sees the duos' codes, not who they are; the same rule as the dossier.
  return {
    ...summary!,
    mayManage: mayManage(viewer, programme),
    pool: await volunteersOf(db, eq(buddyVolunteers.programmeId, programme.id)),
    duos: await duosOut(db, region, duoRows.map((row) => row.duo), viewer),
  };
}

async function assertMunicipalityInRegion(db: Db, region: RegionRow, nisCode: string): Promise<void> {
  if (!(await isMunicipalityOfRegion(db, region.id, nisCode))) throw fieldError('municipalityNis', 'buddies.validation.municipality');
}

/** Adds a volunteer to a programme's pool (the admin, or the programme's own coordinator). */
export async function addVolunteer(db: Db, region: RegionRow, programmeId: string, input: VolunteerInput, viewer: BuddyViewer): Promise<{ id: string }> {
  const programme = await visibleProgramme(db, region, programmeId, viewer);
  if (!mayManage(viewer, programme)) throw new AppError('FORBIDDEN');
  await assertMunicipalityInRegion(db, region, input.municipalityNis);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(buddyVolunteers).values({ ...input, regionId: region.id, programmeId: programme.id }).returning({ id: buddyVolunteers.id });
    await recordChange(tx as unknown as Db, { regionId: region.id, userId: viewer.userId, entityType: 'buddy_volunteer', entityId: created!.id, action: 'create' });
    return created!;
  });
}

/** Edits or deactivates a volunteer; a stale version is a 409 with the current state. */
export async function updateVolunteer(db: Db, region: RegionRow, volunteerId: string, input: VolunteerInput & { active: boolean; version: number }, viewer: BuddyViewer) {
  assertId(volunteerId);
  const [existing] = await db.select().from(buddyVolunteers).where(and(eq(buddyVolunteers.id, volunteerId), eq(buddyVolunteers.regionId, region.id)));
  if (!existing) throw new AppError('NOT_FOUND');
  const programme = await visibleProgramme(db, region, existing.programmeId, viewer);
  if (!mayManage(viewer, programme)) throw new AppError('FORBIDDEN');
  await assertMunicipalityInRegion(db, region, input.municipalityNis);
  const { version, ...fields } = input;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(buddyVolunteers)
      .set({ ...fields, version: sql`${buddyVolunteers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(buddyVolunteers.id, volunteerId), eq(buddyVolunteers.version, version)))
      .returning({ id: buddyVolunteers.id });
    if (!updated) {
      // Read inside the transaction: the embedded database has one connection, held by it.
      const [current] = await volunteersOf(tx as unknown as Db, eq(buddyVolunteers.id, volunteerId));
      throw new AppError('CONFLICT', {}, undefined, { current });
    }
    await recordChange(tx as unknown as Db, { regionId: region.id, userId: viewer.userId, entityType: 'buddy_volunteer', entityId: volunteerId, action: 'update' });
  });
  return (await volunteersOf(db, eq(buddyVolunteers.id, volunteerId)))[0]!;
}

interface CandidateRow {
  id: string;
  first_name: string;
  programme_name: string;
  municipality_nis: string;
  municipality_name: string;
  languages: string[];
  interests: string[];
  available_days: string[];
  distance_km: number | string | null;
}

type Reason = { kind: 'plus' | 'min'; text: string };

/** Score and reasons of one volunteer for one participant; pure, so the weights are tested without a database. */
export function scoreVolunteer(participant: Pick<ParticipantRow, 'languages' | 'dutchLevel' | 'interests' | 'availableDays' | 'municipalityNis'>, volunteer: CandidateRow, t: TFunction): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let score = 0;
  const shared = volunteer.languages.filter((language) => participant.languages.includes(language));
  if (shared.length) {
    // A shared language matters most while the newcomer speaks little Dutch.
    score += participant.dutchLevel === 'geen' || participant.dutchLevel === 'A1' ? 4 : 2;
    reasons.push({ kind: 'plus', text: t('buddies.reasons.language', { languages: shared.map((code) => t(`trajectories.languages.${code}`, { defaultValue: code })).join(', ') }) });
  } else if (participant.dutchLevel === 'geen') {
    reasons.push({ kind: 'min', text: t('buddies.reasons.noSharedLanguage') });
  }
  const km = volunteer.distance_km === null ? null : Math.round(Number(volunteer.distance_km));
  if (volunteer.municipality_nis === participant.municipalityNis) {
    score += 3;
    reasons.push({ kind: 'plus', text: t('buddies.reasons.sameMunicipality', { municipality: volunteer.municipality_name }) });
  } else if (km !== null && km <= 15) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('buddies.reasons.nearby', { km, municipality: volunteer.municipality_name }) });
  } else if (km !== null) {
    reasons.push({ kind: 'min', text: t('buddies.reasons.far', { km, municipality: volunteer.municipality_name }) });
  }
  const interests = new Set(participant.interests.map((interest) => interest.toLocaleLowerCase('nl')));
  const common = volunteer.interests.filter((interest) => interests.has(interest.toLocaleLowerCase('nl')));
  if (common.length) {
    score += 2 * common.length;
    reasons.push({ kind: 'plus', text: t('buddies.reasons.interests', { interests: common.join(', ') }) });
  }
  const days = volunteer.available_days.filter((day) => participant.availableDays.includes(day));
  if (days.length) {
    score += 1;
    reasons.push({ kind: 'plus', text: t('buddies.reasons.days', { days: days.map((day) => t(`trajectories.weekdays.${day}`)).join(', ') }) });
  } else if (participant.availableDays.length && volunteer.available_days.length) {
    reasons.push({ kind: 'min', text: t('buddies.reasons.otherDays') });
  }
  return { score, reasons };
}

/** The one-current-buddy index refused the write (two pairings at once, or resuming an old duo): a 409, not a 500. */
function asAlreadyPaired(error: unknown): never {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  if (/buddy_duos_one_current/.test(text)) throw new AppError('BUDDY_ALREADY_PAIRED');
  throw error;
}

async function currentDuoOf(db: Db, participantId: string): Promise<DuoRow | undefined> {
  const [row] = await db.select().from(buddyDuos).where(and(eq(buddyDuos.participantId, participantId), sql`${buddyDuos.status} IN ${CURRENT}`));
  return row;
}

/** For the coach's own participant: the region's volunteers with room for a duo, ranked by fit, each with its reasons. */
export async function suggestBuddies(db: Db, region: RegionRow, participantId: string, viewer: BuddyViewer, t: TFunction) {
  const participant = await participantForCoach(db, region, participantId, viewer.userId);
  const distance = haversineKmSql('home.lat', 'home.lon', 'm.lat', 'm.lon');
  const candidates = await db.execute(sql`
    SELECT v.id, v.first_name, a.name AS programme_name, v.municipality_nis, m.name AS municipality_name, v.languages, v.interests, v.available_days,
           ${sql.raw(distance)} AS distance_km
      FROM buddy_volunteers v
      JOIN buddy_programmes p ON p.id = v.programme_id
      JOIN actors a ON a.id = p.actor_id
      JOIN municipalities m ON m.nis_code = v.municipality_nis
      LEFT JOIN municipalities home ON home.nis_code = ${participant.municipalityNis}
     WHERE v.region_id = ${region.id} AND v.active
       AND (SELECT count(*) FROM buddy_duos d WHERE d.volunteer_id = v.id AND d.status IN ${CURRENT}) < v.max_duos`);
  const rows = rowsOf<CandidateRow>(candidates);
  const suggestions = rows
    .map((row) => ({ row, ...scoreVolunteer(participant, row, t) }))
    .sort((a, b) => b.score - a.score || (Number(a.row.distance_km ?? 1e9) - Number(b.row.distance_km ?? 1e9)) || a.row.first_name.localeCompare(b.row.first_name, 'nl'))
    .slice(0, 10)
    .map(({ row, score, reasons }) => ({
      volunteerId: row.id,
      firstName: row.first_name,
      programmeName: row.programme_name,
      municipalityName: row.municipality_name,
      distanceKm: row.distance_km === null ? null : Math.round(Number(row.distance_km)),
      score,
      reasons,
    }));
  const current = await currentDuoOf(db, participant.id);
  return { participantCode: participant.code, suggestions, currentDuo: current ? (await duosOut(db, region, [current], viewer))[0]! : null };
}

/** Pairs the coach's own participant with a volunteer: one current buddy per participant, and never above the volunteer's capacity (409). */
export async function createDuo(db: Db, region: RegionRow, input: { participantId: string; volunteerId: string; startedOn: string }, viewer: BuddyViewer, t: TFunction): Promise<Duo> {
  const participant = await participantForCoach(db, region, input.participantId, viewer.userId);
  const created = await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // The volunteer's row is locked so two coaches cannot both take the last place.
    const locked = await tx.execute(
      sql`SELECT v.*, a.name AS programme_name, m.name AS municipality_name, NULL::numeric AS distance_km
            FROM buddy_volunteers v JOIN buddy_programmes p ON p.id = v.programme_id JOIN actors a ON a.id = p.actor_id JOIN municipalities m ON m.nis_code = v.municipality_nis
           WHERE v.id = ${input.volunteerId} AND v.region_id = ${region.id} FOR UPDATE OF v`,
    );
    const [volunteer] = rowsOf<CandidateRow & { max_duos: number; active: boolean }>(locked);
    if (!volunteer || !volunteer.active) throw fieldError('volunteerId', 'buddies.validation.volunteer');
    if (await currentDuoOf(tx, participant.id)) throw new AppError('BUDDY_ALREADY_PAIRED');
    const [{ value: current } = { value: 0 }] = await tx.select({ value: count() }).from(buddyDuos).where(and(eq(buddyDuos.volunteerId, volunteer.id), sql`${buddyDuos.status} IN ${CURRENT}`));
    if (current >= volunteer.max_duos) throw new AppError('BUDDY_FULL', { name: volunteer.first_name });
    const { reasons } = scoreVolunteer(participant, volunteer, t);
    const [duo] = await tx
      .insert(buddyDuos)
      .values({ regionId: region.id, volunteerId: volunteer.id, participantId: participant.id, startedOn: input.startedOn, reasons: reasons.filter((reason) => reason.kind === 'plus').map((reason) => reason.text), createdBy: viewer.userId })
      .returning();
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: 'buddy_duo', entityId: duo!.id, action: 'create' });
    return duo!;
  }).catch(asAlreadyPaired);
  return (await duosOut(db, region, [created], viewer))[0]!;
}

/** The duo, for the participant's coach or the programme's coordinator; everyone else: not found. */
async function duoForUpdate(db: Db, region: RegionRow, duoId: string, viewer: BuddyViewer): Promise<DuoRow> {
  assertId(duoId);
  const [row] = await db
    .select({ duo: buddyDuos, coachUserId: trajectoryParticipants.coachUserId, programmeActorId: buddyProgrammes.actorId })
    .from(buddyDuos)
    .innerJoin(trajectoryParticipants, eq(trajectoryParticipants.id, buddyDuos.participantId))
    .innerJoin(buddyVolunteers, eq(buddyVolunteers.id, buddyDuos.volunteerId))
    .innerJoin(buddyProgrammes, eq(buddyProgrammes.id, buddyVolunteers.programmeId))
    .where(and(eq(buddyDuos.id, duoId), eq(buddyDuos.regionId, region.id)));
  const allowed = row && (row.coachUserId === viewer.userId || (viewer.role === 'editor' && viewer.actorId === row.programmeActorId));
  if (!allowed) throw new AppError('NOT_FOUND');
  return row.duo;
}

/** Changes a duo's status (paused, finished, stopped); an ended duo frees the volunteer's place. */
export async function updateDuo(db: Db, region: RegionRow, duoId: string, input: { status: DuoStatus; version: number }, viewer: BuddyViewer, today = new Date().toISOString().slice(0, 10)): Promise<Duo> {
  const duo = await duoForUpdate(db, region, duoId, viewer);
  const ended = !CURRENT_DUO_STATUSES.includes(input.status);
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(buddyDuos)
      .set({ status: input.status, endedOn: ended ? (duo.endedOn ?? today) : null, version: sql`${buddyDuos.version} + 1` })
      .where(and(eq(buddyDuos.id, duo.id), eq(buddyDuos.version, input.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await recordChange(tx as unknown as Db, { regionId: region.id, userId: viewer.userId, entityType: 'buddy_duo', entityId: duo.id, action: 'update', changes: { status: { before: duo.status, after: input.status } } });
    return row;
  }).catch(asAlreadyPaired);
  return (await duosOut(db, region, [updated], viewer))[0]!;
}

/** Logs that a duo met (date and, briefly, what they did). */
export async function logDuoMeeting(db: Db, region: RegionRow, duoId: string, input: { metOn: string; activity: string }, viewer: BuddyViewer): Promise<Duo> {
  const duo = await duoForUpdate(db, region, duoId, viewer);
  // A finished or stopped duo no longer meets; resume it first.
  if (!CURRENT_DUO_STATUSES.includes(duo.status)) throw new AppError('BUDDY_DUO_ENDED');
  await db.insert(buddyDuoMeetings).values({ duoId: duo.id, metOn: input.metOn, activity: input.activity, loggedBy: viewer.userId });
  return (await duosOut(db, region, [duo], viewer))[0]!;
}

/** The region's buddy figures for monitoring: active volunteers, current and finished duos, meetings (counts only). */
export async function buddyFigures(db: Db, regionId: string): Promise<{ volunteers: number; currentDuos: number; finishedDuos: number; meetings: number }> {
  const result = await db.execute(sql`
    SELECT (SELECT count(*)::int FROM buddy_volunteers WHERE region_id = ${regionId} AND active) AS volunteers,
           (SELECT count(*)::int FROM buddy_duos WHERE region_id = ${regionId} AND status IN ${CURRENT}) AS current_duos,
           (SELECT count(*)::int FROM buddy_duos WHERE region_id = ${regionId} AND status = 'afgerond') AS finished_duos,
           (SELECT count(*)::int FROM buddy_duo_meetings m JOIN buddy_duos d ON d.id = m.duo_id WHERE d.region_id = ${regionId}) AS meetings`);
  const [row] = rowsOf<{ volunteers: number; current_duos: number; finished_duos: number; meetings: number }>(result);
  return { volunteers: row!.volunteers, currentDuos: row!.current_duos, finishedDuos: row!.finished_duos, meetings: row!.meetings };
}

/** A participant's duos with their meetings, for the right of access (the trajectories export). */
export async function participantDuosForExport(db: Db, participantId: string) {
  const rows = await db
    .select({ duo: buddyDuos, volunteerFirstName: buddyVolunteers.firstName, programmeName: actors.name })
    .from(buddyDuos)
    .innerJoin(buddyVolunteers, eq(buddyVolunteers.id, buddyDuos.volunteerId))
    .innerJoin(buddyProgrammes, eq(buddyProgrammes.id, buddyVolunteers.programmeId))
    .innerJoin(actors, eq(actors.id, buddyProgrammes.actorId))
    .where(eq(buddyDuos.participantId, participantId))
    .orderBy(asc(buddyDuos.startedOn));
  const meetings = rows.length ? await db.select().from(buddyDuoMeetings).where(inArray(buddyDuoMeetings.duoId, rows.map((row) => row.duo.id))).orderBy(asc(buddyDuoMeetings.metOn)) : [];
  return rows.map(({ duo, volunteerFirstName, programmeName }) => ({
    buddy: volunteerFirstName,
    programme: programmeName,
    status: duo.status,
    startedOn: duo.startedOn,
    endedOn: duo.endedOn,
    reasons: duo.reasons,
    meetings: meetings.filter((meeting) => meeting.duoId === duo.id).map((meeting) => ({ metOn: meeting.metOn, activity: meeting.activity })),
  }));
}

/** The buddy figures as the dashboard shows them: a count under MIN_GROUP people is hidden (null). */
export async function shownBuddyFigures(db: Db, regionId: string): Promise<{ volunteers: number | null; currentDuos: number | null; finishedDuos: number | null; meetings: number | null }> {
  const figures = await buddyFigures(db, regionId);
  const shown = (value: number) => (value >= MIN_GROUP ? value : null);
  // Meetings are not people: shown only when the duos behind them are five or more.
  return { volunteers: shown(figures.volunteers), currentDuos: shown(figures.currentDuos), finishedDuos: shown(figures.finishedDuos), meetings: figures.currentDuos + figures.finishedDuos >= MIN_GROUP ? figures.meetings : null };
}
