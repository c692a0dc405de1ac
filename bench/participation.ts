// Types only from run.ts (it loads this file); the kit has the measuring.
import { measure, type BenchResult, type BenchSuite } from './bench-kit.js';
import { openDatabase, type DatabaseHandle } from '../server/db/client.js';
import { createScratchDatabase } from '../server/db/scratch-database.js';
import { migrate } from '../server/db/migrate.js';
import { createRegion } from '../server/domains/regions/service.js';
import { surveyFactory, sessionVoters } from '../server/domains/participation/factories.js';
import { surveyResults } from '../server/domains/participation/surveys.js';
import { castStance, createPoll } from '../server/domains/participation/polls.js';

const RESPONSES = 2000;
const VOTERS = 200;

/** 2,000 responses to every question of the test survey, set-based. */
async function generateResponses(database: DatabaseHandle, surveyId: string): Promise<void> {
  const raw = database.raw;
  await raw.query(`INSERT INTO survey_responses (survey_id, language, created_at) SELECT $1, (ARRAY['nl','en','ar'])[1 + r % 3], now() - (r || ' minutes')::interval FROM generate_series(1, ${RESPONSES}) r`, [surveyId]);
  const byKind = async (kind: string) => (await raw.query<{ id: string }>('SELECT id FROM survey_questions WHERE survey_id = $1 AND kind = $2', [surveyId, kind]))[0]!.id;
  const [single, multiple, scale, ranking, long] = [await byKind('single'), await byKind('multiple'), await byKind('scale'), await byKind('ranking'), await byKind('long')];
  const numbered = `SELECT id, row_number() OVER (ORDER BY id) AS n FROM survey_responses WHERE survey_id = $1`;
  await raw.query(`INSERT INTO survey_answers (response_id, survey_id, question_id, option_key) SELECT id, $1, $2, 'a' || (1 + n % 2) FROM (${numbered}) r`, [surveyId, single]);
  await raw.query(`INSERT INTO survey_answers (response_id, survey_id, question_id, option_key) SELECT id, $1, $2, 'a' || k FROM (${numbered}) r, generate_series(1, 3) k WHERE (n + k) % 2 = 0`, [surveyId, multiple]);
  await raw.query(`INSERT INTO survey_answers (response_id, survey_id, question_id, number_value) SELECT id, $1, $2, 1 + n % 5 FROM (${numbered}) r`, [surveyId, scale]);
  await raw.query(`INSERT INTO survey_answers (response_id, survey_id, question_id, option_key, number_value) SELECT id, $1, $2, 'a' || (1 + (n + k) % 3), k FROM (${numbered}) r, generate_series(1, 3) k`, [surveyId, ranking]);
  await raw.query(`INSERT INTO survey_answers (response_id, survey_id, question_id, text_value) SELECT id, $1, $2, 'Open antwoord nummer ' || n || ': meer samenwerking tussen bibliotheken en scholen' FROM (${numbered}) r WHERE n % 3 = 0`, [surveyId, long]);
  // Fresh statistics, as autovacuum keeps them in production: without them the planner guesses on an unseen bulk load.
  await raw.exec('ANALYZE survey_responses; ANALYZE survey_answers;');
}

export const participationBench: BenchSuite = {
  title: `Participation (a survey with ${RESPONSES} responses; ${VOTERS} voters at once)`,
  notes: [],
  async run({ databaseUrl }) {
    let database: DatabaseHandle;
    let dropDatabase: (() => Promise<void>) | undefined;
    if (databaseUrl) {
      const scratch = await createScratchDatabase(databaseUrl, 'rk_bench_participation');
      database = await openDatabase({ databaseUrl: scratch.url });
      dropDatabase = scratch.drop;
    } else {
      database = await openDatabase({});
    }
    try {
      await migrate(database);
      const db = database.db;
      const region = await createRegion(db, { slug: 'bench-participatie', name: 'Bench participatie', municipalities: ['33011'] });
      const [admin] = await sessionVoters(db, region, 1, 'admin');
      const survey = await surveyFactory(db, region, admin!.userId);
      await generateResponses(database, survey.id);
      const results: BenchResult[] = [];
      results.push(await measure(`survey results, ${RESPONSES} responses (all questions, aggregated in SQL)`, '≤ 300 ms p95', 30, async () => void (await surveyResults(db, region, survey.id))));
      const single = (await database.raw.query<{ id: string }>("SELECT id FROM survey_questions WHERE survey_id = $1 AND kind = 'single'", [survey.id]))[0]!.id;
      results.push(await measure('survey results filtered by an answer to another question', '≤ 300 ms p95', 30, async () => void (await surveyResults(db, region, survey.id, { questionId: single, option: 'a1' }))));
      const voters = await sessionVoters(db, region, VOTERS, 'steering');
      let lost = 0;
      results.push(
        await measure(
          `${VOTERS} voters cast their stance at once (one sample = all ${VOTERS})`,
          undefined,
          3,
          async () => {
            const poll = await createPoll(db, region, 'admin', { title: 'Bench', description: '', kind: 'proposal', options: [], closesAt: new Date(Date.now() + 86400_000).toISOString(), audience: 'steering', anonymous: false, hideResults: false, points: 10, weighted: false }, admin!.userId);
            await Promise.all(voters.map((voter, index) => castStance(db, region, poll.id, voter.userId, { choice: index % 2 ? 'akkoord' : 'niet-akkoord', reason: '' })));
            const [row] = await database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM poll_stances WHERE poll_id = $1', [poll.id]);
            lost += VOTERS - (row?.n ?? 0);
          },
          { warmup: 1 },
        ),
      );
      participationBench.notes = [`Service functions, measured in-process; stances lost or doubled over all samples: ${lost}.`];
      return results;
    } finally {
      await database.close();
      await dropDatabase?.();
    }
  },
};
