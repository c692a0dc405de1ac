import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { JobFailure, enqueueJob, registerJobHandler } from '../../jobs/queue.js';
import type { Locale } from '../../../common/i18n/index.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import type { z } from 'zod';
import type { planStatusSchema } from '../../../common/schemas/plans.js';
import { regions } from '../regions/schema.js';
import { describeImportError, PlanImportError, readPlanFile } from './import/index.js';
import { importParsedPlan } from './use-cases/import-plan.js';

export const PLAN_IMPORT_JOB = 'plans.plan-import';
/** Files above this size are always imported as a job, never inside the request. */
export const LARGE_PLAN_IMPORT_BYTES = 256 * 1024;

interface PlanImportPayload {
  filename: string;
  title?: string;
  status: z.infer<typeof planStatusSchema>;
  locale: Locale;
}

/** Queues a plan import (the file is stored with the job) and returns the job id. */
export async function enqueuePlanImport(database: DatabaseHandle, input: { regionId: string; userId: string; file: Buffer } & PlanImportPayload): Promise<string> {
  const { regionId, userId, file, ...payload } = input;
  return enqueueJob(database, { kind: PLAN_IMPORT_JOB, regionId, createdBy: userId, payload, input: file });
}

registerJobHandler(PLAN_IMPORT_JOB, async ({ job, input, database, reportProgress }) => {
  const payload = job.payload as PlanImportPayload;
  const t = translatorFor(payload.locale);
  if (!input || !job.regionId) throw new JobFailure('import job without file or region');
  const [region] = await database.db.select().from(regions).where(eq(regions.id, job.regionId));
  if (!region) throw new JobFailure('region gone');
  let parsed;
  try {
    parsed = await readPlanFile({ bytes: Buffer.from(input), filename: payload.filename, title: payload.title });
  } catch (error) {
    // A file that cannot be read fails at once, with the reason in the importer's language; no retry.
    if (error instanceof PlanImportError) throw new JobFailure(t(`plans.import.errors.${error.reason}`, { ...error.params, defaultValue: describeImportError(error) }) as string);
    throw error;
  }
  const actions = parsed.goals.reduce((sum, goal) => sum + goal.objectives.reduce((count, objective) => count + objective.actions.length, 0), 0) + parsed.actions.length;
  await reportProgress({ phase: 'write', done: 0, total: actions });
  // One transaction inside importParsedPlan: a retry after a crash starts from a clean slate.
  const result = await importParsedPlan(database.db, region, parsed, { userId: job.createdBy, status: payload.status, filename: payload.filename });
  await reportProgress({ phase: 'write', done: actions, total: actions });
  return result;
});
