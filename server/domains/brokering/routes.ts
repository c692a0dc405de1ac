import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { requestTranslator } from '../../http/errors.js';
import { authorizeViewer } from '../network/access.js';
import {
  cardInputSchema,
  cardSchema,
  cardUpdateSchema,
  combinationInputSchema,
  combinationListSchema,
  combinationSchema,
  combinationUpdateSchema,
  ideaListQuerySchema,
  ideaListSchema,
  ideaSchema,
  ideaUpdateSchema,
  inspirationSchema,
  planLinkSchema,
  proposedActorCreateSchema,
  proposedActorListSchema,
  sheetCreateSchema,
  sheetListSchema,
  sheetProfileSchema,
  sheetSchema,
  sheetStepSchema,
} from '../../../common/schemas/brokering.js';
import { accessSheet } from './sheet-access.js';
import {
  applyDraft,
  createCard,
  createCombination,
  deleteCard,
  deleteCombination,
  getSheet,
  inspiration,
  listCombinations,
  listSheets,
  openSheetForActor,
  saveProfile,
  setStep,
  updateCard,
  updateCombination,
} from './service.js';
import { getIdea, ideaFromCombination, linkIdeaToPlan, listIdeas, updateIdea } from './ideas.js';
import { createProposedActor, dismissProposedActor, listProposedActors } from './proposed-actors.js';
import { sheetToPdf } from './pdf.js';
import { actorRefs } from './actor-refs.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const sheetParams = slugParams.extend({ sheetId: z.uuid() });
const cardParams = sheetParams.extend({ cardId: z.uuid() });
const sheetCombinationParams = sheetParams.extend({ combinationId: z.uuid() });
const combinationParams = slugParams.extend({ combinationId: z.uuid() });
const ideaParams = slugParams.extend({ ideaId: z.uuid() });
const proposedParams = slugParams.extend({ proposedActorId: z.uuid() });
const tags = ['makelaardij'];

/** The brokering flow: sheets (steps 1–2 back to the map), partner cards, combinations, samenwerkingsvoorstellen, PDF. */
export async function brokeringRoutes(app: ApiInstance): Promise<void> {
  const database = () => app.ctx.database;

  app.get(
    '/regions/:slug/brokering/sheets',
    { config: { policy: 'brokering.sheet.list' }, schema: { tags, summary: 'Werkbladen: regisseur alle van de regio, partner die van de eigen organisatie', params: slugParams, response: { 200: sheetListSchema, ...errorResponses } } },
    async (request) => listSheets(database(), await authorizeViewer(request, request.params.slug, 'brokering.sheet.list')),
  );

  app.post(
    '/regions/:slug/brokering/sheets',
    {
      config: { policy: 'brokering.sheet.create' },
      schema: { tags, summary: 'Het werkblad van een organisatie openen (het bestaande, of een nieuw); partner: de eigen organisatie', params: slugParams, body: sheetCreateSchema, response: { 200: sheetSchema, 201: sheetSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'brokering.sheet.create');
      const { id, created } = await openSheetForActor(database().db, viewer, request.body.actorId);
      const access = await accessSheet(request, request.params.slug, id, 'brokering.sheet.create');
      return reply.status(created ? 201 : 200).send(await getSheet(database(), access));
    },
  );

  app.get(
    '/regions/:slug/brokering/sheets/:sheetId',
    { config: { policy: 'brokering.sheet.read' }, schema: { tags, summary: 'Eén werkblad met profiel, partnerkaarten en combinaties (ook voor een gast met x-guest-token)', params: sheetParams, response: { 200: sheetSchema, ...errorResponses } } },
    async (request) => getSheet(database(), await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.read')),
  );

  app.patch(
    '/regions/:slug/brokering/sheets/:sheetId',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'De huidige stap van een werkblad bewaren; 409 bij een verouderde versie', params: sheetParams, body: sheetStepSchema, response: { 200: sheetSchema, ...errorResponses } } },
    async (request) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit');
      await setStep(database(), access, request.body.currentStep, request.body.version);
      return getSheet(database(), access);
    },
  );

  app.put(
    '/regions/:slug/brokering/sheets/:sheetId/profile',
    {
      config: { policy: 'brokering.sheet.edit' },
      schema: { tags, summary: 'Stap 1–2: werking, sterktes en beperkingen; naar de netwerkkaart (met geschiedenis) of als ontwerp voor een gast; 409 bij verouderde versie', params: sheetParams, body: sheetProfileSchema, response: { 200: sheetSchema, ...errorResponses } },
    },
    async (request) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit');
      await saveProfile(database(), access, request.body);
      return getSheet(database(), access);
    },
  );

  app.post(
    '/regions/:slug/brokering/sheets/:sheetId/apply-draft',
    {
      config: { policy: 'brokering.sheet.apply-draft' },
      schema: { tags, summary: 'De ontwerptekst van stap 1–2 op de actor zetten (regisseur; met geschiedenis)', params: sheetParams, body: z.object({ actorVersion: z.number().int().min(1) }), response: { 200: sheetSchema, ...errorResponses } },
    },
    async (request) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.apply-draft');
      await applyDraft(database(), access, request.body.actorVersion);
      return getSheet(database(), access);
    },
  );

  app.post(
    '/regions/:slug/brokering/sheets/:sheetId/cards',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Stap 3: een partnerkaart toevoegen (vanuit een beperking of een sterkte)', params: sheetParams, body: cardInputSchema, response: { 201: cardSchema, ...errorResponses } } },
    async (request, reply) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit');
      return reply.status(201).send(await createCard(database(), access, request.body));
    },
  );

  app.put(
    '/regions/:slug/brokering/sheets/:sheetId/cards/:cardId',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Een partnerkaart bewaren (vertrekpunt en partners); 409 bij verouderde versie', params: cardParams, body: cardUpdateSchema, response: { 200: cardSchema, ...errorResponses } } },
    async (request) => updateCard(database(), await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit'), request.params.cardId, request.body),
  );

  app.delete(
    '/regions/:slug/brokering/sheets/:sheetId/cards/:cardId',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Een partnerkaart verwijderen', params: cardParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteCard(database(), await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit'), request.params.cardId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/regions/:slug/brokering/sheets/:sheetId/combinations',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Een combinatie van actoren uit verschillende bellen (minstens twee gemeenten)', params: sheetParams, body: combinationInputSchema, response: { 201: combinationSchema, ...errorResponses } } },
    async (request, reply) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit');
      return reply.status(201).send(await createCombination(database(), access, request.body));
    },
  );

  app.put(
    '/regions/:slug/brokering/sheets/:sheetId/combinations/:combinationId',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Een combinatie bewaren; 409 bij verouderde versie', params: sheetCombinationParams, body: combinationUpdateSchema, response: { 200: combinationSchema, ...errorResponses } } },
    async (request) => updateCombination(database(), await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit'), request.params.combinationId, request.body),
  );

  app.delete(
    '/regions/:slug/brokering/sheets/:sheetId/combinations/:combinationId',
    { config: { policy: 'brokering.sheet.edit' }, schema: { tags, summary: 'Een combinatie verwijderen', params: sheetCombinationParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteCombination(database(), await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.edit'), request.params.combinationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/regions/:slug/brokering/sheets/:sheetId/pdf',
    { config: { policy: 'brokering.sheet.read' }, schema: { tags, summary: 'Het werkblad als A4-bladen (PDF): stap 1–2, partnerkaarten, combinaties', params: sheetParams } },
    async (request, reply) => {
      const access = await accessSheet(request, request.params.slug, request.params.sheetId, 'brokering.sheet.read');
      const sheet = await getSheet(database(), access);
      const body = await sheetToPdf(sheet, access.viewer.region.name, requestTranslator(request), new Date());
      const name = sheet.organisationName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'werkblad';
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="werkblad-${name}.pdf"`).send(body);
    },
  );

  app.get(
    '/regions/:slug/brokering/inspiration',
    {
      config: { policy: 'brokering.inspiration.read' },
      schema: { tags, summary: 'De inspiratielijst: 22 sectoren met voorbeelden en de actoren van de regio (eigen gemeente eerst); witte vlekken', params: slugParams, querystring: z.object({ actor: z.uuid().optional() }), response: { 200: inspirationSchema, ...errorResponses } },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'brokering.inspiration.read');
      const home = request.query.actor ? (await actorRefs(database().raw, viewer.region.id, [request.query.actor])).get(request.query.actor) : undefined;
      return inspiration(database(), viewer.region.id, viewer.role !== null, home?.municipalityNis ?? null);
    },
  );

  app.get(
    '/regions/:slug/brokering/combinations',
    { config: { policy: 'brokering.combination.list' }, schema: { tags, summary: 'De combinaties van de regio, na te streven eerst (partner: die van de eigen organisatie)', params: slugParams, response: { 200: combinationListSchema, ...errorResponses } } },
    async (request) => listCombinations(database(), await authorizeViewer(request, request.params.slug, 'brokering.combination.list')),
  );

  app.post(
    '/regions/:slug/brokering/combinations/:combinationId/idea',
    { config: { policy: 'brokering.idea.manage' }, schema: { tags, summary: 'Van een na te streven combinatie een samenwerkingsvoorstel maken (regisseur)', params: combinationParams, response: { 201: ideaSchema, ...errorResponses } } },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'brokering.idea.manage');
      return reply.status(201).send(await ideaFromCombination(database(), viewer, request.params.combinationId));
    },
  );

  app.get(
    '/regions/:slug/brokering/ideas',
    { config: { policy: 'brokering.idea.read' }, schema: { tags, summary: 'Samenwerkingsvoorstellen van de regio, te filteren op status', params: slugParams, querystring: ideaListQuerySchema, response: { 200: ideaListSchema, ...errorResponses } } },
    async (request) => listIdeas(database(), await authorizeViewer(request, request.params.slug, 'brokering.idea.read'), request.query.status),
  );

  app.get(
    '/regions/:slug/brokering/ideas/:ideaId',
    { config: { policy: 'brokering.idea.read' }, schema: { tags, summary: 'Eén samenwerkingsvoorstel', params: ideaParams, response: { 200: ideaSchema, ...errorResponses } } },
    async (request) => getIdea(database(), await authorizeViewer(request, request.params.slug, 'brokering.idea.read'), request.params.ideaId),
  );

  app.put(
    '/regions/:slug/brokering/ideas/:ideaId',
    {
      config: { policy: 'brokering.idea.manage' },
      schema: { tags, summary: 'Een samenwerkingsvoorstel wijzigen (status idee → verkend → gestart → gestopt; gestart zet relaties op de kaart); 409 bij verouderde versie', params: ideaParams, body: ideaUpdateSchema, response: { 200: ideaSchema, ...errorResponses } },
    },
    async (request) => updateIdea(database(), await authorizeViewer(request, request.params.slug, 'brokering.idea.manage'), request.params.ideaId, request.body),
  );

  app.post(
    '/regions/:slug/brokering/ideas/:ideaId/plan-link',
    {
      config: { policy: 'brokering.idea.manage' },
      schema: { tags, summary: 'Een samenwerkingsvoorstel aan een actie koppelen, of via een wijzigingsvoorstel van het plan toevoegen', params: ideaParams, body: planLinkSchema, response: { 200: ideaSchema, ...errorResponses } },
    },
    async (request) => linkIdeaToPlan(database(), await authorizeViewer(request, request.params.slug, 'brokering.idea.manage'), request.params.ideaId, request.body),
  );

  app.get(
    '/regions/:slug/brokering/proposed-actors',
    { config: { policy: 'brokering.proposed-actor.manage' }, schema: { tags, summary: 'Voorgestelde nieuwe actoren: namen van partnerkaarten die nog niet op de kaart staan', params: slugParams, response: { 200: proposedActorListSchema, ...errorResponses } } },
    async (request) => listProposedActors(database(), await authorizeViewer(request, request.params.slug, 'brokering.proposed-actor.manage')),
  );

  app.post(
    '/regions/:slug/brokering/proposed-actors/:proposedActorId/create',
    {
      config: { policy: 'brokering.proposed-actor.manage' },
      schema: { tags, summary: 'Een voorgestelde actor op de kaart zetten (de partnerkaart wijst er dan naar)', params: proposedParams, body: proposedActorCreateSchema, response: { 201: z.object({ actorId: z.string() }), ...errorResponses } },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'brokering.proposed-actor.manage');
      return reply.status(201).send({ actorId: await createProposedActor(database(), viewer, request.params.proposedActorId, request.body) });
    },
  );

  app.post(
    '/regions/:slug/brokering/proposed-actors/:proposedActorId/dismiss',
    { config: { policy: 'brokering.proposed-actor.manage' }, schema: { tags, summary: 'Een voorgestelde actor afwijzen', params: proposedParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await dismissProposedActor(database(), await authorizeViewer(request, request.params.slug, 'brokering.proposed-actor.manage'), request.params.proposedActorId);
      return reply.status(204).send(null);
    },
  );
}
