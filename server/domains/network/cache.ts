import type { RawSql } from '../../db/client.js';
import { readThrough } from '../../cache/counter-cache.js';

/**
 * What a region's derived network views depend on: its network change counter (bumped by triggers on
 * every write to its actors and relations, migration 0014) and the region's own version (its
 * municipalities). Sector and municipality links change only together with their actor row.
 */
async function networkCounters(raw: RawSql, regionId: string): Promise<(string | null)[]> {
  const [row] = await raw.query<{ network: string | null; region: string | null }>(
    'SELECT (SELECT version FROM network_search.versions WHERE region_id = $1)::text AS network, (SELECT version FROM regions WHERE id = $1)::text AS region',
    [regionId],
  );
  return [row?.network ?? null, row?.region ?? null];
}

/** Returns the cached view when the region's network has not changed since it was computed, else computes and stores it. */
export async function cachedView<T>(raw: RawSql, regionId: string, kind: string, compute: () => Promise<T>): Promise<T> {
  const cached = await readThrough(raw, { namespace: 'network-view', key: `${regionId}:${kind}`, counter: () => networkCounters(raw, regionId), compute });
  return cached.value;
}
