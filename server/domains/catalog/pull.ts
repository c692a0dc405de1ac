import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client.js';
import { enqueueJob, JobFailure, registerJobHandler, schedule } from '../../jobs/queue.js';
import { translatorFor } from '../../../common/i18n/all-catalogs.js';
import { catalogSettings } from './schema.js';
import { importOffers } from './import.js';

export const PULL_JOB = 'catalog.pull';
export const PULL_DUE_JOB = 'catalog.pull-due';
const PAGE_SIZE = 250;
const MAX_PAGES = 20;

/** Fetches every page of the configured Search API query (embed=true) as one list of events. */
export async function fetchUitdatabankEvents(settings: { uitdatabankUrl: string; uitdatabankApiKey: string | null; uitdatabankQuery: string }): Promise<unknown[]> {
  const events: unknown[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = new URL(settings.uitdatabankUrl);
    if (settings.uitdatabankQuery) url.searchParams.set('q', settings.uitdatabankQuery);
    url.searchParams.set('embed', 'true');
    url.searchParams.set('limit', String(PAGE_SIZE));
    url.searchParams.set('start', String(page * PAGE_SIZE));
    const response = await fetch(url, { headers: { accept: 'application/ld+json', ...(settings.uitdatabankApiKey ? { 'x-api-key': settings.uitdatabankApiKey } : {}) }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new JobFailure(`HTTP ${response.status}`);
    const body = (await response.json().catch(() => null)) as { member?: unknown[]; totalItems?: number } | null;
    if (!body || !Array.isArray(body.member)) throw new JobFailure('geen lijst "member" in het antwoord');
    events.push(...body.member);
    if (body.member.length < PAGE_SIZE || events.length >= (body.totalItems ?? 0)) break;
  }
  return events;
}

/** Pulls one region's events now: the valid ones are imported (one transaction), the outcome stored in the settings. */
export async function pullRegion(database: DatabaseHandle, regionId: string): Promise<{ created: number; updated: number; skipped: number; errors: number }> {
  const [settings] = await database.db.select().from(catalogSettings).where(eq(catalogSettings.regionId, regionId));
  const t = translatorFor('nl');
  if (!settings?.uitdatabankUrl) throw new JobFailure(t('catalog.import.pullNotConfigured'));
  let outcome;
  try {
    const events = await fetchUitdatabankEvents({ ...settings, uitdatabankUrl: settings.uitdatabankUrl });
    const result = events.length === 0 ? { created: 0, updated: 0, skipped: 0, errors: [] } : await importOffers(database.db, regionId, JSON.stringify(events), { dryRun: false, onlyValid: true, userId: null, t });
    outcome = { created: result.created, updated: result.updated, skipped: result.skipped, errors: result.errors.length };
  } catch (error) {
    const message = t('catalog.import.pullFailed', { detail: error instanceof Error ? error.message : String(error) });
    await database.db.update(catalogSettings).set({ lastPullAt: new Date(), lastPullResult: { created: 0, updated: 0, skipped: 0, errors: 1, message } }).where(eq(catalogSettings.regionId, regionId));
    throw new JobFailure(message);
  }
  await database.db.update(catalogSettings).set({ lastPullAt: new Date(), lastPullResult: outcome }).where(eq(catalogSettings.regionId, regionId));
  return outcome;
}

/** Enqueues a pull for every region whose pull is on and due (last pull older than its interval). */
export async function enqueueDuePulls(database: DatabaseHandle, now = new Date()): Promise<number> {
  const due = await database.db
    .select({ regionId: catalogSettings.regionId })
    .from(catalogSettings)
    .where(sql`${catalogSettings.pullEnabled} AND ${catalogSettings.uitdatabankUrl} IS NOT NULL AND (${catalogSettings.lastPullAt} IS NULL OR ${catalogSettings.lastPullAt} < ${now}::timestamptz - make_interval(hours => ${catalogSettings.pullEveryHours}))`);
  for (const { regionId } of due) {
    await enqueueJob(database, { kind: PULL_JOB, regionId, payload: { regionId }, uniqueKey: `${PULL_JOB}:${regionId}:${now.toISOString().slice(0, 13)}`, maxAttempts: 3 });
  }
  return due.length;
}

registerJobHandler(PULL_JOB, async ({ job, database }) => pullRegion(database, (job.payload as { regionId: string }).regionId), { backoffSeconds: 300, leaseSeconds: 300 });
registerJobHandler(PULL_DUE_JOB, async ({ database }) => ({ enqueued: await enqueueDuePulls(database) }));
// Hourly: which regions are due is decided per region by its own interval.
schedule(PULL_DUE_JOB, 3600);
