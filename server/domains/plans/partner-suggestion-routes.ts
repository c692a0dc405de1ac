import type { ApiInstance } from '../../http/route-types.js';
import { errorResponses } from '../../http/route-types.js';
import { authorize } from '../../policy/authorize.js';
import { loadPlan } from './service.js';
import { acceptPartnerSuggestion, planPartnerSuggestions } from './partner-suggestions/service.js';
import { partnerSuggestionAcceptResultSchema, partnerSuggestionAcceptSchema, partnerSuggestionsSchema } from '../../../common/schemas/plans.js';
import { z } from 'zod';

const planParams = z.object({ slug: z.string().min(1).max(80), planId: z.string().min(1).max(60) });

/** Partner link suggestions of a plan: list them (members) and accept one for all occurrences (regisseur, partner). */
export async function partnerSuggestionRoutes(app: ApiInstance): Promise<void> {
  const db = () => app.ctx.database.db;

  app.get(
    '/regions/:slug/plans/:planId/partner-suggestions',
    {
      config: { policy: 'plan.partner.suggestions.read' },
      schema: {
        tags: ['plannen'],
        summary: 'Voorstellen om niet-gekoppelde partnernamen aan actoren van de netwerkkaart te koppelen (leden)',
        params: planParams,
        response: { 200: partnerSuggestionsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role } = await authorize(request, request.params.slug, 'plan.partner.suggestions.read');
      const plan = await loadPlan(db(), region, request.params.planId, role);
      return planPartnerSuggestions(db(), plan);
    },
  );

  app.post(
    '/regions/:slug/plans/:planId/partner-suggestions/accept',
    {
      config: { policy: 'plan.partner.suggestions.accept' },
      schema: {
        tags: ['plannen'],
        summary: 'Koppelt elke niet-gekoppelde vermelding van een partnernaam in het plan aan de gekozen actor(en) (regisseur, partner)',
        params: planParams,
        body: partnerSuggestionAcceptSchema,
        response: { 200: partnerSuggestionAcceptResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, role, user } = await authorize(request, request.params.slug, 'plan.partner.suggestions.accept');
      const plan = await loadPlan(db(), region, request.params.planId, role);
      return acceptPartnerSuggestion(db(), plan, request.body, user.id);
    },
  );
}
