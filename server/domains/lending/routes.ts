import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { AppError, requestLocale, requestTranslator } from '../../http/errors.js';
import {
  BOOKING_TRANSITIONS,
  bookingCreatedSchema,
  bookingInputSchema,
  bookingListQuerySchema,
  bookingSchema,
  bookingTransitionBodySchema,
  calendarQuerySchema,
  calendarSchema,
  feedSchema,
  itemDetailSchema,
  itemInputSchema,
  itemListQuerySchema,
  itemSummarySchema,
  itemUpdateSchema,
  lendingMeSchema,
  lendingImportRequestSchema,
  lendingImportResultSchema,
  overviewSchema,
  photoInputSchema,
} from '../../../common/schemas/lending.js';
import { lendingViewer, managesOwner } from './access.js';
import { memberCan } from '../../policy/policy.js';
import {
  addPhoto,
  calendar,
  createBooking,
  createItem,
  deleteItem,
  deletePhoto,
  getBooking,
  getItemDetail,
  getPhoto,
  listBookings,
  listItems,
  transitionBooking,
  updateItem,
} from './service.js';
import { lendingOverview, overviewWorkbook } from './overview.js';
import { feedCalendar, feedToken } from './feed.js';
import { labelsPdf, labelUnits } from './labels.js';
import { importInventory, parseInventory } from './import.js';
import { itemPageUrl } from './links.js';
import { addDays, todayInBrussels } from './dates.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const itemParams = slugParams.extend({ itemId: z.uuid() });
const bookingParams = slugParams.extend({ bookingId: z.uuid() });
const tags = ['uitleendienst'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The lending pool's routes: items, photos, bookings, calendar, overview, labels, import and iCal. */
export async function lendingRoutes(app: ApiInstance): Promise<void> {
  const database = () => app.ctx.database;

  app.get(
    '/regions/:slug/lending/me',
    {
      config: { policy: 'lending.read' },
      schema: { tags, summary: 'De eigen organisatie van de aanvrager en wat die in de uitleendienst mag', params: slugParams, response: { 200: lendingMeSchema, ...errorResponses } },
    },
    async (request) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.read');
      const [actor] = viewer.ownActorId ? await database().raw.query<{ name: string }>('SELECT name FROM actors WHERE id = $1', [viewer.ownActorId]) : [];
      return {
        ownActor: viewer.ownActorId && actor ? { id: viewer.ownActorId, name: actor.name } : null,
        isAdmin: viewer.role === 'admin',
        canAddItems: viewer.role === 'admin' || (viewer.ownActorId !== null && managesOwner(viewer, viewer.ownActorId)),
        seesOverview: memberCan(viewer, 'lending.overview'),
      };
    },
  );

  app.get(
    '/regions/:slug/lending/items',
    {
      config: { policy: 'lending.read' },
      schema: { tags, summary: 'Uitleenitems zoeken: filters, vrije eenheden voor een periode, afstand tot een gemeente (leden)', params: slugParams, querystring: itemListQuerySchema, response: { 200: z.array(itemSummarySchema), ...errorResponses } },
    },
    async (request) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.read');
      const query = request.query;
      if (query.from && query.to && query.to < query.from) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'to', message: '@lending.validation.toBeforeFrom' }]);
      if ((query.from === undefined) !== (query.to === undefined)) throw new AppError('VALIDATION_FAILED', {}, [{ path: query.from ? 'to' : 'from', message: '@validation.required' }]);
      if (query.withinKm !== undefined && !query.near) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'near', message: '@validation.required' }]);
      return listItems(database(), viewer.region.id, query);
    },
  );

  app.post(
    '/regions/:slug/lending/items',
    {
      config: { policy: 'lending.item.manage' },
      schema: { tags, summary: 'Een uitleenitem toevoegen (partner: voor de eigen organisatie)', params: slugParams, body: itemInputSchema, response: { 201: itemDetailSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.item.manage');
      const item = await createItem(database(), viewer, request.body);
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/regions/:slug/lending/items/:itemId',
    { config: { policy: 'lending.read' }, schema: { tags, summary: 'Een uitleenitem met voorwaarden, onderdelen en foto’s', params: itemParams, response: { 200: itemDetailSchema, ...errorResponses } } },
    async (request) => getItemDetail(database(), await lendingViewer(request, request.params.slug, 'lending.read'), request.params.itemId),
  );

  app.patch(
    '/regions/:slug/lending/items/:itemId',
    { config: { policy: 'lending.item.manage' }, schema: { tags, summary: 'Een uitleenitem wijzigen (met versie; 409 als iemand anders het intussen wijzigde)', params: itemParams, body: itemUpdateSchema, response: { 200: itemDetailSchema, ...errorResponses } } },
    async (request) => updateItem(database(), await lendingViewer(request, request.params.slug, 'lending.item.manage'), request.params.itemId, request.body),
  );

  app.delete(
    '/regions/:slug/lending/items/:itemId',
    { config: { policy: 'lending.item.manage' }, schema: { tags, summary: 'Een uitleenitem verwijderen (niet zolang het gereserveerd of uitgeleend is)', params: itemParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await deleteItem(database(), await lendingViewer(request, request.params.slug, 'lending.item.manage'), request.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/regions/:slug/lending/items/:itemId/photos',
    { config: { policy: 'lending.item.manage' }, schema: { tags, summary: 'Een foto toevoegen (JPEG, PNG of WebP, base64, hoogstens 2 MB) met een beschrijving voor schermlezers', params: itemParams, body: photoInputSchema, response: { 201: z.object({ id: z.uuid() }), ...errorResponses } } },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.item.manage');
      const id = await addPhoto(database(), viewer, request.params.itemId, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/regions/:slug/lending/items/:itemId/photos/:photoId',
    { config: { policy: 'lending.read' }, schema: { tags, summary: 'De foto zelf', params: itemParams.extend({ photoId: z.uuid() }), response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.read');
      const photo = await getPhoto(database(), viewer.region.id, request.params.itemId, request.params.photoId);
      return reply.header('content-type', photo.contentType).header('cache-control', 'private, max-age=86400').send(photo.bytes);
    },
  );

  app.delete(
    '/regions/:slug/lending/items/:itemId/photos/:photoId',
    { config: { policy: 'lending.item.manage' }, schema: { tags, summary: 'Een foto verwijderen', params: itemParams.extend({ photoId: z.uuid() }), response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await deletePhoto(database(), await lendingViewer(request, request.params.slug, 'lending.item.manage'), request.params.itemId, request.params.photoId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/regions/:slug/lending/labels',
    {
      config: { policy: 'lending.item.manage' },
      schema: { tags, summary: 'QR-labels (PDF, A4-vellen van 3 × 8 stickers), één per eenheid van de gekozen items', params: slugParams, querystring: z.object({ itemIds: z.string().max(20_000).optional() }), response: { 200: z.any(), ...errorResponses } },
    },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.item.manage');
      // An editor without an own organisation manages no item's labels.
      if (!memberCan(viewer, 'lending.item.manage', [viewer.ownActorId])) throw new AppError('FORBIDDEN');
      const itemIds = z.array(z.uuid()).min(1).max(500).safeParse((request.query.itemIds ?? '').split(',').filter(Boolean));
      if (!itemIds.success) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'itemIds', message: '@validation.uuid' }]);
      const owners = memberCan(viewer, 'lending.any-actor') ? null : [viewer.ownActorId!];
      const units = await labelUnits(database(), viewer.region.id, itemIds.data, owners);
      const pdf = await labelsPdf(units, (itemId) => itemPageUrl(app.ctx.publicUrl(request), viewer.region.slug, itemId), requestLocale(request));
      return reply.header('content-type', 'application/pdf').header('content-disposition', 'inline; filename="qr-labels.pdf"').send(pdf);
    },
  );

  app.post(
    '/regions/:slug/lending/bookings',
    {
      config: { policy: 'lending.book' },
      schema: { tags, summary: 'Een item aanvragen voor hele dagen (tot en met); 409 BOOKING_OVERLAP met de botsende periode', params: slugParams, body: bookingInputSchema, response: { 201: bookingCreatedSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.book');
      const booking = await createBooking(database(), viewer, request.body);
      return reply.code(201).send({ id: booking.id, status: booking.status, booking });
    },
  );

  app.get(
    '/regions/:slug/lending/bookings',
    { config: { policy: 'lending.read' }, schema: { tags, summary: 'Reserveringen: van de eigen organisatie als ontlener of als eigenaar, of alle (regisseur)', params: slugParams, querystring: bookingListQuerySchema, response: { 200: z.array(bookingSchema), ...errorResponses } } },
    async (request) => listBookings(database(), await lendingViewer(request, request.params.slug, 'lending.read'), request.query),
  );

  app.get(
    '/regions/:slug/lending/bookings/:bookingId',
    { config: { policy: 'lending.read' }, schema: { tags, summary: 'Eén reservering', params: bookingParams, response: { 200: bookingSchema, ...errorResponses } } },
    async (request) => getBooking(database(), await lendingViewer(request, request.params.slug, 'lending.read'), request.params.bookingId),
  );

  app.post(
    '/regions/:slug/lending/bookings/:bookingId/:transition',
    {
      config: { policy: 'lending.booking.update' },
      schema: {
        tags,
        summary: 'Een reservering een stap verder zetten: confirm, refuse, check-out, return (eigenaar) of cancel (ontlener of eigenaar), met versie',
        params: bookingParams.extend({ transition: z.enum(BOOKING_TRANSITIONS) }),
        body: bookingTransitionBodySchema,
        response: { 200: bookingSchema, ...errorResponses },
      },
    },
    async (request) => transitionBooking(database(), await lendingViewer(request, request.params.slug, 'lending.booking.update'), request.params.bookingId, request.params.transition, request.body),
  );

  app.get(
    '/regions/:slug/lending/calendar',
    { config: { policy: 'lending.read' }, schema: { tags, summary: 'Kalender van één item of van de items in een gemeente (hoogstens 62 dagen)', params: slugParams, querystring: calendarQuerySchema, response: { 200: calendarSchema, ...errorResponses } } },
    async (request) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.read');
      const from = request.query.from ?? todayInBrussels();
      return calendar(database(), viewer.region.id, { ...request.query, from, to: request.query.to ?? addDays(from, 34) });
    },
  );

  app.get(
    '/regions/:slug/lending/overview',
    { config: { policy: 'lending.overview' }, schema: { tags, summary: 'Overzicht: inventaris per gemeente en sector, gebruik per item en maand, bovenlokaal gebruik, nooit ontleend', params: slugParams, response: { 200: overviewSchema, ...errorResponses } } },
    async (request) => lendingOverview(database(), (await lendingViewer(request, request.params.slug, 'lending.overview')).region.id),
  );

  app.get(
    '/regions/:slug/lending/overview/export',
    { config: { policy: 'lending.overview' }, schema: { tags, summary: 'Het overzicht als XLSX', params: slugParams, response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.overview');
      const workbook = await overviewWorkbook(await lendingOverview(database(), viewer.region.id), requestLocale(request));
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="uitleendienst-${viewer.region.slug}.xlsx"`).send(workbook);
    },
  );

  for (const [path, commit] of [['/regions/:slug/lending/import/preview', false], ['/regions/:slug/lending/import', true]] as const) {
    app.post(
      path,
      {
        config: { policy: 'lending.import' },
        schema: {
          tags,
          summary: commit ? 'Een inventaris importeren: alles in één transactie, of niets als een rij een fout heeft (regisseur)' : 'Voorbeeld van een inventarisimport (CSV of XLSX, base64) met fouten per rij (regisseur)',
          params: slugParams,
          body: lendingImportRequestSchema,
          response: { 200: lendingImportResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const viewer = await lendingViewer(request, request.params.slug, 'lending.import');
        const items = await parseInventory(database(), viewer.region.id, Buffer.from(request.body.content, 'base64'), request.body.fileName, requestTranslator(request));
        return importInventory(database(), viewer.region.id, viewer.userId, items, commit);
      },
    );
  }

  app.post(
    '/regions/:slug/lending/feeds/:actorId',
    {
      config: { policy: 'lending.feed.manage' },
      schema: { tags, summary: 'De geheime iCal-link van de reserveringen van een actor (eigen organisatie of regisseur); renew vervangt de oude', params: slugParams.extend({ actorId: z.uuid() }), body: z.object({ renew: z.boolean().default(false) }), response: { 200: feedSchema, ...errorResponses } },
    },
    async (request) => {
      const viewer = await lendingViewer(request, request.params.slug, 'lending.feed.manage');
      if (!memberCan(viewer, 'lending.on-behalf', [request.params.actorId])) throw new AppError('FORBIDDEN');
      const token = await feedToken(database(), viewer.region.id, request.params.actorId, request.body.renew);
      return { actorId: request.params.actorId, url: `${app.ctx.publicUrl(request)}/api/lending/feeds/${token}.ics` };
    },
  );

  app.get(
    '/lending/feeds/:file',
    { config: { policy: 'lending.feed.read' }, schema: { tags, summary: 'De iCal-feed achter een geheime link (alle dagen van de reserveringen als ontlener en als eigenaar)', params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }), response: { 200: z.any(), ...errorResponses } } },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const [region] = await database().raw.query<{ slug: string }>('SELECT r.slug FROM lending_feed_tokens t JOIN regions r ON r.id = t.region_id WHERE t.token = $1', [token]);
      const body = await feedCalendar(database(), token, (itemId) => itemPageUrl(app.ctx.publicUrl(request), region?.slug ?? '', itemId));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
