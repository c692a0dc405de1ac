import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { AppError, fieldError, requestLocale, requestTranslator } from '../../http/errors.js';
import { authorize } from '../../policy/authorize.js';
import { ownActorInRegion } from '../../policy/policy.js';
import type { Action } from '../../policy/permissions.js';
import { enqueueJob } from '../../jobs/queue.js';
import { jobAcceptedSchema } from '../../../common/schemas/jobs.js';
import {
  catalogCoverageSchema,
  catalogSettingsSchema,
  catalogSettingsUpdateSchema,
  offerAdminListQuerySchema,
  offerAdminListSchema,
  offerDetailSchema,
  offerImportRequestSchema,
  offerImportResultSchema,
  offerInputSchema,
  offerUpdateSchema,
} from '../../../common/schemas/catalog.js';
import { catalogSettings } from './schema.js';
import { recordChange } from '../audit/service.js';
import { createOffer, deleteOffer, getOffer, listOffers, updateOffer, type OfferEditor } from './service.js';
import { ImportFileError, importOffers } from './import.js';
import { catalogCoverage, catalogIndicatorValues, coverageFile, offersFile } from './coverage.js';
import { loadCurrentOffers, toIcs, toJsonLd } from './feeds.js';
import { WIDGET_SCRIPT } from './widget.js';
import { PULL_JOB } from './pull.js';
import { posterData, posterPdf } from './poster.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const offerParams = slugParams.extend({ offerId: z.uuid() });
const feedQuery = z.object({ gemeente: z.string().regex(/^\d{5}$/).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });
const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

async function editorOf<A extends Action>(request: FastifyRequest, slug: string, action: A): Promise<OfferEditor & { slug: string; regionName: string }> {
  const access = await authorize(request, slug, action);
  return {
    regionId: access.region.id,
    slug: access.region.slug,
    regionName: access.region.name,
    userId: access.user?.id ?? null,
    role: access.role,
    ownActorId: ownActorInRegion(access.user, access.region.id),
  };
}

function presentSettings(row: typeof catalogSettings.$inferSelect | undefined) {
  return {
    uitdatabankUrl: row?.uitdatabankUrl ?? null,
    hasApiKey: Boolean(row?.uitdatabankApiKey),
    uitdatabankQuery: row?.uitdatabankQuery ?? '',
    pullEnabled: row?.pullEnabled ?? false,
    pullEveryHours: row?.pullEveryHours ?? 24,
    lastPullAt: row?.lastPullAt?.toISOString() ?? null,
    lastPullResult: row?.lastPullResult ?? null,
    version: row?.version ?? 0,
  };
}

/** The catalog back office under /regions/:slug/catalog (the public reads are wt-public's /regions/:slug/offers). */
export async function catalogRoutes(app: ApiInstance): Promise<void> {
  const database = () => app.ctx.database;

  app.get(
    '/regions/:slug/catalog/offers',
    {
      config: { policy: 'offer.list' },
      schema: { tags: ['aanbod'], summary: 'Het aanbod van de regio voor leden (alle statussen), met aantallen per status', params: slugParams, querystring: offerAdminListQuerySchema, response: { 200: offerAdminListSchema, ...errorResponses } },
    },
    async (request) => listOffers(database().raw, await editorOf(request, request.params.slug, 'offer.list'), request.query),
  );

  app.post(
    '/regions/:slug/catalog/offers',
    {
      config: { policy: 'offer.edit' },
      schema: { tags: ['aanbod'], summary: 'Aanbod toevoegen (regisseur, of een partner voor de eigen organisatie)', params: slugParams, body: offerInputSchema, response: { 201: offerDetailSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'offer.edit');
      const id = await createOffer(database(), editor, request.body);
      return reply.status(201).send(await getOffer(database().raw, editor, id));
    },
  );

  app.get(
    '/regions/:slug/catalog/offers/:offerId',
    {
      config: { policy: 'offer.list' },
      schema: { tags: ['aanbod'], summary: 'Eén aanbod met alle velden (leden; ook ontwerpen)', params: offerParams, response: { 200: offerDetailSchema, ...errorResponses } },
    },
    async (request) => getOffer(database().raw, await editorOf(request, request.params.slug, 'offer.list'), request.params.offerId),
  );

  app.patch(
    '/regions/:slug/catalog/offers/:offerId',
    {
      config: { policy: 'offer.edit' },
      schema: { tags: ['aanbod'], summary: 'Aanbod wijzigen; 409 met de huidige stand bij een verouderde versie', params: offerParams, body: offerUpdateSchema, response: { 200: offerDetailSchema, ...errorResponses } },
    },
    async (request) => {
      const editor = await editorOf(request, request.params.slug, 'offer.edit');
      await updateOffer(database(), editor, request.params.offerId, request.body);
      return getOffer(database().raw, editor, request.params.offerId);
    },
  );

  app.delete(
    '/regions/:slug/catalog/offers/:offerId',
    {
      config: { policy: 'offer.edit' },
      schema: { tags: ['aanbod'], summary: 'Aanbod verwijderen (archiveren houdt het bij)', params: offerParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await deleteOffer(database(), await editorOf(request, request.params.slug, 'offer.edit'), request.params.offerId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/regions/:slug/catalog/import',
    {
      config: { policy: 'offer.import' },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags: ['aanbod'],
        summary: 'UiTdatabank JSON-LD importeren: dryRun geeft het voorbeeld, anders alles in één transactie',
        params: slugParams,
        body: offerImportRequestSchema,
        response: { 200: offerImportResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const editor = await editorOf(request, request.params.slug, 'offer.import');
      try {
        return await importOffers(database().db, editor.regionId, request.body.content, {
          dryRun: request.body.dryRun,
          createOrganizers: request.body.createOrganizers,
          userId: editor.userId,
          t: requestTranslator(request),
        });
      } catch (error) {
        if (error instanceof ImportFileError) throw fieldError('content', error.messageKey, error.params);
        throw error;
      }
    },
  );

  app.get(
    '/regions/:slug/catalog/export',
    {
      config: { policy: 'offer.export' },
      schema: { tags: ['aanbod'], summary: 'Het aanbod van de regio als CSV of XLSX', params: slugParams, querystring: formatQuery },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'offer.export');
      const format = request.query.format;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="aanbod-${editor.slug}.${format}"`)
        .send(await offersFile(database().raw, editor.regionId, format));
    },
  );

  app.get(
    '/regions/:slug/catalog/coverage',
    {
      config: { policy: 'catalog.coverage.read' },
      schema: { tags: ['aanbod'], summary: 'Dekking van het aanbod per gemeente; gemeenten zonder aanbod zijn hiaten', params: slugParams, response: { 200: catalogCoverageSchema, ...errorResponses } },
    },
    async (request) => catalogCoverage(database().raw, (await editorOf(request, request.params.slug, 'catalog.coverage.read')).regionId),
  );

  app.get(
    '/regions/:slug/catalog/coverage/export',
    {
      config: { policy: 'offer.export' },
      schema: { tags: ['aanbod'], summary: 'De dekking van het aanbod als CSV of XLSX', params: slugParams, querystring: formatQuery },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'offer.export');
      const format = request.query.format;
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="dekking-aanbod-${editor.slug}.${format}"`)
        .send(await coverageFile(await catalogCoverage(database().raw, editor.regionId), format));
    },
  );

  app.get(
    '/regions/:slug/catalog/coverage/:nisCode/poster.pdf',
    {
      config: { policy: 'offer.export' },
      schema: {
        tags: ['aanbod'],
        summary: 'Een A4-affiche van het aanbod van deze maand in één gemeente, met een QR-code naar het gefilterde aanbod',
        params: slugParams.extend({ nisCode: z.string().regex(/^\d{5}$/) }),
      },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'offer.export');
      const data = await posterData(database().raw, editor.regionId, request.params.nisCode);
      const locale = requestLocale(request);
      const month = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : locale, { month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date());
      const catalogUrl = `${app.ctx.publicUrl(request)}/r/${encodeURIComponent(editor.slug)}/aanbod?municipality=${data.municipality.nisCode}`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="affiche-aanbod-${editor.slug}-${data.municipality.nisCode}.pdf"`)
        .send(await posterPdf(data, catalogUrl, month, requestTranslator(request)));
    },
  );

  app.get(
    '/regions/:slug/catalog/indicators',
    {
      config: { policy: 'catalog.coverage.read' },
      schema: {
        tags: ['aanbod'],
        summary: 'Kerncijfers van het aanbod voor planindicatoren (regio of één gemeente)',
        params: slugParams,
        querystring: z.object({ gemeente: z.string().regex(/^\d{5}$/).optional() }),
        response: { 200: z.object({ current: z.number(), atMostTwoIcons: z.number(), uitpas: z.number(), fourthPillar: z.number(), gaps: z.number() }), ...errorResponses },
      },
    },
    async (request) => catalogIndicatorValues(database().raw, (await editorOf(request, request.params.slug, 'catalog.coverage.read')).regionId, request.query.gemeente),
  );

  app.get(
    '/regions/:slug/catalog/feed.jsonld',
    {
      config: { policy: 'catalog.feed.read' },
      schema: { tags: ['aanbod'], summary: 'Publieke feed: het actuele aanbod als schema.org Events (JSON-LD), per regio of gemeente', params: slugParams, querystring: feedQuery },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'catalog.feed.read');
      const offers = await loadCurrentOffers(database().raw, editor.regionId, { municipality: request.query.gemeente, limit: request.query.limit });
      return reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .send(JSON.stringify(toJsonLd(offers, { publicUrl: app.ctx.publicUrl(request), slug: editor.slug, name: `Aanbod ${editor.regionName}` })));
    },
  );

  app.get(
    '/regions/:slug/catalog/feed.ics',
    {
      config: { policy: 'catalog.feed.read' },
      schema: { tags: ['aanbod'], summary: 'Publieke iCal-feed van het actuele aanbod, per regio of gemeente', params: slugParams, querystring: feedQuery },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'catalog.feed.read');
      const offers = await loadCurrentOffers(database().raw, editor.regionId, { municipality: request.query.gemeente, limit: request.query.limit });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(toIcs(offers, { publicUrl: app.ctx.publicUrl(request), slug: editor.slug, name: `Aanbod ${editor.regionName}` }));
    },
  );

  app.get(
    '/regions/:slug/catalog/widget.js',
    {
      config: { policy: 'catalog.feed.read' },
      schema: { tags: ['aanbod'], summary: 'De widget: één scripttag die het komende aanbod in een andere website toont (data-gemeente, data-aantal)', params: slugParams },
    },
    async (request, reply) => {
      await editorOf(request, request.params.slug, 'catalog.feed.read');
      return reply.header('content-type', 'text/javascript; charset=utf-8').header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=3600').send(WIDGET_SCRIPT);
    },
  );

  app.get(
    '/regions/:slug/catalog/settings',
    {
      config: { policy: 'catalog.settings.manage' },
      schema: { tags: ['aanbod'], summary: 'De koppeling met de UiTdatabank Search API (de sleutel wordt nooit getoond)', params: slugParams, response: { 200: catalogSettingsSchema, ...errorResponses } },
    },
    async (request) => {
      const editor = await editorOf(request, request.params.slug, 'catalog.settings.manage');
      const [row] = await database().db.select().from(catalogSettings).where(eq(catalogSettings.regionId, editor.regionId));
      return presentSettings(row);
    },
  );

  app.put(
    '/regions/:slug/catalog/settings',
    {
      config: { policy: 'catalog.settings.manage' },
      schema: { tags: ['aanbod'], summary: 'De UiTdatabank-koppeling wijzigen; 409 bij een verouderde versie', params: slugParams, body: catalogSettingsUpdateSchema, response: { 200: catalogSettingsSchema, ...errorResponses } },
    },
    async (request) => {
      const editor = await editorOf(request, request.params.slug, 'catalog.settings.manage');
      const { version, ...change } = request.body;
      const db = database().db;
      const written = await db.transaction(async (tx) => {
        const [current] = await tx.select().from(catalogSettings).where(eq(catalogSettings.regionId, editor.regionId)).for('update');
        if ((current?.version ?? 0) !== version) return null;
        const values = { ...change, version: version + 1, updatedAt: new Date() };
        const [row] = current
          ? await tx.update(catalogSettings).set(values).where(eq(catalogSettings.regionId, editor.regionId)).returning()
          : await tx.insert(catalogSettings).values({ regionId: editor.regionId, ...values }).returning();
        const visible = { ...change, ...(change.uitdatabankApiKey !== undefined ? { uitdatabankApiKey: change.uitdatabankApiKey ? '••••' : null } : {}) };
        await recordChange(tx, { regionId: editor.regionId, userId: editor.userId, entityType: 'catalog_settings', entityId: editor.regionId, action: 'update', changes: Object.fromEntries(Object.entries(visible).map(([key, value]) => [key, { before: null, after: value ?? null }])) });
        return row;
      });
      if (!written) {
        const [current] = await db.select().from(catalogSettings).where(eq(catalogSettings.regionId, editor.regionId));
        throw new AppError('CONFLICT', {}, undefined, { current: presentSettings(current) });
      }
      return presentSettings(written);
    },
  );

  app.post(
    '/regions/:slug/catalog/pull',
    {
      config: { policy: 'catalog.settings.manage' },
      schema: { tags: ['aanbod'], summary: 'Nu ophalen uit UiTdatabank (als achtergrondtaak)', params: slugParams, response: { 202: jobAcceptedSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const editor = await editorOf(request, request.params.slug, 'catalog.settings.manage');
      const [settings] = await database().db.select().from(catalogSettings).where(eq(catalogSettings.regionId, editor.regionId));
      if (!settings?.uitdatabankUrl) throw fieldError('uitdatabankUrl', 'catalog.import.pullNotConfigured');
      const jobId = await enqueueJob(database(), { kind: PULL_JOB, regionId: editor.regionId, payload: { regionId: editor.regionId }, createdBy: editor.userId, maxAttempts: 1 });
      return reply.status(202).send({ jobId });
    },
  );
}
