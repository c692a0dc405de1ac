import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.js';
import { createTestDatabase } from '../../test/test-database.js';
import { SynonymIndex, textRelevance } from '../../search/analyzer.js';
import { listSynonymGroups } from '../../search/synonyms.js';
import { MatchingEngine, subjectText, type EngineActor } from './engine.js';
import { TextIndex } from './text-index.js';
import { judgements, labelledActors } from './labelled-set.js';

// What the engine reached when these weights were chosen (docs/matching.md); raise them when it improves.
const FLOOR = { precisionAt5: 0.53, recallAt5: 0.69, mrr: 0.66 };

let database: DatabaseHandle;
let engine: MatchingEngine;
let synonyms: SynonymIndex;

beforeAll(async () => {
  database = await createTestDatabase();
  // The global synonym groups (no region has its own here) and the reference data, as the route loads them.
  synonyms = new SynonymIndex((await listSynonymGroups(database.raw, randomUUID())).map((group) => group.terms));
  const places = new Map(
    (await database.raw.query<{ nis_code: string; name: string; lat: number; lon: number }>('SELECT nis_code, name, lat, lon FROM municipalities')).map((row) => [row.nis_code, row]),
  );
  const sectors = new Map((await database.raw.query<{ key: string; name: string; cultural: boolean }>('SELECT key, name, cultural FROM sectors')).map((row) => [row.key, row]));
  const actors: EngineActor[] = labelledActors.map((actor) => {
    const place = places.get(actor.municipality)!;
    return {
      id: actor.key,
      name: actor.name,
      municipality: { nisCode: actor.municipality, name: place.name },
      coordinates: { lat: Number(place.lat), lon: Number(place.lon) },
      sectors: [sectors.get(actor.sector)!],
      strengths: actor.strengths,
      needs: actor.needs,
    };
  });
  engine = new MatchingEngine(actors, [], synonyms);
});
afterAll(async () => database.close());

describe('matching quality on the labelled set', () => {
  it('every municipality of the reference data has coordinates (migration 0038)', async () => {
    const missing = await database.raw.query('SELECT nis_code FROM municipalities WHERE lat IS NULL OR lon IS NULL');
    expect(missing).toEqual([]);
  });

  it('reaches precision@5, recall@5 and MRR of at least the recorded numbers (docs/matching.md)', () => {
    expect(judgements.length).toBeGreaterThanOrEqual(30);
    let precision = 0;
    let recall = 0;
    let reciprocalRank = 0;
    const misses: string[] = [];
    for (const judgement of judgements) {
      const side = judgement.need ? 'need' : 'strength';
      const text = judgement.need ?? judgement.strength!;
      const top = engine.suggest({ actorId: judgement.from, side, texts: [text], limit: 5 }).map((item) => item.actor.id);
      const hits = top.filter((key) => judgement.acceptable.includes(key));
      precision += top.length === 0 ? 0 : hits.length / top.length;
      recall += hits.length / judgement.acceptable.length;
      const first = top.findIndex((key) => judgement.acceptable.includes(key));
      reciprocalRank += first === -1 ? 0 : 1 / (first + 1);
      if (hits.length < judgement.acceptable.length) misses.push(`${judgement.from} "${text}": wanted ${judgement.acceptable.join(', ')}; got ${top.join(', ') || 'nothing'}`);
    }
    const n = judgements.length;
    const report = { precisionAt5: precision / n, recallAt5: recall / n, mrr: reciprocalRank / n };
    console.log(`[matching] labelled set: ${n} judgements, P@5 ${report.precisionAt5.toFixed(3)}, R@5 ${report.recallAt5.toFixed(3)}, MRR ${report.mrr.toFixed(3)}`);
    if (misses.length > 0) console.log(`[matching] incomplete:\n  ${misses.join('\n  ')}`);
    expect(report.precisionAt5).toBeGreaterThanOrEqual(FLOOR.precisionAt5);
    expect(report.recallAt5).toBeGreaterThanOrEqual(FLOOR.recallAt5);
    expect(report.mrr).toBeGreaterThanOrEqual(FLOOR.mrr);
  });

  it('scores a pair exactly as the shared analyzer’s textRelevance does', () => {
    const index = new TextIndex(synonyms);
    const texts = labelledActors.flatMap((actor) => [...actor.needs, ...actor.strengths]).map(subjectText);
    const ids = texts.map((text) => index.add(text));
    for (const a of ids.slice(0, 20)) {
      for (const b of ids) {
        expect(index.relevance(a, b), `${texts[a]} ↔ ${texts[b]}`).toBeCloseTo(textRelevance(texts[a]!, texts[b]!, synonyms).score, 6);
      }
    }
    // The region-wide pass's memo (one score per pair of distinct texts, both orders) gives the same scores, also for repeated texts.
    const again = texts.slice(0, 5).map((text) => index.add(text));
    const memo = new Map<number, number>();
    for (const a of [...ids.slice(0, 10), ...again]) {
      for (const b of ids) {
        expect(index.relevanceMemo(a, b, memo), `${index.texts[a]!.text} ↔ ${texts[b]}`).toBeCloseTo(index.relevance(a, b), 9);
        expect(index.relevanceMemo(b, a, memo)).toBeCloseTo(index.relevance(b, a), 9);
      }
    }
    // And every pair with a score is among the candidates the index offers.
    for (const a of ids) {
      const candidates = new Set(index.candidates(a));
      for (const b of ids) if (a !== b && textRelevance(texts[a]!, texts[b]!, synonyms).score > 0.05) expect(candidates.has(b), `${texts[a]} ↔ ${texts[b]}`).toBe(true);
    }
  });

  it('scores a probe (a typed text, not added) like textRelevance, finds its candidates, and leaves the index as it was', () => {
    const index = new TextIndex(synonyms);
    const texts = labelledActors.flatMap((actor) => [...actor.needs, ...actor.strengths]).map(subjectText);
    // Half of the texts are indexed; the other half are typed, so many of their words are new to the index.
    const indexed = texts.filter((_, position) => position % 2 === 0);
    const typed = [...texts.filter((_, position) => position % 2 === 1), 'zwembad voor kleuters', 'taalkafee'];
    const ids = indexed.map((text) => index.add(text));
    const before = index.texts.length;
    for (const text of typed) {
      const probe = index.probe(text);
      const candidates = new Set(index.candidatesOf(probe));
      for (const b of ids) {
        const expected = textRelevance(text, indexed[b]!, synonyms).score;
        expect(index.relevanceOf(probe, index.texts[b]!), `${text} ↔ ${indexed[b]}`).toBeCloseTo(expected, 6);
        if (expected > 0.05) expect(candidates.has(b), `${text} ↔ ${indexed[b]}`).toBe(true);
      }
    }
    expect(index.texts.length).toBe(before);
  });
});
