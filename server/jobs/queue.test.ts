import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../db/client.js';
import { createTestApp, ApiClient, type TestApp } from '../test/test-app.js';
import { regionFactory, userFactory, TEST_PASSWORD } from '../test/factories.js';
import {
  claimNextJob,
  enqueueJob,
  enqueueScheduledJobs,
  getJob,
  registerJobHandler,
  retryDelaySeconds,
  runClaimedJob,
  runNextJob,
  schedule,
  startJobWorker,
  JOBS_CHANNEL,
} from './queue.js';

let testApp: TestApp;
let database: DatabaseHandle;

// Each test uses its own job kind, so jobs of one test are invisible to the workers of another.
const uniqueKind = (name: string) => `test.${name}.${randomUUID().slice(0, 8)}`;

/** Pretends the worker holding the job died long ago: its lease ran out. */
const expireLease = (id: string) => database.raw.query(`UPDATE jobs SET locked_until = now() - interval '1 minute' WHERE id = $1`, [id]);
/** Makes a job that waits for its retry due now. */
const makeDue = (id: string) => database.raw.query(`UPDATE jobs SET run_at = now() WHERE id = $1`, [id]);

beforeAll(async () => {
  testApp = await createTestApp();
  database = testApp.database;
});
afterAll(async () => testApp.close());

describe('job queue', () => {
  it('runs a job end to end: enqueue, claim, progress, result', async () => {
    const kind = uniqueKind('sum');
    registerJobHandler(kind, async ({ job, input, reportProgress }) => {
      const numbers = (job.payload as { numbers: number[] }).numbers;
      await reportProgress({ done: 1, total: 2, phase: 'adding' });
      return { sum: numbers.reduce((a, b) => a + b, 0), inputLength: input?.length ?? 0 };
    });
    const id = await enqueueJob(database, { kind, payload: { numbers: [2, 3, 5] }, input: new Uint8Array([1, 2, 3, 4]) });
    expect((await getJob(database, id))?.status).toBe('queued');

    expect(await runNextJob(database, 'worker-a', [kind])).toBe(id);
    const job = await getJob(database, id);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 1, result: { sum: 10, inputLength: 4 }, error: null, lockedBy: null });
    expect(job?.progress).toEqual({ done: 1, total: 2, phase: 'adding' });
    expect(job?.finishedAt).toBeInstanceOf(Date);
    // The uploaded file is dropped once the job is done.
    const [row] = await database.raw.query<{ input: unknown }>('SELECT input FROM jobs WHERE id = $1', [id]);
    expect(row?.input).toBeNull();
    expect(await runNextJob(database, 'worker-a', [kind])).toBeNull();
  });

  it('never gives the same job to two workers claiming at once', async () => {
    const kind = uniqueKind('concurrent');
    const ids = await Promise.all(Array.from({ length: 6 }, (_, index) => enqueueJob(database, { kind, payload: { index } })));
    const claims = await Promise.all(Array.from({ length: 10 }, (_, index) => claimNextJob(database, `worker-${index}`, [kind])));
    const claimed = claims.filter((job) => job !== null).map((job) => job.id);
    expect(claimed).toHaveLength(6);
    expect(new Set(claimed).size).toBe(6);
    expect(new Set(claimed)).toEqual(new Set(ids));
  });

  it('retries a failing job with backoff, then fails with the error visible', async () => {
    const kind = uniqueKind('failing');
    let calls = 0;
    registerJobHandler(
      kind,
      async () => {
        calls += 1;
        throw new Error(`stuk bij poging ${calls}`);
      },
      { backoffSeconds: 30 },
    );
    const id = await enqueueJob(database, { kind, maxAttempts: 3 });

    await runNextJob(database, 'worker-a', [kind]);
    let job = await getJob(database, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 1, error: 'stuk bij poging 1' });
    // Backoff: not due again right away.
    expect(job!.runAt.getTime()).toBeGreaterThan(job!.updatedAt.getTime() + 25_000);
    expect(await runNextJob(database, 'worker-a', [kind])).toBeNull();

    await makeDue(id);
    await runNextJob(database, 'worker-b', [kind]);
    job = await getJob(database, id);
    expect(job).toMatchObject({ status: 'queued', attempts: 2, error: 'stuk bij poging 2' });
    expect(job!.runAt.getTime()).toBeGreaterThan(job!.updatedAt.getTime() + 55_000);

    await makeDue(id);
    await runNextJob(database, 'worker-a', [kind]);
    job = await getJob(database, id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, error: 'stuk bij poging 3' });
    expect(calls).toBe(3);
    await makeDue(id);
    expect(await runNextJob(database, 'worker-a', [kind])).toBeNull();
  });

  it('backoff doubles per attempt and is capped at an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 10))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(20, 10)).toBe(3600);
  });

  it("re-claims a job whose worker died (lease expired), and ignores the dead worker's late answer", async () => {
    const kind = uniqueKind('lease');
    registerJobHandler(kind, async ({ job }) => ({ ranBy: job.lockedBy }));
    const id = await enqueueJob(database, { kind, maxAttempts: 2 });

    const first = await claimNextJob(database, 'crashed-worker', [kind]);
    expect(first?.id).toBe(id);
    // While the lease holds, nobody else takes it.
    expect(await claimNextJob(database, 'worker-b', [kind])).toBeNull();

    await expireLease(id);
    const second = await claimNextJob(database, 'worker-b', [kind]);
    expect(second).toMatchObject({ id, attempts: 2, lockedBy: 'worker-b' });
    await runClaimedJob(database, 'worker-b', second!);
    expect(await getJob(database, id)).toMatchObject({ status: 'succeeded', result: { ranBy: 'worker-b' } });

    // The crashed worker coming back cannot overwrite the outcome.
    await runClaimedJob(database, 'crashed-worker', first!);
    expect(await getJob(database, id)).toMatchObject({ status: 'succeeded', result: { ranBy: 'worker-b' } });
  });

  it('fails a job whose lease ran out on its last attempt instead of retrying it forever', async () => {
    const kind = uniqueKind('lease-exhausted');
    registerJobHandler(kind, async () => 'never');
    const id = await enqueueJob(database, { kind, maxAttempts: 1 });
    await claimNextJob(database, 'crashed-worker', [kind]);
    await expireLease(id);
    expect(await claimNextJob(database, 'worker-b', [kind])).toBeNull();
    expect(await getJob(database, id)).toMatchObject({ status: 'failed', error: 'lease expired', attempts: 1 });
  });

  it('does not run a job before its run_at', async () => {
    const kind = uniqueKind('later');
    registerJobHandler(kind, async () => 'ok');
    const id = await enqueueJob(database, { kind, runAt: new Date(Date.now() + 3_600_000) });
    expect(await runNextJob(database, 'worker-a', [kind])).toBeNull();
    await makeDue(id);
    expect(await runNextJob(database, 'worker-a', [kind])).toBe(id);
  });

  it('enqueues once per unique key and once per schedule slot', async () => {
    const kind = uniqueKind('scheduled');
    const first = await enqueueJob(database, { kind, uniqueKey: `${kind}:once` });
    expect(await enqueueJob(database, { kind, uniqueKey: `${kind}:once` })).toBe(first);

    schedule(kind, 3600);
    const now = new Date('2026-03-01T10:15:00Z');
    await enqueueScheduledJobs(database, now);
    await enqueueScheduledJobs(database, new Date('2026-03-01T10:45:00Z'));
    await enqueueScheduledJobs(database, new Date('2026-03-01T11:05:00Z'));
    const rows = await database.raw.query<{ run_at: Date }>('SELECT run_at FROM jobs WHERE kind = $1 AND unique_key LIKE $2 ORDER BY run_at', [
      kind,
      'schedule:%',
    ]);
    expect(rows.map((row) => new Date(row.run_at).toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z']);
  });

  it('a started worker runs enqueued jobs and stops cleanly', async () => {
    const kind = uniqueKind('worker');
    let resolveDone: (value: string) => void = () => {};
    const done = new Promise<string>((resolve) => (resolveDone = resolve));
    registerJobHandler(kind, async ({ job }) => {
      resolveDone(job.id);
      return 'done';
    });
    const worker = startJobWorker(database, { pollSeconds: 60 });
    try {
      const id = await enqueueJob(database, { kind });
      expect(await done).toBe(id);
    } finally {
      await worker.stop();
    }
  });
});

describe('waking workers of other instances', () => {
  it('a job inserted elsewhere and announced with NOTIFY wakes a sleeping worker at once', async () => {
    const kind = uniqueKind('notify');
    let resolveDone: (value: string) => void = () => {};
    const done = new Promise<string>((resolve) => (resolveDone = resolve));
    registerJobHandler(kind, async ({ job }) => {
      resolveDone(job.id);
      return 'done';
    });
    // A poll of an hour: only the notification can make the worker look before the test times out.
    const worker = startJobWorker(database, { pollSeconds: 3600 });
    try {
      // Let the worker finish its first look at the table and fall asleep.
      await new Promise((resolve) => setTimeout(resolve, 300));
      // As another instance would: a row in the table, and a NOTIFY (this process's own wake-up list is not used).
      const [row] = await database.raw.query<{ id: string }>('INSERT INTO jobs (kind) VALUES ($1) RETURNING id', [kind]);
      await database.notify(JOBS_CHANNEL, kind);
      expect(await done).toBe(row!.id);
    } finally {
      await worker.stop();
    }
  });
});

describe('GET /api/regions/:slug/jobs/:id', () => {
  let regionId: string;
  let jobId: string;
  let creator: ApiClient;
  let admin: ApiClient;
  let otherEditor: ApiClient;
  let otherRegionAdmin: ApiClient;

  let slug: string;
  let otherSlug: string;

  beforeEach(async () => {
    slug = `jobs-${randomUUID().slice(0, 8)}`;
    otherSlug = `${slug}-b`;
    regionId = (await regionFactory(database.db, { slug })).id;
    await regionFactory(database.db, { slug: otherSlug });
    const [creatorUser, adminUser, editorUser, foreignAdmin] = await Promise.all([
      userFactory(database.db, { regionSlug: slug, role: 'viewer' }),
      userFactory(database.db, { regionSlug: slug, role: 'admin' }),
      userFactory(database.db, { regionSlug: slug, role: 'editor' }),
      userFactory(database.db, { regionSlug: otherSlug, role: 'admin' }),
    ]);
    creator = await new ApiClient(testApp.app).login(creatorUser.email, TEST_PASSWORD);
    admin = await new ApiClient(testApp.app).login(adminUser.email, TEST_PASSWORD);
    otherEditor = await new ApiClient(testApp.app).login(editorUser.email, TEST_PASSWORD);
    otherRegionAdmin = await new ApiClient(testApp.app).login(foreignAdmin.email, TEST_PASSWORD);
    jobId = await enqueueJob(database, { kind: uniqueKind('api'), regionId, createdBy: creatorUser.userId, payload: { secret: 'x' } });
    await database.raw.query(`UPDATE jobs SET progress = '{"done":3,"total":9,"phase":"write"}' WHERE id = $1`, [jobId]);
  });

  it('shows status and progress to the creator and the region admin, never the payload', async () => {
    for (const client of [creator, admin]) {
      const response = await client.get(`/api/regions/${slug}/jobs/${jobId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: jobId, status: 'queued', progress: { done: 3, total: 9, phase: 'write' } });
      expect(response.json()).not.toHaveProperty('payload');
    }
  });

  it('hides it from other members, other regions and anonymous visitors', async () => {
    expect((await otherEditor.get(`/api/regions/${slug}/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await otherRegionAdmin.get(`/api/regions/${slug}/jobs/${jobId}`)).statusCode).toBe(403);
    expect((await otherRegionAdmin.get(`/api/regions/${otherSlug}/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await new ApiClient(testApp.app).get(`/api/regions/${slug}/jobs/${jobId}`)).statusCode).toBe(401);
  });
});
