import { z } from 'zod';
import type { ApiInstance } from '../../../http/route-types.js';
import { errorResponses } from '../../../http/route-types.js';
import { authorize } from '../../../policy/authorize.js';
import { requestLocale } from '../../../http/errors.js';
import {
  publicCatalogInfoSchema,
  publicOfferDetailSchema,
  publicOfferListSchema,
  publicOfferQuerySchema,
} from '../../../../common/schemas/catalog-public.js';
import { OFFER_LANGUAGES } from '../../../../common/schemas/catalog.js';
import { getPublicCatalogInfo, getPublicOffer, listPublicOffers, publicOfferIcs } from './service.js';

const slugParams = z.object({ slug: z.string() });
const offerParams = z.object({ slug: z.string(), offerId: z.uuid() });
const langQuery = z.object({ lang: z.enum(OFFER_LANGUAGES).optional() }).strict();

/** The public catalog (no login): the offer list with its filters, one offer, its calendar file, the page's facts. */
export async function catalogPublicRoutes(app: ApiInstance): Promise<void> {
  const raw = () => app.ctx.database.raw;

  app.get(
    '/regions/:slug/offers',
    {
      config: { policy: 'catalog.public.read' },
      schema: {
        tags: ['aanbod'],
        summary: 'Publiek aanbod: gepubliceerde, lopende activiteiten met zoeken, gemeente of in de buurt, taaliconen, gratis, UiTPAS, kinderen, data, thema',
        params: slugParams,
        querystring: publicOfferQuerySchema,
        response: { 200: publicOfferListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'catalog.public.read');
      return listPublicOffers(raw(), region, request.query, request.query.lang ?? requestLocale(request));
    },
  );

  app.get(
    '/regions/:slug/offers/:offerId',
    {
      config: { policy: 'catalog.public.read' },
      schema: {
        tags: ['aanbod'],
        summary: 'Eén publieke activiteit: wanneer, waar, prijs, taaliconen, onthaal; teksten in de gevraagde taal waar vertaald',
        params: offerParams,
        querystring: langQuery,
        response: { 200: publicOfferDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'catalog.public.read');
      return getPublicOffer(raw(), region, request.params.offerId, request.query.lang ?? requestLocale(request));
    },
  );

  app.get(
    '/regions/:slug/offers/:offerId/ical',
    {
      config: { policy: 'catalog.public.read' },
      schema: {
        tags: ['aanbod'],
        summary: 'De komende data van een activiteit als iCalendar-bestand (in je agenda zetten)',
        params: offerParams,
        querystring: langQuery,
        response: { 200: z.string().describe('text/calendar'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'catalog.public.read');
      const base = app.ctx.publicUrl(request);
      const pageUrl = `${base}/r/${region.slug}/aanbod/${request.params.offerId}`;
      const ics = await publicOfferIcs(raw(), region, request.params.offerId, {
        pageUrl,
        host: new URL(base).host,
        lang: request.query.lang ?? requestLocale(request),
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="activiteit-${request.params.offerId.slice(0, 8)}.ics"`)
        .send(ics);
    },
  );

  app.get(
    '/regions/:slug/public-catalog',
    {
      config: { policy: 'catalog.public.read' },
      schema: {
        tags: ['aanbod'],
        summary: 'Wat de publieke aanbodpagina nodig heeft: regio, gemeenten met hun centrum, thema’s van het huidige aanbod',
        params: slugParams,
        response: { 200: publicCatalogInfoSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'catalog.public.read');
      return getPublicCatalogInfo(raw(), region);
    },
  );
}
