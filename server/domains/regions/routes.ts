import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { regionDetailSchema, regionSummarySchema, regionUpdateSchema } from '../../../common/schemas/regions.js';
import { getRegionDetail, listRegions, updateRegion } from './service.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });

/** Regions (tenants): public list and detail, admin-only settings. */
export async function regionRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/regions',
    {
      config: { policy: 'region.read' },
      schema: {
        tags: ['regio'],
        summary: 'Alle regio’s met hun gemeenten (publiek)',
        response: { 200: z.array(regionSummarySchema) },
      },
    },
    async () => listRegions(app.ctx.database.db),
  );

  app.get(
    '/regions/:slug',
    {
      config: { policy: 'region.read' },
      schema: {
        tags: ['regio'],
        summary: 'Eén regio met gemeenten en postcodes (publiek); myRole voor leden',
        params: slugParams,
        response: { 200: regionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'region.read');
      return getRegionDetail(app.ctx.database.db, region, role);
    },
  );

  app.patch(
    '/regions/:slug',
    {
      config: { policy: 'region.settings.update' },
      schema: {
        tags: ['regio'],
        summary: 'Naam, beschrijving en gemeenten van een regio wijzigen (regisseur); 409 bij gelijktijdige wijziging',
        params: slugParams,
        body: regionUpdateSchema,
        response: { 200: regionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role, user } = await authorize(request, request.params.slug, 'region.settings.update');
      const updated = await updateRegion(app.ctx.database.db, region, request.body, user.id, role);
      return getRegionDetail(app.ctx.database.db, updated, role);
    },
  );
}
