import { api, ApiError } from './api';
import { i18n } from './i18n';

export interface JobProgressReport {
  phase: string;
  done: number;
  total: number;
}

/**
 * Polls a background job until it ends, reporting its progress; its result is checked by `parse`
 * (a job's result is stored as JSON of any kind), a failure becomes an ApiError with the job's reason.
 */
export async function waitForJob<T>(slug: string, jobId: string, parse: (result: unknown) => T, onProgress?: (progress: JobProgressReport) => void): Promise<T> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const job = await api.GET('/api/regions/{slug}/jobs/{jobId}', { params: { path: { slug, jobId } } });
    if (job.status === 'succeeded') return parse(job.result);
    if (job.status === 'failed' || job.status === 'cancelled') throw new ApiError(400, 'IMPORT_FAILED', job.error ?? i18n.t('common.error'));
    if (job.progress) onProgress?.(job.progress);
  }
}
