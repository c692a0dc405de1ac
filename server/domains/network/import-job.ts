import type { DatabaseHandle } from '../../db/client.js';
import { JobFailure, enqueueJob, registerJobHandler, type JobProgress } from '../../jobs/queue.js';
import { type Locale } from '../../../common/i18n/index.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { ImportFileError, importActors, parseActorFile } from './import.js';

export const ACTOR_IMPORT_JOB = 'network.actor-import';
/** Files above this size are always committed as a job, never inside the request. */
export const LARGE_IMPORT_BYTES = 256 * 1024;

interface ActorImportPayload {
  fileName: string;
  onlyValid: boolean;
  updateDuplicates: boolean;
  locale: Locale;
}

/** Queues the commit of an actor import (the file is stored with the job) and returns the job id. */
export async function enqueueActorImport(
  database: DatabaseHandle,
  input: { regionId: string; userId: string; file: Buffer } & ActorImportPayload,
): Promise<string> {
  const { regionId, userId, file, ...payload } = input;
  return enqueueJob(database, { kind: ACTOR_IMPORT_JOB, regionId, createdBy: userId, payload, input: file });
}

// Progress at most every 200 ms. On PGlite the one connection is held by the import transaction, so
// the write phase is reported only at its end (as the synchronous import does).
function progressWriter(database: DatabaseHandle, report: (progress: JobProgress) => Promise<void>) {
  let last = 0;
  return async (done: number, total: number, phase: 'validate' | 'write') => {
    if (phase === 'write' && database.kind === 'pglite') return;
    const now = Date.now();
    if (done !== 0 && done !== total && now - last < 200) return;
    last = now;
    await report({ done, total, phase });
  };
}

registerJobHandler(ACTOR_IMPORT_JOB, async ({ job, input, database, reportProgress }) => {
  const payload = job.payload as ActorImportPayload;
  const t = translatorFor(payload.locale);
  if (!input || !job.regionId) throw new JobFailure('import job without file or region');
  try {
    const file = await parseActorFile(payload.fileName, Buffer.from(input));
    // One transaction inside importActors: a retry after a crash starts from a clean slate.
    return await importActors(database.db, job.regionId, file, {
      dryRun: false,
      onlyValid: payload.onlyValid,
      updateDuplicates: payload.updateDuplicates,
      userId: job.createdBy,
      t,
      onProgress: progressWriter(database, reportProgress),
    });
  } catch (error) {
    if (error instanceof ImportFileError) throw new JobFailure(t(error.messageKey, error.params) as string);
    throw error;
  }
});
