import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { requestTranslator } from '../../http/errors.js';
import { loadPlan } from './service.js';
import { linkIndicatorSource, listIndicatorSources, refreshIndicatorSource } from './indicator-sources.js';
import { actionSchema, indicatorSourceLinkSchema, indicatorSourceListSchema } from '../../../common/schemas/plans.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const indicatorParams = slugParams.extend({ planId: z.string().min(1).max(60), indicatorId: z.string().min(1).max(60) });

/** Indicators that follow a figure (decision 032): the figures on offer, linking one, and "Nu bijwerken" (regisseur, partner). */
export async function indicatorSourceRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    '/regions/:slug/plan-indicator-sources',
    {
      config: { policy: 'plan.indicator.link' },
      schema: { tags: ['plannen'], summary: 'De cijfers waaraan een indicator gekoppeld kan worden (regisseur, partner)', params: slugParams, response: { 200: indicatorSourceListSchema, ...errorResponses } },
    },
    async (request) => {
      await authorize(request, request.params.slug, 'plan.indicator.link');
      return { items: listIndicatorSources(requestTranslator(request)) };
    },
  );

  app.put(
    '/regions/:slug/plans/:planId/indicators/:indicatorId/source',
    {
      config: { policy: 'plan.indicator.link' },
      schema: {
        tags: ['plannen'],
        summary: 'Koppelt een indicator aan een cijfer (of ontkoppelt met null) en berekent de waarde; 409 bij een verouderde versie van de actie (regisseur, partner)',
        params: indicatorParams,
        body: indicatorSourceLinkSchema,
        response: { 200: actionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role, user } = await authorize(request, request.params.slug, 'plan.indicator.link');
      const plan = await loadPlan(db(), region, request.params.planId, role);
      return linkIndicatorSource(db(), region, plan, request.params.indicatorId, request.body, user.id);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/indicators/:indicatorId/source/refresh',
    {
      config: { policy: 'plan.indicator.link' },
      schema: { tags: ['plannen'], summary: 'Berekent een gekoppelde indicator nu opnieuw (regisseur, partner)', params: indicatorParams, response: { 200: actionSchema, ...errorResponses } },
    },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'plan.indicator.link');
      const plan = await loadPlan(db(), region, request.params.planId, role);
      return refreshIndicatorSource(db(), region, plan, request.params.indicatorId);
    },
  );
}
