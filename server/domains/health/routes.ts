import { z } from 'zod';
import type { ApiInstance } from '../../http/route-types.js';
import { appliedMigrations } from '../../db/migrate.js';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
  migrations: z.number().int(),
  version: z.string(),
});

/** Liveness and readiness: answers only when the database answers. */
export async function healthRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/health',
    { config: { policy: 'health.read' },  schema: { tags: ['systeem'], summary: 'Status van de server en de databank', response: { 200: healthSchema } } },
    async () => {
      const applied = await appliedMigrations(app.ctx.database.raw);
      return {
        status: 'ok' as const,
        database: app.ctx.database.kind,
        migrations: applied.length,
        version: process.env.npm_package_version ?? '0.1.0',
      };
    },
  );
}
