import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApiClient, createTestApp, type TestApp } from '../../test/test-app.js';
import { regionFactory, TEST_PASSWORD, userFactory } from '../../test/factories.js';
import { runNextJob } from '../../jobs/queue.js';
import { ACTOR_IMPORT_JOB, LARGE_IMPORT_BYTES } from './import-job.js';

let t: TestApp;
let slug: string;
let regionId: string;
let admin: ApiClient;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const csv = (...rows: string[]) => ['naam;gemeente;sector', ...rows].join('\r\n');

type Job = { id: string; status: string; attempts: number; progress: { done: number; total: number; phase: string } | null; result: unknown; error: string | null };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// A fresh region and admin per test: no test sees another's actors or jobs.
beforeEach(async () => {
  slug = `importtaak-${randomUUID().slice(0, 8)}`;
  regionId = (await regionFactory(t.database.db, { slug, municipalities: ['33011', '33021'] })).id;
  const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'admin' });
  admin = await new ApiClient(t.app).login(email, TEST_PASSWORD);
});

const actorNames = async () =>
  (await t.database.raw.query<{ name: string }>('SELECT name FROM actors WHERE region_id = $1 ORDER BY name', [regionId])).map((row) => row.name);

async function startImport(content: string, extra: Record<string, unknown> = {}) {
  const response = await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'actoren.csv', content: b64(content), background: true, ...extra });
  expect(response.statusCode, response.body).toBe(202);
  return (response.json() as { jobId: string }).jobId;
}

const pollJob = async (jobId: string) => (await admin.get(`/api/regions/${slug}/jobs/${jobId}`)).json() as Job;

describe('actor import as a job', () => {
  it('stores the file, answers 202, and a worker writes the import; the job shows progress and the result', async () => {
    const jobId = await startImport(csv('Erfgoedcel CO7;Ieper;erfgoed', 'Bibliotheek Poperinge;Poperinge;lokaal-cultuurbeleid'));
    expect(await pollJob(jobId)).toMatchObject({ status: 'queued', progress: null });
    expect(await actorNames()).toEqual([]);

    expect(await runNextJob(t.database, 'worker-test', [ACTOR_IMPORT_JOB])).toBe(jobId);
    const job = await pollJob(jobId);
    expect(job).toMatchObject({ status: 'succeeded', error: null, result: { dryRun: false, created: 2, updated: 0, errors: [] } });
    expect(job.progress).toMatchObject({ done: 2, total: 2 });
    expect(await actorNames()).toEqual(['Bibliotheek Poperinge', 'Erfgoedcel CO7']);
  });

  it('keeps all-or-nothing: a file with row errors writes nothing and the result lists the errors', async () => {
    const jobId = await startImport(csv('Erfgoedcel CO7;Ieper;erfgoed', 'Fanfare;Ieper;fanfares'));
    await runNextJob(t.database, 'worker-test', [ACTOR_IMPORT_JOB]);
    const job = await pollJob(jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 0, errors: [{ row: 3, field: 'sector' }] });
    expect(await actorNames()).toEqual([]);
  });

  it('fails at once, without retrying, on a file that cannot be read, with the reason in Dutch', async () => {
    const jobId = await startImport('', { fileName: 'actoren.pdf', content: b64('%PDF-1.4 niet een tabel') });
    await runNextJob(t.database, 'worker-test', [ACTOR_IMPORT_JOB]);
    const job = await pollJob(jobId);
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(job.error).toMatch(/\S/);
    expect(await actorNames()).toEqual([]);
  });

  it('commits large files as a job even without background', async () => {
    const padding = 'x'.repeat(200);
    const rows = Array.from({ length: Math.ceil(LARGE_IMPORT_BYTES / 220) + 1 }, (_, i) => `Actor ${i};Ieper;erfgoed;${padding}`);
    const content = b64(['naam;gemeente;sector;beschrijving', ...rows].join('\r\n'));
    const response = await admin.post(`/api/regions/${slug}/actors/import`, { fileName: 'actoren.csv', content });
    expect(response.statusCode).toBe(202);
    // Run it too, so no queued job is left for another test's worker to pick up.
    const { jobId } = response.json() as { jobId: string };
    expect(await runNextJob(t.database, 'worker-test', [ACTOR_IMPORT_JOB])).toBe(jobId);
    expect(await pollJob(jobId)).toMatchObject({ status: 'succeeded', result: { created: rows.length } });
  });

  it('lets only region admins start it', async () => {
    const { email } = await userFactory(t.database.db, { regionSlug: slug, role: 'editor' });
    const editor = await new ApiClient(t.app).login(email, TEST_PASSWORD);
    const response = await editor.post(`/api/regions/${slug}/actors/import`, { fileName: 'a.csv', content: b64(csv('A;Ieper;erfgoed')), background: true });
    expect(response.statusCode).toBe(403);
    expect((await t.database.raw.query('SELECT id FROM jobs WHERE region_id = $1', [regionId])).length).toBe(0);
  });
});
