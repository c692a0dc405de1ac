import { asc } from 'drizzle-orm';
import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { municipalitySchema, sectorSchema } from '../../../common/schemas/regions.js';
import { municipalities, sectors } from './schema.js';

/** Reference data shared by every region: municipalities and the sector taxonomy. */
export async function referenceRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/municipalities',
    {
      config: { policy: 'reference.read' },
      schema: {
        tags: ['referentie'],
        summary: 'Alle gekende gemeenten met NIS-code en postcodes',
        response: { 200: z.array(municipalitySchema) },
      },
    },
    async () =>
      app.ctx.database.db
        .select({ nisCode: municipalities.nisCode, name: municipalities.name, postalCodes: municipalities.postalCodes })
        .from(municipalities)
        .orderBy(asc(municipalities.name)),
  );

  app.get(
    '/sectors',
    {
      config: { policy: 'reference.read' },
      schema: {
        tags: ['referentie'],
        summary: 'De sectoren van de inspiratielijst (cultureel bovenaan het bollenschema, niet-cultureel onderaan)',
        response: { 200: z.array(sectorSchema) },
      },
    },
    async () =>
      app.ctx.database.db
        .select({ key: sectors.key, name: sectors.name, examples: sectors.examples, cultural: sectors.cultural })
        .from(sectors)
        .orderBy(asc(sectors.position)),
  );
}
