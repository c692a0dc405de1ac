import { z } from 'zod';
import type { ApiInstance } from '../http/route-types.js';
import { errorResponses } from '../http/route-types.js';
import { authorize } from '../policy/authorize.js';
import { synonymCreateSchema, synonymGroupSchema } from '../../common/schemas/search.js';
import { addSynonymGroup, deleteSynonymGroup, listSynonymGroups } from './synonyms.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });

/** The search module's admin routes: a region's synonym groups (regisseur only). */
export async function searchRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/regions/:slug/search/synonyms',
    {
      config: { policy: 'search.synonyms.manage' },
      schema: {
        tags: ['zoeken'],
        summary: 'Synoniemgroepen van het zoeken: standaard en eigen aan de regio (regisseur)',
        params: slugParams,
        response: { 200: z.array(synonymGroupSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { region } = await authorize(request, request.params.slug, 'search.synonyms.manage');
      return listSynonymGroups(app.ctx.database.raw, region.id);
    },
  );

  app.post(
    '/regions/:slug/search/synonyms',
    {
      config: { policy: 'search.synonyms.manage' },
      schema: {
        tags: ['zoeken'],
        summary: 'Een eigen synoniemgroep toevoegen (regisseur)',
        params: slugParams,
        body: synonymCreateSchema,
        response: { 201: synonymGroupSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'search.synonyms.manage');
      const group = await addSynonymGroup(app.ctx.database.raw, region.id, request.body.terms);
      return reply.status(201).send(group);
    },
  );

  app.delete(
    '/regions/:slug/search/synonyms/:groupId',
    {
      config: { policy: 'search.synonyms.manage' },
      schema: {
        tags: ['zoeken'],
        summary: 'Een eigen synoniemgroep verwijderen (regisseur); standaardgroepen blijven',
        params: slugParams.extend({ groupId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { region } = await authorize(request, request.params.slug, 'search.synonyms.manage');
      await deleteSynonymGroup(app.ctx.database.raw, region.id, request.params.groupId);
      return reply.status(204).send(null);
    },
  );
}
