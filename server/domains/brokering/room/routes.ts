import { z } from 'zod';
import type { ApiInstance } from '../../../http/route-types.js';
import { errorResponses } from '../../../http/route-types.js';
import { authorize } from '../../../policy/authorize.js';
import { requestTranslator } from '../../../http/errors.js';
import {
  closeWorkshopSchema,
  inviteInputSchema,
  inviteResultSchema,
  joinInputSchema,
  joinLookupQuerySchema,
  joinLookupSchema,
  joinResultSchema,
  organisationMatchSchema,
  organisationQuerySchema,
  roomSnapshotSchema,
  workshopInputSchema,
  workshopListSchema,
  workshopReportSchema,
  workshopSummarySchema,
} from '../../../../common/schemas/workshops.js';
import { closeWorkshop, createWorkshop, dateText, findOpenWorkshop, getWorkshop, inviteToWorkshop, joinWorkshop, listWorkshops, matchOrganisation } from './service.js';
import { roomSnapshot, workshopReport } from './room-view.js';
import { workshopReportPdf } from './report-pdf.js';
import { streamWorkshopEvents } from './room-events.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const workshopParams = slugParams.extend({ workshopId: z.uuid() });
const TAGS = ['workshops'];

/** The live workshop room: workshops of a region (facilitator), joining by code (anyone), the room's events and report. */
export async function workshopRoomRoutes(app: ApiInstance): Promise<void> {
  const database = () => app.ctx.database;

  app.get(
    '/regions/:slug/workshops',
    { config: { policy: 'workshop.facilitate' }, schema: { tags: TAGS, summary: 'De workshops van de regio (regisseur)', params: slugParams, response: { 200: workshopListSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'workshop.facilitate');
      return { items: await listWorkshops(database().raw, region.id) };
    },
  );

  app.post(
    '/regions/:slug/workshops',
    {
      config: { policy: 'workshop.facilitate' },
      schema: { tags: TAGS, summary: 'Een workshop openen (titel, datum, plaats); krijgt een deelnamecode', params: slugParams, body: workshopInputSchema, response: { 201: workshopSummarySchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'workshop.facilitate');
      return reply.status(201).send(await createWorkshop(database(), region.id, request.body, user.id));
    },
  );

  app.get(
    '/regions/:slug/workshops/:workshopId/room',
    {
      config: { policy: 'workshop.facilitate' },
      schema: { tags: TAGS, summary: 'De zaal: deelnemers per stap, partnerkaarten, bellenschema en combinaties', params: workshopParams, response: { 200: roomSnapshotSchema, ...errorResponses } },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'workshop.facilitate');
      return roomSnapshot(database().raw, region, request.params.workshopId);
    },
  );

  app.get(
    '/regions/:slug/workshops/:workshopId/events',
    {
      config: { policy: 'workshop.facilitate' },
      schema: {
        tags: TAGS,
        summary: 'Live wijzigingen van de zaal als Server-Sent Events (text/event-stream); lees daarna /room opnieuw',
        params: workshopParams,
      },
    },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'workshop.facilitate');
      await getWorkshop(database().raw, region.id, request.params.workshopId);
      await streamWorkshopEvents(request, reply, database(), request.params.workshopId);
    },
  );

  app.post(
    '/regions/:slug/workshops/:workshopId/invitations',
    {
      config: { policy: 'workshop.facilitate' },
      schema: { tags: TAGS, summary: 'Deelnemers per e-mail uitnodigen (de link bevat de code)', params: workshopParams, body: inviteInputSchema, response: { 200: inviteResultSchema, ...errorResponses } },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'workshop.facilitate');
      return inviteToWorkshop(database(), app.ctx.mailer, region, request.params.workshopId, request.body.invitees, app.ctx.publicUrl(request), requestTranslator(request));
    },
  );

  app.post(
    '/regions/:slug/workshops/:workshopId/close',
    {
      config: { policy: 'workshop.facilitate' },
      schema: { tags: TAGS, summary: 'Een workshop afsluiten (409 bij een verouderde versie); het verslag wordt definitief', params: workshopParams, body: closeWorkshopSchema, response: { 200: workshopSummarySchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'workshop.facilitate');
      return closeWorkshop(database(), region.id, request.params.workshopId, request.body.version, user.id);
    },
  );

  app.get(
    '/regions/:slug/workshops/:workshopId/report',
    {
      config: { policy: 'workshop.report.read' },
      schema: { tags: TAGS, summary: 'Het verslag van een workshop, met het rapport bovenlokale netwerken', params: workshopParams, response: { 200: workshopReportSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'workshop.report.read');
      return workshopReport(database().raw, region, request.params.workshopId, user.id);
    },
  );

  app.get(
    '/regions/:slug/workshops/:workshopId/report.pdf',
    { config: { policy: 'workshop.report.read' }, schema: { tags: TAGS, summary: 'Het verslag als PDF', params: workshopParams } },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'workshop.report.read');
      const report = await workshopReport(database().raw, region, request.params.workshopId, user.id);
      const pdf = await workshopReportPdf(report, requestTranslator(request), new Date());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="verslag-workshop-${report.workshop.heldOn ?? report.workshop.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/workshops/lookup',
    { config: { policy: 'workshop.join' }, schema: { tags: TAGS, summary: 'Een open workshop bij zijn code (voor de deelnamepagina)', querystring: joinLookupQuerySchema, response: { 200: joinLookupSchema, ...errorResponses } } },
    async (request) => {
      const workshop = await findOpenWorkshop(database().raw, request.query.code);
      return { workshopId: workshop.id, title: workshop.title, heldOn: dateText(workshop.held_on), place: workshop.place, region: { slug: workshop.slug, name: workshop.region_name } };
    },
  );

  app.get(
    '/workshops/organisations',
    {
      config: { policy: 'workshop.join' },
      schema: { tags: TAGS, summary: 'Organisaties van de kaart die passen bij wat een deelnemer typt (enkel publieke profielen)', querystring: organisationQuerySchema, response: { 200: organisationMatchSchema, ...errorResponses } },
    },
    async (request) => {
      const workshop = await findOpenWorkshop(database().raw, request.query.code);
      return { items: await matchOrganisation(database().raw, workshop.region_id, request.query.q) };
    },
  );

  app.post(
    '/workshops/join',
    {
      config: { policy: 'workshop.join' },
      schema: { tags: TAGS, summary: 'Meedoen met een open workshop: als lid, of als gast met naam, e-mail en organisatie', body: joinInputSchema, response: { 200: joinResultSchema, 201: joinResultSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { resumed, ...result } = await joinWorkshop(database(), request.user, request.body);
      return reply.status(resumed ? 200 : 201).send(result);
    },
  );
}

