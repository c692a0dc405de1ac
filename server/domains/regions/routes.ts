import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { loadRegion, requireRegionRole, roleInRegion } from '../../http/access.js';
import { regionDetailSchema, regionSummarySchema, regionUpdateSchema } from '../../../common/schemas/regions.js';
import { getRegionDetail, listRegions, updateRegion } from './service.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });

/** Regions (tenants): public list and detail, admin-only settings. */
export async function regionRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/regions',
    {
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
      schema: {
        tags: ['regio'],
        summary: 'Eén regio met gemeenten en postcodes (publiek); myRole voor leden',
        params: slugParams,
        response: { 200: regionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const region = await loadRegion(request, request.params.slug);
      return getRegionDetail(app.ctx.database.db, region, roleInRegion(request.user, region.id));
    },
  );

  app.patch(
    '/regions/:slug',
    {
      schema: {
        tags: ['regio'],
        summary: 'Naam, beschrijving en gemeenten van een regio wijzigen (regisseur); 409 bij gelijktijdige wijziging',
        params: slugParams,
        body: regionUpdateSchema,
        response: { 200: regionDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role, user } = await requireRegionRole(request, request.params.slug, ['admin']);
      const updated = await updateRegion(app.ctx.database.db, region, request.body, user.id, role);
      return getRegionDetail(app.ctx.database.db, updated, role);
    },
  );
}
