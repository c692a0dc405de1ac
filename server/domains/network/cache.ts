import type { RawSql } from '../../db/client.js';

/**
 * What a region's derived network views depend on: its network change counter (bumped by triggers on
 * every write to its actors and relations, migration 0014) and the region's own version (its
 * municipalities). Sector and municipality links change only together with their actor row.
 */
async function fingerprint(raw: RawSql, regionId: string): Promise<string> {
  const [row] = await raw.query<{ fp: string }>(
    `SELECT concat_ws('|', (SELECT version FROM network_search.versions WHERE region_id = $1), (SELECT version FROM regions WHERE id = $1)) AS fp`,
    [regionId],
  );
  return row?.fp ?? '';
}

/** Returns the cached view when the region's network has not changed since it was computed, else computes and stores it. */
export async function cachedView<T>(raw: RawSql, regionId: string, kind: string, compute: () => Promise<T>): Promise<T> {
  const current = await fingerprint(raw, regionId);
  const [row] = await raw.query<{ fingerprint: string; payload: unknown }>('SELECT fingerprint, payload FROM network_cache WHERE region_id = $1 AND kind = $2', [regionId, kind]);
  if (row && row.fingerprint === current) return (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as T;
  const value = await compute();
  await raw.query(
    `INSERT INTO network_cache (region_id, kind, fingerprint, payload, computed_at) VALUES ($1, $2, $3, $4::jsonb, now())
     ON CONFLICT (region_id, kind) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, payload = EXCLUDED.payload, computed_at = now()`,
    [regionId, kind, current, JSON.stringify(value)],
  );
  return value;
}
