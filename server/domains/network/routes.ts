import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import {
  actorDetailSchema,
  actorInputSchema,
  actorListQuerySchema,
  actorListSchema,
  actorUpdateSchema,
  coverageSchema,
  coverageScopeSchema,
  type CoverageScope,
  historyEntrySchema,
  relationInputSchema,
  relationSchema,
  relationUpdateSchema,
} from '../../../common/schemas/network.js';
import { importProgressSchema, importRequestSchema, importResultSchema, type ImportProgress, type ImportRequest, type ImportResult } from '../../../common/schemas/network.js';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError, requestLocale, requestTranslator } from '../../http/errors.js';
import type { DatabaseHandle } from '../../db/client.js';
import { authorizeViewer, type Viewer } from './access.js';
import { actorFilter, needsTypos, Params, searchActors } from './search.js';
import { ACTOR_COLUMNS, exportRows, ImportFileError, importActors, parseActorFile } from './import.js';
import { writeCsv, writeXlsx } from '../../tabular/index.js';
import { coverageWorkbook, coverageCsv } from './coverage-export.js';
import { coverageReportModel, coverageToPdf } from './coverage-pdf.js';
import { bubbleScheme, networkGraph } from './graph.js';
import { cachedView } from './cache.js';
import { enqueueActorImport, LARGE_IMPORT_BYTES } from './import-job.js';
import { jobAcceptedSchema } from '../../../common/schemas/jobs.js';
import { bubbleSchemeSchema, graphSchema } from '../../../common/schemas/network.js';
import {
  actorHistory,
  coverage,
  createActor,
  createRelation,
  deleteActor,
  deleteRelation,
  getActorDetail,
  listRelations,
  setMemberActor,
  updateActor,
  updateRelation,
} from './service.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const actorParams = slugParams.extend({ actorId: z.uuid() });
const relationParams = slugParams.extend({ relationId: z.uuid() });
const formatSchema = z.enum(['csv', 'xlsx']).default('csv');
const exportQuerySchema = actorListQuerySchema.omit({ limit: true, offset: true }).extend({ format: formatSchema });

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const coverageFormatSchema = z.enum(['csv', 'xlsx', 'pdf']).default('csv');
const COVERAGE_CONTENT_TYPES = { ...CONTENT_TYPES, pdf: 'application/pdf' } as const;


/**
 * Stores an import's progress in network_import_progress (at most every 200 ms) so that any instance
 * can answer the client's poll. On PGlite the one connection is held by the import transaction, so
 * the write phase is not reported there (validation is, and the final row always is).
 */
function progressReporter(database: DatabaseHandle, regionId: string, userId: string, id: string) {
  let last = 0;
  const write = (phase: string, done: number, total: number) =>
    database.raw.query(
      `INSERT INTO network_import_progress (id, region_id, user_id, phase, done, total) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, done = EXCLUDED.done, total = EXCLUDED.total, updated_at = now()
       WHERE network_import_progress.region_id = EXCLUDED.region_id AND network_import_progress.user_id = EXCLUDED.user_id`,
      [id, regionId, userId, phase, done, total],
    );
  return {
    start: async () => {
      await database.raw.query(`DELETE FROM network_import_progress WHERE updated_at < now() - interval '1 day'`);
      await write('validate', 0, 0);
    },
    onProgress: async (done: number, total: number, phase: 'validate' | 'write') => {
      if (phase === 'write' && database.kind === 'pglite') return;
      const now = Date.now();
      if (done !== 0 && done !== total && now - last < 200) return;
      last = now;
      await write(phase, done, total);
    },
    finish: (phase: 'done' | 'failed', total: number) => write(phase, total, total),
  };
}

/** Parses an uploaded actor file and previews (dryRun) or commits the import; file-level problems become a 400 on `content`. */
async function runImport(request: FastifyRequest, slug: string, body: ImportRequest, dryRun: boolean): Promise<ImportResult> {
  const viewer = await authorizeViewer(request, slug, 'actor.import');
  const database = request.server.ctx.database;
  const progress = body.progressId ? progressReporter(database, viewer.region.id, viewer.userId, body.progressId) : null;
  await progress?.start();
  let rows = 0;
  try {
    const file = await parseActorFile(body.fileName, Buffer.from(body.content, 'base64'));
    rows = file.rows.length;
    const result = await importActors(database.db, viewer.region.id, file, {
      dryRun,
      onlyValid: body.onlyValid,
      updateDuplicates: body.updateDuplicates,
      userId: viewer.userId,
      t: requestTranslator(request),
      onProgress: progress?.onProgress,
    });
    await progress?.finish('done', rows);
    return result;
  } catch (error) {
    await progress?.finish('failed', rows).catch(() => undefined);
    if (error instanceof ImportFileError) throw fieldError('content', error.messageKey, error.params);
    throw error;
  }
}

/** The network map: actors, relations, coverage. Heavier views (graph, bubbles, import) live in their own plugins. */
export async function networkRoutes(app: ApiInstance): Promise<void> {
  const database = () => app.ctx.database;
  /** The coverage report as this viewer may see it, from the network cache while the network is unchanged. */
  const coverageReport = (viewer: Viewer, scope: CoverageScope) =>
    cachedView(database().raw, viewer.region.id, `coverage:${viewer.role ? 'member' : 'public'}:${scope}`, () => coverage(database().raw, viewer, scope));

  app.get(
    '/regions/:slug/actors',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Actoren zoeken en filteren (gemeente, sector, cultureel, soort, tag, vrije tekst); anoniem enkel publieke profielen',
        params: slugParams,
        querystring: actorListQuerySchema,
        response: { 200: actorListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.read');
      return searchActors(database().raw, viewer.region.id, request.query, { member: viewer.role !== null });
    },
  );

  app.post(
    '/regions/:slug/actors',
    {
      config: { policy: 'actor.create' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een actor toevoegen (regisseur)',
        params: slugParams,
        body: actorInputSchema,
        response: { 201: actorDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.create');
      const id = await createActor(database().db, viewer.region.id, request.body, viewer.userId);
      return reply.status(201).send(await getActorDetail(database(), viewer, id));
    },
  );

  app.get(
    '/regions/:slug/actors/:actorId',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Eén actor; contactgegevens enkel voor leden van de regio',
        params: actorParams,
        response: { 200: actorDetailSchema, ...errorResponses },
      },
    },
    async (request) => getActorDetail(database(), await authorizeViewer(request, request.params.slug, 'actor.read'), request.params.actorId),
  );

  app.patch(
    '/regions/:slug/actors/:actorId',
    {
      config: { policy: 'actor.update' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een actor wijzigen (regisseur, of de redacteur van de eigen organisatie); 409 bij gelijktijdige wijziging',
        params: actorParams,
        body: actorUpdateSchema,
        response: { 200: actorDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.update');
      await updateActor(database(), viewer, request.params.actorId, request.body, viewer.userId);
      return getActorDetail(database(), viewer, request.params.actorId);
    },
  );

  app.delete(
    '/regions/:slug/actors/:actorId',
    {
      config: { policy: 'actor.delete' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een actor en zijn relaties verwijderen (regisseur)',
        params: actorParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.delete');
      await deleteActor(database().db, viewer, request.params.actorId, viewer.userId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/regions/:slug/actors/:actorId/editors/:userId',
    {
      config: { policy: 'actor.editors.manage' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een lid koppelen aan deze actor (de eigen organisatie die een redacteur mag bewerken) (regisseur)',
        params: actorParams.extend({ userId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.editors.manage');
      await setMemberActor(database().db, viewer, request.params.userId, request.params.actorId, viewer.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/regions/:slug/actors/:actorId/editors/:userId',
    {
      config: { policy: 'actor.editors.manage' },
      schema: {
        tags: ['netwerk'],
        summary: 'De koppeling van een lid aan deze actor opheffen (regisseur)',
        params: actorParams.extend({ userId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.editors.manage');
      await setMemberActor(database().db, viewer, request.params.userId, null, viewer.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/regions/:slug/actors/:actorId/history',
    {
      config: { policy: 'actor.history.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Wijzigingsgeschiedenis van een actor: wie, wanneer, welke velden (leden)',
        params: actorParams,
        response: { 200: z.array(historyEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.history.read');
      return actorHistory(database(), viewer, request.params.actorId);
    },
  );

  app.get(
    '/regions/:slug/relations',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Relaties tussen actoren, met bovenlokaal en grensverleggend; anoniem enkel tussen publieke profielen',
        params: slugParams,
        querystring: z.object({ actor: z.uuid().optional() }),
        response: { 200: z.array(relationSchema), ...errorResponses },
      },
    },
    async (request) => listRelations(database().raw, await authorizeViewer(request, request.params.slug, 'actor.read'), request.query.actor),
  );

  app.post(
    '/regions/:slug/relations',
    {
      config: { policy: 'relation.edit' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een relatie toevoegen (regisseur; redacteur vanuit of naar de eigen organisatie)',
        params: slugParams,
        body: relationInputSchema,
        response: { 201: relationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'relation.edit');
      return reply.status(201).send(await createRelation(database(), viewer, request.body, viewer.userId));
    },
  );

  app.patch(
    '/regions/:slug/relations/:relationId',
    {
      config: { policy: 'relation.edit' },
      schema: {
        tags: ['netwerk'],
        summary: 'Soort, periode of notitie van een relatie wijzigen; 409 bij gelijktijdige wijziging',
        params: relationParams,
        body: relationUpdateSchema,
        response: { 200: relationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'relation.edit');
      return updateRelation(database(), viewer, request.params.relationId, request.body, viewer.userId);
    },
  );

  app.delete(
    '/regions/:slug/relations/:relationId',
    {
      config: { policy: 'relation.edit' },
      schema: {
        tags: ['netwerk'],
        summary: 'Een relatie verwijderen',
        params: relationParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'relation.edit');
      await deleteRelation(database().db, viewer, request.params.relationId, viewer.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/regions/:slug/actors/export',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'De (gefilterde) actorenlijst als CSV of XLSX, in dezelfde kolommen als de import (e-mail enkel voor leden)',
        params: slugParams,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.read');
      const member = viewer.role !== null;
      const params = new Params();
      const { format, ...filters } = request.query;
      const typos = await needsTypos(database().raw, viewer.region.id, filters, { member });
      const { from, where } = actorFilter(viewer.region.id, filters, { member, typos }, params);
      const rows = await exportRows(database().raw, { from, where, params: params.values }, member);
      const table = rows.map((row) => ACTOR_COLUMNS.map((column) => row[column]));
      const body = format === 'xlsx' ? await writeXlsx([{ name: 'Actoren', rows: [ACTOR_COLUMNS, ...table], boldRows: [1], defaultWidth: 24 }]) : writeCsv([ACTOR_COLUMNS, ...table]);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="actoren-${viewer.region.slug}.${format}"`)
        .send(body);
    },
  );

  app.post(
    '/regions/:slug/actors/import/preview',
    {
      config: { policy: 'actor.import' },
      schema: {
        tags: ['netwerk'],
        summary: 'Voorbeeld van een import (CSV of XLSX, base64): fouten per rij en mogelijke dubbels, zonder iets te schrijven (regisseur)',
        params: slugParams,
        body: importRequestSchema,
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request) => runImport(request, request.params.slug, request.body, true),
  );

  app.get(
    '/regions/:slug/actors/import/progress/:progressId',
    {
      config: { policy: 'actor.import' },
      schema: {
        tags: ['netwerk'],
        summary: 'Voortgang van een lopende import (fase, verwerkte rijen, totaal), door de client gepeild (regisseur die de import startte)',
        params: slugParams.extend({ progressId: z.uuid() }),
        response: { 200: importProgressSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.import');
      const [row] = await request.server.ctx.database.raw.query<{ phase: ImportProgress['phase']; done: number; total: number }>(
        'SELECT phase, done, total FROM network_import_progress WHERE id = $1 AND region_id = $2 AND user_id = $3',
        [request.params.progressId, viewer.region.id, viewer.userId],
      );
      if (!row) throw new AppError('NOT_FOUND');
      return { phase: row.phase, done: row.done, total: row.total };
    },
  );

  app.post(
    '/regions/:slug/actors/import',
    {
      config: { policy: 'actor.import' },
      schema: {
        tags: ['netwerk'],
        summary: 'Actoren importeren in één transactie; bij fouten niets, tenzij onlyValid (regisseur). Grote bestanden of background: 202 met de taak-id (GET …/jobs/:id)',
        params: slugParams,
        body: importRequestSchema,
        response: { 200: importResultSchema, 202: jobAcceptedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = Buffer.from(request.body.content, 'base64');
      if (!request.body.background && file.length <= LARGE_IMPORT_BYTES) return runImport(request, request.params.slug, request.body, false);
      // Large commits run as a job: the request only stores the file; any instance's worker imports it.
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.import');
      const jobId = await enqueueActorImport(request.server.ctx.database, {
        regionId: viewer.region.id,
        userId: viewer.userId,
        file,
        fileName: request.body.fileName,
        onlyValid: request.body.onlyValid,
        updateDuplicates: request.body.updateDuplicates,
        locale: requestLocale(request),
      });
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/regions/:slug/coverage/export',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Dekkingsrapport als XLSX (matrix, witte vlekken, samenvatting), CSV (matrix) of PDF (afdrukbaar rapport)',
        params: slugParams,
        querystring: z.object({ format: coverageFormatSchema, scope: coverageScopeSchema.default('thuis') }),
      },
    },
    async (request, reply) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.read');
      const { format, scope } = request.query;
      const report = await coverageReport(viewer, scope);
      const t = requestTranslator(request);
      const body =
        format === 'pdf'
          ? await coverageToPdf(coverageReportModel(report, viewer.region.name, t, new Date()), t)
          : format === 'xlsx'
            ? await coverageWorkbook(report, t)
            : coverageCsv(report, t);
      return reply
        .header('content-type', COVERAGE_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="dekking-${viewer.region.slug}${scope === 'thuis' ? '' : `-${scope}`}.${format}"`)
        .send(body);
    },
  );

  app.get(
    '/regions/:slug/network/graph',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Netwerkgrafiek: actoren en relaties met graad, betweenness, gemeenschappen, geïsoleerde actoren en makelaars (op de server berekend)',
        params: slugParams,
        response: { 200: graphSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'actor.read');
      return cachedView(database().raw, viewer.region.id, viewer.role ? 'graph:member' : 'graph:public', () => networkGraph(database().raw, viewer));
    },
  );

  app.get(
    '/regions/:slug/network/bubbles',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Bollenschema: per gemeente de culturele (boven) en niet-culturele (onder) actoren; de eigen gemeente eerst',
        params: slugParams,
        response: { 200: bubbleSchemeSchema, ...errorResponses },
      },
    },
    async (request) => bubbleScheme(database().raw, await authorizeViewer(request, request.params.slug, 'actor.read')),
  );

  app.get(
    '/regions/:slug/coverage',
    {
      config: { policy: 'actor.read' },
      schema: {
        tags: ['netwerk'],
        summary: 'Dekkingsrapport: gemeente × sector (per eigen gemeente of, met scope=werkingsgebied, per gemeente waar actoren actief zijn), witte vlekken, bovenlokale en grensverleggende relaties, geïsoleerde actoren',
        params: slugParams,
        querystring: z.object({ scope: coverageScopeSchema.default('thuis') }),
        response: { 200: coverageSchema, ...errorResponses },
      },
    },
    async (request) => coverageReport(await authorizeViewer(request, request.params.slug, 'actor.read'), request.query.scope),
  );
}
