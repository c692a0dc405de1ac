import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { ownActorIdsBySlug } from '../../policy/policy.js';
import { requestTranslator } from '../../http/errors.js';
import {
  buddyFiguresSchema,
  buddyOverviewSchema,
  buddySuggestionListSchema,
  duoInputSchema,
  duoMeetingInputSchema,
  duoSchema,
  duoUpdateSchema,
  learningNetworkInputSchema,
  programmeDetailSchema,
  programmeInputSchema,
  volunteerInputSchema,
  volunteerSchema,
  volunteerUpdateSchema,
} from '../../../common/schemas/buddies.js';
import { addVolunteer, buddyOverview, createDuo, logDuoMeeting, programmeDetail, registerProgramme, setLearningNetwork, shownBuddyFigures, suggestBuddies, updateDuo, updateVolunteer, type BuddyViewer } from './service.js';

const slugParams = z.object({ slug: z.string() });
const programmeParams = z.object({ slug: z.string(), programmeId: z.string() });
const volunteerParams = z.object({ slug: z.string(), volunteerId: z.string() });
const duoParams = z.object({ slug: z.string(), duoId: z.string() });
const participantParams = z.object({ slug: z.string(), participantId: z.string() });
const tags = ['buddywerking'];
const base = '/regions/:slug/buddies';

/** The caller's own organisation in the region (partners and coordinators act only for it). */
const ownActorIds = (request: FastifyRequest, slug: string): string[] => ownActorIdsBySlug(request.user, slug);

/** The buddy network's routes: programmes and pools, pairing suggestions, duos and their meetings, the learning network. */
export async function buddiesRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;
  const viewerOf = (user: { id: string }, role: BuddyViewer['role'], actorIds: string[]): BuddyViewer => ({ userId: user.id, role, actorId: actorIds[0] ?? null });

  app.get(
    base,
    { config: { policy: 'buddy.read' }, schema: { tags, summary: 'De buddywerkingen met hun aantallen en het lerend netwerk', params: slugParams, response: { 200: buddyOverviewSchema, ...errorResponses } } },
    async (request) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.read', { actorIds });
      return buddyOverview(db(), region, viewerOf(user, role, actorIds));
    },
  );

  app.get(
    `${base}/figures`,
    { config: { policy: 'trajectory.monitoring.read' }, schema: { tags, summary: 'Pseudonieme cijfers van de buddywerking (geen aantal onder 5)', params: slugParams, response: { 200: buddyFiguresSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'trajectory.monitoring.read');
      return shownBuddyFigures(db(), region.id);
    },
  );

  app.post(
    `${base}/programmes`,
    { config: { policy: 'buddy.programme.manage' }, schema: { tags, summary: 'Voegt een organisatie van de kaart toe als buddywerking', params: slugParams, body: programmeInputSchema, response: { 201: z.object({ id: z.string() }), ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'buddy.programme.manage');
      return reply.code(201).send(await registerProgramme(db(), region, request.body, user.id));
    },
  );

  app.put(
    `${base}/learning-network`,
    { config: { policy: 'buddy.programme.manage' }, schema: { tags, summary: 'Koppelt de werkgroep van de coöperatie die het lerend netwerk is', params: slugParams, body: learningNetworkInputSchema, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'buddy.programme.manage');
      await setLearningNetwork(db(), region, request.body.bodyId, user.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${base}/programmes/:programmeId`,
    { config: { policy: 'buddy.read' }, schema: { tags, summary: 'Een buddywerking met haar buddy’s en duo’s', params: programmeParams, response: { 200: programmeDetailSchema, ...errorResponses } } },
    async (request) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.read', { actorIds });
      return programmeDetail(db(), region, request.params.programmeId, viewerOf(user, role, actorIds));
    },
  );

  app.post(
    `${base}/programmes/:programmeId/volunteers`,
    { config: { policy: 'buddy.pool.manage' }, schema: { tags, summary: 'Voegt een buddy toe aan de werking', params: programmeParams, body: volunteerInputSchema, response: { 201: z.object({ id: z.string() }), ...errorResponses } } },
    async (request, reply) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.pool.manage', { actorIds });
      return reply.code(201).send(await addVolunteer(db(), region, request.params.programmeId, request.body, viewerOf(user, role, actorIds)));
    },
  );

  app.put(
    `${base}/volunteers/:volunteerId`,
    { config: { policy: 'buddy.pool.manage' }, schema: { tags, summary: 'Wijzigt een buddy of zet hem op niet actief (versie)', params: volunteerParams, body: volunteerUpdateSchema, response: { 200: volunteerSchema, ...errorResponses } } },
    async (request) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.pool.manage', { actorIds });
      return updateVolunteer(db(), region, request.params.volunteerId, request.body, viewerOf(user, role, actorIds));
    },
  );

  app.get(
    `${base}/suggestions/:participantId`,
    { config: { policy: 'buddy.pair' }, schema: { tags, summary: 'Buddy’s met plaats voor een eigen deelnemer, gerangschikt met redenen', params: participantParams, response: { 200: buddySuggestionListSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.pair');
      return suggestBuddies(db(), region, request.params.participantId, viewerOf(user, role, []), requestTranslator(request));
    },
  );

  app.post(
    `${base}/duos`,
    { config: { policy: 'buddy.pair' }, schema: { tags, summary: 'Vormt een duo van een eigen deelnemer en een buddy', params: slugParams, body: duoInputSchema, response: { 201: duoSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.pair');
      return reply.code(201).send(await createDuo(db(), region, request.body, viewerOf(user, role, []), requestTranslator(request)));
    },
  );

  app.patch(
    `${base}/duos/:duoId`,
    { config: { policy: 'buddy.duo.update' }, schema: { tags, summary: 'Wijzigt de status van een duo (versie)', params: duoParams, body: duoUpdateSchema, response: { 200: duoSchema, ...errorResponses } } },
    async (request) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.duo.update', { actorIds });
      return updateDuo(db(), region, request.params.duoId, request.body, viewerOf(user, role, actorIds));
    },
  );

  app.post(
    `${base}/duos/:duoId/meetings`,
    { config: { policy: 'buddy.duo.update' }, schema: { tags, summary: 'Registreert een ontmoeting van een duo', params: duoParams, body: duoMeetingInputSchema, response: { 201: duoSchema, ...errorResponses } } },
    async (request, reply) => {
      const actorIds = ownActorIds(request, request.params.slug);
      const { region, user, role } = await authorize(request, request.params.slug, 'buddy.duo.update', { actorIds });
      return reply.code(201).send(await logDuoMeeting(db(), region, request.params.duoId, request.body, viewerOf(user, role, actorIds)));
    },
  );
}
