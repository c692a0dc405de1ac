/**
 * The prepared matching engine of a region, kept while nothing it is built from has changed (decision 028).
 * Two layers, both keyed by the region's trigger-kept change counters, read on every request:
 * - PostgreSQL (counter_cache, shared by every instance): the engine's input and the analysis of every
 *   text, so a restarted or second instance skips loading and analyzing;
 * - this process: the built engine itself, for as long as the counters read now equal those it was built
 *   from. Correctness never depends on this memory: a changed counter is seen by every instance on its
 *   next request, and the entry is rebuilt there.
 */
import type { RawSql } from '../../db/client.js';
import { readThrough } from '../../cache/counter-cache.js';
import { SynonymIndex, type QueryTerm } from '../../search/analyzer.js';
import { listSynonymGroups } from '../../search/synonyms.js';
import { isMember, type Viewer } from '../network/access.js';
import { MatchingEngine, type EngineActor } from './engine.js';

/** What the engine is built from, as stored in the shared cache. */
export interface EngineSnapshot {
  actors: EngineActor[];
  relations: { a: string; b: string }[];
  synonyms: string[][];
  analysis: QueryTerm[][];
}

/** Bumped when the analyzer or the engine's text preparation changes, so entries of an older build are not reused. */
const SNAPSHOT_FORMAT = 1;
const NAMESPACE = 'matching-engine';
/** Regions × audiences kept built per process; the least recently used goes first. */
const MAX_ENGINES = 8;

const engines = new Map<string, { counters: string; engine: MatchingEngine }>();
const building = new Map<string, Promise<MatchingEngine>>();

/**
 * Everything the engine depends on, in one statement: the network counter (actors, their sectors and
 * municipalities, relations), the region's version (its municipalities), the global synonyms and the
 * region's own. Each only grows.
 */
async function engineCounters(raw: RawSql, regionId: string): Promise<string[]> {
  const [row] = await raw.query<{ network: string | null; region: string | null; global: string | null; own: string | null }>(
    `SELECT (SELECT version FROM network_search.versions WHERE region_id = $1)::text AS network,
            (SELECT version FROM regions WHERE id = $1)::text AS region,
            (SELECT version FROM network_search.synonym_versions WHERE scope = 'global')::text AS global,
            (SELECT version FROM network_search.synonym_versions WHERE scope = $1::text)::text AS own`,
    [regionId],
  );
  return [SNAPSHOT_FORMAT, row?.network, row?.region, row?.global, row?.own].map((value) => String(value ?? 0));
}

/** Forgets the engines this process keeps (tests: show that the shared layer alone gives the same answers). */
export function forgetBuiltEngines(): void {
  engines.clear();
}

/**
 * The region's engine as this viewer may see it (members: all actors; others: the public ones), built
 * from `load` only when the counters changed since the last build anywhere.
 */
export async function preparedEngine(
  raw: RawSql,
  viewer: Viewer,
  load: () => Promise<Omit<EngineSnapshot, 'analysis'>>,
): Promise<MatchingEngine> {
  const key = `${viewer.region.id}:${isMember(viewer) ? 'member' : 'public'}`;
  const counters = await engineCounters(raw, viewer.region.id);
  const tag = counters.join('.');
  const kept = engines.get(key);
  if (kept?.counters === tag) {
    engines.delete(key);
    engines.set(key, kept);
    return kept.engine;
  }
  const inFlight = building.get(`${key}@${tag}`);
  if (inFlight) return inFlight;
  const build = (async () => {
    let engine: MatchingEngine | null = null;
    const cached = await readThrough<EngineSnapshot>(raw, {
      namespace: NAMESPACE,
      key,
      counter: () => Promise.resolve(counters),
      compute: async () => {
        const input = await load();
        engine = new MatchingEngine(input.actors, input.relations, new SynonymIndex(input.synonyms));
        return { ...input, analysis: engine.analysis };
      },
    });
    const snapshot = cached.value;
    engine ??= new MatchingEngine(snapshot.actors, snapshot.relations, new SynonymIndex(snapshot.synonyms), snapshot.analysis);
    engines.delete(key);
    engines.set(key, { counters: tag, engine });
    while (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
    return engine;
  })();
  building.set(`${key}@${tag}`, build);
  try {
    return await build;
  } finally {
    building.delete(`${key}@${tag}`);
  }
}

/** The synonym groups that apply to the region, as the engine takes them. */
export async function synonymTerms(raw: RawSql, regionId: string): Promise<string[][]> {
  return (await listSynonymGroups(raw, regionId)).map((group) => group.terms);
}
