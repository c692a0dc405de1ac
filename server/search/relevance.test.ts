import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ApiClient, type TestApp } from '../test/test-app.js';
import { regionFactory } from '../test/factories.js';
import { actorFactory } from '../domains/network/factories.js';
import { fixtureActors, judgedQueries } from './relevance-fixture.js';

let t: TestApp;
let slug: string;

beforeAll(async () => {
  t = await createTestApp();
  const region = await regionFactory(t.database.db);
  slug = region.slug;
  for (const actor of fixtureActors) {
    await actorFactory(t.database.db, region.id, {
      name: actor.name,
      sectors: [actor.sector],
      description: actor.description,
      strengths: actor.strengths ?? [],
      targetGroups: actor.targetGroups ?? [],
      tags: actor.tags ?? [],
    });
  }
});
afterAll(async () => t.close());

const K = 10;

function dcg(gains: number[]): number {
  return gains.reduce((sum, gain, index) => sum + (2 ** gain - 1) / Math.log2(index + 2), 0);
}

describe('search relevance on purpose-written actors', () => {
  it(`reaches recall@${K}, MRR and nDCG@${K} over ${judgedQueries.length} graded queries`, async () => {
    const client = new ApiClient(t.app);
    let relevant = 0;
    let found = 0;
    let reciprocalRanks = 0;
    let ndcg = 0;
    const misses: string[] = [];
    for (const judged of judgedQueries) {
      const response = await client.get(`/api/regions/${slug}/actors?${new URLSearchParams({ q: judged.query, limit: String(K) }).toString()}`);
      expect(response.statusCode, response.body).toBe(200);
      const names = (response.json() as { items: { name: string }[] }).items.map((item) => item.name);
      const judgedNames = Object.keys(judged.judgements);
      for (const name of judgedNames) expect(fixtureActors.some((actor) => actor.name === name), name).toBe(true);
      relevant += judgedNames.length;
      found += judgedNames.filter((name) => names.includes(name)).length;
      const first = names.findIndex((name) => judged.judgements[name] !== undefined);
      reciprocalRanks += first === -1 ? 0 : 1 / (first + 1);
      const gains = names.map((name) => judged.judgements[name] ?? 0);
      const ideal = Object.values(judged.judgements).sort((a, b) => b - a).slice(0, K);
      ndcg += dcg(gains) / dcg(ideal);
      const missed = judgedNames.filter((name) => !names.includes(name));
      if (missed.length > 0) misses.push(`"${judged.query}" misses ${missed.join(', ')} (got: ${names.slice(0, 5).join(', ') || 'nothing'})`);
    }
    const recall = found / relevant;
    const mrr = reciprocalRanks / judgedQueries.length;
    const meanNdcg = ndcg / judgedQueries.length;
    console.log(
      `[search relevance] ${fixtureActors.length} actors, ${judgedQueries.length} queries, ${relevant} judged hits: ` +
        `recall@${K} ${(recall * 100).toFixed(1)} %, MRR ${mrr.toFixed(3)}, nDCG@${K} ${meanNdcg.toFixed(3)}`,
    );
    if (misses.length > 0) console.log(`[search relevance] misses:\n  ${misses.join('\n  ')}`);
    expect(fixtureActors.length).toBeGreaterThanOrEqual(60);
    expect(judgedQueries.length).toBeGreaterThanOrEqual(40);
    // A little under the measured levels (see docs/search.md): a regression fails, noise does not.
    // Measured 2026-12-01: recall@10 90.2 %, MRR 0.969, nDCG@10 0.931.
    expect(recall).toBeGreaterThanOrEqual(0.88);
    expect(mrr).toBeGreaterThanOrEqual(0.94);
    expect(meanNdcg).toBeGreaterThanOrEqual(0.9);
  });
});
