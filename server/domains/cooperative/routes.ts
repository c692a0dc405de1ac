import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { memberCan } from '../../policy/policy.js';
import { AppError, requestTranslator } from '../../http/errors.js';
import { listMemberships } from './directory.js';
import {
  actionPointInputSchema,
  actionPointSchema,
  actionPointUpdateSchema,
  attendanceInputSchema,
  bodyInputSchema,
  bodySchema,
  bodyUpdateSchema,
  cooperativeOverviewSchema,
  decisionInputSchema,
  decisionSchema,
  digestPreviewSchema,
  financingListSchema,
  financingSharesInputSchema,
  financingYearInputSchema,
  financingYearSchema,
  financingYearUpdateSchema,
  invitationsSentSchema,
  meetingDetailSchema,
  meetingInputSchema,
  meetingListSchema,
  meetingUpdateSchema,
  memberInputSchema,
  memberSchema,
  memberUpdateSchema,
  minutesInputSchema,
  minutesSavedSchema,
  notificationSettingsSchema,
  outboxSchema,
  newsletterDetailSchema,
  newsletterDraftInputSchema,
  newsletterListSchema,
  newsletterSchema,
  newsletterSendResultSchema,
  newsletterSendSchema,
  newsletterUpdateSchema,
} from '../../../common/schemas/cooperative.js';
import { composeNewsletterDraft, getNewsletter, listNewsletters, sendNewsletter, updateNewsletter } from './newsletter.js';
import {
  createBody,
  createFinancingYear,
  createMember,
  deleteMember,
  financingYearXlsx,
  getFinancingYear,
  listBodies,
  listFinancingYears,
  listMembers,
  updateBody,
  updateFinancingShares,
  updateFinancingYear,
  updateMember,
} from './service.js';
import { createActionPoint, getMeeting, listDecisions, listMeetings, recordDecision, saveMinutes, setAttendance, updateActionPoint, updateMeeting, createMeeting } from './meetings.js';
import { minutesToPdf, sendMeetingInvitations } from './meeting-documents.js';
import { collectDigestItems, getNotificationSettings, listOutbox, setNotificationSettings } from './communication.js';

const slugParams = z.object({ slug: z.string() });
const idParams = z.object({ slug: z.string(), id: z.string() });
const tags = ['cooperatie'];

/** The cooperative domain's routes: cooperants, bodies, co-financing, meetings, decisions, communication. */
export async function cooperativeRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    '/regions/:slug/cooperative',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'Coöperanten en de stuur- en werkgroepen (met kandidaten voor de regisseur)', params: slugParams, response: { 200: cooperativeOverviewSchema, ...errorResponses } } },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'coop.read');
      const canManage = memberCan({ role }, 'coop.manage');
      return { members: await listMembers(db(), region.id), bodies: await listBodies(db(), region.id), canManage, candidates: canManage ? await listMemberships(db(), region.id) : null };
    },
  );

  app.post(
    '/regions/:slug/cooperative/members',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Maakt een actor coöperant', params: slugParams, body: memberInputSchema, response: { 201: memberSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(201).send(await createMember(db(), region.id, request.body, user.id));
    },
  );

  app.put(
    '/regions/:slug/cooperative/members/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wijzigt een lidmaatschap (versie)', params: idParams, body: memberUpdateSchema, response: { 200: memberSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return updateMember(db(), region.id, request.params.id, request.body, user.id);
    },
  );

  app.delete(
    '/regions/:slug/cooperative/members/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Beëindigt een lidmaatschap', params: idParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      await deleteMember(db(), region.id, request.params.id, user.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/regions/:slug/cooperative/bodies',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Richt de stuurgroep of een werkgroep op, met leden en rollen', params: slugParams, body: bodyInputSchema, response: { 201: bodySchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(201).send(await createBody(db(), region.id, request.body, user.id));
    },
  );

  app.put(
    '/regions/:slug/cooperative/bodies/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wijzigt een groep en haar leden (versie)', params: idParams, body: bodyUpdateSchema, response: { 200: bodySchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return updateBody(db(), region.id, request.params.id, request.body, user.id);
    },
  );

  app.get(
    '/regions/:slug/cooperative/financing',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'De werkjaren van de cofinanciering en de financieringsbronnen van de plannen', params: slugParams, response: { 200: financingListSchema, ...errorResponses } } },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'coop.read');
      return { ...(await listFinancingYears(db(), region.id)), canManage: memberCan({ role }, 'coop.manage') };
    },
  );

  app.post(
    '/regions/:slug/cooperative/financing',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Opent een werkjaar met budget en verdeelsleutel', params: slugParams, body: financingYearInputSchema, response: { 201: financingYearSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(201).send(await createFinancingYear(db(), region.id, request.body, user.id));
    },
  );

  app.get(
    '/regions/:slug/cooperative/financing/:id',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'Een werkjaar: bijdrage per coöperant volgens de sleutel, ontvangen en openstaand', params: idParams, response: { 200: financingYearSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'coop.read');
      return getFinancingYear(db(), region.id, request.params.id);
    },
  );

  app.put(
    '/regions/:slug/cooperative/financing/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wijzigt budget, sleutel of koppeling met het plan (versie)', params: idParams, body: financingYearUpdateSchema, response: { 200: financingYearSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return updateFinancingYear(db(), region.id, request.params.id, request.body, user.id);
    },
  );

  app.put(
    '/regions/:slug/cooperative/financing/:id/shares',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Schrijft de vaste tabel en de ontvangen bedragen (één transactie, versie)', params: idParams, body: financingSharesInputSchema, response: { 200: financingYearSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return updateFinancingShares(db(), region.id, request.params.id, request.body, user.id);
    },
  );

  app.get(
    '/regions/:slug/cooperative/financing/:id/export.xlsx',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'De bijdragetabel van een werkjaar als Excel-bestand', params: idParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'coop.read');
      const year = await getFinancingYear(db(), region.id, request.params.id);
      const bytes = await financingYearXlsx(year, region.name, requestTranslator(request));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="cofinanciering-${year.year}.xlsx"`);
      return reply.send(bytes);
    },
  );

  app.get(
    '/regions/:slug/cooperative/meetings',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'Komende en voorbije vergaderingen', params: slugParams, response: { 200: meetingListSchema, ...errorResponses } } },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'coop.read');
      return { ...(await listMeetings(db(), region.id)), canManage: memberCan({ role }, 'coop.manage') };
    },
  );

  app.post(
    '/regions/:slug/cooperative/meetings',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Plant een vergadering met agenda', params: slugParams, body: meetingInputSchema, response: { 201: meetingDetailSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(201).send(await createMeeting(db(), region, request.body, user.id));
    },
  );

  app.get(
    '/regions/:slug/cooperative/meetings/:id',
    { config: { policy: 'coop.meeting.read' }, schema: { tags, summary: 'Een vergadering: agenda, aanwezigheden, quorum, verslag, besluiten, actiepunten', params: idParams, response: { 200: meetingDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'coop.meeting.read');
      return getMeeting(db(), region, request.params.id, { userId: user?.id ?? null, role });
    },
  );

  app.put(
    '/regions/:slug/cooperative/meetings/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wijzigt datum, plaats, zichtbaarheid en agenda (versie)', params: idParams, body: meetingUpdateSchema, response: { 200: meetingDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'coop.manage');
      return updateMeeting(db(), region, request.params.id, request.body, { userId: user.id, role });
    },
  );

  app.put(
    '/regions/:slug/cooperative/meetings/:id/minutes',
    {
      config: { policy: 'coop.minutes.write' },
      schema: { tags, summary: 'Bewaart het verslag (automatisch); 409 met de actuele tekst als iemand anders intussen bewaarde', params: idParams, body: minutesInputSchema, response: { 200: minutesSavedSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.minutes.write');
      return saveMinutes(db(), region.id, request.params.id, request.body, user.id);
    },
  );

  app.put(
    '/regions/:slug/cooperative/meetings/:id/attendance',
    { config: { policy: 'coop.minutes.write' }, schema: { tags, summary: 'Houdt de aanwezigheden bij', params: idParams, body: attendanceInputSchema, response: { 200: meetingDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'coop.minutes.write');
      return setAttendance(db(), region, request.params.id, request.body, { userId: user.id, role });
    },
  );

  app.post(
    '/regions/:slug/cooperative/meetings/:id/decisions',
    {
      config: { policy: 'coop.decide' },
      schema: { tags, summary: 'Legt een besluit vast (genummerd per jaar); over een voorstel: voorstel, plangeschiedenis en verslag in één transactie', params: idParams, body: decisionInputSchema, response: { 201: decisionSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'coop.decide');
      return reply.code(201).send(await recordDecision(db(), region, request.params.id, request.body, { userId: user.id, role }));
    },
  );

  app.post(
    '/regions/:slug/cooperative/meetings/:id/action-points',
    { config: { policy: 'coop.minutes.write' }, schema: { tags, summary: 'Voegt een actiepunt toe (wie, wat, tegen wanneer)', params: idParams, body: actionPointInputSchema, response: { 201: z.object({ id: z.string() }), ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.minutes.write');
      const row = await createActionPoint(db(), region.id, request.params.id, request.body, user.id);
      return reply.code(201).send({ id: row.id });
    },
  );

  app.put(
    '/regions/:slug/cooperative/action-points/:id',
    { config: { policy: 'coop.minutes.write' }, schema: { tags, summary: 'Wijzigt een actiepunt, bv. de status (versie)', params: idParams, body: actionPointUpdateSchema, response: { 200: actionPointSchema.pick({ id: true, status: true, version: true }), ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.minutes.write');
      const row = await updateActionPoint(db(), region.id, request.params.id, request.body, user.id);
      return { id: row.id, status: row.status, version: row.version };
    },
  );

  app.post(
    '/regions/:slug/cooperative/meetings/:id/invitations',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Mailt de uitnodiging met iCal-bijlage naar de leden van de groep', params: idParams, response: { 200: invitationsSentSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      const from = /<([^>]+)>/.exec(app.ctx.env.MAIL_FROM)?.[1] ?? app.ctx.env.MAIL_FROM;
      return sendMeetingInvitations(db(), app.ctx.mailer, region, request.params.id, { baseUrl: app.ctx.publicUrl(request), userId: user.id, t: requestTranslator(request), from });
    },
  );

  app.get(
    '/regions/:slug/cooperative/meetings/:id/minutes.pdf',
    { config: { policy: 'coop.meeting.read' }, schema: { tags, summary: 'Het verslag als PDF (publiek of enkel leden, per vergadering)', params: idParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'coop.meeting.read');
      const meeting = await getMeeting(db(), region, request.params.id, { userId: user?.id ?? null, role });
      // Members-only minutes do not exist for others (as draft plans do not).
      if (meeting.minutes === null) throw new AppError('NOT_FOUND');
      const bytes = await minutesToPdf(meeting, region.name, requestTranslator(request));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="verslag-${meeting.startsAt.slice(0, 10)}.pdf"`);
      return reply.send(bytes);
    },
  );

  app.get(
    '/regions/:slug/cooperative/decisions',
    { config: { policy: 'coop.read' }, schema: { tags, summary: 'Alle besluiten van de regio, nieuwste eerst', params: slugParams, response: { 200: z.object({ items: z.array(decisionSchema) }), ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'coop.read');
      return { items: await listDecisions(db(), region.id) };
    },
  );

  app.get(
    '/regions/:slug/cooperative/notification-settings',
    { config: { policy: 'coop.settings' }, schema: { tags, summary: 'De eigen meldingsinstellingen', params: slugParams, response: { 200: notificationSettingsSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.settings');
      return getNotificationSettings(db(), user.id, region.id);
    },
  );

  app.put(
    '/regions/:slug/cooperative/notification-settings',
    { config: { policy: 'coop.settings' }, schema: { tags, summary: 'Wijzigt de eigen meldingsinstellingen', params: slugParams, body: notificationSettingsSchema, response: { 200: notificationSettingsSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.settings');
      return setNotificationSettings(db(), user.id, region.id, request.body);
    },
  );

  app.get(
    '/regions/:slug/cooperative/digest-preview',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wat de wekelijkse digest van de voorbije zeven dagen zou melden', params: slugParams, response: { 200: digestPreviewSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'coop.manage');
      const to = new Date();
      const from = new Date(to.getTime() - 7 * 86_400_000);
      return { since: from.toISOString(), items: await collectDigestItems(db(), region, from, to, requestTranslator(request)) };
    },
  );

  app.get(
    '/regions/:slug/cooperative/outbox',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'De laatst verstuurde mails (uitnodigingen, digests); zonder SMTP enkel gelogd', params: slugParams, response: { 200: outboxSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'coop.manage');
      return { delivered: app.ctx.mailer.configured, items: await listOutbox(db(), region.id) };
    },
  );

  app.get(
    '/regions/:slug/cooperative/newsletters',
    { config: { policy: 'coop.newsletter.read' }, schema: { tags, summary: 'Het archief van de nieuwsbrief (concepten voor de regisseur, nummers voor leden aan leden, publieke nummers voor iedereen)', params: slugParams, response: { 200: newsletterListSchema, ...errorResponses } } },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'coop.newsletter.read');
      return { items: await listNewsletters(db(), region, role), canManage: memberCan({ role }, 'coop.manage') };
    },
  );

  app.post(
    '/regions/:slug/cooperative/newsletters',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Stelt een concept samen uit wat er in het netwerk gebeurde (nieuwe actoren en relaties, aanbod, mijlpalen, besluiten)', params: slugParams, body: newsletterDraftInputSchema, response: { 201: newsletterSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(201).send(await composeNewsletterDraft(db(), region, request.body.days, user.id, requestTranslator(request)));
    },
  );

  app.get(
    '/regions/:slug/cooperative/newsletters/:id',
    { config: { policy: 'coop.newsletter.read' }, schema: { tags, summary: 'Een nummer (de webversie); voor de regisseur ook de mail zoals de abonnees ze krijgen', params: idParams, response: { 200: newsletterDetailSchema, ...errorResponses } } },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'coop.newsletter.read');
      return getNewsletter(db(), region, request.params.id, role, app.ctx.publicUrl(request), requestTranslator(request));
    },
  );

  app.put(
    '/regions/:slug/cooperative/newsletters/:id',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Wijzigt een concept: titel, inleiding, zichtbaarheid, onderwerpen en hun volgorde (versie; 409 ook na verzenden)', params: idParams, body: newsletterUpdateSchema, response: { 200: newsletterSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return updateNewsletter(db(), region, request.params.id, request.body, user.id);
    },
  );

  app.post(
    '/regions/:slug/cooperative/newsletters/:id/send',
    { config: { policy: 'coop.manage' }, schema: { tags, summary: 'Verstuurt een concept naar de abonnees als achtergrondtaak (versie; 409 als het al verstuurd is)', params: idParams, body: newsletterSendSchema, response: { 202: newsletterSendResultSchema, ...errorResponses } } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'coop.manage');
      return reply.code(202).send(await sendNewsletter(app.ctx.database, region, request.params.id, request.body, { userId: user.id, baseUrl: app.ctx.publicUrl(request) }));
    },
  );
}
