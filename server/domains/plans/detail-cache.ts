import type { DatabaseHandle } from '../../db/client.js';
import type { Role } from '../accounts/schema.js';
import type { PlanDetail } from '../../../common/schemas/plans.js';
import { getPlanDetail, type PlanRow } from './service.js';
import { readThrough } from '../../cache/counter-cache.js';

export interface PlanDetailJson {
  /** The JSON text of the plan detail for this caller, as the route's response schema describes it. */
  body: string;
  /** Changes whenever anything the detail is built from changes (migrations 0028 and 0035), and with the caller's role. */
  etag: string;
}

type Audience = 'member' | 'public';

/**
 * What the cached detail depends on: the plan's change counter and, for visitors, the region's network
 * counter (showing or hiding an actor's profile changes what they may see of the plan's partners).
 */
async function countersOf(database: DatabaseHandle, plan: PlanRow, audience: Audience): Promise<(string | null)[]> {
  const [row] = await database.raw.query<{ plan: string | null; network: string | null }>(
    `SELECT (SELECT version FROM plan_content_versions WHERE plan_id = $1)::text AS plan,
            (SELECT version FROM network_search.versions WHERE region_id = $2)::text AS network`,
    [plan.id, plan.regionId],
  );
  return audience === 'member' ? [row?.plan ?? null] : [row?.plan ?? null, row?.network ?? null];
}

/** Visitors see a partner's link to the network map only when that actor's profile is public. */
async function withoutHiddenActors(database: DatabaseHandle, plan: PlanRow, detail: Omit<PlanDetail, 'myRole'>): Promise<Omit<PlanDetail, 'myRole'>> {
  const hidden = new Set(
    (
      await database.raw.query<{ id: string }>(
        'SELECT DISTINCT a.id FROM plan_action_partners p JOIN actors a ON a.id = p.actor_id WHERE p.plan_id = $1 AND NOT a.is_public',
        [plan.id],
      )
    ).map((row) => row.id),
  );
  if (hidden.size === 0) return detail;
  const actions = (list: PlanDetail['actions']) =>
    list.map((action) => ({ ...action, partners: action.partners.map((partner) => (partner.actorId && hidden.has(partner.actorId) ? { ...partner, actorId: null } : partner)) }));
  return {
    ...detail,
    actions: actions(detail.actions),
    goals: detail.goals.map((goal) => ({ ...goal, objectives: goal.objectives.map((objective) => ({ ...objective, actions: actions(objective.actions) })) })),
  };
}

/**
 * The plan detail as JSON text, served from the counter cache (one entry for members, one for
 * visitors) while its counters are unchanged.
 */
export async function planDetailJson(database: DatabaseHandle, plan: PlanRow, myRole: Role | null): Promise<PlanDetailJson> {
  const audience: Audience = myRole ? 'member' : 'public';
  const shared = await readThrough(database.raw, {
    namespace: 'plan-detail',
    key: `${plan.id}:${audience}`,
    counter: () => countersOf(database, plan, audience),
    compute: async () => {
      // getPlanDetail is the presenter: it builds every object field by field from the response schema's
      // type, so its output is already what the schema would let through (detail-cache.test.ts checks
      // this); a second pass through Zod would cost more than assembling the plan.
      const { myRole: _role, ...detail } = await getPlanDetail(database.db, plan, null);
      return JSON.stringify(audience === 'public' ? await withoutHiddenActors(database, plan, detail) : detail);
    },
    encode: (text) => text,
    decode: (text) => text,
  });
  // `shared.value` is a JSON object; the caller's role goes in front of its first key.
  const body = `{"myRole":${JSON.stringify(myRole)},${shared.value.slice(1)}`;
  return { body, etag: `W/"${shared.tag}-${myRole ?? 'public'}"` };
}
