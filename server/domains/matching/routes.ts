import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { requestTranslator } from '../../http/errors.js';
import { authorizeViewer } from '../network/access.js';
import { matchListSchema, matchQuerySchema, regionMatchListSchema, regionMatchQuerySchema } from '../../../common/schemas/matching.js';
import { matchesFor, regionMatches } from './service.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });

/** Matching: suggestions for one actor or text (members), and the region's strongest unmet pairs (regisseur). */
export async function matchingRoutes(app: ApiInstance): Promise<void> {
  const raw = () => app.ctx.database.raw;

  app.get(
    '/regions/:slug/matches',
    {
      config: { policy: 'match.read' },
      schema: {
        tags: ['makelaardij'],
        summary: 'Voorgestelde partners voor een nood of sterkte (of alle noden van een actor), elk met de redenen (leden)',
        params: slugParams,
        querystring: matchQuerySchema,
        response: { 200: matchListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'match.read');
      return matchesFor(raw(), viewer, request.query, requestTranslator(request));
    },
  );

  app.get(
    '/regions/:slug/matches/region',
    {
      config: { policy: 'match.region.read' },
      schema: {
        tags: ['makelaardij'],
        summary: 'De sterkste koppels van de regio die nog niet samenwerken, te filteren op gemeente en sector (regisseur)',
        params: slugParams,
        querystring: regionMatchQuerySchema,
        response: { 200: regionMatchListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const viewer = await authorizeViewer(request, request.params.slug, 'match.region.read');
      return regionMatches(raw(), viewer, request.query, requestTranslator(request));
    },
  );
}
