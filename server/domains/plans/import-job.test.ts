import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { runNextJob } from '../../jobs/queue.js';
import { PLAN_IMPORT_JOB, LARGE_PLAN_IMPORT_BYTES } from './import-job.js';
import { plainActorFactory, SMALL_PLAN_TSV } from './factories.js';

let t: TestApp;
let slug: string;
let regionId: string;
let admin: ApiClient;

type Job = { id: string; status: string; progress: { done: number; total: number; phase: string } | null; result: { id: string; summary: { actions: number } } | null; error: string | null };

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const planTitles = async () =>
  (await t.database.raw.query<{ title: string }>('SELECT title FROM plans WHERE region_id = $1 ORDER BY title', [regionId])).map((row) => row.title);
const pollJob = async (jobId: string) => (await admin.get(`/api/regions/${slug}/jobs/${jobId}`)).json() as Job;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// A fresh region and admin per test: no test sees another's plans or jobs.
beforeEach(async () => {
  slug = `planimport-${randomUUID().slice(0, 8)}`;
  regionId = (await regionFactory(t.database.db, { slug })).id;
  await plainActorFactory(t.database.db, regionId, 'Bibliotheek Ieper');
  admin = await new ApiClient(t.app).login((await userFactory(t.database.db, { regionSlug: slug, role: 'admin' })).email, TEST_PASSWORD);
});

describe('plan import as a job', () => {
  it('answers 202 with the job, writes nothing until a worker imports it, then shows the plan as the result', async () => {
    const response = await admin.post(`/api/regions/${slug}/plans/import`, { filename: 'plan.tsv', content: b64(SMALL_PLAN_TSV), title: 'Plan uit de wachtrij', background: true });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId } = response.json() as { jobId: string };
    expect(await pollJob(jobId)).toMatchObject({ status: 'queued' });
    expect(await planTitles()).toEqual([]);

    expect(await runNextJob(t.database, 'worker-test', [PLAN_IMPORT_JOB])).toBe(jobId);
    const job = await pollJob(jobId);
    expect(job).toMatchObject({ status: 'succeeded', error: null, progress: { phase: 'write', done: 5, total: 5 }, result: { summary: { actions: 5 } } });
    expect(await planTitles()).toEqual(['Plan uit de wachtrij']);
    const plan = (await admin.get(`/api/regions/${slug}/plans/${job.result!.id}`)).json() as { budgetTotalCents: number };
    expect(plan.budgetTotalCents).toBe(465_000);
  });

  it('always runs a large file as a job, even when not asked to', async () => {
    // The same plan, padded with blank lines past the threshold: the parser ignores them.
    const large = SMALL_PLAN_TSV + '\n'.repeat(LARGE_PLAN_IMPORT_BYTES);
    const response = await admin.post(`/api/regions/${slug}/plans/import`, { filename: 'groot.tsv', content: b64(large), title: 'Groot plan' });
    expect(response.statusCode, response.body).toBe(202);
    const { jobId } = response.json() as { jobId: string };
    await runNextJob(t.database, 'worker-test', [PLAN_IMPORT_JOB]);
    expect(await pollJob(jobId)).toMatchObject({ status: 'succeeded' });
    expect(await planTitles()).toEqual(['Groot plan']);
  });

  it('fails an unreadable file once, with the reason in Dutch, and writes nothing', async () => {
    const response = await admin.post(`/api/regions/${slug}/plans/import`, { filename: 'x.xlsx', content: Buffer.from([0x50, 0x4b, 3, 4, 0, 0]).toString('base64'), background: true });
    expect(response.statusCode).toBe(202);
    const { jobId } = response.json() as { jobId: string };
    await runNextJob(t.database, 'worker-test', [PLAN_IMPORT_JOB]);
    const job = await pollJob(jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('het Excel-bestand kan niet gelezen worden');
    expect(await runNextJob(t.database, 'worker-test', [PLAN_IMPORT_JOB])).toBeNull();
    expect(await planTitles()).toEqual([]);
  });

  it('is for the regisseur only: editors and other regions get no job', async () => {
    const editor = await new ApiClient(t.app).login((await userFactory(t.database.db, { regionSlug: slug, role: 'editor' })).email, TEST_PASSWORD);
    expect((await editor.post(`/api/regions/${slug}/plans/import`, { filename: 'plan.tsv', content: b64(SMALL_PLAN_TSV), background: true })).statusCode).toBe(403);
    const other = await regionFactory(t.database.db);
    const stranger = await new ApiClient(t.app).login((await userFactory(t.database.db, { regionSlug: other.slug, role: 'admin' })).email, TEST_PASSWORD);
    expect((await stranger.post(`/api/regions/${slug}/plans/import`, { filename: 'plan.tsv', content: b64(SMALL_PLAN_TSV), background: true })).statusCode).toBe(403);
    expect(await t.database.raw.query('SELECT id FROM jobs WHERE region_id = $1', [regionId])).toEqual([]);
  });
});
