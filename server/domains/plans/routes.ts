import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import type { MemberAction } from '../../policy/permissions.js';
import { AppError, requestLocale, requestTranslator } from '../../http/errors.js';
import { jobAcceptedSchema } from '../../../common/schemas/jobs.js';
import { enqueuePlanImport, LARGE_PLAN_IMPORT_BYTES } from './import-job.js';
import {
  actionCreateSchema,
  actionSchema,
  goalInputSchema,
  goalUpdateSchema,
  objectiveInputSchema,
  objectiveUpdateSchema,
  structureItemSchema,
  actionUpdateSchema,
  budgetOverviewSchema,
  changeListSchema,
  importPreviewSchema,
  importRequestSchema,
  importResultSchema,
  indicatorInputSchema,
  indicatorSchema,
  indicatorUpdateSchema,
  measurementInputSchema,
  partnerLinkSchema,
  partnerActorSchema,
  partnerOverviewSchema,
  spreidingOverviewSchema,
  planDetailSchema,
  planListSchema,
  planUpdateSchema,
  proposalCreateSchema,
  proposalDecisionSchema,
  proposalListSchema,
  proposalSchema,
  versionCompareSchema,
  versionCreateSchema,
  versionListSchema,
  versionSummarySchema,
} from '../../../common/schemas/plans.js';
import {
  addMeasurement,
  assertMayEdit,
  assertMilestoneStatusesOnly,
  createAction,
  createGoal,
  createIndicator,
  createObjective,
  deleteAction,
  updateGoal,
  updateObjective,
  linkPartner,
  createPartnerActor,
  partnerOverview,
  planBudgetOverview,
  spreidingOverview,
  updateIndicator,
  compareVersions,
  createProposal,
  createVersion,
  decideProposal,
  getAction,
  getPlanDetail,
  importParsedPlan,
  listChanges,
  listPlans,
  listProposals,
  listVersions,
  loadPlan,
  previewImport,
  updateAction,
  updatePlan,
} from './service.js';
import { describeImportError, readPlanFile, PlanImportError } from './import/index.js';
import { planToCsv, planToIcs, planToXlsx } from './export.js';
import { planToPdf } from './pdf.js';
import { planDetailJson } from './detail-cache.js';
import { mergeActions } from './merge.js';
import { actionMergeSchema, type PlanDetail } from '../../../common/schemas/plans.js';
import { actorPlanActionsSchema, planPartnersSchema } from '../../../common/schemas/plans.js';
import { actorPlanActions, planPartners } from './partners.js';
import { authorizeViewer } from '../network/access.js';
import { loadActor } from '../network/service.js';
import { partnerSuggestionRoutes } from './partner-suggestion-routes.js';
import { indicatorSourceRoutes } from './indicator-source-routes.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const planParams = slugParams.extend({ planId: z.string().min(1).max(60) });
const actionParams = planParams.extend({ actionId: z.string().min(1).max(60) });
const proposalParams = planParams.extend({ proposalId: z.string().min(1).max(60) });
const indicatorParams = planParams.extend({ indicatorId: z.string().min(1).max(60) });
const partnerParams = planParams.extend({ partnerId: z.string().min(1).max(60) });
const goalParams = planParams.extend({ goalId: z.string().min(1).max(60) });
const objectiveParams = planParams.extend({ objectiveId: z.string().min(1).max(60) });

async function parseUpload(request: FastifyRequest, body: z.infer<typeof importRequestSchema>) {
  const bytes = Buffer.from(body.content, 'base64');
  try {
    return await readPlanFile({ bytes, filename: body.filename, title: body.title });
  } catch (error) {
    if (error instanceof PlanImportError) {
      // The reason in the caller's language; the code stays in details for programs.
      const t = requestTranslator(request);
      const reason = t(`plans.import.errors.${error.reason}`, { ...error.params, defaultValue: describeImportError(error) }) as string;
      throw new AppError('IMPORT_FAILED', { reason }, undefined, { reason: error.reason });
    }
    throw error;
  }
}

/** Anyone: the service hides drafts from non-members (404). */
async function visiblePlan(request: FastifyRequest, slug: string, planId: string) {
  const { region, role } = await authorize(request, slug, 'plan.read');
  const plan = await loadPlan(request.server.ctx.database.db, region, planId, role);
  return { region, role, plan };
}

/** Members only: the plan's history, versions and proposals name the people who made them. */
async function memberPlan(request: FastifyRequest, slug: string, planId: string, action: MemberAction) {
  const { region, role, user } = await authorize(request, slug, action);
  const plan = await loadPlan(request.server.ctx.database.db, region, planId, role);
  return { region, role, user, plan };
}

/** Plans: list, import (preview, then commit), the full tree, edits with conflicts, history, versions, proposals, exports. */
export async function planRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    '/regions/:slug/plans',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Plannen van een regio (publiek: goedgekeurde, lopende en afgesloten plannen; leden zien ook ontwerpen)',
        params: slugParams,
        response: { 200: planListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'plan.read');
      return { items: await listPlans(db(), region, role) };
    },
  );

  app.post(
    '/regions/:slug/plans/import/preview',
    {
      config: { policy: 'plan.import.preview' },
      schema: {
        tags: ['plannen'],
        summary: 'Toont wat een planbestand (XLSX, DOCX, TSV, CSV of tekst, base64) zou opleveren, met waarschuwingen; schrijft niets',
        params: slugParams,
        body: importRequestSchema,
        response: { 200: importPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'plan.import.preview');
      return previewImport(db(), region, await parseUpload(request, request.body));
    },
  );

  app.post(
    '/regions/:slug/plans/import',
    {
      config: { policy: 'plan.import' },
      schema: {
        tags: ['plannen'],
        summary: 'Importeert een planbestand in één transactie (alles of niets) (regisseur). Grote bestanden of background: 202 met de taak-id (GET …/jobs/:id)',
        params: slugParams,
        body: importRequestSchema,
        response: { 201: importResultSchema, 202: jobAcceptedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { region, user } = await authorize(request, request.params.slug, 'plan.import');
      const file = Buffer.from(request.body.content, 'base64');
      if (request.body.background || file.length > LARGE_PLAN_IMPORT_BYTES) {
        // The request only stores the file; any instance's worker reads and imports it.
        const jobId = await enqueuePlanImport(request.server.ctx.database, {
          regionId: region.id,
          userId: user.id,
          file,
          filename: request.body.filename,
          ...(request.body.title ? { title: request.body.title } : {}),
          status: request.body.status,
          locale: requestLocale(request),
        });
        return reply.status(202).send({ jobId });
      }
      const parsed = await parseUpload(request, request.body);
      const result = await importParsedPlan(db(), region, parsed, { userId: user.id, status: request.body.status, filename: request.body.filename });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Het volledige plan: SD → OD → acties met budget, partners, mijlpalen, indicatoren en voortgang',
        params: planParams,
        response: { 200: planDetailSchema, 304: z.null().describe('Ongewijzigd sinds de meegestuurde ETag'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, role } = await visiblePlan(request, request.params.slug, request.params.planId);
      const { body, etag } = await planDetailJson(request.server.ctx.database, plan, role);
      // Revalidated on every use (no-cache), answered with 304 while the plan is unchanged.
      reply.header('cache-control', 'private, no-cache').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      // Already encoded by the response schema when it was cached: Fastify sends JSON text as it is.
      return reply.type('application/json; charset=utf-8').send(body as unknown as PlanDetail);
    },
  );

  app.patch(
    '/regions/:slug/plans/:planId',
    {
      config: { policy: 'plan.update' },
      schema: {
        tags: ['plannen'],
        summary: 'Titel, soort, status en periode van een plan wijzigen (regisseur); 409 bij gelijktijdige wijziging',
        params: planParams,
        body: planUpdateSchema,
        response: { 200: planDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, role, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.update');
      const updated = await updatePlan(db(), plan, request.body, user.id);
      return getPlanDetail(db(), updated, role);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/budget',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Budgetoverzicht per SD, OD, actie, jaar en financieringsbron, met cofinancieringsaandelen',
        params: planParams,
        response: { 200: budgetOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan } = await visiblePlan(request, request.params.slug, request.params.planId);
      return planBudgetOverview(db(), plan);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/actions/:actionId',
    {
      config: { policy: 'plan.read' },
      schema: { tags: ['plannen'], summary: 'Eén actie met alle velden', params: actionParams, response: { 200: actionSchema, ...errorResponses } },
    },
    async (request) => {
      const { plan } = await visiblePlan(request, request.params.slug, request.params.planId);
      return getAction(db(), plan, request.params.actionId);
    },
  );

  app.patch(
    '/regions/:slug/plans/:planId/actions/:actionId',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Een actie wijzigen (regisseur, partner); 409 CONFLICT met de opgeslagen versie als iemand anders intussen bewaarde',
        params: actionParams,
        body: actionUpdateSchema,
        response: { 200: actionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, role, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      const { version: _version, ...changes } = request.body;
      assertMayEdit(plan, role, changes);
      assertMilestoneStatusesOnly(plan, await getAction(db(), plan, request.params.actionId), changes);
      return updateAction(db(), plan, request.params.actionId, request.body, user.id);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/changes',
    {
      config: { policy: 'plan.history.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Wijzigingsgeschiedenis van een plan of (met ?actionId=) één actie: wie, wanneer, voor en na (leden)',
        params: planParams,
        querystring: z.object({ actionId: z.string().uuid().optional() }),
        response: { 200: changeListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.history.read');
      return { items: await listChanges(db(), plan, request.query.actionId) };
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/versions',
    {
      config: { policy: 'plan.history.read' },
      schema: { tags: ['plannen'], summary: 'Benoemde versies van een plan (leden)', params: planParams, response: { 200: versionListSchema, ...errorResponses } },
    },
    async (request) => {
      const { plan } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.history.read');
      return { items: await listVersions(db(), plan) };
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/versions',
    {
      config: { policy: 'plan.version.create' },
      schema: {
        tags: ['plannen'],
        summary: 'Legt de huidige stand vast als benoemde versie (regisseur, stuurgroep)',
        params: planParams,
        body: versionCreateSchema,
        response: { 201: versionSummarySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.version.create');
      return reply.status(201).send(await createVersion(db(), plan, request.body.name, user.id));
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/compare',
    {
      config: { policy: 'plan.history.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Vergelijkt twee versies (of een versie met "current"): toegevoegd, verwijderd, herschreven, verplaatst (leden)',
        params: planParams,
        querystring: z.object({ from: z.string().min(1).max(60), to: z.string().min(1).max(60).default('current') }),
        response: { 200: versionCompareSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.history.read');
      return compareVersions(db(), plan, request.query.from, request.query.to);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/proposals',
    {
      config: { policy: 'plan.history.read' },
      schema: { tags: ['plannen'], summary: 'Wijzigingsvoorstellen van een plan (leden)', params: planParams, response: { 200: proposalListSchema, ...errorResponses } },
    },
    async (request) => {
      const { plan } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.history.read');
      return { items: await listProposals(db(), plan) };
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/actions/:actionId/proposals',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Stelt een wijziging aan een actie van een goedgekeurd plan voor (regisseur, partner)',
        params: actionParams,
        body: proposalCreateSchema,
        response: { 201: proposalSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await createProposal(db(), plan, request.params.actionId, request.body.changes, request.body.reason, user.id));
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/proposals/:proposalId/decision',
    {
      config: { policy: 'plan.approve' },
      schema: {
        tags: ['plannen'],
        summary: 'Keurt een wijzigingsvoorstel goed of wijst het af, met commentaar (stuurgroep); goedkeuren past de wijziging toe',
        params: proposalParams,
        body: proposalDecisionSchema,
        response: { 200: proposalSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.approve');
      return decideProposal(db(), plan, request.params.proposalId, request.body.decision, request.body.comment, user.id);
    },
  );

  app.get(
    '/regions/:slug/plans/partners',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Welke partners (actoren van de netwerkkaart of namen als tekst) meewerken aan welke acties; ?actorId= voor één actor',
        params: slugParams,
        querystring: z.object({ actorId: z.string().uuid().optional() }),
        response: { 200: partnerOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'plan.read');
      return partnerOverview(db(), region, role, request.query.actorId);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/partners',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Partners van één plan: elke gekoppelde actor of niet-gekoppelde naam met de acties waaraan hij meewerkt, meeste acties eerst',
        params: planParams,
        response: { 200: planPartnersSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, role } = await visiblePlan(request, request.params.slug, request.params.planId);
      return planPartners(db(), plan, role);
    },
  );

  app.get(
    '/regions/:slug/actors/:actorId/plan-actions',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'De plannen en acties waaraan een actor als gekoppelde partner meewerkt (publiek: enkel publieke actoren en geen ontwerpplannen)',
        params: slugParams.extend({ actorId: z.uuid() }),
        response: { 200: actorPlanActionsSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Same access as the actor's own page: 404 for another region's actor or a hidden profile.
      const viewer = await authorizeViewer(request, request.params.slug, 'plan.read');
      const actor = await loadActor(db(), viewer, request.params.actorId);
      return actorPlanActions(db(), viewer.region.id, actor.id, viewer.role);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/spreiding',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Spreiding: aantal acties per gemeente van de regio; gemeenten die geen actie bereikt, apart',
        params: planParams,
        response: { 200: spreidingOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan } = await visiblePlan(request, request.params.slug, request.params.planId);
      return spreidingOverview(db(), plan);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/actions/:actionId/indicators',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Voegt een indicator (naam, eenheid, nulmeting, streefwaarde) toe aan een actie (regisseur, partner)',
        params: actionParams,
        body: indicatorInputSchema,
        response: { 201: indicatorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await createIndicator(db(), plan, request.params.actionId, request.body, user.id));
    },
  );

  app.patch(
    '/regions/:slug/plans/:planId/indicators/:indicatorId',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Wijzigt naam, eenheid, nulmeting of streefwaarde van een indicator (regisseur, partner)',
        params: indicatorParams,
        body: indicatorUpdateSchema,
        response: { 200: indicatorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return updateIndicator(db(), plan, request.params.indicatorId, request.body, user.id);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/indicators/:indicatorId/measurements',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Registreert een gedateerde meting van een indicator met haar bron (regisseur, partner)',
        params: indicatorParams,
        body: measurementInputSchema,
        response: { 201: indicatorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await addMeasurement(db(), plan, request.params.indicatorId, request.body, user.id));
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/partners/:partnerId/link',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Koppelt een partnernaam van een actie aan een actor van de netwerkkaart (of ontkoppelt met null) (regisseur, partner)',
        params: partnerParams,
        body: partnerLinkSchema,
        response: { 200: actionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return linkPartner(db(), plan, request.params.partnerId, request.body.actorId, user.id);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/partners/:partnerId/actor',
    {
      config: { policy: 'plan.partner.create-actor' },
      schema: {
        tags: ['plannen'],
        summary: 'Maakt van een niet-gekoppelde partnernaam een nieuwe actor van de netwerkkaart en koppelt die (regisseur)',
        params: partnerParams,
        body: partnerActorSchema,
        response: { 201: actionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.partner.create-actor');
      const action = await createPartnerActor(db(), plan, request.params.partnerId, request.body, user.id);
      return reply.status(201).send(action);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/goals',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Voegt een strategische doelstelling (SD) toe aan een ontwerpplan (regisseur, partner)',
        params: planParams,
        body: goalInputSchema,
        response: { 201: structureItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await createGoal(db(), plan, request.body, user.id));
    },
  );

  app.patch(
    '/regions/:slug/plans/:planId/goals/:goalId',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Wijzigt code, titel of volgorde van een SD in een ontwerpplan (regisseur, partner)',
        params: goalParams,
        body: goalUpdateSchema,
        response: { 200: structureItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(200).send(await updateGoal(db(), plan, request.params.goalId, request.body, user.id));
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/objectives',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Voegt een operationele doelstelling (OD) toe onder een SD van een ontwerpplan (regisseur, partner)',
        params: planParams,
        body: objectiveInputSchema,
        response: { 201: structureItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await createObjective(db(), plan, request.body, user.id));
    },
  );

  app.patch(
    '/regions/:slug/plans/:planId/objectives/:objectiveId',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Wijzigt of verplaatst een OD naar een andere SD in een ontwerpplan (regisseur, partner)',
        params: objectiveParams,
        body: objectiveUpdateSchema,
        response: { 200: structureItemSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(200).send(await updateObjective(db(), plan, request.params.objectiveId, request.body, user.id));
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/actions',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Voegt een actie toe aan een ontwerpplan (regisseur, partner)',
        params: planParams,
        body: actionCreateSchema,
        response: { 201: actionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return reply.status(201).send(await createAction(db(), plan, request.body, user.id));
    },
  );

  app.delete(
    '/regions/:slug/plans/:planId/actions/:actionId',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Verwijdert een actie uit een ontwerpplan; de laatste stand blijft in de geschiedenis (regisseur, partner)',
        params: actionParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      await deleteAction(db(), plan, request.params.actionId, user.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/actions/:actionId/merge',
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags: ['plannen'],
        summary: 'Voegt andere acties van een ontwerpplan samen in deze actie: lijsten en teksten gaan over, de andere acties verdwijnen (regisseur, partner); 409 bij gelijktijdige wijziging',
        params: actionParams,
        body: actionMergeSchema,
        response: { 200: actionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { plan, user } = await memberPlan(request, request.params.slug, request.params.planId, 'plan.edit');
      return mergeActions(db(), plan, request.params.actionId, request.body.sourceActionIds, request.body.version, user.id);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/export.csv',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Export als CSV (;) in de kolommen die de import leest',
        params: planParams,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, role } = await visiblePlan(request, request.params.slug, request.params.planId);
      const detail = await getPlanDetail(db(), plan, role);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="plan-${plan.id}.csv"`);
      return planToCsv(detail);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/export.xlsx',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Export als Excel-bestand in de kolommen die de import leest (heen en terug zonder verlies)',
        params: planParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, role } = await visiblePlan(request, request.params.slug, request.params.planId);
      const bytes = await planToXlsx(await getPlanDetail(db(), plan, role));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="plan-${plan.id}.xlsx"`);
      return reply.send(bytes);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/export.pdf',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Export als PDF in de vertrouwde tabel (Nr | Actie | Timing | Budget | Partners), per SD en OD',
        params: planParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, role } = await visiblePlan(request, request.params.slug, request.params.planId);
      const bytes = await planToPdf(await getPlanDetail(db(), plan, role));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="plan-${plan.id}.pdf"`);
      return reply.send(bytes);
    },
  );

  app.get(
    '/regions/:slug/plans/:planId/milestones.ics',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags: ['plannen'],
        summary: 'iCal-feed van de mijlpalen van een plan',
        params: planParams,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { plan, role, region } = await visiblePlan(request, request.params.slug, request.params.planId);
      const detail = await getPlanDetail(db(), plan, role);
      reply.header('content-type', 'text/calendar; charset=utf-8');
      return planToIcs(detail, { host: new URL(app.ctx.publicUrl(request)).host, region: region.slug });
    },
  );

  await partnerSuggestionRoutes(app);
  await indicatorSourceRoutes(app);
}
