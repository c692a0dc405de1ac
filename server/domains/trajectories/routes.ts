import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { memberCan, ownActorIdsBySlug } from '../../policy/policy.js';
import { requestTranslator } from '../../http/errors.js';
import {
  assignInputSchema,
  consentInputSchema,
  handoverInputSchema,
  hoursInputSchema,
  inboxSchema,
  monitoringSchema,
  participantDetailSchema,
  participantInputSchema,
  participantListSchema,
  participantUpdateSchema,
  placementInputSchema,
  placementResponseSchema,
  placementSchema,
  stepInputSchema,
  suggestionListSchema,
  participantReadListSchema,
  trajectorySettingsSchema,
  trajectorySettingsUpdateSchema,
} from '../../../common/schemas/trajectories.js';
import { addConsent, addStep, assignCoach, eraseParticipant, exportParticipant, getParticipant, handOver, listParticipants, referParticipant, updateParticipant, withdrawConsent } from './service.js';
import { participantForCoach } from './access.js';
import { suggestPlacements } from './suggestions.js';
import { certificatePdf, createPlacement, logHours, placementInbox, respondToPlacement } from './placements.js';
import { monitoringExtraSheets, monitoringFigures, monitoringXlsx } from './monitoring.js';
import { getTrajectorySettings, updateTrajectorySettings } from './settings.js';
import { participantPdf } from './export-pdf.js';
import { listParticipantReads, logParticipantRead } from './read-log.js';

const slugParams = z.object({ slug: z.string() });
const participantParams = z.object({ slug: z.string(), participantId: z.string() });
const consentParams = z.object({ slug: z.string(), participantId: z.string(), consentId: z.string() });
const placementParams = z.object({ slug: z.string(), placementId: z.string() });
const tags = ['trajecten'];
const base = '/regions/:slug/trajectories';

/** The caller's own organisation in the region (partners and coordinators act only for it). */
const ownActorIds = (request: FastifyRequest, slug: string): string[] => ownActorIdsBySlug(request.user, slug);

/** The trajectories domain's routes: referrals, the coach's record, placements and hours, the partner's inbox, figures. */
export async function trajectoriesRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    `${base}/participants`,
    { config: { policy: 'trajectory.read' }, schema: { tags, summary: 'De eigen deelnemers (coach) of de eigen verwijzingen (trajectbegeleider)', params: slugParams, response: { 200: participantListSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.read');
      return listParticipants(db(), region, { userId: user.id, role });
    },
  );

  app.post(
    `${base}/participants`,
    { config: { policy: 'trajectory.refer' }, schema: { tags, summary: 'Verwijst een inburgeraar (met toestemming voor het traject)', params: slugParams, body: participantInputSchema, response: { 201: z.object({ id: z.string(), code: z.string() }), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.refer');
      return reply.code(201).send(await referParticipant(db(), region, request.body, { userId: user.id, role }));
    },
  );

  app.get(
    `${base}/participants/:participantId`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Het dossier van een deelnemer (enkel de eigen coach)', params: participantParams, response: { 200: participantDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return getParticipant(db(), region, request.params.participantId, { userId: user.id, role });
    },
  );

  app.put(
    `${base}/participants/:participantId`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Vult het dossier aan na de intake (versie)', params: participantParams, body: participantUpdateSchema, response: { 200: participantDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return updateParticipant(db(), region, request.params.participantId, request.body, { userId: user.id, role });
    },
  );

  app.delete(
    `${base}/participants/:participantId`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Wist een deelnemer en alles over hem of haar (recht op vergetelheid)', params: participantParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      await eraseParticipant(db(), region, request.params.participantId, { userId: user.id, role });
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/participants/:participantId/export`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Alles over een deelnemer als JSON (recht op inzage)', params: participantParams, response: { 200: z.record(z.string(), z.unknown()), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      const data = await exportParticipant(db(), region, request.params.participantId, { userId: user.id, role });
      reply.header('content-disposition', `attachment; filename="deelnemer-${(data.participant as { code: string }).code}.json"`);
      return data;
    },
  );

  app.post(
    `${base}/participants/:participantId/steps`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Legt een stap van het traject vast', params: participantParams, body: stepInputSchema, response: { 200: participantDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return addStep(db(), region, request.params.participantId, request.body, { userId: user.id, role });
    },
  );

  app.post(
    `${base}/participants/:participantId/consents`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Legt een toestemming vast (wat, wanneer, door wie)', params: participantParams, body: consentInputSchema, response: { 200: participantDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return addConsent(db(), region, request.params.participantId, request.body, { userId: user.id, role });
    },
  );

  app.post(
    `${base}/participants/:participantId/consents/:consentId/withdraw`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Trekt een toestemming in', params: consentParams, response: { 200: participantDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return withdrawConsent(db(), region, request.params.participantId, request.params.consentId, { userId: user.id, role });
    },
  );

  app.post(
    `${base}/participants/:participantId/handover`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Draagt de deelnemer over aan een andere coach', params: participantParams, body: handoverInputSchema, response: { 200: z.object({ coach: z.object({ id: z.string(), name: z.string() }) }), ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      return handOver(db(), region, request.params.participantId, request.body, { userId: user.id, role });
    },
  );

  app.get(
    `${base}/participants/:participantId/suggestions`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Lopend aanbod gerangschikt op hoe goed het past, met redenen', params: participantParams, response: { 200: suggestionListSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'trajectory.coach');
      const participant = await participantForCoach(db(), region, request.params.participantId, user.id);
      return { suggestions: await suggestPlacements(db(), region, participant, requestTranslator(request)) };
    },
  );

  app.post(
    `${base}/participants/:participantId/placements`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Kiest een aanbod: een plaats die de organisatie beantwoordt', params: participantParams, body: placementInputSchema, response: { 201: placementSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      const notify = { mailer: app.ctx.mailer, inboxUrl: `${app.ctx.publicUrl(request)}/r/${region.slug}/trajecten/plaatsen` };
      return reply.code(201).send(await createPlacement(db(), region, request.params.participantId, request.body, { userId: user.id, role }, requestTranslator(request), notify));
    },
  );

  app.get(
    `${base}/participants/:participantId/certificate.pdf`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Het attest (PDF) na 40 uur', params: participantParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      const bytes = await certificatePdf(db(), region, request.params.participantId, { userId: user.id, role }, requestTranslator(request));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', 'attachment; filename="attest-participatietraject.pdf"');
      return reply.send(bytes);
    },
  );

  app.post(
    `${base}/placements/:placementId/hours`,
    { config: { policy: 'trajectory.hours.log' }, schema: { tags, summary: 'Registreert gevolgde uren op een aanvaarde plaats', params: placementParams, body: hoursInputSchema, response: { 201: z.object({ hours: z.number() }), ...errorResponses } } },
    async (request, reply) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.hours.log', { actorIds });
      return reply.code(201).send(await logHours(db(), region, request.params.placementId, request.body, { userId: user.id, role, actorId: actorIds[0] ?? null }));
    },
  );

  app.get(
    `${base}/inbox`,
    { config: { policy: 'trajectory.partner' }, schema: { tags, summary: 'Plaatsen bij de eigen organisatie (enkel wat de deelnemer wil delen)', params: slugParams, response: { 200: inboxSchema, ...errorResponses } } },
    async (request) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user } = await authorize(request, request.params.slug, 'trajectory.partner', { actorIds });
      return placementInbox(db(), region, actorIds[0]!, user.id);
    },
  );

  app.post(
    `${base}/placements/:placementId/response`,
    { config: { policy: 'trajectory.partner' }, schema: { tags, summary: 'Aanvaardt een plaats, stelt een ander moment voor of weigert', params: placementParams, body: placementResponseSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.partner', { actorIds });
      await respondToPlacement(db(), region, request.params.placementId, request.body, { userId: user.id, role, actorId: actorIds[0]! });
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/monitoring`,
    { config: { policy: 'trajectory.monitoring.read' }, schema: { tags, summary: 'Pseudonieme cijfers (geen groep onder 5 personen)', params: slugParams, response: { 200: monitoringSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.monitoring.read');
      const figures = await monitoringFigures(db(), region, { withAssignment: memberCan({ role }, 'trajectory.assign') });
      // The waiting referrals (code, municipality, date) are participants' data read by the admin: logged (decision 031).
      await logParticipantRead(db(), { regionId: region.id, readerId: user.id, source: 'unassigned', participants: figures.unassigned.map(({ id }) => ({ id, coachUserId: null })) });
      return figures;
    },
  );

  app.get(
    `${base}/monitoring.xlsx`,
    { config: { policy: 'trajectory.monitoring.read' }, schema: { tags, summary: 'De pseudonieme cijfers als XLSX', params: slugParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'trajectory.monitoring.read');
      const t = requestTranslator(request);
      const bytes = await monitoringXlsx(await monitoringFigures(db(), region, { withAssignment: false }), t, await monitoringExtraSheets(db(), region.id, t));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', 'attachment; filename="trajecten-cijfers.xlsx"');
      return reply.send(bytes);
    },
  );

  app.post(
    `${base}/participants/:participantId/coach`,
    { config: { policy: 'trajectory.assign' }, schema: { tags, summary: 'Wijst een wachtende verwijzing toe aan een coach', params: participantParams, body: assignInputSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.assign');
      await assignCoach(db(), region, request.params.participantId, request.body.coachId, { userId: user.id, role });
      return reply.code(204).send(null);
    },
  );

  // --- Privacy per region, the PDF export and the read log (decision 031) ---

  app.get(
    `${base}/settings`,
    { config: { policy: 'trajectory.settings.manage' }, schema: { tags, summary: 'Doel en bewaartermijn van de persoonsgegevens (regisseur)', params: slugParams, response: { 200: trajectorySettingsSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'trajectory.settings.manage');
      return getTrajectorySettings(db(), region);
    },
  );

  app.put(
    `${base}/settings`,
    { config: { policy: 'trajectory.settings.manage' }, schema: { tags, summary: 'Wijzigt doel en bewaartermijn; 409 bij een verouderde versie', params: slugParams, body: trajectorySettingsUpdateSchema, response: { 200: trajectorySettingsSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'trajectory.settings.manage');
      return updateTrajectorySettings(db(), region, request.body, user.id);
    },
  );

  app.get(
    `${base}/participants/:participantId/export.pdf`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Alles over een deelnemer als PDF (recht op inzage; enkel de eigen coach)', params: participantParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'trajectory.coach');
      const { code, bytes } = await participantPdf(db(), region, request.params.participantId, { userId: user.id, role }, requestTranslator(request));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="deelnemer-${code}.pdf"`);
      return reply.send(bytes);
    },
  );

  app.get(
    `${base}/participants/:participantId/reads`,
    { config: { policy: 'trajectory.coach' }, schema: { tags, summary: 'Wie behalve de coach de gegevens van de deelnemer zag, wanneer en waar (enkel de eigen coach)', params: participantParams, response: { 200: participantReadListSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'trajectory.coach');
      return listParticipantReads(db(), region, request.params.participantId, user.id);
    },
  );
}
