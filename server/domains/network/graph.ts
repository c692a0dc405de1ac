import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { RawSql } from '../../db/client.js';
import type { BubbleScheme, Graph as NetworkGraph, RelationType } from '../../../common/schemas/network.js';
import { isMember, type Viewer } from './access.js';
import { crossesMunicipality, crossesSector } from './service.js';

// Above this many nodes, betweenness is estimated from a fixed sample of source nodes (Brandes with pivots).
const EXACT_BETWEENNESS_MAX = 1500;
const PIVOTS = 256;

/**
 * Betweenness centrality of an undirected, unweighted graph (Brandes), normalised to 0…1. With more
 * than EXACT_BETWEENNESS_MAX nodes it samples evenly spread source nodes and scales up, which keeps a
 * 5,000-node graph well under a second while preserving who the brokers are.
 */
export function betweenness(n: number, adjacency: number[][]): { values: Float64Array; approximate: boolean } {
  const values = new Float64Array(n);
  if (n < 3) return { values, approximate: false };
  const approximate = n > EXACT_BETWEENNESS_MAX;
  const sources: number[] = [];
  if (approximate) for (let k = 0; k < PIVOTS; k++) sources.push(Math.floor((k * n) / PIVOTS));
  else for (let s = 0; s < n; s++) sources.push(s);

  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const queue = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    let visited = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++]!;
      order[visited++] = v;
      for (const w of adjacency[v]!) {
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    for (let i = visited - 1; i > 0; i--) {
      const w = order[i]!;
      for (const v of adjacency[w]!) {
        if (dist[v] === dist[w]! - 1) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      values[w]! += delta[w]!;
    }
  }
  // Undirected: every pair was counted from both ends; normalise by the number of pairs.
  const scale = (approximate ? n / sources.length : 1) / 2 / (((n - 1) * (n - 2)) / 2);
  for (let i = 0; i < n; i++) values[i] = Math.min(1, values[i]! * scale);
  return { values, approximate };
}

/** A deterministic random generator, so communities do not change between two identical requests. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface NodeRow {
  id: string;
  name: string;
  nis: string | null;
  sector: string | null;
  cultural: boolean | null;
}

/**
 * The region's network as nodes and edges with server-computed metrics: degree, betweenness,
 * Louvain communities, isolated actors, and brokers (the highest betweenness). Anonymous visitors
 * get the public actors and the relations between them.
 */
export async function networkGraph(raw: RawSql, viewer: Viewer): Promise<NetworkGraph> {
  const visible = isMember(viewer) ? '' : ' AND a.is_public';
  const [nodeRows, edgeRows] = await Promise.all([
    raw.query<NodeRow>(
      `SELECT a.id, a.name, a.municipality_nis AS nis, x.sector_key AS sector, s.cultural
       FROM actors a LEFT JOIN actor_sectors x ON x.actor_id = a.id AND x.position = 0 LEFT JOIN sectors s ON s.key = x.sector_key
       WHERE a.region_id = $1${visible} ORDER BY a.search_name, a.id`,
      [viewer.region.id],
    ),
    raw.query<{ id: string; source: string; target: string; type: RelationType }>(
      `SELECT r.id, r.source_actor_id AS source, r.target_actor_id AS target, r.type FROM relations r
       JOIN actors sa ON sa.id = r.source_actor_id JOIN actors ta ON ta.id = r.target_actor_id
       WHERE r.region_id = $1${isMember(viewer) ? '' : ' AND sa.is_public AND ta.is_public'} ORDER BY r.id`,
      [viewer.region.id],
    ),
  ]);
  const index = new Map(nodeRows.map((row, i) => [row.id, i]));
  const adjacency: number[][] = nodeRows.map(() => []);
  const degree = new Int32Array(nodeRows.length);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const row of nodeRows) graph.addNode(row.id);
  const edges: NetworkGraph['edges'] = [];
  for (const edge of edgeRows) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    degree[a]! += 1;
    degree[b]! += 1;
    if (!graph.hasEdge(edge.source, edge.target)) {
      graph.addEdge(edge.source, edge.target);
      adjacency[a]!.push(b);
      adjacency[b]!.push(a);
    }
    const source = nodeRows[a]!;
    const target = nodeRows[b]!;
    edges.push({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      bovenlokaal: crossesMunicipality(source.nis, target.nis),
      grensverleggend: crossesSector(source.sector, target.sector),
    });
  }
  const { values, approximate } = betweenness(nodeRows.length, adjacency);
  const communityOf = graph.size > 0 ? louvain(graph, { rng: seededRandom(42) }) : {};
  // Renumber communities by size (largest 0); isolated actors get no community (-1).
  const sizes = new Map<number, number>();
  for (const row of nodeRows) {
    if (adjacency[index.get(row.id)!]!.length === 0) continue;
    const c = communityOf[row.id] ?? -1;
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  const ranked = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const renumber = new Map(ranked.map((c, i) => [c, i]));
  // Brokers: the top 5 % by betweenness (at least one, at most 25), among those that bridge anything at all.
  const sorted = [...values].filter((v) => v > 0).sort((a, b) => b - a);
  const brokerCount = Math.min(25, Math.max(sorted.length > 0 ? 1 : 0, Math.ceil(nodeRows.length * 0.05)));
  const brokerThreshold = sorted[Math.min(brokerCount, sorted.length) - 1] ?? Infinity;
  return {
    nodes: nodeRows.map((row, i) => {
      const isolated = adjacency[i]!.length === 0;
      return {
        id: row.id,
        name: row.name,
        municipality: row.nis,
        sector: row.sector,
        cultural: row.cultural ?? false,
        degree: degree[i]!,
        betweenness: Math.round(values[i]! * 10000) / 10000,
        community: isolated ? -1 : (renumber.get(communityOf[row.id] ?? -1) ?? -1),
        isolated,
        broker: values[i]! > 0 && values[i]! >= brokerThreshold,
      };
    }),
    edges,
    communities: ranked.length,
    approximate,
  };
}

/**
 * The bubble scheme (bollenschema): one bubble per municipality of the region with its cultural actors
 * (top half) and non-cultural actors (bottom half). The viewer's own municipality comes first.
 */
type BubbleActor = BubbleScheme['municipalities'][number]['cultural'][number];

export async function bubbleScheme(raw: RawSql, viewer: Viewer): Promise<BubbleScheme> {
  const visible = isMember(viewer) ? '' : ' AND a.is_public';
  const [municipalityRows, actorRows, sectorRows, own] = await Promise.all([
    raw.query<{ nis_code: string; name: string }>(
      'SELECT m.nis_code, m.name FROM region_municipalities rm JOIN municipalities m ON m.nis_code = rm.nis_code WHERE rm.region_id = $1 ORDER BY m.name',
      [viewer.region.id],
    ),
    // Relations count only partners the viewer may see, so a bubble's size gives nothing hidden away.
    raw.query<{ id: string; name: string; nis: string; sector: string; cultural: boolean; relations: number }>(
      `SELECT a.id, a.name, a.municipality_nis AS nis, x.sector_key AS sector, s.cultural,
         (SELECT count(*)::int FROM relations r
          JOIN actors o ON o.id = CASE WHEN r.source_actor_id = a.id THEN r.target_actor_id ELSE r.source_actor_id END
          WHERE (r.source_actor_id = a.id OR r.target_actor_id = a.id)${isMember(viewer) ? '' : ' AND o.is_public'}) AS relations
       FROM actors a JOIN actor_sectors x ON x.actor_id = a.id AND x.position = 0 JOIN sectors s ON s.key = x.sector_key
       WHERE a.region_id = $1${visible} ORDER BY s.position, a.search_name`,
      [viewer.region.id],
    ),
    raw.query<{ key: string; name: string; cultural: boolean }>('SELECT key, name, cultural FROM sectors ORDER BY position'),
    viewer.ownActorId ? raw.query<{ nis: string | null }>('SELECT municipality_nis AS nis FROM actors WHERE id = $1', [viewer.ownActorId]) : Promise.resolve([]),
  ]);
  const ownNis = own[0]?.nis ?? null;
  const bubbles = municipalityRows.map((m) => ({
    nisCode: m.nis_code,
    name: m.name,
    own: m.nis_code === ownNis,
    cultural: [] as BubbleActor[],
    nonCultural: [] as BubbleActor[],
  }));
  const byNis = new Map(bubbles.map((bubble) => [bubble.nisCode, bubble]));
  for (const actor of actorRows) {
    const bubble = byNis.get(actor.nis);
    if (!bubble) continue;
    (actor.cultural ? bubble.cultural : bubble.nonCultural).push({ id: actor.id, name: actor.name, sector: actor.sector, relations: actor.relations });
  }
  bubbles.sort((a, b) => Number(b.own) - Number(a.own));
  return { municipalities: bubbles, sectors: sectorRows };
}
