import type { DatabaseHandle } from '../../db/client.js';
import type { Role } from '../accounts/schema.js';
import { getPlanDetail, type PlanRow } from './service.js';

export interface PlanDetailJson {
  /** The JSON text of the plan detail for this caller, exactly as the route's response schema encodes it. */
  body: string;
  /** Changes whenever anything the detail is built from changes (migration 0028), and with the caller's role. */
  etag: string;
}

async function contentVersion(database: DatabaseHandle, planId: string): Promise<string> {
  const [row] = await database.raw.query<{ version: string | number }>('SELECT version FROM plan_content_versions WHERE plan_id = $1', [planId]);
  return String(row?.version ?? 0);
}

/**
 * The plan detail as JSON text, served from `plan_detail_cache` while the plan's change counter is
 * unchanged. The counter is read before the detail is built, so a write that lands in between leaves
 * an entry that is already outdated (rebuilt on the next read) and never a stale entry that looks fresh.
 */
export async function planDetailJson(database: DatabaseHandle, plan: PlanRow, myRole: Role | null): Promise<PlanDetailJson> {
  const version = await contentVersion(database, plan.id);
  const [cached] = await database.raw.query<{ payload: string }>('SELECT payload FROM plan_detail_cache WHERE plan_id = $1 AND content_version = $2', [plan.id, version]);
  let shared = cached?.payload;
  if (shared === undefined) {
    // getPlanDetail is the presenter: it builds every object field by field from the response schema's
    // type, so its output is already what the schema would let through (detail-cache.test.ts checks
    // this); a second pass through Zod would cost more than assembling the plan.
    const { myRole: _role, ...detail } = await getPlanDetail(database.db, plan, null);
    shared = JSON.stringify(detail);
    await database.raw.query(
      `INSERT INTO plan_detail_cache (plan_id, content_version, payload) VALUES ($1, $2, $3)
       ON CONFLICT (plan_id) DO UPDATE SET content_version = EXCLUDED.content_version, payload = EXCLUDED.payload, computed_at = now()
       WHERE plan_detail_cache.content_version <= EXCLUDED.content_version`,
      [plan.id, version, shared],
    );
  }
  // `shared` is a JSON object; the caller's role goes in front of its first key.
  const body = `{"myRole":${JSON.stringify(myRole)},${shared.slice(1)}`;
  return { body, etag: `W/"plan-${plan.id}-${version}-${myRole ?? 'public'}"` };
}
