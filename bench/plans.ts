import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// Types only: a value import of ./run.js would deadlock on its top-level await (run.ts loads this file).
import { measure as measureWith, type BenchResult, type BenchSuite } from './bench-kit.js';
import { buildApp } from '../server/app.js';
import { parseEnv } from '../server/config/env.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { parsePlanFile } from '../server/domains/plans/import/index.js';
import { importParsedPlan } from '../server/domains/plans/service.js';

const GOALS = 10;
const OBJECTIVES_PER_GOAL = 10;
const ACTIONS_PER_OBJECTIVE = 10;
const MILESTONES_PER_ACTION = 5;
const SLUG = 'bench-plannen';
const SEED_000 = fileURLToPath(new URL('../../shared/seeds/000_2f1154fcdd5e0142.txt', import.meta.url));

/** One approved plan with 1,000 actions, 5,000 milestones, 2,000 budget lines and 2,000 partners, set-based. */
async function generate(database: DatabaseHandle, regionId: string): Promise<string> {
  const raw = database.raw;
  const [plan] = await raw.query<{ id: string }>("INSERT INTO plans (region_id, title, status, period_start, period_end) VALUES ($1, 'Benchmarkplan', 'goedgekeurd', 2025, 2027) RETURNING id", [regionId]);
  const planId = plan!.id;
  await raw.query(`INSERT INTO plan_goals (plan_id, code, title, position) SELECT $1, 'SD' || g, 'Strategische doelstelling ' || g, g FROM generate_series(1, ${GOALS}) g`, [planId]);
  await raw.query(
    `INSERT INTO plan_objectives (plan_id, goal_id, code, title, position)
     SELECT $1, g.id, 'OD' || g.position || '.' || o, 'Operationele doelstelling ' || g.position || '.' || o, o
     FROM plan_goals g, generate_series(1, ${OBJECTIVES_PER_GOAL}) o WHERE g.plan_id = $1`,
    [planId],
  );
  await raw.query(
    `INSERT INTO plan_actions (plan_id, objective_id, number, title, timing_kind, timing_label, regierol, actorrol, status, progress, position)
     SELECT $1, o.id, (row_number() OVER (ORDER BY o.code, a))::text, 'Actie ' || o.code || '-' || a || ': samen met partners werken aan een regionaal aanbod',
       'year', '2026', 'Partners bijeen brengen', 'Lokaal uitvoeren',
       (ARRAY['gepland','lopend','afgerond'])[1 + a % 3], (a * 7) % 100, row_number() OVER (ORDER BY o.code, a)
     FROM plan_objectives o, generate_series(1, ${ACTIONS_PER_OBJECTIVE}) a WHERE o.plan_id = $1`,
    [planId],
  );
  await raw.query(
    `INSERT INTO plan_milestones (plan_id, action_id, title, start_date, end_date, status, position)
     SELECT $1, a.id, 'Mijlpaal ' || m, DATE '2025-01-01' + (m * 60 + a.position % 30), DATE '2025-01-01' + (m * 60 + a.position % 30 + 20),
       (ARRAY['gepland','bezig','behaald'])[1 + (m + a.position) % 3], m
     FROM plan_actions a, generate_series(1, ${MILESTONES_PER_ACTION}) m WHERE a.plan_id = $1`,
    [planId],
  );
  await raw.query(
    `INSERT INTO plan_budget_lines (plan_id, action_id, amount_cents, description, year, funding_source, position)
     SELECT $1, a.id, (1000 + (a.position * 37) % 9000) * 100, 'Kosten ' || l, 2025 + l, (ARRAY['eigen-middelen','vlaamse-subsidie','cofinanciering'])[1 + l % 3], l
     FROM plan_actions a, generate_series(0, 1) l WHERE a.plan_id = $1`,
    [planId],
  );
  await raw.query(
    `INSERT INTO plan_action_partners (plan_id, action_id, name, position)
     SELECT $1, a.id, 'Partnerorganisatie ' || ((a.position * 13 + p) % 400), p FROM plan_actions a, generate_series(0, 1) p WHERE a.plan_id = $1`,
    [planId],
  );
  await raw.exec('ANALYZE plans; ANALYZE plan_goals; ANALYZE plan_objectives; ANALYZE plan_actions; ANALYZE plan_milestones; ANALYZE plan_budget_lines; ANALYZE plan_action_partners');
  return planId;
}

// Each measurement of this suite warms up 3 times first.
function measure(name: string, target: string | undefined, samples: number, fn: (i: number) => Promise<void>, note?: string): Promise<BenchResult> {
  return measureWith(name, target, samples, fn, { note, warmup: 3 });
}

/** Plans: the tree and the budget overview of a 1,000-action plan, and importing seed 000. */
export const plansBench: BenchSuite = {
  title: `Plans (1 plan: ${GOALS * OBJECTIVES_PER_GOAL * ACTIONS_PER_OBJECTIVE} actions, ${GOALS * OBJECTIVES_PER_GOAL * ACTIONS_PER_OBJECTIVE * MILESTONES_PER_ACTION} milestones)`,
  async run({ databaseUrl }) {
    let database: DatabaseHandle;
    let dropDatabase: (() => Promise<void>) | undefined;
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl, 'rk_bench_plans');
      database = await openDatabase({ databaseUrl: scratch.url });
      dropDatabase = scratch.drop;
    } else {
      database = await openDatabase({});
    }
    try {
      await migrate(database);
      const region = await createRegion(database.db, { slug: SLUG, name: 'Bench plannen', municipalities: ['33011'] });
      const planId = await generate(database, region.id);
      const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test' });
      const app = await buildApp({ database, env, mailer: { configured: false, send: async () => {} }, serveClient: false });
      await app.ready();
      const get = async (url: string) => {
        const response = await app.inject({ method: 'GET', url });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        return response;
      };
      const results: BenchResult[] = [];
      const treeUrl = `/api/regions/${SLUG}/plans/${planId}`;
      results.push(
        await measure('plan tree (GET plan, all actions with lists), unchanged plan', '≤ 300 ms p95', 30, () => get(treeUrl).then(() => undefined), 'served from counter_cache (about 2 MB of JSON)'),
      );
      // Every sample changes one milestone first, so every read rebuilds the detail from the tables.
      results.push(
        await measure('plan tree right after an edit (rebuilt)', '≤ 300 ms p95', 30, async (i) => {
          await database.raw.query("UPDATE plan_milestones SET status = (ARRAY['gepland','bezig','behaald'])[1 + $2::int % 3] WHERE id = (SELECT id FROM plan_milestones WHERE plan_id = $1 ORDER BY id LIMIT 1)", [planId, i]);
          await get(treeUrl);
        }, 'includes the one-row update; the first read after any change assembles and caches the detail'),
      );
      results.push(await measure('budget overview', '≤ 300 ms p95', 30, () => get(`/api/regions/${SLUG}/plans/${planId}/budget`).then(() => undefined)));
      if (existsSync(SEED_000)) {
        const bytes = readFileSync(SEED_000);
        results.push(await measure('parse seed 000 (no database)', undefined, 50, async () => void parsePlanFile({ bytes })));
        results.push(
          await measure('import seed 000 (parse + one transaction)', '< 1000 ms', 10, async () => {
            await importParsedPlan(database.db, region, parsePlanFile({ bytes }), { userId: null });
          }),
        );
      } else console.error('  seed 000 not found: import measurement skipped');
      await app.close();
      return results;
    } finally {
      await database.close();
      await dropDatabase?.();
    }
  },
};
