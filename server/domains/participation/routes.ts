import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { writeCsv, writeXlsx } from '../../tabular/index.js';
import {
  pollCloseSchema,
  pollCreateSchema,
  pollListSchema,
  pollSchema,
  stanceInputSchema,
  surveyAnswerInputSchema,
  surveyCreateSchema,
  surveyListSchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySchema,
  surveyStatusUpdateSchema,
} from '../../../common/schemas/participation.js';
import { castStance, closePoll, createPoll, listPolls, pollDetail, pollForReminder, remindNonVoters } from './polls.js';
import { answerAsMember, answerPublic, createSurvey, listSurveys, publicSurvey, setSurveyStatus, surveyDetail, surveyExportRows, surveyResults } from './surveys.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const pollParams = slugParams.extend({ pollId: z.string().min(1).max(60) });
const surveyParams = slugParams.extend({ surveyId: z.string().min(1).max(60) });
const tokenParams = z.object({ token: z.string().min(1).max(100) });
const createdSchema = z.object({ id: z.string() });
const sentSchema = z.object({ sent: z.number().int() });
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Surveys (bevragingen) and voting rounds (stemrondes): thin handlers over polls.ts and surveys.ts. */
export async function participationRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    '/regions/:slug/polls',
    { config: { policy: 'participation.read' }, schema: { tags: ['participatie'], summary: 'Stemrondes van de regio, open eerst (leden)', params: slugParams, response: { 200: pollListSchema, ...errorResponses } } },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'participation.read');
      return { items: await listPolls(db(), region, user.id) };
    },
  );

  app.post(
    '/regions/:slug/polls',
    {
      config: { policy: 'participation.manage' },
      schema: { tags: ['participatie'], summary: 'Opent een stemronde (regisseur); met planId en proposalId beslist de uitkomst over een wijzigingsvoorstel', params: slugParams, body: pollCreateSchema, response: { 201: pollSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.manage');
      const poll = await createPoll(db(), region, role, request.body, user.id);
      return reply.status(201).send(await pollDetail(db(), region, poll.id, user.id, role));
    },
  );

  app.get(
    '/regions/:slug/polls/:pollId',
    {
      config: { policy: 'participation.read' },
      schema: { tags: ['participatie'], summary: 'Een stemronde met uitslag (tenzij verborgen tot het sluiten), eigen stem en haar versies (leden)', params: pollParams, response: { 200: pollSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.read');
      return pollDetail(db(), region, request.params.pollId, user.id, role);
    },
  );

  app.put(
    '/regions/:slug/polls/:pollId/stance',
    {
      config: { policy: 'participation.vote' },
      schema: { tags: ['participatie'], summary: 'Brengt de eigen stem uit of wijzigt ze tot het sluiten; elke versie blijft bewaard (stemgerechtigden)', params: pollParams, body: stanceInputSchema, response: { 200: pollSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user } = await authorize(request, request.params.slug, 'participation.vote');
      return castStance(db(), region, request.params.pollId, user.id, request.body);
    },
  );

  app.post(
    '/regions/:slug/polls/:pollId/close',
    {
      config: { policy: 'participation.manage' },
      schema: { tags: ['participatie'], summary: 'Sluit een stemronde met een uitkomst (regisseur); een gekoppeld wijzigingsvoorstel wordt goedgekeurd of afgewezen', params: pollParams, body: pollCloseSchema, response: { 200: pollSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.manage');
      return closePoll(db(), region, role, request.params.pollId, request.body.outcome, user.id);
    },
  );

  app.post(
    '/regions/:slug/polls/:pollId/reminders',
    { config: { policy: 'participation.manage' }, schema: { tags: ['participatie'], summary: 'Mailt wie nog niet stemde (regisseur)', params: pollParams, response: { 200: sentSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'participation.manage');
      const poll = await pollForReminder(db(), region, request.params.pollId);
      const link = `${app.ctx.publicUrl(request)}/r/${region.slug}/cooperatie/stemrondes/${poll.id}`;
      return { sent: await remindNonVoters(db(), (mail) => app.ctx.mailer.send(mail), poll, link) };
    },
  );

  app.get(
    '/regions/:slug/surveys',
    { config: { policy: 'participation.read' }, schema: { tags: ['participatie'], summary: 'Bevragingen van de regio (leden)', params: slugParams, response: { 200: surveyListSchema, ...errorResponses } } },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'participation.read');
      return { items: await listSurveys(db(), region) };
    },
  );

  app.post(
    '/regions/:slug/surveys',
    {
      config: { policy: 'participation.manage' },
      schema: { tags: ['participatie'], summary: 'Stelt een bevraging op met haar vragen, per taal (regisseur)', params: slugParams, body: surveyCreateSchema, response: { 201: createdSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'participation.manage');
      const survey = await createSurvey(db(), region, request.body, user.id);
      return reply.status(201).send({ id: survey.id });
    },
  );

  app.get(
    '/regions/:slug/surveys/:surveyId',
    { config: { policy: 'participation.read' }, schema: { tags: ['participatie'], summary: 'Een bevraging met haar vragen (leden)', params: surveyParams, response: { 200: surveySchema, ...errorResponses } } },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.read');
      return surveyDetail(db(), region, request.params.surveyId, role, user.id);
    },
  );

  app.patch(
    '/regions/:slug/surveys/:surveyId/status',
    {
      config: { policy: 'participation.manage' },
      schema: { tags: ['participatie'], summary: 'Opent of sluit een bevraging (regisseur; met versie)', params: surveyParams, body: surveyStatusUpdateSchema, response: { 200: surveySchema, ...errorResponses } },
    },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.manage');
      await setSurveyStatus(db(), region, request.params.surveyId, request.body.status, request.body.version, user.id);
      return surveyDetail(db(), region, request.params.surveyId, role, user.id);
    },
  );

  app.post(
    '/regions/:slug/surveys/:surveyId/responses',
    {
      config: { policy: 'participation.answer' },
      schema: { tags: ['participatie'], summary: 'Vult een bevraging voor leden of partners in (eenmaal per persoon)', params: surveyParams, body: surveyAnswerInputSchema, response: { 201: createdSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'participation.answer');
      return reply.status(201).send(await answerAsMember(db(), region, request.params.surveyId, role, user.id, request.body));
    },
  );

  app.get(
    '/regions/:slug/surveys/:surveyId/results',
    {
      config: { policy: 'participation.read' },
      schema: { tags: ['participatie'], summary: 'Resultaten per vraag, live; filter op het antwoord op een andere vraag (leden)', params: surveyParams, querystring: surveyResultsQuerySchema, response: { 200: surveyResultsSchema, ...errorResponses } },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'participation.read');
      return surveyResults(db(), region, request.params.surveyId, { questionId: request.query.filterQuestion, option: request.query.filterOption });
    },
  );

  app.get(
    '/regions/:slug/surveys/:surveyId/export',
    {
      config: { policy: 'participation.read' },
      schema: { tags: ['participatie'], summary: 'Alle antwoorden als XLSX of CSV (leden)', params: surveyParams, querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
    },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'participation.read');
      const { rows } = await surveyExportRows(db(), region, request.params.surveyId);
      const format = request.query.format;
      const body = format === 'xlsx' ? await writeXlsx([{ name: 'Antwoorden', rows, boldRows: [1], defaultWidth: 28 }]) : writeCsv(rows);
      return reply.header('content-type', CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="bevraging-${request.params.surveyId.slice(0, 8)}.${format}"`).send(body);
    },
  );

  app.get(
    '/public-surveys/:token',
    { config: { policy: 'participation.public' }, schema: { tags: ['participatie'], summary: 'Een publieke bevraging via haar link (iedereen)', params: tokenParams, response: { 200: surveySchema, ...errorResponses } } },
    async (request) => publicSurvey(db(), request.params.token),
  );

  app.post(
    '/public-surveys/:token/responses',
    {
      config: { policy: 'participation.public' },
      schema: { tags: ['participatie'], summary: 'Vult een publieke bevraging anoniem in: eenmaal per browser, een limiet per IP-adres per uur', params: tokenParams, body: surveyAnswerInputSchema, response: { 201: createdSchema, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await answerPublic(db(), request.params.token, request.ip, request.body)),
  );
}
