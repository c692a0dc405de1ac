import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseHandle, RawSql } from '../db/client.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobProgress {
  done: number;
  total: number;
  phase: string;
}

/** A job as its creator sees it (the input file stays in the database). */
export interface Job {
  id: string;
  kind: string;
  regionId: string | null;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  progress: JobProgress | null;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What a handler gets: the claimed job, its input file, the database and a progress reporter. */
export interface JobContext {
  job: Job;
  input: Uint8Array | null;
  database: DatabaseHandle;
  /** Writes progress to the row (any instance answers the poll) and extends the lease. */
  reportProgress(progress: JobProgress): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

/** Thrown by a handler when trying again cannot help (a broken file, a gone record): the job fails at once. */
export class JobFailure extends Error {}

export interface JobHandlerOptions {
  /** Seconds before the first retry; doubles per attempt (capped at an hour). */
  backoffSeconds?: number;
  /** Seconds a claim holds the job without a progress report or heartbeat. */
  leaseSeconds?: number;
}

interface RegisteredHandler {
  handler: JobHandler;
  backoffSeconds: number;
  leaseSeconds: number;
}

// Code, not state: every instance registers the same handlers at import time.
const handlers = new Map<string, RegisteredHandler>();
const schedules = new Map<string, { everySeconds: number; payload: unknown }>();
const wakers = new Set<() => void>();

/** Registers the function that runs jobs of one kind (one handler per kind). */
export function registerJobHandler(kind: string, handler: JobHandler, options: JobHandlerOptions = {}): void {
  if (handlers.has(kind)) throw new Error(`Job handler for ${kind} is already registered`);
  handlers.set(kind, { handler, backoffSeconds: options.backoffSeconds ?? 10, leaseSeconds: options.leaseSeconds ?? 60 });
}

/** Makes every worker enqueue one job of this kind per period of `everySeconds` (idempotent across instances). */
export function schedule(kind: string, everySeconds: number, payload: unknown = {}): void {
  if (!(everySeconds >= 1)) throw new Error('schedule: every must be at least one second');
  schedules.set(kind, { everySeconds, payload });
}

export interface EnqueueJobInput {
  kind: string;
  regionId?: string | null;
  payload?: unknown;
  /** A file the job works on; the caller bounds its size. */
  input?: Uint8Array | null;
  createdBy?: string | null;
  runAt?: Date;
  maxAttempts?: number;
  /** Enqueues at most one job per key: a second call returns the first job's id. */
  uniqueKey?: string;
}

const JOB_COLUMNS = `id, kind, region_id, payload, status, attempts, max_attempts, run_at, locked_by, locked_until,
  progress, result, error, created_by, created_at, updated_at, started_at, finished_at`;

interface JobRow {
  id: string;
  kind: string;
  region_id: string | null;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  locked_by: string | null;
  locked_until: Date | string | null;
  progress: JobProgress | null;
  result: unknown;
  error: string | null;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  input?: Uint8Array | null;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const toDateOrNull = (value: Date | string | null) => (value === null ? null : toDate(value));

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    regionId: row.region_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: toDate(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: toDateOrNull(row.locked_until),
    progress: row.progress,
    result: row.result,
    error: row.error,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    startedAt: toDateOrNull(row.started_at),
    finishedAt: toDateOrNull(row.finished_at),
  };
}

/** Adds a job to the queue and returns its id (the existing job's id when uniqueKey was taken). */
export async function enqueueJob(database: DatabaseHandle, input: EnqueueJobInput): Promise<string> {
  const inserted = await database.raw.query<{ id: string }>(
    `INSERT INTO jobs (kind, region_id, payload, input, created_by, run_at, max_attempts, unique_key)
     VALUES ($1, $2, $3::jsonb, $4, $5, coalesce($6::timestamptz, now()), $7, $8)
     ON CONFLICT (unique_key) DO NOTHING RETURNING id`,
    [
      input.kind,
      input.regionId ?? null,
      JSON.stringify(input.payload ?? {}),
      input.input ?? null,
      input.createdBy ?? null,
      input.runAt?.toISOString() ?? null,
      input.maxAttempts ?? 3,
      input.uniqueKey ?? null,
    ],
  );
  for (const wake of wakers) wake();
  // Workers of other instances sleep until their next poll unless told: NOTIFY wakes them at once.
  if (inserted[0]) await database.notify(JOBS_CHANNEL, input.kind).catch(() => {});
  if (inserted[0]) return inserted[0].id;
  const [existing] = await database.raw.query<{ id: string }>('SELECT id FROM jobs WHERE unique_key = $1', [input.uniqueKey]);
  if (!existing) throw new Error(`Job with key ${input.uniqueKey} vanished while enqueueing`);
  return existing.id;
}

/** One job by id, or null. */
export async function getJob(database: DatabaseHandle, id: string): Promise<Job | null> {
  const [row] = await database.raw.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return row ? toJob(row) : null;
}

/** Cancels a job that has not finished; a running handler's final write is then ignored. */
export async function cancelJob(database: DatabaseHandle, id: string): Promise<boolean> {
  const rows = await database.raw.query(
    `UPDATE jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, input = NULL, finished_at = now(), updated_at = now()
     WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Records progress of a job this worker holds and extends its lease; false when the job is no longer ours. */
export async function updateJobProgress(
  database: DatabaseHandle,
  id: string,
  workerId: string,
  progress: JobProgress,
  leaseSeconds = 60,
): Promise<boolean> {
  const rows = await database.raw.query(
    `UPDATE jobs SET progress = $3::jsonb, locked_until = now() + make_interval(secs => $4), updated_at = now()
     WHERE id = $1 AND locked_by = $2 AND status = 'running' RETURNING id`,
    [id, workerId, JSON.stringify(progress), leaseSeconds],
  );
  return rows.length > 0;
}

/**
 * Claims the next due job of a registered kind: a queued job whose time has come, or a running one
 * whose lease ran out (its worker died). FOR UPDATE SKIP LOCKED lets any number of workers on any
 * number of instances claim at once without ever taking the same row.
 */
export async function claimNextJob(
  database: DatabaseHandle,
  workerId: string,
  kinds: readonly string[] = [...handlers.keys()],
): Promise<(Job & { input: Uint8Array | null }) | null> {
  if (kinds.length === 0) return null;
  return database.rawTransaction(async (tx) => {
    await failExhaustedLeases(tx, kinds);
    const [row] = await tx.query<JobRow>(
      `SELECT id, kind FROM jobs
       WHERE kind = ANY($1::text[])
         AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
       ORDER BY run_at, created_at
       LIMIT 1
       FOR UPDATE SKIP LOCKED`,
      [kinds],
    );
    if (!row) return null;
    const leaseSeconds = handlers.get(row.kind)?.leaseSeconds ?? 60;
    const [claimed] = await tx.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $2,
         locked_until = now() + make_interval(secs => $3), started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id = $1 RETURNING ${JOB_COLUMNS}, input`,
      [row.id, workerId, leaseSeconds],
    );
    if (!claimed) return null;
    return { ...toJob(claimed), input: claimed.input ?? null };
  });
}

// A job whose lease ran out on its last attempt is not retried again: it failed, visibly.
async function failExhaustedLeases(tx: RawSql, kinds: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE jobs SET status = 'failed', error = coalesce(error, 'lease expired'), locked_by = NULL, locked_until = NULL,
       input = NULL, finished_at = now(), updated_at = now()
     WHERE id IN (SELECT id FROM jobs WHERE kind = ANY($1::text[]) AND status = 'running' AND locked_until < now()
                  AND attempts >= max_attempts FOR UPDATE SKIP LOCKED)`,
    [kinds],
  );
}

/** Seconds to wait before retry number `attempt` (1-based): base, 2×base, 4×base … at most an hour. */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

/** Runs one claimed job to its end: succeeded with the result, or queued again with backoff, or failed. */
export async function runClaimedJob(database: DatabaseHandle, workerId: string, job: Job & { input: Uint8Array | null }): Promise<JobStatus> {
  const registered = handlers.get(job.kind);
  const leaseSeconds = registered?.leaseSeconds ?? 60;
  // Long handlers that report no progress still keep their lease.
  const heartbeat = setInterval(() => {
    void database.raw
      .query(`UPDATE jobs SET locked_until = now() + make_interval(secs => $3) WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [
        job.id,
        workerId,
        leaseSeconds,
      ])
      .catch(() => {});
  }, (leaseSeconds * 1000) / 3);
  heartbeat.unref();
  try {
    if (!registered) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await registered.handler({
      job,
      input: job.input,
      database,
      reportProgress: async (progress) => {
        await updateJobProgress(database, job.id, workerId, progress, leaseSeconds);
      },
    });
    await database.raw.query(
      `UPDATE jobs SET status = 'succeeded', result = $3::jsonb, error = NULL, locked_by = NULL, locked_until = NULL, input = NULL,
         finished_at = now(), updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
      [job.id, workerId, JSON.stringify(result ?? null)],
    );
    return 'succeeded';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retry = job.attempts < job.maxAttempts && !(error instanceof JobFailure);
    if (retry) {
      await database.raw.query(
        `UPDATE jobs SET status = 'queued', error = $3, run_at = now() + make_interval(secs => $4), locked_by = NULL, locked_until = NULL,
           updated_at = now() WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
        [job.id, workerId, message, retryDelaySeconds(job.attempts, registered?.backoffSeconds ?? 10)],
      );
    } else {
      await database.raw.query(
        `UPDATE jobs SET status = 'failed', error = $3, locked_by = NULL, locked_until = NULL, input = NULL, finished_at = now(),
           updated_at = now() WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
        [job.id, workerId, message],
      );
    }
    return retry ? 'queued' : 'failed';
  } finally {
    clearInterval(heartbeat);
  }
}

/** Claims and runs one due job; returns its id, or null when nothing was due. */
export async function runNextJob(database: DatabaseHandle, workerId: string, kinds?: readonly string[]): Promise<string | null> {
  const job = await claimNextJob(database, workerId, kinds);
  if (!job) return null;
  await runClaimedJob(database, workerId, job);
  return job.id;
}

/** Enqueues the current slot of every schedule; the unique key makes all instances agree on one job per slot. */
export async function enqueueScheduledJobs(database: DatabaseHandle, now = new Date()): Promise<void> {
  for (const [kind, { everySeconds, payload }] of schedules) {
    const slot = Math.floor(now.getTime() / 1000 / everySeconds);
    await enqueueJob(database, {
      kind,
      payload,
      runAt: new Date(slot * everySeconds * 1000),
      uniqueKey: `schedule:${kind}:${everySeconds}:${slot}`,
    });
  }
}

export interface JobWorker {
  readonly workerId: string;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
}

export interface StartJobWorkerOptions {
  pollSeconds?: number;
  workerId?: string;
  onError?: (error: unknown) => void;
}

/** Channel on which an enqueued job wakes every instance's worker (LISTEN/NOTIFY). */
export const JOBS_CHANNEL = 'jobs_enqueued';

/**
 * Polls the jobs table and runs due jobs one at a time until stopped; a job enqueued in this process,
 * or in any instance on the same database (NOTIFY), wakes it at once.
 */
export function startJobWorker(database: DatabaseHandle, options: StartJobWorkerOptions = {}): JobWorker {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = (options.pollSeconds ?? 5) * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const wake = () => wakeUp?.();
  wakers.add(wake);
  let unlisten: (() => Promise<void>) | undefined;
  const listening = database
    .listen(JOBS_CHANNEL, wake)
    .then((stop) => {
      unlisten = stop;
    })
    .catch((error: unknown) => options.onError?.(error));

  const loop = async () => {
    while (!stopped) {
      try {
        await enqueueScheduledJobs(database);
        // Drain what is due, then sleep until the poll interval or a wake-up.
        while (!stopped && (await runNextJob(database, workerId)) !== null);
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      clearTimeout(timer);
      wakeUp = undefined;
    }
  };
  const running = loop();

  return {
    workerId,
    stop: async () => {
      stopped = true;
      wakers.delete(wake);
      wakeUp?.();
      await running;
      await listening;
      await unlisten?.().catch(() => {});
    },
  };
}
