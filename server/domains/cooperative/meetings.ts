// Meetings of the steering group or a working group: agenda, attendance and quorum, minutes, decisions, action points.
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError, fieldError } from '../../http/errors.js';
import { memberCan } from '../../policy/policy.js';
import type { Role } from '../accounts/schema.js';
import { recordChange } from '../audit/service.js';
import { planActions, planChangeProposals, plans } from '../plans/schema.js';
import { decideProposal, loadPlan } from '../plans/service.js';
import { coopActionPoints, coopAgendaItems, coopAttendance, coopBodies, coopDecisions, coopMeetings } from './schema.js';
import { getBody } from './members.js';
import { assertUuid, conflict, userNames, type Executor } from './shared.js';
import type {
  actionPointInputSchema,
  actionPointUpdateSchema,
  agendaItemInputSchema,
  attendanceInputSchema,
  decisionInputSchema,
  meetingInputSchema,
  meetingUpdateSchema,
  minutesInputSchema,
  MeetingDetail,
} from '../../../common/schemas/cooperative.js';

type MeetingRow = typeof coopMeetings.$inferSelect;

/** Who looks at a meeting: their role in the region (null: anonymous or another region's user). */
export interface Viewer {
  userId: string | null;
  role: Role | null;
}

async function meetingRow(db: Executor, regionId: string, meetingId: string): Promise<MeetingRow> {
  assertUuid(meetingId);
  const [row] = await db.select().from(coopMeetings).where(and(eq(coopMeetings.id, meetingId), eq(coopMeetings.regionId, regionId)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The region's meetings: upcoming (soonest first) and past (latest first), with their body and decision count. */
export async function listMeetings(db: Executor, regionId: string, now = new Date()) {
  const rows = await db
    .select({ meeting: coopMeetings, bodyName: coopBodies.name, bodyKind: coopBodies.kind, decisionCount: sql<number>`(select count(*)::int from coop_decisions d where d.meeting_id = ${coopMeetings.id})` })
    .from(coopMeetings)
    .innerJoin(coopBodies, eq(coopBodies.id, coopMeetings.bodyId))
    .where(eq(coopMeetings.regionId, regionId))
    .orderBy(asc(coopMeetings.startsAt));
  const summaries = rows.map((row) => summaryOf(row.meeting, row.bodyName, row.bodyKind, Number(row.decisionCount)));
  return {
    upcoming: summaries.filter((meeting) => Date.parse(meeting.endsAt) >= now.getTime()),
    past: summaries.filter((meeting) => Date.parse(meeting.endsAt) < now.getTime()).reverse(),
  };
}

function summaryOf(meeting: MeetingRow, bodyName: string, bodyKind: 'stuurgroep' | 'werkgroep', decisionCount: number) {
  return {
    id: meeting.id,
    title: meeting.title,
    bodyId: meeting.bodyId,
    bodyName,
    bodyKind,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    videoUrl: meeting.videoUrl,
    minutesPublic: meeting.minutesPublic,
    decisionCount,
  };
}

/** The reference of a decision as people cite it: "2026/3". */
export function decisionReference(year: number, number: number): string {
  return `${year}/${number}`;
}

/** The region's decisions (newest first), optionally of one meeting; with the proposal or plan action they change. */
export async function listDecisions(db: Executor, regionId: string, meetingId?: string) {
  const rows = await db
    .select({ decision: coopDecisions, proposalActionId: planChangeProposals.actionId, proposalPlanId: planChangeProposals.planId })
    .from(coopDecisions)
    .leftJoin(planChangeProposals, eq(planChangeProposals.id, coopDecisions.proposalId))
    .where(meetingId ? and(eq(coopDecisions.regionId, regionId), eq(coopDecisions.meetingId, meetingId)) : eq(coopDecisions.regionId, regionId))
    .orderBy(desc(coopDecisions.year), desc(coopDecisions.number));
  const actionIds = [...new Set(rows.flatMap((row) => [row.proposalActionId, row.decision.planActionId]).filter((id): id is string => Boolean(id)))];
  const actions = actionIds.length
    ? await db.select({ id: planActions.id, planId: plans.id, number: planActions.number, title: planActions.title }).from(planActions).innerJoin(plans, eq(plans.id, planActions.planId)).where(inArray(planActions.id, actionIds))
    : [];
  const actionBy = new Map(actions.map((action) => [action.id, action]));
  return rows.map(({ decision, proposalActionId, proposalPlanId }) => {
    const proposalAction = proposalActionId ? actionBy.get(proposalActionId) : undefined;
    const planAction = decision.planActionId ? actionBy.get(decision.planActionId) : undefined;
    return {
      id: decision.id,
      reference: decisionReference(decision.year, decision.number),
      year: decision.year,
      number: decision.number,
      text: decision.text,
      proposal:
        decision.proposalId && proposalPlanId && decision.proposalOutcome
          ? { id: decision.proposalId, planId: proposalPlanId, actionNumber: proposalAction?.number ?? '', actionTitle: proposalAction?.title ?? '', outcome: decision.proposalOutcome }
          : null,
      planAction: planAction ?? null,
      meetingId: decision.meetingId,
      createdAt: decision.createdAt.toISOString(),
    };
  });
}

/** Members may read minutes; the public only when the meeting's minutes are public. */
function maySeeMinutes(meeting: MeetingRow, viewer: Viewer): boolean {
  return meeting.minutesPublic || viewer.role !== null;
}

/** A meeting with agenda, attendance, quorum, minutes (when the viewer may read them), decisions and action points. */
export async function getMeeting(db: Executor, region: RegionRow, meetingId: string, viewer: Viewer): Promise<MeetingDetail> {
  const meeting = await meetingRow(db, region.id, meetingId);
  const body = await getBody(db, region.id, meeting.bodyId);
  const agenda = await db.select().from(coopAgendaItems).where(eq(coopAgendaItems.meetingId, meeting.id)).orderBy(asc(coopAgendaItems.position));
  const attendance = await db.select().from(coopAttendance).where(eq(coopAttendance.meetingId, meeting.id));
  const statusBy = new Map(attendance.map((row) => [row.userId, row.status]));
  const present = body.members.filter((member) => statusBy.get(member.userId) === 'aanwezig').length;
  const needed = body.quorum ?? Math.floor(body.members.length / 2) + 1;
  const decisions = await listDecisions(db, region.id, meeting.id);
  const points = await db.select().from(coopActionPoints).where(eq(coopActionPoints.meetingId, meeting.id)).orderBy(asc(coopActionPoints.createdAt));
  const names = await userNames(db, [...points.map((point) => point.assigneeUserId), meeting.minutesUpdatedBy]);
  const linkedActionIds = [
    ...points.map((point) => point.planActionId),
    ...agenda.filter((item) => item.linkKind === 'actie').map((item) => item.linkRef),
  ].filter((id): id is string => Boolean(id && /^[0-9a-f-]{36}$/i.test(id)));
  const actions = linkedActionIds.length
    ? await db
        .select({ id: planActions.id, planId: plans.id, number: planActions.number, title: planActions.title })
        .from(planActions)
        .innerJoin(plans, eq(plans.id, planActions.planId))
        .where(and(inArray(planActions.id, linkedActionIds), eq(plans.regionId, region.id)))
    : [];
  const actionBy = new Map(actions.map((action) => [action.id, action]));
  const proposalIds = agenda.filter((item) => item.linkKind === 'voorstel' && item.linkRef && /^[0-9a-f-]{36}$/i.test(item.linkRef)).map((item) => item.linkRef!);
  const openProposals = await db
    .select({ id: planChangeProposals.id, planId: plans.id, planTitle: plans.title, actionNumber: planActions.number, actionTitle: planActions.title, reason: planChangeProposals.reason, status: planChangeProposals.status })
    .from(planChangeProposals)
    .innerJoin(plans, eq(plans.id, planChangeProposals.planId))
    .innerJoin(planActions, eq(planActions.id, planChangeProposals.actionId))
    .where(and(eq(plans.regionId, region.id), eq(planChangeProposals.status, 'open')))
    .orderBy(desc(planChangeProposals.createdAt));
  const agendaProposals = proposalIds.length
    ? await db
        .select({ id: planChangeProposals.id, planId: planChangeProposals.planId, number: planActions.number, title: planActions.title })
        .from(planChangeProposals)
        .innerJoin(planActions, eq(planActions.id, planChangeProposals.actionId))
        .where(inArray(planChangeProposals.id, proposalIds))
    : [];
  const agendaProposalBy = new Map(agendaProposals.map((proposal) => [proposal.id, proposal]));
  const slug = region.slug;
  const member = viewer.role !== null;
  const canEdit = memberCan(viewer, 'coop.minutes.write');
  const planActionOptions = canEdit
    ? await db
        .select({ id: planActions.id, planTitle: plans.title, number: planActions.number, title: planActions.title })
        .from(planActions)
        .innerJoin(plans, eq(plans.id, planActions.planId))
        .where(eq(plans.regionId, region.id))
        .orderBy(asc(plans.title), asc(planActions.number))
        .limit(500)
    : [];
  return {
    ...summaryOf(meeting, body.name, body.kind, decisions.length),
    agenda: agenda.map((item) => {
      let linkLabel: string | null = null;
      let linkHref: string | null = null;
      if (item.linkKind === 'document' && item.linkRef) {
        linkLabel = item.linkRef;
        linkHref = /^https?:\/\//.test(item.linkRef) ? item.linkRef : null;
      } else if (item.linkKind === 'actie' && item.linkRef) {
        const action = actionBy.get(item.linkRef);
        if (action) {
          linkLabel = `${action.number} ${action.title}`;
          linkHref = `/r/${slug}/plannen/${action.planId}/acties/${action.id}`;
        }
      } else if (item.linkKind === 'voorstel' && item.linkRef) {
        const proposal = agendaProposalBy.get(item.linkRef);
        if (proposal) {
          linkLabel = `${proposal.number} ${proposal.title}`;
          linkHref = `/r/${slug}/plannen/${proposal.planId}`;
        }
      } else if (item.linkKind === 'peiling' && item.linkRef) {
        linkLabel = item.linkRef;
        linkHref = `/r/${slug}/cooperatie/stemrondes/${item.linkRef}`;
      }
      return { id: item.id, title: item.title, description: item.description, linkKind: item.linkKind, linkRef: item.linkRef, linkLabel, linkHref };
    }),
    attendance: member ? body.members.map((entry) => ({ userId: entry.userId, name: entry.name, role: entry.role, status: statusBy.get(entry.userId) ?? null })) : [],
    quorum: { needed, present, reached: present >= needed },
    minutes: maySeeMinutes(meeting, viewer) ? meeting.minutes : null,
    minutesVersion: meeting.minutesVersion,
    minutesUpdatedAt: meeting.minutesUpdatedAt?.toISOString() ?? null,
    minutesUpdatedBy: meeting.minutesUpdatedBy ? (names.get(meeting.minutesUpdatedBy) ?? null) : null,
    invitationsSentAt: meeting.invitationsSentAt?.toISOString() ?? null,
    decisions: maySeeMinutes(meeting, viewer) ? decisions : [],
    actionPoints: member
      ? points.map((point) => ({
          id: point.id,
          description: point.description,
          assignee: point.assigneeUserId ? { id: point.assigneeUserId, name: names.get(point.assigneeUserId) ?? '' } : null,
          dueOn: point.dueOn,
          status: point.status,
          planAction: point.planActionId ? (actionBy.get(point.planActionId) ?? null) : null,
          version: point.version,
        }))
      : [],
    openProposals: member ? openProposals.map(({ status: _status, ...proposal }) => proposal) : [],
    planActionOptions,
    version: meeting.version,
    canEdit,
    canDecide: memberCan(viewer, 'coop.decide'),
  };
}

async function writeAgenda(db: Executor, regionId: string, meetingId: string, agenda: z.infer<typeof agendaItemInputSchema>[]): Promise<void> {
  for (const [index, item] of agenda.entries()) {
    if (!item.linkKind || !item.linkRef) continue;
    if (item.linkKind === 'document' && !/^https?:\/\/\S+$/.test(item.linkRef)) throw fieldError(`agenda.${index}.linkRef`, 'cooperative.errors.documentUrl');
    if (item.linkKind === 'peiling' && !/^[0-9a-f-]{36}$/i.test(item.linkRef)) throw fieldError(`agenda.${index}.linkRef`, 'cooperative.errors.pollId');
    if (item.linkKind === 'actie' || item.linkKind === 'voorstel') {
      const table = item.linkKind === 'actie' ? planActions : planChangeProposals;
      const found = /^[0-9a-f-]{36}$/i.test(item.linkRef)
        ? await db.select({ id: table.id }).from(table).innerJoin(plans, eq(plans.id, table.planId)).where(and(eq(table.id, item.linkRef), eq(plans.regionId, regionId)))
        : [];
      if (found.length === 0) throw fieldError(`agenda.${index}.linkRef`, item.linkKind === 'actie' ? 'cooperative.errors.actionNotInRegion' : 'cooperative.errors.proposalNotInRegion');
    }
  }
  await db.delete(coopAgendaItems).where(eq(coopAgendaItems.meetingId, meetingId));
  if (agenda.length) {
    await db.insert(coopAgendaItems).values(
      agenda.map((item, position) => ({ meetingId, position, title: item.title, description: item.description, linkKind: item.linkKind, linkRef: item.linkKind ? item.linkRef : null })),
    );
  }
}

/** Plans a meeting of a body with its agenda (one transaction). */
export async function createMeeting(db: Db, region: RegionRow, input: z.infer<typeof meetingInputSchema>, userId: string): Promise<MeetingDetail> {
  await getBody(db, region.id, input.bodyId).catch(() => {
    throw fieldError('bodyId', 'cooperative.errors.bodyNotInRegion');
  });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(coopMeetings)
      .values({ regionId: region.id, bodyId: input.bodyId, title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), location: input.location, videoUrl: input.videoUrl, minutesPublic: input.minutesPublic })
      .returning();
    await writeAgenda(tx, region.id, row!.id, input.agenda);
    await recordChange(tx, { regionId: region.id, userId, entityType: 'coop_meeting', entityId: row!.id, action: 'create' });
    return row!.id;
  });
  return getMeeting(db, region, id, { userId, role: 'admin' });
}

/** Changes a meeting's date, place, visibility and agenda (optimistic version; the minutes have their own). */
export async function updateMeeting(db: Db, region: RegionRow, meetingId: string, input: z.infer<typeof meetingUpdateSchema>, viewer: Viewer & { userId: string }): Promise<MeetingDetail> {
  await meetingRow(db, region.id, meetingId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(coopMeetings)
      .set({ title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), location: input.location, videoUrl: input.videoUrl, minutesPublic: input.minutesPublic, version: input.version + 1 })
      .where(and(eq(coopMeetings.id, meetingId), eq(coopMeetings.version, input.version)))
      .returning();
    if (!row) throw conflict(await getMeeting(tx, region, meetingId, viewer));
    await writeAgenda(tx, region.id, meetingId, input.agenda);
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: 'coop_meeting', entityId: meetingId, action: 'update' });
  });
  return getMeeting(db, region, meetingId, viewer);
}

async function writeMinutes(db: Executor, meeting: MeetingRow, minutes: string, baseVersion: number, userId: string) {
  const [row] = await db
    .update(coopMeetings)
    .set({ minutes, minutesVersion: baseVersion + 1, minutesUpdatedBy: userId, minutesUpdatedAt: new Date() })
    .where(and(eq(coopMeetings.id, meeting.id), eq(coopMeetings.minutesVersion, baseVersion)))
    .returning();
  if (!row) {
    const [current] = await db.select().from(coopMeetings).where(eq(coopMeetings.id, meeting.id));
    const names = await userNames(db, [current?.minutesUpdatedBy]);
    // The other secretary's text comes back so the client can show both and let the writer merge.
    throw conflict({
      minutes: current?.minutes ?? '',
      minutesVersion: current?.minutesVersion ?? 0,
      minutesUpdatedBy: current?.minutesUpdatedBy ? (names.get(current.minutesUpdatedBy) ?? null) : null,
      minutesUpdatedAt: current?.minutesUpdatedAt?.toISOString() ?? null,
    });
  }
  return row;
}

/** Saves the minutes (autosave): only over the version the writer started from, else 409 with the current text. */
export async function saveMinutes(db: Db, regionId: string, meetingId: string, input: z.infer<typeof minutesInputSchema>, userId: string) {
  const meeting = await meetingRow(db, regionId, meetingId);
  const row = await writeMinutes(db, meeting, input.minutes, input.minutesVersion, userId);
  return { minutesVersion: row.minutesVersion, minutesUpdatedAt: row.minutesUpdatedAt!.toISOString() };
}

/** Records who attended (for the body's members only). */
export async function setAttendance(db: Db, region: RegionRow, meetingId: string, input: z.infer<typeof attendanceInputSchema>, viewer: Viewer & { userId: string }): Promise<MeetingDetail> {
  const meeting = await meetingRow(db, region.id, meetingId);
  const body = await getBody(db, region.id, meeting.bodyId);
  const members = new Set(body.members.map((member) => member.userId));
  const stranger = input.rows.findIndex((row) => !members.has(row.userId));
  if (stranger >= 0) throw fieldError(`rows.${stranger}.userId`, 'cooperative.errors.notInBody');
  await db.transaction(async (tx) => {
    for (const row of input.rows) {
      await tx.insert(coopAttendance).values({ meetingId, ...row }).onConflictDoUpdate({ target: [coopAttendance.meetingId, coopAttendance.userId], set: { status: row.status } });
    }
  });
  return getMeeting(db, region, meetingId, viewer);
}

/**
 * Records a decision of the meeting, numbered per region and year. When it decides a plan change
 * proposal, the proposal's decision (through the plans domain, which applies the change and writes the
 * plan's history), the decision and its line in the minutes commit in one transaction — or none of them.
 */
export async function recordDecision(db: Db, region: RegionRow, meetingId: string, input: z.infer<typeof decisionInputSchema>, viewer: Viewer & { userId: string; role: Role }) {
  const meeting = await meetingRow(db, region.id, meetingId);
  if (input.planActionId) {
    const [action] = await db.select({ id: planActions.id }).from(planActions).innerJoin(plans, eq(plans.id, planActions.planId)).where(and(eq(planActions.id, input.planActionId), eq(plans.regionId, region.id)));
    if (!action) throw fieldError('planActionId', 'cooperative.errors.actionNotInRegion');
  }
  let plan: Awaited<ReturnType<typeof loadPlan>> | null = null;
  if (input.proposalId) {
    const [proposal] = await db
      .select({ planId: planChangeProposals.planId })
      .from(planChangeProposals)
      .innerJoin(plans, eq(plans.id, planChangeProposals.planId))
      .where(and(eq(planChangeProposals.id, input.proposalId), eq(plans.regionId, region.id)));
    if (!proposal) throw fieldError('proposalId', 'cooperative.errors.proposalNotInRegion');
    plan = await loadPlan(db, region, proposal.planId, viewer.role);
  }
  const year = meeting.startsAt.getUTCFullYear();
  const decisionId = await db.transaction(async (tx) => {
    // Serialises numbering per region and year: the unique index would reject a duplicate, this avoids the retry.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`coop-decisions:${region.id}:${year}`}))`);
    const [last] = await tx.select({ number: max(coopDecisions.number) }).from(coopDecisions).where(and(eq(coopDecisions.regionId, region.id), eq(coopDecisions.year, year)));
    const number = (last?.number ?? 0) + 1;
    if (plan && input.proposalId) {
      await decideProposal(tx as unknown as Db, plan, input.proposalId, input.outcome, `${decisionReference(year, number)}: ${input.text}`, viewer.userId);
    }
    const [row] = await tx
      .insert(coopDecisions)
      .values({
        regionId: region.id,
        meetingId,
        year,
        number,
        text: input.text,
        proposalId: input.proposalId,
        proposalOutcome: input.proposalId ? input.outcome : null,
        planId: plan?.id ?? null,
        planActionId: input.planActionId,
        decidedBy: viewer.userId,
      })
      .returning();
    // The minutes carry the decision too: the secretary's unsaved text (when sent) plus the decision line.
    const [fresh] = await tx.select().from(coopMeetings).where(eq(coopMeetings.id, meetingId));
    const baseText = input.minutes ?? fresh!.minutes;
    const baseVersion = input.minutesVersion ?? fresh!.minutesVersion;
    const line = `Besluit ${decisionReference(year, number)}: ${input.text}`;
    await writeMinutes(tx, fresh!, `${baseText.trimEnd()}${baseText.trim() ? '\n\n' : ''}${line}\n`, baseVersion, viewer.userId);
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: 'coop_decision', entityId: row!.id, action: 'create', changes: { text: { before: null, after: input.text } } });
    return row!.id;
  });
  return (await listDecisions(db, region.id, meetingId)).find((decision) => decision.id === decisionId)!;
}

/** Adds an action point to a meeting (who, what, by when, optionally the plan action it belongs to). */
export async function createActionPoint(db: Db, regionId: string, meetingId: string, input: z.infer<typeof actionPointInputSchema>, userId: string) {
  await meetingRow(db, regionId, meetingId);
  await assertActionInRegion(db, regionId, input.planActionId);
  const [row] = await db.insert(coopActionPoints).values({ regionId, meetingId, ...input }).returning();
  await recordChange(db, { regionId, userId, entityType: 'coop_action_point', entityId: row!.id, action: 'create' });
  return row!;
}

async function assertActionInRegion(db: Executor, regionId: string, actionId: string | null): Promise<void> {
  if (!actionId) return;
  const [action] = await db.select({ id: planActions.id }).from(planActions).innerJoin(plans, eq(plans.id, planActions.planId)).where(and(eq(planActions.id, actionId), eq(plans.regionId, regionId)));
  if (!action) throw fieldError('planActionId', 'cooperative.errors.actionNotInRegion');
}

/** Changes an action point, e.g. its status (optimistic version). */
export async function updateActionPoint(db: Db, regionId: string, pointId: string, input: z.infer<typeof actionPointUpdateSchema>, userId: string) {
  assertUuid(pointId);
  await assertActionInRegion(db, regionId, input.planActionId);
  const { version, ...fields } = input;
  const [row] = await db
    .update(coopActionPoints)
    .set({ ...fields, version: version + 1 })
    .where(and(eq(coopActionPoints.id, pointId), eq(coopActionPoints.regionId, regionId), eq(coopActionPoints.version, version)))
    .returning();
  if (!row) {
    const [current] = await db.select().from(coopActionPoints).where(and(eq(coopActionPoints.id, pointId), eq(coopActionPoints.regionId, regionId)));
    if (!current) throw new AppError('NOT_FOUND');
    throw conflict(current);
  }
  await recordChange(db, { regionId, userId, entityType: 'coop_action_point', entityId: pointId, action: 'update' });
  return row;
}
