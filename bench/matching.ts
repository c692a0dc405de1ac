// Types only (bench-kit.ts, not run.ts: a value import of ./run.js would deadlock on its top-level await).
import { measure, type BenchResult, type BenchSuite } from './bench-kit.js';
import { buildApp } from '../server/app.js';
import { parseEnv } from '../server/config/env.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { createUserWithRole } from '../server/domains/accounts/service.js';
import { loadavg } from 'node:os';
import { WESTHOEK } from './network.js';
import { forgetBuiltEngines } from '../server/domains/matching/engine-cache.js';

const ACTORS = 2_000;
const RELATIONS = 4_000;
const SLUG = 'bench-matching';
const PASSWORD = 'bench-wachtwoord-123';

// Needs and strengths are built from a subject and a way of putting it, so the region has a few
// hundred distinct words and thousands of distinct texts, as a real map of that size would.
const SUBJECTS = [
  'vrijwilligers', 'jonge vrijwilligers', 'nieuwkomers', 'anderstaligen', 'kwetsbare gezinnen', 'senioren', 'jongeren', 'kinderen', 'scholen',
  'repetitieruimte', 'fuifzaal met podium', 'tentoonstellingsruimte', 'opslagruimte', 'vervoer naar activiteiten', 'chauffeurs', 'communicatie',
  'subsidieaanvragen', 'digitale vaardigheden', 'geluidsinstallatie', 'podiumtechniek', 'catering', 'wandelroutes', 'fietsroutes', 'erfgoedverhalen',
  'archief en beeldbank', 'buddywerking', 'taallessen', 'oefenkansen Nederlands', 'workshops voor volwassenen', 'speelpleinwerking', 'sportinfrastructuur',
  'vakantiekampen', 'natuurbeheer', 'moestuin', 'herstellers', 'kookworkshops', 'leesbevordering', 'voorleesmomenten', 'concerten', 'theaterworkshops',
];
const NEED_FORMS = ['geen eigen {s}', 'op zoek naar {s}', 'te weinig {s}', 'nood aan {s}', 'meer bereik bij {s}', '{s} in de deelgemeenten'];
const STRENGTH_FORMS = ['eigen {s}', 'ervaring met {s}', 'sterk netwerk van {s}', '{s} voor de hele regio', 'veel {s}', 'gratis {s}'];

function text(forms: string[], i: number, salt: number): string {
  const subject = SUBJECTS[(i * salt + 3) % SUBJECTS.length]!;
  return forms[(i * 7 + salt) % forms.length]!.replace('{s}', subject);
}

async function generate(database: DatabaseHandle, regionId: string): Promise<void> {
  const rows: unknown[][] = [];
  for (let i = 0; i < ACTORS; i++) {
    rows.push([
      regionId,
      `Actor ${i}`,
      WESTHOEK[i % WESTHOEK.length],
      [text(STRENGTH_FORMS, i, 11), text(STRENGTH_FORMS, i, 17), ...(i % 3 === 0 ? [text(STRENGTH_FORMS, i, 23)] : [])],
      [text(NEED_FORMS, i, 13), ...(i % 2 === 0 ? [text(NEED_FORMS, i, 19)] : [])],
    ]);
  }
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}, $${j * 5 + 3}, $${j * 5 + 4}, $${j * 5 + 5})`).join(', ');
    await database.raw.query(`INSERT INTO actors (region_id, name, municipality_nis, strengths, needs) VALUES ${values}`, chunk.flat());
  }
  await database.raw.query(
    `INSERT INTO actor_sectors (actor_id, sector_key, position)
     SELECT a.id, s.key, 0 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM actors WHERE region_id = $1) a
     JOIN (SELECT key, row_number() OVER (ORDER BY position) - 1 AS k FROM sectors) s ON s.k = a.n % 21`,
    [regionId],
  );
  await database.raw.query(
    `WITH ids AS (SELECT array_agg(id ORDER BY id) AS a FROM actors WHERE region_id = $1)
     INSERT INTO relations (region_id, source_actor_id, target_actor_id, type)
     SELECT DISTINCT $1::uuid, ids.a[1 + (g * 7919) % ${ACTORS}], ids.a[1 + (g * 104723) % ${ACTORS}], 'samenwerking'
     FROM ids, generate_series(1, ${RELATIONS}) AS g WHERE (g * 7919) % ${ACTORS} <> (g * 104723) % ${ACTORS}
     ON CONFLICT DO NOTHING`,
    [regionId],
  );
}

export const matchingBench: BenchSuite = {
  title: `Matching engine (${ACTORS.toLocaleString('en')} actors, ${RELATIONS.toLocaleString('en')} relations)`,
  notes: [],
  async run({ databaseUrl }) {
    let database: DatabaseHandle;
    let dropDatabase: (() => Promise<void>) | undefined;
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl, 'rk_bench_matching');
      database = await openDatabase({ databaseUrl: scratch.url });
      dropDatabase = scratch.drop;
    } else {
      database = await openDatabase({});
    }
    try {
      await migrate(database);
      const region = await createRegion(database.db, { slug: SLUG, name: 'Bench matching', municipalities: WESTHOEK });
      await generate(database, region.id);
      await createUserWithRole(database.db, { email: 'regisseur@bench.test', name: 'Bench', password: PASSWORD, regionSlug: SLUG, role: 'admin' });
      const [texts] = await database.raw.query<{ needs: number; strengths: number }>(
        'SELECT sum(cardinality(needs))::int AS needs, sum(cardinality(strengths))::int AS strengths FROM actors',
      );
      const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.test' });
      const app = await buildApp({ database, env, mailer: { configured: false, send: async () => {} }, serveClient: false });
      await app.ready();
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'regisseur@bench.test', password: PASSWORD } });
      const cookie = login.cookies.find((c) => c.name === 'rk_session');
      if (!cookie) throw new Error(`login failed: ${login.statusCode}`);
      const get = async (url: string) => {
        const response = await app.inject({ method: 'GET', url, headers: { cookie: `rk_session=${cookie.value}` } });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        return response;
      };
      const [{ id: someActor } = { id: '' }] = await database.raw.query<{ id: string }>('SELECT id FROM actors WHERE region_id = $1 ORDER BY name LIMIT 1', [region.id]);
      const base = `/api/regions/${SLUG}/matches`;
      const results: BenchResult[] = [];
      let edits = 0;
      const edit = () => database.raw.query('UPDATE actors SET version = version + 1 WHERE id = (SELECT id FROM actors ORDER BY id OFFSET $1 LIMIT 1)', [edits++]);
      const ownNeeds = () => get(`${base}?actor=${someActor}`).then(() => undefined);
      const typedNeed = () => get(`${base}?need=${encodeURIComponent('geen eigen repetitieruimte voor jongeren')}`).then(() => undefined);
      // Cold: the network changed just before, so this request loads, analyzes and builds the engine anew (and stores it).
      results.push(await measure('one actor, all its own needs, right after an edit (engine rebuilt)', '≤ 500 ms p95', 5, async () => { await edit(); await ownNeeds(); }, { warmup: 1 }));
      // Another instance (or a restart): nothing in this process, the prepared engine's input and analysis from PostgreSQL.
      results.push(await measure('one actor, all its own needs, new instance (shared cache only)', '≤ 500 ms p95', 5, async () => { forgetBuiltEngines(); await ownNeeds(); }, { warmup: 1 }));
      // Warm: the counters are unchanged, the engine this process built is used.
      results.push(await measure('one actor, all its own needs, network unchanged (engine kept)', '≤ 500 ms p95', 20, ownNeeds, { warmup: 2 }));
      results.push(await measure('a typed need, right after an edit (engine rebuilt)', '≤ 500 ms p95', 5, async () => { await edit(); await typedNeed(); }, { warmup: 1 }));
      results.push(await measure('a typed need, network unchanged (engine kept)', '≤ 500 ms p95', 20, typedNeed, { warmup: 2 }));
      // Region-wide: every sample follows an edit of an actor, so the full pass runs anew; then served from the cache.
      results.push(await measure('region-wide top 20 unmet pairs, right after an edit (full pass)', '≤ 3000 ms p95', 3, async () => { await edit(); await get(`${base}/region`); }, { warmup: 0 }));
      results.push(await measure('region-wide, one municipality, right after an edit', '≤ 3000 ms p95', 3, async () => { await edit(); await get(`${base}/region?municipality=33011`); }, { warmup: 0 }));
      results.push(await measure('region-wide top 20, network unchanged (cached)', '≤ 50 ms p95', 20, () => get(`${base}/region`).then(() => undefined), { warmup: 1 }));
      matchingBench.notes = [
        `${texts?.needs ?? 0} needs and ${texts?.strengths ?? 0} strengths over ${SUBJECTS.length} subjects; the prepared engine is kept per region while its change counters are unchanged (decision 028): "right after an edit" loads the actors, relations and synonyms, analyzes every text and stores the result in PostgreSQL; "new instance" builds from that stored analysis; "engine kept" reads only the counters.`,
        `Load average while measuring: ${loadavg()[0]!.toFixed(1)} (other work on the machine slows every figure).`,
      ];
      await app.close();
      return results;
    } finally {
      await database.close();
      await dropDatabase?.();
    }
  },
};
