import { z } from 'zod';
import type { ApiInstance } from '../http/route-types.js';
import { errorResponses } from '../http/route-types.js';
import { jobSchema, type JobView } from '../../common/schemas/jobs.js';
import { authorize } from '../policy/authorize.js';
import { memberCan } from '../policy/policy.js';
import { AppError } from '../http/errors.js';
import { getJob, type Job } from './queue.js';

/** The fields of a job that leave the server (never the payload or the input file). */
export function presentJob(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: job.progress,
    result: job.result ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** GET /api/regions/:slug/jobs/:id: status and progress for the job's creator and the region's admins. */
export async function jobRoutes(app: ApiInstance): Promise<void> {
  app.get(
    '/regions/:slug/jobs/:jobId',
    {
      config: { policy: 'job.read' },
      schema: {
        tags: ['systeem'],
        summary: 'Status, voortgang en resultaat van een achtergrondtaak (wie ze startte, of een regisseur van de regio)',
        params: z.object({ slug: z.string().min(1).max(80), jobId: z.uuid() }),
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { region, user, role } = await authorize(request, request.params.slug, 'job.read');
      const job = await getJob(app.ctx.database, request.params.jobId);
      // Another region's job, or someone else's job for a non-admin, does not exist for this caller.
      if (!job || job.regionId !== region.id || (job.createdBy !== user.id && !memberCan({ role }, 'job.read.any'))) throw new AppError('NOT_FOUND');
      return presentJob(job);
    },
  );
}
