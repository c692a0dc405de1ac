import PDFDocument from 'pdfkit';
import type { TFunction } from 'i18next';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { RegionRow } from '../../http/access.js';
import { AppError } from '../../http/errors.js';
import { offers } from '../catalog/schema.js';
import { memberships, users } from '../accounts/schema.js';
import type { Mailer } from '../accounts/mailer.js';
import { recordChange } from '../audit/service.js';
import { formatDate } from '../../../common/format.js';
import { TRAJECTORY_HOURS_GOAL, type hoursInputSchema, type inboxSchema, type Placement, type placementInputSchema, type placementResponseSchema } from '../../../common/schemas/trajectories.js';
import { trajectoryConsents, trajectoryHours, trajectoryParticipants, trajectoryPlacements } from './schema.js';
import { assertId, participantForCoach } from './access.js';
import { placementsOf, type Viewer } from './service.js';
import { suggestPlacements } from './suggestions.js';
import { logParticipantRead } from './read-log.js';

/** Who logs hours: the participant's coach, or the organiser's partner (their own actor). */
export type HoursLogger = Viewer & { actorId: string | null };

/**
 * Tells the organiser's linked partners that a placement waits in their inbox. The mail names the
 * activity and the inbox link only: the participant's details stay behind the login and the consents.
 */
async function notifyOrganiser(db: Db, mailer: Mailer, actorId: string, offerTitle: string, inboxUrl: string, t: TFunction): Promise<void> {
  const partners = await db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.actorId, actorId), eq(memberships.role, 'editor')));
  for (const partner of partners) {
    await mailer.send({ to: partner.email, subject: t('trajectories.mail.subject', { offer: offerTitle }) as string, text: t('trajectories.mail.text', { offer: offerTitle, url: inboxUrl }) as string });
  }
}

/** Chooses an offer for the participant: a placement the organiser answers in their inbox (and is mailed about). Its reasons are kept as they were. */
export async function createPlacement(
  db: Db,
  region: RegionRow,
  participantId: string,
  input: z.infer<typeof placementInputSchema>,
  viewer: Viewer,
  t: TFunction,
  notify?: { mailer: Mailer; inboxUrl: string },
): Promise<Placement> {
  const participant = await participantForCoach(db, region, participantId, viewer.userId);
  const [offer] = await db.select({ id: offers.id, title: offers.title, organizerActorId: offers.organizerActorId }).from(offers).where(and(eq(offers.id, input.offerId), eq(offers.regionId, region.id)));
  if (!offer) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'offerId', message: '@trajectories.validation.offer' }]);
  // Only a current offer that is not already placed can be chosen: the same filter as the suggestions.
  const [fit] = await suggestPlacements(db, region, participant, t, offer.id);
  if (!fit) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'offerId', message: '@trajectories.validation.offer' }]);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trajectoryPlacements)
      .values({ regionId: region.id, participantId, offerId: offer.id, offerTitle: offer.title, organizerActorId: offer.organizerActorId, expectations: input.expectations, reasons: fit.reasons.map((reason) => reason.text), createdBy: viewer.userId })
      .returning({ id: trajectoryPlacements.id });
    if (participant.stage === 'verwijzing' || participant.stage === 'intake') {
      await tx.update(trajectoryParticipants).set({ stage: 'zoektocht', version: sql`${trajectoryParticipants.version} + 1`, updatedAt: new Date() }).where(eq(trajectoryParticipants.id, participantId));
    }
    await recordChange(tx, { regionId: region.id, userId: viewer.userId, entityType: 'trajectory_placement', entityId: row!.id, action: 'create' });
    return row!.id;
  });
  if (notify && offer.organizerActorId) await notifyOrganiser(db, notify.mailer, offer.organizerActorId, offer.title, notify.inboxUrl, t);
  return (await placementsOf(db, participantId)).find((placement) => placement.id === id)!;
}

async function placementForLogger(db: Db, region: RegionRow, placementId: string, logger: HoursLogger) {
  assertId(placementId);
  const [row] = await db
    .select({ placement: trajectoryPlacements, coachUserId: trajectoryParticipants.coachUserId })
    .from(trajectoryPlacements)
    .innerJoin(trajectoryParticipants, eq(trajectoryParticipants.id, trajectoryPlacements.participantId))
    .where(and(eq(trajectoryPlacements.id, placementId), eq(trajectoryPlacements.regionId, region.id)));
  const mine = row && (row.coachUserId === logger.userId || (logger.role === 'editor' && logger.actorId !== null && row.placement.organizerActorId === logger.actorId));
  if (!mine) throw new AppError('NOT_FOUND');
  return { ...row.placement, coachUserId: row.coachUserId };
}

/** The organiser accepts, proposes another moment, or declines a placement (optimistic version). */
export async function respondToPlacement(db: Db, region: RegionRow, placementId: string, input: z.infer<typeof placementResponseSchema>, logger: HoursLogger): Promise<void> {
  const placement = await placementForLogger(db, region, placementId, logger);
  if (placement.organizerActorId !== logger.actorId) throw new AppError('NOT_FOUND');
  const [row] = await db
    .update(trajectoryPlacements)
    .set({ status: input.answer, partnerMessage: input.message, respondedBy: logger.userId, respondedAt: new Date(), version: input.version + 1 })
    .where(and(eq(trajectoryPlacements.id, placementId), eq(trajectoryPlacements.version, input.version)))
    .returning({ id: trajectoryPlacements.id });
  if (!row) throw new AppError('CONFLICT');
}

/** Logs attended hours on an accepted placement (coach or organiser). */
export async function logHours(db: Db, region: RegionRow, placementId: string, input: z.infer<typeof hoursInputSchema>, logger: HoursLogger): Promise<{ hours: number }> {
  const placement = await placementForLogger(db, region, placementId, logger);
  if (placement.status !== 'aanvaard') throw new AppError('PLACEMENT_NOT_ACCEPTED');
  await db.insert(trajectoryHours).values({ placementId, participantId: placement.participantId, attendedOn: input.attendedOn, hours: String(input.hours), loggedBy: logger.userId });
  const [total] = await db.select({ hours: sql<string>`coalesce(sum(${trajectoryHours.hours}), 0)` }).from(trajectoryHours).where(eq(trajectoryHours.participantId, placement.participantId));
  // The answer is the participant's total over all placements: an organiser reading it is logged.
  await logParticipantRead(db, { regionId: region.id, readerId: logger.userId, source: 'hours', participants: [{ id: placement.participantId, coachUserId: placement.coachUserId }] });
  return { hours: Number(total!.hours) };
}

/**
 * The organiser's inbox: placements at their organisation, with only what the participant agreed to
 * share (first name, languages and Dutch level, what to expect); otherwise just the pseudonymous code.
 */
export async function placementInbox(db: Db, region: RegionRow, actorId: string, readerId: string): Promise<z.infer<typeof inboxSchema>> {
  const rows = await db
    .select({ placement: trajectoryPlacements, participant: trajectoryParticipants })
    .from(trajectoryPlacements)
    .innerJoin(trajectoryParticipants, eq(trajectoryParticipants.id, trajectoryPlacements.participantId))
    .where(and(eq(trajectoryPlacements.regionId, region.id), eq(trajectoryPlacements.organizerActorId, actorId)))
    .orderBy(asc(trajectoryPlacements.createdAt));
  const ids = rows.map((row) => row.participant.id);
  const consents = ids.length ? await db.select({ participantId: trajectoryConsents.participantId, kind: trajectoryConsents.kind }).from(trajectoryConsents).where(and(inArray(trajectoryConsents.participantId, ids), isNull(trajectoryConsents.withdrawnOn))) : [];
  const agreed = (participantId: string, kind: string) => consents.some((consent) => consent.participantId === participantId && consent.kind === kind);
  const hours = rows.length
    ? await db.select({ placementId: trajectoryHours.placementId, hours: sql<string>`sum(${trajectoryHours.hours})` }).from(trajectoryHours).where(inArray(trajectoryHours.placementId, rows.map((row) => row.placement.id))).groupBy(trajectoryHours.placementId)
    : [];
  // Someone other than the coach read participants' records: logged per participant, not what was shown.
  await logParticipantRead(db, { regionId: region.id, readerId, source: 'inbox', participants: rows.map((row) => row.participant) });
  return {
    placements: rows.map(({ placement, participant }) => ({
      id: placement.id,
      participantCode: participant.code,
      firstName: agreed(participant.id, 'delen-voornaam') ? participant.firstName : null,
      languages: agreed(participant.id, 'delen-talen') ? participant.languages : null,
      dutchLevel: agreed(participant.id, 'delen-talen') ? participant.dutchLevel : null,
      expectations: agreed(participant.id, 'delen-verwachtingen') ? placement.expectations : null,
      offerTitle: placement.offerTitle,
      status: placement.status,
      partnerMessage: placement.partnerMessage,
      hours: Number(hours.find((entry) => entry.placementId === placement.id)?.hours ?? 0),
      createdAt: placement.createdAt.toISOString(),
      version: placement.version,
    })),
  };
}

/** A certificate-style summary of the trajectory as PDF, once the participant reached 40 hours (409 before). */
export async function certificatePdf(db: Db, region: RegionRow, participantId: string, viewer: Viewer, t: TFunction): Promise<Buffer> {
  const participant = await participantForCoach(db, region, participantId, viewer.userId);
  const placements = (await placementsOf(db, participantId)).filter((placement) => placement.hours > 0);
  const total = placements.reduce((sum, placement) => sum + placement.hours, 0);
  if (total < TRAJECTORY_HOURS_GOAL) throw new AppError('HOURS_GOAL_NOT_REACHED', { hours: total, goal: TRAJECTORY_HOURS_GOAL });
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: t('trajectories.certificate.title') as string, Creator: 'Regiekamer' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10).fillColor('#555555').text(region.name, { align: 'center' });
  doc.moveDown(2).font('Helvetica-Bold').fontSize(22).fillColor('#1f3a5f').text(t('trajectories.certificate.title') as string, { align: 'center' });
  doc.moveDown(1).font('Helvetica').fontSize(13).fillColor('#000000').text(t('trajectories.certificate.body', { name: participant.firstName ?? participant.code, hours: total.toLocaleString('nl-BE') }) as string, { align: 'center' });
  doc.moveDown(1.5).fontSize(11);
  for (const placement of placements) {
    doc.text(`• ${placement.offerTitle}${placement.organizerName ? ` — ${placement.organizerName}` : ''}: ${placement.hours.toLocaleString('nl-BE')} ${t('trajectories.hoursUnit') as string}`);
  }
  if (participant.continuesAfter) doc.moveDown(1).text(t('trajectories.certificate.continues') as string);
  doc.moveDown(2).fontSize(10).fillColor('#555555').text(`${t('trajectories.certificate.date') as string}: ${formatDate(new Date().toISOString().slice(0, 10))}`, { align: 'center' });
  doc.end();
  return done;
}
