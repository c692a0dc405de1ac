import { z } from 'zod';

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatusValue = z.infer<typeof jobStatusSchema>;

export const jobProgressSchema = z.object({ done: z.number().int(), total: z.number().int(), phase: z.string() });

/** A background job as its creator (or the region admin) polls it. */
export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: jobStatusSchema,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  progress: jobProgressSchema.nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

/** The answer of a route that started a job: 202 with the id to poll. */
export const jobAcceptedSchema = z.object({ jobId: z.uuid() });
